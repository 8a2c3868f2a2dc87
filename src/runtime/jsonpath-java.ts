/**
 * The Java side of Jayway JsonPath, which AWS Step Functions evaluates paths with (ASL-4): the exceptions an evaluation
 * can end with, and the class names and `toString()` texts its messages quote (`equals()` is `jsonEquals` in json.ts).
 */
import { isJsonObject } from "./json.js";

/**
 * - `not-found`: Jayway's PathNotFoundException ("No results for path: $['x']", "Missing property in path $['a']").
 *   An indefinite path that fails this way yields `[]` (ASL-4 [obs]).
 * - `invalid-path`: InvalidPathException, which a filter swallows (the element is simply not kept).
 * - `evaluation`: any other Jayway or Java exception (a path function on the wrong input, …).
 */
export type JaywayFailureKind = "not-found" | "invalid-path" | "evaluation";

export class JaywayFailure extends Error {
  constructor(
    readonly kind: JaywayFailureKind,
    message: string,
  ) {
    super(message);
    this.name = "JaywayFailure";
  }
}

/** The JSON provider Jayway uses by default, as its messages name it. */
export const JSON_PROVIDER = "com.jayway.jsonpath.spi.json.JsonSmartJsonProvider";

/** The Java class json-smart gives a JSON value, as in "but found 'java.lang.Integer'". */
export function javaClassName(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "string") return "java.lang.String";
  if (typeof value === "boolean") return "java.lang.Boolean";
  if (typeof value === "number") {
    if (!Number.isInteger(value)) return "java.lang.Double";
    return Math.abs(value) <= 2147483647 ? "java.lang.Integer" : "java.lang.Long";
  }
  return Array.isArray(value) ? "net.minidev.json.JSONArray" : "net.minidev.json.JSONObject";
}

/** Java's `toString()` of a json-smart value: JSON text for arrays and objects, the plain text otherwise. */
export function javaToString(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

