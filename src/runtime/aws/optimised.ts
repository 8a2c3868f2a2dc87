import { StatesError } from "../errors.js";
import type { Json } from "../types.js";
import { defaultClientCache, newCommand, type ClientCache, type ClientClass, type CommandClass, type SdkCommand } from "./clients.js";
import { javaV1Naming, serviceError, type ErrorNaming } from "./errors.js";
import { parameters, type AwsCall, type AwsCallContext } from "./sdk.js";
import { fromSdkOutput, operationSchemas, readStreams, toSdkInput } from "./shape.js";

type JsonObject = { [key: string]: Json };

/**
 * The request-response form of an optimised integration (`arn:aws:states:::<service>:<action>`, ASL-6.2): how Step
 * Functions turns the Task's parameters into the API request and the response into the Task's result. Each adapter
 * cites the developer-guide page it follows (https://docs.aws.amazon.com/step-functions/latest/dg/<page>.html, checked
 * 2026-11) and, where one exists, the AWS-recorded execution (LocalStack's AWS-validated snapshot tests under
 * tests/aws/services/stepfunctions/v2/services/).
 */
export interface OptimisedAdapter {
  naming: ErrorNaming;
  /** The parameters Step Functions passes on; others are dropped (recorded for sqs:sendMessage). All when absent. */
  parameters?: readonly string[];
  /** The API request, still in Step Functions' (Pascal-case) names. */
  request?(params: JsonObject, context: AwsCallContext): JsonObject;
  /** The Task result from the shaped response (Pascal-case names, timestamps as epoch milliseconds). */
  response?(result: JsonObject, request: JsonObject): Json;
  /** Whether the result carries `SdkHttpMetadata` and `SdkResponseMetadata`, as Java 1.x results serialise. */
  sdkMetadata: boolean;
}

export interface OptimisedOptions {
  clients?: ClientCache;
}

/** An optimised integration backed by one SDK command, e.g. `optimised(DynamoDBClient, PutItemCommand, dynamoDbPutItem)`. */
export function optimised(Client: ClientClass, Command: CommandClass, adapter: OptimisedAdapter, options: OptimisedOptions = {}): AwsCall {
  const schemas = operationSchemas(newCommand(Command, {}));
  return async (input, context = {}) => {
    const params = parameters(input);
    const kept = adapter.parameters ? Object.fromEntries(Object.entries(params).filter(([k]) => adapter.parameters?.includes(k))) : params;
    const request = adapter.request ? adapter.request(kept, context) : kept;
    const command = newCommand(Command, toSdkInput(request, schemas?.input, "raw"));
    const headers = captureHeaders(command);
    let output: unknown;
    try {
      output = await (options.clients ?? defaultClientCache()).client(Client, context.roleArn).send(command);
      output = await readStreams(output);
    } catch (e) {
      throw serviceError(e, adapter.naming);
    }
    const shaped = fromSdkOutput(output, schemas?.output, "epoch-millis") as JsonObject;
    const result = adapter.response ? adapter.response(shaped, request) : shaped;
    if (!adapter.sdkMetadata || result === null || typeof result !== "object" || Array.isArray(result)) return result;
    return { ...result, ...sdkMetadata(output, headers.value) };
  };
}

/**
 * `SdkHttpMetadata` and `SdkResponseMetadata` as recorded for dynamodb, sns, sqs and states:startExecution:
 * `{ AllHttpHeaders: {name: [value]}, HttpHeaders: {name: value}, HttpStatusCode }` and `{ RequestId }`. Headers come
 * from the HTTP response when the SDK's middleware stack ran (not with a mocked client).
 */
function sdkMetadata(output: unknown, headers: Record<string, string> | undefined): JsonObject {
  const meta = ((output as { $metadata?: { httpStatusCode?: number; requestId?: string } } | null)?.$metadata) ?? {};
  const all: JsonObject = {};
  const single: JsonObject = {};
  for (const [k, v] of Object.entries(headers ?? {})) {
    all[k] = [v];
    single[k] = v;
  }
  return {
    SdkHttpMetadata: { AllHttpHeaders: all, HttpHeaders: single, HttpStatusCode: meta.httpStatusCode ?? 200 },
    SdkResponseMetadata: { RequestId: meta.requestId ?? "" },
  };
}

interface MiddlewareStackLike {
  add(middleware: (next: (args: unknown) => Promise<{ response?: unknown }>) => (args: unknown) => Promise<{ response?: unknown }>, options: { step: string; name: string }): void;
}

/** Record the HTTP response headers of one command (a deserialize-step middleware on the command's own stack). */
function captureHeaders(command: SdkCommand): { value?: Record<string, string> } {
  const box: { value?: Record<string, string> } = {};
  const stack = (command as { middlewareStack?: unknown }).middlewareStack;
  if (stack !== null && typeof stack === "object" && typeof (stack as { add?: unknown }).add === "function") {
    (stack as MiddlewareStackLike).add(
      (next) => async (args) => {
        const result = await next(args);
        const headers = (result.response as { headers?: unknown } | undefined)?.headers;
        if (headers !== null && typeof headers === "object") box.value = { ...(headers as Record<string, string>) };
        return result;
      },
      { step: "deserialize", name: "asl2durableResponseHeaders" },
    );
  }
  return box;
}

// ---- helpers -----------------------------------------------------------------------------------------------------

/** A value sent where the API wants text: strings as they are, anything else as compact JSON text. */
function jsonText(value: Json): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

function isObject(value: Json | undefined): value is JsonObject {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

// ---- DynamoDB (connect-ddb) -----------------------------------------------------------------------------------------

const DYNAMODB = javaV1Naming("DynamoDB", "AmazonDynamoDBv2", "AmazonDynamoDBException");
const DDB_WRITE = ["TableName", "ConditionalOperator", "ConditionExpression", "Expected", "ExpressionAttributeNames", "ExpressionAttributeValues", "ReturnConsumedCapacity", "ReturnItemCollectionMetrics", "ReturnValues"];

/**
 * `dynamodb:getItem|putItem|updateItem|deleteItem`: the API request and response unchanged, plus the SDK metadata
 * (recorded, LocalStack snapshot test_dynamodb_task_service, 2025-02-05). Errors `DynamoDB.<Exception>`, e.g.
 * `DynamoDB.ConditionalCheckFailedException` (the aws-sdk integration writes `DynamoDb.`).
 */
export const dynamoDbGetItem: OptimisedAdapter = {
  naming: DYNAMODB, sdkMetadata: true,
  parameters: ["Key", "TableName", "AttributesToGet", "ConsistentRead", "ExpressionAttributeNames", "ProjectionExpression", "ReturnConsumedCapacity"],
};
export const dynamoDbPutItem: OptimisedAdapter = { naming: DYNAMODB, sdkMetadata: true, parameters: ["Item", ...DDB_WRITE] };
export const dynamoDbDeleteItem: OptimisedAdapter = { naming: DYNAMODB, sdkMetadata: true, parameters: ["Key", ...DDB_WRITE] };
export const dynamoDbUpdateItem: OptimisedAdapter = { naming: DYNAMODB, sdkMetadata: true, parameters: ["Key", "AttributeUpdates", "UpdateExpression", ...DDB_WRITE] };

// ---- SQS (connect-sqs) ----------------------------------------------------------------------------------------------

/**
 * `sqs:sendMessage`: a MessageBody that is not a string is sent as its JSON text; parameters other than those below are
 * dropped (recorded: MessageSystemAttribute left out, LocalStack test_send_message_unsupported_parameters,
 * 2024-04-18); the result is `{MD5OfMessageBody, MessageId, …}` plus the SDK metadata (recorded).
 */
export const sqsSendMessage: OptimisedAdapter = {
  naming: javaV1Naming("SQS", "AmazonSQS"), sdkMetadata: true,
  parameters: ["DelaySeconds", "MessageAttributes", "MessageBody", "MessageDeduplicationId", "MessageGroupId", "QueueUrl"],
  request: (p) => (p["MessageBody"] === undefined ? p : { ...p, MessageBody: jsonText(p["MessageBody"]) }),
};

// ---- SNS (connect-sns) ----------------------------------------------------------------------------------------------

/**
 * `sns:publish`: a Message that is not a string is sent as its JSON text (recorded: Message {"Message": "HelloWorld!"},
 * LocalStack test_publish_base, 2023-09-03); the result is `{MessageId}` plus the SDK metadata (recorded).
 */
export const snsPublish: OptimisedAdapter = {
  naming: javaV1Naming("SNS", "AmazonSNS"), sdkMetadata: true,
  parameters: ["Message", "MessageAttributes", "MessageStructure", "MessageDeduplicationId", "MessageGroupId", "PhoneNumber", "Subject", "TargetArn", "TopicArn"],
  request: (p) => (p["Message"] === undefined ? p : { ...p, Message: jsonText(p["Message"]) }),
};

// ---- EventBridge (connect-eventbridge) ------------------------------------------------------------------------------

/**
 * `events:putEvents`: an entry's Detail that is a JSON object is sent as its JSON text (a string is sent as it is); the
 * state machine and execution ARNs are appended to each entry's Resources; the result is `{Entries, FailedEntryCount}`
 * without SDK metadata; a non-zero FailedEntryCount fails the task with `EventBridge.FailedEntry` and the result's JSON
 * text as the cause (all recorded, LocalStack test_events_task_service, 2023-09-12).
 */
export const eventsPutEvents: OptimisedAdapter = {
  naming: javaV1Naming("EventBridge", "AmazonEventBridge"), sdkMetadata: false,
  parameters: ["Entries"],
  request: (p, context) => {
    const entries = p["Entries"];
    if (!Array.isArray(entries)) return p;
    const extra = [context.stateMachineArn, context.executionArn].filter((arn): arn is string => arn !== undefined);
    return {
      Entries: entries.map((entry) => {
        if (!isObject(entry)) return entry;
        const detail = entry["Detail"];
        const resources = Array.isArray(entry["Resources"]) ? entry["Resources"] : [];
        return { ...entry, ...(isObject(detail) ? { Detail: JSON.stringify(detail) } : {}), ...(extra.length > 0 ? { Resources: [...resources, ...extra] } : {}) };
      }),
    };
  },
  response: (result) => {
    if (typeof result["FailedEntryCount"] === "number" && result["FailedEntryCount"] > 0) throw new StatesError("EventBridge.FailedEntry", JSON.stringify(result));
    return result;
  },
};

// ---- Step Functions (connect-stepfunctions) -------------------------------------------------------------------------

/**
 * `states:startExecution`: Input that is not a string is sent as compact JSON text, and no Input as "{}"; the result is
 * `{ExecutionArn, StartDate}` plus the SDK metadata (recorded, LocalStack test_sfn_task_service, 2023-06-28); errors
 * `StepFunctions.<Code>Exception`, e.g. `StepFunctions.ExecutionAlreadyExistsException`.
 */
export const statesStartExecution: OptimisedAdapter = {
  naming: javaV1Naming("StepFunctions", "AWSStepFunctions"), sdkMetadata: true,
  parameters: ["Input", "Name", "StateMachineArn"],
  request: (p) => {
    const input = p["Input"];
    return { ...p, Input: input === undefined || input === null ? "{}" : jsonText(input) };
  },
};

// ---- Job and cluster services: the API request and response, Java 1.x error names ------------------------------------
// (connect-athena, connect-glue, connect-databrew, connect-batch, connect-ecs, connect-codebuild, connect-sagemaker,
// connect-emr-eks, connect-emr-serverless, connect-eks, connect-mediaconvert, connect-bedrock). The SDK metadata on
// these results is a [choice]: Step Functions serialises the Java 1.x result object, which carries it, as recorded for
// DynamoDB, SNS, SQS and Step Functions; no recording covers these services.

export const athena: OptimisedAdapter = { naming: javaV1Naming("Athena", "AmazonAthena"), sdkMetadata: true };
export const glue: OptimisedAdapter = { naming: javaV1Naming("Glue", "AWSGlue"), sdkMetadata: true };
export const dataBrew: OptimisedAdapter = { naming: javaV1Naming("DataBrew", "AWSGlueDataBrew"), sdkMetadata: true };
export const batch: OptimisedAdapter = { naming: javaV1Naming("Batch", "AWSBatch"), sdkMetadata: true };
export const ecs: OptimisedAdapter = { naming: javaV1Naming("ECS", "AmazonECS"), sdkMetadata: true };
export const codeBuild: OptimisedAdapter = { naming: javaV1Naming("CodeBuild", "AWSCodeBuild"), sdkMetadata: true };
export const sageMaker: OptimisedAdapter = { naming: javaV1Naming("SageMaker", "AmazonSageMaker"), sdkMetadata: true };
export const emrContainers: OptimisedAdapter = { naming: javaV1Naming("EMRContainers", "AmazonEMRContainers"), sdkMetadata: true };
export const emrServerless: OptimisedAdapter = { naming: javaV1Naming("EMRServerless", "AWSEMRServerless"), sdkMetadata: true };
export const eks: OptimisedAdapter = { naming: javaV1Naming("EKS", "AmazonEKS"), sdkMetadata: true };
export const mediaConvert: OptimisedAdapter = { naming: javaV1Naming("MediaConvert", "AWSMediaConvert"), sdkMetadata: true };
export const bedrock: OptimisedAdapter = { naming: javaV1Naming("Bedrock", "AmazonBedrock"), sdkMetadata: true };

// ---- EMR (connect-emr): Step Functions' actions wrap differently named EMR operations -------------------------------

const EMR = javaV1Naming("EMR", "AmazonElasticMapReduce");

/** `elasticmapreduce:createCluster` is RunJobFlow; the result names the cluster `ClusterId` [choice: EMR's JobFlowId renamed]. */
export const emrCreateCluster: OptimisedAdapter = {
  naming: EMR, sdkMetadata: true,
  response: ({ JobFlowId, ...rest }) => (JobFlowId === undefined ? rest : { ClusterId: JobFlowId, ...rest }),
};

/** `elasticmapreduce:terminateCluster {ClusterId}` is TerminateJobFlows `{JobFlowIds: [ClusterId]}`. */
export const emrTerminateCluster: OptimisedAdapter = {
  naming: EMR, sdkMetadata: true, parameters: ["ClusterId"],
  request: (p) => ({ JobFlowIds: [p["ClusterId"] ?? null] }),
};

/** `elasticmapreduce:addStep {ClusterId, Step, ExecutionRoleArn}` is AddJobFlowSteps with one step; result `{StepId}` [choice]. */
export const emrAddStep: OptimisedAdapter = {
  naming: EMR, sdkMetadata: true, parameters: ["ClusterId", "Step", "ExecutionRoleArn"],
  request: (p) => ({ JobFlowId: p["ClusterId"] ?? null, Steps: [p["Step"] ?? null], ...(p["ExecutionRoleArn"] !== undefined ? { ExecutionRoleArn: p["ExecutionRoleArn"] } : {}) }),
  response: ({ StepIds, ...rest }) => (Array.isArray(StepIds) && StepIds.length === 1 ? { StepId: StepIds[0] as Json, ...rest } : { ...rest, ...(StepIds !== undefined ? { StepIds } : {}) }),
};

/** `elasticmapreduce:cancelStep {ClusterId, StepId}` is CancelSteps `{ClusterId, StepIds: [StepId]}`. */
export const emrCancelStep: OptimisedAdapter = {
  naming: EMR, sdkMetadata: true, parameters: ["ClusterId", "StepId", "StepCancellationOption"],
  request: ({ StepId, ...rest }) => ({ ...rest, StepIds: [StepId ?? null] }),
};

/** `elasticmapreduce:setClusterTerminationProtection {ClusterId, TerminationProtected}` is SetTerminationProtection. */
export const emrSetClusterTerminationProtection: OptimisedAdapter = {
  naming: EMR, sdkMetadata: true, parameters: ["ClusterId", "TerminationProtected"],
  request: (p) => ({ JobFlowIds: [p["ClusterId"] ?? null], TerminationProtected: p["TerminationProtected"] ?? null }),
};

// ---- Bedrock runtime (connect-bedrock) -------------------------------------------------------------------------------

/**
 * `bedrock:invokeModel`: a Body that is not a string is sent as its JSON text, ContentType defaulting to
 * application/json; the result is `{Body, ContentType}` with Body parsed as JSON when it is JSON text. Reading the
 * request from S3 (`Input.S3Uri`) or writing the response to S3 (`Output.S3Uri`) is not supported.
 */
export const bedrockInvokeModel: OptimisedAdapter = {
  naming: javaV1Naming("Bedrock", "AmazonBedrockRuntime"), sdkMetadata: false,
  parameters: ["ModelId", "Body", "ContentType", "Accept", "Trace", "GuardrailIdentifier", "GuardrailVersion", "PerformanceConfigLatency", "Input", "Output"],
  request: (p) => {
    if (p["Input"] !== undefined || p["Output"] !== undefined) {
      throw new StatesError("States.Runtime", "bedrock:invokeModel with Input or Output in Amazon S3 is not supported by asl2durable; pass Body");
    }
    const body = p["Body"];
    return { ...p, ...(body !== undefined ? { Body: jsonText(body) } : {}), ContentType: p["ContentType"] ?? "application/json" };
  },
  response: (result) => {
    const body = result["Body"];
    if (typeof body !== "string") return result;
    try {
      return { ...result, Body: JSON.parse(body) as Json };
    } catch {
      return result;
    }
  },
};
