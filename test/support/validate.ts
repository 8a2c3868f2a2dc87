import { validate, type ValidateOptions } from "../../src/index.js";

/** `code pointer` for every diagnostic of a definition at or above `minSeverity`. */
export function found(definition: unknown, options: ValidateOptions = {}, minSeverity: "error" | "warning" | "info" = "warning"): string[] {
  const order = { error: 0, warning: 1, info: 2 } as const;
  const result = validate(definition, { includeInfo: true, ...options });
  return result.diagnostics.filter((d) => order[d.severity] <= order[minSeverity]).map((d) => `${d.code} ${d.location.pointer}`);
}

/** A one-state machine around `state` (named "S"), plus extra states. */
export function machine(state: Record<string, unknown>, extra: Record<string, unknown> = {}, top: Record<string, unknown> = {}): Record<string, unknown> {
  return { StartAt: "S", States: { S: state, ...extra }, ...top };
}

export const LAMBDA = "arn:aws:lambda:us-east-1:123456789012:function:f";
