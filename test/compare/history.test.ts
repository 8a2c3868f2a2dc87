import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { after, describe, test } from "node:test";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { withDurableExecution } from "@aws/durable-execution-sdk-js";
import { LocalDurableTestRunner } from "@aws/durable-execution-sdk-js-testing";
import {
  HistoryError,
  NO_RECORDED_OUTCOME,
  parseHistories,
  parseHistoriesText,
  replayMocks,
  type RecordedExecution,
  type RecordedTaskOutcome,
} from "../../src/compare/history.js";
import type { Outcome } from "../../src/compare/types.js";
import { transpile } from "../../src/index.js";
import type { Json, TaskInfo, TaskOverride } from "../../src/runtime/index.js";
import { taskStates } from "../../src/ir/walk.js";
import { setupSkipTime, teardownSkipTime } from "../support/skip-time.js";

/*
 * Fixtures (fixtures/histories/) are in the format `aws stepfunctions get-execution-history --output json` prints:
 * event payloads (`input`, `output`, `parameters`, `cause`) are JSON text, events are chained by `previousEventId`
 * (a Task's scheduled event points at its TaskStateEntered, each later event of an attempt at the one before, a
 * retry's scheduled event at the failure before it), as in the AWS-recorded snapshots of LocalStack's test suite.
 */

const FIXTURES = fileURLToPath(new URL("../../fixtures/histories/", import.meta.url));
const read = (name: string): string => readFileSync(`${FIXTURES}${name}`, "utf8");
const fixture = (name: string): { events: Array<Record<string, unknown>> } => JSON.parse(read(name)) as { events: Array<Record<string, unknown>> };
const only = (executions: RecordedExecution[]): RecordedExecution => {
  assert.equal(executions.length, 1);
  return executions[0] as RecordedExecution;
};
const recorded = (name: string): RecordedExecution => only(parseHistoriesText(read(name), name));
/** The Payload of a recorded lambda:invoke result (the Invoke response envelope). */
function payloadOf(outcome: RecordedTaskOutcome | undefined): Json | undefined {
  assert.ok(outcome !== undefined && "result" in outcome, "a recorded result");
  return (outcome.result as { Payload?: Json }).Payload;
}
const outcomesOf = (execution: RecordedExecution, state: string): RecordedTaskOutcome[] => execution.taskOutcomes.get(state) ?? [];

const LAMBDA = (name: string): string => `arn:aws:lambda:us-east-1:123456789012:function:${name}`;
const INFO: TaskInfo = { state: "", resource: "", retryCount: 0, stateMachineArn: "", executionArn: "" };

/** Call an override; a thrown Error comes back as {name, message}. */
function call(tasks: Record<string, TaskOverride>, state: string, input: Json): { returned: unknown } | { name: string; message: string } {
  const override = tasks[state];
  assert.ok(override, `an override for ${state}`);
  try {
    return { returned: override(input, { ...INFO, state }) };
  } catch (error) {
    assert.ok(error instanceof Error);
    return { name: error.name, message: error.message };
  }
}

/** A history in the AWS format, built from compact events: ids and previousEventIds follow the list order. */
function history(...events: Array<[type: string, details?: Record<string, unknown>, previousEventId?: number]>): { events: Array<Record<string, unknown>> } {
  return {
    events: events.map(([type, details, previous], i) => ({
      timestamp: "2024-05-14T09:30:00.000000+00:00",
      type,
      id: i + 1,
      previousEventId: previous ?? i,
      ...(details === undefined ? {} : { [detailsKey(type)]: details }),
    })),
  };
}

function detailsKey(type: string): string {
  if (type.endsWith("StateEntered")) return "stateEnteredEventDetails";
  if (type.endsWith("StateExited")) return "stateExitedEventDetails";
  return `${type.charAt(0).toLowerCase()}${type.slice(1)}EventDetails`;
}

const started = (input: Json = {}): [string, Record<string, unknown>, number] => ["ExecutionStarted", { input: JSON.stringify(input), inputDetails: { truncated: false } }, 0];
const entered = (name: string, previous?: number): [string, Record<string, unknown>, number?] => ["TaskStateEntered", { name, input: "{}" }, previous];
const succeeded = (output: Json): [string, Record<string, unknown>] => ["ExecutionSucceeded", { output: JSON.stringify(output) }];

function throwsHistoryError(action: () => unknown, message: RegExp | string): void {
  assert.throws(action, (error: unknown) => {
    assert.ok(error instanceof HistoryError, `a HistoryError, got ${String(error)}`);
    if (typeof message === "string") assert.equal(error.message, message);
    else assert.match(error.message, message);
    return true;
  });
}

describe("parseHistories: the recorded input, outcome and Task outcomes", () => {
  test("a Lambda function called by ARN: LambdaFunctionScheduled/Started/Succeeded", () => {
    const execution = recorded("lambda-arn.history.json");
    assert.equal(execution.name, "lambda-arn.history.json");
    assert.deepEqual(execution.input, { name: "Ada" });
    assert.deepEqual(execution.outcome, { status: "SUCCEEDED", output: { name: "Ada", greeting: "Hello, Ada" } });
    // The recorded result is the function's raw return value (before ResultPath), with what it was called with.
    assert.deepEqual(outcomesOf(execution, "Greet"), [{ result: "Hello, Ada", parameters: { name: "Ada" }, eventId: 5 }]);
    assert.deepEqual([...execution.taskOutcomes.keys()], ["Greet"]);
    assert.deepEqual(execution.notes, []);
  });

  test("a retried Task: each attempt is its own outcome, in order (TaskFailed, then TaskSucceeded)", () => {
    const execution = recorded("retry.history.json");
    const [first, second, ...rest] = outcomesOf(execution, "Charge");
    assert.equal(rest.length, 0);
    const parameters = { FunctionName: LAMBDA("charge"), Payload: { order: "A-1", amount: 42 } };
    assert.deepEqual(first, {
      error: "Lambda.TooManyRequestsException",
      cause: "Rate Exceeded. (Service: Lambda, Status Code: 429, Request ID: 5a0a6b1e-55f4-4c29-9d34-0d4b8b0f5a11)",
      parameters,
      eventId: 5,
    });
    assert.ok(second && "result" in second);
    // lambda:invoke's raw result is the Invoke response envelope; ResultSelector picks the Payload afterwards.
    assert.deepEqual((second.result as { Payload: Json }).Payload, { receipt: "R-77" });
    assert.equal((second.result as { StatusCode: number }).StatusCode, 200);
    assert.deepEqual(second.parameters, parameters);
    assert.equal(second.eventId, 8);
    assert.deepEqual(execution.outcome, { status: "SUCCEEDED", output: { order: "A-1", amount: 42, charge: { receipt: "R-77" } } });
  });

  test("a failed execution: ExecutionFailed's error and cause are the outcome", () => {
    const execution = recorded("failed.history.json");
    assert.equal(execution.outcome.status, "FAILED");
    const outcome = execution.outcome as Extract<Outcome, { status: "FAILED" }>;
    assert.equal(outcome.error, "ValidationError");
    assert.equal((JSON.parse(outcome.cause) as { errorMessage: string }).errorMessage, "amount must be positive");
    assert.deepEqual(outcomesOf(execution, "Validate"), [
      { error: "ValidationError", cause: outcome.cause, parameters: { FunctionName: LAMBDA("validate"), Payload: { order: "B-2", amount: -5 } }, eventId: 5 },
    ]);
  });

  test("a Parallel whose branches' events interleave: previousEventId chains give each event its own state", () => {
    // Events 4 and 5 enter both branches; 6 schedules LookupStock, 7 LookupCustomer, whose events then alternate.
    const execution = recorded("parallel.history.json");
    const customer = outcomesOf(execution, "LookupCustomer");
    const stock = outcomesOf(execution, "LookupStock");
    assert.equal(customer.length, 1);
    assert.deepEqual(payloadOf(customer[0]), { id: "C-9", name: "Grace" });
    assert.deepEqual(customer[0]?.parameters, { FunctionName: LAMBDA("customers"), Payload: { id: "C-9" } });
    assert.deepEqual(
      stock.map((o) => ("error" in o ? o.error : (o.result as { Payload: Json }).Payload)),
      ["Lambda.ServiceException", { sku: "S-3", available: 7 }],
    );
    assert.deepEqual(stock.map((o) => o.parameters), [{ FunctionName: LAMBDA("stock"), Payload: { sku: "S-3" } }, { FunctionName: LAMBDA("stock"), Payload: { sku: "S-3" } }]);
  });

  test("a Map whose concurrent iterations call one Task: outcomes in the order they ended, each with its parameters", () => {
    const execution = recorded("map.history.json");
    const price = outcomesOf(execution, "Price");
    assert.deepEqual(
      price.map((o) => [o.parameters, payloadOf(o)]),
      [
        [{ FunctionName: LAMBDA("price"), Payload: { sku: "C" } }, { sku: "C", price: 30 }],
        [{ FunctionName: LAMBDA("price"), Payload: { sku: "B" } }, { sku: "B", price: 20 }],
        [{ FunctionName: LAMBDA("price"), Payload: { sku: "A" } }, { sku: "A", price: 10 }],
      ],
    );
  });

  test("without previousEventId, a Task event belongs to the latest TaskStateEntered before it (right for sequential runs)", () => {
    const doc = fixture("retry.history.json");
    for (const event of doc.events) delete event["previousEventId"];
    assert.deepEqual(only(parseHistories(doc)).taskOutcomes, recorded("retry.history.json").taskOutcomes);
  });

  test("the documented limit: without previousEventId, interleaved branches are given to the latest TaskStateEntered", () => {
    const doc = fixture("parallel.history.json");
    for (const event of doc.events) delete event["previousEventId"];
    const execution = only(parseHistories(doc));
    assert.equal(execution.taskOutcomes.has("LookupCustomer"), false);
    assert.equal(outcomesOf(execution, "LookupStock").length, 3);
  });

  test("events newest first (--reverse-order) read like oldest first", () => {
    const doc = fixture("retry.history.json");
    const reversed = { events: [...doc.events].reverse() };
    assert.deepEqual(only(parseHistories(reversed, "retry.history.json")), recorded("retry.history.json"));
  });

  test("keys outside the events (boto3's ResponseMetadata) are ignored; name or executionArn names the run", () => {
    const doc = { ...fixture("lambda-arn.history.json"), ResponseMetadata: { HTTPStatusCode: 200, HTTPHeaders: {} } };
    assert.equal(only(parseHistories(doc, "h.json")).name, "h.json");
    assert.equal(only(parseHistories({ ...doc, name: "greet-ada" })).name, "greet-ada");
    assert.equal(only(parseHistories({ ...doc, executionArn: "arn:aws:states:us-east-1:123456789012:execution:m:e" })).name, "arn:aws:states:us-east-1:123456789012:execution:m:e");
    assert.equal(only(parseHistories(doc)).name, "history");
  });

  test("execution time-out and abort are failed outcomes; an abort is noted as not reproducible", () => {
    const timedOut = only(parseHistories(history(started(), ["ExecutionTimedOut", { error: "States.Timeout", cause: "" }])));
    assert.deepEqual(timedOut.outcome, { status: "FAILED", error: "States.Timeout", cause: "" });
    const bare = only(parseHistories(history(started(), ["ExecutionTimedOut"])));
    assert.deepEqual(bare.outcome, { status: "FAILED", error: "States.Timeout", cause: "" });
    const aborted = only(parseHistories(history(started(), ["ExecutionAborted", { cause: "stopped by operator" }])));
    assert.deepEqual(aborted.outcome, { status: "FAILED", error: "ExecutionAborted", cause: "stopped by operator" });
    assert.match(aborted.notes[0] ?? "", /aborted/);
  });

  test("time-outs, start failures and activity events are attempts too; a missing error defaults by kind", () => {
    // ASL-9: a Task that runs past TimeoutSeconds fails with States.Timeout.
    const execution = only(
      parseHistories(
        history(
          started(),
          entered("Work"),
          ["TaskScheduled", { resourceType: "lambda", resource: "invoke", region: "us-east-1", parameters: '{"a":1}' }],
          ["TaskStarted", { resourceType: "lambda", resource: "invoke" }],
          ["TaskTimedOut", { resourceType: "lambda", resource: "invoke" }],
          ["TaskScheduled", { resourceType: "lambda", resource: "invoke", region: "us-east-1", parameters: '{"a":1}' }],
          ["TaskStartFailed", { resourceType: "lambda", resource: "invoke", error: "Lambda.AWSLambdaException", cause: "denied" }],
          ["TaskScheduled", { resourceType: "lambda", resource: "invoke", region: "us-east-1", parameters: '{"a":1}' }],
          ["TaskFailed", { resourceType: "lambda", resource: "invoke" }],
          entered("Legacy", 9),
          ["LambdaFunctionScheduled", { resource: LAMBDA("legacy"), input: '{"b":2}' }],
          ["LambdaFunctionTimedOut", { error: "States.Timeout" }],
          ["LambdaFunctionScheduleFailed", { error: "Lambda.ResourceNotFoundException", cause: "no such function" }],
          entered("Human", 13),
          ["ActivityScheduled", { resource: "arn:aws:states:us-east-1:123456789012:activity:approve", input: '{"c":3}' }],
          ["ActivityStarted", { workerName: "w-1" }],
          ["ActivityFailed", { error: "Rejected", cause: "no" }],
          ["ActivityScheduled", { resource: "arn:aws:states:us-east-1:123456789012:activity:approve", input: '{"c":3}' }],
          ["ActivityStarted", { workerName: "w-1" }],
          ["ActivitySucceeded", { output: '{"approved":true}' }],
          succeeded({ approved: true }),
        ),
      ),
    );
    const strip = (outcomes: RecordedTaskOutcome[]): unknown[] => outcomes.map(({ eventId: _eventId, ...rest }) => rest);
    assert.deepEqual(strip(outcomesOf(execution, "Work")), [
      { error: "States.Timeout", cause: "", parameters: { a: 1 } },
      { error: "Lambda.AWSLambdaException", cause: "denied", parameters: { a: 1 } },
      { error: "States.TaskFailed", cause: "", parameters: { a: 1 } },
    ]);
    // A schedule failure ends the attempt the scheduled event began; the next attempt has no parameters recorded.
    assert.deepEqual(strip(outcomesOf(execution, "Legacy")), [
      { error: "States.Timeout", cause: "", parameters: { b: 2 } },
      { error: "Lambda.ResourceNotFoundException", cause: "no such function" },
    ]);
    assert.deepEqual(strip(outcomesOf(execution, "Human")), [
      { error: "Rejected", cause: "no", parameters: { c: 3 } },
      { result: { approved: true }, parameters: { c: 3 } },
    ]);
  });

  test("a scheduled payload that is truncated is not used for matching", () => {
    const execution = only(
      parseHistories(
        history(
          started(),
          entered("Big"),
          ["LambdaFunctionScheduled", { resource: LAMBDA("big"), input: '{"part', inputDetails: { truncated: true } }],
          ["LambdaFunctionStarted"],
          ["LambdaFunctionSucceeded", { output: "1" }],
          succeeded(1),
        ),
      ),
    );
    assert.deepEqual(outcomesOf(execution, "Big"), [{ result: 1, eventId: 5 }]);
  });

  test("a distributed Map is noted: its child executions' Task events are not in the parent's history", () => {
    const execution = only(parseHistories(history(started(), ["MapStateEntered", { name: "Big", input: "{}" }], ["MapRunStarted", { mapRunArn: "arn:aws:states:::mapRun:m/Big:1" }], succeeded([]))));
    assert.match(execution.notes[0] ?? "", /^event 3: a distributed Map/);
  });
});

describe("parseHistories: files of several executions", () => {
  test('{"executions": [...]}: one run per response, named by its executionArn or name', () => {
    const executions = parseHistoriesText(read("executions.json"), "executions.json");
    assert.deepEqual(
      executions.map((e) => e.name),
      ["arn:aws:states:us-east-1:123456789012:execution:charge-order:a-1", "a-2-throttled"],
    );
    assert.deepEqual(executions[0]?.outcome, recorded("retry.history.json").outcome);
    const throttled = executions[1] as RecordedExecution;
    assert.deepEqual(throttled.input, { order: "A-2", amount: 7 });
    assert.equal(throttled.outcome.status, "FAILED");
    // MaxAttempts 3: the first attempt and three retries, all throttled (ASL-9 Retry).
    assert.deepEqual(outcomesOf(throttled, "Charge").map((o) => ("error" in o ? o.error : "result")), Array(4).fill("Lambda.TooManyRequestsException"));
  });

  test("an array of responses: runs named after the file and their index", () => {
    const executions = parseHistories([fixture("lambda-arn.history.json"), fixture("failed.history.json")], "both.json");
    assert.deepEqual(executions.map((e) => [e.name, e.outcome.status]), [["both.json[0]", "SUCCEEDED"], ["both.json[1]", "FAILED"]]);
  });

  test("JSON Lines: one response per line, blank lines skipped, runs named by line", () => {
    const executions = parseHistoriesText(`${read("runs.jsonl")}\n\n`, "runs.jsonl");
    assert.deepEqual(executions.map((e) => [e.name, e.outcome.status]), [["runs.jsonl line 1", "SUCCEEDED"], ["runs.jsonl line 2", "FAILED"]]);
    assert.deepEqual(executions[0]?.taskOutcomes, recorded("retry.history.json").taskOutcomes);
  });

  test("a single line of JSON is one response", () => {
    const line = read("runs.jsonl").split("\n")[0] as string;
    assert.equal(parseHistoriesText(line, "one.json").length, 1);
  });
});

describe("parseHistories: malformed histories name the file, the execution and the event", () => {
  const retry = (): { events: Array<Record<string, unknown>> } => fixture("retry.history.json");
  const withEvent = (doc: { events: Array<Record<string, unknown>> }, id: number, change: (event: Record<string, unknown>) => void) => {
    const event = doc.events.find((e) => e["id"] === id);
    assert.ok(event);
    change(event);
    return doc;
  };

  test("text that is neither JSON nor JSON Lines", () => {
    throwsHistoryError(() => parseHistoriesText("{\n  oops\n}", "h.json"), /^h\.json: not valid JSON \(/);
    throwsHistoryError(() => parseHistoriesText("  \n", "h.json"), "h.json: the file is empty");
  });

  test("a bad line in JSON Lines", () => {
    const lines = read("runs.jsonl").split("\n");
    const text = [lines[0], "{not json", lines[1]].join("\n");
    throwsHistoryError(() => parseHistoriesText(text, "runs.jsonl"), /^runs\.jsonl, line 2: not valid JSON \(.*\); in JSON Lines each line is one GetExecutionHistory response$/);
  });

  test("values that are not histories", () => {
    throwsHistoryError(() => parseHistories({ foo: 1 }, "h.json"), /^h\.json: expected the output of "aws stepfunctions get-execution-history"/);
    throwsHistoryError(() => parseHistories([], "h.json"), "h.json: no executions");
    throwsHistoryError(() => parseHistories({ executions: {} }, "h.json"), 'h.json: "executions" must be an array of GetExecutionHistory responses');
    throwsHistoryError(() => parseHistories({ executions: [retry(), 3] }, "h.json"), /^h\.json, executions\[1\]: expected a GetExecutionHistory response \(\{"events": \[\.\.\.\]\}\), found number 3$/);
    throwsHistoryError(() => parseHistories({ events: {} }, "h.json"), 'h.json: "events" must be an array, found an object');
    throwsHistoryError(() => parseHistories({ events: [] }, "h.json"), "h.json: the history has no events");
  });

  test("one page of a longer history", () => {
    throwsHistoryError(() => parseHistories({ ...retry(), NextToken: "eyJ..." }, "h.json"), /^h\.json: the response has a NextToken: it is one page of a longer history/);
  });

  test("events without a valid id, type or previousEventId", () => {
    const noId = retry();
    delete noId.events[2]?.["id"];
    throwsHistoryError(() => parseHistories([retry(), noId], "h.json"), 'h.json, [1], events[2]: "id" must be a positive integer, found nothing');
    throwsHistoryError(() => parseHistories(withEvent(retry(), 3, (e) => (e["type"] = 7)), "h.json"), 'h.json, events[2]: "type" must be a non-empty string, found number 7');
    throwsHistoryError(() => parseHistories(withEvent(retry(), 3, (e) => (e["previousEventId"] = 3)), "h.json"), 'h.json, event 3 (TaskScheduled): "previousEventId" 3 does not precede the event');
  });

  test("events out of order", () => {
    const doc = retry();
    const [a, b] = [doc.events[3], doc.events[4]] as [Record<string, unknown>, Record<string, unknown>];
    doc.events[3] = b;
    doc.events[4] = a;
    throwsHistoryError(() => parseHistories(doc, "h.json"), "h.json, event 4 (TaskStarted): events out of order: event 4 comes after event 5");
    const repeated = retry();
    repeated.events[4] = { ...repeated.events[4], id: 4, previousEventId: 3 };
    throwsHistoryError(() => parseHistories(repeated, "h.json"), /^h\.json, event 4 \(TaskFailed\): events out of order: event 4 comes after event 4$/);
  });

  test("a history that does not start with ExecutionStarted, or starts twice", () => {
    const doc = retry();
    doc.events.shift();
    throwsHistoryError(() => parseHistories(doc, "h.json"), "h.json, event 2 (TaskStateEntered): the first event must be ExecutionStarted");
    throwsHistoryError(() => parseHistories(history(started(), started(), succeeded(1)), "h.json"), "h.json, event 2 (ExecutionStarted): a second ExecutionStarted event");
  });

  test("an execution that has not ended, or events after its end", () => {
    const running = retry();
    running.events.pop();
    throwsHistoryError(() => parseHistories(running, "h.json"), /^h\.json: the execution has not ended: no ExecutionSucceeded, ExecutionFailed, ExecutionTimedOut or ExecutionAborted event/);
    throwsHistoryError(
      () => parseHistories(history(started(), succeeded(1), ["PassStateEntered", { name: "P", input: "{}" }]), "h.json"),
      "h.json, event 3 (PassStateEntered): the execution already ended at event 2 (ExecutionSucceeded); no event may follow",
    );
  });

  test("payloads that are not JSON text", () => {
    const doc = { executions: [fixture("lambda-arn.history.json"), withEvent(retry(), 8, (e) => ((e["taskSucceededEventDetails"] as Record<string, unknown>)["output"] = "{oops"))] };
    throwsHistoryError(() => parseHistories(doc, "h.json"), /^h\.json, executions\[1\], event 8 \(TaskSucceeded\): taskSucceededEventDetails\.output is not valid JSON \(/);
    // LocalStack's snapshots store payloads parsed; GetExecutionHistory returns them as JSON text.
    const parsed = withEvent(retry(), 1, (e) => ((e["executionStartedEventDetails"] as Record<string, unknown>)["input"] = { order: "A-1" }));
    throwsHistoryError(() => parseHistories(parsed, "h.json"), "h.json, event 1 (ExecutionStarted): executionStartedEventDetails.input must be JSON text (a string), found an object");
    const params = withEvent(retry(), 3, (e) => ((e["taskScheduledEventDetails"] as Record<string, unknown>)["parameters"] = "{"));
    throwsHistoryError(() => parseHistories(params, "h.json"), /^h\.json, event 3 \(TaskScheduled\): taskScheduledEventDetails\.parameters is not valid JSON/);
  });

  test("payloads left out (--no-include-execution-data) or truncated", () => {
    const noData = withEvent(retry(), 1, (e) => delete (e["executionStartedEventDetails"] as Record<string, unknown>)["input"]);
    throwsHistoryError(
      () => parseHistories(noData, "h.json"),
      "h.json, event 1 (ExecutionStarted): executionStartedEventDetails.input is missing (was the history fetched with --no-include-execution-data?)",
    );
    const truncated = withEvent(retry(), 8, (e) => ((e["taskSucceededEventDetails"] as Record<string, unknown>)["outputDetails"] = { truncated: true }));
    throwsHistoryError(
      () => parseHistories(truncated, "h.json"),
      "h.json, event 8 (TaskSucceeded): taskSucceededEventDetails.output is truncated (outputDetails.truncated): the recorded value cannot be replayed",
    );
    const noDetails = withEvent(retry(), 10, (e) => delete e["executionSucceededEventDetails"]);
    throwsHistoryError(() => parseHistories(noDetails, "h.json"), "h.json, event 10 (ExecutionSucceeded): executionSucceededEventDetails must be an object, found nothing");
  });

  test("Task events without a state, and states without a name", () => {
    throwsHistoryError(
      () => parseHistories(history(started(), ["TaskScheduled", { parameters: "{}" }], succeeded(1)), "h.json"),
      "h.json, event 2 (TaskScheduled): no TaskStateEntered event precedes this Task event",
    );
    throwsHistoryError(
      () => parseHistories(history(started(), ["TaskStateEntered", { input: "{}" }], succeeded(1)), "h.json"),
      "h.json, event 2 (TaskStateEntered): stateEnteredEventDetails.name must be the state's name, found nothing",
    );
    throwsHistoryError(
      () => parseHistories(history(started(), entered("T"), ["TaskFailed", { error: 5 }], succeeded(1)), "h.json"),
      "h.json, event 3 (TaskFailed): taskFailedEventDetails.error must be a string, found number 5",
    );
  });

  test("a redriven execution", () => {
    throwsHistoryError(
      () => parseHistories(history(started(), ["ExecutionRedriven", { redriveCount: 1 }], succeeded(1)), "h.json"),
      "h.json, event 2 (ExecutionRedriven): the execution was redriven: its history holds several runs, which cannot be replayed as one",
    );
  });
});

describe("replayMocks", () => {
  test("each call takes the state's next recorded outcome; none left is Replay.NoRecordedOutcome", () => {
    const tasks = replayMocks(recorded("retry.history.json"));
    const input = { FunctionName: LAMBDA("charge"), Payload: { order: "A-1", amount: 42 } };
    assert.deepEqual(call(tasks, "Charge", input), {
      name: "Lambda.TooManyRequestsException",
      message: "Rate Exceeded. (Service: Lambda, Status Code: 429, Request ID: 5a0a6b1e-55f4-4c29-9d34-0d4b8b0f5a11)",
    });
    const second = call(tasks, "Charge", input);
    assert.ok("returned" in second);
    assert.deepEqual((second.returned as { Payload: Json }).Payload, { receipt: "R-77" });
    assert.deepEqual(call(tasks, "Charge", input), {
      name: NO_RECORDED_OUTCOME,
      message: 'no recorded outcome left for Task state "Charge": the recorded execution ran it 2 times',
    });
  });

  test("concurrent Map iterations: the outcome whose recorded parameters equal the call's input", () => {
    // Recorded in the order C, B, A; called here in the order B, A, C.
    const tasks = replayMocks(recorded("map.history.json"));
    const price = (sku: string): unknown => {
      const result = call(tasks, "Price", { FunctionName: LAMBDA("price"), Payload: { sku } });
      return "returned" in result ? (result.returned as { Payload: Json }).Payload : result;
    };
    assert.deepEqual(price("B"), { sku: "B", price: 20 });
    assert.deepEqual(price("A"), { sku: "A", price: 10 });
    assert.deepEqual(price("C"), { sku: "C", price: 30 });
  });

  test("parameters compare as JSON values (key order does not matter); no match falls back to recorded order", () => {
    const tasks = replayMocks(recorded("map.history.json"));
    const payload = (input: Json): unknown => {
      const result = call(tasks, "Price", input);
      return "returned" in result ? (result.returned as { Payload: Json }).Payload : result;
    };
    assert.deepEqual(payload({ Payload: { sku: "A" }, FunctionName: LAMBDA("price") }), { sku: "A", price: 10 });
    assert.deepEqual(payload({ FunctionName: LAMBDA("price"), Payload: { sku: "Z" } }), { sku: "C", price: 30 });
    assert.deepEqual(payload({ FunctionName: LAMBDA("price"), Payload: { sku: "B" } }), { sku: "B", price: 20 });
  });

  test("Tasks the recorded execution never ran fail instead of calling their integration", () => {
    const tasks = replayMocks(recorded("lambda-arn.history.json"), ["Greet", "Audit"]);
    assert.deepEqual(Object.keys(tasks).sort(), ["Audit", "Greet"]);
    assert.deepEqual(call(tasks, "Audit", {}), { name: NO_RECORDED_OUTCOME, message: 'no recorded outcome left for Task state "Audit": the recorded execution never ran it' });
  });

  test("every set of overrides starts afresh, and results are copies", () => {
    const execution = recorded("lambda-arn.history.json");
    const first = replayMocks(execution);
    assert.deepEqual(call(first, "Greet", { name: "Ada" }), { returned: "Hello, Ada" });
    assert.deepEqual(call(replayMocks(execution), "Greet", { name: "Ada" }), { returned: "Hello, Ada" });
    const map = recorded("map.history.json");
    const result = call(replayMocks(map), "Price", { FunctionName: LAMBDA("price"), Payload: { sku: "C" } });
    assert.ok("returned" in result);
    (result.returned as { Payload: { price: number } }).Payload.price = 0;
    assert.deepEqual(payloadOf(outcomesOf(map, "Price")[0]), { sku: "C", price: 30 });
  });

  test("a state named __proto__ is an own override", () => {
    const execution = only(parseHistories(history(started(), entered("__proto__"), ["TaskSucceeded", { output: "1" }], succeeded(1))));
    const tasks = replayMocks(execution);
    assert.ok(Object.hasOwn(tasks, "__proto__"));
    assert.deepEqual(call(tasks, "__proto__", {}), { returned: 1 });
  });
});

describe("replay end to end: the generated handler, mocked by the recorded Task outcomes, ends as AWS recorded", () => {
  const GENERATED = fileURLToPath(new URL("../.generated/compare-history/", import.meta.url));
  after(teardownSkipTime);

  async function replay(name: string, execution: RecordedExecution): Promise<Outcome> {
    const result = await transpile(read(`${name}.asl.json`), { stateMachineName: name });
    assert.ok(result.ir && result.code !== "", result.diagnostics.map((d) => `${d.code} ${d.message}`).join("; "));
    mkdirSync(GENERATED, { recursive: true });
    const file = `${GENERATED}${name}.ts`;
    writeFileSync(file, result.code);
    await setupSkipTime();
    const module = (await import(pathToFileURL(file).href)) as { makeHandler: (o: { tasks: Record<string, TaskOverride> }) => ReturnType<typeof withDurableExecution> };
    const tasks = replayMocks(execution, taskStates(result.ir).map((s) => s.origin.name));
    const run = await new LocalDurableTestRunner({ handlerFunction: module.makeHandler({ tasks }) }).run({ payload: execution.input });
    return run.getStatus() === "SUCCEEDED"
      ? { status: "SUCCEEDED", output: run.getResult() as Json }
      : { status: "FAILED", error: run.getError()?.errorType ?? "", cause: run.getError()?.errorMessage ?? "" };
  }

  for (const name of ["lambda-arn", "retry", "failed", "parallel", "map"]) {
    test(name, async () => {
      const execution = recorded(`${name}.history.json`);
      assert.deepEqual(await replay(name, execution), execution.outcome);
    });
  }

  test("a run that strays from the recorded one ends differently, with Replay.NoRecordedOutcome", async () => {
    // With no recorded outcomes the Task fails at its first call (the error is not in the Retry's ErrorEquals), so
    // the run ends with Replay.NoRecordedOutcome; with the throttled run's four failures it ends as that run did.
    const [, throttled] = parseHistoriesText(read("executions.json"), "executions.json") as [RecordedExecution, RecordedExecution];
    const empty: RecordedExecution = { ...throttled, taskOutcomes: new Map() };
    const outcome = await replay("retry", empty);
    assert.equal(outcome.status, "FAILED");
    assert.equal((outcome as { error: string }).error, NO_RECORDED_OUTCOME);
    assert.deepEqual(await replay("retry", throttled), throttled.outcome);
  });
});
