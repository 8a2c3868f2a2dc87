import { mkdir } from "node:fs/promises";
import { basename, join } from "node:path";
import { formatDiagnostic } from "../diagnostics/format.js";
import type { Diagnostic } from "../diagnostics/types.js";
import { readSource } from "../load/file.js";
import { transpileSource } from "../transpile.js";
import { frameText, machinesOf } from "../build/template-machines.js";
import { companionsFor } from "../companions/files.js";
import type { TestFramework } from "../companions/test-file.js";
import type { Output } from "./output.js";
import { EXIT } from "./validate-command.js";
import { writeFileAtomic } from "./write-atomic.js";

export interface MigrateCommandArgs {
  file: string;
  out: string;
  machine?: string;
  testFramework: TestFramework;
  deployment: "cdk" | "sam" | "none";
  format: "text" | "json";
}

/** What `migrate` wrote for one state machine. */
interface Migrated {
  machine: string;
  ok: boolean;
  files: string[];
  errors: number;
  warnings: number;
}

/**
 * `asl2durable migrate <input> --out dir/`: the one-shot migration. For every state machine of the input (a definition,
 * or each machine of a CloudFormation/SAM/CDK/serverless file; `--machine` picks one): the handler module, a test that
 * runs it in the durable SDK's testing runner with a mock per Task, a deployment snippet (CDK construct or SAM) with
 * least-privilege IAM, and a migration report — then a summary. Progress goes to stderr.
 * Exit status: 0 every machine migrated, 1 a machine could not be (invalid, or not translatable), 2 usage or I/O error.
 */
export async function runMigrate(args: MigrateCommandArgs, io: Output): Promise<number> {
  const read = await readSource(args.file);
  if ("error" in read) {
    io.err(formatDiagnostic(read.error, { color: false }));
    return EXIT.usage;
  }
  const found = machinesOf(read.text, read.file, args.machine);
  const frame = (d: Diagnostic): { color: false; text?: string } => {
    const text = frameText(found, d, read.file);
    return text !== undefined ? { color: false, text } : { color: false };
  };
  for (const d of found.diagnostics) io.err(formatDiagnostic(d, frame(d)));
  if (found.machines.length === 0) return EXIT.invalid;
  try {
    await mkdir(args.out, { recursive: true });
  } catch (e) {
    io.err(`error: cannot create ${args.out}: ${(e as Error).message}`);
    return EXIT.usage;
  }
  const results: Migrated[] = [];
  for (const [i, machine] of found.machines.entries()) {
    const name = found.kind === "asl" ? basename(read.file).replace(/\.(asl\.)?(json|ya?ml)$/i, "") : (machine.name ?? machine.id);
    const stem = safeStem(found.kind === "asl" ? name : machine.id);
    io.err(`[${i + 1}/${found.machines.length}] ${machine.id}`);
    const result = await transpileSource(machine.source, { file: read.file, stateMachineName: name, ...(machine.type ? { machineType: machine.type } : {}) });
    for (const d of result.diagnostics) io.err(formatDiagnostic(d, frame(d)));
    const errors = result.diagnostics.filter((d) => d.severity === "error").length;
    const warnings = result.diagnostics.length - errors;
    if (result.code === "" || result.ir === undefined) {
      results.push({ machine: machine.id, ok: false, files: [], errors, warnings });
      continue;
    }
    const files: Array<{ path: string; text: string }> = [
      { path: `${stem}.ts`, text: result.code },
      ...(await companionsFor(result.ir, { stem, machineName: name, sourceFile: read.file, diagnostics: result.diagnostics, select: { test: args.testFramework, deployment: args.deployment === "none" ? false : args.deployment, report: true } })),
    ];
    try {
      for (const f of files) await writeFileAtomic(join(args.out, f.path), f.text);
    } catch (e) {
      io.err(`error: cannot write to ${args.out}: ${(e as Error).message}`);
      return EXIT.usage;
    }
    results.push({ machine: machine.id, ok: true, files: files.map((f) => join(args.out, f.path)), errors, warnings });
  }
  if (args.format === "json") io.out(JSON.stringify({ input: read.file, kind: found.kind, machines: results }, null, 2));
  else {
    for (const r of results) {
      io.out(r.ok ? `✓ ${r.machine}: ${r.files.join(", ")}${r.warnings ? ` (${plural(r.warnings, "warning")}: see the migration report)` : ""}` : `✗ ${r.machine}: not migrated (${plural(r.errors, "error")})`);
    }
    const done = results.filter((r) => r.ok).length;
    io.out(`${done} of ${results.length} state machine(s) migrated into ${args.out}`);
  }
  return results.every((r) => r.ok) ? EXIT.ok : EXIT.invalid;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/** A file name from a machine id: letters, digits, `-` and `_` only. */
function safeStem(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "") || "state-machine";
}
