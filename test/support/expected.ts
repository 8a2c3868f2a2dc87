import type { ConformanceCase } from "./shared.js";

/**
 * Compare an execution with what AWS recorded, by ../shared/conformance/README.md §4: status exactly; output by JSON
 * equality with numbers compared numerically; error name exactly (absent = none); cause loosely. In cases with
 * snapshot placeholders, an expected string containing tokens such as `<uuid:1>` matches any text in their place.
 * Returns undefined when they agree, else what differs.
 */
export interface Actual {
  status: string;
  output?: unknown;
  error?: string;
  cause?: string;
}

const TOKEN_SOURCE = String.raw`<[A-Za-z_:\-0-9]+>|\b111111111111\b|\bsnf_role_arn\b|\bsfn_role_arn\b|\bstart-time\b`;
const hasToken = (text: string): boolean => new RegExp(TOKEN_SOURCE).test(text);

export function matchesExpected(c: ConformanceCase, actual: Actual): string | undefined {
  const expected = c.expected;
  if (expected.status !== actual.status) {
    const got = actual.status === "SUCCEEDED" ? `output ${short(actual.output)}` : `error ${JSON.stringify(actual.error)}: ${short(actual.cause)}`;
    return `expected ${expected.status}${expected.error !== undefined ? ` ${expected.error}` : ""}, got ${actual.status} (${got})`;
  }
  if (expected.status === "SUCCEEDED") {
    const diff = jsonDiff(expected.output, actual.output, "$", c.placeholders);
    return diff === undefined ? undefined : `output differs at ${diff}; expected ${short(expected.output)}, got ${short(actual.output)}`;
  }
  const expectedError = expected.error ?? "";
  if (expectedError !== (actual.error ?? "")) return `error name: expected ${JSON.stringify(expectedError)}, got ${JSON.stringify(actual.error)} (cause ${short(actual.cause)})`;
  const expectedCause = expected.cause;
  if ((expectedCause === undefined || expectedCause === "") !== (actual.cause === undefined || actual.cause === "")) {
    return `cause presence differs: expected ${short(expectedCause)}, got ${short(actual.cause)}`;
  }
  if ((c.expected as { cause_json?: boolean }).cause_json && expectedCause !== null && typeof expectedCause === "object") {
    let parsed: unknown;
    try {
      parsed = JSON.parse(actual.cause ?? "");
    } catch {
      return `cause should be JSON like ${short(expectedCause)}, got ${short(actual.cause)}`;
    }
    for (const key of ["errorType", "errorMessage"] as const) {
      const want = (expectedCause as Record<string, unknown>)[key];
      const got = (parsed as Record<string, unknown> | null)?.[key];
      if (want !== got) return `cause ${key}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`;
    }
  }
  return undefined;
}

/** Where two JSON values differ (a path), or undefined. Numbers numerically; placeholders as wildcards. */
export function jsonDiff(expected: unknown, actual: unknown, at: string, placeholders: boolean): string | undefined {
  if (typeof expected === "number" && typeof actual === "number") return expected === actual ? undefined : at;
  if (typeof expected === "string" && typeof actual === "string") {
    if (expected === actual) return undefined;
    return placeholders && matchesPattern(expected, actual) ? undefined : at;
  }
  if (placeholders && typeof expected === "string" && hasToken(expected) && new RegExp(`^${tokenPattern(expected)}$`, "s").test(JSON.stringify(actual) ?? "")) {
    return undefined;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return at;
    for (let i = 0; i < expected.length; i++) {
      const d = jsonDiff(expected[i], actual[i], `${at}[${i}]`, placeholders);
      if (d !== undefined) return d;
    }
    return undefined;
  }
  if (expected !== null && typeof expected === "object") {
    if (actual === null || typeof actual !== "object" || Array.isArray(actual)) return at;
    const ek = Object.keys(expected).sort();
    const ak = Object.keys(actual).sort();
    if (ek.join("\u0000") !== ak.join("\u0000")) return `${at} (keys ${JSON.stringify(ek)} vs ${JSON.stringify(ak)})`;
    for (const k of ek) {
      // README §4: the lambda:invoke envelope's HTTP and SDK metadata carry run-specific headers; compare loosely.
      if (k === "SdkHttpMetadata" || k === "SdkResponseMetadata") continue;
      const d = jsonDiff((expected as Record<string, unknown>)[k], (actual as Record<string, unknown>)[k], `${at}.${k}`, placeholders);
      if (d !== undefined) return d;
    }
    return undefined;
  }
  return expected === actual ? undefined : at;
}

function tokenPattern(expected: string): string {
  return expected
    .split(new RegExp(TOKEN_SOURCE))
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join(".+");
}

function matchesPattern(expected: string, actual: string): boolean {
  // "timestamp" and "date" are whole-value placeholders for recorded times (README §4).
  if (/^(timestamp|date)$/.test(expected)) return actual.length > 0;
  if (!hasToken(expected)) return false;
  return new RegExp(`^${tokenPattern(expected)}$`, "s").test(actual);
}

function short(value: unknown): string {
  const text = typeof value === "string" ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}
