import type { ChoiceState, FailState, MachineIR, MapState, ParallelState, PassState, ResultFlow, ScopeIR, StateIR, SucceedState, TaskState, WaitState } from "../../ir/types.js";
import { firstMatchingChoice } from "../../runtime/choice.js";
import { applyInputPath, applyOutputPath, applyResultPath, applyResultSelector } from "../../runtime/dataflow.js";
import { errorMatches, StatesError } from "../../runtime/errors.js";
import { selectPath } from "../../runtime/jsonpath.js";
import { evaluateTemplate } from "../../runtime/template.js";
import type { PathRoots } from "../../runtime/types.js";
import { satisfyRule } from "./choice-rules.js";
import { contextObject } from "./context.js";
import { successDistances } from "./graph.js";
import { demandField, evaluateField, JsonataFailure, steerCondition, type JsonataRoots } from "./jsonata.js";
import { demandPath, demandSteps, parseJsonPath, pathSteps } from "./paths.js";
import { readerRequest, type DatasetRead } from "./datasets.js";
import { demandDynamic, demandTemplate, linkTemplate } from "./templates.js";
import { isContainer, matchesKind, type World } from "./world.js";

/**
 * One run of the machine on the plan's values, state by state, with the runtime's own data-flow functions (ASL-3.1)
 * and the demands of ./paths.ts in front of every path. Choice states take the first branch that can still end the
 * scope successfully, steered by ./choice-rules.ts (JSONPath) or ./jsonata.ts (JSONata). Every Task returns its mock.
 */

/** The plan's values, each in a holder so that a root can be replaced as a whole. */
export interface PlanValues {
  world: World;
  /** `inputs.input`: the execution input. */
  inputs: Record<string, unknown>;
  /** `mocks[state]`: the raw result of each Task. */
  mocks: Record<string, unknown>;
  /** `datasets[state]`: the items a Distributed Map reads with its ItemReader. */
  datasets: Record<string, unknown>;
}

/** `exact`: the error name is written in the definition (or raised by the runtime), not computed from data. */
export type Outcome = { kind: "succeeded"; output: unknown } | { kind: "failed"; state: string; error: string; cause: string; exact: boolean };

export interface SimulationResult {
  outcome: Outcome;
  /** Task states called, in first-call order. */
  calls: string[];
  /** Top-level states entered, in order. */
  trace: string[];
  /** What each Distributed Map read from S3. */
  reads: DatasetRead[];
  /** The branch each Choice state took (its last visit). */
  decisions: ChoiceDecision[];
  /** The Choice decision made last in the run (the nearest one before a failure). */
  lastDecision?: ChoiceDecision;
}

/** The key of a Choice branch in a set of banned branches (see planHappyPath). */
export function branchKey(decision: { state: string; rule: number }): string {
  return JSON.stringify([decision.state, decision.rule]);
}

export interface ChoiceDecision {
  state: string;
  /** Index of the rule taken, or -1 for Default. */
  rule: number;
  next: string;
}

/** A state failed: the run ends there unless a Catcher of the state (or of an enclosing one) handles it. */
export class StateFailure extends Error {
  constructor(
    readonly state: string,
    readonly error: string,
    readonly detail: string,
    readonly exact = true,
  ) {
    super(`${state}: ${error}: ${detail}`);
  }
}

/** Iterations simulated per Map: later items are assumed to behave like these (the mocks do not change). */
const SIMULATED_ITEMS = 5;
/** Top-level states recorded for the test's description. */
const TRACE_LIMIT = 200;
/** States one run may enter before the planner gives up (an unavoidable loop). */
const STEP_BUDGET = 5000;

type Vars = Record<string, unknown>;
interface Step {
  data: unknown;
  next?: string;
}

/** `banned`: Choice branches (branchKey) not to take, because a plan that took them failed after them. */
export async function simulate(machine: MachineIR, values: PlanValues, stateMachineName: string, banned: ReadonlySet<string> = new Set()): Promise<SimulationResult> {
  const simulator = new Simulator(values, stateMachineName, banned, machine.timeoutSeconds);
  let outcome: Outcome;
  try {
    outcome = { kind: "succeeded", output: await simulator.scope(machine.scope, values.inputs["input"], {}, true) };
  } catch (error) {
    if (!(error instanceof StateFailure)) throw error;
    outcome = { kind: "failed", state: error.state, error: error.error, cause: error.detail, exact: error.exact };
  }
  const result: SimulationResult = { outcome, calls: [...simulator.calls], trace: simulator.trace, reads: simulator.reads, decisions: [...simulator.decisions.values()] };
  return simulator.lastDecision === undefined ? result : { ...result, lastDecision: simulator.lastDecision };
}

class Simulator {
  readonly calls = new Set<string>();
  readonly trace: string[] = [];
  readonly reads: DatasetRead[] = [];
  readonly decisions = new Map<string, ChoiceDecision>();
  lastDecision: ChoiceDecision | undefined;
  private budget = STEP_BUDGET;
  /** Seconds the Wait states entered so far wait (the runtime's virtual clock skips them; Tasks take no time). */
  private elapsed = 0;
  private readonly world: World;

  constructor(
    private readonly values: PlanValues,
    private readonly stateMachineName: string,
    private readonly banned: ReadonlySet<string>,
    private readonly timeoutSeconds: number | undefined,
  ) {
    this.world = values.world;
  }

  private context(state: string, options: { token?: boolean; item?: { index: number; value: unknown } } = {}): Record<string, unknown> {
    return contextObject({ stateMachineName: this.stateMachineName, input: this.values.inputs["input"], state, ...options });
  }

  /** Run a scope (the machine, a branch, an iteration) from StartAt to its end; it reads the outer variables (ASL-8). */
  async scope(scope: ScopeIR, input: unknown, outer: Vars, top: boolean): Promise<unknown> {
    const vars: Vars = {};
    this.setVariables(vars, outer);
    const byName = new Map(scope.states.map((s) => [s.origin.name, s]));
    const visited = new Set<string>();
    let name = scope.startAt;
    let data = input;
    for (;;) {
      const state = byName.get(name);
      if (state === undefined) throw new StateFailure(name, "States.Runtime", `no state named ${JSON.stringify(name)}`);
      if (--this.budget < 0) throw new StateFailure(name, "States.Runtime", "the planner found no way out of a loop");
      // The machine's TimeoutSeconds, checked as the interpreter checks it: when a state is entered.
      if (this.timeoutSeconds !== undefined && this.elapsed > this.timeoutSeconds) {
        throw new StateFailure(name, "States.Timeout", `The execution ran longer than its TimeoutSeconds (${this.timeoutSeconds} s)`);
      }
      visited.add(name);
      if (top && this.trace.length < TRACE_LIMIT) this.trace.push(name);
      let step: Step;
      try {
        step = await this.state(scope, state, data, vars, visited);
      } catch (error) {
        const failure = asFailure(error, name);
        const caught = state.kind === "task" || state.kind === "parallel" || state.kind === "map" ? await this.caught(state, failure, data, vars) : undefined;
        if (caught === undefined) throw failure;
        step = caught;
      }
      if (step.next === undefined) return step.data;
      data = step.data;
      name = step.next;
    }
  }

  /**
   * A failure the state catches (ASL-9): the first Catcher whose ErrorEquals matches (States.Runtime never does) gives
   * the output — the error output `{Error, Cause}` placed by its ResultPath (JSONPath) or its Output (JSONata) — and
   * the next state. Undefined when no Catcher matches.
   */
  private async caught(state: TaskState | ParallelState | MapState, failure: StateFailure, data: unknown, vars: Vars): Promise<Step | undefined> {
    const catcher = state.catch.find((c) => errorMatches(c.errorEquals, failure.error));
    if (catcher === undefined) return undefined;
    const errorOutput = { Error: failure.error, Cause: failure.detail };
    const context = this.context(state.origin.name);
    if (state.queryLanguage === "JSONata") {
      const roots: JsonataRoots = { states: { input: data, context, errorOutput }, variables: vars };
      return { data: await this.jsonataOutcome(catcher, roots, errorOutput, vars), next: catcher.next };
    }
    const assigned = this.assign(catcher.assign, context, vars, errorOutput);
    const output = this.place(data, errorOutput, catcher.resultPath, undefined, context, vars);
    this.setVariables(vars, assigned);
    return { data: output, next: catcher.next };
  }

  private state(scope: ScopeIR, state: StateIR, data: unknown, vars: Vars, visited: ReadonlySet<string>): Promise<Step> {
    switch (state.kind) {
      case "task":
        return this.task(state, data, vars);
      case "pass":
        return this.pass(state, data, vars);
      case "choice":
        return this.choice(scope, state, data, vars, visited);
      case "wait":
        return this.wait(state, data, vars);
      case "succeed":
        return this.succeed(state, data, vars);
      case "fail":
        return this.fail(state, data, vars);
      case "parallel":
        return this.parallel(state, data, vars);
      case "map":
        return this.map(state, data, vars);
    }
  }

  // ── JSONPath helpers ──────────────────────────────────────────────────────────────────────────────

  private roots(context: unknown, vars: Vars, input: unknown): PathRoots {
    return { input, context, variables: vars };
  }

  /** InputPath (ASL-3.1 step 2), made to resolve first. */
  private inputPath(path: string | null | undefined, data: unknown, context: unknown, vars: Vars): unknown {
    if (typeof path === "string") demandPath(this.world, path, this.roots(context, vars, data), "value");
    return applyInputPath(data, path, { context, variables: vars });
  }

  /** A payload template (ASL-3.3), made to resolve first. */
  private template(template: unknown, roots: PathRoots, field: string): unknown {
    demandTemplate(this.world, template, roots);
    const output = evaluateTemplate(template, roots, field);
    linkTemplate(this.world, template, output, roots);
    return output;
  }

  /** ResultPath then OutputPath (ASL-3.1 steps 7–8); the copy ResultPath makes is tied to the value it copied. */
  private place(data: unknown, result: unknown, resultPath: string | null | undefined, outputPath: string | null | undefined, context: unknown, vars: Vars): unknown {
    const merged = applyResultPath(data, result, resultPath);
    if (typeof resultPath === "string") this.registerCopies(merged, data, resultPath);
    if (typeof outputPath === "string") demandPath(this.world, outputPath, this.roots(context, vars, merged), "value");
    return applyOutputPath(merged, outputPath, { context, variables: vars });
  }

  private registerCopies(merged: unknown, data: unknown, resultPath: string): void {
    const path = parseJsonPath(resultPath);
    if (path === undefined) return;
    let copy = merged;
    let source = data;
    this.world.registerCopy(copy, source);
    for (const step of pathSteps(path).steps.slice(0, -1)) {
      if (!isContainer(copy) || !isContainer(source)) return;
      copy = (copy as Record<string, unknown>)[String(step)];
      source = (source as Record<string, unknown>)[String(step)];
      this.world.registerCopy(copy, source);
    }
  }

  /** Assign (ASL-8) of a JSONPath state: a template evaluated against `input`, applied after the state. */
  private assign(assign: unknown, context: unknown, vars: Vars, input: unknown): Vars {
    if (assign === undefined) return {};
    return this.template(assign, this.roots(context, vars, input), "Assign") as Vars;
  }

  /** ASL-3.1 steps 5–8 of a Task, Parallel or Map on its raw result. */
  private finish(state: ResultFlow, data: unknown, raw: unknown, context: unknown, vars: Vars): unknown {
    const assigned = this.assign(state.assign, context, vars, raw);
    if (state.resultSelector !== undefined) demandTemplate(this.world, state.resultSelector, this.roots(context, vars, raw));
    const result = applyResultSelector(raw, state.resultSelector, { context, variables: vars });
    if (state.resultSelector !== undefined) linkTemplate(this.world, state.resultSelector, result, this.roots(context, vars, raw));
    const output = this.place(data, result, state.resultPath, state.outputPath, context, vars);
    this.setVariables(vars, assigned);
    return output;
  }

  /** Apply an Assign: the variables keep the links of the values assigned (see World.link). */
  private setVariables(vars: Vars, assigned: Vars): void {
    for (const [name, value] of Object.entries(assigned)) {
      vars[name] = value;
      const source = this.world.linkOf({ parent: assigned, key: name });
      if (source !== undefined) this.world.link(vars, name, source);
    }
  }

  private jsonataRoots(context: unknown, vars: Vars, input: unknown, result?: unknown): JsonataRoots {
    return { states: result === undefined ? { input, context } : { input, context, result }, variables: vars };
  }

  /** JSONata Assign and Output (ASL-3.2 step 3), both against the same `$states`. */
  private async jsonataOutcome(state: { assign?: unknown; output?: unknown }, roots: JsonataRoots, fallback: unknown, vars: Vars): Promise<unknown> {
    let assigned: Vars = {};
    if (state.assign !== undefined) {
      demandField(this.world, state.assign, roots);
      assigned = (await evaluateField(this.world, state.assign, roots)) as Vars;
    }
    let output = fallback;
    if (state.output !== undefined) {
      demandField(this.world, state.output, roots);
      output = await evaluateField(this.world, state.output, roots);
    }
    this.setVariables(vars, assigned);
    return output;
  }

  /**
   * A number read at run time (…Path in JSONPath, an expression in JSONata): made to exist, then checked as the
   * runtime checks it (src/runtime/numbers.ts), so a definition that gives it a wrong value fails here too.
   */
  private async dynamicNumber(
    state: string,
    field: string,
    value: { kind: string; path?: string; expression?: string } | undefined,
    roots: PathRoots,
    jsonata: JsonataRoots | undefined,
    kind: "timeout" | "integer" | "number",
    range: { min: number; max?: number },
  ): Promise<void> {
    let read: unknown;
    if (value?.kind === "path" && value.path !== undefined) {
      demandDynamic(this.world, value.path, roots, kind);
      read = selectPath(value.path, roots, `${field}Path`);
    } else if (value?.kind === "expression" && value.expression !== undefined && jsonata !== undefined) {
      demandField(this.world, value.expression, jsonata, kind);
      read = await evaluateField(this.world, value.expression, jsonata);
    } else return;
    const valid = typeof read === "number" && (kind === "number" || Number.isInteger(read)) && read >= range.min && (range.max === undefined || read <= range.max);
    if (!valid) throw new StatesError("States.Runtime", `State ${JSON.stringify(state)}: ${field} gives ${JSON.stringify(read)}, which is not a valid value`);
  }

  // ── states ───────────────────────────────────────────────────────────────────────────────────────

  private async task(state: TaskState, data: unknown, vars: Vars): Promise<Step> {
    const name = state.origin.name;
    const kind = state.integration;
    const token = kind.kind === "activity" || ((kind.kind === "optimised" || kind.kind === "aws-sdk") && kind.pattern === "waitForTaskToken");
    const context = this.context(name, { token });
    const next = nextOf(state);
    const raw = (): unknown => {
      this.calls.add(name);
      return this.values.mocks[name];
    };
    if (state.queryLanguage === "JSONata") {
      const roots = this.jsonataRoots(context, vars, data);
      if (state.credentials !== undefined) demandField(this.world, state.credentials, roots, "role-arn");
      await this.dynamicNumber(name, "TimeoutSeconds", state.timeoutSeconds, this.roots(context, vars, data), roots, "timeout", { min: 1 });
      await this.dynamicNumber(name, "HeartbeatSeconds", state.heartbeatSeconds, this.roots(context, vars, data), roots, "timeout", { min: 1 });
      if (state.arguments !== undefined) {
        demandField(this.world, state.arguments, roots);
        await evaluateField(this.world, state.arguments, roots);
      }
      const result = raw();
      return { data: await this.jsonataOutcome(state, this.jsonataRoots(context, vars, data, result), result, vars), ...next };
    }
    const roots = this.roots(context, vars, data);
    if (state.credentials !== undefined) demandTemplate(this.world, state.credentials, roots, "role-arn");
    await this.dynamicNumber(name, "TimeoutSeconds", state.timeoutSeconds, roots, undefined, "timeout", { min: 1 });
    await this.dynamicNumber(name, "HeartbeatSeconds", state.heartbeatSeconds, roots, undefined, "timeout", { min: 1 });
    const selected = this.inputPath(state.inputPath, data, context, vars);
    if (state.parameters !== undefined) this.template(state.parameters, this.roots(context, vars, selected), "Parameters");
    return { data: this.finish(state, data, raw(), context, vars), ...next };
  }

  private async pass(state: PassState, data: unknown, vars: Vars): Promise<Step> {
    const context = this.context(state.origin.name);
    const next = nextOf(state);
    if (state.queryLanguage === "JSONata") {
      return { data: await this.jsonataOutcome(state, this.jsonataRoots(context, vars, data), data, vars), ...next };
    }
    const selected = this.inputPath(state.inputPath, data, context, vars);
    const effective = state.parameters === undefined ? selected : this.template(state.parameters, this.roots(context, vars, selected), "Parameters");
    const result = state.result !== undefined ? state.result.value : effective;
    const assigned = this.assign(state.assign, context, vars, result);
    const output = this.place(data, result, state.resultPath, state.outputPath, context, vars);
    this.setVariables(vars, assigned);
    return { data: output, ...next };
  }

  private async wait(state: WaitState, data: unknown, vars: Vars): Promise<Step> {
    const context = this.context(state.origin.name);
    const next = nextOf(state);
    const kind = state.duration.kind === "seconds" ? "integer" : "timestamp";
    if (state.queryLanguage === "JSONata") {
      const roots = this.jsonataRoots(context, vars, data);
      if (state.duration.value.kind === "expression") {
        demandField(this.world, state.duration.value.expression, roots, kind);
        const value = await evaluateField(this.world, state.duration.value.expression, roots);
        if (kind === "integer" && typeof value === "number") this.elapsed += value;
      } else if (state.duration.kind === "seconds" && state.duration.value.kind === "literal") this.elapsed += state.duration.value.value;
      return { data: await this.jsonataOutcome(state, roots, data, vars), ...next };
    }
    const selected = this.inputPath(state.inputPath, data, context, vars);
    if (state.duration.value.kind === "path") {
      demandPath(this.world, state.duration.value.path, this.roots(context, vars, selected), kind);
      const value = selectPath(state.duration.value.path, this.roots(context, vars, selected), kind === "integer" ? "SecondsPath" : "TimestampPath");
      const valid = kind === "integer" ? Number.isInteger(value) && (value as number) >= 0 : matchesKind(value, "timestamp");
      if (!valid) throw new StatesError("States.Runtime", `State ${JSON.stringify(state.origin.name)}: the ${kind === "integer" ? "SecondsPath" : "TimestampPath"} value ${JSON.stringify(value)} is not valid`);
      if (kind === "integer") this.elapsed += value as number;
    } else if (state.duration.kind === "seconds" && state.duration.value.kind === "literal") this.elapsed += state.duration.value.value;
    const assigned = this.assign(state.assign, context, vars, selected);
    const output = this.place(selected, selected, undefined, state.outputPath, context, vars);
    this.setVariables(vars, assigned);
    return { data: output, ...next };
  }

  private async succeed(state: SucceedState, data: unknown, vars: Vars): Promise<Step> {
    const context = this.context(state.origin.name);
    if (state.queryLanguage === "JSONata") return { data: await this.jsonataOutcome(state, this.jsonataRoots(context, vars, data), data, vars) };
    const selected = this.inputPath(state.inputPath, data, context, vars);
    return { data: this.place(selected, selected, undefined, state.outputPath, context, vars) };
  }

  private async fail(state: FailState, data: unknown, vars: Vars): Promise<Step> {
    const context = this.context(state.origin.name);
    const text = async (field: FailState["error"], fallback: string): Promise<string> => {
      if (field === undefined) return fallback;
      if (field.kind === "literal") return field.value;
      if (field.kind === "path") {
        demandDynamic(this.world, field.path, this.roots(context, vars, data), "string");
        const value = field.path.startsWith("States.") ? evaluateTemplate({ "v.$": field.path }, this.roots(context, vars, data), "Fail") : selectPath(field.path, this.roots(context, vars, data));
        const v = isContainer(value) && !Array.isArray(value) && "v" in value ? (value as { v: unknown }).v : value;
        return typeof v === "string" ? v : JSON.stringify(v);
      }
      const roots = this.jsonataRoots(context, vars, data);
      demandField(this.world, field.expression, roots, "string");
      const value = await evaluateField(this.world, field.expression, roots);
      return typeof value === "string" ? value : JSON.stringify(value);
    };
    const exact = state.error === undefined || state.error.kind === "literal";
    throw new StateFailure(state.origin.name, await text(state.error, ""), await text(state.cause, ""), exact);
  }

  private async choice(scope: ScopeIR, state: ChoiceState, data: unknown, vars: Vars, visited: ReadonlySet<string>): Promise<Step> {
    const context = this.context(state.origin.name);
    const jsonata = state.queryLanguage === "JSONata";
    const selected = jsonata ? data : this.inputPath(state.inputPath, data, context, vars);
    const roots = this.roots(context, vars, selected);
    const jroots = this.jsonataRoots(context, vars, data);
    if (jsonata) for (const branch of state.choices) demandField(this.world, branch.condition, jroots, "boolean");
    const matching = async (): Promise<number> => {
      if (!jsonata) return firstMatchingChoice(state.choices.map((c) => c.rule ?? {}), roots);
      for (const [i, branch] of state.choices.entries()) {
        const value = typeof branch.condition === "boolean" ? branch.condition : await evaluateField(this.world, branch.condition, jroots);
        if (typeof value !== "boolean") throw new JsonataFailure(`the Condition of rule ${i} of ${JSON.stringify(state.origin.name)} gave ${JSON.stringify(value)}, not a boolean`);
        if (value) return i;
      }
      return -1;
    };
    const steer = (rule: number, want: boolean): void => {
      const branch = state.choices[rule];
      if (branch === undefined) return;
      if (jsonata) steerCondition(this.world, branch.condition, want, jroots);
      else if (branch.rule !== undefined) satisfyRule(this.world, branch.rule, want, roots);
    };
    // Branches that end the scope successfully first, then those that at least leave it (a Fail an enclosing Catcher
    // may handle), rather than loop.
    const options: number[] = [];
    for (const ends of ["success", "any"] as const) {
      const distances = successDistances(scope, visited, ends);
      for (const [i, c] of state.choices.entries()) if (distances.has(c.next) && !options.includes(i)) options.push(i);
      if (state.default !== undefined && distances.has(state.default) && !options.includes(-1)) options.push(-1);
    }
    const allowed = options.filter((rule) => !this.banned.has(branchKey({ state: state.origin.name, rule })));
    let chosen: number | undefined;
    for (const option of allowed) {
      const mark = this.world.mark();
      // The chosen rule first: the values it needs are fixed before the earlier rules are made false around them.
      if (option >= 0) steer(option, true);
      const before = option === -1 ? state.choices.length : option;
      for (let i = 0; i < before; i++) steer(i, false);
      const verdict = await safely(matching);
      if (verdict === option) {
        chosen = option;
        break;
      }
      // Steering replaced the whole value the rules read (e.g. an object by an array for `$[0]`): this run still holds
      // the old one, the next run reads the new one.
      if (verdict === -2 && (this.world.replaced(selected) || this.world.replaced(data))) {
        throw new StateFailure(state.origin.name, "States.Runtime", "the planner changed the value this Choice reads; the next run reads it");
      }
      this.world.rollback(mark);
    }
    const index = chosen ?? (await matching());
    const branch = index >= 0 ? state.choices[index] : undefined;
    const next = branch?.next ?? state.default;
    if (next === undefined) throw new StatesError("States.NoChoiceMatched", `No Choice rule of ${JSON.stringify(state.origin.name)} matched and it has no Default`);
    const decision = { state: state.origin.name, rule: branch !== undefined ? index : -1, next };
    this.decisions.set(state.origin.name, decision);
    this.lastDecision = decision;
    const assign = branch !== undefined ? branch.assign : state.assign;
    if (jsonata) {
      const output = await this.jsonataOutcome({ assign, output: branch?.output ?? state.output }, jroots, data, vars);
      return { data: output, next };
    }
    const assigned = this.assign(assign, context, vars, selected);
    const output = this.place(selected, selected, undefined, state.outputPath, context, vars);
    this.setVariables(vars, assigned);
    return { data: output, next };
  }

  private async parallel(state: ParallelState, data: unknown, vars: Vars): Promise<Step> {
    const context = this.context(state.origin.name);
    const next = nextOf(state);
    if (state.queryLanguage === "JSONata") {
      const roots = this.jsonataRoots(context, vars, data);
      let input = data;
      if (state.arguments !== undefined) {
        demandField(this.world, state.arguments, roots);
        input = await evaluateField(this.world, state.arguments, roots);
      }
      const outputs: unknown[] = [];
      await this.concurrently(state.branches, 0, async (branch) => {
        outputs.push(await this.scope(branch, input, vars, false));
      });
      return { data: await this.jsonataOutcome(state, this.jsonataRoots(context, vars, data, outputs), outputs, vars), ...next };
    }
    const selected = this.inputPath(state.inputPath, data, context, vars);
    const input = state.parameters === undefined ? selected : this.template(state.parameters, this.roots(context, vars, selected), "Parameters");
    const outputs: unknown[] = [];
    await this.concurrently(state.branches, 0, async (branch) => {
        outputs.push(await this.scope(branch, input, vars, false));
      });
    return { data: this.finish(state, data, outputs, context, vars), ...next };
  }

  private async map(state: MapState, data: unknown, vars: Vars): Promise<Step> {
    const name = state.origin.name;
    const context = this.context(name);
    const next = nextOf(state);
    const jsonata = state.queryLanguage === "JSONata";
    const jroots = this.jsonataRoots(context, vars, data);
    const roots = this.roots(context, vars, data);
    await this.dynamicNumber(name, "MaxConcurrency", state.maxConcurrency, roots, jroots, "integer", { min: 0 });
    await this.dynamicNumber(name, "ToleratedFailureCount", state.toleratedFailureCount, roots, jroots, "integer", { min: 0 });
    await this.dynamicNumber(name, "ToleratedFailurePercentage", state.toleratedFailurePercentage, roots, jroots, "number", { min: 0, max: 100 });
    const selected = jsonata ? data : this.inputPath(state.inputPath, data, context, vars);
    const items = await this.items(state, selected, context, vars);
    const distributed = state.distributed !== undefined;
    const inputs: unknown[] = [];
    for (const [index, item] of items.slice(0, SIMULATED_ITEMS).entries()) {
      const itemContext = this.context(name, { item: { index, value: item } });
      // `$$.Map.Item.Value` is the item: a value that must change is changed in the items (World.link).
      const mapItem = (itemContext["Map"] as { Item: Record<string, unknown> }).Item;
      this.world.link(mapItem, "Value", { parent: items, key: index });
      if (state.itemSelector === undefined) inputs.push(item);
      else if (jsonata) {
        const itemRoots = this.jsonataRoots(itemContext, vars, selected);
        demandField(this.world, state.itemSelector, itemRoots);
        inputs.push(await evaluateField(this.world, state.itemSelector, itemRoots));
      } else inputs.push(this.template(state.itemSelector, this.roots(itemContext, vars, selected), "ItemSelector"));
    }
    const batcher = state.distributed?.itemBatcher;
    const children = batcher === undefined ? inputs : [await this.batch(batcher, inputs, context, vars, selected, jsonata)];
    const outputs: unknown[] = [];
    const failures: StateFailure[] = [];
    // A Distributed Map's children are separate executions: they see none of the Map's variables (ASL-8).
    const concurrency = state.maxConcurrency.kind === "literal" ? state.maxConcurrency.value : 0;
    await this.concurrently(children, concurrency, async (child) => {
      try {
        outputs.push(await this.scope(state.processor, child, distributed ? {} : vars, false));
      } catch (error) {
        const tolerant = distributed || state.toleratedFailureCount !== undefined || state.toleratedFailurePercentage !== undefined;
        if (!(error instanceof StateFailure) || !tolerant) throw error;
        failures.push(error);
        outputs.push(null);
      }
    });
    if (failures.length > 0) this.tolerate(state, failures.length, children.length, roots);
    const writer = state.distributed?.resultWriter;
    const raw = writer === undefined || (writer["Parameters"] === undefined && writer["Arguments"] === undefined) ? outputs : await this.writerResult(writer, selected, context, vars, jsonata);
    if (jsonata) return { data: await this.jsonataOutcome(state, this.jsonataRoots(context, vars, data, raw), raw, vars), ...next };
    return { data: this.finish(state, data, raw, context, vars), ...next };
  }

  /**
   * Run children the runtime runs concurrently on its virtual clock (Parallel branches, Map iterations), one after the
   * other here: each wave of at most `concurrency` children (0: all) starts together and lasts as long as its longest
   * child, for the machine's TimeoutSeconds.
   */
  private async concurrently<T>(children: readonly T[], concurrency: number, run: (child: T) => Promise<void>): Promise<void> {
    const size = concurrency > 0 ? concurrency : Math.max(children.length, 1);
    let end = this.elapsed;
    for (let first = 0; first < children.length; first += size) {
      const start = end;
      for (const child of children.slice(first, first + size)) {
        this.elapsed = start;
        await run(child);
        end = Math.max(end, this.elapsed);
      }
    }
    this.elapsed = end;
  }

  /** ToleratedFailureCount / ToleratedFailurePercentage (ASL-6.8): beyond them the Map fails. */
  private tolerate(state: MapState, failed: number, total: number, roots: PathRoots): void {
    const limit = (value: MapState["toleratedFailureCount"]): number | undefined =>
      value?.kind === "literal" ? value.value : value?.kind === "path" ? (selectPath(value.path, roots) as number) : undefined;
    const percentage = limit(state.toleratedFailurePercentage);
    // A Distributed Map tolerates no failure by default (src/runtime/distributed-map.ts).
    const count = limit(state.toleratedFailureCount) ?? (percentage === undefined ? 0 : undefined);
    const exceeded = (count !== undefined && failed > count) || (percentage !== undefined && (failed / total) * 100 > percentage);
    if (exceeded) throw new StatesError("States.ExceedToleratedFailureThreshold", `Map state ${JSON.stringify(state.origin.name)} exceeded its tolerated failures`);
  }

  /** The items of a Map: its dataset (ItemReader), ItemsPath (JSONPath) or Items (JSONata), made to be an array. */
  private async items(state: MapState, selected: unknown, context: unknown, vars: Vars): Promise<unknown[]> {
    const reader = state.distributed?.itemReader;
    const jsonata = state.queryLanguage === "JSONata";
    let items: unknown;
    if (reader !== undefined) {
      const field = reader["Arguments"] ?? reader["Parameters"];
      const request = jsonata ? await this.jsonataValue(field, this.jsonataRoots(context, vars, selected)) : field === undefined ? {} : this.template(field, this.roots(context, vars, selected), "ItemReader");
      const config = reader["ReaderConfig"];
      if (isContainer(config) && !Array.isArray(config) && typeof config["MaxItemsPath"] === "string") {
        await this.dynamicNumber(state.origin.name, "MaxItems", { kind: "path", path: config["MaxItemsPath"] }, this.roots(context, vars, selected), undefined, "integer", { min: 0 });
      }
      const read = readerRequest(state.origin.name, reader, request, this.values);
      this.reads.push(read);
      // A dataset the planner cannot write (a manifest, Parquet) is absent from the test's S3 stub: the read fails.
      if (read.format === "unsupported") throw new StatesError("States.ItemReaderFailed", `the planner cannot build the dataset of ${JSON.stringify(state.origin.name)} (a manifest or an unsupported format)`);
      items = read.items;
    } else if (jsonata) {
      const roots = this.jsonataRoots(context, vars, selected);
      if (state.items === undefined) {
        demandSteps(this.world, selected, [], "items");
        items = selected;
      } else {
        demandField(this.world, state.items, roots, "items");
        items = await evaluateField(this.world, state.items, roots);
      }
    } else {
      demandPath(this.world, state.itemsPath, this.roots(context, vars, selected), "items");
      items = selectPath(state.itemsPath, this.roots(context, vars, selected), "ItemsPath");
    }
    if (!Array.isArray(items)) throw new StatesError("States.Runtime", `Map state ${JSON.stringify(state.origin.name)}: the items are not an array: ${JSON.stringify(items)}`);
    return items;
  }

  private async jsonataValue(value: unknown, roots: JsonataRoots): Promise<unknown> {
    demandField(this.world, value, roots);
    return evaluateField(this.world, value, roots);
  }

  /** ItemBatcher (ASL-6.8): the planner sends every simulated item in one batch `{BatchInput?, Items}`. */
  private async batch(batcher: Readonly<Record<string, unknown>>, items: unknown[], context: unknown, vars: Vars, selected: unknown, jsonata: boolean): Promise<unknown> {
    const batchInput = batcher["BatchInput"];
    if (batchInput === undefined) return { Items: items };
    const value = jsonata ? await this.jsonataValue(batchInput, this.jsonataRoots(context, vars, selected)) : this.template(batchInput, this.roots(context, vars, selected), "BatchInput");
    return { BatchInput: value, Items: items };
  }

  /** A Distributed Map with a ResultWriter returns where it wrote the results (src/runtime/distributed/writer.ts). */
  private async writerResult(writer: Readonly<Record<string, unknown>>, selected: unknown, context: unknown, vars: Vars, jsonata: boolean): Promise<unknown> {
    const field = writer["Arguments"] ?? writer["Parameters"];
    const request = jsonata ? await this.jsonataValue(field, this.jsonataRoots(context, vars, selected)) : this.template(field, this.roots(context, vars, selected), "ResultWriter");
    const bucket = isContainer(request) && !Array.isArray(request) ? String(request["Bucket"] ?? "") : "";
    const prefix = isContainer(request) && !Array.isArray(request) && typeof request["Prefix"] === "string" ? `${request["Prefix"]}/` : "";
    return {
      MapRunArn: "arn:aws:states:us-east-1:123456789012:mapRun:example/example:00000000-0000-0000-0000-000000000000",
      ResultWriterDetails: { Bucket: bucket, Key: `${prefix}00000000-0000-0000-0000-000000000000/manifest.json` },
    };
  }
}

function nextOf(state: { transition: { kind: "next"; target: string } | { kind: "end" } }): { next?: string } {
  return state.transition.kind === "next" ? { next: state.transition.target } : {};
}

/** Any failure of a state as a StateFailure; errors that are not ASL failures (bugs) pass through. */
function asFailure(error: unknown, state: string): StateFailure {
  if (error instanceof StateFailure) return error;
  if (error instanceof StatesError || error instanceof JsonataFailure) return new StateFailure(state, error.name, error.message);
  throw error;
}

/** Which rule matches, or -2 when evaluating the rules fails. */
async function safely(matching: () => Promise<number>): Promise<number> {
  try {
    return await matching();
  } catch (error) {
    if (error instanceof StatesError || error instanceof JsonataFailure) return -2;
    throw error;
  }
}
