import type { BatchResult, DurableContext } from "@aws/durable-execution-sdk-js";
import { commitAssign, evaluateAssignDurably } from "./assign.js";
import { StatesError, toStatesError } from "./errors.js";
import type { Run } from "./execution.js";
import { checkPayloadSize } from "./dataflow.js";
import { effectiveInput, jsonataArguments, jsonataOutcome, jsonataScope, outerRoots, stateOutput, withResult, type FlowOptions } from "./flow.js";
import { deterministically, evaluateJsonata, evaluateTyped, usesNondeterminism } from "./jsonata/template.js";
import { selectPath } from "./jsonpath.js";
import { readJsonataNumber, readNumber } from "./numbers.js";
import type { Retrier } from "./retry.js";
import { withRetries } from "./retrying.js";
import { templateUsesRandom } from "./random.js";
import { evaluateTemplate } from "./template.js";
import type { Json } from "./types.js";
import { variables, type Variables } from "./variables.js";

/**
 * A Parallel branch or a Map iteration, generated as a function of its own scope. `outer` is the variable scope of
 * the Parallel or Map state (ASL-8): the function reads it through a child scope of its own (functions of machines
 * without variables ignore it).
 */
export type ScopeFunction = (ctx: DurableContext, run: Run, input: Json, outer: Variables) => Promise<Json>;

export interface ParallelOptions extends FlowOptions {
  /** One entry per branch, in Branches order; `name` labels the branch's child context (its StartAt state). */
  branches: ReadonlyArray<{ name: string; run: ScopeFunction }>;
  retry?: readonly Retrier[];
}

/**
 * A Parallel state (ASL-6.7): every branch gets the effective input; the raw result is the array of branch outputs in
 * Branches order. A failing branch fails the state with that branch's own error (not States.BranchFailed) [obs].
 */
export async function parallel(run: Run, ctx: DurableContext, input: Json, options: ParallelOptions): Promise<Json> {
  const outer = options.vars ?? variables();
  const raw = await withRetries(ctx, options.state, options.retry ?? [], async (retryCount) => {
    const payload =
      options.queryLanguage === "JSONata"
        ? await deterministically(ctx, `${options.state} (arguments)`, [options.arguments], () => jsonataArguments(jsonataScope(run, input, options, retryCount), options))
        : templateUsesRandom(options.parameters)
          ? await ctx.step(`${options.state} (parameters)`, async () => effectiveInput(run, input, options, retryCount))
          : effectiveInput(run, input, options, retryCount);
    const batch = await ctx.parallel(
      options.state,
      options.branches.map((branch) => ({ name: branch.name, func: (child: DurableContext) => branch.run(child, run.fork(), payload, outer) })),
    );
    return outputsOrFirstError(batch);
  });
  return finish(run, ctx, input, raw, options);
}

export interface MapOptions extends Omit<FlowOptions, "parameters" | "arguments"> {
  itemsPath?: string;
  /** JSONata Items (ASL-6.8): an array, or an expression giving one; default `$states.input`. */
  items?: unknown;
  /** ItemSelector (or the legacy Parameters of a Map), evaluated per item with `$$.Map.Item` set (ASL-6.8). */
  itemSelector?: unknown;
  /** 0 = unlimited. In a JSONata state each number may also be a `{% %}` expression (ASL-3.2). */
  maxConcurrency?: number | string;
  maxConcurrencyPath?: string;
  toleratedFailureCount?: number | string;
  toleratedFailureCountPath?: string;
  toleratedFailurePercentage?: number | string;
  toleratedFailurePercentagePath?: string;
  iteration: ScopeFunction;
  retry?: readonly Retrier[];
}

/**
 * An inline Map state (ASL-6.8): ItemsPath selects an array from the effective input; each item (after ItemSelector)
 * runs through the processor; the raw result is the outputs in item order. Without a tolerance the first failed
 * iteration fails the state with its error; beyond a tolerance, States.ExceedToleratedFailureThreshold.
 */
export async function map(run: Run, ctx: DurableContext, input: Json, options: MapOptions): Promise<Json> {
  const { vars } = options;
  const limits = await mapLimits(run, input, options);
  const outer = vars ?? variables();
  const raw = await withRetries(ctx, options.state, options.retry ?? [], async (retryCount) => {
    const jsonata = options.queryLanguage === "JSONata";
    const selected = jsonata ? input : effectiveInput(run, input, { state: options.state, inputPath: options.inputPath, vars }, retryCount);
    const items = jsonata ? await jsonataItems(run, ctx, input, options, retryCount) : selectPath(options.itemsPath ?? "$", { ...outerRoots(run, options, retryCount), input: selected }, "ItemsPath");
    if (!Array.isArray(items)) {
      throw new StatesError("States.Runtime", `Map state ${JSON.stringify(options.state)}: ItemsPath must select an array, got ${JSON.stringify(items)}`);
    }
    const { maxConcurrency, toleratedFailureCount, toleratedFailurePercentage } = limits;
    const tolerant = toleratedFailureCount !== undefined || toleratedFailurePercentage !== undefined;
    const random = jsonata ? usesNondeterminism(options.itemSelector) : templateUsesRandom(options.itemSelector);
    const batch = await ctx.map(
      options.state,
      items as Json[],
      async (child: DurableContext, item: Json, index: number) => {
        const itemRun = run.forItem(index, item);
        const select = async (): Promise<Json> =>
          jsonata
            ? evaluateJsonata(options.itemSelector, jsonataScope(itemRun, selected, options), { state: options.state, field: "ItemSelector" })
            : (evaluateTemplate(options.itemSelector, { ...outerRoots(itemRun, options), input: selected }, "ItemSelector") as Json);
        const itemInput =
          options.itemSelector === undefined ? item : random ? await child.step(`${options.state} [${index}] (item selector)`, select) : await select();
        return options.iteration(child, itemRun, itemInput, outer);
      },
      {
        ...(maxConcurrency ? { maxConcurrency } : {}),
        ...(tolerant
          ? {
              completionConfig: {
                ...(toleratedFailureCount !== undefined ? { toleratedFailureCount } : {}),
                ...(toleratedFailurePercentage !== undefined ? { toleratedFailurePercentage } : {}),
              },
            }
          : {}),
        itemNamer: (_item: Json, index: number) => `${options.state} [${index}]`,
      },
    );
    if (!tolerant) return outputsOrFirstError(batch);
    if (batch.completionReason === "FAILURE_TOLERANCE_EXCEEDED") {
      throw new StatesError("States.ExceedToleratedFailureThreshold", `Map state ${JSON.stringify(options.state)} exceeded its tolerated failures`);
    }
    return batch.all.map((r) => (r.status === "SUCCEEDED" ? ((r.result ?? null) as Json) : null));
  });
  return finish(run, ctx, input, raw, options);
}

/** MaxConcurrency and the failure tolerances: literals, `…Path` reads (JSONPath) or expressions (JSONata). */
export async function mapLimits(run: Run, input: Json, options: MapOptions): Promise<{ maxConcurrency?: number | undefined; toleratedFailureCount?: number | undefined; toleratedFailurePercentage?: number | undefined }> {
  const { state, vars } = options;
  if (options.queryLanguage === "JSONata") {
    const scope = jsonataScope(run, input, options);
    return {
      maxConcurrency: await readJsonataNumber(scope, state, "MaxConcurrency", options.maxConcurrency, "integer", { min: 0 }),
      toleratedFailureCount: await readJsonataNumber(scope, state, "ToleratedFailureCount", options.toleratedFailureCount, "integer", { min: 0 }),
      toleratedFailurePercentage: await readJsonataNumber(scope, state, "ToleratedFailurePercentage", options.toleratedFailurePercentage, "float", { min: 0, max: 100 }),
    };
  }
  const literal = (value: number | string | undefined): number | undefined => value as number | undefined;
  return {
    maxConcurrency: readNumber(run, state, input, "MaxConcurrency", { value: literal(options.maxConcurrency), path: options.maxConcurrencyPath }, "integer", { min: 0 }, vars),
    toleratedFailureCount: readNumber(run, state, input, "ToleratedFailureCount", { value: literal(options.toleratedFailureCount), path: options.toleratedFailureCountPath }, "integer", { min: 0 }, vars),
    toleratedFailurePercentage: readNumber(
      run,
      state,
      input,
      "ToleratedFailurePercentage",
      { value: literal(options.toleratedFailurePercentage), path: options.toleratedFailurePercentagePath },
      "float",
      { min: 0, max: 100 },
      vars,
    ),
  };
}

/**
 * The items of a JSONata Map (ASL-6.8): `Items` (an array, or an expression that must give one) or, without it, the
 * state input, which must be an array [obs: test_map_state_items_input_types, test_map_state_items_eval_jsonata_fail].
 */
export async function jsonataItems(run: Run, ctx: DurableContext, input: Json, options: MapOptions, retryCount: number): Promise<Json> {
  if (options.items === undefined) {
    if (!Array.isArray(input)) {
      throw new StatesError("States.QueryEvaluationError", `An error occurred while executing the state '${options.state}'. Map state input must be an array but was: ${JSON.stringify(input)}`);
    }
    return input;
  }
  const scope = jsonataScope(run, input, options, retryCount);
  return deterministically(ctx, `${options.state} (items)`, [options.items], () => evaluateTyped(options.items, scope, { state: options.state, field: "Items" }, "array"));
}

/**
 * ASL-3.1 steps 5–8 of a Parallel or Map: Assign on the raw result (the array of outputs), then ResultSelector,
 * ResultPath and OutputPath; the Assign applies once the state has succeeded.
 */
export async function finish(run: Run, ctx: DurableContext, input: Json, raw: Json, options: FlowOptions): Promise<Json> {
  if (options.queryLanguage === "JSONata") {
    const scope = withResult(jsonataScope(run, input, options), raw);
    const { output, assigned } = await deterministically(ctx, `${options.state} (output)`, [options.assign, options.output], () => jsonataOutcome(scope, options));
    checkPayloadSize(output, `The output of state '${options.state}'`);
    commitAssign(options.state, options.vars, assigned);
    return output;
  }
  // A ResultSelector calling States.UUID or an unseeded States.MathRandom draws inside a step (replays agree).
  const output = (): Json | Promise<Json> =>
    templateUsesRandom(options.resultSelector)
      ? ctx.step(`${options.state} (result selector)`, async () => stateOutput(run, input, raw, options))
      : stateOutput(run, input, raw, options);
  if (options.assign === undefined) return output();
  const assigned = await evaluateAssignDurably(run, ctx, options.state, raw, options.assign, options.vars);
  const result = await output();
  commitAssign(options.state, options.vars, assigned);
  return result;
}

/** Outputs in order, or the error of the first failed branch/iteration (by index). */
export function outputsOrFirstError(batch: BatchResult<Json>): Json[] {
  const failed = batch.all.find((r) => r.status === "FAILED");
  if (failed) throw toStatesError(failed.error);
  return batch.all.map((r) => (r.result ?? null) as Json);
}
