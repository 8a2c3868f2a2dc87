import { mkdir, readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { formatDiagnostic } from "../diagnostics/format.js";
import type { Diagnostic } from "../diagnostics/types.js";
import { readSource } from "../load/file.js";
import { transpileSource } from "../transpile.js";
import { frameText, machinesOf } from "../build/template-machines.js";
import { companionsFor, folderCompanions, type CompanionSelection } from "../companions/files.js";
import { projectDependencies, type WrittenFileRole } from "../companions/dependencies.js";
import { outputState } from "../emit/checksum.js";
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
  /** Generate the test (default true). */
  test?: boolean;
  /** Generate the migration report (default true). */
  report?: boolean;
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
  const select: CompanionSelection = {
    test: args.test === false ? false : args.testFramework,
    deployment: args.deployment === "none" ? false : args.deployment,
    report: args.report !== false,
  };
  const results: Migrated[] = [];
  const written: Array<{ role: WrittenFileRole; text: string }> = [];
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
      ...(await companionsFor(result.ir, { stem, machineName: name, sourceFile: read.file, diagnostics: result.diagnostics, select })),
    ];
    try {
      for (const f of files) await writeFileAtomic(join(args.out, f.path), f.text);
    } catch (e) {
      io.err(`error: cannot write to ${args.out}: ${(e as Error).message}`);
      return EXIT.usage;
    }
    results.push({ machine: machine.id, ok: true, files: files.map((f) => join(args.out, f.path)), errors, warnings });
    written.push(...files.map((f, index) => ({ role: index === 0 ? ("handler" as const) : roleOf(f.path), text: f.text })));
  }
  // Files the folder needs once (the jest configuration), never over one the user keeps there.
  const shared: string[] = [];
  if (results.some((r) => r.ok)) {
    for (const f of folderCompanions(select)) {
      const path = join(args.out, f.path);
      const existing = await readFile(path, "utf8").catch(() => undefined);
      if (existing !== undefined && outputState(existing) !== "unmodified") {
        io.err(`note: ${path} exists and was not generated by asl2durable; kept as it is (the generated tests expect the one asl2durable writes)`);
        continue;
      }
      try {
        await writeFileAtomic(path, f.text);
      } catch (e) {
        io.err(`error: cannot write to ${args.out}: ${(e as Error).message}`);
        return EXIT.usage;
      }
      shared.push(path);
    }
  }
  const packages = projectDependencies(written, select.test === false ? undefined : select.test);
  if (args.format === "json") io.out(JSON.stringify({ input: read.file, kind: found.kind, machines: results, shared, ...packages }, null, 2));
  else {
    for (const r of results) {
      io.out(r.ok ? `✓ ${r.machine}: ${r.files.join(", ")}${r.warnings ? ` (${plural(r.warnings, "warning")}: see the migration report)` : ""}` : `✗ ${r.machine}: not migrated (${plural(r.errors, "error")})`);
    }
    if (shared.length > 0) io.out(`✓ for the tests: ${shared.join(", ")}`);
    const done = results.filter((r) => r.ok).length;
    io.out(`${done} of ${results.length} state machine(s) migrated into ${args.out}`);
    if (done > 0) {
      io.out("Next, install what the generated files import:");
      if (packages.dependencies.length > 0) io.out(`  npm install ${packages.dependencies.join(" ")}`);
      if (packages.devDependencies.length > 0) io.out(`  npm install --save-dev ${packages.devDependencies.join(" ")}`);
    }
  }
  return results.every((r) => r.ok) ? EXIT.ok : EXIT.invalid;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/** What a companion file is, by its name (src/companions/files.ts names them). */
function roleOf(path: string): WrittenFileRole {
  if (path.endsWith(".test.ts")) return "test";
  if (path.endsWith(".construct.ts") || path.endsWith(".sam.yaml")) return "deployment";
  return "other";
}

/** A file name from a machine id: letters, digits, `-` and `_` only. */
function safeStem(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "") || "state-machine";
}
