
/**
 * The durable SDK's local test runner with time skipping (waits and retry delays take no real time), set up once
 * and shared by every run of a process. `setupTestEnvironment({ skipTime: true })` installs fake timers that also
 * fake `process.nextTick` and `queueMicrotask`; only the timers and the clock are needed, and a faked nextTick starves
 * stream callbacks (test reporters, stdout), so the real ones are put back.
 */
let ready: Promise<void> | undefined;

/** The real monotonic clock, taken before any fake timers are installed (they fake performance.now and hrtime too). */
const realHrtime = process.hrtime.bigint.bind(process.hrtime);

/** Real milliseconds since an arbitrary origin: for measuring how long code ran while time is skipped. */
export function realMilliseconds(): number {
  return Number(realHrtime()) / 1e6;
}

export function setupSkipTime(): Promise<void> {
  ready ??= (async () => {
    const { nextTick } = process;
    const { queueMicrotask } = globalThis;
    // Loaded on first use: importing asl2durable for validate or transpile does not load the testing library.
    const { LocalDurableTestRunner } = await import("@aws/durable-execution-sdk-js-testing");
    await LocalDurableTestRunner.setupTestEnvironment({ skipTime: true });
    process.nextTick = nextTick;
    globalThis.queueMicrotask = queueMicrotask;
  })();
  return ready;
}

export async function teardownSkipTime(): Promise<void> {
  if (ready === undefined) return;
  await ready;
  ready = undefined;
  const { LocalDurableTestRunner } = await import("@aws/durable-execution-sdk-js-testing");
  await LocalDurableTestRunner.teardownTestEnvironment();
}
