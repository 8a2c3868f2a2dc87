import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { planHappyPath, type HappyPathPlan } from "../../src/companions/happy-path/plan.js";
import { interpret } from "../../src/interpret/interpreter.js";
import type { MachineIR } from "../../src/ir/types.js";
import type { Json } from "../../src/runtime/index.js";
import { corpusManifest, corpusText } from "../support/shared.js";
import { fakeS3, machineOf, recordingTasks } from "./support.js";

/**
 * The happy-path planner (src/companions/happy-path): the input and mocks it derives must drive the machine where it
 * says. Each plan is checked against the reference interpreter (src/interpret), an independent run of the same
 * runtime semantics: same outcome, same Tasks called.
 */

async function plan(definition: unknown): Promise<{ machine: MachineIR; plan: HappyPathPlan }> {
  const machine = await machineOf(definition);
  return { machine, plan: await planHappyPath(machine, { stateMachineName: "M" }) };
}

/** Run the interpreter on the plan's input and mocks: the outcome and the Tasks it called. */
async function replay(machine: MachineIR, p: HappyPathPlan): Promise<{ status: string; error?: string; called: string[]; path: string[] }> {
  const { tasks, called } = recordingTasks(p);
  const s3 = fakeS3(p.datasets);
  const run = await interpret(machine, p.input as Json, { tasks, stateMachineName: "M", substitutions: p.substitutions, s3: { Client: s3.Client, GetObject: s3.GetObject, ListObjectsV2: s3.ListObjectsV2, PutObject: s3.PutObject } });
  const out = { status: run.outcome.status, called: [...called].sort(), path: run.path };
  return run.outcome.status === "FAILED" ? { ...out, error: run.outcome.error } : out;
}

async function assertConsistent(machine: MachineIR, p: HappyPathPlan): Promise<void> {
  const run = await replay(machine, p);
  assert.equal(run.status, p.outcome.kind === "succeeded" ? "SUCCEEDED" : "FAILED", `the interpreter disagrees with the plan: ${JSON.stringify(run)}`);
  assert.deepEqual(run.called, p.calls);
  if (p.outcome.kind === "failed" && p.outcome.exact) assert.equal(run.error, p.outcome.error);
}

const lambda = (name: string) => `arn:aws:lambda:us-east-1:123456789012:function:${name}`;

describe("Choice rules (ASL-6.3) are steered to the first rule that reaches a successful end", () => {
  test("an earlier rule leading to a Fail is made false, the next one true", async () => {
    const { machine, plan: p } = await plan({
      StartAt: "Route",
      States: {
        Route: {
          Type: "Choice",
          Choices: [
            { Variable: "$.amount", NumericGreaterThan: 1000, Next: "Too Big" },
            { Variable: "$.amount", NumericGreaterThan: 0, Next: "Charge" },
          ],
          Default: "Invalid",
        },
        Charge: { Type: "Task", Resource: lambda("charge"), End: true },
        "Too Big": { Type: "Fail", Error: "TooBig" },
        Invalid: { Type: "Fail", Error: "Invalid" },
      },
    });
    const amount = (p.input as { amount: number }).amount;
    assert.ok(amount > 0 && amount <= 1000, `amount ${amount}`);
    assert.deepEqual(p.decisions, [{ state: "Route", rule: 1, next: "Charge" }]);
    assert.deepEqual(p.calls, ["Charge"]);
    assert.equal(p.outcome.kind, "succeeded");
    await assertConsistent(machine, p);
  });

  test("And / Or / Not and string, boolean and timestamp operators", async () => {
    const { machine, plan: p } = await plan({
      StartAt: "Check",
      States: {
        Check: {
          Type: "Choice",
          Choices: [
            {
              And: [
                { Variable: "$.tier", StringEquals: "gold" },
                { Not: { Variable: "$.blocked", BooleanEquals: true } },
                { Or: [{ Variable: "$.since", TimestampLessThan: "2020-01-01T00:00:00Z" }, { Variable: "$.code", StringMatches: "VIP-*" }] },
              ],
              Next: "Done",
            },
          ],
          Default: "Rejected",
        },
        Done: { Type: "Succeed" },
        Rejected: { Type: "Fail", Error: "Rejected" },
      },
    });
    assert.equal(p.outcome.kind, "succeeded");
    const input = p.input as Record<string, unknown>;
    assert.equal(input["tier"], "gold");
    assert.equal(input["blocked"], false);
    await assertConsistent(machine, p);
  });

  test("a polling loop is left by its exit: the status the Task returns ends the loop", async () => {
    const { machine, plan: p } = await plan({
      StartAt: "Start Job",
      States: {
        "Start Job": { Type: "Task", Resource: lambda("start"), ResultPath: "$.job", Next: "Wait" },
        Wait: { Type: "Wait", Seconds: 60, Next: "Get Status" },
        "Get Status": { Type: "Task", Resource: lambda("status"), ResultPath: "$.status", Next: "Done?" },
        "Done?": {
          Type: "Choice",
          Choices: [
            { Variable: "$.status.state", StringEquals: "RUNNING", Next: "Wait" },
            { Variable: "$.status.state", StringEquals: "SUCCEEDED", Next: "Finished" },
          ],
          Default: "Failed",
        },
        Finished: { Type: "Succeed" },
        Failed: { Type: "Fail", Error: "JobFailed" },
      },
    });
    assert.deepEqual(p.mocks["Get Status"], { state: "SUCCEEDED" });
    assert.deepEqual(p.trace, ["Start Job", "Wait", "Get Status", "Done?", "Finished"]);
    await assertConsistent(machine, p);
  });

  test("a value a Parameters template copied is changed where it was read from", async () => {
    const { machine, plan: p } = await plan({
      StartAt: "Shape",
      States: {
        Shape: { Type: "Pass", Parameters: { "n.$": "$.count" }, Next: "Enough?" },
        "Enough?": { Type: "Choice", Choices: [{ Variable: "$.n", NumericEquals: 5, Next: "Done" }], Default: "Short" },
        Done: { Type: "Succeed" },
        Short: { Type: "Fail", Error: "Short" },
      },
    });
    assert.deepEqual(p.input, { count: 5 });
    await assertConsistent(machine, p);
  });

  test("JSONata conditions: comparisons, `and`, `in` and a variable assigned from a Task result", async () => {
    const { machine, plan: p } = await plan({
      QueryLanguage: "JSONata",
      StartAt: "Lookup",
      States: {
        Lookup: { Type: "Task", Resource: lambda("lookup"), Assign: { status: "{% $states.result.status %}" }, Next: "Route" },
        Route: {
          Type: "Choice",
          Choices: [
            { Condition: "{% $status in ['failed', 'cancelled'] %}", Next: "Failed" },
            { Condition: "{% $states.input.count > 3 and $status = 'ok' %}", Next: "Done" },
          ],
          Default: "Failed",
        },
        Done: { Type: "Succeed" },
        Failed: { Type: "Fail", Error: "Failed" },
      },
    });
    // Route's input is Lookup's output, its raw result (JSONata Output defaults to $states.result): both come from the mock.
    const result = p.mocks["Lookup"] as { status: string; count: number };
    assert.equal(result.status, "ok");
    assert.ok(result.count > 3);
    await assertConsistent(machine, p);
  });
});

describe("values are created with the kind their use needs", () => {
  test("ItemsPath gets an array with one item; intrinsic arguments get their kinds (ASL-5)", async () => {
    const { machine, plan: p } = await plan({
      StartAt: "Prepare",
      States: {
        Prepare: {
          Type: "Pass",
          Parameters: {
            "total.$": "States.MathAdd($.base, 1)",
            "config.$": "States.StringToJson($.configText)",
            "first.$": "States.ArrayGetItem($.list, 0)",
            "items.$": "$.lines",
          },
          Next: "Each",
        },
        Each: {
          Type: "Map",
          ItemsPath: "$.items",
          ItemProcessor: { StartAt: "Line", States: { Line: { Type: "Task", Resource: lambda("line"), Parameters: { "sku.$": "$.sku" }, End: true } } },
          Next: "Later",
        },
        Later: { Type: "Wait", TimestampPath: "$[0].when", End: true },
      },
    });
    const input = p.input as Record<string, unknown>;
    assert.equal(typeof input["base"], "number");
    assert.doesNotThrow(() => JSON.parse(input["configText"] as string));
    assert.ok(Array.isArray(input["list"]) && (input["list"] as unknown[]).length >= 1);
    const lines = input["lines"] as Array<Record<string, unknown>>;
    assert.equal(lines.length, 1, "one item, so that the processor runs");
    assert.equal(typeof lines[0]?.["sku"], "string");
    // The Map's output is the processor's outputs, here the Task's raw result: TimestampPath reads its mock.
    assert.ok(!Number.isNaN(Date.parse(String((p.mocks["Line"] as Record<string, unknown>)["when"]))));
    assert.deepEqual(p.calls, ["Line"]);
    await assertConsistent(machine, p);
  });

  test("fields a Task's ResultPath copy misses are created in the input it copied (ASL-3.1 step 7)", async () => {
    const { machine, plan: p } = await plan({
      StartAt: "Fetch",
      States: {
        Fetch: { Type: "Task", Resource: lambda("fetch"), ResultPath: "$.fetched", Next: "Gold?" },
        "Gold?": { Type: "Choice", Choices: [{ Variable: "$.customer.tier", StringEquals: "gold", Next: "Done" }], Default: "No" },
        Done: { Type: "Succeed" },
        No: { Type: "Fail", Error: "No" },
      },
    });
    assert.deepEqual(p.input, { customer: { tier: "gold" } });
    assert.deepEqual(p.mocks["Fetch"], {});
    await assertConsistent(machine, p);
  });
});

describe("values read through Parallel and Map results, copies and parsed JSON are created where they come from", () => {
  test("JSONata: `$states.result[1].ok` reads the second branch's output, the Task result of that branch", async () => {
    const { machine, plan: p } = await plan({
      QueryLanguage: "JSONata",
      StartAt: "Ship",
      States: {
        Ship: {
          Type: "Parallel",
          Branches: [
            { StartAt: "Label", States: { Label: { Type: "Pass", Output: { label: "L" }, End: true } } },
            { StartAt: "Notify", States: { Notify: { Type: "Task", Resource: lambda("notify"), End: true } } },
          ],
          // ASL-3.2: a field that gives no value fails with States.QueryEvaluationError.
          Output: { label: "{% $states.result[0].label %}", notified: "{% $states.result[1].ok %}" },
          Next: "Done",
        },
        Done: { Type: "Succeed" },
      },
    });
    assert.equal(p.outcome.kind, "succeeded", JSON.stringify(p.outcome));
    assert.ok(Object.hasOwn(p.mocks["Notify"] as object, "ok"));
    await assertConsistent(machine, p);
  });

  test("JSONata: an indexed variable (`$lines[0].sku`) reaches the value it was assigned from", async () => {
    const { machine, plan: p } = await plan({
      QueryLanguage: "JSONata",
      StartAt: "Load",
      States: {
        Load: { Type: "Task", Resource: lambda("load"), Assign: { lines: "{% $states.result.lines %}" }, Next: "First" },
        First: { Type: "Pass", Output: { sku: "{% $uppercase($lines[0].sku) %}" }, End: true },
      },
    });
    assert.equal(p.outcome.kind, "succeeded", JSON.stringify(p.outcome));
    assert.equal(typeof (p.mocks["Load"] as { lines: Array<{ sku: unknown }> }).lines[0]?.sku, "string");
    await assertConsistent(machine, p);
  });

  test("`$` of a value the planner created (OutputPath, InputPath) is replaced as a whole: here by the items of a Map", async () => {
    const { machine, plan: p } = await plan({
      StartAt: "Read",
      States: {
        Read: { Type: "Task", Resource: "arn:aws:states:::lambda:invoke", Parameters: { FunctionName: "read", "Payload.$": "$" }, OutputPath: "$.Payload", Next: "Each" },
        // No ItemsPath: the items are the whole input (`$`, ASL-6.8), the Invoke result's Payload.
        Each: { Type: "Map", ItemProcessor: { StartAt: "Rows", States: { Rows: { Type: "Map", InputPath: "$.rows", ItemProcessor: { StartAt: "Row", States: { Row: { Type: "Pass", End: true } } }, End: true } } }, End: true },
      },
    });
    assert.equal(p.outcome.kind, "succeeded", JSON.stringify(p.outcome));
    const payload = (p.mocks["Read"] as { Payload: Array<{ rows: unknown }> }).Payload;
    assert.ok(Array.isArray(payload) && Array.isArray(payload[0]?.rows));
    await assertConsistent(machine, p);
  });

  test("States.StringToJson: fields later states read are written into the JSON text it parses", async () => {
    const { machine, plan: p } = await plan({
      StartAt: "Get Manifest",
      States: {
        "Get Manifest": {
          Type: "Task",
          Resource: "arn:aws:states:::aws-sdk:s3:getObject",
          Parameters: { Bucket: "config", Key: "manifest.json" },
          ResultSelector: { "manifest.$": "States.StringToJson($.Body)" },
          ResultPath: "$.config",
          Next: "Kind?",
        },
        "Kind?": { Type: "Choice", Choices: [{ Variable: "$.config.manifest.kind", StringEquals: "daily", Next: "Query" }], Default: "Unknown" },
        Query: { Type: "Task", Resource: "arn:aws:states:::aws-sdk:dynamodb:query", Parameters: { "TableName.$": "$.config.manifest.table" }, End: true },
        Unknown: { Type: "Fail", Error: "Unknown" },
      },
    });
    assert.equal(p.outcome.kind, "succeeded", JSON.stringify(p.outcome));
    const manifest = JSON.parse((p.mocks["Get Manifest"] as { Body: string }).Body) as Record<string, unknown>;
    assert.equal(manifest["kind"], "daily");
    assert.equal(typeof manifest["table"], "string");
    await assertConsistent(machine, p);
  });

  test("`$$.Map.Item.Value` copied by Parameters is changed in the items: a number for States.MathAdd", async () => {
    const { machine, plan: p } = await plan({
      StartAt: "Double",
      States: {
        Double: {
          Type: "Map",
          ItemsPath: "$.numbers",
          Parameters: { "n.$": "$$.Map.Item.Value", "pos.$": "$$.Map.Item.Index" },
          Iterator: { StartAt: "Add", States: { Add: { Type: "Pass", Parameters: { "value.$": "States.MathAdd($.n, $.pos)" }, End: true } } },
          End: true,
        },
      },
    });
    assert.equal(p.outcome.kind, "succeeded", JSON.stringify(p.outcome));
    assert.equal(typeof (p.input as { numbers: unknown[] }).numbers[0], "number");
    await assertConsistent(machine, p);
  });

  test("a negative index (Jayway: from the end) gets an array long enough", async () => {
    const { machine, plan: p } = await plan({ StartAt: "Pick", States: { Pick: { Type: "Pass", InputPath: "$.books[-2]", End: true } } });
    assert.equal(p.outcome.kind, "succeeded", JSON.stringify(p.outcome));
    assert.ok((p.input as { books: unknown[] }).books.length >= 2);
    await assertConsistent(machine, p);
  });

  test("a filter `[?(@.Name == …)]` finds an item that passes it, one per filtered value", async () => {
    const { machine, plan: p } = await plan({
      StartAt: "Detect",
      States: {
        Detect: {
          Type: "Task",
          Resource: "arn:aws:states:::aws-sdk:rekognition:detectLabels",
          Parameters: { Image: "image" },
          ResultSelector: { "receipt.$": "$.Labels[?(@.Name == 'Receipt')]", "total.$": "$.Labels[?(@.Name == 'Total')].Value" },
          Next: "Receipt?",
        },
        "Receipt?": { Type: "Choice", Choices: [{ Variable: "$.receipt[0].Confidence", NumericGreaterThanEquals: 80, Next: "Record" }], Default: "Not A Receipt" },
        Record: { Type: "Task", Resource: lambda("record"), Parameters: { "total.$": "$.total[0]" }, End: true },
        "Not A Receipt": { Type: "Fail", Error: "NotAReceipt" },
      },
    });
    assert.equal(p.outcome.kind, "succeeded", JSON.stringify(p.outcome));
    const labels = (p.mocks["Detect"] as { Labels: Array<Record<string, unknown>> }).Labels;
    assert.deepEqual(labels.map((l) => l["Name"]).sort(), ["Receipt", "Total"]);
    await assertConsistent(machine, p);
  });
});

describe("intrinsic functions (ASL-5) get arguments that satisfy them, not only of their kinds", () => {
  test("ArrayGetItem with a path index, of StringSplit; MathRandom start below end; a Format template read from a path", async () => {
    const { machine, plan: p } = await plan({
      StartAt: "Shape",
      States: {
        Shape: {
          Type: "Pass",
          Parameters: {
            "item.$": "States.ArrayGetItem($.list, $.index)",
            "name.$": "States.ArrayGetItem(States.StringSplit($.arn, '/'), 1)",
            "roll.$": "States.MathRandom($.low, $.high)",
            "text.$": "States.Format($.template, $.first, $.last)",
          },
          End: true,
        },
      },
    });
    assert.equal(p.outcome.kind, "succeeded", JSON.stringify(p.outcome));
    const input = p.input as { list: unknown[]; index: number; arn: string; low: number; high: number; template: string };
    assert.ok(input.list.length > input.index);
    assert.ok(input.arn.split("/").filter((s) => s !== "").length >= 2);
    assert.ok(input.low < input.high);
    assert.equal(input.template.split("{}").length - 1, 2);
    await assertConsistent(machine, p);
  });
});

describe("Choice steering, continued", () => {
  test("the tests of an And on one Variable are satisfied together, a `…Path` operand around a fixed Variable", async () => {
    const { machine, plan: p } = await plan({
      StartAt: "Check",
      States: {
        Check: {
          Type: "Choice",
          Choices: [
            {
              And: [
                { Variable: "$.name", StringMatches: "widget-*" },
                { Variable: "$.name", StringLessThanPath: "$.limit" },
                { Variable: "$.name", StringGreaterThan: "widget-1" },
                { Variable: "$.name", StringLessThanEquals: "widget-42" },
                { Variable: "$.name", StringGreaterThanEquals: "widget-42" },
              ],
              Next: "Done",
            },
          ],
          Default: "Wrong",
        },
        Done: { Type: "Succeed" },
        Wrong: { Type: "Fail", Error: "Wrong" },
      },
    });
    assert.equal(p.outcome.kind, "succeeded", JSON.stringify(p.outcome));
    assert.equal((p.input as { name: string }).name, "widget-42");
    await assertConsistent(machine, p);
  });

  test("a rule on `$[0]` of an object result replaces the result with an array (judged by the next run)", async () => {
    const { machine, plan: p } = await plan({
      StartAt: "Inspect",
      States: {
        Inspect: { Type: "Task", Resource: lambda("inspect"), Next: "Valid?" },
        "Valid?": { Type: "Choice", Choices: [{ Variable: "$[0].valid", NumericEquals: 1, Next: "Done" }], Default: "Invalid" },
        Done: { Type: "Succeed" },
        Invalid: { Type: "Fail", Error: "Invalid" },
      },
    });
    assert.equal(p.outcome.kind, "succeeded", JSON.stringify(p.outcome));
    assert.deepEqual(p.mocks["Inspect"], [{ valid: 1 }]);
    await assertConsistent(machine, p);
  });

  test("a branch that fails further on is avoided: the plan takes the next one (JSONata, through `$number`)", async () => {
    const { machine, plan: p } = await plan({
      QueryLanguage: "JSONata",
      StartAt: "Has Data?",
      States: {
        "Has Data?": { Type: "Choice", Choices: [{ Condition: "{% $number($states.input.failed) > 0 %}", Next: "Extract" }], Default: "Nothing" },
        // $states.context.Task.Token exists only for a callback Task (ASL-7): this Task always fails.
        Extract: { Type: "Task", Resource: lambda("extract"), Arguments: { token: "{% $states.context.Task.Token %}" }, End: true },
        Nothing: { Type: "Succeed" },
      },
    });
    assert.equal(p.outcome.kind, "succeeded", JSON.stringify(p.outcome));
    assert.deepEqual(p.decisions, [{ state: "Has Data?", rule: -1, next: "Nothing" }]);
    assert.ok(!((p.input as { failed: number }).failed > 0));
    await assertConsistent(machine, p);
  });
});

describe("failures", () => {
  test("a failure a Catcher handles is followed like the runtime does (ASL-9)", async () => {
    const { machine, plan: p } = await plan({
      StartAt: "Race",
      States: {
        Race: {
          Type: "Parallel",
          Branches: [{ StartAt: "Boom", States: { Boom: { Type: "Fail", Error: "Done.Early" } } }],
          Catch: [{ ErrorEquals: ["Done.Early"], ResultPath: "$.early", Next: "Finished" }],
          Next: "Finished",
        },
        Finished: { Type: "Succeed" },
      },
    });
    assert.equal(p.outcome.kind, "succeeded");
    await assertConsistent(machine, p);
  });

  test("a JSONata Fail Error reads the input: the plan gives it a value (not a QueryEvaluationError)", async () => {
    const { machine, plan: p } = await plan({ QueryLanguage: "JSONata", StartAt: "Stop", States: { Stop: { Type: "Fail", Error: "{% $states.input.code %}" } } });
    assert.equal(p.outcome.kind === "failed" ? p.outcome.error : "", (p.input as { code: string }).code);
    assert.equal((await replay(machine, p)).error, (p.input as { code: string }).code);
  });

  test("the machine's TimeoutSeconds is counted against the Waits, as the runtime's clock does", async () => {
    const { machine, plan: p } = await plan({
      StartAt: "Long Wait",
      TimeoutSeconds: 5,
      States: { "Long Wait": { Type: "Wait", Seconds: 60, Next: "Finished" }, Finished: { Type: "Pass", End: true } },
    });
    assert.equal(p.outcome.kind === "failed" ? p.outcome.error : "", "States.Timeout");
    await assertConsistent(machine, p);
  });

  test("a machine without a successful end plans its failure", async () => {
    const { machine, plan: p } = await plan({ StartAt: "Nope", States: { Nope: { Type: "Fail", Error: "Always", Cause: "by design" } } });
    assert.deepEqual(p.outcome, { kind: "failed", state: "Nope", error: "Always", cause: "by design", exact: true });
    await assertConsistent(machine, p);
  });
});

test("plans are deterministic", async () => {
  const definition = readFileSync(new URL("../../fixtures/order-processing.asl.json", import.meta.url), "utf8");
  const machine = await machineOf(definition);
  const [a, b] = [await planHappyPath(machine), await planHappyPath(machine)];
  assert.deepEqual(a, b);
  assert.ok(a.converged);
});

test("every valid corpus definition that transpiles: the plan agrees with the reference interpreter", async () => {
  let checked = 0;
  for (const row of corpusManifest().filter((r) => r.file.startsWith("valid/"))) {
    const text = corpusText(row.file);
    let machine: MachineIR;
    try {
      machine = await machineOf(text);
    } catch {
      continue;
    }
    const p = await planHappyPath(machine, { stateMachineName: "M" });
    try {
      await assertConsistent(machine, p);
    } catch (error) {
      throw new Error(`${row.file}: ${(error as Error).message}`);
    }
    checked++;
  }
  assert.ok(checked > 250, `only ${checked} definitions checked`);
});

test("every transpile fixture: the plan agrees with the reference interpreter", async () => {
  const dir = new URL("../../fixtures/transpile/", import.meta.url);
  let checked = 0;
  for (const name of readdirSync(dir)) {
    const file = new URL(`${name}/definition.asl.json`, dir);
    if (!existsSync(file)) continue;
    const machine = await machineOf(readFileSync(file, "utf8"));
    const p = await planHappyPath(machine, { stateMachineName: "M" });
    try {
      await assertConsistent(machine, p);
    } catch (error) {
      throw new Error(`${name}: ${(error as Error).message}`);
    }
    checked++;
  }
  assert.ok(checked > 30, `only ${checked} fixtures checked`);
});
