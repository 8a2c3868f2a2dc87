import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { Readable } from "node:stream";
import { after, before, beforeEach, describe, test } from "node:test";
import { fileURLToPath, pathToFileURL } from "node:url";
import { BatchClient, DescribeJobsCommand, SubmitJobCommand } from "@aws-sdk/client-batch";
import { DynamoDBClient, PutItemCommand } from "@aws-sdk/client-dynamodb";
import { GetObjectCommand, NoSuchKey, S3Client } from "@aws-sdk/client-s3";
import { SendMessageCommand, SQSClient } from "@aws-sdk/client-sqs";
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import { sdkStreamMixin } from "@smithy/util-stream";
import type { withDurableExecution } from "@aws/durable-execution-sdk-js";
import { LocalDurableTestRunner, WaitingOperationStatus, type TestResult } from "@aws/durable-execution-sdk-js-testing";
import { mockClient } from "aws-sdk-client-mock";
import { transpile } from "../../src/index.js";
import type { HandlerOptions, Json } from "../../src/runtime/index.js";
import { setupSkipTime, teardownSkipTime } from "../support/skip-time.js";

/**
 * The generated wiring of Task integrations (ASL-6.2), end to end with no `tasks` overrides: the module imports the
 * AWS SDK v3 classes, the runtime sends the commands, and aws-sdk-client-mock answers them (nothing calls AWS). Each
 * test checks what was sent, what the state machine got back and how failures are named.
 */
const GENERATED_DIR = fileURLToPath(new URL("../.generated/integrations/", import.meta.url));
type HandlerModule = { makeHandler: (options?: HandlerOptions) => ReturnType<typeof withDurableExecution> };

const s3 = mockClient(S3Client);
const ddb = mockClient(DynamoDBClient);
const batch = mockClient(BatchClient);
const sqs = mockClient(SQSClient);
const sts = mockClient(STSClient);

async function load(definition: unknown): Promise<{ module: HandlerModule; code: string }> {
  const result = await transpile(definition);
  assert.deepEqual(result.diagnostics.filter((d) => d.severity === "error").map((d) => d.message), []);
  mkdirSync(GENERATED_DIR, { recursive: true });
  const file = `${GENERATED_DIR}m-${createHash("sha1").update(result.code).digest("hex").slice(0, 12)}.ts`;
  writeFileSync(file, result.code);
  return { module: (await import(pathToFileURL(file).href)) as HandlerModule, code: result.code };
}

function outcome(execution: TestResult): unknown {
  return execution.getStatus() === "SUCCEEDED" ? { output: execution.getResult() } : { error: execution.getError()?.errorType, cause: execution.getError()?.errorMessage };
}

const task = (resource: string, fields: Record<string, unknown>): Record<string, unknown> => ({ StartAt: "T", States: { T: { Type: "Task", Resource: resource, End: true, ...fields } } });

describe("generated integration wiring (mocked AWS SDK clients)", () => {
  before(setupSkipTime);
  after(() => teardownSkipTime());
  beforeEach(() => {
    for (const m of [s3, ddb, batch, sqs, sts]) m.reset();
  });

  test("aws-sdk:s3:getObject imports S3Client/GetObjectCommand and returns the body as text, without $metadata", async () => {
    s3.on(GetObjectCommand, { Bucket: "b", Key: "k" }).resolves({ $metadata: { httpStatusCode: 200 }, Body: sdkStreamMixin(Readable.from([Buffer.from("hello")])), ContentLength: 5 });
    const { module, code } = await load(task("arn:aws:states:::aws-sdk:s3:getObject", { Parameters: { Bucket: "b", Key: "k" }, ResultSelector: { "text.$": "$.Body", "length.$": "$.ContentLength" } }));
    assert.match(code, /import \{ GetObjectCommand, S3Client \} from "@aws-sdk\/client-s3";/);
    const execution = await new LocalDurableTestRunner({ handlerFunction: module.makeHandler() }).run({ payload: {} });
    assert.deepEqual(outcome(execution), { output: { text: "hello", length: 5 } });
  });

  test("an S3 NoSuchKey error is S3.NoSuchKeyException, and Catch matches it by that name (ASL-6.2, ASL-9)", async () => {
    s3.on(GetObjectCommand).rejects(new NoSuchKey({ message: "The specified key does not exist.", $metadata: { httpStatusCode: 404 } }));
    const definition = task("arn:aws:states:::aws-sdk:s3:getObject", {
      Parameters: { Bucket: "b", Key: "missing" },
      Catch: [{ ErrorEquals: ["S3.NoSuchKeyException"], ResultPath: "$.error", Next: "Missing" }],
    });
    (definition["States"] as Record<string, unknown>)["Missing"] = { Type: "Pass", End: true };
    const { module } = await load(definition);
    const execution = await new LocalDurableTestRunner({ handlerFunction: module.makeHandler() }).run({ payload: {} });
    const result = outcome(execution) as { output: { error: { Error: string; Cause: string } } };
    assert.equal(result.output.error.Error, "S3.NoSuchKeyException");
    assert.match(result.output.error.Cause, /The specified key does not exist/);
  });

  test("dynamodb:putItem (optimised) sends the item and returns the response with SdkHttpMetadata", async () => {
    ddb.on(PutItemCommand).resolves({ $metadata: { httpStatusCode: 200, requestId: "r-1" } });
    const { module } = await load(task("arn:aws:states:::dynamodb:putItem", { Parameters: { TableName: "orders", Item: { id: { "S.$": "$.id" } } } }));
    const execution = await new LocalDurableTestRunner({ handlerFunction: module.makeHandler() }).run({ payload: { id: "o-1" } });
    assert.deepEqual(ddb.commandCalls(PutItemCommand)[0]?.args[0].input, { TableName: "orders", Item: { id: { S: "o-1" } } });
    const output = (outcome(execution) as { output: Record<string, Json> }).output;
    assert.equal((output["SdkHttpMetadata"] as { HttpStatusCode: number }).HttpStatusCode, 200);
    assert.deepEqual(output["SdkResponseMetadata"], { RequestId: "r-1" });
  });

  test("batch:submitJob.sync starts the job once, polls DescribeJobs until SUCCEEDED, and returns the job", async () => {
    batch.on(SubmitJobCommand).resolves({ jobId: "j-1", jobName: "nightly", jobArn: "arn:aws:batch:us-east-1:1:job/j-1" });
    batch
      .on(DescribeJobsCommand, { jobs: ["j-1"] })
      .resolvesOnce({ jobs: [{ jobId: "j-1", jobName: "nightly", status: "RUNNING", jobQueue: "q", jobDefinition: "d", startedAt: 1 }] })
      .resolves({ jobs: [{ jobId: "j-1", jobName: "nightly", status: "SUCCEEDED", jobQueue: "q", jobDefinition: "d", startedAt: 1 }] });
    const { module, code } = await load(task("arn:aws:states:::batch:submitJob.sync", { Parameters: { JobName: "nightly", JobQueue: "q", JobDefinition: "d" }, ResultSelector: { "id.$": "$.JobId", "status.$": "$.Status" } }));
    assert.match(code, /sync: asl\.syncJob\(BatchClient, SubmitJobCommand, DescribeJobsCommand\)/);
    const execution = await new LocalDurableTestRunner({ handlerFunction: module.makeHandler() }).run({ payload: {} });
    assert.deepEqual(outcome(execution), { output: { id: "j-1", status: "SUCCEEDED" } });
    assert.equal(batch.commandCalls(SubmitJobCommand).length, 1);
    assert.equal(batch.commandCalls(DescribeJobsCommand).length, 2);
  });

  test("a failed .sync job fails the Task with States.TaskFailed and the job as the cause", async () => {
    batch.on(SubmitJobCommand).resolves({ jobId: "j-2", jobName: "nightly", jobArn: "arn" });
    batch.on(DescribeJobsCommand).resolves({ jobs: [{ jobId: "j-2", jobName: "nightly", status: "FAILED", statusReason: "Essential container exited", jobQueue: "q", jobDefinition: "d", startedAt: 1 }] });
    const { module } = await load(task("arn:aws:states:::batch:submitJob.sync", { Parameters: { JobName: "nightly", JobQueue: "q", JobDefinition: "d" } }));
    const execution = await new LocalDurableTestRunner({ handlerFunction: module.makeHandler() }).run({ payload: {} });
    const result = outcome(execution) as { error: string; cause: string };
    assert.equal(result.error, "States.TaskFailed");
    assert.match(result.cause, /Essential container exited/);
  });

  test("sqs:sendMessage.waitForTaskToken sends the token in the message; the worker's answer is the result", async () => {
    sqs.on(SendMessageCommand).resolves({ MessageId: "m-1", $metadata: { httpStatusCode: 200 } });
    const { module } = await load(
      task("arn:aws:states:::sqs:sendMessage.waitForTaskToken", { Parameters: { QueueUrl: "https://sqs/q", MessageBody: { "token.$": "$$.Task.Token", "job.$": "$.job" } }, TimeoutSeconds: 300 }),
    );
    const runner = new LocalDurableTestRunner({ handlerFunction: module.makeHandler() });
    const running = runner.run({ payload: { job: 7 } });
    const callback = runner.getOperation("T (callback)");
    await callback.waitForData(WaitingOperationStatus.STARTED);
    await runner.getOperation("T (request)").waitForData(WaitingOperationStatus.COMPLETED);
    const body = JSON.parse(String(sqs.commandCalls(SendMessageCommand)[0]?.args[0].input.MessageBody)) as { token: string; job: number };
    assert.equal(body.job, 7);
    assert.equal(body.token, callback.getCallbackDetails()?.callbackId);
    await callback.sendCallbackSuccess(JSON.stringify({ done: true }));
    assert.deepEqual(outcome(await running), { output: { done: true } });
  });

  test("Credentials.RoleArn: the call is made with credentials from STS AssumeRole for that role", async () => {
    sts.on(AssumeRoleCommand).resolves({ Credentials: { AccessKeyId: "AK", SecretAccessKey: "SK", SessionToken: "ST", Expiration: new Date(Date.now() + 3_600_000) } });
    ddb.on(PutItemCommand).resolves({ $metadata: { httpStatusCode: 200 } });
    const { module, code } = await load(
      task("arn:aws:states:::dynamodb:putItem", { Credentials: { "RoleArn.$": "$.role" }, Parameters: { TableName: "t", Item: { id: { S: "1" } } }, ResultSelector: { ok: true } }),
    );
    assert.match(code, /asl\.aws\.assumeRolesWith\(\{ Sts: STSClient, AssumeRole: AssumeRoleCommand \}\)/);
    const execution = await new LocalDurableTestRunner({ handlerFunction: module.makeHandler() }).run({ payload: { role: "arn:aws:iam::222222222222:role/writer" } });
    assert.deepEqual(outcome(execution), { output: { ok: true } });
    // The mocked send() does not sign, so resolve the client's credentials the way signing would.
    const credentials = await ddb.commandCalls(PutItemCommand)[0]?.thisValue.config.credentials();
    assert.equal(credentials?.accessKeyId, "AK");
    assert.equal(sts.commandCalls(AssumeRoleCommand)[0]?.args[0].input.RoleArn, "arn:aws:iam::222222222222:role/writer");
  });

  test("an activity Task hands the token and input to the dispatcher; the worker answers through the callback", async () => {
    const arn = "arn:aws:states:us-east-1:123456789012:activity:review";
    const { module } = await load(task(arn, { TimeoutSeconds: 600 }));
    const handed: Array<{ taskToken: string; input: Json }> = [];
    const runner = new LocalDurableTestRunner({ handlerFunction: module.makeHandler({ activities: { [arn]: (t) => void handed.push(t) } }) });
    const running = runner.run({ payload: { doc: "d-1" } });
    const callback = runner.getOperation("T (callback)");
    await callback.waitForData(WaitingOperationStatus.STARTED);
    await runner.getOperation("T (request)").waitForData(WaitingOperationStatus.COMPLETED);
    assert.deepEqual(handed[0]?.input, { doc: "d-1" });
    assert.equal(handed[0]?.taskToken, callback.getCallbackDetails()?.callbackId);
    await callback.sendCallbackSuccess(JSON.stringify({ verdict: "ok" }));
    assert.deepEqual(outcome(await running), { output: { verdict: "ok" } });
  });

  test("an activity without a dispatcher fails with a message that says how to give one", async () => {
    const { module } = await load(task("arn:aws:states:us-east-1:123456789012:activity:review", {}));
    const execution = await new LocalDurableTestRunner({ handlerFunction: module.makeHandler() }).run({ payload: {} });
    const result = outcome(execution) as { error: string; cause: string };
    assert.equal(result.error, "States.Runtime");
    assert.match(result.cause, /No dispatcher for activity .*activities/);
  });

  describe("deploy-time placeholders in Parameters (DefinitionSubstitutions the template left, ASL904)", () => {
    const definition = task("arn:aws:states:::dynamodb:putItem", {
      Parameters: {
        TableName: "${CatalogTable}",
        Item: { pk: { "S.$": "$.id" }, region: { S: "${AWS::Region}" }, note: { S: "not a ${placeholder name}" } },
      },
    });

    test("replaced when the Task runs: from makeHandler({ substitutions }), else the environment; paths and other text untouched", async () => {
      ddb.on(PutItemCommand).resolves({});
      const { module, code } = await load(definition);
      assert.match(code, /placeholders: \["AWS::Region", "CatalogTable"\]/);
      assert.match(code, /substitutions: options\.substitutions/);
      const given = await new LocalDurableTestRunner({ handlerFunction: module.makeHandler({ substitutions: { CatalogTable: "images-prod", "AWS::Region": "eu-west-1" } }) }).run({ payload: { id: "a1" } });
      assert.equal(given.getStatus(), "SUCCEEDED", JSON.stringify(outcome(given)));
      assert.deepEqual(ddb.commandCalls(PutItemCommand)[0]?.args[0].input, {
        TableName: "images-prod",
        Item: { pk: { S: "a1" }, region: { S: "eu-west-1" }, note: { S: "not a ${placeholder name}" } },
      });
      process.env["CatalogTable"] = "images-from-env";
      try {
        const fromEnv = await new LocalDurableTestRunner({ handlerFunction: module.makeHandler({ substitutions: { "AWS::Region": "eu-west-1" } }) }).run({ payload: { id: "a2" } });
        assert.equal(fromEnv.getStatus(), "SUCCEEDED", JSON.stringify(outcome(fromEnv)));
        assert.equal(ddb.commandCalls(PutItemCommand)[1]?.args[0].input.TableName, "images-from-env");
      } finally {
        delete process.env["CatalogTable"];
      }
    });

    test("a placeholder without a value fails the Task with States.Runtime naming the environment variable; nothing is called", async () => {
      const { module } = await load(definition);
      const execution = await new LocalDurableTestRunner({ handlerFunction: module.makeHandler({ substitutions: { "AWS::Region": "eu-west-1" } }) }).run({ payload: { id: "a3" } });
      assert.equal(execution.getError()?.errorType, "States.Runtime");
      assert.match(execution.getError()?.errorMessage ?? "", /no value for \$\{CatalogTable\} in its definition; .*environment variable CatalogTable/);
      assert.equal(ddb.commandCalls(PutItemCommand).length, 0);
    });
  });
});

