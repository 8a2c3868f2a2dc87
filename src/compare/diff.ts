import type { Json } from "../runtime/types.js";
import type { Difference, Outcome } from "./types.js";

/** At most this many differences are listed; the verdict does not depend on it. */
const MAX_DIFFERENCES = 50;

/**
 * The structural differences between two outcomes: status, then error name and cause, or the outputs member by member
 * (object keys in any order, arrays by index, numbers by value), each at a JSONPath-like location (`$.items[2].id`).
 */
export function diffOutcomes(a: Outcome, b: Outcome): Difference[] {
  const out: Difference[] = [];
  if (a.status !== b.status) {
    out.push({ path: "status", interpreter: a.status, handler: b.status });
    return out;
  }
  if (a.status === "FAILED" && b.status === "FAILED") {
    if (a.error !== b.error) out.push({ path: "error", interpreter: a.error, handler: b.error });
    if (a.cause !== b.cause) out.push({ path: "cause", interpreter: a.cause, handler: b.cause });
    return out;
  }
  if (a.status === "SUCCEEDED" && b.status === "SUCCEEDED") diffJson(a.output, b.output, "$", out);
  return out;
}

function diffJson(a: Json | undefined, b: Json | undefined, path: string, out: Difference[]): void {
  if (out.length >= MAX_DIFFERENCES) return;
  if (a === b) return;
  if (typeof a === "number" && typeof b === "number" && a === b) return;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) diffJson(a[i], b[i], `${path}[${i}]`, out);
    return;
  }
  if (isObject(a) && isObject(b)) {
    for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) diffJson(a[key], b[key], `${path}${member(key)}`, out);
    return;
  }
  out.push({ path, interpreter: a, handler: b });
}

function isObject(value: Json | undefined): value is { [key: string]: Json } {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function member(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}
