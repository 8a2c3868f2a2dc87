import { applyInputPath, applyOutputPath, applyResultPath, applyResultSelector } from "./dataflow.js";
import type { Run } from "./execution.js";
import { evaluateTemplate } from "./template.js";
import type { Json } from "./types.js";

/** The JSONPath data-flow fields of a state (ASL-3.1); each is optional and defaults as ASL says. */
export interface FlowOptions {
  /** The state's name: `$$.State.Name`, and the durable operation name. */
  state: string;
  inputPath?: string | null;
  parameters?: unknown;
  resultSelector?: unknown;
  resultPath?: string | null;
  outputPath?: string | null;
}

/** ASL-3.1 steps 2–3: InputPath, then Parameters, giving the effective input. */
export function effectiveInput(run: Run, input: Json, options: FlowOptions, retryCount?: number): Json {
  const context = run.context(options.state, retryCount);
  const selected = applyInputPath(input, options.inputPath, { context }) as Json;
  if (options.parameters === undefined) return selected;
  return evaluateTemplate(options.parameters, { input: selected, context }, "Parameters") as Json;
}

/** ASL-3.1 steps 6–8: ResultSelector on the raw result, ResultPath into the raw input, then OutputPath. */
export function stateOutput(run: Run, rawInput: Json, rawResult: Json, options: FlowOptions): Json {
  return placeResult(run, rawInput, selectResult(run, rawResult, options), options);
}

/** ASL-3.1 step 6: ResultSelector on the raw result. */
export function selectResult(run: Run, rawResult: Json, options: FlowOptions): Json {
  return applyResultSelector(rawResult, options.resultSelector, { context: run.context(options.state) }) as Json;
}

/** ASL-3.1 steps 7–8: ResultPath into the raw input, then OutputPath. */
export function placeResult(run: Run, rawInput: Json, result: Json, options: FlowOptions): Json {
  const merged = applyResultPath(rawInput, result, options.resultPath);
  return applyOutputPath(merged, options.outputPath, { context: run.context(options.state) }) as Json;
}
