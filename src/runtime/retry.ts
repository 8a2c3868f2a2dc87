import { errorMatches } from "./errors.js";

/** ASL-9 defaults of a retrier's fields. */
export const RETRY_DEFAULTS = { intervalSeconds: 1, maxAttempts: 3, backoffRate: 2, jitter: "NONE" } as const;

/** An ASL retrier (ASL-9); absent fields take RETRY_DEFAULTS. */
export interface Retrier {
  errorEquals: readonly string[];
  intervalSeconds?: number;
  /** Retries, not attempts: 0 = never retry. */
  maxAttempts?: number;
  backoffRate?: number;
  maxDelaySeconds?: number;
  jitter?: "FULL" | "NONE";
}

/** Retries made so far by each retrier during one visit to a state (ASL-9: each retrier counts its own). */
export type RetryCounts = number[];

/** `delaySeconds` is before jitter; with `jitter` the caller draws the actual delay uniformly from [0, delaySeconds]. */
export type RetryDecision = { retry: false } | { retry: true; retrier: number; delaySeconds: number; jitter: boolean };

/**
 * What ASL does after a failure named `error` (ASL-9): the FIRST retrier whose ErrorEquals matches decides; when it
 * has already used MaxAttempts retries the state fails (later retriers are not consulted). The delay before retry
 * k (1-based) of that retrier is min(IntervalSeconds × BackoffRate^(k−1), MaxDelaySeconds); with FULL jitter the
 * caller draws it uniformly from [0, delay] (from a durable step, so that replays agree).
 */
export function decideRetry(retriers: readonly Retrier[], counts: RetryCounts, error: string): RetryDecision {
  const index = retriers.findIndex((r) => errorMatches(r.errorEquals, error));
  const retrier = retriers[index];
  if (retrier === undefined) return { retry: false };
  const done = counts[index] ?? 0;
  if (done >= (retrier.maxAttempts ?? RETRY_DEFAULTS.maxAttempts)) return { retry: false };
  let delay = (retrier.intervalSeconds ?? RETRY_DEFAULTS.intervalSeconds) * Math.pow(retrier.backoffRate ?? RETRY_DEFAULTS.backoffRate, done);
  if (retrier.maxDelaySeconds !== undefined) delay = Math.min(delay, retrier.maxDelaySeconds);
  return { retry: true, retrier: index, delaySeconds: delay, jitter: (retrier.jitter ?? RETRY_DEFAULTS.jitter) === "FULL" };
}

/** Durable waits take whole seconds, at least 1 (../shared/reference/durable-sdk.md §2.2, §7): round up. */
export function durableWaitSeconds(delaySeconds: number): number {
  return Math.max(1, Math.ceil(delaySeconds));
}
