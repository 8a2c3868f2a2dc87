import { checkPayloadSize, applyInputPath, applyOutputPath, applyResultPath, applyResultSelector } from "./dataflow.js";
import type { Run } from "./execution.js";
import { evaluateTemplate } from "./template.js";
import type { Json, PathRoots } from "./types.js";
import type { Variables, VariableValues } from "./variables.js";
import { evaluateAssignJsonata, evaluateJsonata, type Scope } from "./jsonata/template.js";

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
  /**
   * The state is written in JSONata (ASL-3.2): `arguments` and `output` replace InputPath, Parameters,
   * ResultSelector, ResultPath and OutputPath, and `assign` holds `{% %}` expressions.
   */
  queryLanguage?: "JSONata";
  /** JSONata Arguments: the effective input, evaluated against `$states.input` (default: the raw input). */
  arguments?: unknown;
  /** JSONata Output, evaluated against `$states.input` and `$states.result` (default: the result). */
  output?: unknown;
}

/** The roots every path of a state reads besides `$`: `$$` (ASL-7) and `$name` (ASL-8). */
export function outerRoots(run: Run, options: { state: string; vars?: Variables | undefined }, retryCount?: number): Omit<PathRoots, "input"> {
  return { context: run.context(options.state, retryCount), variables: options.vars?.values };
}

/** The `$states` scope of a JSONata state (ASL-3.2): the raw input, the context object and the variables. */
export function jsonataScope(run: Run, input: Json, options: { state: string; vars?: Variables | undefined }, retryCount?: number): Scope {
  return { states: { input, context: run.context(options.state, retryCount) }, variables: options.vars?.values };
}

/** A JSONata scope after the work: `$states.result` set (ASL-3.2 step 3). */
export function withResult(scope: Scope, result: Json): Scope {
  return { states: { ...scope.states, result }, variables: scope.variables };
}

/** JSONata ASL-3.2 step 1: Arguments against `$states.input`, giving the effective input (default: the raw input). */
export async function jsonataArguments(scope: Scope, options: FlowOptions): Promise<Json> {
  if (options.arguments === undefined) return scope.states.input;
  return evaluateJsonata(options.arguments, scope, { state: options.state, field: "Arguments" });
}

/**
 * JSONata ASL-3.2 step 3: Assign and Output side by side, both against `$states.result` and the variables at state
 * entry. Output defaults to the result.
 */
export async function jsonataOutcome(scope: Scope, options: FlowOptions): Promise<{ output: Json; assigned?: VariableValues }> {
  const assigned = options.assign === undefined ? undefined : await evaluateAssignJsonata(options.assign, scope, options.state);
  const output = options.output === undefined ? (scope.states.result ?? scope.states.input) : await evaluateJsonata(options.output, scope, { state: options.state, field: "Output" });
  return assigned === undefined ? { output } : { output, assigned };
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
