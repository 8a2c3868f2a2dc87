import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { after, before, beforeEach, describe, test } from "node:test";
import { fileURLToPath, pathToFileURL } from "node:url";
import { InvokeCommand, LambdaClient } from "@aws-sdk/client-lambda";
import type { withDurableExecution } from "@aws/durable-execution-sdk-js";
import { LocalDurableTestRunner, WaitingOperationStatus, type TestResult } from "@aws/durable-execution-sdk-js-testing";
import { mockClient } from "aws-sdk-client-mock";
import { transpile } from "../../src/index.js";
import type { Json, TaskOverride } from "../../src/runtime/index.js";
import { setupSkipTime, teardownSkipTime } from "../support/skip-time.js";

/**
 * `.waitForTaskToken` Tasks (ASL-6.2) as durable callbacks, end to end: the generated handler runs in the testing
 * runner, the Lambda client is mocked (aws-sdk-client-mock; nothing calls AWS), and the test plays the worker: it
 * reads the task token from the request the Task sent and completes, fails or heartbeats the callback the way a worker
 * would with SendDurableExecutionCallbackSuccess / …Failure / …Heartbeat. Callback timers run in real time even with
 * skipTime (durable-sdk.md §5), so the timeout cases use 1–2 s.
 */
const GENERATED_DIR = fileURLToPath(new URL("../.generated/callbacks/", import.meta.url));
type HandlerModule = { makeHandler: (options?: { tasks?: Record<string, TaskOverride> }) => ReturnType<typeof withDurableExecution> };

const lambda = mockClient(LambdaClient);

function machine(task: Record<string, unknown>): Record<string, unknown> {
  return {
    StartAt: "Approve",
    States: {
      Approve: {
        Type: "Task",
        Resource: "arn:aws:states:::lambda:invoke.waitForTaskToken",
        Parameters: { FunctionName: "ask-a-human", Payload: { "token.$": "$$.Task.Token", "order.$": "$.order" } },
        ResultPath: "$.approval",
        Catch: [{ ErrorEquals: ["States.ALL"], ResultPath: "$.error", Next: "Rejected" }],
        End: true,
        ...task,
      },
      Rejected: { Type: "Pass", End: true },
    },
  };
}

async function load(definition: unknown): Promise<HandlerModule> {
  const result = await transpile(definition);
  assert.deepEqual(result.diagnostics.filter((d) => d.severity === "error").map((d) => d.message), []);
  mkdirSync(GENERATED_DIR, { recursive: true });
  const file = `${GENERATED_DIR}m-${createHash("sha1").update(result.code).digest("hex").slice(0, 12)}.ts`;
  writeFileSync(file, result.code);
  return (await import(pathToFileURL(file).href)) as HandlerModule;
}

/** The Payload the Task sent to the worker function (the last Invoke). */
function sentPayload(): { token: string; order: Json } {
  const calls = lambda.commandCalls(InvokeCommand);
  const payload = calls.at(-1)?.args[0].input.Payload;
  assert.ok(payload instanceof Uint8Array, "the request step invoked the worker function");
  return JSON.parse(new TextDecoder().decode(payload)) as { token: string; order: Json };
}

function outcome(execution: TestResult): unknown {
  return execution.getStatus() === "SUCCEEDED" ? { output: execution.getResult() } : { error: execution.getError()?.errorType, cause: execution.getError()?.errorMessage };
}

describe(".waitForTaskToken → durable callback", () => {
  before(setupSkipTime);
  after(() => teardownSkipTime());
  beforeEach(() => {
    lambda.reset();
    // An asynchronous-style answer: no payload (the worker answers through the callback).
    lambda.on(InvokeCommand).resolves({ StatusCode: 202 });
  });

  test("the token in the request is the callback id; the worker's JSON answer is the result (ResultPath)", async () => {
    const { makeHandler } = await load(machine({ TimeoutSeconds: 3600, HeartbeatSeconds: 600 }));
    const runner = new LocalDurableTestRunner({ handlerFunction: makeHandler() });
    const running = runner.run({ payload: { order: "o-1" } });
    const callback = runner.getOperation("Approve (callback)");
    await callback.waitForData(WaitingOperationStatus.STARTED);
    await runner.getOperation("Approve (request)").waitForData(WaitingOperationStatus.COMPLETED);
    const sent = sentPayload();
    assert.equal(sent.order, "o-1");
    assert.equal(sent.token, callback.getCallbackDetails()?.callbackId, "$$.Task.Token is the durable callback id");
    await callback.sendCallbackHeartbeat();
    await callback.sendCallbackSuccess(JSON.stringify({ approved: true, by: "ann" }));
    assert.deepEqual(outcome(await running), { output: { order: "o-1", approval: { approved: true, by: "ann" } } });
  });

  test("SendDurableExecutionCallbackFailure fails the state with the worker's ErrorType and ErrorMessage (Catch sees them)", async () => {
    const { makeHandler } = await load(machine({}));
    const runner = new LocalDurableTestRunner({ handlerFunction: makeHandler() });
    const running = runner.run({ payload: { order: "o-2" } });
    const callback = runner.getOperation("Approve (callback)");
    await callback.waitForData(WaitingOperationStatus.STARTED);
    await runner.getOperation("Approve (request)").waitForData(WaitingOperationStatus.COMPLETED);
    await callback.sendCallbackFailure({ ErrorType: "Approval.Rejected", ErrorMessage: "over budget" });
    assert.deepEqual(outcome(await running), { output: { order: "o-2", error: { Error: "Approval.Rejected", Cause: "over budget" } } });
  });

  test("TimeoutSeconds expiring is States.Timeout", async () => {
    const { makeHandler } = await load(machine({ TimeoutSeconds: 1, Catch: [{ ErrorEquals: ["States.Timeout"], ResultPath: "$.error", Next: "Rejected" }] }));
    const execution = await new LocalDurableTestRunner({ handlerFunction: makeHandler() }).run({ payload: { order: "o-3" } });
    const result = outcome(execution) as { output: { error: { Error: string } } };
    assert.equal(result.output.error.Error, "States.Timeout");
  });

  test("HeartbeatSeconds expiring is States.HeartbeatTimeout, not States.Timeout", async () => {
    const { makeHandler } = await load(
      machine({ TimeoutSeconds: 60, HeartbeatSeconds: 1, Catch: [{ ErrorEquals: ["States.HeartbeatTimeout"], ResultPath: "$.error", Next: "Rejected" }] }),
    );
    const execution = await new LocalDurableTestRunner({ handlerFunction: makeHandler() }).run({ payload: { order: "o-4" } });
    const result = outcome(execution) as { output: { error: { Error: string } } };
    assert.equal(result.output.error.Error, "States.HeartbeatTimeout");
  });

  test("a failed request (the worker function cannot be invoked) fails the state with the integration's error", async () => {
    lambda.on(InvokeCommand).rejects(Object.assign(new Error("Function not found: ask-a-human"), { name: "ResourceNotFoundException" }));
    const { makeHandler } = await load(machine({}));
    const execution = await new LocalDurableTestRunner({ handlerFunction: makeHandler() }).run({ payload: { order: "o-5" } });
    const result = outcome(execution) as { output: { error: { Error: string } } };
    assert.equal(result.output.error.Error, "Lambda.ResourceNotFoundException");
  });

  test("a tasks override stands in for the request and the worker: its return value is the result", async () => {
    const { makeHandler } = await load(machine({}));
    const seen: Json[] = [];
    const tasks: Record<string, TaskOverride> = { Approve: (input) => (seen.push(input), { approved: false }) };
    const execution = await new LocalDurableTestRunner({ handlerFunction: makeHandler({ tasks }) }).run({ payload: { order: "o-6" } });
    assert.deepEqual(outcome(execution), { output: { order: "o-6", approval: { approved: false } } });
    assert.equal(lambda.commandCalls(InvokeCommand).length, 0);
    assert.equal((seen[0] as { Payload: { order: string } }).Payload.order, "o-6");
  });
});
