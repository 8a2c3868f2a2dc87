import type { DurableContext } from "@aws/durable-execution-sdk-js";
import { StatesError } from "../errors.js";
import type { Json } from "../types.js";
import { evaluateExpression, expressionBody, isNondeterministic, type StatesVariable } from "./engine.js";

/**
 * A JSONata field value (ASL-3.2): any JSON, in which every string that is exactly `{% … %}` is an expression,
 * at any depth. Other strings are literals, even `"$.x"` [obs]. Members are evaluated in document order.
 */
export interface Site {
  /** The state's name, for error causes. */
  state: string;
  /** The field, as AWS names it in causes: `Output`, `Arguments`, `Items`, `Assign`. */
  field: string;
}

/** What one state's expressions can read: `$states` and the workflow variables as the state found them (ASL-8). */
export interface Scope {
  states: StatesVariable;
  variables: Readonly<Record<string, Json>> | undefined;
}

/** Evaluate a JSONata field value. Nested members are named `Output/a/b` in causes, as AWS does [obs]. */
export async function evaluateJsonata(value: unknown, scope: Scope, site: Site): Promise<Json> {
  const body = expressionBody(value);
  if (body !== undefined) return evaluateExpression(body, scope.states, scope.variables, site);
  if (Array.isArray(value)) {
    const out: Json[] = [];
    for (const [i, item] of value.entries()) out.push(await evaluateJsonata(item, scope, { ...site, field: `${site.field}/${i}` }));
    return out;
  }
  if (value !== null && typeof value === "object") {
    const out: Record<string, Json> = {};
    for (const [key, member] of Object.entries(value)) out[key] = await evaluateJsonata(member, scope, { ...site, field: `${site.field}/${key}` });
    return out;
  }
  return value as Json;
}

/** Does the value hold an expression calling `$now`, `$millis`, `$random` or `$uuid`? */
export function usesNondeterminism(value: unknown): boolean {
  const body = expressionBody(value);
  if (body !== undefined) return isNondeterministic(body);
  if (Array.isArray(value)) return value.some(usesNondeterminism);
  if (value !== null && typeof value === "object") return Object.values(value).some(usesNondeterminism);
  return false;
}

/**
 * Run `evaluate` where replays see one value: directly when every value is deterministic, else inside a durable step
 * named `<state> (<what>)`, so the clock and random values drawn the first time are checkpointed.
 */
export async function deterministically<T extends Json | object>(ctx: DurableContext, name: string, values: readonly unknown[], evaluate: () => Promise<T>): Promise<T> {
  if (!values.some(usesNondeterminism)) return evaluate();
  return ctx.step(name, evaluate as () => Promise<never>) as Promise<T>;
}

/** An Assign (ASL-8) in JSONata: an object whose member values are field values; `{}` for none. */
export async function evaluateAssignJsonata(assign: unknown, scope: Scope, state: string): Promise<Record<string, Json>> {
  if (assign === undefined) return {};
  const values = await evaluateJsonata(assign, scope, { state, field: "Assign" });
  if (values === null || typeof values !== "object" || Array.isArray(values)) {
    throw new StatesError("States.QueryEvaluationError", `An error occurred while executing the state '${state}'. The Assign field must be an object.`);
  }
  return values;
}

/** A typed JSONata field (ASL-3.2 [obs]): the wrong type raises `States.QueryEvaluationError`. */
export async function evaluateTyped(value: unknown, scope: Scope, site: Site, expected: "array" | "boolean" | "string" | "integer" | "number"): Promise<Json> {
  const result = await evaluateJsonata(value, scope, site);
  const actual = result === null ? "null" : Array.isArray(result) ? "array" : typeof result;
  const ok =
    expected === "integer" ? typeof result === "number" && Number.isInteger(result) : expected === "number" ? typeof result === "number" : actual === expected;
  if (!ok) {
    const body = expressionBody(value);
    throw new StatesError(
      "States.QueryEvaluationError",
      body !== undefined
        ? `An error occurred while executing the state '${site.state}'. The JSONata expression '${body}' specified for the field '${site.field}' returned an unexpected result type. Expected '${expected}', but was '${actual}' for value: ${JSON.stringify(result)}`
        : `An error occurred while executing the state '${site.state}'. The field '${site.field}' must be of type '${expected}', but was '${actual}' for value: ${JSON.stringify(result)}`,
    );
  }
  return result;
}
