import { formatDiagnostic, formatSummary, summarize } from "../diagnostics/format.js";
import type { Diagnostic } from "../diagnostics/types.js";
import { readSource } from "../load/file.js";
import { frameText, machinesOf } from "../build/template-machines.js";
import { loadText } from "../load/index.js";
import { validateSource, type ValidateOptions } from "../validate/index.js";
import { expandFiles } from "./files.js";
import type { Output } from "./output.js";
import { readSubstitutions } from "./substitutions.js";

export interface ValidateCommandArgs {
  files: string[];
  format: "text" | "json";
  type: "STANDARD" | "EXPRESS";
  substitutions?: string;
  arnCheck: boolean;
  pathCheck: boolean;
  warnings: boolean;
  color?: boolean;
  /** Print a code frame under each diagnostic (default: on a terminal). */
  codeFrame?: boolean;
  /** In a template holding several state machines, only this one (logical id or name). */
  machine?: string;
}

export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

interface FileResult {
  file: string;
  ok: boolean;
  diagnostics: Diagnostic[];
  /** The text a diagnostic points into (the file's, or a file it references), for its code frame. */
  text?: (d: Diagnostic) => string | undefined;
}

/** `asl2durable validate <files...>`: returns the exit status; never throws for bad input. */
export async function runValidate(args: ValidateCommandArgs, io: Output): Promise<number> {
  const color = args.color ?? io.isTTY;
  const options: ValidateOptions = { machineType: args.type, checkArns: args.arnCheck, checkPaths: args.pathCheck };
  if (args.substitutions !== undefined) {
    const subs = await readSubstitutions(args.substitutions);
    if (typeof subs === "string") {
      io.err(`error: ${subs}`);
      return EXIT.usage;
    }
    options.substitutions = subs;
  }
  const { files, missing } = await expandFiles(args.files);
  const results: FileResult[] = [];
  let ioError = missing.length > 0;
  for (const m of missing) {
    results.push(ioFailure(m, `Cannot read "${m}": no such file, directory or matching glob`));
  }
  const progress = io.isTTY && args.format === "text" && files.length > 20;
  for (const [i, file] of files.entries()) {
    if (progress) process.stderr.write(`\rvalidating ${i + 1}/${files.length}`);
    const read = await readSource(file);
    if ("error" in read) {
      ioError = true;
      results.push({ file, ok: false, diagnostics: [read.error] });
      continue;
    }
    // A template (CloudFormation, SAM, CDK, serverless, describe-state-machine) holds machines: each is validated,
    // its diagnostics located in the file; a bare definition is one machine.
    const found = machinesOf(read.text, read.file, args.machine);
    const diagnostics = [...found.diagnostics];
    for (const machine of found.machines) {
      const result = validateSource(machine.source, { ...options, ...(machine.type ? { machineType: machine.type } : {}) });
      diagnostics.push(...(found.machines.length > 1 ? result.diagnostics.map((d) => ({ ...d, message: `[${machine.id}] ${d.message}` })) : result.diagnostics));
    }
    results.push({ file: read.file, ok: !diagnostics.some((d) => d.severity === "error") && found.machines.length > 0, diagnostics, text: (d) => frameText(found, d, read.file) });
  }
  if (progress) process.stderr.write("\r\u001b[K");
  const shown = results.map((r) => ({ ...r, diagnostics: args.warnings ? r.diagnostics : r.diagnostics.filter((d) => d.severity === "error") }));
  const summary = summarize(shown);
  if (args.format === "json") {
    io.out(JSON.stringify({ summary, files: shown.map(({ file, ok, diagnostics }) => ({ file, ok, diagnostics })) }, null, 2));
  } else {
    for (const r of shown) {
      for (const d of r.diagnostics) {
        const text = (args.codeFrame ?? io.isTTY) ? r.text?.(d) : undefined;
        io.out(formatDiagnostic(d, { color, ...(text !== undefined ? { text } : {}) }) + (text !== undefined ? "\n" : ""));
      }
    }
    io.out(formatSummary(summary, color));
  }
  if (ioError) return EXIT.usage;
  return summary.invalidFiles > 0 ? EXIT.invalid : EXIT.ok;
}

function ioFailure(file: string, message: string): FileResult {
  return { file, ok: false, diagnostics: [{ code: "ASL005", severity: "error", message, location: { pointer: "", file } }] };
}
