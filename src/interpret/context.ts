import type { DurableContext } from "@aws/durable-execution-sdk-js";

/**
 * A stand-in for the durable SDK's DurableContext, for the reference interpreter: the runtime's state helpers run on
 * it unchanged, but nothing is checkpointed and time is virtual.
 *
 * - `step` runs its function once (there are no replays here);
 * - `wait` sleeps on the virtual clock (VirtualClock): Wait states and retry delays cost no real time, and a timer
 *   raced against a Task only wins when the Task has not finished first;
 * - `parallel` and `map` run their branches and items concurrently on the virtual clock and report each as the SDK's
 *   BatchResult does (SUCCEEDED / FAILED / STARTED); without a completion config the first failure ends the batch
 *   (fail fast), with one the batch ends once the tolerated failures are exceeded;
 * - callbacks and polls (`createCallback`, `waitForCondition`) need a worker or a job that the interpreter does not
 *   have: the Task that uses them must have a `tasks` mock, which stands in for the whole pattern.
 *
 * Only what src/runtime calls is implemented; the object is handed to the runtime as a DurableContext.
 */
/** The real setImmediate, taken before any fake timers are installed (the testing runner's time skipping fakes it). */
const realSetImmediate = globalThis.setImmediate;

/**
 * Virtual time: a wait resolves only once everything else that can run has run (a macrotask later, with no other
 * timer due sooner), and then the clock jumps to its end. So a Task raced against its TimeoutSeconds timer finishes
 * first, as it would in real time, and waits cost no real time.
 */
export class VirtualClock {
  /** Milliseconds since the execution started. */
  now = 0;
  private readonly timers: Array<{ at: number; seq: number; resolve: () => void }> = [];
  private seq = 0;
  private scheduled = false;

  sleep(milliseconds: number): Promise<void> {
    return new Promise((resolve) => {
      this.timers.push({ at: this.now + Math.max(0, milliseconds), seq: this.seq++, resolve });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    realSetImmediate(() => {
      this.scheduled = false;
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.timers.shift();
      if (next === undefined) return;
      this.now = Math.max(this.now, next.at);
      next.resolve();
      if (this.timers.length > 0) this.schedule();
    });
  }
}

interface CompletionConfig {
  toleratedFailureCount?: number;
  toleratedFailurePercentage?: number;
}

interface BatchItem {
  index: number;
  status: "SUCCEEDED" | "FAILED" | "STARTED";
  result?: unknown;
  error?: unknown;
}

export class VirtualContext {
  constructor(
    readonly clock: VirtualClock,
    private readonly executionArn: string,
    private readonly functionArn = "arn:aws:lambda:us-east-1:123456789012:function:interpreter",
    private readonly abandoned: () => boolean = () => false,
  ) {}

  /** The SDK's view of the execution: only the ARN is read (`$$.Execution.Id`). */
  get executionContext(): { durableExecutionArn: string } {
    return { durableExecutionArn: this.executionArn };
  }

  /** The function's ARN gives `$$.StateMachine.Id` its partition, region and account (as for a deployed handler). */
  get lambdaContext(): { invokedFunctionArn: string } {
    return { invokedFunctionArn: this.functionArn };
  }

  async step<T>(_name: string, fn: (...args: never[]) => Promise<T>): Promise<T> {
    return fn();
  }

  async wait(_name: string, duration: { seconds?: number; minutes?: number; hours?: number; days?: number }): Promise<void> {
    // A branch or iteration whose batch has already ended (fail fast) is not cancelled by the SDK either; here it
    // simply never wakes up again, so it cannot run on forever.
    if (this.abandoned()) return new Promise<void>(() => undefined);
    const seconds = (duration.seconds ?? 0) + (duration.minutes ?? 0) * 60 + (duration.hours ?? 0) * 3600 + (duration.days ?? 0) * 86_400;
    await this.clock.sleep(seconds * 1000);
    if (this.abandoned()) return new Promise<void>(() => undefined);
  }

  async runInChildContext<T>(_name: string, fn: (child: DurableContext) => Promise<T>): Promise<T> {
    return fn(this.child(this.abandoned));
  }

  async parallel<T>(_name: string, branches: ReadonlyArray<{ name?: string; func: (child: DurableContext) => Promise<T> }>, config?: BatchConfig): Promise<unknown> {
    return this.batch(branches, (branch, _index, child) => branch.func(child), config);
  }

  async map<I, T>(_name: string, items: readonly I[], fn: (child: DurableContext, item: I, index: number) => Promise<T>, config?: BatchConfig): Promise<unknown> {
    return this.batch(items, (item, index, child) => fn(child, item, index), config);
  }

  async createCallback(name: string): Promise<never> {
    throw new Error(`the interpreter cannot wait for callback ${JSON.stringify(name)}: give its Task a tasks mock`);
  }

  async waitForCondition(name: string): Promise<never> {
    throw new Error(`the interpreter cannot poll ${JSON.stringify(name)}: give its Task a tasks mock`);
  }

  async invoke(name: string): Promise<never> {
    throw new Error(`the interpreter cannot invoke ${JSON.stringify(name)}: give its Task a tasks mock`);
  }

  /** A child context: the same virtual clock; abandoned when its batch (or any enclosing one) has ended. */
  private child(abandoned: () => boolean): DurableContext {
    return asDurableContext(new VirtualContext(this.clock, this.executionArn, this.functionArn, abandoned));
  }

  /**
   * Branches or items run concurrently on the virtual clock (at most `maxConcurrency` at a time), as Step Functions
   * runs them; results are reported by index, as the SDK's BatchResult does. Without a completion config the first
   * failure ends the batch (fail fast); with one, exceeding the tolerated failures does. Items still running then are
   * reported STARTED and abandoned (durable-sdk.md §2: the SDK does not cancel them either).
   */
  private batch<I>(items: readonly I[], run: (item: I, index: number, child: DurableContext) => Promise<unknown>, config: BatchConfig | undefined): Promise<unknown> {
    const all: BatchItem[] = items.map((_, index) => ({ index, status: "STARTED" }));
    const limit = config?.maxConcurrency && config.maxConcurrency > 0 ? config.maxConcurrency : items.length;
    let ended = false;
    const abandoned = (): boolean => ended || this.abandoned();
    let failures = 0;
    let next = 0;
    let running = 0;
    return new Promise((resolve) => {
      const finish = (reason: string): void => {
        if (ended) return;
        ended = true;
        resolve({ all, completionReason: reason, failureCount: failures, hasFailure: failures > 0 });
      };
      const launch = (): void => {
        while (!ended && running < limit && next < items.length) {
          const index = next++;
          const entry = all[index] as BatchItem;
          running++;
          run(items[index] as I, index, this.child(abandoned)).then(
            (result) => {
              entry.status = "SUCCEEDED";
              entry.result = result;
            },
            (error: unknown) => {
              entry.status = "FAILED";
              entry.error = error;
              failures++;
            },
          ).finally(() => {
            running--;
            if (ended) return;
            if (failures > 0 && exceeded(failures, items.length, config?.completionConfig)) return finish("FAILURE_TOLERANCE_EXCEEDED");
            if (next >= items.length && running === 0) return finish("ALL_COMPLETED");
            launch();
          });
        }
      };
      if (items.length === 0) return finish("ALL_COMPLETED");
      launch();
    });
  }
}

interface BatchConfig {
  maxConcurrency?: number;
  completionConfig?: CompletionConfig;
}

function exceeded(failures: number, total: number, completion: CompletionConfig | undefined): boolean {
  if (completion === undefined) return true;
  const { toleratedFailureCount: count, toleratedFailurePercentage: percentage } = completion;
  if (count === undefined && percentage === undefined) return true;
  return (count !== undefined && failures > count) || (percentage !== undefined && (failures / total) * 100 > percentage);
}

/** The virtual context as the runtime's parameter type (it implements what the runtime calls; see the class doc). */
export function asDurableContext(context: VirtualContext): DurableContext {
  return context as unknown as DurableContext;
}
