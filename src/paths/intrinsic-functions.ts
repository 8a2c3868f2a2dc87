/**
 * The 18 intrinsic functions of ASL-5 as data (arity, argument kinds, result kind), and the definition-time checks of
 * a parsed call: unknown names, arity, literal arguments of the wrong kind, nesting depth, and the few literal values
 * that can never work (hash algorithm, JsonMerge's `false`, ArrayRange step and size, ArrayPartition size, MathAdd
 * range). Paths are resolved only at run time, so a path argument always passes.
 */
import { closest } from "../diagnostics/suggest.js";
import type { IntrinsicArgument, IntrinsicCall } from "./intrinsic.js";

/** What a function returns. `any` when it depends on the data (StringToJson, ArrayGetItem). */
export type ValueKind = "string" | "integer" | "number" | "boolean" | "array" | "object" | "any";

/** What a function expects at one argument position. */
export type ArgumentKind =
  | "string"
  | "integer"
  | "number"
  | "array"
  | "object"
  | "any"
  /** a path (or a nested call), never a literal: States.JsonToString. */
  | "path"
  /** the literal `false`: the third argument of States.JsonMerge. */
  | "false";

export interface IntrinsicFunctionSpec {
  name: string;
  minArgs: number;
  /** `Infinity` for the variadic States.Format and States.Array. */
  maxArgs: number;
  /** The kind of each position; a variadic function repeats its last entry. */
  params: readonly ArgumentKind[];
  returns: ValueKind;
  /**
   * Accepted in Fail `ErrorPath`/`CausePath`, which need a string. This is amazon-states-language-service's list:
   * the string-returning functions plus ArrayGetItem (whose element may be a string).
   */
  stringResult: boolean;
}

const spec = (
  name: string,
  minArgs: number,
  maxArgs: number,
  params: readonly ArgumentKind[],
  returns: ValueKind,
  stringResult = returns === "string",
): IntrinsicFunctionSpec => ({ name: `States.${name}`, minArgs, maxArgs, params, returns, stringResult });

/** ASL-5, in the order of its table. */
export const INTRINSIC_FUNCTIONS: readonly IntrinsicFunctionSpec[] = [
  // Arguments may be objects and arrays too: AWS prints them as Java does ({a=1, b=[]}) [obs: test_context_json_path].
  spec("Format", 1, Infinity, ["string", "any"], "string"),
  spec("StringToJson", 1, 1, ["string"], "any"),
  spec("JsonToString", 1, 1, ["path"], "string"),
  spec("Array", 0, Infinity, ["any"], "array"),
  spec("ArrayPartition", 2, 2, ["array", "integer"], "array"),
  spec("ArrayContains", 2, 2, ["array", "any"], "boolean"),
  spec("ArrayRange", 3, 3, ["integer", "integer", "integer"], "array"),
  spec("ArrayGetItem", 2, 2, ["array", "integer"], "any", true),
  spec("ArrayLength", 1, 1, ["array"], "integer"),
  spec("ArrayUnique", 1, 1, ["array"], "array"),
  spec("Base64Encode", 1, 1, ["string"], "string"),
  spec("Base64Decode", 1, 1, ["string"], "string"),
  spec("Hash", 2, 2, ["any", "string"], "string"),
  spec("JsonMerge", 3, 3, ["object", "object", "false"], "object"),
  spec("MathRandom", 2, 3, ["integer", "integer", "integer"], "integer"),
  spec("MathAdd", 2, 2, ["number", "number"], "integer"),
  spec("StringSplit", 2, 2, ["string", "string"], "array"),
  spec("UUID", 0, 0, [], "string"),
];

const BY_NAME: ReadonlyMap<string, IntrinsicFunctionSpec> = new Map(INTRINSIC_FUNCTIONS.map((f) => [f.name, f]));

/** The function named `name` (e.g. `States.Format`), or undefined. */
export function intrinsicFunction(name: string): IntrinsicFunctionSpec | undefined {
  return BY_NAME.get(name);
}

/** The kind expected at argument `index` (0-based); undefined past the last position. */
export function argumentKind(fn: IntrinsicFunctionSpec, index: number): ArgumentKind | undefined {
  if (index >= fn.maxArgs) return undefined;
  return fn.params[Math.min(index, fn.params.length - 1)];
}

/** True when the call may be used where a string is required (Fail ErrorPath/CausePath). */
export function returnsString(call: IntrinsicCall): boolean {
  return intrinsicFunction(call.name)?.stringResult ?? false;
}

/** Intrinsic calls nest at most this deep (ASL-5). */
export const MAX_INTRINSIC_NESTING = 10;

/** Algorithms of States.Hash (ASL-5). */
export const HASH_ALGORITHMS = ["MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512"] as const;

/** States.ArrayRange returns at most this many elements (ASL-5). */
export const MAX_ARRAY_RANGE = 1000;

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

export interface IntrinsicIssue {
  message: string;
  /** Offsets into the text the call was parsed from. */
  start: number;
  end: number;
  kind: "unknown-function" | "arity" | "argument-type" | "nesting";
}

/** Definition-time problems of a parsed call and of every call nested in it, in source order. */
export function checkIntrinsic(call: IntrinsicCall): IntrinsicIssue[] {
  const issues: IntrinsicIssue[] = [];
  checkCall(call, 1, issues);
  return issues.sort((x, y) => x.start - y.start);
}

function checkCall(call: IntrinsicCall, depth: number, issues: IntrinsicIssue[]): void {
  if (depth === MAX_INTRINSIC_NESTING + 1) {
    issues.push({
      kind: "nesting",
      message: `intrinsic functions can be nested at most ${MAX_INTRINSIC_NESTING} deep; ${call.name} is at depth ${depth}`,
      start: call.start,
      end: call.end,
    });
  }
  const fn = intrinsicFunction(call.name);
  if (fn === undefined) {
    const suggestion = closest(call.name, BY_NAME.keys());
    issues.push({
      kind: "unknown-function",
      message: `unknown intrinsic function "${call.name}"${suggestion === undefined ? "" : `; did you mean "${suggestion}"?`}`,
      start: call.start,
      end: call.nameEnd,
    });
  } else if (call.args.length < fn.minArgs || call.args.length > fn.maxArgs) {
    issues.push({ kind: "arity", message: arityMessage(fn, call.args.length), start: call.start, end: call.end });
  }
  call.args.forEach((arg, index) => {
    const expected = fn === undefined ? undefined : argumentKind(fn, index);
    if (expected !== undefined) {
      const problem = kindProblem(arg, expected);
      if (problem !== undefined) {
        const message = `${call.name} expects ${KIND_NAMES[expected]} as argument ${index + 1}${problem}`;
        issues.push({ kind: "argument-type", message, start: arg.start, end: arg.end });
      }
    }
    if (arg.kind === "call") checkCall(arg, depth + 1, issues);
  });
  if (fn !== undefined) checkValues(fn, call, issues);
}

function arityMessage(fn: IntrinsicFunctionSpec, given: number): string {
  const plural = (n: number): string => `${n} argument${n === 1 ? "" : "s"}`;
  let takes: string;
  if (fn.maxArgs === Infinity) takes = `at least ${plural(fn.minArgs)}`;
  else if (fn.maxArgs === 0) takes = "no arguments";
  else if (fn.minArgs === fn.maxArgs) takes = plural(fn.minArgs);
  else takes = `${fn.minArgs} or ${plural(fn.maxArgs)}`;
  return `${fn.name} takes ${takes}, but ${given} ${given === 1 ? "was" : "were"} given`;
}

const KIND_NAMES: Record<ArgumentKind | ValueKind, string> = {
  string: "a string",
  boolean: "a boolean",
  integer: "an integer",
  number: "a number",
  array: "an array",
  object: "an object",
  any: "any value",
  path: "a path",
  false: "the literal false",
};

/** What is wrong when `arg` can never be of the `expected` kind (", but got true"); undefined when it may be. */
function kindProblem(arg: IntrinsicArgument, expected: ArgumentKind): string | undefined {
  if (arg.kind === "path") return expected === "false" ? ", not a path" : undefined;
  if (arg.kind === "call") {
    const returns = intrinsicFunction(arg.name)?.returns ?? "any";
    if (expected === "false") return ", not a function call";
    if (returns === "any" || expected === "path" || accepts(expected, returns)) return undefined;
    return `, but ${arg.name} returns ${KIND_NAMES[returns]}`;
  }
  if (expected === "path") return ", not a literal";
  return literalFits(arg, expected) ? undefined : `, but got ${describeLiteral(arg)}`;
}

function accepts(expected: ArgumentKind, actual: Exclude<ValueKind, "any">): boolean {
  switch (expected) {
    case "any":
      return true;
    case "number":
      return actual === "number" || actual === "integer";
    case "path":
    case "false":
      return false;
    default:
      return expected === actual;
  }
}

type Literal = Exclude<IntrinsicArgument, { kind: "path" } | { kind: "call" }>;

function literalFits(arg: Literal, expected: ArgumentKind): boolean {
  if (expected === "any") return true;
  switch (arg.kind) {
    case "string":
      return expected === "string";
    case "number":
      return expected === "number" || (expected === "integer" && Number.isInteger(arg.value));
    case "boolean":
      return expected === "false" && !arg.value;
    case "null":
      return false;
  }
}

function describeLiteral(arg: Literal): string {
  switch (arg.kind) {
    case "string":
      return `the string '${arg.raw}'`;
    case "number":
      return `the number ${arg.raw}`;
    case "boolean":
      return String(arg.value);
    case "null":
      return "null";
  }
}

/** Literal values that are of the right kind but can never work. */
function checkValues(fn: IntrinsicFunctionSpec, call: IntrinsicCall, issues: IntrinsicIssue[]): void {
  const [a, b, c] = call.args;
  const issue = (arg: IntrinsicArgument, message: string): void => {
    issues.push({ kind: "argument-type", message, start: arg.start, end: arg.end });
  };
  switch (fn.name) {
    case "States.Hash":
      if (b?.kind === "string" && !(HASH_ALGORITHMS as readonly string[]).includes(b.value)) {
        const suggestion = closest(b.value, HASH_ALGORITHMS);
        issue(b, `States.Hash does not support the algorithm '${b.value}'${suggestion === undefined ? "" : ` (did you mean '${suggestion}'?)`}; use one of ${HASH_ALGORITHMS.join(", ")}`);
      }
      break;
    case "States.ArrayPartition":
      if (b?.kind === "number" && b.value <= 0) issue(b, "the chunk size of States.ArrayPartition must be greater than 0");
      break;
    case "States.ArrayRange":
      if (c?.kind === "number" && c.value === 0) issue(c, "the step of States.ArrayRange cannot be 0");
      if (a?.kind === "number" && b?.kind === "number" && c?.kind === "number" && c.value !== 0) {
        const count = Math.floor((b.value - a.value) / c.value) + 1;
        if (count > MAX_ARRAY_RANGE) {
          issue(call, `States.ArrayRange would return ${count} elements; it returns at most ${MAX_ARRAY_RANGE}`);
        }
      }
      break;
    case "States.MathAdd":
      for (const arg of [a, b]) {
        if (arg?.kind === "number" && (arg.value < INT32_MIN || arg.value > INT32_MAX)) {
          issue(arg, `States.MathAdd takes values between ${INT32_MIN} and ${INT32_MAX}; ${arg.raw} is out of range`);
        }
      }
      break;
  }
}
