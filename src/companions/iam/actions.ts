/**
 * The IAM actions an AWS SDK call needs (`arn:aws:states:::aws-sdk:<service>:<action>`, ASL-6.2). As a rule the IAM
 * action is the API operation under the service's IAM prefix ("Actions, resources, and condition keys", AWS Service
 * Authorization Reference: `s3:GetObject`, `dynamodb:PutItem`); the tables below hold the exceptions:
 *
 * - prefixes that differ from Step Functions' service name (the AWS SDK for Java 2.x package name): `sfn` → `states`,
 *   `eventbridge` → `events`, `emr` → `elasticmapreduce`, `cloudwatchlogs` → `logs`, …;
 * - operations authorized by another action: S3 `ListObjectsV2` by `s3:ListBucket`, `HeadObject` by `s3:GetObject`,
 *   multipart uploads by `s3:PutObject`, SQS/SNS batch calls by their single-message action, Lambda `Invoke` by
 *   `lambda:InvokeFunction`, Bedrock `Converse` by `bedrock:InvokeModel` (Service Authorization Reference and each
 *   service's API reference, "Permissions" sections).
 */
const PREFIXES: Readonly<Record<string, string>> = {
  sfn: "states",
  eventbridge: "events",
  emr: "elasticmapreduce",
  emrcontainers: "emr-containers",
  emrserverless: "emr-serverless",
  redshiftdata: "redshift-data",
  bedrockruntime: "bedrock",
  bedrockagent: "bedrock",
  bedrockagentruntime: "bedrock",
  cloudwatchlogs: "logs",
  sesv2: "ses",
  elasticloadbalancingv2: "elasticloadbalancing",
  costexplorer: "ce",
  opensearch: "es",
  iotdata: "iot",
  apigatewayv2: "apigateway",
  apigatewaymanagementapi: "execute-api",
  dynamodbstreams: "dynamodb",
  pinpoint: "mobiletargeting",
};

const ACTIONS: Readonly<Record<string, readonly string[]>> = {
  "s3:listObjectsV2": ["s3:ListBucket"],
  "s3:listObjects": ["s3:ListBucket"],
  "s3:listObjectVersions": ["s3:ListBucketVersions"],
  "s3:headObject": ["s3:GetObject"],
  "s3:headBucket": ["s3:ListBucket"],
  "s3:deleteObjects": ["s3:DeleteObject"],
  "s3:copyObject": ["s3:GetObject", "s3:PutObject"],
  "s3:getObjectAttributes": ["s3:GetObject", "s3:GetObjectAttributes"],
  "s3:createMultipartUpload": ["s3:PutObject"],
  "s3:uploadPart": ["s3:PutObject"],
  "s3:completeMultipartUpload": ["s3:PutObject"],
  "s3:listParts": ["s3:ListMultipartUploadParts"],
  "s3:listMultipartUploads": ["s3:ListBucketMultipartUploads"],
  "s3:selectObjectContent": ["s3:GetObject"],
  "s3:listBuckets": ["s3:ListAllMyBuckets"],
  "sqs:sendMessageBatch": ["sqs:SendMessage"],
  "sqs:deleteMessageBatch": ["sqs:DeleteMessage"],
  "sqs:changeMessageVisibilityBatch": ["sqs:ChangeMessageVisibility"],
  "sns:publishBatch": ["sns:Publish"],
  "lambda:invoke": ["lambda:InvokeFunction"],
  "lambda:invokeWithResponseStream": ["lambda:InvokeFunction"],
  "bedrockruntime:converse": ["bedrock:InvokeModel"],
  "bedrockruntime:converseStream": ["bedrock:InvokeModelWithResponseStream"],
  "dynamodb:transactGetItems": ["dynamodb:GetItem"],
  "dynamodb:executeStatement": ["dynamodb:PartiQLSelect", "dynamodb:PartiQLInsert", "dynamodb:PartiQLUpdate", "dynamodb:PartiQLDelete"],
};

/** API Gateway's management API is authorized by HTTP verb (`apigateway:GET` on the resource path). */
function apiGatewayVerb(action: string): string {
  if (/^(get|list)/.test(action)) return "GET";
  if (/^create/.test(action)) return "POST";
  if (/^(update)/.test(action)) return "PATCH";
  if (/^put|^import/.test(action)) return "PUT";
  if (/^delete/.test(action)) return "DELETE";
  return "*";
}

/** The IAM prefix of an AWS SDK integration's service name. */
export function iamPrefix(service: string): string {
  return PREFIXES[service] ?? service;
}

/** The IAM actions of `aws-sdk:<service>:<action>`. */
export function sdkActions(service: string, action: string): string[] {
  const exception = ACTIONS[`${service}:${action}`];
  if (exception !== undefined) return [...exception];
  if (service === "apigateway" || service === "apigatewayv2") return [`apigateway:${apiGatewayVerb(action)}`];
  return [`${iamPrefix(service)}:${action.charAt(0).toUpperCase()}${action.slice(1)}`];
}

/** The IAM action of an SDK v3 command class (`DescribeJobsCommand` of `batch` → `batch:DescribeJobs`). */
export function commandAction(prefix: string, command: string): string {
  return `${prefix}:${command.replace(/Command$/, "")}`;
}
