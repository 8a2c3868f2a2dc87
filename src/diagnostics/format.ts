import type { Diagnostic, Position } from "./types.js";

export interface FormatOptions {
  /** ANSI colours (the CLI turns them on only for a TTY). */
  color?: boolean;
  /** The source text, for a code frame under each diagnostic. */
  text?: string;
  /** Lines of context above and below the offending line (default 1). */
  contextLines?: number;
}

const ANSI = { red: 31, yellow: 33, cyan: 36, gray: 90, bold: 1 } as const;

function paint(on: boolean, style: keyof typeof ANSI, text: string): string {
  return on ? `\u001b[${ANSI[style]}m${text}\u001b[0m` : text;
}

/** `file:line:col` (or `file#/pointer` when no position is known). */
export function formatLocation(d: Diagnostic): string {
  const file = d.location.file ?? "<input>";
  const start = d.location.start;
  if (start) return `${file}:${start.line}:${start.column}`;
  return `${file}#${d.location.pointer || "/"}`;
}

/** One diagnostic: `file:line:col: error ASL123 message`, then an optional code frame and hint. */
export function formatDiagnostic(d: Diagnostic, options: FormatOptions = {}): string {
  const color = options.color === true;
  const severityStyle = d.severity === "error" ? "red" : d.severity === "warning" ? "yellow" : "cyan";
  const head = `${paint(color, "bold", formatLocation(d))}: ${paint(color, severityStyle, d.severity)} ${paint(color, "gray", d.code)} ${d.message}`;
  const lines = [head];
  if (options.text !== undefined && d.location.start) {
    lines.push(codeFrame(options.text, d.location.start, d.location.end, options.contextLines ?? 1, color));
  }
  if (d.hint) lines.push(`  ${paint(color, "cyan", "hint:")} ${d.hint}`);
  return lines.join("\n");
}

/** The offending line with its neighbours and a caret underline, like a compiler's code frame. */
export function codeFrame(text: string, start: Position, end: Position | undefined, context: number, color = false): string {
  const source = text.split(/\r\n|\r|\n/);
  const first = Math.max(1, start.line - context);
  const last = Math.min(source.length, start.line + context);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const line = (source[n - 1] ?? "").replace(/\t/g, " ");
    const marker = n === start.line ? paint(color, "red", ">") : " ";
    out.push(`${marker} ${paint(color, "gray", String(n).padStart(width) + " |")} ${line}`);
    if (n === start.line) {
      const sameLine = end && end.line === start.line;
      const length = Math.max(1, sameLine ? end.column - start.column : line.length - start.column + 1);
      out.push(`  ${" ".repeat(width)} ${paint(color, "gray", "|")} ${" ".repeat(Math.max(0, start.column - 1))}${paint(color, "red", "^".repeat(Math.min(length, 80)))}`);
    }
  }
  return out.join("\n");
}

export interface Summary {
  files: number;
  invalidFiles: number;
  errors: number;
  warnings: number;
}

export function summarize(results: ReadonlyArray<{ diagnostics: readonly Diagnostic[] }>): Summary {
  let errors = 0;
  let warnings = 0;
  let invalidFiles = 0;
  for (const r of results) {
    const e = r.diagnostics.filter((d) => d.severity === "error").length;
    errors += e;
    warnings += r.diagnostics.filter((d) => d.severity === "warning").length;
    if (e > 0) invalidFiles++;
  }
  return { files: results.length, invalidFiles, errors, warnings };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** The closing line: `2 of 5 files invalid: 3 errors, 1 warning` or `5 files valid (1 warning)`. */
export function formatSummary(s: Summary, color = false): string {
  if (s.invalidFiles > 0) {
    return paint(color, "red", `${s.invalidFiles} of ${plural(s.files, "file")} invalid: ${plural(s.errors, "error")}, ${plural(s.warnings, "warning")}`);
  }
  const tail = s.warnings > 0 ? ` (${plural(s.warnings, "warning")})` : "";
  return `${s.files === 1 ? "1 file" : `${s.files} files`} valid${tail}`;
}
