/**
 * `npm run goldens:update`: regenerate the transpiler goldens of fixtures/transpile/<name>/ (ir.json: the IR of
 * `transpile()`, handler.ts: the generated code) from each definition.asl.json, and print which files changed.
 * Deterministic: fixtures in byte order of their names, fixed transpile options, no timestamps.
 * The goldens test (test/transpile/goldens.test.ts) uses the same functions, so both always agree.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { transpile } from "../src/index.js";
import type { Diagnostic } from "../src/diagnostics/types.js";
import type { MachineIR } from "../src/ir/types.js";

/** The directory holding one sub-directory per fixture. */
export const FIXTURES_DIR = fileURLToPath(new URL("../fixtures/transpile/", import.meta.url));

/** The golden files of a fixture, by file name. */
export interface Goldens {
  "ir.json": string;
  "handler.ts": string;
}

export const GOLDEN_FILES = ["ir.json", "handler.ts"] as const;

/** Every fixture name (a directory with a definition.asl.json), in byte order. */
export function fixtureNames(): string[] {
  return readdirSync(FIXTURES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(`${FIXTURES_DIR}${d.name}/definition.asl.json`))
    .map((d) => d.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Path of a file of a fixture. */
export function fixtureFile(name: string, file: string): string {
  return `${FIXTURES_DIR}${name}/${file}`;
}

export type FixtureTranspile = { ok: true; ir: MachineIR; code: string; goldens: Goldens } | { ok: false; errors: Diagnostic[] };

/**
 * Transpile a fixture exactly as the goldens were made: the definition's text, `file` relative to the repository (it
 * is printed in the generated header) and the fixture's name as the state machine name.
 */
export async function transpileFixture(name: string): Promise<FixtureTranspile> {
  const file = `fixtures/transpile/${name}/definition.asl.json`;
  const result = await transpile(readFileSync(fixtureFile(name, "definition.asl.json"), "utf8"), { file, stateMachineName: name });
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0 || result.ir === undefined || result.code === "") return { ok: false, errors };
  return { ok: true, ir: result.ir, code: result.code, goldens: { "ir.json": `${JSON.stringify(result.ir, null, 2)}\n`, "handler.ts": result.code } };
}

/** Regenerate every fixture's goldens; returns the process exit status. */
async function main(): Promise<number> {
  let changed = 0;
  let failed = 0;
  for (const name of fixtureNames()) {
    const result = await transpileFixture(name);
    if (!result.ok) {
      failed++;
      process.stderr.write(`error   fixtures/transpile/${name}: does not transpile\n`);
      for (const d of result.errors) process.stderr.write(`          ${d.code} ${d.location.pointer} ${d.message}\n`);
      continue;
    }
    for (const file of GOLDEN_FILES) {
      const path = fixtureFile(name, file);
      const before = existsSync(path) ? readFileSync(path, "utf8") : undefined;
      if (before === result.goldens[file]) continue;
      writeFileSync(path, result.goldens[file]);
      changed++;
      process.stdout.write(`${before === undefined ? "created" : "updated"} fixtures/transpile/${name}/${file}\n`);
    }
  }
  process.stdout.write(`${changed === 0 ? "no golden changed" : `${changed} golden file(s) changed: review the diff`}${failed > 0 ? `; ${failed} fixture(s) failed` : ""}\n`);
  return failed > 0 ? 1 : 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main();
}
