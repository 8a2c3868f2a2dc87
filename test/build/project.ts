/** Helpers of the build tests: the fixture project, temporary copies of it, and the `build` command in-process. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runBuild, type BuildCommandArgs, type BuildEnvironment } from "../../src/cli/build-command.js";
import { captureOutput } from "../support/output.js";

export const FIXTURE = fileURLToPath(new URL("../../fixtures/build-project", import.meta.url));

export const ORDER_INPUT = "statemachines/order-fulfilment.asl.json";
export const ORDER_OUT = "src/generated/order-fulfilment.ts";
export const REPORT_INPUT = "statemachines/nightly-report.asl.yaml";
export const REPORT_OUT = "src/generated/nightly-report.ts";

/** A fresh temporary folder. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "asl2durable-build-"));
}

/** A copy of the fixture project in a temporary folder (its generated files included). */
export function copyFixture(): string {
  const dir = tempDir();
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

export function read(dir: string, file: string): string {
  return readFileSync(join(dir, file), "utf8");
}

/** Edit a JSON file of a project in place. */
export function editJson(dir: string, file: string, edit: (value: Record<string, unknown>) => void): void {
  const value = JSON.parse(read(dir, file)) as Record<string, unknown>;
  edit(value);
  writeFileSync(join(dir, file), JSON.stringify(value, null, 2) + "\n");
}

export interface CommandRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** `asl2durable build` with these flags, run in `cwd`. */
export async function buildIn(cwd: string, flags: Partial<BuildCommandArgs> = {}, env: BuildEnvironment = {}): Promise<CommandRun> {
  const io = captureOutput();
  const args: BuildCommandArgs = { check: false, watch: false, force: false, format: "text", warnings: true, color: false, ...flags };
  const status = await runBuild(args, io, { cwd, ...env });
  return { status, stdout: io.stdout(), stderr: io.stderr() };
}
