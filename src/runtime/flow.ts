import { checkPayloadSize, applyInputPath, applyOutputPath, applyResultPath, applyResultSelector } from "./dataflow.js";
import type { Run } from "./execution.js";
import { evaluateTemplate } from "./template.js";
import type { Json, PathRoots } from "./types.js";
import type { Variables } from "./variables.js";

/** The JSONPath data-flow fields of a state (ASL-3.1); each is optional and defaults as ASL says. */
export interface FlowOptions {
  /** The state's name: `$$.State.Name`, and the durable operation name. */
  state: string;
  inputPath?: string | null;
  parameters?: unknown;
  resultSelector?: unknown;
  resultPath?: string | null;
  outputPath?: string | null;
  /** The state's Assign (ASL-8), evaluated against the raw result before ResultSelector (ASL-3.1 step 5). */
  assign?: unknown;
  /**
   * The scope's workflow variables (ASL-8): `$name` paths of every field read them as the state found them, and the
   * Assign is applied to them when the state succeeds. Absent when the machine uses no variables.
   */
  vars?: Variables;
}

/** The roots every path of a state reads besides `$`: `$$` (ASL-7) and `$name` (ASL-8). */
export function outerRoots(run: Run, options: { state: string; vars?: Variables | undefined }, retryCount?: number): Omit<PathRoots, "input"> {
  return { context: run.context(options.state, retryCount), variables: options.vars?.values };
}

/** ASL-3.1 steps 2–3: InputPath, then Parameters, giving the effective input. */
export function effectiveInput(run: Run, input: Json, options: FlowOptions, retryCount?: number): Json {
  const roots = outerRoots(run, options, retryCount);
  const selected = applyInputPath(input, options.inputPath, roots) as Json;
  if (options.parameters === undefined) return selected;
  return evaluateTemplate(options.parameters, { ...roots, input: selected }, "Parameters") as Json;
}

/** ASL-3.1 steps 6–8: ResultSelector on the raw result, ResultPath into the raw input, then OutputPath. */
export function stateOutput(run: Run, rawInput: Json, rawResult: Json, options: FlowOptions): Json {
  return placeResult(run, rawInput, selectResult(run, rawResult, options), options);
}

/** ASL-3.1 step 6: ResultSelector on the raw result. */
export function selectResult(run: Run, rawResult: Json, options: FlowOptions): Json {
  return applyResultSelector(rawResult, options.resultSelector, outerRoots(run, options)) as Json;
}

/** ASL-3.1 steps 7–8: ResultPath into the raw input, then OutputPath. */
export function placeResult(run: Run, rawInput: Json, result: Json, options: FlowOptions): Json {
  const merged = applyResultPath(rawInput, result, options.resultPath);
  const output = applyOutputPath(merged, options.outputPath, outerRoots(run, options)) as Json;
  // ASL-3.1 step 9: a state output above 256 KiB fails with States.DataLimitExceeded (terminal, not caught by States.ALL).
  checkPayloadSize(output, `The output of state '${options.state}'`);
  return output;
}
