import assert from "node:assert/strict";
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

  test("the set-up commands name files that exist", () => {
    const commands = [...readme.matchAll(/npx asl2durable validate ([^\n`]+)/g)].map((m) => m[1] ?? "");
    assert.ok(commands.length > 0);
    for (const file of commands.join(" ").split(/\s+/).filter((a) => a.startsWith("fixtures/"))) assert.ok(existsSync(file), file);
  });
});
