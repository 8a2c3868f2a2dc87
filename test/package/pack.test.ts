import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { before, describe, test } from "node:test";

/**
 * Packaging, end to end (issue #6 item 5): `npm pack` builds the tarball a user installs; it is installed into an
 * empty folder with npm (from the local npm cache when it can) and used the ways users use it — `npx asl2durable` from
 * that folder, the library as an ES module with its types, and the `asl2durable/runtime` subpath bundled with esbuild.
 */
const ROOT = resolve(".");
const VERSION = (JSON.parse(readFileSync("package.json", "utf8")) as { version: string }).version;
let dir = "";

function run(command: string, args: string[], cwd = dir): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(command, args, { cwd, encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "" }, timeout: 180_000 });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe("the packed tarball", () => {
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "asl2durable-pack-"));
    const packed = run("npm", ["pack", "--silent", "--pack-destination", dir], ROOT);
    assert.equal(packed.status, 0, packed.stderr);
    const tarball = readdirSync(dir).find((f) => f.endsWith(".tgz"));
    assert.ok(tarball, "npm pack made a tarball");
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "consumer", version: "1.0.0", private: true, type: "module" }));
    const installed = run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error", `./${tarball}`]);
    assert.equal(installed.status, 0, installed.stderr);
  });

  test("npx asl2durable works from any folder: --version, validate with a located error (exit 1), transpile", () => {
    assert.equal(run("npx", ["asl2durable", "--version"]).stdout.trim(), VERSION);
    writeFileSync(join(dir, "ok.asl.json"), JSON.stringify({ StartAt: "P", States: { P: { Type: "Pass", End: true } } }));
    writeFileSync(join(dir, "bad.asl.json"), '{\n  "StartAt": "Missing",\n  "States": { "P": { "Type": "Pass", "End": true } }\n}\n');
    assert.equal(run("npx", ["asl2durable", "validate", "ok.asl.json"]).status, 0);
    const bad = run("npx", ["asl2durable", "validate", "bad.asl.json"]);
    assert.equal(bad.status, 1);
    assert.match(bad.stdout + bad.stderr, /bad\.asl\.json:2:\d+: error ASL\d{3}/);
    const transpiled = run("npx", ["asl2durable", "transpile", "ok.asl.json"]);
    assert.equal(transpiled.status, 0, transpiled.stderr);
    assert.match(transpiled.stdout, /export function makeHandler/);
    assert.match(run("npx", ["asl2durable", "--help"]).stdout, /compare <file>/);
  });

  test("the library imports as an ES module with types, and the runtime subpath resolves", () => {
    writeFileSync(
      join(dir, "use.mjs"),
      [
        'import { transpile, validate } from "asl2durable";',
        'import * as asl from "asl2durable/runtime";',
        'const r = await transpile({ StartAt: "P", States: { P: { Type: "Pass", End: true } } });',
        'console.log(JSON.stringify({ ok: validate({ StartAt: "P", States: { P: { Type: "Pass", End: true } } }).ok, code: r.code.includes("makeHandler"), path: asl.selectPath("$.a", { input: { a: 7 }, context: {} }, "InputPath") }));',
      ].join("\n"),
    );
    const used = run("node", ["use.mjs"]);
    assert.equal(used.status, 0, used.stderr);
    assert.deepEqual(JSON.parse(used.stdout.trim().split("\n").at(-1) ?? "{}"), { ok: true, code: true, path: 7 });
    const pkg = JSON.parse(readFileSync(join(dir, "node_modules", "asl2durable", "package.json"), "utf8")) as { exports: Record<string, { types: string }> };
    for (const entry of [".", "./runtime"]) {
      const types = pkg.exports[entry]?.types;
      assert.ok(types && readdirSync(join(dir, "node_modules", "asl2durable", types, "..")).length > 0, `${entry} ships its types`);
    }
  });

  test("asl2durable/runtime works when bundled with esbuild", () => {
    writeFileSync(join(dir, "entry.mjs"), 'import * as asl from "asl2durable/runtime";\nconsole.log(JSON.stringify(asl.evaluateTemplate({ "n.$": "States.MathAdd($.a, 1)" }, { input: { a: 1 }, context: {} }, "Parameters")));\n');
    const esbuild = join(ROOT, "node_modules", ".bin", "esbuild");
    const bundled = run(esbuild, ["entry.mjs", "--bundle", "--platform=node", "--format=esm", "--outfile=bundle.mjs", "--log-level=error"]);
    assert.equal(bundled.status, 0, bundled.stderr);
    const ran = run("node", ["bundle.mjs"]);
    assert.equal(ran.status, 0, ran.stderr);
    assert.deepEqual(JSON.parse(ran.stdout.trim()), { n: 2 });
  });
});
