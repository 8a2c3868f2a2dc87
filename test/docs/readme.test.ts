import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { CATALOG } from "../../src/diagnostics/catalog.js";
import { withRulesTable } from "../../src/docs/rules-table.js";
import { RULES } from "../../src/validate/rules/index.js";

const readme = readFileSync("README.md", "utf8");

describe("README and catalogue", () => {
  test("the README's rule table is generated from the catalogue and up to date (npm run docs:rules)", () => {
    assert.equal(withRulesTable(readme), readme);
    for (const entry of CATALOG) assert.ok(readme.includes(`| \`${entry.code}\` |`), entry.code);
  });

  test("codes are unique, well-formed, and each has a doc line", () => {
    const codes = CATALOG.map((e) => e.code);
    assert.equal(new Set(codes).size, codes.length);
    for (const e of CATALOG) {
      assert.match(e.code, /^ASL\d{3}$/);
      assert.match(e.name, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      assert.ok(e.doc.length > 10 && !e.doc.includes("\n"), e.code);
    }
  });

  test("every semantic code is owned by a rule, and every rule code is in the catalogue", () => {
    const owned = new Set(RULES.flatMap((r) => r.codes));
    const stagesWithoutRules = new Set(["load", "schema", "transpile"]); // transpile: emitted by lowering (src/ir/unsupported.ts)
    for (const e of CATALOG) {
      if (stagesWithoutRules.has(e.stage)) continue;
      assert.ok(owned.has(e.code), `${e.code} (${e.name}) is emitted by no rule`);
    }
    for (const code of owned) assert.ok(CATALOG.some((e) => e.code === code), `${code} is not in the catalogue`);
  });

  test("the two set-up commands are there, and the files the README names exist", () => {
    assert.match(readme, /```sh\nnpm ci && npm run example\n```/);
    assert.match(readme, /```sh\nnpm test\n```/);
    const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> };
    assert.ok(pkg.scripts["example"] && pkg.scripts["test"] && pkg.scripts["conformance"] && pkg.scripts["bench"]);
    const files = [...readme.matchAll(/\b(fixtures\/[\w./-]+\.json)\b/g)].map((m) => m[1] ?? "");
    assert.ok(files.length > 0);
    for (const file of files) assert.ok(existsSync(file), file);
  });

  test("the README's example command transpiles the bundled definition and runs its handler", () => {
    const r = spawnSync(process.execPath, ["--import", "tsx", "--conditions=asl2durable-source", "scripts/run-example.ts"], { encoding: "utf8" });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^status: SUCCEEDED$/m);
    assert.match(r.stdout, /"chargeId": "ch_123"/, "the retried charge succeeded on its second attempt");
    assert.match(r.stdout, /WAIT\s+Charge Card \(retry 1\)/);
    assert.match(r.stdout, /CONTEXT\s+Update Line Items \[1\]/);
  });
});
