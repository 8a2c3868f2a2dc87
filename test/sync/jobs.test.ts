import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { OPTIMISED_INTEGRATIONS } from "../../src/asl/integrations.js";
import { SYNC_JOBS, UNSUPPORTED_SYNC_JOBS, syncJobFor } from "../../src/runtime/sync/jobs.js";
import { viewOf, type SyncJobSpec, type SyncShapes, type SyncStart } from "../../src/runtime/sync/spec.js";
import type { Json } from "../../src/runtime/types.js";
import { deepFreeze, throwsStates } from "../support/values.js";
import { conversions, runtimeShapes } from "./conversions.js";
import { FIXTURES, type SyncFixture } from "./fixtures.js";

/**
 * The table of `.sync` integrations (src/runtime/sync/jobs.ts), entry by entry, against hand-written fixtures
 * (./fixtures.ts): the start command's input, the describe input, and the mapping of every terminal status to the
 * Task's result or to States.TaskFailed with the describe output as the Cause (ASL-6.2, ASL-9). Each entry is run
 * with the installed client's command schemas (what the runtime uses) and with its casing fallback (clients without
 * schemas): both must give the same, hand-written, values.
 */

function fixtureFor(job: SyncJobSpec): SyncFixture {
  const fixture = FIXTURES[job.resource];
  assert.ok(fixture, `no fixture for ${job.resource}`);
  return fixture;
}

function started(job: SyncJobSpec, fixture: SyncFixture, shapes: SyncShapes = runtimeShapes(job)): SyncStart {
  return deepFreeze({ request: job.startInput(deepFreeze(fixture.parameters), shapes.startInput), response: viewOf(shapes.startOutput, fixture.response) });
}

describe("the table covers every .sync integration", () => {
  test("each sync / sync:2 pattern of OPTIMISED_INTEGRATIONS has exactly one entry, or is listed as unsupported", () => {
    const expected: string[] = [];
    for (const [service, actions] of Object.entries(OPTIMISED_INTEGRATIONS)) {
      for (const [action, patterns] of Object.entries(actions)) {
        for (const pattern of patterns) if (pattern === "sync" || pattern === "sync:2") expected.push(`${service}:${action}.${pattern}`);
      }
    }
    const covered = [...SYNC_JOBS.map((job) => job.resource), ...Object.keys(UNSUPPORTED_SYNC_JOBS)];
    assert.deepEqual([...covered].sort(), [...expected].sort());
    assert.equal(new Set(covered).size, covered.length, "no resource twice");
    assert.deepEqual(Object.keys(FIXTURES).sort(), SYNC_JOBS.map((job) => job.resource).sort(), "one fixture per entry");
  });

  test("syncJobFor finds entries by full ARN or integration part, and nothing for other patterns", () => {
    assert.equal(syncJobFor("arn:aws:states:::batch:submitJob.sync")?.resource, "batch:submitJob.sync");
    assert.equal(syncJobFor("states:startExecution.sync:2")?.pattern, "sync:2");
    assert.equal(syncJobFor("states:startExecution.sync")?.pattern, "sync");
    assert.equal(syncJobFor("arn:aws:states:::batch:submitJob"), undefined);
    assert.equal(syncJobFor("arn:aws:states:::sqs:sendMessage.waitForTaskToken"), undefined);
    assert.equal(syncJobFor("arn:aws:states:::eks:runJob.sync"), undefined, "listed as unsupported");
    assert.equal(syncJobFor("arn:aws:lambda:us-east-1:111111111111:function:f"), undefined);
  });

  test("parameters that are not a JSON object fail with States.Runtime, as for request-response integrations; null is {}", () => {
    // ASL-6.2: a service integration's parameters are an API request, a JSON object (src/runtime/aws/sdk.ts parameters).
    for (const job of SYNC_JOBS) {
      for (const { shapes } of conversions(job)) {
        throwsStates(() => job.startInput([1], shapes.startInput), "States.Runtime", "JSON object");
        throwsStates(() => job.startInput("x", shapes.startInput), "States.Runtime", "JSON object");
      }
    }
    const glue = syncJobFor("glue:startJobRun.sync") as SyncJobSpec;
    assert.deepEqual(glue.startInput(null, runtimeShapes(glue).startInput), {});
  });

  test("every entry names its sources and the SDK classes it needs", () => {
    for (const job of SYNC_JOBS) {
      assert.ok(job.source.length > 20, job.resource);
      assert.match(job.sdk.package, /^@aws-sdk\/client-/);
      assert.match(job.sdk.start, /Command$/);
      assert.match(job.sdk.describe, /Command$/);
    }
  });
});

for (const job of SYNC_JOBS) {
  for (const { name, shapes } of conversions(job)) {
    describe(`${job.resource} (${name})`, () => {
      const fixture = fixtureFor(job);
      const view = (output: unknown): Json => deepFreeze(viewOf(shapes.describeOutput, output));

      test("start input: Step Functions' PascalCase parameters in the SDK's shape (map keys kept)", () => {
        assert.deepEqual(job.startInput(deepFreeze(fixture.parameters), shapes.startInput), fixture.startInput);
      });

      test("describe input built from the start call", () => {
        assert.deepEqual(job.pollInput(started(job, fixture, shapes)), fixture.pollInput);
      });

      test("the start call as Step Functions reports it", () => {
        assert.deepEqual(job.submitted(started(job, fixture, shapes)), fixture.submitted);
      });

      test("running statuses, an unknown status and an empty describe output keep the job running", () => {
        const start = started(job, fixture, shapes);
        for (const status of [...fixture.running, "SOME_FUTURE_STATE"]) {
          assert.deepEqual(job.check(view(fixture.describe(status)), start), { status: "running" }, status);
        }
        assert.deepEqual(job.check({}, start), { status: "running" });
      });

      if (job.resource === "ecs:runTask.sync") return; // STOPPED ends both ways; see the ECS tests below.

      for (const status of job.terminal.succeeded) {
        test(`${status} succeeds with the ${job.resultFrom === "start" ? "start call" : "describe output"} as the result`, () => {
          const outcome = job.check(view(fixture.describe(status)), started(job, fixture, shapes));
          assert.deepEqual(outcome, { status: "succeeded", result: job.resultFrom === "start" ? fixture.submitted : fixture.body(status) });
        });
      }

      for (const status of job.terminal.failed) {
        test(`${status} fails with States.TaskFailed, the describe output as the Cause`, () => {
          const outcome = job.check(view(fixture.describe(status)), started(job, fixture, shapes));
          assert.equal(outcome.status, "failed");
          if (outcome.status !== "failed") return;
          assert.equal(outcome.error, "States.TaskFailed");
          assert.deepEqual(JSON.parse(outcome.cause) as Json, fixture.body(status));
        });
      }
    });
  }
}

describe("states:startExecution results as AWS recorded them (LocalStack test_callback.snapshot.json)", () => {
  const sync = syncJobFor("states:startExecution.sync") as SyncJobSpec;
  const sync2 = syncJobFor("states:startExecution.sync:2") as SyncJobSpec;
  const fixture = fixtureFor(sync);
  const start = started(sync, fixture);
  const shapes = runtimeShapes(sync);

  test(".sync: DescribeExecution in PascalCase with Input and Output as JSON text (test_start_execution_sync)", () => {
    const outcome = sync.check(viewOf(shapes.describeOutput, fixture.describe("SUCCEEDED")), start);
    assert.ok(outcome.status === "succeeded");
    assert.deepEqual(Object.keys(outcome.result as object).sort(), ["ExecutionArn", "Input", "InputDetails", "Name", "Output", "OutputDetails", "StartDate", "StateMachineArn", "Status", "StopDate"]);
    assert.equal((outcome.result as { Output: Json }).Output, '{"Arg1":"argument1"}');
  });

  test(".sync:2: the same with Input and Output parsed (test_start_execution_sync2)", () => {
    const outcome = sync2.check(viewOf(runtimeShapes(sync2).describeOutput, fixture.describe("SUCCEEDED")), start);
    assert.ok(outcome.status === "succeeded");
    assert.deepEqual((outcome.result as { Output: Json }).Output, { Arg1: "argument1" });
    assert.deepEqual((outcome.result as { Input: Json }).Input, {});
  });

  test("a failed child: States.TaskFailed whose Cause carries the child's Error and Cause (test_start_execution_sync_delegate_failure)", () => {
    const outcome = sync.check(viewOf(shapes.describeOutput, fixture.describe("FAILED")), start);
    assert.ok(outcome.status === "failed");
    assert.equal(outcome.error, "States.TaskFailed");
    const cause = JSON.parse(outcome.cause) as Record<string, Json>;
    assert.equal(cause["Error"], "SomeFailure");
    assert.equal(cause["Cause"], "This state machines raises a 'SomeFailure' failure.");
    assert.equal(cause["Status"], "FAILED");
    assert.equal(cause["Input"], "{}");
  });

  test("Input: a JSON value is serialised, absent or null sends {} (the recorded child saw Input \"{}\" and {\"Payload\":null})", () => {
    assert.deepEqual(sync.startInput({ StateMachineArn: "m", Input: { Payload: null } }, shapes.startInput), { stateMachineArn: "m", input: '{"Payload":null}' });
    assert.deepEqual(sync.startInput({ StateMachineArn: "m" }, shapes.startInput), { stateMachineArn: "m", input: "{}" });
    assert.deepEqual(sync.startInput({ StateMachineArn: "m", Input: '{"a":1}' }, shapes.startInput), { stateMachineArn: "m", input: '{"a":1}' });
  });
});

describe("ecs:runTask.sync", () => {
  const job = syncJobFor("ecs:runTask.sync") as SyncJobSpec;
  const fixture = fixtureFor(job);
  const start = started(job, fixture);
  const shapes = runtimeShapes(job);
  const stopped = (containers: Array<Record<string, unknown>>, extra: Record<string, unknown> = {}): Json =>
    viewOf(shapes.describeOutput, { tasks: [{ taskArn: "t", lastStatus: "STOPPED", containers, ...extra }] });

  test("STOPPED with exit code 0: the task object, PascalCase, is the result (AWS-recorded test_run_task_sync)", () => {
    assert.deepEqual(job.check(viewOf(shapes.describeOutput, fixture.describe("STOPPED")), start), { status: "succeeded", result: fixture.body("STOPPED") });
  });

  test("a non-zero exit code fails with States.TaskFailed and the task as the Cause (aws/copilot-cli#3160)", () => {
    const outcome = job.check(stopped([{ name: "app", exitCode: 1 }]), start);
    assert.ok(outcome.status === "failed");
    assert.equal(outcome.error, "States.TaskFailed");
    assert.deepEqual(JSON.parse(outcome.cause), { TaskArn: "t", LastStatus: "STOPPED", Containers: [{ Name: "app", ExitCode: 1 }] });
  });

  test("a task that never ran a container (no exit code, or TaskFailedToStart) fails", () => {
    assert.equal(job.check(stopped([{ name: "app", reason: "CannotPullContainerError" }]), start).status, "failed");
    assert.equal(job.check(stopped([{ name: "app", exitCode: 0 }], { stopCode: "TaskFailedToStart" }), start).status, "failed");
  });

  test("with several tasks it waits for all of them and fails if any fails", () => {
    const two = (second: string, code: number) => viewOf(shapes.describeOutput, { tasks: [{ taskArn: "a", lastStatus: "STOPPED", containers: [{ exitCode: 0 }] }, { taskArn: "b", lastStatus: second, containers: [{ exitCode: code }] }] });
    assert.deepEqual(job.check(two("RUNNING", 0), start), { status: "running" });
    assert.equal(job.check(two("STOPPED", 2), start).status, "failed");
    const ok = job.check(two("STOPPED", 0), start);
    assert.ok(ok.status === "succeeded");
    assert.equal((ok.result as { TaskArn: string }).TaskArn, "a");
    assert.deepEqual(job.pollInput({ request: { cluster: "c" }, response: viewOf(shapes.startOutput, { tasks: [{ taskArn: "a" }, { taskArn: "b" }] }) }), { cluster: "c", tasks: ["a", "b"] });
  });

  test("a start response with failures, or without tasks, fails with AmazonECS.Unknown ([DG connect-ecs])", () => {
    const failures = { request: {}, response: viewOf(shapes.startOutput, { tasks: [], failures: [{ arn: "x", reason: "RESOURCE:MEMORY" }] }) };
    assert.deepEqual(job.startFailure?.(failures), { error: "AmazonECS.Unknown", cause: JSON.stringify({ Tasks: [], Failures: [{ Arn: "x", Reason: "RESOURCE:MEMORY" }] }) });
    assert.equal(job.startFailure?.({ request: {}, response: {} })?.error, "AmazonECS.Unknown");
    assert.equal(job.startFailure?.(start), undefined);
  });

  test("a StartedBy given in the parameters is kept", () => {
    assert.deepEqual(job.startInput({ TaskDefinition: "t", StartedBy: "me" }, shapes.startInput), { taskDefinition: "t", startedBy: "me" });
  });
});

describe("resource-specific details", () => {
  test("batch: a job not visible yet (jobs: []) is running", () => {
    const job = syncJobFor("batch:submitJob.sync") as SyncJobSpec;
    assert.deepEqual(job.check({ jobs: [] }, started(job, fixtureFor(job))), { status: "running" });
  });

  test("delete*.sync jobs end when the resource is gone", () => {
    const gone = SYNC_JOBS.filter((job) => job.goneErrors !== undefined).map((job) => job.resource);
    assert.deepEqual(gone.sort(), [
      "eks:deleteCluster.sync",
      "eks:deleteFargateProfile.sync",
      "eks:deleteNodegroup.sync",
      "emr-containers:deleteVirtualCluster.sync",
      "emr-serverless:deleteApplication.sync",
    ]);
  });

  test("results from the start call are the documented ones (EMR: ClusterId, StepId; EMR Serverless: ApplicationId)", () => {
    const fromStart = SYNC_JOBS.filter((job) => job.resultFrom === "start").map((job) => job.resource);
    assert.ok(fromStart.includes("elasticmapreduce:createCluster.sync"));
    assert.ok(fromStart.includes("elasticmapreduce:addStep.sync"));
    assert.ok(fromStart.includes("emr-serverless:createApplication.sync"));
    assert.ok(!fromStart.includes("batch:submitJob.sync"));
  });
});
