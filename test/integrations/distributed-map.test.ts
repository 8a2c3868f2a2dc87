import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { Readable } from "node:stream";
import { after, before, beforeEach, describe, test } from "node:test";
import { fileURLToPath, pathToFileURL } from "node:url";
import { GetObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { sdkStreamMixin } from "@smithy/util-stream";
import type { withDurableExecution } from "@aws/durable-execution-sdk-js";
import { LocalDurableTestRunner, type TestResult } from "@aws/durable-execution-sdk-js-testing";
import { mockClient } from "aws-sdk-client-mock";
import { transpile } from "../../src/index.js";
import type { HandlerOptions, Json, TaskOverride } from "../../src/runtime/index.js";
import { setupSkipTime, teardownSkipTime } from "../support/skip-time.js";

/**
 * Distributed Map (ASL-6.8) end to end: the generated handler reads its dataset from a mocked S3 (aws-sdk-client-mock),
 * batches it, runs the children and exports the results; tolerance and variable scoping as the reference states them.
 */
const GENERATED_DIR = fileURLToPath(new URL("../.generated/distributed-map/", import.meta.url));
type HandlerModule = { makeHandler: (options?: HandlerOptions) => ReturnType<typeof withDurableExecution> };
const s3 = mockClient(S3Client);

async function run(definition: unknown, payload: Json, tasks: Record<string, TaskOverride> = {}, substitutions?: Record<string, string>): Promise<{ execution: TestResult; code: string }> {
  const result = await transpile(definition);
  assert.deepEqual(result.diagnostics.filter((d) => d.severity === "error").map((d) => d.message), []);
  mkdirSync(GENERATED_DIR, { recursive: true });
  const file = `${GENERATED_DIR}m-${createHash("sha1").update(result.code).digest("hex").slice(0, 12)}.ts`;
  writeFileSync(file, result.code);
  const module = (await import(pathToFileURL(file).href)) as HandlerModule;
  const options: HandlerOptions = substitutions === undefined ? { tasks } : { tasks, substitutions };
  return { execution: await new LocalDurableTestRunner({ handlerFunction: module.makeHandler(options) }).run({ payload }), code: result.code };
}

const outcome = (e: TestResult): unknown => (e.getStatus() === "SUCCEEDED" ? { output: e.getResult() } : { error: e.getError()?.errorType });
const processor = (states: Record<string, unknown>, startAt: string): Record<string, unknown> => ({ ProcessorConfig: { Mode: "DISTRIBUTED", ExecutionType: "STANDARD" }, StartAt: startAt, States: states });

describe("Distributed Map (mocked S3)", () => {
  before(setupSkipTime);
  after(() => teardownSkipTime());
  beforeEach(() => s3.reset());

  test("deploy-time placeholders in the ItemReader and ResultWriter (a SAM DefinitionSubstitutions bucket) are replaced when the state runs", async () => {
    s3.on(GetObjectCommand, { Bucket: "metrics-prod", Key: "daily.json" }).resolves({ Body: sdkStreamMixin(Readable.from([Buffer.from(JSON.stringify([{ id: 1 }]))])) });
    s3.on(PutObjectCommand).resolves({});
    const definition = {
      StartAt: "Process",
      States: {
        Process: {
          Type: "Map",
          ItemReader: { Resource: "arn:aws:states:::s3:getObject", ReaderConfig: { InputType: "JSON" }, Parameters: { Bucket: "${MetricsBucket}", Key: "daily.json" } },
          ItemProcessor: processor({ Echo: { Type: "Pass", End: true } }, "Echo"),
          ResultWriter: { Resource: "arn:aws:states:::s3:putObject", Parameters: { Bucket: "${ResultsBucket}", Prefix: "out" } },
          End: true,
        },
      },
    };
    const { execution, code } = await run(definition, {}, {}, { MetricsBucket: "metrics-prod", ResultsBucket: "results-prod" });
    assert.match(code, /placeholders: \["MetricsBucket", "ResultsBucket"\]/);
    assert.equal(execution.getStatus(), "SUCCEEDED", JSON.stringify(outcome(execution)));
    assert.deepEqual(s3.commandCalls(GetObjectCommand).map((c) => c.args[0].input.Bucket), ["metrics-prod"]);
    assert.ok(s3.commandCalls(PutObjectCommand).every((c) => c.args[0].input.Bucket === "results-prod"));
    // Without a value: States.Runtime naming the variable, before any read.
    s3.resetHistory();
    const missing = await run(definition, {}, {}, { ResultsBucket: "results-prod" });
    assert.equal(missing.execution.getError()?.errorType, "States.Runtime");
    assert.match(missing.execution.getError()?.errorMessage ?? "", /environment variable MetricsBucket/);
    assert.equal(s3.commandCalls(GetObjectCommand).length, 0);
  });

  test("ItemReader (JSON in S3) → ItemBatcher → children → ResultWriter export summary", async () => {
    s3.on(GetObjectCommand, { Bucket: "data", Key: "orders.json" }).resolves({ Body: sdkStreamMixin(Readable.from([Buffer.from(JSON.stringify([{ id: 1 }, { id: 2 }, { id: 3 }]))])) });
    s3.on(PutObjectCommand).resolves({});
    const definition = {
      StartAt: "Process",
      States: {
        Process: {
          Type: "Map",
          Label: "orders",
          ItemReader: { Resource: "arn:aws:states:::s3:getObject", ReaderConfig: { InputType: "JSON" }, Parameters: { Bucket: "data", "Key.$": "$.key" } },
          ItemBatcher: { MaxItemsPerBatch: 2, BatchInput: { "run.$": "$.run" } },
          ItemProcessor: processor({ Count: { Type: "Pass", Parameters: { "n.$": "States.ArrayLength($.Items)", "run.$": "$.BatchInput.run" }, End: true } }, "Count"),
          ResultWriter: { Resource: "arn:aws:states:::s3:putObject", Parameters: { Bucket: "results", Prefix: "out" } },
          End: true,
        },
      },
    };
    const { execution, code } = await run(definition, { key: "orders.json", run: "r-1" });
    assert.match(code, /import \{ GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client \} from "@aws-sdk\/client-s3";/);
    const output = (outcome(execution) as { output: { MapRunArn: string; ResultWriterDetails: { Bucket: string; Key: string } } }).output;
    assert.equal(output.ResultWriterDetails.Bucket, "results");
    assert.match(output.ResultWriterDetails.Key, /^out\/.+\/manifest\.json$/);
    // Two batches ({Items:[1,2]}, {Items:[3]}): the SUCCEEDED file holds both children's outputs.
    const puts = s3.commandCalls(PutObjectCommand).map((c) => c.args[0].input);
    const succeeded = puts.find((p) => String(p.Key).endsWith("SUCCEEDED_0.json"));
    const records = JSON.parse(String(succeeded?.Body)) as Array<{ Output: string }>;
    assert.deepEqual(records.map((r) => JSON.parse(r.Output) as unknown), [{ n: 2, run: "r-1" }, { n: 1, run: "r-1" }]);
    assert.ok(puts.some((p) => String(p.Key).endsWith("manifest.json")));
  });

  test("without ToleratedFailure*, one failed child fails the Map with States.ExceedToleratedFailureThreshold", async () => {
    const definition = {
      StartAt: "M",
      States: { M: { Type: "Map", ItemProcessor: processor({ Work: { Type: "Task", Resource: "arn:aws:lambda:us-east-1:1:function:w", End: true } }, "Work"), End: true } },
    };
    const tasks: Record<string, TaskOverride> = { Work: (input) => { if (input === 2) throw Object.assign(new Error("bad item"), { name: "Item.Bad" }); return input; } };
    assert.deepEqual(outcome((await run(definition, [1, 2, 3], tasks)).execution), { error: "States.ExceedToleratedFailureThreshold" });
  });

  test("within ToleratedFailureCount the Map succeeds, failed children give null in item order", async () => {
    const definition = {
      StartAt: "M",
      States: { M: { Type: "Map", ToleratedFailureCount: 1, ItemProcessor: processor({ Work: { Type: "Task", Resource: "arn:aws:lambda:us-east-1:1:function:w", End: true } }, "Work"), End: true } },
    };
    const tasks: Record<string, TaskOverride> = { Work: (input) => { if (input === 2) throw new Error("bad"); return (input as number) * 10; } };
    assert.deepEqual(outcome((await run(definition, [1, 2, 3], tasks)).execution), { output: [10, null, 30] });
  });

  test("a Distributed Map processor cannot read the Map's variables (ASL-8)", async () => {
    const definition = {
      QueryLanguage: "JSONata",
      StartAt: "Init",
      States: {
        Init: { Type: "Pass", Assign: { secret: 42 }, Next: "M" },
        M: {
          Type: "Map",
          Items: [1],
          ItemProcessor: processor({ Read: { Type: "Pass", Output: "{% $exists($secret) %}", End: true } }, "Read"),
          End: true,
        },
      },
    };
    // The child starts with a fresh variable scope: $secret does not exist there.
    assert.deepEqual(outcome((await run(definition, {})).execution), { output: [false] });
  });
});
