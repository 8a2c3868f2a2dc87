import type { DurableContext } from "@aws/durable-execution-sdk-js";
import { commitAssign } from "../assign.js";
import { checkPayloadSize } from "../dataflow.js";
import { StatesError } from "../errors.js";
import type { Run } from "../execution.js";
import { jsonataOutcome, jsonataScope, type FlowOptions } from "../flow.js";
import { map as mapState, parallel as parallelState, type MapOptions, type ParallelOptions } from "../batch.js";
import type { Caught } from "../catch.js";
import { task as taskState, type TaskOptions } from "../task.js";
import { distributedMap as distributedMapState, type DistributedMapOptions } from "../distributed-map.js";
import { waitFor } from "../wait.js";
import { parseTimestamp } from "../timestamp.js";
import type { Json } from "../types.js";
import type { Variables } from "../variables.js";
import { deterministically, evaluateAssignJsonata, evaluateJsonata, evaluateTyped, type Scope } from "./template.js";

/**
 * The states of a JSONata state machine (ASL-3.2), as generated code calls them: `asl.jsonata.pass(…)`,
 * `asl.jsonata.task(…)` and so on. There is no InputPath, Parameters, ResultSelector, ResultPath or OutputPath:
 * `$states.input` is the raw input, `Arguments` shapes what the work receives, and `Output` and `Assign` are evaluated
 * side by side against the variables as the state found them. An expression that reads the clock or draws a random
 * value is evaluated inside a durable step, so replays see the first run's values.
 */

/** The fields every JSONata state helper takes. */
export interface JsonataOptions {
  state: string;
  /** Output (ASL-3.2): any JSON with `{% %}` expressions; default `$states.input` (or the result). */
  output?: unknown;
  /** Assign (ASL-8): variable name → JSON with `{% %}` expressions. */
  assign?: unknown;
  /** The scope's variables; absent when the machine uses none. */
  vars?: Variables;
}

type Jsonata<T> = Omit<T, "queryLanguage" | "inputPath" | "parameters" | "resultSelector" | "resultPath" | "outputPath" | "itemsPath" | `${string}Path`>;

/** A Task state in JSONata: Arguments → the call → Output and Assign (ASL-6.2, ASL-3.2). */
export function task(run: Run, ctx: DurableContext, input: Json, options: Jsonata<TaskOptions>): Promise<Json> {
  return taskState(run, ctx, input, { ...options, queryLanguage: "JSONata" });
}

/** A Parallel state in JSONata: every branch receives the Arguments (ASL-6.7). */
export function parallel(run: Run, ctx: DurableContext, input: Json, options: Jsonata<ParallelOptions>): Promise<Json> {
  return parallelState(run, ctx, input, { ...options, queryLanguage: "JSONata" });
}

/** An inline Map state in JSONata: Items (default the input), ItemSelector with `$states.context.Map.Item` (ASL-6.8). */
export function map(run: Run, ctx: DurableContext, input: Json, options: Jsonata<MapOptions>): Promise<Json> {
  return mapState(run, ctx, input, { ...options, queryLanguage: "JSONata" });
}

/** A Distributed Map in JSONata: Items or the ItemReader's Arguments, ItemSelector, ItemBatcher (ASL-6.8). */
export function distributedMap(run: Run, ctx: DurableContext, input: Json, options: Jsonata<DistributedMapOptions>): Promise<Json> {
  return distributedMapState(run, ctx, input, { ...options, queryLanguage: "JSONata" });
}

/** Output and Assign of a state without a result (Pass, Wait, Choice, Succeed): Output defaults to the input. */
async function finish(run: Run, ctx: DurableContext, input: Json, options: JsonataOptions, scope: Scope = jsonataScope(run, input, options)): Promise<Json> {
  if (options.output === undefined && options.assign === undefined) return input;
  const flow: FlowOptions = { state: options.state, output: options.output, assign: options.assign };
  const { output, assigned } = await deterministically(ctx, `${options.state} (output)`, [options.output, options.assign], () => jsonataOutcome(scope, flow));
  checkPayloadSize(output, `The output of state '${options.state}'`);
  commitAssign(options.state, options.vars, assigned);
  return output;
}

/** A Pass state (ASL-6.1): Output (default the input) and Assign. */
export function pass(run: Run, ctx: DurableContext, input: Json, options: JsonataOptions): Promise<Json> {
  return finish(run, ctx, input, options);
}

/** A Succeed state (ASL-6.5): its Output ends the scope. */
export function succeed(run: Run, ctx: DurableContext, input: Json, options: JsonataOptions): Promise<Json> {
  return finish(run, ctx, input, options);
}

/**
 * One Choice rule's Condition (ASL-6.3): a boolean literal or an expression that must give a boolean, else
 * `States.QueryEvaluationError` [obs].
 */
export async function condition(run: Run, ctx: DurableContext, input: Json, state: string, value: unknown, vars?: Variables): Promise<boolean> {
  const scope = jsonataScope(run, input, { state, vars });
  return (await deterministically(ctx, `${state} (condition)`, [value], async () => ({ value: await evaluateTyped(value, scope, { state, field: "Condition" }, "boolean") }))).value === true;
}

/**
 * The output of a Choice once its branch is known (ASL-3.2 step 4): the matching rule's Output and Assign, or the
 * state's own on the Default path. Both read the input and the variables as the state found them.
 */
export function choice(run: Run, ctx: DurableContext, input: Json, options: JsonataOptions): Promise<Json> {
  return finish(run, ctx, input, options);
}

export interface WaitOptions extends JsonataOptions {
  /** A non-negative integer or an expression giving one. */
  seconds?: number | string;
  /** An RFC 3339 timestamp or an expression giving one. */
  timestamp?: string;
}

/** A Wait state (ASL-6.4): Seconds or Timestamp (either may be an expression), then Output and Assign. */
export async function wait(run: Run, ctx: DurableContext, input: Json, options: WaitOptions): Promise<Json> {
  const scope = jsonataScope(run, input, options);
  const { state } = options;
  if (options.seconds !== undefined) {
    const seconds = (await evaluateTyped(options.seconds, scope, { state, field: "Seconds" }, "integer")) as number;
    if (seconds < 0) throw new StatesError("States.QueryEvaluationError", `An error occurred while executing the state '${state}'. The Seconds field must be a non-negative integer, got ${seconds}.`);
    await waitFor(ctx, state, { seconds });
  } else if (options.timestamp !== undefined) {
    const text = await evaluateJsonata(options.timestamp, scope, { state, field: "Timestamp" });
    const instant = typeof text === "string" ? parseTimestamp(text) : undefined;
    if (instant === undefined) {
      throw new StatesError(
        "States.QueryEvaluationError",
        `An error occurred while executing the state '${state}'. The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: ${typeof text === "string" ? text : JSON.stringify(text)}`,
      );
    }
    await waitFor(ctx, state, { instant });
  }
  return finish(run, ctx, input, options, scope);
}

export interface FailOptions {
  state: string;
  /** A literal or an expression giving a string. */
  error?: string;
  cause?: string;
  vars?: Variables;
}

/** A Fail state (ASL-6.6): Error and Cause may be expressions, which must give strings. */
export async function fail(run: Run, ctx: DurableContext, input: Json, options: FailOptions): Promise<StatesError> {
  const scope = jsonataScope(run, input, options);
  const read = async (value: string | undefined, field: string): Promise<string> =>
    value === undefined ? "" : ((await deterministically(ctx, `${options.state} (${field})`, [value], async () => ({ text: await evaluateTyped(value, scope, { state: options.state, field }, "string") }))).text as string);
  return new StatesError(await read(options.error, "Error"), await read(options.cause, "Cause"));
}

/**
 * The output of a Catcher (ASL-9, ASL-3.2 step 5): its Output (default the error output `{Error, Cause}`) and its
 * Assign, both with `$states.errorOutput`; the state's own Assign and Output are not evaluated.
 */
export async function caught(run: Run, ctx: DurableContext, input: Json, error: Caught, options: JsonataOptions): Promise<Json> {
  const base = jsonataScope(run, input, options);
  const scope: Scope = { states: { ...base.states, errorOutput: error.errorOutput }, variables: base.variables };
  if (options.output === undefined && options.assign === undefined) return error.errorOutput;
  const { output, assigned } = await deterministically(ctx, `${options.state} (catch)`, [options.output, options.assign], async () => {
    const values = options.assign === undefined ? undefined : await evaluateAssignJsonata(options.assign, scope, options.state);
    const out = options.output === undefined ? error.errorOutput : await evaluateJsonata(options.output, scope, { state: options.state, field: "Output" });
    return values === undefined ? { output: out } : { output: out, assigned: values };
  });
  commitAssign(options.state, options.vars, assigned);
  return output;
}
