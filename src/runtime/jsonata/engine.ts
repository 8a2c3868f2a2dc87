import jsonata from "jsonata";
import { StatesError } from "../errors.js";
import type { Json } from "../types.js";
import { AWS_FUNCTIONS, NONDETERMINISTIC_FUNCTIONS } from "./functions.js";

/**
 * JSONata evaluation as Step Functions does it (ASL-3.2), on the `jsonata` package pinned to the 2.0.x line AWS
 * documents. An expression is compiled once per process (a cache keyed by its text), never per call.
 *
 * - There is no context item: `$` is undefined; data comes from `$states` and the workflow variables (`$name`).
 * - `$states` = `{ input, result?, errorOutput?, context }`.
 * - Step Functions' own functions are registered; `$eval` is not available.
 * - An undefined result, a function result, or an evaluation error raises `States.QueryEvaluationError`, with a cause
 *   that names the state, the expression and the field as AWS words it [obs: test_undefined_reference].
 */

/** The reserved `$states` variable of one evaluation (ASL-3.2). */
export interface StatesVariable {
  input: Json;
  result?: Json;
  errorOutput?: Json;
  context: Json;
}

/** Where an expression is evaluated, for error causes: the state and the field (`Output/result`, `Items`). */
export interface ExpressionSite {
  state: string;
  field: string;
}

interface Compiled {
  readonly expression: jsonata.Expression;
  /** Calls `$now`, `$millis`, `$random` or `$uuid`: its value changes from one evaluation to the next. */
  readonly nondeterministic: boolean;
}

const compiled = new Map<string, Compiled>();

/** `{% body %}` → body, or undefined for any other value (a literal, ASL-3.2). */
export function expressionBody(value: unknown): string | undefined {
  if (typeof value !== "string" || !value.startsWith("{%") || !value.endsWith("%}") || value.length < 4) return undefined;
  return value.slice(2, -2);
}

function compile(body: string): Compiled {
  let entry = compiled.get(body);
  if (entry === undefined) {
    const expression = jsonata(body);
    for (const f of AWS_FUNCTIONS) expression.registerFunction(f.name, f.implementation as (...args: unknown[]) => unknown, f.signature);
    entry = { expression, nondeterministic: callsNondeterministic(expression.ast()) };
    compiled.set(body, entry);
  }
  return entry;
}

/** Does the parsed expression call `$now`, `$millis`, `$random` or `$uuid` anywhere? */
function callsNondeterministic(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(callsNondeterministic);
  if (node === null || typeof node !== "object") return false;
  const n = node as { type?: unknown; procedure?: { type?: unknown; value?: unknown } };
  if ((n.type === "function" || n.type === "partial") && n.procedure?.type === "variable" && typeof n.procedure.value === "string" && NONDETERMINISTIC_FUNCTIONS.has(n.procedure.value)) {
    return true;
  }
  return Object.values(node).some((v) => typeof v === "object" && v !== null && callsNondeterministic(v));
}

/** Does this expression body give a different value on each evaluation? */
export function isNondeterministic(body: string): boolean {
  return compile(body).nondeterministic;
}

/**
 * Evaluate one expression body. `variables` are the workflow variables the state reads (ASL-8); the result is plain
 * JSON (sequences flattened as JSONata returns them), or a StatesError.
 */
export async function evaluateExpression(body: string, states: StatesVariable, variables: Readonly<Record<string, Json>> | undefined, site: ExpressionSite): Promise<Json> {
  const { expression } = compile(body);
  const bindings: Record<string, unknown> = { ...variables, states, eval: undefined };
  let value: unknown;
  try {
    value = await expression.evaluate(undefined, bindings);
  } catch (e) {
    throw new StatesError("States.QueryEvaluationError", `${where(site, body)} threw an error during evaluation. ${describeError(e)}`);
  }
  if (value === undefined) throw new StatesError("States.QueryEvaluationError", `${where(site, body)} returned nothing (undefined).`);
  const json = toJson(value);
  if (json === undefined) throw new StatesError("States.QueryEvaluationError", `${where(site, body)} returned an unsupported result type.`);
  return json;
}

function where(site: ExpressionSite, body: string): string {
  return `An error occurred while executing the state '${site.state}'. The JSONata expression '${body}' specified for the field '${site.field}'`;
}

function describeError(e: unknown): string {
  if (e !== null && typeof e === "object") {
    const { code, message } = e as { code?: unknown; message?: unknown };
    const text = typeof message === "string" ? message : String(e);
    return typeof code === "string" && code !== "States" ? `${code}: ${text}` : text;
  }
  return String(e);
}

/**
 * A JSONata value as JSON: arrays (sequences included) and objects copied member by member, or undefined for a value
 * JSON cannot hold (a function, a non-finite number). Undefined members of objects are left out and undefined array
 * entries dropped, as JSONata's own `$string` serialises them.
 */
function toJson(value: unknown): Json | undefined {
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (Array.isArray(value)) {
    const out: Json[] = [];
    for (const item of value) {
      if (item === undefined) continue;
      const j = toJson(item);
      if (j === undefined) return undefined;
      out.push(j);
    }
    return out;
  }
  if (typeof value === "object") {
    if (typeof (value as { _jsonata_lambda?: unknown })._jsonata_lambda !== "undefined") return undefined;
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined) continue;
      const j = toJson(v);
      if (j === undefined) return undefined;
      out[k] = j;
    }
    return out;
  }
  return undefined;
}
