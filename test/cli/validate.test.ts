import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { main } from "../../src/cli/main.js";
import { captureOutput } from "../support/output.js";

const VALID = "fixtures/order-processing.asl.json";
const INVALID = "fixtures/invalid/order-processing-mistakes.asl.json";

async function run(...argv: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const io = captureOutput();
  const status = await main(argv, io);
  return { status, stdout: io.stdout(), stderr: io.stderr() };
}

/** Run the real executable (through tsx), for stdin, exit codes and the absence of stack traces. */
function spawnCli(args: string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli/bin.ts", ...args], { input, encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("asl2durable validate", () => {
  test("exit 0 and a summary for a valid file", async () => {
    const r = await run("validate", VALID);
    assert.equal(r.status, 0);
    assert.equal(r.stdout, "1 file valid\n");
  });

  test("exit 1 with file:line:col: severity CODE message lines for an invalid file", async () => {
    const r = await run("validate", INVALID, "--no-code-frame");
    assert.equal(r.status, 1);
    const lines = r.stdout.trim().split("\n");
    assert.equal(lines[0], `${INVALID}:7:7: error ASL011 State "Validate Order" (Task): unknown field "Resorce" — did you mean "Resource"?`);
    assert.equal(lines.at(-1), "1 of 1 file invalid: 8 errors, 2 warnings");
    for (const line of lines.slice(0, -1).filter((l) => !l.startsWith("  hint:"))) assert.match(line, /^\S+:\d+:\d+: (error|warning) ASL\d{3} /);
  });

  test("--no-warnings prints errors only", async () => {
    const r = await run("validate", INVALID, "--no-code-frame", "--no-warnings");
    assert.doesNotMatch(r.stdout, /: warning ASL/);
    assert.match(r.stdout, /8 errors, 0 warnings/);
  });

  test("--format json prints one structured result for tools", async () => {
    const r = await run("validate", VALID, INVALID, "--format", "json");
    assert.equal(r.status, 1);
    const parsed = JSON.parse(r.stdout) as { summary: Record<string, number>; files: Array<{ file: string; ok: boolean; diagnostics: Array<{ code: string; location: { start: { line: number } } }> }> };
    assert.deepEqual(parsed.summary, { files: 2, invalidFiles: 1, errors: 8, warnings: 2 });
    assert.deepEqual(parsed.files.map((f) => [f.file, f.ok]), [[VALID, true], [INVALID, false]]);
    assert.equal(parsed.files[1]?.diagnostics[0]?.code, "ASL011");
    assert.equal(parsed.files[1]?.diagnostics[0]?.location.start.line, 7);
  });

  test("directories and globs expand to definition files", async () => {
    const root = mkdtempSync(join(tmpdir(), "asl2durable-"));
    mkdirSync(join(root, "nested"));
    writeFileSync(join(root, "b.asl.json"), readFileSync(VALID, "utf8"));
    writeFileSync(join(root, "nested", "a.asl.yaml"), "StartAt: A\nStates:\n  A:\n    Type: Succeed\n");
    writeFileSync(join(root, "notes.txt"), "not a definition");
    const dir = await run("validate", root, "--format", "json");
    const files = (JSON.parse(dir.stdout) as { files: Array<{ file: string }> }).files.map((f) => f.file);
    assert.deepEqual(files, [`${root}/b.asl.json`, `${root}/nested/a.asl.yaml`]);
    const glob = await run("validate", "fixtures/*.asl.json");
    assert.equal(glob.status, 0);
    assert.equal(glob.stdout, "1 file valid\n");
  });

  test("exit 2 for a missing file, with a located message and no stack trace", async () => {
    const r = await run("validate", "no/such/file.asl.json", VALID);
    assert.equal(r.status, 2);
    assert.match(r.stdout, /no\/such\/file\.asl\.json#\/: error ASL005 Cannot read "no\/such\/file\.asl\.json"/);
    assert.doesNotMatch(r.stdout + r.stderr, /\bat .+:\d+:\d+\)/);
  });

  test("--type EXPRESS rejects .sync integrations", async () => {
    const dir = mkdtempSync(join(tmpdir(), "asl2durable-"));
    const file = join(dir, "sync.asl.json");
    writeFileSync(file, JSON.stringify({ StartAt: "S", States: { S: { Type: "Task", Resource: "arn:aws:states:::states:startExecution.sync", End: true } } }));
    assert.equal((await run("validate", file)).status, 0);
    const express = await run("validate", file, "--type", "EXPRESS", "--no-code-frame");
    assert.equal(express.status, 1);
    assert.match(express.stdout, /error ASL211 /);
  });

  test("--substitutions resolves ${Name} placeholders; bad substitution files exit 2", async () => {
    const dir = mkdtempSync(join(tmpdir(), "asl2durable-"));
    const file = join(dir, "subst.asl.json");
    writeFileSync(file, JSON.stringify({ StartAt: "S", States: { S: { Type: "Task", Resource: "${FnArn}", End: true } } }));
    const subs = join(dir, "subs.json");
    writeFileSync(subs, JSON.stringify({ FnArn: "arn:aws:lambda:us-east-1:123456789012:function:f" }));
    const before = await run("validate", file, "--no-code-frame");
    assert.match(before.stdout, /warning ASL904 /);
    const after = await run("validate", file, "--substitutions", subs);
    assert.equal(after.stdout, "1 file valid\n");
    writeFileSync(subs, "{ not json");
    const bad = await run("validate", file, "--substitutions", subs);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /^error: substitutions file ".*subs\.json" is not valid JSON/);
  });

  test("usage errors exit 2 with a message, never a stack trace", async () => {
    const unknown = await run("frobnicate");
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /Unknown argument|Unknown command|Name a command/);
    const noFiles = await run("validate");
    assert.equal(noFiles.status, 2);
    const badType = await run("validate", VALID, "--type", "FAST");
    assert.equal(badType.status, 2);
    assert.match(badType.stderr, /Invalid values/);
  });

  test("--help lists examples and --version prints the package version", async () => {
    const help = await run("validate", "--help");
    assert.equal(help.status, 0);
    assert.match(help.stdout, /Examples:/);
    assert.match(help.stdout, /--substitutions/);
    const version = await run("--version");
    const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
    assert.equal(version.stdout.trim(), pkg.version);
  });

  test("the executable reads stdin with -, and sets the exit status", () => {
    const ok = spawnCli(["validate", "-"], readFileSync(VALID, "utf8"));
    assert.equal(ok.status, 0);
    assert.equal(ok.stdout, "1 file valid\n");
    const yaml = spawnCli(["validate", "-", "--no-code-frame"], "StartAt: A\nStates:\n  A:\n    Type: Pass\n    Next: B\n");
    assert.equal(yaml.status, 1);
    assert.match(yaml.stdout, /^<stdin>:5:11: error ASL102 State "A" \(Pass\): Next "B" is not the name of a state/m);
    const garbage = spawnCli(["validate", "-"], "{ \"StartAt\": ");
    assert.equal(garbage.status, 1);
    assert.match(garbage.stdout, /^<stdin>:1:\d+: error ASL001 JSON syntax error/m);
    assert.doesNotMatch(garbage.stderr, /\n\s+at /);
  });
});
