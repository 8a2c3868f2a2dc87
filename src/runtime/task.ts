import { retryPresets, type DurableContext } from "@aws/durable-execution-sdk-js";
import { commitAssign, evaluateAssign } from "./assign.js";
import { StatesError, toStatesError } from "./errors.js";
import type { Run } from "./execution.js";
import { checkPayloadSize } from "./dataflow.js";
import { effectiveInput, jsonataArguments, jsonataOutcome, jsonataScope, placeResult, selectResult, withResult, type FlowOptions } from "./flow.js";
import { integrationFor } from "./integrations.js";
import { readJsonataNumber, readNumber } from "./numbers.js";
import type { Retrier } from "./retry.js";
import { withRetries } from "./retrying.js";
import { toJson } from "./values.js";
import type { Json } from "./types.js";
import type { VariableValues } from "./variables.js";

/** What a Task calls: its integration, or a `tasks` override. Receives the effective input, returns the raw result. */
export type TaskOverride = (input: Json, info: TaskInfo) => unknown;

/** Options of a generated `makeHandler`. */
export interface HandlerOptions {
  /**
   * Replace the integration call of a Task, by state name, wherever the Task is: it receives the effective input
   * (after InputPath and Parameters) and returns the raw result. An Error it throws is an ASL error (Error = its name,
   * Cause = its message), retried and caught like a real failure.
   */
  tasks?: Record<string, TaskOverride>;
}

/**
 * The `tasks` overrides as a lookup without a prototype, so that a Task named "constructor" or "toString" finds its
 * override or nothing, never an inherited Object member.
 */
export function taskOverrides(options: HandlerOptions): Readonly<Record<string, TaskOverride | undefined>> {
  const table: Record<string, TaskOverride | undefined> = Object.create(null) as Record<string, TaskOverride | undefined>;
  for (const [name, override] of Object.entries(options.tasks ?? {})) table[name] = override;
  return table;
}

export interface TaskInfo {
  state: string;
  resource: string;
  /** 0 for the first attempt, then the retry count (`$$.State.RetryCount`). */
  retryCount: number;
}

export interface TaskOptions extends FlowOptions {
  resource: string;
  /** Replaces the integration the Resource names (a `tasks` override); without it the default wiring is used. */
  call?: TaskOverride | undefined;
  retry?: readonly Retrier[];
  /** A number, or in a JSONata state a `{% %}` expression (ASL-3.2). */
  timeoutSeconds?: number | string;
  timeoutSecondsPath?: string;
}

/**
 * What one successful attempt checkpoints: the selected result alone (as before variables existed, so executions in
 * flight replay the same checkpoints) or, when the Task has an Assign, the result with the values assigned.
 */
type AttemptValue = Json | { result: Json; assigned: VariableValues };

/**
 * One JSONata attempt (ASL-3.2): Arguments, the call, then Assign and Output side by side. All of it runs inside the
 * attempt's step, so `$now()` or `$uuid()` in any of them is drawn once and replayed.
 */
async function jsonataAttempt(run: Run, input: Json, options: TaskOptions, retryCount: number): Promise<{ result: Json; assigned?: VariableValues }> {
  const scope = jsonataScope(run, input, options, retryCount);
  const payload = await jsonataArguments(scope, options);
  const call = options.call ?? integrationFor(options.resource);
  const raw = toJson(await call(payload, { state: options.state, resource: options.resource, retryCount }));
  const { output, assigned } = await jsonataOutcome(withResult(scope, raw), options);
  return assigned === undefined ? { result: output } : { result: output, assigned };
}

/**
 * A Task state (ASL-6.2, ASL-3.1): effective input, then the call as one durable step per attempt (no hidden SDK
 * retries: ASL Retry runs in orchestration code), optionally raced against a durable timer for TimeoutSeconds, then
 * Assign on the raw result, ResultSelector, ResultPath and OutputPath. A failure is thrown as a StatesError for Catch
 * to handle, and assigns nothing.
 */
export async function task(run: Run, ctx: DurableContext, input: Json, options: TaskOptions): Promise<Json> {
  const timeout =
    options.queryLanguage === "JSONata"
      ? await readJsonataNumber(jsonataScope(run, input, options), options.state, "TimeoutSeconds", options.timeoutSeconds, "integer", { min: 1 })
      : readNumber(run, options.state, input, "TimeoutSeconds", { value: options.timeoutSeconds as number | undefined, path: options.timeoutSecondsPath }, "integer", { min: 1 }, options.vars);
  const value = await withRetries(ctx, options.state, options.retry ?? [], (retryCount) => {
    // Parameters, Assign and ResultSelector are evaluated inside the step: intrinsics such as States.UUID then draw
    // their values once, and replays read them from the checkpoint.
    const attempt = (c: DurableContext): Promise<AttemptValue> =>
      c.step(
        options.state,
        async (): Promise<AttemptValue> => {
          try {
            if (options.queryLanguage === "JSONata") return await jsonataAttempt(run, input, options, retryCount);
            const payload = effectiveInput(run, input, options, retryCount);
            const call = options.call ?? integrationFor(options.resource);
            const raw = toJson(await call(payload, { state: options.state, resource: options.resource, retryCount }));
            if (options.assign === undefined) return selectResult(run, raw, options);
            // ASL-3.1 step 5: Assign reads the raw result, before ResultSelector.
            const assigned = evaluateAssign(run, options.state, raw, options.assign, options.vars, retryCount);
            return { result: selectResult(run, raw, options), assigned };
          } catch (thrown) {
            throw toStatesError(thrown);
          }
        },
        { retryStrategy: retryPresets.noRetry },
      );
    if (timeout === undefined) return attempt(ctx);
    // TimeoutSeconds: the step raced against a durable timer, inside a child context whose outcome is checkpointed,
    // so that a replay reads who won instead of racing again (both would have completed by then).
    return ctx.runInChildContext(`${options.state} (attempt ${retryCount + 1})`, async (child) => {
      const timer = child.wait(`${options.state} (timeout)`, { seconds: timeout }).then((): never => {
        throw new StatesError("States.Timeout", `State ${JSON.stringify(options.state)} timed out after ${timeout} seconds`);
      });
      return Promise.race([attempt(child), timer]);
    });
  });
  if (options.queryLanguage === "JSONata") {
    const { result, assigned } = value as { result: Json; assigned?: VariableValues };
    checkPayloadSize(result, `The output of state '${options.state}'`);
    commitAssign(options.state, options.vars, assigned);
    return result;
  }
  if (options.assign === undefined) return placeResult(run, input, value as Json, options);
  const { result, assigned } = value as { result: Json; assigned: VariableValues };
  const output = placeResult(run, input, result, options);
  commitAssign(options.state, options.vars, assigned);
  return output;
}
