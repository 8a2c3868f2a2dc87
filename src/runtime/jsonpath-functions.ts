/**
 * Jayway's path functions (PathFunctionFactory), as `$.items.length()` applies them (ASL-4). Each one follows the
 * Jayway source, quirks included: `concat()` ignores a string it is applied to, `last()` fails on a one-element
 * array, the numeric aggregations skip non-numbers and fail when nothing is left.
 */
import { isJsonObject, jsonEquals } from "./json.js";
import type { JaywayFunctionName } from "../paths/jsonpath-ast.js";
import { JaywayFailure, javaToString } from "./jsonpath-java.js";

const EMPTY_AGGREGATION = "Aggregation function attempted to calculate value using empty array";

/**
 * Applies the function `name` to `model`, the node the path reached. `args` evaluates the arguments (paths against
 * the document root, literals as written) and is only called by functions that read them. `length()` with a path
 * argument is resolved by the caller, which then calls {@link lengthOf}.
 */
export function invokePathFunction(name: JaywayFunctionName, model: unknown, args: () => unknown[]): unknown {
  switch (name) {
    case "length":
    case "size":
      return lengthOf(model);
    case "sum":
    case "avg":
    case "min":
    case "max":
    case "stddev":
      return aggregate(name, numbersOf(model, args()));
    case "concat":
      return concat(model, args());
    case "append":
      return Array.isArray(model) ? [...model, ...args()] : model;
    case "keys":
      return isJsonObject(model) ? Object.keys(model) : null;
    case "first":
      return elementAt(model, () => 0);
    case "last":
      return elementAt(model, () => -1);
    case "index":
      return elementAt(model, () => indexArgument(args()));
    case "distinct":
      return distinct(model);
  }
}

/** `length()` / `size()`: the number of elements of an array or members of an object; `null` for anything else. */
export function lengthOf(model: unknown): number | null {
  if (Array.isArray(model)) return model.length;
  return isJsonObject(model) ? Object.keys(model).length : null;
}

/** Parameter.toList(Number.class): numbers among the arguments, array arguments contributing their numbers. */
function numberArguments(args: readonly unknown[]): number[] {
  return args.flatMap((arg) => (Array.isArray(arg) ? arg : [arg]).filter((v): v is number => typeof v === "number"));
}

function numbersOf(model: unknown, args: readonly unknown[]): number[] {
  const own = Array.isArray(model) ? model.filter((v): v is number => typeof v === "number") : [];
  return [...own, ...numberArguments(args)];
}

function aggregate(name: "sum" | "avg" | "min" | "max" | "stddev", values: readonly number[]): number {
  if (values.length === 0) throw new JaywayFailure("evaluation", EMPTY_AGGREGATION);
  const sum = values.reduce((total, v) => total + v, 0);
  switch (name) {
    case "sum":
      return sum;
    case "avg":
      return sum / values.length;
    case "min":
      return values.reduce((min, v) => (v < min ? v : min), Number.MAX_VALUE);
    case "max":
      return values.reduce((max, v) => (v > max ? v : max), -Number.MAX_VALUE);
    case "stddev": {
      const sumSq = values.reduce((total, v) => total + v * v, 0);
      const n = values.length;
      return Math.sqrt(sumSq / n - (sum * sum) / n / n);
    }
  }
}

/** `concat()`: the strings of an array model, then the arguments (Parameter.toList(String.class)). */
function concat(model: unknown, args: readonly unknown[]): string {
  let out = Array.isArray(model) ? model.filter((v): v is string => typeof v === "string").join("") : "";
  for (const arg of args) {
    if (Array.isArray(arg)) {
      for (const item of arg) if (item !== null) out += javaToString(item);
    } else if (typeof arg === "string") {
      out += arg;
    }
  }
  return out;
}

/** AbstractSequenceAggregation: `first()`, `last()` and `index(n)`. */
function elementAt(model: unknown, target: () => number): unknown {
  if (!Array.isArray(model)) throw new JaywayFailure("evaluation", EMPTY_AGGREGATION);
  const index = target();
  if (index >= 0) {
    if (index < model.length) return model[index];
    throw new JaywayFailure("evaluation", `Index ${index} out of bounds for length ${model.length}`);
  }
  // Jayway requires the position counted from the end to be > 0, so `last()` of a one-element array fails.
  const real = model.length + index;
  if (real > 0) return model[real];
  throw new JaywayFailure("evaluation", `Target index:${index} larger than object count:${model.length}`);
}

/** The first numeric argument as Java's `intValue()` (truncated toward zero). */
function indexArgument(args: readonly unknown[]): number {
  const [first] = numberArguments(args);
  if (first === undefined) throw new JaywayFailure("evaluation", "Index 0 out of bounds for length 0");
  return Math.max(-2147483648, Math.min(2147483647, Math.trunc(first)));
}

function distinct(model: unknown): unknown[] {
  if (!Array.isArray(model))
    throw new JaywayFailure("evaluation", "Aggregation function attempted unique values using non array");
  const out: unknown[] = [];
  for (const item of model) if (!out.some((kept) => jsonEquals(kept, item))) out.push(item);
  return out;
}
