import type { BatchResult, DurableContext } from "@aws/durable-execution-sdk-js";
import { commitAssign, evaluateAssignDurably } from "./assign.js";
import { StatesError, toStatesError } from "./errors.js";
import type { Run } from "./execution.js";
import { effectiveInput, outerRoots, stateOutput, type FlowOptions } from "./flow.js";
import { selectPath } from "./jsonpath.js";
import { readNumber } from "./numbers.js";
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
    const payload = templateUsesRandom(options.parameters)
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

export interface MapOptions extends Omit<FlowOptions, "parameters"> {
  itemsPath?: string;
  /** ItemSelector (or the legacy Parameters of a Map), evaluated per item with `$$.Map.Item` set (ASL-6.8). */
  itemSelector?: unknown;
  /** 0 = unlimited. */
  maxConcurrency?: number;
  maxConcurrencyPath?: string;
  toleratedFailureCount?: number;
  toleratedFailureCountPath?: string;
  toleratedFailurePercentage?: number;
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
  const maxConcurrency = readNumber(run, options.state, input, "MaxConcurrency", { value: options.maxConcurrency, path: options.maxConcurrencyPath }, "integer", { min: 0 }, vars);
  const toleratedFailureCount = readNumber(run, options.state, input, "ToleratedFailureCount", { value: options.toleratedFailureCount, path: options.toleratedFailureCountPath }, "integer", { min: 0 }, vars);
  const toleratedFailurePercentage = readNumber(
    run,
    options.state,
    input,
    "ToleratedFailurePercentage",
    { value: options.toleratedFailurePercentage, path: options.toleratedFailurePercentagePath },
    "float",
    { min: 0, max: 100 },
    vars,
  );
  const outer = vars ?? variables();
  const raw = await withRetries(ctx, options.state, options.retry ?? [], async (retryCount) => {
    const selected = effectiveInput(run, input, { state: options.state, inputPath: options.inputPath, vars }, retryCount);
    const items = selectPath(options.itemsPath ?? "$", { ...outerRoots(run, options, retryCount), input: selected }, "ItemsPath");
    if (!Array.isArray(items)) {
      throw new StatesError("States.Runtime", `Map state ${JSON.stringify(options.state)}: ItemsPath must select an array, got ${JSON.stringify(items)}`);
    }
    const tolerant = toleratedFailureCount !== undefined || toleratedFailurePercentage !== undefined;
    const random = templateUsesRandom(options.itemSelector);
    const batch = await ctx.map(
      options.state,
      items as Json[],
      async (child: DurableContext, item: Json, index: number) => {
        const itemRun = run.forItem(index, item);
        const select = async (): Promise<Json> =>
          evaluateTemplate(options.itemSelector, { ...outerRoots(itemRun, options), input: selected }, "ItemSelector") as Json;
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

/**
 * ASL-3.1 steps 5–8 of a Parallel or Map: Assign on the raw result (the array of outputs), then ResultSelector,
 * ResultPath and OutputPath; the Assign applies once the state has succeeded.
 */
async function finish(run: Run, ctx: DurableContext, input: Json, raw: Json, options: FlowOptions): Promise<Json> {
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
function outputsOrFirstError(batch: BatchResult<Json>): Json[] {
  const failed = batch.all.find((r) => r.status === "FAILED");
  if (failed) throw toStatesError(failed.error);
  return batch.all.map((r) => (r.result ?? null) as Json);
}
