import { afterEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import { Readable } from "node:stream";
import { mockClient } from "aws-sdk-client-mock";
import { HttpResponse } from "@smithy/protocol-http";
import { ConditionalCheckFailedException, DeleteItemCommand, DynamoDBClient, GetItemCommand, PutItemCommand, UpdateItemCommand } from "@aws-sdk/client-dynamodb";
import { SendMessageCommand, SQSClient } from "@aws-sdk/client-sqs";
import { NotFoundException, PublishCommand, SNSClient, SNSServiceException } from "@aws-sdk/client-sns";
import { EventBridgeClient, PutEventsCommand } from "@aws-sdk/client-eventbridge";
import { ExecutionAlreadyExists, SFNClient, StartExecutionCommand } from "@aws-sdk/client-sfn";
import { AthenaClient, StartQueryExecutionCommand } from "@aws-sdk/client-athena";
import { GlueClient, StartJobRunCommand as GlueStartJobRun } from "@aws-sdk/client-glue";
import { BatchClient, SubmitJobCommand } from "@aws-sdk/client-batch";
import { ECSClient, RunTaskCommand } from "@aws-sdk/client-ecs";
import { CodeBuildClient, StartBuildCommand } from "@aws-sdk/client-codebuild";
import { CreateModelCommand, SageMakerClient } from "@aws-sdk/client-sagemaker";
import { DataBrewClient, StartJobRunCommand as DataBrewStartJobRun } from "@aws-sdk/client-databrew";
import { CreateApplicationCommand, EMRServerlessClient } from "@aws-sdk/client-emr-serverless";
import { CreateVirtualClusterCommand, EMRContainersClient } from "@aws-sdk/client-emr-containers";
import { CreateClusterCommand, EKSClient } from "@aws-sdk/client-eks";
import { CreateJobCommand, MediaConvertClient } from "@aws-sdk/client-mediaconvert";
import { BedrockClient, CreateModelCustomizationJobCommand } from "@aws-sdk/client-bedrock";
import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";
import { AddJobFlowStepsCommand, CancelStepsCommand, EMRClient, RunJobFlowCommand, SetTerminationProtectionCommand, TerminateJobFlowsCommand } from "@aws-sdk/client-emr";
import { ClientCache, type ClientClass, type CommandClass } from "../../src/runtime/aws/clients.js";
import * as adapters from "../../src/runtime/aws/optimised.js";
import { optimised, type OptimisedAdapter } from "../../src/runtime/aws/optimised.js";
import { StatesError } from "../../src/runtime/errors.js";
import type { Json } from "../../src/runtime/types.js";
import { deepFreeze } from "../support/values.js";

const mocks: { restore(): void }[] = [];
afterEach(() => {
  for (const m of mocks.splice(0)) m.restore();
});

/** Call an optimised integration against a mocked client; the SDK input it sent and its result. */
async function run(Client: ClientClass, Command: CommandClass, adapter: OptimisedAdapter, params: Json, output: object, context = {}): Promise<{ sent: unknown; result: Json }> {
  const mock = mockClient(Client as never);
  mocks.push(mock);
  mock.on(Command as never).resolves(output as never);
  const result = await optimised(Client, Command, adapter, { clients: new ClientCache() })(deepFreeze(params), context);
  const calls = mock.commandCalls(Command as never);
  return { sent: (calls[0]?.args[0] as { input: unknown }).input, result };
}

async function fails(Client: ClientClass, Command: CommandClass, adapter: OptimisedAdapter, params: Json, error: Error): Promise<StatesError> {
  const mock = mockClient(Client as never);
  mocks.push(mock);
  mock.on(Command as never).rejects(error);
  try {
    await optimised(Client, Command, adapter, { clients: new ClientCache() })(params);
  } catch (e) {
    assert.ok(e instanceof StatesError);
    return e;
  }
  assert.fail("did not fail");
}

const META = { $metadata: { httpStatusCode: 200, requestId: "REQ" } };
const SDK_METADATA = { SdkHttpMetadata: { AllHttpHeaders: {}, HttpHeaders: {}, HttpStatusCode: 200 }, SdkResponseMetadata: { RequestId: "REQ" } };

describe("dynamodb:getItem|putItem|updateItem|deleteItem (connect-ddb)", () => {
  test("the API response plus SDK metadata (recorded); parameters outside the API's are dropped", async () => {
    const item = { id: { S: "id1" }, data: { S: "HelloWorld" } };
    const get = await run(DynamoDBClient, GetItemCommand, adapters.dynamoDbGetItem, { TableName: "t", Key: { id: { S: "id1" } }, ConsistentRead: true, Bogus: 1 }, { Item: item, ...META });
    assert.deepEqual(get.sent, { TableName: "t", Key: { id: { S: "id1" } }, ConsistentRead: true });
    assert.deepEqual(get.result, { Item: item, ...SDK_METADATA });
    const put = await run(DynamoDBClient, PutItemCommand, adapters.dynamoDbPutItem, { TableName: "t", Item: item, ConditionExpression: "attribute_not_exists(id)" }, META);
    assert.deepEqual(put.sent, { TableName: "t", Item: item, ConditionExpression: "attribute_not_exists(id)" });
    assert.deepEqual(put.result, SDK_METADATA);
    const update = await run(DynamoDBClient, UpdateItemCommand, adapters.dynamoDbUpdateItem, { TableName: "t", Key: { id: { S: "id1" } }, UpdateExpression: "set S=:r", ExpressionAttributeValues: { ":r": { S: "x" } }, ReturnValues: "UPDATED_NEW" }, { Attributes: { S: { S: "x" } }, ...META });
    assert.deepEqual(update.sent, { TableName: "t", Key: { id: { S: "id1" } }, UpdateExpression: "set S=:r", ExpressionAttributeValues: { ":r": { S: "x" } }, ReturnValues: "UPDATED_NEW" });
    assert.deepEqual(update.result, { Attributes: { S: { S: "x" } }, ...SDK_METADATA });
    const del = await run(DynamoDBClient, DeleteItemCommand, adapters.dynamoDbDeleteItem, { TableName: "t", Key: { id: { S: "id1" } }, Item: item }, META);
    assert.deepEqual(del.sent, { TableName: "t", Key: { id: { S: "id1" } } });
  });

  test("errors are DynamoDB.<Exception> with a Java 1.x cause (the aws-sdk integration writes DynamoDb.)", async () => {
    const e = await fails(DynamoDBClient, PutItemCommand, adapters.dynamoDbPutItem, { TableName: "t", Item: {} },
      new ConditionalCheckFailedException({ message: "The conditional request failed", $metadata: { httpStatusCode: 400, requestId: "RID" } }));
    assert.equal(e.name, "DynamoDB.ConditionalCheckFailedException");
    assert.equal(e.message, "The conditional request failed (Service: AmazonDynamoDBv2; Status Code: 400; Error Code: ConditionalCheckFailedException; Request ID: RID; Proxy: null)");
  });

  test("with a real client, the HTTP response headers fill SdkHttpMetadata", async () => {
    const requestHandler = {
      handle: async () => ({
        response: new HttpResponse({ statusCode: 200, headers: { "content-type": "application/x-amz-json-1.0", "x-amzn-requestid": "RID-1" }, body: Readable.from([Buffer.from("{}")]) }),
      }),
    };
    const clients = new ClientCache({ clientConfig: { region: "us-east-1", credentials: { accessKeyId: "a", secretAccessKey: "b" }, requestHandler, maxAttempts: 1 } });
    const result = await optimised(DynamoDBClient, PutItemCommand, adapters.dynamoDbPutItem, { clients })({ TableName: "t", Item: { id: { S: "1" } } });
    assert.deepEqual(result, {
      SdkHttpMetadata: {
        AllHttpHeaders: { "content-type": ["application/x-amz-json-1.0"], "x-amzn-requestid": ["RID-1"] },
        HttpHeaders: { "content-type": "application/x-amz-json-1.0", "x-amzn-requestid": "RID-1" },
        HttpStatusCode: 200,
      },
      SdkResponseMetadata: { RequestId: "RID-1" },
    });
  });
});

describe("sqs:sendMessage and sns:publish (connect-sqs, connect-sns)", () => {
  test("sqs: a non-string MessageBody is sent as JSON text; unsupported parameters are dropped (recorded)", async () => {
    const { sent, result } = await run(SQSClient, SendMessageCommand, adapters.sqsSendMessage,
      { QueueUrl: "https://sqs/q", MessageBody: { Message: "HelloWorld" }, MessageSystemAttribute: { AWSTraceHeader: "test" } },
      { MD5OfMessageBody: "md5", MessageId: "m1", ...META });
    assert.deepEqual(sent, { QueueUrl: "https://sqs/q", MessageBody: '{"Message":"HelloWorld"}' });
    assert.deepEqual(result, { MD5OfMessageBody: "md5", MessageId: "m1", ...SDK_METADATA });
    const text = await run(SQSClient, SendMessageCommand, adapters.sqsSendMessage, { QueueUrl: "q", MessageBody: "test" }, META);
    assert.deepEqual(text.sent, { QueueUrl: "q", MessageBody: "test" });
  });

  test("sns: a non-string Message is sent as JSON text; result MessageId plus SDK metadata (recorded)", async () => {
    const { sent, result } = await run(SNSClient, PublishCommand, adapters.snsPublish, { TopicArn: "arn:aws:sns:us-east-1:1:t", Message: { Message: "HelloWorld!" } }, { MessageId: "m", ...META });
    assert.deepEqual(sent, { TopicArn: "arn:aws:sns:us-east-1:1:t", Message: '{"Message":"HelloWorld!"}' });
    assert.deepEqual(result, { MessageId: "m", ...SDK_METADATA });
    const number = await run(SNSClient, PublishCommand, adapters.snsPublish, { TopicArn: "t", Message: 1 }, META);
    assert.deepEqual(number.sent, { TopicArn: "t", Message: "1" });
  });

  test("sns errors: SNS.<Code>Exception, the base AmazonSNSException for codes the model lacks", async () => {
    const modelled = await fails(SNSClient, PublishCommand, adapters.snsPublish, { TopicArn: "t", Message: "m" }, new NotFoundException({ message: "Topic does not exist", $metadata: { httpStatusCode: 404, requestId: "R" } }));
    assert.equal(modelled.name, "SNS.NotFoundException");
    assert.equal(modelled.message, "Topic does not exist (Service: AmazonSNS; Status Code: 404; Error Code: NotFoundException; Request ID: R; Proxy: null)");
    const other = await fails(SNSClient, PublishCommand, adapters.snsPublish, { TopicArn: "t", Message: "m" }, new SNSServiceException({ name: "Throttling", $fault: "client", message: "slow", $metadata: {} }));
    assert.equal(other.name, "SNS.AmazonSNSException");
  });
});

describe("events:putEvents (connect-eventbridge)", () => {
  test("object Detail → JSON text, string Detail as is, execution ARNs appended to Resources; no SDK metadata (recorded)", async () => {
    const { sent, result } = await run(EventBridgeClient, PutEventsCommand, adapters.eventsPutEvents,
      { Entries: [
        { Detail: '{"Message": "HelloWorld0"}', DetailType: "d", Source: "some.source" },
        { Detail: { Message: "HelloWorld1" }, DetailType: "d", Source: "some.source", Resources: ["q"] },
      ] },
      { Entries: [{ EventId: "e1" }, { EventId: "e2" }], FailedEntryCount: 0, ...META },
      { stateMachineArn: "arn:aws:states:us-east-1:1:stateMachine:m", executionArn: "arn:aws:states:us-east-1:1:execution:m:x" });
    assert.deepEqual(sent, { Entries: [
      { Detail: '{"Message": "HelloWorld0"}', DetailType: "d", Source: "some.source", Resources: ["arn:aws:states:us-east-1:1:stateMachine:m", "arn:aws:states:us-east-1:1:execution:m:x"] },
      { Detail: '{"Message":"HelloWorld1"}', DetailType: "d", Source: "some.source", Resources: ["q", "arn:aws:states:us-east-1:1:stateMachine:m", "arn:aws:states:us-east-1:1:execution:m:x"] },
    ] });
    assert.deepEqual(result, { Entries: [{ EventId: "e1" }, { EventId: "e2" }], FailedEntryCount: 0 });
  });

  test("a failed entry fails the task with EventBridge.FailedEntry and the result as cause (recorded)", async () => {
    const mock = mockClient(EventBridgeClient);
    mocks.push(mock);
    mock.on(PutEventsCommand).resolves({ Entries: [{ ErrorCode: "MalformedDetail", ErrorMessage: "Detail is malformed." }], FailedEntryCount: 1 });
    await assert.rejects(
      optimised(EventBridgeClient, PutEventsCommand, adapters.eventsPutEvents, { clients: new ClientCache() })({ Entries: [{ Detail: '"jsonstring"', DetailType: "d", Source: "s" }] }),
      (e: unknown) => e instanceof StatesError && e.name === "EventBridge.FailedEntry"
        && e.message === '{"Entries":[{"ErrorCode":"MalformedDetail","ErrorMessage":"Detail is malformed."}],"FailedEntryCount":1}',
    );
  });
});

describe("states:startExecution (connect-stepfunctions)", () => {
  test("Input object → compact JSON, absent or null → {}; result with epoch-millisecond StartDate and SDK metadata", async () => {
    const out = { executionArn: "arn:aws:states:us-east-1:1:execution:m:TestStartTarget", startDate: new Date(1687950474000), ...META };
    const { sent, result } = await run(SFNClient, StartExecutionCommand, adapters.statesStartExecution, { StateMachineArn: "arn:sm", Input: { Hello: "World" }, Name: "TestStartTarget", Other: 1 }, out);
    assert.deepEqual(sent, { stateMachineArn: "arn:sm", input: '{"Hello":"World"}', name: "TestStartTarget" });
    assert.deepEqual(result, { ExecutionArn: "arn:aws:states:us-east-1:1:execution:m:TestStartTarget", StartDate: 1687950474000, ...SDK_METADATA });
    assert.deepEqual((await run(SFNClient, StartExecutionCommand, adapters.statesStartExecution, { StateMachineArn: "arn:sm", Input: null }, out)).sent, { stateMachineArn: "arn:sm", input: "{}" });
    assert.deepEqual((await run(SFNClient, StartExecutionCommand, adapters.statesStartExecution, { StateMachineArn: "arn:sm" }, out)).sent, { stateMachineArn: "arn:sm", input: "{}" });
    assert.deepEqual((await run(SFNClient, StartExecutionCommand, adapters.statesStartExecution, { StateMachineArn: "arn:sm", Input: '{"a":1}' }, out)).sent, { stateMachineArn: "arn:sm", input: '{"a":1}' });
  });

  test("errors are StepFunctions.<Code>Exception", async () => {
    const e = await fails(SFNClient, StartExecutionCommand, adapters.statesStartExecution, { StateMachineArn: "arn:sm", Name: "n" }, new ExecutionAlreadyExists({ message: "Execution Already Exists", $metadata: { httpStatusCode: 400 } }));
    assert.equal(e.name, "StepFunctions.ExecutionAlreadyExistsException");
  });
});

describe("job and cluster services: the API request in Step Functions' Pascal case, the response likewise", () => {
  const cases: { name: string; Client: ClientClass; Command: CommandClass; adapter: OptimisedAdapter; params: Json; sent: unknown; output: object; result: Json }[] = [
    { name: "athena:startQueryExecution", Client: AthenaClient, Command: StartQueryExecutionCommand, adapter: adapters.athena,
      params: { QueryString: "SELECT 1", WorkGroup: "primary" }, sent: { QueryString: "SELECT 1", WorkGroup: "primary" },
      output: { QueryExecutionId: "q1" }, result: { QueryExecutionId: "q1" } },
    { name: "glue:startJobRun", Client: GlueClient, Command: GlueStartJobRun, adapter: adapters.glue,
      params: { JobName: "j", Arguments: { "--key": "v" } }, sent: { JobName: "j", Arguments: { "--key": "v" } }, output: { JobRunId: "jr" }, result: { JobRunId: "jr" } },
    { name: "databrew:startJobRun", Client: DataBrewClient, Command: DataBrewStartJobRun, adapter: adapters.dataBrew,
      params: { Name: "j" }, sent: { Name: "j" }, output: { RunId: "r" }, result: { RunId: "r" } },
    { name: "batch:submitJob (camelCase API)", Client: BatchClient, Command: SubmitJobCommand, adapter: adapters.batch,
      params: { JobName: "n", JobQueue: "q", JobDefinition: "d", Parameters: { InputKey: "x" }, ContainerOverrides: { Environment: [{ Name: "A", Value: "1" }] } },
      sent: { jobName: "n", jobQueue: "q", jobDefinition: "d", parameters: { InputKey: "x" }, containerOverrides: { environment: [{ name: "A", value: "1" }] } },
      output: { jobArn: "arn:j", jobId: "id", jobName: "n" }, result: { JobArn: "arn:j", JobId: "id", JobName: "n" } },
    { name: "ecs:runTask (nested structures, timestamps)", Client: ECSClient, Command: RunTaskCommand, adapter: adapters.ecs,
      params: { Cluster: "c", TaskDefinition: "td", LaunchType: "FARGATE", NetworkConfiguration: { AwsvpcConfiguration: { Subnets: ["s1"], AssignPublicIp: "ENABLED" } }, Overrides: { ContainerOverrides: [{ Name: "app", Command: ["run"] }] } },
      sent: { cluster: "c", taskDefinition: "td", launchType: "FARGATE", networkConfiguration: { awsvpcConfiguration: { subnets: ["s1"], assignPublicIp: "ENABLED" } }, overrides: { containerOverrides: [{ name: "app", command: ["run"] }] } },
      output: { tasks: [{ taskArn: "arn:t", createdAt: new Date(1700000000123), tags: [{ key: "k", value: "v" }] }], failures: [] },
      result: { Tasks: [{ TaskArn: "arn:t", CreatedAt: 1700000000123, Tags: [{ Key: "k", Value: "v" }] }], Failures: [] } },
    { name: "codebuild:startBuild", Client: CodeBuildClient, Command: StartBuildCommand, adapter: adapters.codeBuild,
      params: { ProjectName: "p", EnvironmentVariablesOverride: [{ Name: "A", Value: "1", Type: "PLAINTEXT" }] },
      sent: { projectName: "p", environmentVariablesOverride: [{ name: "A", value: "1", type: "PLAINTEXT" }] },
      output: { build: { id: "b", buildStatus: "IN_PROGRESS" } }, result: { Build: { Id: "b", BuildStatus: "IN_PROGRESS" } } },
    { name: "sagemaker:createModel", Client: SageMakerClient, Command: CreateModelCommand, adapter: adapters.sageMaker,
      params: { ModelName: "m", ExecutionRoleArn: "arn:r", PrimaryContainer: { Image: "i" } }, sent: { ModelName: "m", ExecutionRoleArn: "arn:r", PrimaryContainer: { Image: "i" } },
      output: { ModelArn: "arn:m" }, result: { ModelArn: "arn:m" } },
    { name: "emr-serverless:createApplication", Client: EMRServerlessClient, Command: CreateApplicationCommand, adapter: adapters.emrServerless,
      params: { Name: "a", ReleaseLabel: "emr-6.9.0", Type: "SPARK" }, sent: { name: "a", releaseLabel: "emr-6.9.0", type: "SPARK" },
      output: { applicationId: "app", name: "a", arn: "arn:a" }, result: { ApplicationId: "app", Name: "a", Arn: "arn:a" } },
    { name: "eks:createCluster", Client: EKSClient, Command: CreateClusterCommand, adapter: adapters.eks,
      params: { Name: "c", RoleArn: "arn:r", ResourcesVpcConfig: { SubnetIds: ["s"] } }, sent: { name: "c", roleArn: "arn:r", resourcesVpcConfig: { subnetIds: ["s"] } },
      output: { cluster: { name: "c", status: "CREATING" } }, result: { Cluster: { Name: "c", Status: "CREATING" } } },
    { name: "mediaconvert:createJob", Client: MediaConvertClient, Command: CreateJobCommand, adapter: adapters.mediaConvert,
      params: { Role: "arn:r", Settings: { Inputs: [{ FileInput: "s3://b/k" }] } }, sent: { Role: "arn:r", Settings: { Inputs: [{ FileInput: "s3://b/k" }] } },
      output: { Job: { Id: "j", Status: "SUBMITTED", CreatedAt: new Date(1700000000000) } }, result: { Job: { Id: "j", Status: "SUBMITTED", CreatedAt: 1700000000000 } } },
    { name: "bedrock:createModelCustomizationJob", Client: BedrockClient, Command: CreateModelCustomizationJobCommand, adapter: adapters.bedrock,
      params: { JobName: "j", CustomModelName: "m", RoleArn: "arn:r", BaseModelIdentifier: "b", TrainingDataConfig: { S3Uri: "s3://b/t" }, OutputDataConfig: { S3Uri: "s3://b/o" }, HyperParameters: { epochCount: "1" } },
      sent: { jobName: "j", customModelName: "m", roleArn: "arn:r", baseModelIdentifier: "b", trainingDataConfig: { s3Uri: "s3://b/t" }, outputDataConfig: { s3Uri: "s3://b/o" }, hyperParameters: { epochCount: "1" } },
      output: { jobArn: "arn:j" }, result: { JobArn: "arn:j" } },
  ];
  for (const c of cases) {
    test(c.name, async () => {
      const { sent, result } = await run(c.Client, c.Command, c.adapter, c.params, { ...c.output, ...META });
      assert.deepEqual(sent, c.sent);
      assert.deepEqual(result, { ...(c.result as object), ...SDK_METADATA });
    });
  }

  test("errors follow the Java 1.x names: modelled, else the service's base exception", async () => {
    const { ServerException } = await import("@aws-sdk/client-ecs");
    const { BatchServiceException } = await import("@aws-sdk/client-batch");
    assert.equal((await fails(ECSClient, RunTaskCommand, adapters.ecs, { Cluster: "c" }, new ServerException({ message: "x", $metadata: {} }))).name, "ECS.ServerException");
    assert.equal((await fails(BatchClient, SubmitJobCommand, adapters.batch, { JobName: "n" }, new BatchServiceException({ name: "Throttled", $fault: "client", message: "x", $metadata: {} }))).name, "Batch.AWSBatchException");
    assert.equal((await fails(GlueClient, GlueStartJobRun, adapters.glue, { JobName: "n" }, new Error("socket hang up"))).name, "Glue.SdkClientException");
  });

  test("emr-containers (a client without operation schemas) passes the parameters unchanged", async () => {
    const { sent } = await run(EMRContainersClient, CreateVirtualClusterCommand, adapters.emrContainers, { name: "v", containerProvider: { id: "c", type: "EKS" } }, { id: "vc", ...META });
    assert.deepEqual(sent, { name: "v", containerProvider: { id: "c", type: "EKS" } });
  });
});

describe("elasticmapreduce (connect-emr): Step Functions' actions wrap EMR operations", () => {
  test("createCluster is RunJobFlow; the result names the cluster ClusterId", async () => {
    const { sent, result } = await run(EMRClient, RunJobFlowCommand, adapters.emrCreateCluster, { Name: "c", ReleaseLabel: "emr-6.9.0" }, { JobFlowId: "j-1", ClusterArn: "arn:c", ...META });
    assert.deepEqual(sent, { Name: "c", ReleaseLabel: "emr-6.9.0" });
    assert.deepEqual(result, { ClusterId: "j-1", ClusterArn: "arn:c", ...SDK_METADATA });
  });

  test("terminateCluster, addStep, cancelStep and setClusterTerminationProtection take one cluster and step", async () => {
    assert.deepEqual((await run(EMRClient, TerminateJobFlowsCommand, adapters.emrTerminateCluster, { ClusterId: "j-1" }, META)).sent, { JobFlowIds: ["j-1"] });
    const step = { Name: "s", ActionOnFailure: "CONTINUE", HadoopJarStep: { Jar: "command-runner.jar", Args: ["ls"] } };
    const add = await run(EMRClient, AddJobFlowStepsCommand, adapters.emrAddStep, { ClusterId: "j-1", Step: step }, { StepIds: ["s-1"], ...META });
    assert.deepEqual(add.sent, { JobFlowId: "j-1", Steps: [step] });
    assert.deepEqual(add.result, { StepId: "s-1", ...SDK_METADATA });
    assert.deepEqual((await run(EMRClient, CancelStepsCommand, adapters.emrCancelStep, { ClusterId: "j-1", StepId: "s-1" }, META)).sent, { ClusterId: "j-1", StepIds: ["s-1"] });
    assert.deepEqual((await run(EMRClient, SetTerminationProtectionCommand, adapters.emrSetClusterTerminationProtection, { ClusterId: "j-1", TerminationProtected: true }, META)).sent, { JobFlowIds: ["j-1"], TerminationProtected: true });
  });
});

describe("bedrock:invokeModel (connect-bedrock)", () => {
  test("an object Body is sent as JSON, ContentType defaults to application/json, the JSON response Body is parsed", async () => {
    const { sent, result } = await run(BedrockRuntimeClient, InvokeModelCommand, adapters.bedrockInvokeModel,
      { ModelId: "m", Body: { inputText: "hi" } }, { body: new TextEncoder().encode('{"results":[{"outputText":"yo"}]}'), contentType: "application/json", ...META });
    const input = sent as { modelId: string; contentType: string; body: Uint8Array };
    assert.equal(input.modelId, "m");
    assert.equal(input.contentType, "application/json");
    assert.equal(new TextDecoder().decode(input.body), '{"inputText":"hi"}');
    assert.deepEqual(result, { Body: { results: [{ outputText: "yo" }] }, ContentType: "application/json" });
  });

  test("a string Body is sent as it is; a non-JSON response Body stays text", async () => {
    const { sent, result } = await run(BedrockRuntimeClient, InvokeModelCommand, adapters.bedrockInvokeModel,
      { ModelId: "m", Body: "raw", ContentType: "text/plain" }, { body: new TextEncoder().encode("plain"), contentType: "text/plain" });
    assert.equal(new TextDecoder().decode((sent as { body: Uint8Array }).body), "raw");
    assert.deepEqual(result, { Body: "plain", ContentType: "text/plain" });
  });

  test("request or response in S3 is not supported (States.Runtime)", async () => {
    await assert.rejects(
      optimised(BedrockRuntimeClient, InvokeModelCommand, adapters.bedrockInvokeModel, { clients: new ClientCache() })({ ModelId: "m", Input: { S3Uri: "s3://b/k" } }),
      (e: unknown) => e instanceof StatesError && e.name === "States.Runtime",
    );
  });
});
