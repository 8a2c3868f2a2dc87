/**
 * What the intrinsic functions (ASL-5) share: how a bad argument fails, argument checks, JSON deep equality, and the
 * text `States.Format` prints for a value.
 */
import { isJsonObject } from "./json.js";
import { StatesError } from "./errors.js";

/**
 * The error every intrinsic failure raises at run time: a wrong argument type or count, an index out of range, JSON
 * that does not parse, a size limit. ASL-5 classes these as `States.Runtime`, like every other run-time data
 * error of a JSONPath state (a path that matches nothing, ASL-4). No recorded AWS case shows an intrinsic failing
 * (the 83 `v2/intrinsic_functions/` cases all succeed, apart from one JSONata case), so this name is not confirmed by a
 * recording. `States.Runtime` is terminal: `States.ALL` does not catch it (ASL-9).
 */
export const INTRINSIC_ERROR = "States.Runtime";

/** A failure of the intrinsic function `name`, e.g. `States.ArrayGetItem`. */
export function intrinsicError(name: string, problem: string): StatesError {
  return new StatesError(INTRINSIC_ERROR, `Invalid arguments in ${name}: ${problem}`);
}

/** A JSON object (not an array, not null). */

/** How a value is named in error causes: its type and, for scalars, the value. */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  if (typeof value === "string") return `the string ${JSON.stringify(value)}`;
  return `the ${typeof value} ${String(value)}`;
}

/** The argument at `index` (0-based) must be a string. */
export function stringArg(name: string, args: readonly unknown[], index: number): string {
  const value = args[index];
  if (typeof value === "string") return value;
  throw intrinsicError(name, `argument ${index + 1} must be a string, but got ${describeValue(value)}`);
}

/** The argument at `index` must be an array. */
export function arrayArg(name: string, args: readonly unknown[], index: number): readonly unknown[] {
  const value = args[index];
  if (Array.isArray(value)) return value;
  throw intrinsicError(name, `argument ${index + 1} must be an array, but got ${describeValue(value)}`);
}

/** The argument at `index` must be an object. */
export function objectArg(name: string, args: readonly unknown[], index: number): Readonly<Record<string, unknown>> {
  const value = args[index];
  if (isJsonObject(value)) return value;
  throw intrinsicError(name, `argument ${index + 1} must be an object, but got ${describeValue(value)}`);
}

/** The argument at `index` must be a number. */
export function numberArg(name: string, args: readonly unknown[], index: number): number {
  const value = args[index];
  if (typeof value === "number" && Number.isFinite(value)) return value;
  throw intrinsicError(name, `argument ${index + 1} must be a number, but got ${describeValue(value)}`);
}

/**
 * The argument at `index` as an integer: a number rounded to the nearest integer, halves towards +∞ (JavaScript's and
 * Java's `Math.round`: 1.5 → 2, -1.5 → -1, -0.5 → 0). AWS documents this rounding for ArrayPartition, ArrayRange,
 * MathRandom and MathAdd ("Step Functions will round it off to the nearest integer"); the MathAdd recordings confirm
 * the direction of halves (ASL-5 [obs: `test_math_add`]).
 */
export function roundedIntegerArg(name: string, args: readonly unknown[], index: number): number {
  return noNegativeZero(Math.round(numberArg(name, args, index)));
}

/** `-0` as `0`: JSON has one zero, and `assert.deepStrictEqual`/`Object.is` tell them apart. */
export function noNegativeZero(value: number): number {
  return value === 0 ? 0 : value;
}

/** The smallest and largest Java `int`: the range of MathAdd's and MathRandom's integers. */
export const INT32_MIN = -2147483648;
export const INT32_MAX = 2147483647;

/** Throws unless `value` lies within the Java `int` range. `what` names it in the cause ("argument 1"). */
export function checkInt32(name: string, what: string, value: number): void {
  if (value < INT32_MIN || value > INT32_MAX) {
    throw intrinsicError(name, `${what} is ${value}, outside the integer range ${INT32_MIN} to ${INT32_MAX}`);
  }
}

/**
 * The text `States.Format` inserts for a value (ASL-5). Strings go in as they are; `null`, numbers and booleans as
 * JSON. Objects and arrays are printed the way Java prints a `Map` and a `List` (AWS evaluates intrinsics in Java):
 * `{Arg1=1, Arg2=[]}`, `[1, a, null]`, with nested strings unquoted
 * **[obs: `test_context_json_path` (`$$.StateMachine` → `{Id=arn:…, Name=…}`); AWS's recording of LocalStack's
 * `test_format_2` with `{"Arg1": 1, "Arg2": []}` → `{Arg1=1, Arg2=[]}`]**.
 */
export function formatText(value: unknown): string {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return `[${value.map(formatText).join(", ")}]`;
  if (isJsonObject(value)) {
    return `{${Object.entries(value)
      .map(([key, item]) => `${key}=${formatText(item)}`)
      .join(", ")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** Where States.UUID and States.MathRandom (without a seed) get their randomness. */
export interface IntrinsicRandom {
  /** A version 4 UUID, e.g. `crypto.randomUUID()`. */
  uuid(): string;
  /** A number in [0, 1), e.g. `Math.random()`. */
  random(): number;
}

/**
 * One intrinsic function: it receives its arguments already evaluated (paths resolved, nested calls made), plus the
 * literal source of its arguments (States.Format reads the escapes of a literal format string) and the randomness.
 */
export type IntrinsicImpl = (args: readonly unknown[], context: IntrinsicContext) => unknown;

export interface IntrinsicContext {
  /** The full function name, e.g. `States.Format`, for error causes. */
  name: string;
  /** The raw text of each string-literal argument (escapes intact), `undefined` for other arguments. */
  rawStrings: readonly (string | undefined)[];
  random: IntrinsicRandom;
}
