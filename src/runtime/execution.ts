import type { DurableContext } from "@aws/durable-execution-sdk-js";
import type { Json, PathRoots } from "./types.js";
import type { Variables } from "./variables.js";

/**
 * `$$.Map.Item` (ASL-7): the item's index and value; for a Distributed Map reading a dataset, also where it came from
 * (`Source`) and, for a JSON object, its key (`Key`).
 */
interface MapItem {
  Index: number;
  Value: Json;
  Source?: string;
  Key?: string;
}

/** What the context object (`$$`, ASL-7) knows about the execution, fixed when it starts. */
export interface ExecutionInfo {
  id: string;
  name: string;
  input: Json;
  startTime?: string;
  stateMachine: { id: string; name: string };
  /** Values of the definition's deploy-time placeholders given to `makeHandler({ substitutions })`. */
  substitutions?: Readonly<Record<string, string>>;
}

export interface StartOptions {
  /** The state machine's name for `$$.StateMachine.Name` (defaults to "StateMachine"). */
  stateMachineName?: string;
  /** Read the clock for `$$.Execution.StartTime`, inside a durable step so every replay sees the same value. */
  startTime?: boolean;
  /** `makeHandler({ substitutions })`: values of deploy-time placeholders in Task parameters (./deploy-time.ts). */
  substitutions?: Readonly<Record<string, string>> | undefined;
}

/**
 * One execution (or one Map iteration of it): builds the context object each state reads as `$$` (ASL-7).
 * `$$.Execution.Id` is the durable execution ARN; times come from durable steps, never from the replaying code.
 */
export class Run {
  private enteredTime: string | undefined;

  constructor(
    readonly execution: ExecutionInfo,
    private readonly mapItem?: MapItem,
    private readonly taskToken?: string,
  ) {}

  /**
   * Record `$$.State.EnteredTime` for the state being entered. Generated code calls it before every state, only when
   * the definition reads that time: the clock is read inside a durable step, so replays see the same time.
   */
  async enter(ctx: DurableContext, state: string): Promise<void> {
    this.enteredTime = await ctx.step(`${state} (entered)`, async () => new Date().toISOString());
  }

  /** The context object as state `state` sees it. */
  context(state: string, retryCount?: number): Json {
    const execution: Record<string, Json> = { Id: this.execution.id, Input: this.execution.input, Name: this.execution.name };
    if (this.execution.startTime !== undefined) execution["StartTime"] = this.execution.startTime;
    execution["RedriveCount"] = 0;
    const context: Record<string, Json> = {
      Execution: execution,
      // RetryCount exists for states that retry (Task, Parallel, Map): their helpers pass it.
      State: {
        Name: state,
        ...(this.enteredTime !== undefined ? { EnteredTime: this.enteredTime } : {}),
        ...(retryCount !== undefined ? { RetryCount: retryCount } : {}),
      },
      StateMachine: { Id: this.execution.stateMachine.id, Name: this.execution.stateMachine.name },
    };
    if (this.mapItem) context["Map"] = { Item: { ...this.mapItem } };
    if (this.taskToken !== undefined) context["Task"] = { Token: this.taskToken };
    return context;
  }

  /** Path roots for state `state` reading `input`: `$$` as it sees it, and `$name` from its scope's variables (ASL-8). */
  roots(state: string, input: unknown, vars?: Variables, retryCount?: number): PathRoots {
    return { input, context: this.context(state, retryCount), variables: vars?.values };
  }

  /** The run of one Map iteration: `$$.Map.Item.Index` and `$$.Map.Item.Value` are set. */
  forItem(index: number, value: Json, from?: { Source: string; Key?: string }): Run {
    return new Run(this.execution, { Index: index, Value: value, ...from });
  }

  /**
   * The run of one `.waitForTaskToken` attempt: `$$.Task.Token` is the durable callback id (ASL-7), so the worker
   * completes the callback with SendDurableExecutionCallbackSuccess / …Failure / …Heartbeat.
   */
  forTask(token: string): Run {
    const run = new Run(this.execution, this.mapItem, token);
    run.enteredTime = this.enteredTime;
    return run;
  }

  /** The run of one Parallel branch: branches run concurrently, so each records its own `$$.State.EnteredTime`. */
  fork(): Run {
    return new Run(this.execution, this.mapItem);
  }
}

/** Start the run of an execution from the durable context and the execution input. */
export async function startExecution(ctx: DurableContext, input: Json, options: StartOptions = {}): Promise<Run> {
  const id = ctx.executionContext.durableExecutionArn;
  const stateMachineName = options.stateMachineName ?? "StateMachine";
  // The machine is now a function: its partition, region and account give `$$.StateMachine.Id` an ARN's shape.
  const [, partition = "aws", , region = "", account = ""] = (ctx.lambdaContext?.invokedFunctionArn ?? "").split(":");
  const execution: ExecutionInfo = {
    id,
    name: id.split(/[:/]/).pop() ?? id,
    input,
    stateMachine: { id: `arn:${partition}:states:${region}:${account}:stateMachine:${stateMachineName}`, name: stateMachineName },
  };
  if (options.substitutions !== undefined) execution.substitutions = options.substitutions;
  if (options.startTime) {
    execution.startTime = await ctx.step("$$.Execution.StartTime", async () => new Date().toISOString());
  }
  return new Run(execution);
}
