import type { DurableContext } from "@aws/durable-execution-sdk-js";
import { commitAssign, evaluateAssignDurably } from "./assign.js";
import { applyInputPath, applyOutputPath } from "./dataflow.js";
import { StatesError } from "./errors.js";
import type { Run } from "./execution.js";
import { outerRoots } from "./flow.js";
import { selectPath } from "./jsonpath.js";
import { parseTimestamp, type Instant } from "./timestamp.js";
import type { Json } from "./types.js";
import type { Variables } from "./variables.js";

/** Waits of 2^31 seconds or more fail (ASL-6.4 [obs]: "Wait state delay is too long."). */
const MAX_WAIT_SECONDS = 2 ** 31 - 1;

export interface WaitOptions {
  state: string;
  inputPath?: string | null;
  outputPath?: string | null;
  seconds?: number;
  secondsPath?: string;
  timestamp?: string;
  timestampPath?: string;
  /** Assign (ASL-8), evaluated against the state input after InputPath (ASL-3.1 step 5). */
  assign?: unknown;
  /** The scope's variables (ASL-8); absent when the machine uses none. */
  vars?: Variables;
}

/**
 * A Wait state (ASL-6.4): a durable wait, so the function suspends instead of sleeping. For timestamps the clock is
 * read inside a durable step (replays see the same "now"); a timestamp in the past, or 0 seconds, does not wait.
 * The output is the input after InputPath and OutputPath; an Assign reads the input after InputPath and applies when
 * the wait is over.
 */
export async function wait(run: Run, ctx: DurableContext, input: Json, options: WaitOptions): Promise<Json> {
  const roots = outerRoots(run, options);
  const effective = applyInputPath(input, options.inputPath, roots) as Json;
  let seconds = options.seconds;
  if (options.secondsPath !== undefined) {
    const value = selectPath(options.secondsPath, { ...roots, input: effective }, "SecondsPath");
    if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
      throw new StatesError("States.Runtime", `The SecondsPath parameter does not reference a valid non-negative integer: ${JSON.stringify(value)}`);
    }
    seconds = value;
  }
  const timestamp = options.timestampPath !== undefined ? selectPath(options.timestampPath, { ...roots, input: effective }, "TimestampPath") : options.timestamp;
  if (timestamp !== undefined) {
    const instant = typeof timestamp === "string" ? parseTimestamp(timestamp) : undefined;
    if (instant === undefined) {
      throw new StatesError("States.Runtime", `The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: ${JSON.stringify(timestamp)}`);
    }
    await waitFor(ctx, options.state, { instant });
  } else if (seconds !== undefined) {
    await waitFor(ctx, options.state, { seconds });
  }
  const output = applyOutputPath(effective, options.outputPath, roots) as Json;
  if (options.assign !== undefined) {
    commitAssign(options.state, options.vars, await evaluateAssignDurably(run, ctx, options.state, effective, options.assign, options.vars));
  }
  return output;
}

/**
 * The durable wait of a Wait state: a number of seconds, or until an instant (the clock read inside a durable step,
 * so replays see the same "now"; an instant in the past does not wait). 2^31 seconds or more fail [obs].
 */
export async function waitFor(ctx: DurableContext, state: string, until: { seconds: number } | { instant: Instant }): Promise<void> {
  let seconds: number;
  if ("instant" in until) {
    const now = await ctx.step(`${state} (now)`, async () => Date.now());
    const target = until.instant.epochSecond * 1000 + Number(`0.${until.instant.fraction || "0"}`) * 1000;
    seconds = Math.max(0, Math.ceil((target - now) / 1000));
  } else {
    seconds = until.seconds;
  }
  if (seconds > MAX_WAIT_SECONDS) throw new StatesError("States.Runtime", "Wait state delay is too long.");
  if (seconds > 0) await ctx.wait(state, { seconds });
}
