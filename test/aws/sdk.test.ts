import { beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import { Readable } from "node:stream";
import { mockClient } from "aws-sdk-client-mock";
import { sdkStreamMixin, Uint8ArrayBlobAdapter } from "@smithy/util-stream";
import { GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client, S3ServiceException } from "@aws-sdk/client-s3";
import { InvalidToken, SendTaskSuccessCommand, SFNClient, SFNServiceException, StartExecutionCommand } from "@aws-sdk/client-sfn";
import { DynamoDBClient, GetItemCommand, ResourceNotFoundException } from "@aws-sdk/client-dynamodb";
import { InvokeCommand, LambdaClient, ServiceException as LambdaServiceException } from "@aws-sdk/client-lambda";
import { EMRContainersClient, DescribeJobRunCommand } from "@aws-sdk/client-emr-containers";
import { ClientCache } from "../../src/runtime/aws/clients.js";
import { awsSdk } from "../../src/runtime/aws/sdk.js";
import { StatesError } from "../../src/runtime/errors.js";
import type { Json } from "../../src/runtime/types.js";
import { deepFreeze } from "../support/values.js";

const s3 = mockClient(S3Client);
const sfn = mockClient(SFNClient);
const ddb = mockClient(DynamoDBClient);
const lambda = mockClient(LambdaClient);
let clients = new ClientCache();
beforeEach(() => {
  s3.reset();
  sfn.reset();
  ddb.reset();
  lambda.reset();
  clients = new ClientCache();
});

const body = (text: string) => sdkStreamMixin(Readable.from([Buffer.from(text)]));
const statesError = (name: string, cause?: string | RegExp) => (e: unknown): boolean => {
  assert.ok(e instanceof StatesError, `not a StatesError: ${String(e)}`);
  assert.equal(e.name, name);
  if (typeof cause === "string") assert.equal(e.message, cause);
  else if (cause) assert.match(e.message, cause);
  return true;
};

describe("awsSdk results (ASL-6.2, as Step Functions returns them)", () => {
  test("S3 GetObject: Body stream as text, LastModified as ISO-8601, no $metadata", async () => {
    // Recorded: aws-sdk:s3:getObject returns Body "text data" (LocalStack snapshot test_s3_get_object[str], 2024-05-23).
    s3.on(GetObjectCommand).resolves({
      Body: body("text data"), ContentLength: 9, ContentType: "binary/octet-stream", ETag: '"332eec544317a6d340b8e77da7fe54ad"',
      LastModified: new Date("2024-05-23T19:11:47Z"), Metadata: {}, ServerSideEncryption: "AES256", AcceptRanges: "bytes",
      $metadata: { httpStatusCode: 200, requestId: "r" },
    });
    const getObject = awsSdk(S3Client, GetObjectCommand, { errorPrefix: "S3", clients });
    const result = await getObject(deepFreeze({ Bucket: "bucket-name", Key: "file_key" }));
    assert.deepEqual(result, {
      Body: "text data", ContentLength: 9, ContentType: "binary/octet-stream", ETag: '"332eec544317a6d340b8e77da7fe54ad"',
      LastModified: "2024-05-23T19:11:47Z", Metadata: {}, ServerSideEncryption: "AES256", AcceptRanges: "bytes",
    });
    assert.deepEqual(s3.commandCalls(GetObjectCommand)[0]?.args[0].input, { Bucket: "bucket-name", Key: "file_key" });
  });

  test("an empty object body is the empty string; milliseconds are kept as Java's Instant writes them", async () => {
    s3.on(GetObjectCommand).resolves({ Body: body(""), LastModified: new Date("2024-05-23T19:11:47.120Z") });
    const result = await awsSdk(S3Client, GetObjectCommand, { errorPrefix: "S3", clients })({ Bucket: "b", Key: "k" });
    assert.deepEqual(result, { Body: "", LastModified: "2024-05-23T19:11:47.120Z" });
  });

  test("S3 PutObject: Body receives the JSON text of its value, a string included", async () => {
    // Recorded: ETag of Body "text data" is md5('"text data"'), of {"Dict":"Value"} md5('{"Dict":"Value"}'), of false md5('false')
    // (LocalStack snapshot test_s3_put_object, 2024-12-13).
    s3.on(PutObjectCommand).resolves({ ETag: '"e"', ServerSideEncryption: "AES256" });
    const putObject = awsSdk(S3Client, PutObjectCommand, { errorPrefix: "S3", clients });
    const cases: [Json, string][] = [["text data", '"text data"'], [{ Dict: "Value" }, '{"Dict":"Value"}'], [["List", "Data"], '["List","Data"]'], [false, "false"], [0, "0"]];
    for (const [value, stored] of cases) {
      s3.resetHistory();
      assert.deepEqual(await putObject(deepFreeze({ Bucket: "b", Key: "k", Body: value })), { ETag: '"e"', ServerSideEncryption: "AES256" });
      const sent = s3.commandCalls(PutObjectCommand)[0]?.args[0].input.Body;
      assert.ok(sent instanceof Uint8Array);
      assert.equal(new TextDecoder().decode(sent), stored);
    }
  });

  test("camelCase APIs: Pascal-case parameters reach the SDK's members, results come back Pascal-case", async () => {
    // aws-sdk:sfn:startExecution takes StateMachineArn/Input and returns ExecutionArn/StartDate (recorded, LocalStack
    // test_sfn_start_execution, 2023-12-18); an object Input is sent as JSON text (test_sfn_start_execution_implicit_json_serialisation).
    sfn.on(StartExecutionCommand).resolves({ executionArn: "arn:aws:states:us-east-1:1:execution:m:e", startDate: new Date("2023-12-18T14:22:59.5Z") });
    const start = awsSdk(SFNClient, StartExecutionCommand, { errorPrefix: "Sfn", clients });
    const result = await start(deepFreeze({ StateMachineArn: "arn:aws:states:us-east-1:1:stateMachine:m", Input: { key: "value" }, Name: "n" }));
    assert.deepEqual(result, { ExecutionArn: "arn:aws:states:us-east-1:1:execution:m:e", StartDate: "2023-12-18T14:22:59.500Z" });
    assert.deepEqual(sfn.commandCalls(StartExecutionCommand)[0]?.args[0].input, { stateMachineArn: "arn:aws:states:us-east-1:1:stateMachine:m", input: '{"key":"value"}', name: "n" });
  });

  test("map keys are data: DynamoDB attribute names keep their case; null parameters are left out", async () => {
    ddb.on(GetItemCommand).resolves({ Item: { id: { S: "id1" }, data: { S: "HelloWorld" } } });
    const getItem = awsSdk(DynamoDBClient, GetItemCommand, { errorPrefix: "DynamoDb", clients });
    const result = await getItem(deepFreeze({ TableName: "t", Key: { id: { S: "id1" } }, ProjectionExpression: null }));
    assert.deepEqual(result, { Item: { id: { S: "id1" }, data: { S: "HelloWorld" } } });
    assert.deepEqual(ddb.commandCalls(GetItemCommand)[0]?.args[0].input, { TableName: "t", Key: { id: { S: "id1" } } });
  });

  test("a parameter key matches its member whatever its case; unknown keys reach the SDK untouched", async () => {
    sfn.on(SendTaskSuccessCommand).resolves({});
    await awsSdk(SFNClient, SendTaskSuccessCommand, { errorPrefix: "Sfn", clients })({ TASKTOKEN: "t", output: "{}", Extra: 1 });
    assert.deepEqual(sfn.commandCalls(SendTaskSuccessCommand)[0]?.args[0].input, { taskToken: "t", output: "{}", Extra: 1 });
  });

  test("an empty response is {}; undefined members are dropped", async () => {
    sfn.on(SendTaskSuccessCommand).resolves({ $metadata: {} });
    assert.deepEqual(await awsSdk(SFNClient, SendTaskSuccessCommand, { errorPrefix: "Sfn", clients })({ TaskToken: "t", Output: "{}" }), {});
    s3.on(GetObjectCommand).resolves({ Body: body("x"), ETag: undefined });
    assert.deepEqual(await awsSdk(S3Client, GetObjectCommand, { errorPrefix: "S3", clients })({ Bucket: "b", Key: "k" }), { Body: "x" });
  });

  test("Lambda Invoke: the Payload blob is returned as its text", async () => {
    lambda.on(InvokeCommand).resolves({ StatusCode: 200, Payload: Uint8ArrayBlobAdapter.fromString('{"ok":true}'), ExecutedVersion: "$LATEST" });
    const result = await awsSdk(LambdaClient, InvokeCommand, { errorPrefix: "Lambda", clients })({ FunctionName: "f", Payload: { a: 1 } });
    assert.deepEqual(result, { StatusCode: 200, Payload: '{"ok":true}', ExecutedVersion: "$LATEST" });
    assert.equal(new TextDecoder().decode(lambda.commandCalls(InvokeCommand)[0]?.args[0].input.Payload as Uint8Array), '{"a":1}');
  });

  test("a client without operation schemas (an older SDK) passes parameters and values through", async () => {
    // @aws-sdk/client-emr-containers 3.623 predates operation schemas (and the mock's current @smithy/types).
    const emr = mockClient(EMRContainersClient as never);
    emr.on(DescribeJobRunCommand as never).resolves({ jobRun: { id: "j", createdAt: new Date("2024-01-01T00:00:00Z") } } as never);
    const result = await awsSdk(EMRContainersClient, DescribeJobRunCommand, { errorPrefix: "EmrContainers", clients })({ id: "j", virtualClusterId: "v" });
    assert.deepEqual(result, { jobRun: { id: "j", createdAt: "2024-01-01T00:00:00Z" } });
    assert.deepEqual((emr.commandCalls(DescribeJobRunCommand as never)[0]?.args[0] as { input: unknown }).input, { id: "j", virtualClusterId: "v" });
    emr.restore();
  });

  test("parameters must be a JSON object; null means none", async () => {
    sfn.on(SendTaskSuccessCommand).resolves({});
    const call = awsSdk(SFNClient, SendTaskSuccessCommand, { errorPrefix: "Sfn", clients });
    await assert.rejects(call([1, 2]), statesError("States.Runtime", /JSON object/));
    await assert.rejects(call("x"), statesError("States.Runtime"));
    assert.deepEqual(await call(null), {});
  });
});

describe("awsSdk errors: <Service>.<Exception> (ASL-6.2, ASL-9)", () => {
  test("a modelled error gets the Exception suffix when its own name lacks it", async () => {
    s3.on(GetObjectCommand).rejects(new NoSuchKey({ message: "The specified key does not exist.", $metadata: { httpStatusCode: 404, requestId: "R", extendedRequestId: "H" } }));
    await assert.rejects(
      awsSdk(S3Client, GetObjectCommand, { errorPrefix: "S3", clients })({ Bucket: "b", Key: "k" }),
      statesError("S3.NoSuchKeyException", "The specified key does not exist. (Service: S3, Status Code: 404, Request ID: R, Extended Request ID: H)"),
    );
  });

  test("recorded: Sfn.InvalidTokenException, cause with the Java 2.x service suffix", async () => {
    // LocalStack snapshot test_sfn_send_task_outcome_with_no_such_token, recorded against AWS 2024-04-10.
    sfn.on(SendTaskSuccessCommand).rejects(new InvalidToken({ message: "Invalid Token: 'Invalid token'", $metadata: { httpStatusCode: 400, requestId: "<request_id>" } }));
    await assert.rejects(
      awsSdk(SFNClient, SendTaskSuccessCommand, { errorPrefix: "Sfn", clients })({ Output: "ParameterOutput", TaskToken: "NoSuchTaskToken" }),
      statesError("Sfn.InvalidTokenException", "Invalid Token: 'Invalid token' (Service: Sfn, Status Code: 400, Request ID: <request_id>)"),
    );
  });

  test("names already ending in Exception keep them; the prefix is the service's (DynamoDb for aws-sdk)", async () => {
    ddb.on(GetItemCommand).rejects(new ResourceNotFoundException({ message: "Requested resource not found", $metadata: { httpStatusCode: 400 } }));
    await assert.rejects(awsSdk(DynamoDBClient, GetItemCommand, { errorPrefix: "DynamoDb", clients })({ TableName: "t", Key: {} }), statesError("DynamoDb.ResourceNotFoundException"));
    lambda.on(InvokeCommand).rejects(new LambdaServiceException({ message: "boom", $metadata: {} }));
    await assert.rejects(awsSdk(LambdaClient, InvokeCommand, { errorPrefix: "Lambda", clients })({ FunctionName: "f" }), statesError("Lambda.ServiceException"));
  });

  test("an error the model does not define is the service's base exception", async () => {
    sfn.on(SendTaskSuccessCommand).rejects(new SFNServiceException({ name: "AccessDeniedException", $fault: "client", message: "nope", $metadata: { httpStatusCode: 403 } }));
    await assert.rejects(awsSdk(SFNClient, SendTaskSuccessCommand, { errorPrefix: "Sfn", clients })({ TaskToken: "t", Output: "{}" }), statesError("Sfn.SfnException", /^nope \(Service: Sfn, Status Code: 403/));
    s3.on(GetObjectCommand).rejects(new S3ServiceException({ name: "SlowDown", $fault: "server", message: "slow", $metadata: { httpStatusCode: 503 } }));
    await assert.rejects(awsSdk(S3Client, GetObjectCommand, { errorPrefix: "S3", clients })({ Bucket: "b", Key: "k" }), statesError("S3.S3Exception"));
  });

  test("a failure without a service answer is <Service>.SdkClientException", async () => {
    s3.on(GetObjectCommand).rejects(new Error("connect ECONNREFUSED 127.0.0.1:443"));
    await assert.rejects(awsSdk(S3Client, GetObjectCommand, { errorPrefix: "S3", clients })({ Bucket: "b", Key: "k" }), statesError("S3.SdkClientException", "connect ECONNREFUSED 127.0.0.1:443"));
  });
});
