import type { DurableContext } from "@aws/durable-execution-sdk-js";
import { commitAssign, evaluateAssign } from "./assign.js";
import { applyInputPath, applyOutputPath, applyResultPath } from "./dataflow.js";
import { StatesError } from "./errors.js";
import type { Run } from "./execution.js";
import { effectiveInput, outerRoots } from "./flow.js";
import { callIntrinsic } from "./intrinsics.js";
import { selectPath } from "./jsonpath.js";
import { evaluateChoiceRule, type ChoiceRule } from "./choice.js";
import type { Json } from "./types.js";
import type { Variables, VariableValues } from "./variables.js";

/** The states that run as plain code, with zero durable operations (ASL-6.1, 6.3, 6.5, 6.6). */

export interface PassOptions {
  state: string;
  inputPath?: string | null;
  parameters?: unknown;
  /** The literal Result (present, even as null, means "use it"). Never evaluated as a template [obs]. */
  result?: Json;
  resultPath?: string | null;
  outputPath?: string | null;
  /** Assign (ASL-8), evaluated against the Pass result (ASL-3.1 step 5). */
  assign?: unknown;
  /** The scope's variables (ASL-8); absent when the machine uses none. */
  vars?: Variables;
}

/** What a Pass state produced: its output and, with an Assign, the values it assigns. */
interface PassOutcome {
  output: Json;
  assigned?: VariableValues;
}

/**
 * A Pass state: result = Result, else the effective input; then Assign on the result, ResultPath and OutputPath
 * (ASL-6.1, ASL-3.1). Every path reads the variables as the state found them; the Assign applies afterwards.
 */
export function pass(run: Run, input: Json, options: PassOptions): Json {
  const outcome = passOutcome(run, input, options);
  commitAssign(options.state, options.vars, outcome.assigned);
  return outcome.output;
}

/**
 * A Pass state whose Parameters or Assign call States.UUID or an unseeded States.MathRandom: evaluated inside a
 * durable step, so that every replay sees the values the first run drew. Without an Assign the step's value is the
 * output itself, as before variables existed (executions in flight replay the same checkpoints).
 */
export async function passInStep(run: Run, ctx: DurableContext, input: Json, options: PassOptions): Promise<Json> {
  if (options.assign === undefined) return ctx.step(`${options.state} (values)`, async () => pass(run, input, options));
  const outcome = await ctx.step(`${options.state} (values)`, async (): Promise<PassOutcome> => passOutcome(run, input, options));
  commitAssign(options.state, options.vars, outcome.assigned);
  return outcome.output;
}

function passOutcome(run: Run, input: Json, options: PassOptions): PassOutcome {
  const result = Object.hasOwn(options, "result") ? (options.result as Json) : effectiveInput(run, input, options);
  const assigned = options.assign === undefined ? undefined : evaluateAssign(run, options.state, result, options.assign, options.vars);
  const output = applyOutputPath(applyResultPath(input, result, options.resultPath), options.outputPath, outerRoots(run, options)) as Json;
  return assigned === undefined ? { output } : { output, assigned };
}

/** A Choice rule against the state's effective input (ASL-6.3): type mismatches are false, missing paths fail. */
export function test(run: Run, state: string, input: Json, rule: ChoiceRule, vars?: Variables): boolean {
  return evaluateChoiceRule(rule, run.roots(state, input, vars));
}

/** No Choice rule matched and there is no Default (ASL-6.3). */
export function noChoiceMatched(state: string): StatesError {
  return new StatesError("States.NoChoiceMatched", `No Choice Rule matched in state ${JSON.stringify(state)}, and it has no Default`);
}

/** InputPath of a Choice, Succeed or Wait state (ASL-3.1 step 2). */
export function inputPath(run: Run, state: string, input: Json, path: string | null, vars?: Variables): Json {
  return applyInputPath(input, path, outerRoots(run, { state, vars })) as Json;
}

/** OutputPath of a Choice, Succeed or Wait state (ASL-3.1 step 8). */
export function outputPath(run: Run, state: string, value: Json, path: string | null, vars?: Variables): Json {
  return applyOutputPath(value, path, outerRoots(run, { state, vars })) as Json;
}

export interface FailOptions {
  state: string;
  error?: string;
  errorPath?: string;
  cause?: string;
  causePath?: string;
  /** The scope's variables (ASL-8), for `$name` paths; absent when the machine uses none. */
  vars?: Variables;
}

/** A Fail state (ASL-6.6): ErrorPath/CausePath are read from the raw input (a path or an intrinsic call). */
export function fail(run: Run, input: Json, options: FailOptions): StatesError {
  const roots = run.roots(options.state, input, options.vars);
  const read = (path: string, field: string): string => {
    const value = path.startsWith("States.") ? callIntrinsic(path, roots) : selectPath(path, roots, field);
    if (typeof value !== "string") throw new StatesError("States.Runtime", `The ${field} value must be a string, got ${JSON.stringify(value)}`);
    return value;
  };
  const error = options.errorPath !== undefined ? read(options.errorPath, "ErrorPath") : (options.error ?? "");
  const cause = options.causePath !== undefined ? read(options.causePath, "CausePath") : (options.cause ?? "");
  return new StatesError(error, cause);
}
