import { LocalDurableTestRunner } from "@aws/durable-execution-sdk-js-testing";

/**
 * `setupTestEnvironment({ skipTime: true })` installs @sinonjs/fake-timers with its defaults, which fake
 * `process.nextTick` and `queueMicrotask` too. Under `node --test` a file's results reach the parent through streams
 * that run on nextTick; with it faked, their callbacks wait for the fake clock and are dropped at teardown, so a file
 * could pass having reported only some of its tests. Time skipping needs only the timers and the clock, so the real
 * nextTick and queueMicrotask are put back.
 */
export async function setupSkipTime(): Promise<void> {
  const { nextTick } = process;
  const { queueMicrotask } = globalThis;
  await LocalDurableTestRunner.setupTestEnvironment({ skipTime: true });
  process.nextTick = nextTick;
  globalThis.queueMicrotask = queueMicrotask;
}
