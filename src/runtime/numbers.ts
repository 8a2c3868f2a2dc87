import { StatesError } from "./errors.js";
import type { Run } from "./execution.js";
import { selectPath } from "./jsonpath.js";
import type { Json } from "./types.js";
import type { Variables } from "./variables.js";
import { evaluateTyped, type Scope } from "./jsonata/template.js";

/** A numeric field given literally or as a `…Path` read from the raw state input at run time (ASL-10). */
export interface NumberField {
  value?: number;
  path?: string;
}

/**
 * Read a `…Path` number with AWS's checks [obs]: an integer field must hold an integer ("…refers to value "x" which
 * is not a valid integer: $.path"), a float field any number; `range` is checked afterwards. The path may read the
 * scope's variables (`$name`, ASL-8).
 */
export function readNumber(
  run: Run,
  state: string,
  input: Json,
  field: string,
  spec: NumberField,
  kind: "integer" | "float",
  range?: { min: number; max?: number },
  vars?: Variables,
): number | undefined {
  let value: unknown = spec.value;
  if (spec.path !== undefined) {
    value = selectPath(spec.path, run.roots(state, input, vars), `${field}Path`);
    const valid = typeof value === "number" && (kind === "float" || Number.isInteger(value));
    if (!valid) {
      throw new StatesError(
        "States.Runtime",
        `An error occurred while executing the state '${state}'. The ${field}Path field refers to value ${JSON.stringify(typeof value === "string" ? value : JSON.stringify(value))} which is not a valid ${kind}: ${spec.path}`,
      );
    }
  }
  if (value === undefined) return undefined;
  const n = value as number;
  if (range && (n < range.min || (range.max !== undefined && n > range.max))) {
    const bounds = range.max !== undefined ? `between ${range.min} and ${range.max}` : `at least ${range.min}`;
    throw new StatesError("States.Runtime", `An error occurred while executing the state '${state}'. ${field} must be ${bounds}.`);
  }
  return n;
}

/**
 * A numeric field of a JSONata state (ASL-3.2): a number, or a `{% %}` expression evaluated against `$states.input`
 * and the variables. A result of the wrong type or out of range raises `States.QueryEvaluationError` [obs].
 */
export async function readJsonataNumber(
  scope: Scope,
  state: string,
  field: string,
  value: number | string | undefined,
  kind: "integer" | "float",
  range?: { min: number; max?: number },
): Promise<number | undefined> {
  if (value === undefined) return undefined;
  const n = (await evaluateTyped(value, scope, { state, field }, kind === "integer" ? "integer" : "number")) as number;
  if (range && (n < range.min || (range.max !== undefined && n > range.max))) {
    const bounds = range.max !== undefined ? `between ${range.min} and ${range.max}` : `at least ${range.min}`;
    throw new StatesError("States.QueryEvaluationError", `An error occurred while executing the state '${state}'. ${field} must be ${bounds}, got ${n}.`);
  }
  return n;
}
