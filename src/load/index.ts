/**
 * LOAD stage: turn a definition (JSON or YAML text, or an object from an API caller) into a fresh JSON value plus a
 * way to point back into the source. Pure: no I/O here (see file.ts for reading files and stdin).
 *
 * Diagnostic codes: ASL001 JSON syntax (and empty input), ASL002 YAML syntax, ASL003 duplicate key,
 * ASL004 non-JSON value in an object, ASL005 unreadable file (file.ts).
 * Positions are 1-based; columns count UTF-16 code units; `end` is exclusive (see source-map.ts).
 */
import type { Diagnostic } from "../diagnostics/types.js";
import { parseJson } from "./json.js";
import { childPointer } from "./pointer.js";
import { findRangeNode, LineIndex, setMember, toNodeRange, type ParseResult, type Problem } from "./source-map.js";
import type { LoadedSource } from "./types.js";
import { parseYaml } from "./yaml.js";

export type { LoadedSource, NodeRange, SourceFormat } from "./types.js";
export { applySubstitutions, type SubstitutionResult } from "./substitute.js";

export type TextFormat = "json" | "yaml";

export interface LoadTextOptions {
  /** Display name of the source (a path or `<stdin>`); `<input>` when omitted. Also used to pick the format. */
  file?: string;
  /** Force a format instead of deciding from the file extension or the text. */
  format?: TextFormat;
}

const BOM = "\uFEFF";

/** The format of a text: from the file extension (`.json`; `.yaml`, `.yml`), else JSON when it starts with `{` or `[`. */
export function detectFormat(text: string, file?: string): TextFormat {
  const name = (file ?? "").toLowerCase();
  if (name.endsWith(".json")) return "json";
  if (name.endsWith(".yaml") || name.endsWith(".yml")) return "yaml";
  const first = /\S/.exec(text.startsWith(BOM) ? text.slice(1) : text)?.[0];
  return first === "{" || first === "[" ? "json" : "yaml";
}

/** Load a definition from text. A leading UTF-8 byte-order mark is ignored (and not part of `text`). */
export function loadText(input: string, options: LoadTextOptions = {}): LoadedSource {
  const text = input.startsWith(BOM) ? input.slice(1) : input;
  const file = options.file ?? "<input>";
  const format = options.format ?? detectFormat(text, options.file);
  const lines = new LineIndex(text);
  const result = text.trim() === "" ? emptyResult() : parseSafely(text, format, lines);
  const diagnostics = result.problems.map((problem) => toDiagnostic(problem, file, lines));
  const failed = diagnostics.some((d) => d.severity === "error");
  const tree = result.tree;
  return {
    value: failed ? undefined : result.value,
    format,
    file,
    text,
    diagnostics,
    locate: (pointer) => {
      const node = tree === undefined ? undefined : findRangeNode(tree, pointer);
      return node === undefined ? undefined : toNodeRange(node, lines);
    },
  };
}

function emptyResult(): ParseResult {
  const problem: Problem = {
    code: "ASL001",
    severity: "error",
    message: "The definition is empty",
    range: { start: 0, end: 0 },
    pointer: "",
  };
  return { value: undefined, tree: undefined, problems: [problem] };
}

function parseSafely(text: string, format: TextFormat, lines: LineIndex): ParseResult {
  try {
    return format === "json" ? parseJson(text, lines) : parseYaml(text, lines);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const code = format === "json" ? "ASL001" : "ASL002";
    const problem: Problem = {
      code,
      severity: "error",
      message: "The definition is nested too deeply to load",
      range: { start: 0, end: 0 },
      pointer: "",
    };
    return { value: undefined, tree: undefined, problems: [problem] };
  }
}

function toDiagnostic(problem: Problem, file: string, lines: LineIndex): Diagnostic {
  const location: Diagnostic["location"] = {
    pointer: problem.pointer,
    file,
    start: lines.positionAt(problem.range.start),
    end: lines.positionAt(problem.range.end),
  };
  if (problem.key === true) location.key = true;
  return { code: problem.code, severity: problem.severity, message: problem.message, location };
}

export interface LoadObjectOptions {
  /** Display name of the source, when there is one. */
  file?: string;
}

/**
 * Load a definition given as a JavaScript value. The value is deep-copied: the loader never shares or mutates the
 * caller's object. Object members whose value is `undefined` are dropped (as `JSON.stringify` does); every other
 * non-JSON value (functions, symbols, bigints, NaN, ±Infinity, `undefined` in an array or at the root, array holes,
 * class instances, cycles) is an ASL004 error at the pointer of the first one met in document order.
 */
export function loadObject(value: unknown, options: LoadObjectOptions = {}): LoadedSource {
  const base = { format: "object" as const, file: options.file, locate: () => undefined };
  try {
    return { ...base, value: copyJson(value, "", new Set()), diagnostics: [] };
  } catch (error) {
    const found = error instanceof NotJson ? error : new NotJson("", describeFailure(error));
    const where = found.pointer === "" ? "at the root" : `at ${found.pointer}`;
    const diagnostic: Diagnostic = {
      code: "ASL004",
      severity: "error",
      message: `The definition contains ${found.what} ${where}; only JSON values are allowed`,
      location:
        options.file === undefined ? { pointer: found.pointer } : { pointer: found.pointer, file: options.file },
    };
    return { ...base, value: undefined, diagnostics: [diagnostic] };
  }
}

class NotJson extends Error {
  constructor(
    readonly pointer: string,
    readonly what: string,
  ) {
    super(`${what} at ${pointer}`);
  }
}

function describeFailure(error: unknown): string {
  if (error instanceof RangeError) return "a structure nested too deeply to copy";
  return `a value that cannot be read (${error instanceof Error ? error.message : String(error)})`;
}

/** A member's value; a getter that throws becomes a NotJson at the member. */
function readMember(value: object, key: string, pointer: string): unknown {
  try {
    return (value as Record<string, unknown>)[key];
  } catch (error) {
    throw new NotJson(childPointer(pointer, key), describeFailure(error));
  }
}

function copyJson(value: unknown, pointer: string, ancestors: Set<object>): unknown {
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      if (Number.isFinite(value)) return value;
      throw new NotJson(pointer, `the number ${String(value)}`);
    case "undefined":
      throw new NotJson(pointer, "undefined");
    case "bigint":
    case "symbol":
    case "function":
      throw new NotJson(pointer, `a ${typeof value}`);
    default:
      break;
  }
  if (value === null || typeof value !== "object") return null;
  if (ancestors.has(value)) throw new NotJson(pointer, "a cycle (an object that contains itself)");
  ancestors.add(value);
  try {
    return Array.isArray(value) ? copyArray(value, pointer, ancestors) : copyObject(value, pointer, ancestors);
  } finally {
    ancestors.delete(value);
  }
}

function copyArray(value: unknown[], pointer: string, ancestors: Set<object>): unknown[] {
  if (Object.getPrototypeOf(value) !== Array.prototype) throw new NotJson(pointer, "an instance of an Array subclass");
  const copy: unknown[] = [];
  for (let i = 0; i < value.length; i++) {
    if (!(i in value)) throw new NotJson(childPointer(pointer, i), "an array hole");
    copy.push(copyJson(value[i], childPointer(pointer, i), ancestors));
  }
  return copy;
}

function copyObject(value: object, pointer: string, ancestors: Set<object>): Record<string, unknown> {
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) {
    const name = (value.constructor as { name?: unknown } | undefined)?.name;
    throw new NotJson(
      pointer,
      typeof name === "string" && name !== "" ? `an instance of ${name}` : "a non-plain object",
    );
  }
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const member = readMember(value, key, pointer);
    if (member === undefined) continue;
    setMember(copy, key, copyJson(member, childPointer(pointer, key), ancestors));
  }
  return copy;
}

/**
 * Load what an API caller passed: the text of a JSON or YAML definition (named `file`, `<input>` by default), or an
 * object (deep-copied).
 */
export function loadDefinition(input: unknown, options: { file?: string; format?: TextFormat } = {}): LoadedSource {
  return typeof input === "string"
    ? loadText(input, { file: options.file ?? "<input>", ...(options.format ? { format: options.format } : {}) })
    : loadObject(input, options.file !== undefined ? { file: options.file } : {});
}
