import type { Dynamic, PathField, ResultFlow, Retrier } from "../ir/types.js";
import { RETRY_DEFAULTS } from "../runtime/retry.js";
import { literal } from "./escape.js";

/**
 * An object literal from [key, expression] pairs; pairs whose expression is undefined are left out. `shorthand` names
 * locals written last as `{ …, name }` (the scope's `vars`).
 */
export function props(entries: ReadonlyArray<readonly [string, string | undefined]>, shorthand: readonly string[] = []): string {
  const parts = [...entries.filter((e): e is readonly [string, string] => e[1] !== undefined).map(([k, v]) => `${k}: ${v}`), ...shorthand];
  return parts.length === 0 ? "{}" : `{ ${parts.join(", ")} }`;
}

/** A path field: left out when absent (the default `$`), `null` or the path. */
export function pathProp(value: PathField): string | undefined {
  return value === undefined ? undefined : literal(value);
}

/** A JSON-valued field (template, selector, literal): left out when absent. */
export function valueProp(value: unknown): string | undefined {
  return value === undefined ? undefined : literal(value);
}

/** Retriers, writing only what differs from the ASL defaults (the runtime applies them: ASL-9). */
export function retryProp(retry: readonly Retrier[]): string | undefined {
  if (retry.length === 0) return undefined;
  const unlessDefault = (value: number | string, fallback: number | string): string | undefined => (value === fallback ? undefined : literal(value));
  return `[${retry
    .map((r) =>
      props([
        ["errorEquals", literal(r.errorEquals)],
        ["intervalSeconds", unlessDefault(r.intervalSeconds, RETRY_DEFAULTS.intervalSeconds)],
        ["maxAttempts", unlessDefault(r.maxAttempts, RETRY_DEFAULTS.maxAttempts)],
        ["backoffRate", unlessDefault(r.backoffRate, RETRY_DEFAULTS.backoffRate)],
        ["maxDelaySeconds", r.maxDelaySeconds === undefined ? undefined : literal(r.maxDelaySeconds)],
        ["jitter", unlessDefault(r.jitter, RETRY_DEFAULTS.jitter)],
      ]),
    )
    .join(", ")}]`;
}

/**
 * A field given literally, as a `…Path` read at run time (JSONPath) or as a `{% %}` expression (JSONata): the option
 * `key` (literal or expression text) or `<key>Path`.
 */
export function dynamicProps(key: string, value: Dynamic<unknown> | undefined): Array<readonly [string, string | undefined]> {
  if (value === undefined) return [];
  switch (value.kind) {
    case "literal":
      return [[key, literal(value.value)]];
    case "expression":
      return [[key, literal(value.expression)]];
    case "path":
      return [[`${key}Path`, literal(value.path)]];
  }
}

/** The JSONata fields of Task, Parallel and Map after the work: Assign, Output and Retry (ASL-3.2). */
export function jsonataResultProps(state: ResultFlow & { assign?: unknown }): Array<readonly [string, string | undefined]> {
  return [
    ["assign", valueProp(state.assign)],
    ["output", valueProp(state.output)],
    ["retry", retryProp(state.retry)],
  ];
}

/** The result-side fields Task, Parallel and Map share (ASL-3.1 steps 5–8, ASL-9 Retry), in emission order. */
export function resultFlowProps(state: ResultFlow & { assign?: unknown }): Array<readonly [string, string | undefined]> {
  return [
    ["assign", valueProp(state.assign)],
    ["resultSelector", valueProp(state.resultSelector)],
    ["resultPath", pathProp(state.resultPath)],
    ["outputPath", pathProp(state.outputPath)],
    ["retry", retryProp(state.retry)],
  ];
}
