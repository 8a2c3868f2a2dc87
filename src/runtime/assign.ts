import type { DurableContext } from "@aws/durable-execution-sdk-js";
import { StatesError } from "./errors.js";
import type { Run } from "./execution.js";
import { templateUsesRandom } from "./random.js";
import { evaluateTemplate } from "./template.js";
import type { Json } from "./types.js";
import type { Variables, VariableValues } from "./variables.js";

/**
 * JSONPath `Assign` (ASL-8, ASL-3.1 step 5). The field is a payload template (ASL-3.3): a plain member assigns its
 * value as written, a `name.$` member the value of its path or intrinsic call, and nested objects are templates too.
 * `$` is what the state gives it (the raw result of a Task, Parallel or Map; the result of a Pass; the input of a
 * Choice or Wait after InputPath; the error output `{Error, Cause}` in a Catcher), `$$` the context object, and
 * `$name` the variables as the state found them.
 */
export interface AssignOptions {
  /** The state's name (`$$.State.Name`, and the name of the durable step when the values are random). */
  state: string;
  /** The Assign field of the state, of a Choice rule or of a Catcher. */
  assign: unknown;
  /** The scope the values are assigned in. */
  vars: Variables;
}

/** The values an Assign produces, evaluated against `value` (`$`) and the variables at state entry. */
export function evaluateAssign(run: Run, state: string, value: Json, assign: unknown, vars: Variables | undefined, retryCount?: number): VariableValues {
  const values = evaluateTemplate(assign, { input: value, context: run.context(state, retryCount), variables: vars?.values }, "Assign");
  if (values === null || typeof values !== "object" || Array.isArray(values)) {
    throw new StatesError("States.Runtime", `The Assign field of the state '${state}' must be an object`);
  }
  return values as VariableValues;
}

/**
 * The same, inside a durable step named "<state> (assign)" when the Assign calls States.UUID or an unseeded
 * States.MathRandom, so that every replay assigns the values the first run drew (durable-sdk.md §3).
 */
export async function evaluateAssignDurably(run: Run, ctx: DurableContext, state: string, value: Json, assign: unknown, vars: Variables | undefined): Promise<VariableValues> {
  if (!templateUsesRandom(assign)) return evaluateAssign(run, state, value, assign, vars);
  return ctx.step(`${state} (assign)`, async () => evaluateAssign(run, state, value, assign, vars));
}

/**
 * Apply the Assign of a Choice rule, of a Choice's Default path or of a Catcher (ASL-6.3, ASL-9): the state's own
 * data flow is done, so the new values are visible from the next state on.
 */
export function assign(run: Run, value: Json, options: AssignOptions): void {
  options.vars.assign(evaluateAssign(run, options.state, value, options.assign, options.vars));
}

/** `assign` for an Assign that draws random values: evaluated inside a durable step (see evaluateAssignDurably). */
export async function assignInStep(run: Run, ctx: DurableContext, value: Json, options: AssignOptions): Promise<void> {
  options.vars.assign(await evaluateAssignDurably(run, ctx, options.state, value, options.assign, options.vars));
}

/**
 * Bind what a state helper's Assign produced, once the state has succeeded (a failure, caught or not, assigns
 * nothing: a Catcher's own Assign applies instead, ASL-9).
 */
export function commitAssign(state: string, vars: Variables | undefined, values: VariableValues | undefined): void {
  if (values === undefined) return;
  if (vars === undefined) throw new Error(`state ${JSON.stringify(state)}: an Assign needs the scope's variables (vars)`);
  vars.assign(values);
}
