/**
 * Task `Resource` ARNs (ASL-6.2): how to recognise each kind, and the optimised service integrations
 * Step Functions offers, with the integration patterns each action supports. Source: the AWS Step Functions
 * developer guide, "Integrating optimized services" (checked 2026-11); `aws-sdk:` integrations are open-ended.
 */
export type IntegrationPattern = "request-response" | "sync" | "sync:2" | "waitForTaskToken";

export type ResourceKind =
  | { kind: "lambda-arn"; functionName: string; qualifier?: string }
  | { kind: "activity"; name: string }
  | { kind: "optimised"; service: string; action: string; pattern: IntegrationPattern }
  | { kind: "aws-sdk"; service: string; action: string; pattern: IntegrationPattern }
  | { kind: "placeholder" }
  | { kind: "invalid"; reason: string; unknownIntegration?: true };

type Table = Readonly<Record<string, Readonly<Record<string, readonly IntegrationPattern[]>>>>;

const RR: readonly IntegrationPattern[] = ["request-response"];
const RR_TOKEN: readonly IntegrationPattern[] = ["request-response", "waitForTaskToken"];
const RR_SYNC: readonly IntegrationPattern[] = ["request-response", "sync"];
const RR_SYNC_TOKEN: readonly IntegrationPattern[] = ["request-response", "sync", "waitForTaskToken"];

export const OPTIMISED_INTEGRATIONS: Table = {
  lambda: { invoke: RR_TOKEN },
  states: { startExecution: ["request-response", "sync", "sync:2", "waitForTaskToken"] },
  dynamodb: { getItem: RR, putItem: RR, updateItem: RR, deleteItem: RR },
  sns: { publish: RR_TOKEN },
  sqs: { sendMessage: RR_TOKEN },
  events: { putEvents: RR_TOKEN },
  apigateway: { invoke: RR_TOKEN },
  http: { invoke: RR },
  ecs: { runTask: RR_SYNC_TOKEN },
  batch: { submitJob: RR_SYNC_TOKEN },
  glue: { startJobRun: RR_SYNC_TOKEN },
  databrew: { startJobRun: RR_SYNC },
  athena: { startQueryExecution: RR_SYNC_TOKEN, stopQueryExecution: RR, getQueryExecution: RR, getQueryResults: RR },
  codebuild: {
    startBuild: RR_SYNC, stopBuild: RR, batchDeleteBuilds: RR, batchGetReports: RR,
    startBuildBatch: RR_SYNC, stopBuildBatch: RR, retryBuildBatch: RR_SYNC, deleteBuildBatch: RR,
  },
  sagemaker: {
    createTrainingJob: RR_SYNC, createTransformJob: RR_SYNC, createProcessingJob: RR_SYNC,
    createHyperParameterTuningJob: RR_SYNC, createLabelingJob: RR_SYNC, createEndpoint: RR,
    createEndpointConfig: RR, createModel: RR, updateEndpoint: RR,
  },
  elasticmapreduce: {
    createCluster: RR_SYNC, terminateCluster: RR_SYNC, addStep: RR_SYNC, cancelStep: RR,
    setClusterTerminationProtection: RR, modifyInstanceFleetByName: RR, modifyInstanceGroupByName: RR,
  },
  "emr-containers": { startJobRun: RR_SYNC, createVirtualCluster: RR, deleteVirtualCluster: RR_SYNC },
  "emr-serverless": {
    createApplication: RR_SYNC, startApplication: RR_SYNC, stopApplication: RR_SYNC, deleteApplication: RR_SYNC,
    startJobRun: RR_SYNC, cancelJobRun: RR_SYNC,
  },
  eks: {
    createCluster: RR_SYNC, deleteCluster: RR_SYNC, createFargateProfile: RR_SYNC, deleteFargateProfile: RR_SYNC,
    createNodegroup: RR_SYNC, deleteNodegroup: RR_SYNC, runJob: RR_SYNC, call: RR,
  },
  bedrock: { invokeModel: RR, createModelCustomizationJob: RR_SYNC },
  mediaconvert: { createJob: RR_SYNC },
};

/** Resources valid only as a Distributed Map ItemReader / ResultWriter. */
export const ITEM_READER_RESOURCES = ["s3:getObject", "s3:listObjectsV2"] as const;
export const RESULT_WRITER_RESOURCES = ["s3:putObject"] as const;

const PATTERN_SUFFIX: Readonly<Record<string, IntegrationPattern>> = {
  "": "request-response",
  ".sync": "sync",
  ".sync:2": "sync:2",
  ".waitForTaskToken": "waitForTaskToken",
};

/** True for `${Name}` deploy-time placeholders anywhere in the string. */
export function hasPlaceholder(text: string): boolean {
  return /\$\{[^}]*\}/.test(text);
}

const ARN = /^arn:([^:]+):([^:]+):([^:]*):([^:]*):(.*)$/;

/** Classify a Task `Resource` string. */
export function classifyResource(resource: string): ResourceKind {
  // A placeholder for the partition, region or account (arn:${AWS::Partition}:states:::lambda:invoke) leaves the kind
  // of resource known; one in the service or resource part hides it until the definition is substituted.
  const masked = resource.replace(/\$\{[^}]*\}/g, "\u0000");
  const m = ARN.exec(masked);
  if (!m ? masked.includes("\u0000") : (m[2] as string).includes("\u0000") || (m[5] as string).includes("\u0000")) return { kind: "placeholder" };
  if (!m) return { kind: "invalid", reason: "it is not an ARN (arn:partition:service:region:account:resource)" };
  const [, , service, , , rest] = m as unknown as [string, string, string, string, string, string];
  if (service === "lambda") {
    const f = /^function:([^:]+)(?::([^:]+))?$/.exec(rest);
    if (!f) return { kind: "invalid", reason: "a Lambda ARN must end in function:<name>[:<alias or version>]" };
    return f[2] === undefined ? { kind: "lambda-arn", functionName: f[1] as string } : { kind: "lambda-arn", functionName: f[1] as string, qualifier: f[2] };
  }
  if (service !== "states") return { kind: "invalid", reason: `service "${service}" cannot be a Task resource; use arn:aws:states:::aws-sdk:${service}:<action>` };
  const activity = /^activity:(.+)$/.exec(rest);
  if (activity && m[3] !== "") return { kind: "activity", name: activity[1] as string };
  // Integration ARNs are normally written arn:aws:states:::service:action; Step Functions also accepts a region and
  // account (published AWS samples use arn:aws:states:us-east-1:123456789012:aws-sdk:s3:getObject).
  const sdk = /^aws-sdk:([a-z0-9-]+):([A-Za-z0-9]+)(\.waitForTaskToken)?$/.exec(rest);
  if (sdk) {
    return { kind: "aws-sdk", service: sdk[1] as string, action: sdk[2] as string, pattern: sdk[3] ? "waitForTaskToken" : "request-response" };
  }
  const opt = /^([a-z0-9-]+):([A-Za-z0-9]+)(\.sync:2|\.sync|\.waitForTaskToken)?$/.exec(rest);
  if (!opt) return { kind: "invalid", reason: `"${rest}" is not <service>:<action>[.sync|.sync:2|.waitForTaskToken]` };
  const [, svc, action, suffix] = opt as unknown as [string, string, string, string | undefined];
  const pattern = PATTERN_SUFFIX[suffix ?? ""] as IntegrationPattern;
  const actions = OPTIMISED_INTEGRATIONS[svc];
  if (!actions) return { kind: "invalid", unknownIntegration: true, reason: `"${svc}" is not an optimised integration; use arn:aws:states:::aws-sdk:${svc}:${action}` };
  const patterns = actions[action];
  if (!patterns) return { kind: "invalid", unknownIntegration: true, reason: `"${svc}:${action}" is not an optimised integration; use arn:aws:states:::aws-sdk:${svc}:${action}` };
  if (!patterns.includes(pattern)) {
    return { kind: "invalid", unknownIntegration: true, reason: `"${svc}:${action}" does not support the ${suffix ?? "request-response"} pattern (it supports ${patterns.join(", ")})` };
  }
  return { kind: "optimised", service: svc, action, pattern };
}

/**
 * A Task Resource as text: a string as it is, a CloudFormation intrinsic as the `${…}` placeholder it stands for, so
 * that it is resolved the same way at deploy or run time: `{"Ref": "Fn"}` → `${Fn}`, `{"Fn::GetAtt": ["Fn", "Arn"]}`
 * (or `"Fn.Arn"`) → `${Fn.Arn}`, `{"Fn::Sub": "…"}` → its template, `{"Fn::Join": [d, parts]}` → the parts joined.
 * Anything else gives undefined.
 */
export function resourceText(resource: unknown): string | undefined {
  if (typeof resource === "string") return resource;
  if (resource === null || typeof resource !== "object" || Array.isArray(resource)) return undefined;
  const entries = Object.entries(resource);
  if (entries.length !== 1) return undefined;
  const [fn, arg] = entries[0] as [string, unknown];
  switch (fn) {
    case "Ref":
      return typeof arg === "string" ? `\${${arg}}` : undefined;
    case "Fn::GetAtt":
      if (typeof arg === "string") return `\${${arg}}`;
      return Array.isArray(arg) && arg.every((a) => typeof a === "string") ? `\${${arg.join(".")}}` : undefined;
    case "Fn::Sub":
      if (typeof arg === "string") return arg;
      return Array.isArray(arg) && typeof arg[0] === "string" ? arg[0] : undefined;
    case "Fn::Join": {
      if (!Array.isArray(arg) || typeof arg[0] !== "string" || !Array.isArray(arg[1])) return undefined;
      const parts = (arg[1] as unknown[]).map(resourceText);
      return parts.every((p): p is string => p !== undefined) ? parts.join(arg[0]) : undefined;
    }
    default:
      return undefined;
  }
}
