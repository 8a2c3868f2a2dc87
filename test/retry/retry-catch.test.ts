import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { attemptsWithDelays, failThenReturn, LAMBDA, runMachine, scripted, teardown, type Step } from "./harness.js";

/**
 * ASL Retry and Catch (ASL-9), observed end to end: each definition is transpiled, run in the durable SDK's
 * LocalDurableTestRunner with skipTime, and the durable history is read back. Attempts are counted twice (calls of the
 * scripted `tasks` override, and one durable STEP per attempt); the delay before each retry is the duration of the
 * durable WAIT "<state> (retry n)" between two attempts (getWaitDetails().waitSeconds, cross-checked against the
 * WaitStarted history event in ./harness.ts). Every expected number below is derived by hand from ASL-9:
 *
 *   delay before retry k (1-based) of a retrier = min(IntervalSeconds × BackoffRate^(k−1), MaxDelaySeconds),
 *   defaults IntervalSeconds 1, MaxAttempts 3 (retries, not attempts), BackoffRate 2.0, no cap, JitterStrategy NONE.
 *
 * Documented mapping (not ASL): durable waits take whole seconds ≥ 1, so the runtime waits
 * max(1, ceil(delay)) seconds (src/runtime/retry.ts `durableWaitSeconds`; durable-sdk.md §7 Retry row).
 */
after(teardown);

/** One Task "T" with the given fields; its catchers (if any) lead to the Pass state "Caught". */
function taskMachine(fields: Record<string, unknown>): Record<string, unknown> {
  const states: Record<string, unknown> = { T: { Type: "Task", Resource: LAMBDA, End: true, ...fields } };
  if ("Catch" in fields) states["Caught"] = { Type: "Pass", End: true };
  return { StartAt: "T", States: states };
}

/**
 * Task "T" with the given fields, then a Wait state of 1000 s. The wait is longer than the invocation's remaining time
 * (the local runner's Lambda context reports 900 s), so the execution suspends there and the next invocation replays
 * the orchestration code from the start, T included: what T did must come out the same from the recorded history.
 */
function thenLongWait(fields: Record<string, unknown>): Record<string, unknown> {
  return {
    StartAt: "T",
    States: {
      T: { Type: "Task", Resource: LAMBDA, Next: "Later", ...fields },
      Later: { Type: "Wait", Seconds: 1000, End: true },
    },
  };
}

/** A Catch field with one catcher leading to "Caught". */
const catchTo = (errorEquals: string[], extra: Record<string, unknown> = {}) => [{ ErrorEquals: errorEquals, Next: "Caught", ...extra }];

describe("ASL-9 retry delays and attempt counts", () => {
  test("a retrier with only ErrorEquals: 3 retries (4 attempts), delays 1, 2, 4 s", async () => {
    // Defaults: MaxAttempts 3, IntervalSeconds 1, BackoffRate 2 → 1×2⁰, 1×2¹, 1×2² = 1, 2, 4.
    const t = scripted(failThenReturn("Flaky", 3, { ok: true }));
    const run = await runMachine(taskMachine({ Retry: [{ ErrorEquals: ["Flaky"] }] }), { in: 1 }, { T: t });
    assert.equal(run.status, "SUCCEEDED", run.summary);
    assert.deepEqual(run.output, { ok: true });
    assert.equal(t.calls.length, 4);
    assert.deepEqual(run.timeline("T"), attemptsWithDelays([1, 2, 4]));
  });

  test("default retrier exhausted: the 4th failure is final and fails the execution with its name and cause", async () => {
    const t = scripted(failThenReturn("Flaky", 5, "never reached"));
    const run = await runMachine(taskMachine({ Retry: [{ ErrorEquals: ["Flaky"] }] }), {}, { T: t });
    assert.equal(run.status, "FAILED", run.summary);
    assert.deepEqual(run.error, { type: "Flaky", message: "attempt 4" });
    assert.equal(t.calls.length, 4);
    assert.deepEqual(run.timeline("T"), attemptsWithDelays([1, 2, 4]));
  });

  test("IntervalSeconds 2, BackoffRate 3, MaxAttempts 3: delays 2, 6, 18", async () => {
    // 2×3⁰, 2×3¹, 2×3² = 2, 6, 18.
    const t = scripted(failThenReturn("Flaky", 3, "done"));
    const run = await runMachine(taskMachine({ Retry: [{ ErrorEquals: ["Flaky"], IntervalSeconds: 2, BackoffRate: 3, MaxAttempts: 3 }] }), {}, { T: t });
    assert.equal(run.status, "SUCCEEDED", run.summary);
    assert.equal(run.output, "done");
    assert.equal(t.calls.length, 4);
    assert.deepEqual(run.timeline("T"), attemptsWithDelays([2, 6, 18]));
  });

  test("MaxDelaySeconds caps the delay: 2, 6, then 10, 10 instead of 18, 54", async () => {
    // min(2×3^(k−1), 10) for k = 1..4.
    const t = scripted(failThenReturn("Flaky", 4, "done"));
    const retrier = { ErrorEquals: ["Flaky"], IntervalSeconds: 2, BackoffRate: 3, MaxAttempts: 4, MaxDelaySeconds: 10 };
    const run = await runMachine(taskMachine({ Retry: [retrier] }), {}, { T: t });
    assert.equal(run.status, "SUCCEEDED", run.summary);
    assert.equal(t.calls.length, 5);
    assert.deepEqual(run.timeline("T"), attemptsWithDelays([2, 6, 10, 10]));
  });

  test("BackoffRate 1 keeps the delay constant: 3, 3, 3", async () => {
    const t = scripted(failThenReturn("Flaky", 3, "done"));
    const run = await runMachine(taskMachine({ Retry: [{ ErrorEquals: ["Flaky"], IntervalSeconds: 3, BackoffRate: 1 }] }), {}, { T: t });
    assert.equal(run.status, "SUCCEEDED", run.summary);
    assert.equal(t.calls.length, 4);
    assert.deepEqual(run.timeline("T"), attemptsWithDelays([3, 3, 3]));
  });

  test("fractional delays are rounded UP to whole seconds (documented durable mapping): 1, 1.5, 2.25, 3.375 → 1, 2, 3, 4", async () => {
    // ASL delays 1×1.5^(k−1) = 1, 1.5, 2.25, 3.375 s; a durable wait takes whole seconds ≥ 1, and the runtime rounds up
    // (src/runtime/retry.ts durableWaitSeconds = max(1, ceil(delay))), so no retry happens EARLIER than ASL says.
    const t = scripted(failThenReturn("Flaky", 4, "done"));
    const run = await runMachine(taskMachine({ Retry: [{ ErrorEquals: ["Flaky"], BackoffRate: 1.5, MaxAttempts: 4 }] }), {}, { T: t });
    assert.equal(run.status, "SUCCEEDED", run.summary);
    assert.equal(t.calls.length, 5);
    assert.deepEqual(run.timeline("T"), attemptsWithDelays([1, 2, 3, 4]));
  });

  test("MaxAttempts 0: never retried, goes straight to Catch", async () => {
    const t = scripted(failThenReturn("Flaky", 1, "unused"));
    const run = await runMachine(taskMachine({ Retry: [{ ErrorEquals: ["Flaky"], MaxAttempts: 0 }], Catch: catchTo(["Flaky"]) }), { in: 1 }, { T: t });
    assert.equal(run.status, "SUCCEEDED", run.summary);
    // Catch default ResultPath "$": the output is the error output itself.
    assert.deepEqual(run.output, { Error: "Flaky", Cause: "attempt 1" });
    assert.equal(t.calls.length, 1);
    assert.deepEqual(run.timeline("T"), ["attempt"]);
  });

  test("retriers are tried before catchers: the catcher gets the LAST attempt's error", async () => {
    const t = scripted(failThenReturn("Flaky", 2, "unused"));
    const run = await runMachine(taskMachine({ Retry: [{ ErrorEquals: ["Flaky"], MaxAttempts: 1 }], Catch: catchTo(["Flaky"]) }), {}, { T: t });
    assert.equal(run.status, "SUCCEEDED", run.summary);
    assert.deepEqual(run.output, { Error: "Flaky", Cause: "attempt 2" });
    assert.deepEqual(run.timeline("T"), attemptsWithDelays([1]));
  });

  test("$$.State.RetryCount is 0 on the first attempt and increments with each retry", async () => {
    const t = scripted(failThenReturn("Flaky", 3, "done"));
    const run = await runMachine(taskMachine({ Parameters: { "retry.$": "$$.State.RetryCount" }, Retry: [{ ErrorEquals: ["Flaky"] }] }), {}, { T: t });
    assert.equal(run.status, "SUCCEEDED", run.summary);
    assert.deepEqual(
      t.calls.map((c) => c.input),
      [0, 1, 2, 3].map((retry) => ({ retry })),
    );
  });

  test("retry counters reset when the state is left: a second visit gets the full MaxAttempts and delays restart at IntervalSeconds", async () => {
    // Each visit: A, A (both retried, MaxAttempts 2, delays 1, 2), then success. A counter kept across visits would
    // already be exhausted on the second visit and fail the execution with A.
    const definition = {
      StartAt: "T",
      States: {
        T: { Type: "Task", Resource: LAMBDA, Retry: [{ ErrorEquals: ["A"], MaxAttempts: 2 }], ResultPath: "$.last", Next: "Again" },
        Again: { Type: "Choice", Choices: [{ Variable: "$.last.round", NumericLessThan: 2, Next: "T" }], Default: "Done" },
        Done: { Type: "Succeed" },
      },
    };
    const visit = (round: number): Step[] => [{ raise: "A" }, { raise: "A" }, { return: { round } }];
    const t = scripted([...visit(1), ...visit(2)]);
    const run = await runMachine(definition, {}, { T: t });
    assert.equal(run.status, "SUCCEEDED", run.summary);
    assert.deepEqual(run.output, { last: { round: 2 } });
    assert.equal(t.calls.length, 6);
    assert.deepEqual(run.timeline("T"), [...attemptsWithDelays([1, 2]), ...attemptsWithDelays([1, 2])]);
    assert.deepEqual(
      t.calls.map((c) => c.retryCount),
      [0, 1, 2, 0, 1, 2],
    );
  });
});

describe("ASL-9 retrier selection: first match wins, each retrier counts its own retries", () => {
  test("errors A, A, B, A with [A] MaxAttempts 2 and [B] MaxAttempts 1: delays 1, 2, 1, then A is final", async () => {
    // A: retrier 1, its retry 1 → 1×2⁰ = 1.   A: retrier 1, its retry 2 → 1×2¹ = 2.
    // B: retrier 2, ITS retry 1 → 1×2⁰ = 1 (a shared counter would give 1×2² = 4).
    // A: retrier 1 has used its 2 retries → the state fails with A (no Catch → the execution fails).
    const t = scripted([{ raise: "A" }, { raise: "A" }, { raise: "B" }, { raise: "A", cause: "fourth" }, { return: "never reached" }]);
    const retry = [
      { ErrorEquals: ["A"], MaxAttempts: 2 },
      { ErrorEquals: ["B"], MaxAttempts: 1 },
    ];
    const run = await runMachine(taskMachine({ Retry: retry }), {}, { T: t });
    assert.equal(run.status, "FAILED", run.summary);
    assert.deepEqual(run.error, { type: "A", message: "fourth" });
    assert.equal(t.calls.length, 4);
    assert.deepEqual(run.timeline("T"), attemptsWithDelays([1, 2, 1]));
  });

  test("interleaved errors: each retrier's backoff exponent follows its own count (A, B, A, B → 1, 10, 2, 20)", async () => {
    // Retrier 1 [A]: 1×2^(k−1) → 1, 2. Retrier 2 [B] IntervalSeconds 10: 10×2^(k−1) → 10, 20.
    const t = scripted([{ raise: "A" }, { raise: "B" }, { raise: "A" }, { raise: "B" }, { return: "done" }]);
    const retry = [
      { ErrorEquals: ["A"], MaxAttempts: 2 },
      { ErrorEquals: ["B"], MaxAttempts: 2, IntervalSeconds: 10 },
    ];
    const run = await runMachine(taskMachine({ Retry: retry }), {}, { T: t });
    assert.equal(run.status, "SUCCEEDED", run.summary);
    assert.equal(run.output, "done");
    assert.equal(t.calls.length, 5);
    assert.deepEqual(run.timeline("T"), attemptsWithDelays([1, 10, 2, 20]));
  });

  test("the first matching retrier wins even when exhausted: no fall-through to a later States.ALL retrier", async () => {
    // A: retrier 1 (MaxAttempts 1) retries once after 1 s; the second A still matches retrier 1 first, which is
    // exhausted, so the state fails — retrier 2 (States.ALL, IntervalSeconds 5) is never consulted for A.
    const t = scripted([{ raise: "A" }, { raise: "A", cause: "second" }, { return: "never reached" }]);
    const retry = [
      { ErrorEquals: ["A"], MaxAttempts: 1 },
      { ErrorEquals: ["States.ALL"], MaxAttempts: 5, IntervalSeconds: 5 },
    ];
    const run = await runMachine(taskMachine({ Retry: retry }), {}, { T: t });
    assert.equal(run.status, "FAILED", run.summary);
    assert.deepEqual(run.error, { type: "A", message: "second" });
    assert.equal(t.calls.length, 2);
    assert.deepEqual(run.timeline("T"), attemptsWithDelays([1]));
  });

  test("an error the first retrier does not match falls to the next matching one (B → the States.ALL retrier)", async () => {
    const t = scripted([{ raise: "B" }, { raise: "A" }, { return: "done" }]);
    const retry = [
      { ErrorEquals: ["A"], MaxAttempts: 1 },
      { ErrorEquals: ["States.ALL"], MaxAttempts: 5, IntervalSeconds: 5 },
    ];
    const run = await runMachine(taskMachine({ Retry: retry }), {}, { T: t });
    assert.equal(run.status, "SUCCEEDED", run.summary);
    // B → retrier 2, its retry 1: 5 s. A → retrier 1, its retry 1: 1 s.
    assert.deepEqual(run.timeline("T"), attemptsWithDelays([5, 1]));
  });

  test("States.ALL retries a custom error", async () => {
    const t = scripted(failThenReturn("My.Custom", 2, "done"));
    const run = await runMachine(taskMachine({ Retry: [{ ErrorEquals: ["States.ALL"] }] }), {}, { T: t });
    assert.equal(run.status, "SUCCEEDED", run.summary);
    assert.deepEqual(run.timeline("T"), attemptsWithDelays([1, 2]));
  });

  test("States.ALL neither retries nor catches States.Runtime (Parameters path missing, evaluated inside the retried attempt)", async () => {
    // ASL-10: Parameters "key.$": "$.missing" raises States.Runtime. ASL-9: States.Runtime is terminal — not retried,
    // not caught by States.ALL. The runtime evaluates Parameters inside each attempt (src/runtime/task.ts), so the
    // States.ALL retrier sees the error and must decline it: no retry wait, the task is never called, the execution fails.
    const t = scripted([{ return: "never reached" }]);
    const run = await runMachine(
      taskMachine({ Parameters: { "x.$": "$.missing" }, Retry: [{ ErrorEquals: ["States.ALL"] }], Catch: catchTo(["States.ALL"]) }),
      { present: 1 },
      { T: t },
    );
    assert.equal(run.status, "FAILED", run.summary);
    assert.equal(run.error?.type, "States.Runtime");
    assert.equal(t.calls.length, 0);
    assert.deepEqual(run.retryDelays("T"), []);
  });

  test("States.TaskFailed retries and catches a custom task error", async () => {
    // (The same with TimeoutSeconds: see "TimeoutSeconds across replays" below.)
    const t = scripted([{ raise: "Custom.Err" }, { raise: "Custom.Err", cause: "again" }]);
    const run = await runMachine(
      taskMachine({ Retry: [{ ErrorEquals: ["States.TaskFailed"], MaxAttempts: 1 }], Catch: catchTo(["States.TaskFailed"]) }),
      {},
      { T: t },
    );
    assert.equal(run.status, "SUCCEEDED", run.summary);
    assert.deepEqual(run.output, { Error: "Custom.Err", Cause: "again" });
    assert.deepEqual(run.timeline("T"), attemptsWithDelays([1]));
  });

  // The two tests below use a task that never settles. If the execution were replayed, the still-STARTED step would run
  // (and hang) again and the local runner would never finish, hence the timeouts (fake time advances with real time).
  test("States.TaskFailed neither retries nor catches States.Timeout; a later States.Timeout catcher does", { timeout: 120_000 }, async () => {
    // TimeoutSeconds 5 with a task that never settles: the runtime races the step against a durable 5 s timer
    // (src/runtime/task.ts); skipTime lets the timer fire at once. ASL-9: States.TaskFailed matches every task error
    // except States.Timeout, so retrier 1 does not retry it and catcher 1 does not catch it; catcher 2 does.
    const t = scripted(["hang", { return: "never reached" }]);
    const definition = {
      StartAt: "T",
      States: {
        T: {
          Type: "Task",
          Resource: LAMBDA,
          TimeoutSeconds: 5,
          Retry: [{ ErrorEquals: ["States.TaskFailed"], MaxAttempts: 2 }],
          Catch: [
            { ErrorEquals: ["States.TaskFailed"], Next: "Failed" },
            { ErrorEquals: ["States.Timeout"], Next: "TimedOut" },
          ],
          End: true,
        },
        Failed: { Type: "Pass", Result: "failed", End: true },
        TimedOut: { Type: "Pass", Result: "timed out", ResultPath: "$.via", End: true },
      },
    };
    const run = await runMachine(definition, {}, { T: t });
    assert.equal(run.status, "SUCCEEDED", run.summary);
    const output = run.output as { Error: string; Cause: string; via: string };
    assert.equal(output.via, "timed out");
    assert.equal(output.Error, "States.Timeout");
    assert.equal(typeof output.Cause, "string");
    assert.equal(t.calls.length, 1);
    assert.deepEqual(run.timeline("T"), ["attempt"]);
  });

  test("a States.Timeout retrier retries a timeout; when exhausted, the execution fails with States.Timeout", { timeout: 120_000 }, async () => {
    const t = scripted(["hang", "hang", { return: "never reached" }]);
    const run = await runMachine(
      taskMachine({ TimeoutSeconds: 5, Retry: [{ ErrorEquals: ["States.Timeout"], MaxAttempts: 1, IntervalSeconds: 3 }] }),
      {},
      { T: t },
    );
    assert.equal(run.status, "FAILED", run.summary);
    assert.equal(run.error?.type, "States.Timeout");
    assert.equal(t.calls.length, 2);
    assert.deepEqual(run.timeline("T"), attemptsWithDelays([3]));
  });
});

describe("TimeoutSeconds across replays: States.Timeout only when the task did not finish in time", () => {
  // ASL-6.2/ASL-9: States.Timeout is raised when a task runs longer than TimeoutSeconds. The runtime races the task's
  // durable step against a durable timer "T (timeout)" (src/runtime/task.ts); the losing timer is not cancelled and
  // completes later in the history. When the execution is replayed after that (here: after the 1000 s Wait state), both
  // operations are already complete in the history, and the outcome of the state must still be the one it had.

  test("a Task that succeeded within TimeoutSeconds is still successful when replayed after its timer expired", async () => {
    const t = scripted([{ return: "ok" }]);
    const run = await runMachine(thenLongWait({ TimeoutSeconds: 5 }), {}, { T: t });
    assert.ok(run.invocations >= 2, `expected a replay, got ${run.invocations} invocation(s)`);
    assert.equal(run.status, "SUCCEEDED", run.summary);
    assert.equal(run.output, "ok");
    assert.equal(t.calls.length, 1);
  });

  test("a Task attempt that failed within TimeoutSeconds replays as its own error (retried by States.TaskFailed), not as States.Timeout", async () => {
    const t = scripted([{ raise: "Custom.Err" }, { return: "ok" }]);
    const run = await runMachine(thenLongWait({ TimeoutSeconds: 5, Retry: [{ ErrorEquals: ["States.TaskFailed"], MaxAttempts: 1 }] }), {}, { T: t });
    assert.ok(run.invocations >= 2, `expected a replay, got ${run.invocations} invocation(s)`);
    assert.equal(run.status, "SUCCEEDED", run.summary);
    assert.equal(run.output, "ok");
    assert.equal(t.calls.length, 2);
    assert.deepEqual(run.timeline("T"), attemptsWithDelays([1]));
  });

  test("a caught task error replays as the same error: the catcher for it, not a States.Timeout catcher, decides", async () => {
    const definition = {
      StartAt: "T",
      States: {
        T: {
          Type: "Task",
          Resource: LAMBDA,
          TimeoutSeconds: 5,
          Catch: [
            { ErrorEquals: ["States.Timeout"], Next: "TimedOut" },
            { ErrorEquals: ["Custom.Err"], Next: "Later" },
          ],
          End: true,
        },
        TimedOut: { Type: "Fail", Error: "Wrong.Catcher", Cause: "replayed as States.Timeout" },
        Later: { Type: "Wait", Seconds: 1000, End: true },
      },
    };
    // Whether the testing runner ends the first invocation at the 1,000 s wait (and so replays the caught error) is its
    // scheduling, which a loaded machine can change: every run must end right, and one of at most three must replay.
    let replayed = 0;
    for (let attempt = 0; attempt < 3 && replayed === 0; attempt++) {
      const run = await runMachine(definition, {}, { T: scripted([{ raise: "Custom.Err", cause: "bad" }]) });
      assert.equal(run.status, "SUCCEEDED", run.summary);
      assert.deepEqual(run.output, { Error: "Custom.Err", Cause: "bad" });
      if (run.invocations >= 2) replayed++;
    }
    assert.equal(replayed, 1, "expected a replay in one of three runs");
  });
});

describe("ASL-9 JitterStrategy FULL", () => {
  test("each delay is drawn from [0, nominal] in a durable step, then waited as max(1, ceil(delay)) seconds; replays reuse the draw", async () => {
    // Nominal delays 1000×2^(k−1) = 1000, 2000, 4000 s. The draws are scripted through Math.random: 0.95, 0, 0.5 →
    // jittered delays 950, 0, 2000 s → durable waits max(1, ceil(·)) = 950, 1, 2000, all within [1, nominal].
    // The Wait state after T (longer than the 900 s the local runner's Lambda context reports as remaining) suspends the
    // execution, and the next invocation replays the orchestration code from the start — including T's retry loop
    // that drew the jitter.
    const draws = [0.95, 0, 0.5];
    let randomCalls = 0;
    const random = Math.random;
    Math.random = () => draws[randomCalls++] ?? random();
    const t = scripted(failThenReturn("Flaky", 3, "done"));
    let run;
    try {
      run = await runMachine(thenLongWait({ Retry: [{ ErrorEquals: ["Flaky"], IntervalSeconds: 1000, JitterStrategy: "FULL" }] }), {}, { T: t });
    } finally {
      Math.random = random;
    }
    assert.equal(run.status, "SUCCEEDED", run.summary);
    assert.equal(t.calls.length, 4);
    assert.deepEqual(run.timeline("T"), ["attempt", "jitter", "wait 950", "attempt", "jitter", "wait 1", "attempt", "jitter", "wait 2000", "attempt"]);
    const nominal = [1000, 2000, 4000];
    run.retryDelays("T").forEach((d, i) => assert.ok(d >= 1 && d <= (nominal[i] ?? 0), `delay ${d} outside [1, ${nominal[i]}]`));
    // The draws are recorded as steps "T (retry n jitter)"…
    const jitterSteps = run.operations.filter((op) => /^T \(retry \d+ jitter\)$/.test(op.getName() ?? ""));
    assert.deepEqual(
      jitterSteps.map((op) => [op.getName(), op.getStepDetails()?.result]),
      [
        ["T (retry 1 jitter)", 0.95],
        ["T (retry 2 jitter)", 0],
        ["T (retry 3 jitter)", 0.5],
      ],
    );
    // …so although the orchestration code was replayed in later invocations, Math.random ran once per retry: a replay
    // reads the recorded draw instead of drawing again (a fresh draw would also have consumed the fallback values).
    assert.ok(run.invocations >= 2, `expected a replay, got ${run.invocations} invocation(s)`);
    assert.equal(randomCalls, 3);
  });

  test("JitterStrategy NONE (the ASL default) draws nothing", async () => {
    const t = scripted(failThenReturn("Flaky", 1, "done"));
    const run = await runMachine(taskMachine({ Retry: [{ ErrorEquals: ["Flaky"], JitterStrategy: "NONE" }] }), {}, { T: t });
    assert.deepEqual(run.timeline("T"), attemptsWithDelays([1]));
  });
});

describe("ASL-9 Catch", () => {
  // The raw input differs from the effective input (InputPath "$.sub"), so a catcher merging into the wrong one shows.
  const input = { sub: { x: 1 }, keep: true };

  test('ResultPath "$.error" merges {Error, Cause} into the raw state input', async () => {
    const t = scripted([{ raise: "Boom", cause: "bad" }]);
    const run = await runMachine(taskMachine({ InputPath: "$.sub", Catch: catchTo(["Boom"], { ResultPath: "$.error" }) }), input, { T: t });
    assert.equal(run.status, "SUCCEEDED", run.summary);
    assert.deepEqual(t.calls[0]?.input, { x: 1 });
    assert.deepEqual(run.output, { sub: { x: 1 }, keep: true, error: { Error: "Boom", Cause: "bad" } });
  });

  test("ResultPath null keeps the raw input", async () => {
    const t = scripted([{ raise: "Boom", cause: "bad" }]);
    const run = await runMachine(taskMachine({ InputPath: "$.sub", Catch: catchTo(["Boom"], { ResultPath: null }) }), input, { T: t });
    assert.equal(run.status, "SUCCEEDED", run.summary);
    assert.deepEqual(run.output, input);
  });

  test("two catchers: the first one that matches (here the second) decides Next", async () => {
    const t = scripted([{ raise: "B", cause: "bee" }]);
    const definition = {
      StartAt: "T",
      States: {
        T: {
          Type: "Task",
          Resource: LAMBDA,
          Catch: [
            { ErrorEquals: ["A"], Next: "ViaA" },
            { ErrorEquals: ["B"], Next: "ViaB" },
            { ErrorEquals: ["States.ALL"], Next: "ViaAll" },
          ],
          End: true,
        },
        ViaA: { Type: "Pass", Result: "A", ResultPath: "$.via", End: true },
        ViaB: { Type: "Pass", Result: "B", ResultPath: "$.via", End: true },
        ViaAll: { Type: "Pass", Result: "ALL", ResultPath: "$.via", End: true },
      },
    };
    const run = await runMachine(definition, {}, { T: t });
    assert.equal(run.status, "SUCCEEDED", run.summary);
    assert.deepEqual(run.output, { Error: "B", Cause: "bee", via: "B" });
  });

  test("no catcher matches: the execution fails with the original error name and cause", async () => {
    const t = scripted([{ raise: "Other.Err", cause: "unmatched" }]);
    const run = await runMachine(taskMachine({ Retry: [{ ErrorEquals: ["A"] }], Catch: catchTo(["A", "B"]) }), {}, { T: t });
    assert.equal(run.status, "FAILED", run.summary);
    assert.deepEqual(run.error, { type: "Other.Err", message: "unmatched" });
    assert.deepEqual(run.timeline("T"), ["attempt"]);
  });
});

describe("ASL-9 error names survive durable boundaries (Parallel branches, Map iterations)", () => {
  const fail = { Type: "Fail", Error: "My.Custom", Cause: "why" };
  const parallelWith = (fields: Record<string, unknown>) => ({
    StartAt: "P",
    States: {
      P: {
        Type: "Parallel",
        Branches: [
          { StartAt: "Ok", States: { Ok: { Type: "Pass", End: true } } },
          { StartAt: "Boom", States: { Boom: fail } },
        ],
        End: true,
        ...fields,
      },
      ...("Catch" in fields ? { Caught: { Type: "Pass", End: true } } : {}),
    },
  });
  const mapWith = (fields: Record<string, unknown>) => ({
    StartAt: "M",
    States: {
      M: { Type: "Map", ItemsPath: "$.items", ItemProcessor: { StartAt: "Boom", States: { Boom: fail } }, End: true, ...fields },
      ...("Catch" in fields ? { Caught: { Type: "Pass", End: true } } : {}),
    },
  });

  test('a Fail state in a Parallel branch is caught by ErrorEquals ["My.Custom"] on the Parallel', async () => {
    const run = await runMachine(parallelWith({ Catch: catchTo(["My.Custom"]) }), { in: 1 });
    assert.equal(run.status, "SUCCEEDED", run.summary);
    assert.deepEqual(run.output, { Error: "My.Custom", Cause: "why" });
  });

  test("uncaught, the Parallel's branch failure fails the execution with My.Custom / why", async () => {
    const run = await runMachine(parallelWith({}), { in: 1 });
    assert.equal(run.status, "FAILED", run.summary);
    assert.deepEqual(run.error, { type: "My.Custom", message: "why" });
  });

  test('a Fail state in a Map iteration is caught by ErrorEquals ["My.Custom"] on the Map', async () => {
    const run = await runMachine(mapWith({ Catch: catchTo(["My.Custom"]) }), { items: [1, 2] });
    assert.equal(run.status, "SUCCEEDED", run.summary);
    assert.deepEqual(run.output, { Error: "My.Custom", Cause: "why" });
  });

  test("uncaught, the Map's iteration failure fails the execution with My.Custom / why", async () => {
    const run = await runMachine(mapWith({}), { items: [1] });
    assert.equal(run.status, "FAILED", run.summary);
    assert.deepEqual(run.error, { type: "My.Custom", message: "why" });
  });

  test("two levels deep (a Map inside a Parallel branch), a task error keeps its name up to the execution result", async () => {
    const definition = {
      StartAt: "P",
      States: {
        P: {
          Type: "Parallel",
          Branches: [
            {
              StartAt: "M",
              States: { M: { Type: "Map", ItemProcessor: { StartAt: "Work", States: { Work: { Type: "Task", Resource: LAMBDA, End: true } } }, End: true } },
            },
          ],
          End: true,
        },
      },
    };
    const run = await runMachine(definition, [1], { Work: scripted([{ raise: "Deep.Err", cause: "from the item" }]) });
    assert.equal(run.status, "FAILED", run.summary);
    assert.deepEqual(run.error, { type: "Deep.Err", message: "from the item" });
  });
});

describe("ASL-9 Retry on Parallel and Map re-runs the whole state", () => {
  test("a branch fails once: the Parallel is retried after 1 s and EVERY branch runs again", async () => {
    const flaky = scripted([{ raise: "Branch.Err" }, { return: "one" }]);
    const steady = scripted([{ return: "two" }, { return: "two" }]);
    const definition = {
      StartAt: "P",
      States: {
        P: {
          Type: "Parallel",
          Retry: [{ ErrorEquals: ["Branch.Err"] }],
          Branches: [
            { StartAt: "Flaky", States: { Flaky: { Type: "Task", Resource: LAMBDA, End: true } } },
            { StartAt: "Steady", States: { Steady: { Type: "Task", Resource: LAMBDA, End: true } } },
          ],
          End: true,
        },
      },
    };
    const run = await runMachine(definition, {}, { Flaky: flaky, Steady: steady });
    assert.equal(run.status, "SUCCEEDED", run.summary);
    assert.deepEqual(run.output, ["one", "two"]);
    assert.equal(flaky.calls.length, 2);
    assert.equal(steady.calls.length, 2);
    assert.deepEqual(run.timeline("P"), attemptsWithDelays([1]));
  });

  test("an iteration fails once: the Map is retried after 2 s and every item runs again", async () => {
    const item = scripted([{ return: "a" }, { raise: "Item.Err" }, { return: "a" }, { return: "b" }]);
    const definition = {
      StartAt: "M",
      States: {
        M: {
          Type: "Map",
          MaxConcurrency: 1,
          Retry: [{ ErrorEquals: ["Item.Err"], IntervalSeconds: 2 }],
          ItemProcessor: { StartAt: "Item", States: { Item: { Type: "Task", Resource: LAMBDA, End: true } } },
          End: true,
        },
      },
    };
    const run = await runMachine(definition, ["x", "y"], { Item: item });
    assert.equal(run.status, "SUCCEEDED", run.summary);
    assert.deepEqual(run.output, ["a", "b"]);
    assert.deepEqual(
      item.calls.map((c) => c.input),
      ["x", "y", "x", "y"],
    );
    assert.deepEqual(run.timeline("M"), attemptsWithDelays([2]));
  });
});
