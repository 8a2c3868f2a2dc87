import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { main } from "../../src/cli/main.js";
import { compare } from "../../src/compare/compare.js";
import { teardownSkipTime } from "../../src/compare/environment.js";
import { mocksToTasks, type MockSpec } from "../../src/mocks/mocks.js";
import type { CompareResult } from "../../src/compare/types.js";
import type { TaskOverride } from "../../src/runtime/index.js";

/**
 * `compare` (issue #5): the reference interpreter and the generated handler on the same input and mocks. The bundled
 * order-processing example must agree run for run; a mock that answers differently the second time it is built must
 * be caught as a difference; recorded histories replay to their recorded outcome; the CLI's exit statuses are 0 / 1 / 2.
 */
const read = (file: string): unknown => JSON.parse(readFileSync(file, "utf8")) as unknown;
const DEFINITION = readFileSync("fixtures/order-processing.asl.json", "utf8");
const INPUT = read("fixtures/order-processing.input.json");
const MOCKS = read("fixtures/order-processing.mocks.json") as MockSpec;

async function cli(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const status = await main(args, { out: (t) => void (stdout += `${t}\n`), err: (t) => void (stderr += `${t}\n`), isTTY: false });
  return { status, stdout, stderr };
}

describe("compare", () => {
  after(teardownSkipTime);

  test("the bundled example: same outcome on both sides, the path beside the operations, and counts for the cost", async () => {
    const result = await compare(DEFINITION, { runs: [{ name: "input", input: INPUT as never, tasks: () => mocksToTasks(MOCKS) }], stateMachineName: "order-processing" });
    const run = result.runs[0];
    assert.ok(run);
    assert.equal(run.verdict, "same");
    assert.deepEqual(run.differences, []);
    assert.equal(result.exitCode, 0);
    assert.equal(run.interpreter.outcome.status, "SUCCEEDED");
    assert.deepEqual(run.handler.outcome, run.interpreter.outcome);
    // The poll loop runs twice before "Shipped?" takes the Notify branch (the mocks' Check Shipment answers).
    assert.deepEqual(run.interpreter.path.slice(0, 9), ["Validate Order", "Is Order Valid?", "Charge Card", "Wait For Shipment", "Check Shipment", "Shipped?", "Wait For Shipment", "Check Shipment", "Shipped?"]);
    assert.equal(run.interpreter.path.at(-1), "Order Complete");
    // Step Functions bills every state entered plus the retried attempt of Charge Card.
    assert.equal(run.metrics.stateTransitions, run.interpreter.path.length + 1);
    assert.ok(run.handler.operations.some((o) => o.type === "WAIT" && o.name === "Wait For Shipment"));
    assert.equal(run.metrics.durableOperations, run.handler.operations.length + 1, "the execution's start counts as an operation");
    // Two 300 s waits, and one retry delay drawn with FULL jitter from [0, 2] s (ASL-9), all on the virtual clock.
    assert.ok(run.metrics.elapsedSeconds >= 600 && run.metrics.elapsedSeconds <= 602, `elapsed ${run.metrics.elapsedSeconds} s`);
    assert.ok(run.cost.stepFunctions.total > 0 && run.cost.durable.total > 0);
    // The history is shaped like Step Functions': entered/exited pairs and task events.
    const types = run.interpreter.history.map((e) => e.type);
    assert.equal(types[0], "ExecutionStarted");
    assert.equal(types.at(-1), "ExecutionSucceeded");
    assert.ok(types.includes("TaskFailed") && types.includes("WaitStateEntered") && types.includes("ParallelStateExited"));
  });

  test("a difference is reported with its path (here a mock that answers differently on its second side)", async () => {
    let built = 0;
    const tasks = (): Record<string, TaskOverride> => {
      const side = ++built;
      return { ...mocksToTasks(MOCKS), "Validate Order": () => ({ valid: true, checkedBy: side }) };
    };
    const result = await compare(DEFINITION, { runs: [{ name: "flaky", input: INPUT as never, tasks }], stateMachineName: "order-processing" });
    const run = result.runs[0];
    assert.equal(run?.verdict, "different");
    assert.equal(result.exitCode, 1);
    assert.deepEqual(run?.differences, [{ path: "$.validation.checkedBy", interpreter: 2, handler: 1 }]);
  });

  test("a Task without a mock fails with Compare.NoMock on both sides, never calling AWS", async () => {
    const result = await compare(DEFINITION, { runs: [{ name: "no mocks", input: INPUT as never, tasks: () => ({}) }] });
    const run = result.runs[0];
    assert.equal(run?.verdict, "same");
    assert.deepEqual(run?.handler.outcome.status === "FAILED" ? run.handler.outcome.error : undefined, "Compare.NoMock");
  });

  test("deploy-time placeholders in Parameters: without values both sides fail alike (States.Runtime); with substitutions both run them", async () => {
    const definition = {
      StartAt: "Store",
      States: { Store: { Type: "Task", Resource: "arn:aws:states:::dynamodb:putItem", Parameters: { TableName: "${OrdersTable}", Item: {} }, End: true } },
    };
    let seen: unknown;
    const tasks = (): Record<string, TaskOverride> => ({ Store: (input) => ((seen = input), {}) });
    const missing = (await compare(definition, { runs: [{ name: "input", input: {}, tasks }] })).runs[0];
    assert.equal(missing?.verdict, "same");
    assert.deepEqual(missing?.handler.outcome.status === "FAILED" ? missing.handler.outcome.error : undefined, "States.Runtime");
    const given = (await compare(definition, { runs: [{ name: "input", input: {}, tasks }], substitutions: { OrdersTable: "orders-prod" } })).runs[0];
    assert.equal(given?.handler.outcome.status, "SUCCEEDED");
    assert.deepEqual(seen, { TableName: "orders-prod", Item: {} });
  });

  test("CLI: --history replays every recorded execution to its recorded outcome (exit 0), --format json is the structured result", async () => {
    const r = await cli("compare", "fixtures/histories/retry.asl.json", "--history", "fixtures/histories/executions.json", "--format", "json");
    assert.equal(r.status, 0, r.stderr);
    const result = JSON.parse(r.stdout) as CompareResult;
    assert.equal(result.runs.length, 2);
    for (const run of result.runs) {
      assert.equal(run.verdict, "same");
      assert.deepEqual(run.handler.outcome, run.recorded);
    }
  });

  test("CLI: text output names the verdict; a differing run is exit 1; a missing file or bad mocks is exit 2", async () => {
    const ok = await cli("compare", "fixtures/order-processing.asl.json", "--input", "fixtures/order-processing.input.json", "--mocks", "fixtures/order-processing.mocks.json");
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /run input: same/);
    assert.match(ok.stdout, /verdict: the handler matches the state machine on every run/);
    assert.match(ok.stdout, /state transitions/);

    const dir = mkdtempSync(join(tmpdir(), "asl2durable-compare-"));
    const flaky = join(dir, "flaky.mjs");
    writeFileSync(flaky, `let n = 0;\nexport function tasks() { const side = ++n; return { "Validate Order": () => ({ valid: side === 1 }) }; }\n`);
    const differs = await cli("compare", "fixtures/order-processing.asl.json", "--input", "fixtures/order-processing.input.json", "--mocks", flaky);
    assert.equal(differs.status, 1);
    assert.match(differs.stdout, /run input: DIFFERENT/);

    assert.equal((await cli("compare", "no/such.asl.json")).status, 2);
    const badMocks = join(dir, "bad.json");
    writeFileSync(badMocks, JSON.stringify({ "Validate Order": { returns: 1 } }));
    const bad = await cli("compare", "fixtures/order-processing.asl.json", "--mocks", badMocks);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--mocks .*bad\.json: "Validate Order"\[0\]: expected/);
  });
});
