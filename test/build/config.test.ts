import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { findConfigFile, loadConfigFile, validateConfig } from "../../src/build/index.js";
import { keyPath } from "../../src/build/validate-config.js";
import { buildIn, FIXTURE, read, tempDir } from "./project.js";

const PASS = JSON.stringify({ StartAt: "P", States: { P: { Type: "Pass", End: true } } });

/** A temporary project with one definition, `m.asl.json`, and these files. */
function project(files: Record<string, string>): string {
  const dir = tempDir();
  writeFileSync(join(dir, "m.asl.json"), PASS);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe("validateConfig", () => {
  test("a valid configuration passes unchanged", () => {
    const config = {
      outDir: "gen",
      machines: [{ input: "a/*.json", machine: "Orders", out: "gen/o.ts", name: "Orders", type: "EXPRESS", substitutions: { A: "x", B: 1, C: true } }, { input: "b.yaml", substitutions: "subs.json" }],
      companions: { tests: true, deployment: "sam", report: false },
    };
    assert.deepEqual(validateConfig(config), { ok: true, config });
    assert.equal(validateConfig({ machines: [{ input: "x" }], companions: { deployment: false } }).ok, true);
  });

  test("every problem is reported with its key path, in key path order", () => {
    const result = validateConfig({
      outDir: 3,
      machines: [{ input: 1, outt: "x.ts", type: "express", substitutions: { Bucket: ["a"], "Table Name": null } }, { out: "y.ts" }, { input: "", substitutions: "" }],
      companions: { deployment: "cloudformation", tests: "yes" },
      extra: true,
    });
    assert.deepEqual(result, {
      ok: false,
      errors: [
        { keyPath: "companions.deployment", message: 'must be one of "cdk", "sam", false' },
        { keyPath: "companions.tests", message: "must be a boolean" },
        { keyPath: "extra", message: 'unknown key "extra"; known keys: outDir, machines, companions' },
        { keyPath: "machines[0].input", message: "must be a string" },
        { keyPath: "machines[0].outt", message: 'unknown key "outt" (did you mean "out"?); known keys: input, machine, out, name, type, substitutions' },
        { keyPath: "machines[0].substitutions.Bucket", message: "must be a string, number or boolean" },
        { keyPath: 'machines[0].substitutions["Table Name"]', message: "must be a string, number or boolean" },
        { keyPath: "machines[0].type", message: 'must be one of "STANDARD", "EXPRESS"' },
        { keyPath: "machines[1].input", message: 'required key "input" is missing' },
        { keyPath: "machines[2].input", message: "must not be empty" },
        { keyPath: "machines[2].substitutions", message: "must not be empty" },
        { keyPath: "outDir", message: "must be a string" },
      ],
    });
  });

  test("the whole value, and an empty machine list", () => {
    assert.deepEqual(validateConfig([]), { ok: false, errors: [{ keyPath: "", message: "must be an object" }] });
    assert.deepEqual(validateConfig({}), { ok: false, errors: [{ keyPath: "machines", message: 'required key "machines" is missing' }] });
    assert.deepEqual(validateConfig({ machines: [] }), { ok: false, errors: [{ keyPath: "machines", message: "must list at least one entry" }] });
    assert.deepEqual(validateConfig({ machines: [{ input: "a", substitutions: 5 }] }), {
      ok: false,
      errors: [{ keyPath: "machines[0].substitutions", message: "must be a JSON file name or an object of name → string, number or boolean" }],
    });
  });

  test("key paths under package.json's key carry its name", () => {
    assert.deepEqual(validateConfig({ machines: "x" }, "asl2durable"), { ok: false, errors: [{ keyPath: "asl2durable.machines", message: "must be an array" }] });
    assert.equal(keyPath(["machines", "0", "substitutions", "a-b"]), 'machines[0].substitutions["a-b"]');
  });
});

describe("finding and loading the configuration", () => {
  test("the fixture project keeps it under the asl2durable key of package.json", async () => {
    const found = await findConfigFile(FIXTURE);
    assert.deepEqual(found, { file: join(FIXTURE, "package.json") });
    const loaded = await loadConfigFile(join(FIXTURE, "package.json"));
    assert.equal(loaded.ok, true);
    assert.equal(loaded.ok && loaded.root, FIXTURE);
  });

  test("searched from the current folder upwards, stopping at the project root (a package.json)", async () => {
    const dir = project({ "package.json": "{}", "app/asl2durable.config.json": JSON.stringify({ machines: [{ input: "../m.asl.json" }] }) });
    mkdirSync(join(dir, "app/src/deep"), { recursive: true });
    assert.deepEqual(await findConfigFile(join(dir, "app/src/deep")), { file: join(dir, "app/asl2durable.config.json") });
    // From the root there is none: package.json without the key ends the search.
    const none = await findConfigFile(dir);
    assert.ok("error" in none);
    assert.match(none.error, /no build configuration found from .* up to the project root/);
    const r = await buildIn(dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^error: no build configuration found/);
  });

  test("paths in the configuration are relative to its folder, wherever build runs", async () => {
    const dir = project({ "package.json": "{}", "app/asl2durable.config.json": JSON.stringify({ outDir: "gen", machines: [{ input: "../m.asl.json" }] }) });
    const r = await buildIn(dir, { config: "app/asl2durable.config.json" });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /^m\.asl\.json → app\/gen\/m\.ts$/m);
    assert.match(read(dir, "app/gen/m.ts"), /^\/\/ Generated by asl2durable \S+ from \.\.\/m\.asl\.json /);
  });

  test("several configurations in one folder is an error", async () => {
    const config = JSON.stringify({ machines: [{ input: "m.asl.json" }] });
    const dir = project({ "asl2durable.config.json": config, "package.json": JSON.stringify({ asl2durable: JSON.parse(config) }) });
    const r = await buildIn(dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /has several build configurations \(asl2durable\.config\.json, package\.json\); keep one/);
  });

  test("an invalid configuration: exit 2, each problem with the file and key path", async () => {
    const dir = project({ "asl2durable.config.json": JSON.stringify({ machines: [{ input: "m.asl.json", outt: "x.ts" }], companions: { deployment: "terraform" } }) });
    const r = await buildIn(dir);
    assert.equal(r.status, 2);
    assert.equal(
      r.stderr,
      'error: asl2durable.config.json: companions.deployment: must be one of "cdk", "sam", false\n' +
        'error: asl2durable.config.json: machines[0].outt: unknown key "outt" (did you mean "out"?); known keys: input, machine, out, name, type, substitutions\n',
    );
    const pkg = project({ "package.json": JSON.stringify({ name: "x", asl2durable: { machines: [{ input: 7 }] } }) });
    const p = await buildIn(pkg, { format: "json" });
    assert.equal(p.status, 2);
    assert.deepEqual(JSON.parse(p.stdout), { ok: false, config: "package.json", outputs: [], problems: [{ kind: "config", keyPath: "asl2durable.machines[0].input", message: "must be a string" }] });
  });

  test("a JSON configuration that does not parse is exit 2", async () => {
    const dir = project({ "asl2durable.config.json": "{ machines: [] }" });
    const r = await buildIn(dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^error: asl2durable\.config\.json: not valid JSON: /);
  });

  test("asl2durable.config.mjs: its default export", async () => {
    const dir = project({ "asl2durable.config.mjs": `const outDir = "gen";\nexport default { outDir, machines: [{ input: "m.asl.json" }] };\n` });
    const r = await buildIn(dir);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /m\.asl\.json → gen\/m\.ts/);
    const missing = project({ "asl2durable.config.mjs": `export const config = {};\n` });
    const m = await buildIn(missing);
    assert.equal(m.status, 2);
    assert.match(m.stderr, /asl2durable\.config\.mjs: it has no default export/);
  });

  test("asl2durable.config.ts: loaded through tsx, with type annotations, in ESM and CommonJS packages", async () => {
    const source = `import type { BuildConfig } from "asl2durable-types";\nconst outDir: string = "gen";\nconst config: BuildConfig = { outDir, machines: [{ input: "m.asl.json" }] };\nexport default config;\n`;
    for (const pkg of [{ type: "module" }, {}]) {
      const dir = project({ "package.json": JSON.stringify(pkg), "asl2durable.config.ts": source });
      const r = await buildIn(dir);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stderr, /m\.asl\.json → gen\/m\.ts/);
    }
  });

  test("an edited .mjs or .ts configuration is read again (not Node's cached module)", async () => {
    for (const name of ["asl2durable.config.mjs", "asl2durable.config.ts"]) {
      const dir = project({ [name]: `export default { outDir: "one", machines: [{ input: "m.asl.json" }] };\n` });
      const first = await loadConfigFile(join(dir, name));
      writeFileSync(join(dir, name), `export default { outDir: "two", machines: [{ input: "m.asl.json" }] };\n`);
      const second = await loadConfigFile(join(dir, name));
      assert.deepEqual([first.ok && first.config.outDir, second.ok && second.config.outDir], ["one", "two"], name);
    }
  });
});
