import type { DurableContext } from "@aws/durable-execution-sdk-js";
import type { HistoryEvent, Outcome } from "../compare/types.js";
import { STATE_TYPES, type MachineIR, type ScopeIR, type StateIR } from "../ir/types.js";
import * as asl from "../runtime/index.js";
import type { Json, TaskOverride } from "../runtime/index.js";
import { asDurableContext, VirtualClock, VirtualContext } from "./context.js";
import { stateHelperOptions } from "./options.js";

/**
 * The reference interpreter (issue #5): executes the IR with Step Functions semantics, state by state along the
 * transitions of the graph — not through the structured control flow the code generator builds — using the same
 * runtime helpers as generated handlers, the same `tasks` mocks, and a virtual clock. It records a history shaped like
 * Step Functions' own (ExecutionStarted, <Type>StateEntered/Exited, TaskScheduled/Succeeded/Failed, …).
 *
 * Two implementations of control flow over one implementation of data semantics: when the interpreter and a
 * generated handler disagree, the structuring or the emission is wrong (the conformance suite checks the semantics
 * against AWS).
 */
export interface InterpretOptions {
  tasks?: Record<string, TaskOverride>;
  stateMachineName?: string;
  /** `$$.Execution.Id` (and Name): give the generated handler's run's, so that both report the same execution. */
  executionArn?: string;
  /** The function's ARN (`$$.StateMachine.Id` takes its partition, region and account from it). */
  functionArn?: string;
  /** The S3 classes a Distributed Map's ItemReader / ResultWriter use (what generated code imports from @aws-sdk/client-s3). */
  s3?: asl.DistributedMapOptions["s3"];
  /** Values of deploy-time placeholders, as `makeHandler({ substitutions })` gives them to the handler. */
  substitutions?: Record<string, string>;
}

export interface Interpretation {
  outcome: Outcome;
  /** Every state entered, in order (nested branches and iterations included). */
  path: string[];
  history: HistoryEvent[];
  /** Step Functions state transitions: states entered plus retried attempts. */
  transitions: number;
  /** Virtual seconds: waits and retry delays. */
  elapsedSeconds: number;
}

/** A Standard execution's longest run (one year), and its history limit (Step Functions quotas). */
const STANDARD_EXECUTION_SECONDS = 31_536_000;
const MAX_HISTORY_EVENTS = 25_000;


class Recorder {
  readonly events: HistoryEvent[] = [];
  readonly path: string[] = [];
  retries = 0;

  constructor(readonly clock: VirtualClock) {}

  add(type: string, fields: Omit<HistoryEvent, "id" | "type" | "time"> = {}): void {
    this.events.push({ id: this.events.length + 1, type, time: this.clock.now, ...fields });
  }
}

/** Run a machine to its end on `input`. Never throws for an ASL failure: a failed execution is an outcome. */
export async function interpret(machine: MachineIR, input: Json, options: InterpretOptions = {}): Promise<Interpretation> {
  const clock = new VirtualClock();
  const recorder = new Recorder(clock);
  const ctx = asDurableContext(
    new VirtualContext(clock, options.executionArn ?? "arn:aws:lambda:us-east-1:123456789012:function:interpreter/durable-execution/interpreted", options.functionArn),
  );
  const tasks = recordedTasks(options.tasks ?? {}, recorder);
  const interpreter = new Interpreter(machine, tasks, recorder, options.s3);
  recorder.add("ExecutionStarted", { input });
  let outcome: Outcome;
  try {
    const run = await asl.startExecution(ctx, input, { stateMachineName: options.stateMachineName ?? "StateMachine", startTime: true, substitutions: options.substitutions });
    const output = await interpreter.scope(machine.scope, ctx, run, input, asl.variables());
    outcome = { status: "SUCCEEDED", output };
    recorder.add("ExecutionSucceeded", { output });
  } catch (error) {
    const e = asl.aslError(error);
    outcome = { status: "FAILED", error: e.Error, cause: e.Cause };
    recorder.add("ExecutionFailed", { error: e.Error, cause: e.Cause });
  }
  return { outcome, path: recorder.path, history: recorder.events, transitions: recorder.path.length + recorder.retries, elapsedSeconds: clock.now / 1000 };
}

/** The mocks, recording TaskScheduled and TaskSucceeded/TaskFailed around every call (one per attempt). */
function recordedTasks(tasks: Record<string, TaskOverride>, recorder: Recorder): Record<string, TaskOverride> {
  const out: Record<string, TaskOverride> = Object.create(null) as Record<string, TaskOverride>;
  for (const [name, mock] of Object.entries(tasks)) {
    out[name] = async (input, info) => {
      recorder.add("TaskScheduled", { state: name, input });
      if (info.retryCount > 0) recorder.retries++;
      try {
        const result = (await mock(input, info)) as Json;
        recorder.add("TaskSucceeded", { state: name, output: result });
        return result;
      } catch (error) {
        const e = asl.aslError(error);
        recorder.add("TaskFailed", { state: name, error: e.Error, cause: e.Cause });
        throw error;
      }
    };
  }
  return out;
}

/** Where a state leaves to: the next state of its scope, or the end of the scope with its output. */
type Exit = { next: string; output: Json } | { end: true; output: Json };

class Interpreter {
  private readonly states = new Map<string, StateIR>();
  private readonly timeoutSeconds: number;

  constructor(
    machine: MachineIR,
    private readonly tasks: Record<string, TaskOverride>,
    private readonly recorder: Recorder,
    private readonly s3: asl.DistributedMapOptions["s3"],
  ) {
    const index = (scope: ScopeIR): void => {
      for (const s of scope.states) {
        this.states.set(s.origin.name, s);
        if (s.kind === "parallel") s.branches.forEach(index);
        if (s.kind === "map") index(s.processor);
      }
    };
    index(machine.scope);
    this.timeoutSeconds = machine.timeoutSeconds ?? STANDARD_EXECUTION_SECONDS;
  }

  /** Run one scope (the machine, a branch or an iteration) from StartAt to its end. */
  async scope(scope: ScopeIR, ctx: DurableContext, run: asl.Run, input: Json, vars: asl.Variables): Promise<Json> {
    let name = scope.startAt;
    let data = input;
    for (;;) {
      const state = this.states.get(name);
      if (state === undefined) throw new Error(`interpreter: no state ${JSON.stringify(name)}`);
      this.checkLimits();
      this.recorder.path.push(name);
      this.recorder.add(`${STATE_TYPES[state.kind]}StateEntered`, { state: name, input: data });
      await run.enter(ctx, name);
      const exit = await this.state(state, ctx, run, data, vars);
      this.recorder.add(`${STATE_TYPES[state.kind]}StateExited`, { state: name, output: exit.output });
      if ("end" in exit) return exit.output;
      data = exit.output;
      name = exit.next;
    }
  }

  /**
   * What ends a run that goes on too long: the machine's TimeoutSeconds (else a Standard execution's one year) on the
   * virtual clock, as `States.Timeout`; and Step Functions' limit of 25,000 history events per execution.
   */
  private checkLimits(): void {
    if (this.recorder.clock.now > this.timeoutSeconds * 1000) {
      throw new asl.StatesError("States.Timeout", `The execution ran longer than its TimeoutSeconds (${this.timeoutSeconds} s)`);
    }
    if (this.recorder.events.length > MAX_HISTORY_EVENTS) {
      throw new asl.StatesError("States.Runtime", `The execution history exceeded ${MAX_HISTORY_EVENTS} events`);
    }
  }

  private scopeFunction(scope: ScopeIR): asl.ScopeFunction {
    return (c, r, input, outer) => this.scope(scope, c, r, input, outer.child());
  }

  private leave(transition: { kind: "next"; target: string } | { kind: "end" }, output: Json): Exit {
    return transition.kind === "next" ? { next: transition.target, output } : { end: true, output };
  }

  /** One state: the runtime helper the generated code would call, then where control goes. */
  private async state(state: StateIR, ctx: DurableContext, run: asl.Run, data: Json, vars: asl.Variables): Promise<Exit> {
    const o = stateHelperOptions(state, vars);
    const jsonata = state.queryLanguage === "JSONata";
    switch (state.kind) {
      case "pass": {
        if (jsonata) return this.leave(state.transition, await asl.jsonata.pass(run, ctx, data, o as asl.jsonata.JsonataOptions));
        const options = o as asl.PassOptions;
        const random = asl.templateUsesRandom(options.parameters) || asl.templateUsesRandom(options.assign);
        return this.leave(state.transition, random ? await asl.passInStep(run, ctx, data, options) : asl.pass(run, data, options));
      }
      case "wait":
        return this.leave(state.transition, jsonata ? await asl.jsonata.wait(run, ctx, data, o as asl.jsonata.WaitOptions) : await asl.wait(run, ctx, data, o as asl.WaitOptions));
      case "succeed":
        if (jsonata) return { end: true, output: state.output === undefined ? data : await asl.jsonata.succeed(run, ctx, data, o as asl.jsonata.JsonataOptions) };
        {
          const selected = state.inputPath === undefined ? data : asl.inputPath(run, state.origin.name, data, state.inputPath, vars);
          return { end: true, output: state.outputPath === undefined ? selected : asl.outputPath(run, state.origin.name, selected, state.outputPath, vars) };
        }
      case "fail":
        throw jsonata ? await asl.jsonata.fail(run, ctx, data, o as asl.jsonata.FailOptions) : asl.fail(run, data, o as asl.FailOptions);
      case "choice":
        return this.choice(state, ctx, run, data, vars);
      case "task":
      case "parallel":
      case "map":
        return this.withCatch(state, ctx, run, data, vars, async () => {
          const options = { ...o, ...(state.kind === "task" ? { call: this.tasks[state.origin.name] } : {}) };
          if (state.kind === "task") return jsonata ? asl.jsonata.task(run, ctx, data, options as asl.TaskOptions) : asl.task(run, ctx, data, options as asl.TaskOptions);
          if (state.kind === "parallel") {
            const branches = state.branches.map((b, i) => ({ name: `${state.origin.name} [${i}]`, run: this.scopeFunction(b) }));
            const p = { ...options, branches } as unknown as asl.ParallelOptions;
            return jsonata ? asl.jsonata.parallel(run, ctx, data, p) : asl.parallel(run, ctx, data, p);
          }
          const m = { ...options, iteration: this.scopeFunction(state.processor), ...(state.distributed && this.s3 ? { s3: this.s3 } : {}) } as unknown as asl.DistributedMapOptions;
          if (state.distributed) return jsonata ? asl.jsonata.distributedMap(run, ctx, data, m) : asl.distributedMap(run, ctx, data, m);
          return jsonata ? asl.jsonata.map(run, ctx, data, m) : asl.map(run, ctx, data, m);
        });
    }
  }

  /** Task, Parallel and Map: the work, then Next; a failure goes to the first matching catcher (ASL-9). */
  private async withCatch(state: Extract<StateIR, { catch: unknown }>, ctx: DurableContext, run: asl.Run, data: Json, vars: asl.Variables, work: () => Promise<Json>): Promise<Exit> {
    try {
      return this.leave(state.transition, await work());
    } catch (error) {
      if (state.catch.length === 0) throw error;
      const caught = asl.catchError(error, data, state.catch.map((c) => ({ errorEquals: c.errorEquals, ...(c.resultPath !== undefined ? { resultPath: c.resultPath } : {}) })));
      const catcher = state.catch[caught.index];
      if (catcher === undefined) throw error;
      if (state.queryLanguage === "JSONata") {
        const output =
          catcher.output === undefined && catcher.assign === undefined
            ? caught.errorOutput
            : await asl.jsonata.caught(run, ctx, data, caught, { state: state.origin.name, output: catcher.output, assign: catcher.assign, vars });
        return { next: catcher.next, output };
      }
      if (catcher.assign !== undefined) await asl.assignInStep(run, ctx, caught.errorOutput, { state: state.origin.name, assign: catcher.assign, vars });
      return { next: catcher.next, output: caught.output };
    }
  }

  /** Choice (ASL-6.3): the first matching rule, else Default, else States.NoChoiceMatched. */
  private async choice(state: Extract<StateIR, { kind: "choice" }>, ctx: DurableContext, run: asl.Run, data: Json, vars: asl.Variables): Promise<Exit> {
    const name = state.origin.name;
    if (state.queryLanguage === "JSONata") {
      const outcome = async (output: unknown, assign: unknown): Promise<Json> =>
        output === undefined && assign === undefined ? data : asl.jsonata.choice(run, ctx, data, { state: name, output, assign, vars });
      for (const rule of state.choices) {
        if (await asl.jsonata.condition(run, ctx, data, name, rule.condition, vars)) return { next: rule.next, output: await outcome(rule.output, rule.assign) };
      }
      if (state.default === undefined) throw asl.noChoiceMatched(name);
      return { next: state.default, output: await outcome(state.output, state.assign) };
    }
    const subject = state.inputPath !== undefined ? asl.inputPath(run, name, data, state.inputPath, vars) : data;
    const output = state.outputPath !== undefined ? asl.outputPath(run, name, subject, state.outputPath, vars) : subject;
    const finish = async (next: string, assign: unknown): Promise<Exit> => {
      if (assign !== undefined) await asl.assignInStep(run, ctx, subject, { state: name, assign, vars });
      return { next, output };
    };
    for (const rule of state.choices) {
      if (asl.test(run, name, subject, (rule.rule ?? {}) as asl.ChoiceRule, vars)) return finish(rule.next, rule.assign);
    }
    if (state.default === undefined) throw asl.noChoiceMatched(name);
    return finish(state.default, state.assign);
  }
}
