import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { BatchClient, ClientException, DescribeJobsCommand, SubmitJobCommand } from "@aws-sdk/client-batch";
import { ResourceNotFoundException } from "@aws-sdk/client-eks";
import { retryPresets, withDurableExecution, type DurableContext } from "@aws/durable-execution-sdk-js";
import { LocalDurableTestRunner, type TestResult } from "@aws/durable-execution-sdk-js-testing";
import { mockClient } from "aws-sdk-client-mock";
import { aslError, StatesError, type AslError } from "../../src/runtime/errors.js";
import { syncJobFor } from "../../src/runtime/sync/jobs.js";
import { DEFAULT_POLL_SCHEDULE, pollDelaySeconds, runSyncJob, sdkCall, startSyncJob, syncPollInput, type RunSyncJobOptions } from "../../src/runtime/sync/poll.js";
import { commandSchemas, syncShapes, viewOf, type SdkInput, type SyncJobSpec } from "../../src/runtime/sync/spec.js";
import type { Json } from "../../src/runtime/types.js";
import { setupSkipTime, teardownSkipTime } from "../support/skip-time.js";
import { runtimeShapes } from "./conversions.js";
import { FIXTURES, type SyncFixture } from "./fixtures.js";

/**
 * runSyncJob driven through the durable SDK's LocalDurableTestRunner (skipTime, durable-sdk.md §5) with scripted
 * describe calls: results, error names, replays, and what the poll costs in durable operations.
 */

before(setupSkipTime);
after(() => teardownSkipTime());

const batch = syncJobFor("batch:submitJob.sync") as SyncJobSpec;
const batchFixture = FIXTURES["batch:submitJob.sync"] as SyncFixture;
const metadata = { httpStatusCode: 400, requestId: "req-1" };

/** A describe function that plays `script` call by call (an Error is thrown) and records every input it was given. */
function scripted(script: ReadonlyArray<unknown>): { describe: (input: Json) => Promise<unknown>; inputs: Json[] } {
  const inputs: Json[] = [];
  const describe = async (input: Json): Promise<unknown> => {
    inputs.push(input);
    const next = script[inputs.length - 1];
    if (next === undefined) throw new Error(`describe called ${inputs.length} times, the script has ${script.length} answers`);
    if (next instanceof Error) throw next;
    return next;
  };
  return { describe, inputs };
}

type Outcome = { result: Json } | { error: AslError };

interface Run {
  outcome: Outcome;
  execution: TestResult;
}

/** Run one Task "T" (runSyncJob) as a durable execution; its outcome is the execution's result. */
async function run(job: SyncJobSpec, start: { request: SdkInput; response: unknown }, describe: (input: Json) => Promise<unknown>, options: { schedule?: RunSyncJobOptions["schedule"] } = {}): Promise<Run> {
  const handler = withDurableExecution(async (_event: unknown, ctx: DurableContext): Promise<Outcome> => {
    let outcome: Outcome;
    try {
      const runOptions: RunSyncJobOptions = { request: start.request, shapes: runtimeShapes(job) };
      if (options.schedule !== undefined) runOptions.schedule = options.schedule;
      outcome = { result: await runSyncJob(ctx, "T", job, viewOf(runtimeShapes(job).startOutput, start.response), describe, runOptions) };
    } catch (thrown) {
      outcome = { error: aslError(thrown) };
    }
    return outcome;
  });
  const runner = new LocalDurableTestRunner<Outcome>({ handlerFunction: handler });
  const execution = await runner.run({ payload: {} });
  assert.equal(execution.getStatus(), "SUCCEEDED");
  return { outcome: execution.getResult() as Outcome, execution };
}

const batchShapes = runtimeShapes(batch);
const batchStart = { request: batch.startInput(batchFixture.parameters, batchShapes.startInput), response: batchFixture.response };

/** The NextAttemptDelaySeconds of the poll's attempts, from the durable history. */
function pollDelays(execution: TestResult): number[] {
  return execution
    .getHistoryEvents()
    .filter((event) => event.Name === "T (sync)" && event.EventType === "StepSucceeded")
    .map((event) => event.StepSucceededDetails?.RetryDetails?.NextAttemptDelaySeconds)
    .filter((delay): delay is number => delay !== undefined);
}

describe("runSyncJob", () => {
  test("RUNNING → RUNNING → SUCCEEDED: the job object is the result; one describe call per poll, with the built input", async () => {
    const { describe, inputs } = scripted(["RUNNABLE", "RUNNING", "SUCCEEDED"].map((status) => batchFixture.describe(status)));
    const { outcome, execution } = await run(batch, batchStart, describe);
    assert.deepEqual(outcome, { result: batchFixture.body("SUCCEEDED") });
    assert.deepEqual(inputs, [batchFixture.pollInput, batchFixture.pollInput, batchFixture.pollInput]);
    // One durable operation for the whole poll; its attempts are the describe calls (durable-sdk.md §6, e05 d).
    const operations = execution.getOperations();
    assert.deepEqual(operations.map((op) => [op.getType(), op.getSubType(), op.getName(), op.getStatus()]), [["STEP", "WaitForCondition", "T (sync)", "SUCCEEDED"]]);
    assert.equal(operations[0]?.getStepDetails()?.attempt, 3);
    // The delays after polls 1 and 2: 5 s, then 10 s (DEFAULT_POLL_SCHEDULE).
    assert.deepEqual(pollDelays(execution), [5, 10]);
  });

  test("RUNNING → FAILED: States.TaskFailed with the job, PascalCase, as the Cause", async () => {
    const { describe, inputs } = scripted(["RUNNING", "FAILED"].map((status) => batchFixture.describe(status)));
    const { outcome } = await run(batch, batchStart, describe);
    assert.ok("error" in outcome, JSON.stringify(outcome));
    assert.equal(outcome.error.Error, "States.TaskFailed");
    assert.deepEqual(JSON.parse(outcome.error.Cause), batchFixture.body("FAILED"));
    assert.equal(inputs.length, 2);
  });

  test("a describe call that throws ends the Task with the service's error name, without hidden retries", async () => {
    const thrown = new ClientException({ message: "Job not found", $metadata: metadata });
    const { describe, inputs } = scripted([batchFixture.describe("RUNNING"), thrown]);
    const { outcome } = await run(batch, batchStart, describe);
    assert.deepEqual(outcome, { error: { Error: "Batch.ClientException", Cause: "Job not found (Service: AWSBatch; Status Code: 400; Error Code: ClientException; Request ID: req-1; Proxy: null)" } });
    assert.equal(inputs.length, 2, "the failing call is not retried");
  });

  test("a replay does not call describe again for polls already made, in the same job or in a finished one", async () => {
    // Task A ends at its first poll; Task B polls three times, 1000 s apart (longer than the invocation's remaining
    // time), so the execution suspends and later invocations replay the handler from the start: through A's finished
    // poll and through B's polls already made.
    const a = scripted([batchFixture.describe("SUCCEEDED")]);
    const b = scripted(["RUNNING", "RUNNING", "SUCCEEDED"].map((status) => batchFixture.describe(status)));
    const schedule = { firstDelaySeconds: 1000, maxDelaySeconds: 1000, backoffRate: 1 };
    let handlerRuns = 0;
    const handler = withDurableExecution(async (_event: unknown, ctx: DurableContext): Promise<Json[]> => {
      handlerRuns++;
      const first = await runSyncJob(ctx, "A", batch, viewOf(batchShapes.startOutput, batchStart.response), a.describe, { request: batchStart.request, schedule, shapes: batchShapes });
      const second = await runSyncJob(ctx, "B", batch, viewOf(batchShapes.startOutput, batchStart.response), b.describe, { request: batchStart.request, schedule, shapes: batchShapes });
      return [first, second];
    });
    const execution = await new LocalDurableTestRunner<Json[]>({ handlerFunction: handler }).run({ payload: {} });
    assert.equal(execution.getStatus(), "SUCCEEDED");
    assert.deepEqual(execution.getResult(), [batchFixture.body("SUCCEEDED"), batchFixture.body("SUCCEEDED")]);
    assert.ok(handlerRuns >= 2, `the handler must have been replayed (ran ${handlerRuns} time)`);
    assert.equal(a.inputs.length, 1, "A's finished poll is read from the checkpoint");
    assert.equal(b.inputs.length, 3, "B's polls are not repeated");
    assert.deepEqual(execution.getOperations().map((op) => op.getName()), ["A (sync)", "B (sync)"]);
    assert.deepEqual(
      execution.getHistoryEvents().filter((event) => event.Name === "B (sync)" && event.EventType === "StepSucceeded").map((event) => event.StepSucceededDetails?.RetryDetails?.NextAttemptDelaySeconds),
      [1000, 1000, undefined],
    );
  });

  test("a start response that already failed (ECS failures) throws AmazonECS.Unknown before any poll", async () => {
    const ecs = syncJobFor("ecs:runTask.sync") as SyncJobSpec;
    const { describe, inputs } = scripted([]);
    const { outcome, execution } = await run(ecs, { request: {}, response: { tasks: [], failures: [{ arn: "x", reason: "MISSING" }] } }, describe);
    assert.ok("error" in outcome);
    assert.equal(outcome.error.Error, "AmazonECS.Unknown");
    assert.equal(inputs.length, 0);
    assert.equal(execution.getOperations().length, 0);
  });

  test("delete*.sync: the resource being gone (ResourceNotFoundException) ends the job with the start call as the result", async () => {
    const eks = syncJobFor("eks:deleteCluster.sync") as SyncJobSpec;
    const fixture = FIXTURES["eks:deleteCluster.sync"] as SyncFixture;
    const gone = new ResourceNotFoundException({ message: "No cluster found for name: prod.", $metadata: { httpStatusCode: 404 } });
    const { describe, inputs } = scripted([fixture.describe("DELETING"), gone]);
    const { outcome } = await run(eks, { request: eks.startInput(fixture.parameters, runtimeShapes(eks).startInput), response: fixture.response }, describe);
    assert.deepEqual(outcome, { result: fixture.submitted });
    assert.deepEqual(inputs, [{ name: "prod" }, { name: "prod" }]);
  });

  test("with a real SDK client (aws-sdk-client-mock, no AWS call): startSyncJob then runSyncJob, two durable operations", async () => {
    const client = new BatchClient({ region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" } });
    const mock = mockClient(client);
    try {
      mock.on(SubmitJobCommand).resolves({ $metadata: { httpStatusCode: 200 }, jobName: "preprocess", jobId: "4e6d1c2a-job", jobArn: "arn:job" });
      mock
        .on(DescribeJobsCommand, { jobs: ["4e6d1c2a-job"] })
        .resolvesOnce({ $metadata: {}, jobs: [{ jobName: "preprocess", jobId: "4e6d1c2a-job", jobQueue: "q", status: "RUNNING", jobDefinition: "d", startedAt: 1 }] })
        .resolvesOnce({ $metadata: {}, jobs: [{ jobName: "preprocess", jobId: "4e6d1c2a-job", jobQueue: "q", status: "SUCCEEDED", jobDefinition: "d", startedAt: 1 }] });
      const handler = withDurableExecution(async (_event: unknown, ctx: DurableContext): Promise<Json> => {
        const shapes = syncShapes(batch, commandSchemas(SubmitJobCommand, DescribeJobsCommand));
        const { request, response } = await startSyncJob(ctx, "T", batch, { JobName: "preprocess", JobQueue: "q", JobDefinition: "d" }, sdkCall(client, SubmitJobCommand), shapes);
        return runSyncJob(ctx, "T", batch, response, sdkCall(client, DescribeJobsCommand), { request, shapes });
      });
      const execution = await new LocalDurableTestRunner<Json>({ handlerFunction: handler }).run({ payload: {} });
      assert.equal(execution.getStatus(), "SUCCEEDED");
      assert.deepEqual(execution.getResult(), { JobName: "preprocess", JobId: "4e6d1c2a-job", JobQueue: "q", Status: "SUCCEEDED", JobDefinition: "d", StartedAt: 1 });
      assert.deepEqual(mock.commandCalls(SubmitJobCommand).map((call) => call.args[0].input), [
        { jobName: "preprocess", jobQueue: "q", jobDefinition: "d", containerOverrides: { environment: [{ name: "MANAGED_BY_AWS", value: "STARTED_BY_STEP_FUNCTIONS" }] } },
      ]);
      assert.equal(mock.commandCalls(DescribeJobsCommand).length, 2);
      assert.deepEqual(execution.getOperations().map((op) => [op.getType(), op.getSubType(), op.getName()]), [["STEP", "Step", "T"], ["STEP", "WaitForCondition", "T (sync)"]]);
    } finally {
      mock.restore();
    }
  });

  test("a failing start call is one attempt, named as the integration names it; nothing is polled", async () => {
    let calls = 0;
    const handler = withDurableExecution(async (_event: unknown, ctx: DurableContext): Promise<Outcome> => {
      try {
        await startSyncJob(ctx, "T", batch, batchFixture.parameters, async () => {
          calls++;
          throw new ClientException({ message: "JobQueue q not found", $metadata: metadata });
        });
        return { result: "started" };
      } catch (thrown) {
        return { error: aslError(thrown) };
      }
    });
    const execution = await new LocalDurableTestRunner<Outcome>({ handlerFunction: handler }).run({ payload: {} });
    assert.deepEqual(execution.getResult(), { error: { Error: "Batch.ClientException", Cause: "JobQueue q not found (Service: AWSBatch; Status Code: 400; Error Code: ClientException; Request ID: req-1; Proxy: null)" } });
    assert.equal(calls, 1, "no hidden SDK retries");
    assert.deepEqual(execution.getOperations().map((op) => op.getName()), ["T"]);
  });

  test("parameters evaluated in the start step: an evaluation error keeps its name (ASL-3.1 States.Runtime), nothing is sent", async () => {
    let calls = 0;
    const handler = withDurableExecution(async (_event: unknown, ctx: DurableContext): Promise<Outcome> => {
      try {
        const parameters = async (): Promise<Json> => {
          throw new StatesError("States.Runtime", "The JSONPath '$.missing' specified for the field 'JobName.$' could not be found in the input '{}'");
        };
        await startSyncJob(ctx, "T", batch, parameters, async () => {
          calls++;
          return {};
        }, batchShapes);
        return { result: "started" };
      } catch (thrown) {
        return { error: aslError(thrown) };
      }
    });
    const execution = await new LocalDurableTestRunner<Outcome>({ handlerFunction: handler }).run({ payload: {} });
    assert.deepEqual(execution.getResult(), { error: { Error: "States.Runtime", Cause: "The JSONPath '$.missing' specified for the field 'JobName.$' could not be found in the input '{}'" } });
    assert.equal(calls, 0);
  });

  test("the start step checkpoints the parameters: a replay returns the request that was sent, without evaluating them again", async () => {
    // A durable step runs its function once and checkpoints the result as JSON; a replay returns the checkpoint and does
    // not run the function (durable-sdk.md §3). The local runner replays only when timing makes it suspend, so this
    // context does both deterministically: the first step call runs, the second replays.
    let checkpoint: string | undefined;
    const step = async (_name: string, fn: () => Promise<unknown>): Promise<unknown> => {
      checkpoint ??= JSON.stringify(await fn());
      return JSON.parse(checkpoint) as unknown;
    };
    const ctx = { step } as unknown as DurableContext;
    let draws = 0;
    const sent: SdkInput[] = [];
    // A new name at each evaluation, as States.UUID() or $now() in the Parameters would give.
    const parameters = async (): Promise<Json> => ({ ...(batchFixture.parameters as Record<string, Json>), JobName: `job-${++draws}` });
    const start = async (input: SdkInput): Promise<unknown> => {
      sent.push(input);
      return batchFixture.response;
    };
    const first = await startSyncJob(ctx, "T", batch, parameters, start, batchShapes);
    const replayed = await startSyncJob(ctx, "T", batch, parameters, start, batchShapes);
    assert.equal(draws, 1, "evaluated once, inside the step");
    assert.equal(sent.length, 1);
    assert.equal(first.request["jobName"], "job-1");
    assert.deepEqual(first.request, sent[0]);
    assert.deepEqual(replayed, first);
  });
});

describe("what the poll costs in durable operations (measured)", () => {
  const statuses = ["RUNNABLE", "RUNNING", "RUNNING", "RUNNING", "SUCCEEDED"];

  /** The alternative design, for comparison only: a loop of one step per describe call and one wait per delay. */
  async function stepWaitLoop(ctx: DurableContext, describe: (input: Json) => Promise<unknown>): Promise<Json> {
    for (let attempt = 1; ; attempt++) {
      const output = await ctx.step(`T (poll ${attempt})`, async () => viewOf(batchShapes.describeOutput, await describe(batchFixture.pollInput)), { retryStrategy: retryPresets.noRetry });
      const outcome = batch.check(output, { request: batchStart.request, response: viewOf(batchShapes.startOutput, batchStart.response) });
      if (outcome.status === "succeeded") return outcome.result;
      await ctx.wait(`T (wait ${attempt})`, { seconds: pollDelaySeconds(DEFAULT_POLL_SCHEDULE, attempt) });
    }
  }

  test("waitForCondition: 1 operation for 5 polls; step + wait loop: 9 operations (2 per poll − 1)", async () => {
    const polled = scripted(statuses.map((status) => batchFixture.describe(status)));
    const { execution } = await run(batch, batchStart, polled.describe);
    assert.equal(execution.getOperations().length, 1);
    const pollEvents = execution.getHistoryEvents().filter((event) => event.Name === "T (sync)").length;
    assert.equal(pollEvents, 10, "StepStarted + StepSucceeded per attempt");

    const looped = scripted(statuses.map((status) => batchFixture.describe(status)));
    const runner = new LocalDurableTestRunner<Json>({ handlerFunction: withDurableExecution(async (_event: unknown, ctx: DurableContext) => stepWaitLoop(ctx, looped.describe)) });
    const loop = await runner.run({ payload: {} });
    assert.equal(loop.getStatus(), "SUCCEEDED");
    assert.deepEqual(loop.getResult(), batchFixture.body("SUCCEEDED"));
    assert.equal(loop.getOperations().length, 9);
    assert.equal(looped.inputs.length, 5);
  });
});

describe("poll schedule and inputs", () => {
  test("default delays: 5 s doubling to a 60 s ceiling", () => {
    assert.deepEqual([1, 2, 3, 4, 5, 6, 100].map((attempt) => pollDelaySeconds(DEFAULT_POLL_SCHEDULE, attempt)), [5, 10, 20, 40, 60, 60, 60]);
  });

  test("delays are whole seconds, at least 1 (durable waits)", () => {
    const schedule = { firstDelaySeconds: 0.5, maxDelaySeconds: 10, backoffRate: 1.5 };
    assert.deepEqual([1, 2, 3, 4].map((attempt) => pollDelaySeconds(schedule, attempt)), [1, 1, 2, 2]);
  });

  test("syncPollInput builds the describe input from the request and a raw SDK response", () => {
    const glue = syncJobFor("glue:startJobRun.sync") as SyncJobSpec;
    assert.deepEqual(syncPollInput(glue, { JobName: "etl" }, { $metadata: {}, JobRunId: "jr_1" }, runtimeShapes(glue).startOutput), { JobName: "etl", RunId: "jr_1" });
  });
});
