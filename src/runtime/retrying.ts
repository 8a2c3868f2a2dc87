import type { DurableContext } from "@aws/durable-execution-sdk-js";
import { aslError, toStatesError } from "./errors.js";
import { decideRetry, durableWaitSeconds, type Retrier } from "./retry.js";

/**
 * Run `attempt` with ASL Retry semantics (ASL-9) in orchestration code, so that every retrier keeps its own count
 * for this visit to the state (the SDK's retryStrategy only sees a total attempt number): on failure, the first
 * matching retrier decides; its delay becomes a durable wait named "<state> (retry n)"; FULL jitter is drawn in a
 * durable step so that replays wait the same time. `attempt` receives the retry count (`$$.State.RetryCount`).
 */
export async function withRetries<T>(ctx: DurableContext, state: string, retriers: readonly Retrier[], attempt: (retryCount: number) => Promise<T>): Promise<T> {
  const counts: number[] = retriers.map(() => 0);
  for (let retryCount = 0; ; retryCount++) {
    try {
      return await attempt(retryCount);
    } catch (thrown) {
      const decision = decideRetry(retriers, counts, aslError(thrown).Error);
      if (!decision.retry) throw toStatesError(thrown);
      counts[decision.retrier] = (counts[decision.retrier] ?? 0) + 1;
      const retry = retryCount + 1;
      const factor = decision.jitter ? await ctx.step(`${state} (retry ${retry} jitter)`, async () => Math.random()) : 1;
      await ctx.wait(`${state} (retry ${retry})`, { seconds: durableWaitSeconds(decision.delaySeconds * factor) });
    }
  }
}
