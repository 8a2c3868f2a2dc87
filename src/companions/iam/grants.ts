import { classifyResource, hasPlaceholder } from "../../asl/integrations.js";
import { OPTIMISED_SDK } from "../../asl/services.js";
import type { MapState, TaskState } from "../../ir/types.js";
import { syncJobFor } from "../../runtime/sync/jobs.js";
import { commandAction, sdkActions } from "./actions.js";
import { dynamoTableArn, eventBusArn, executionsArn, isArnPlaceholder, lambdaArn, namedArn, s3BucketArn, s3Location, s3ObjectArn, sqsQueueArn, unqualifiedLambdaArn, type ArnContext } from "./arns.js";
import { literalString, member, parameter, type Field } from "./fields.js";

/**
 * What one Task (or a Distributed Map's ItemReader / ResultWriter) needs from IAM: the actions the generated handler's
 * calls perform, on the resources the definition names. A resource the definition does not fix (a value read at run
 * time) gets the narrowest wildcard that still works, and a note saying so.
 *
 * Sources: the AWS Step Functions developer guide, "How Step Functions generates IAM policies for integrated services"
 * and the per-service pages (lambda-iam, dynamo-iam, sqs-iam, sns-iam, eventbridge-iam, stepfunctions-iam, batch-iam,
 * ecs-iam, glue-iam, athena-iam, codebuild-iam, sagemaker-iam…), adjusted to what asl2durable's runtime calls: a
 * `.sync` Task starts the job and polls its describe call (src/runtime/sync/jobs.ts), so it needs those two actions
 * and not the EventBridge rule Step Functions manages, nor the stop call (the runtime never cancels a job).
 */
export interface Grant {
  action: string;
  resource: string;
  condition?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

export interface Requirement {
  grants: Grant[];
  notes: string[];
}

function need(actions: readonly string[], resources: readonly string[], condition?: Grant["condition"]): Grant[] {
  return actions.flatMap((action) => resources.map((resource) => (condition === undefined ? { action, resource } : { action, resource, condition })));
}

/** The text of a literal value with the caller's substitutions applied (`${Name}` → value). */
function substituted(text: string, substitutions: Readonly<Record<string, string>>): string {
  return text.replace(/\$\{([^}]+)\}/g, (whole, name: string) => (Object.hasOwn(substitutions, name) ? (substitutions[name] as string) : whole));
}

export interface GrantContext {
  arn: ArnContext;
  substitutions: Readonly<Record<string, string>>;
}

/** A literal string parameter with substitutions applied; undefined when the value is read at run time. */
function text(field: Field, ctx: GrantContext): string | undefined {
  const value = literalString(field);
  return value === undefined ? undefined : substituted(value, ctx.substitutions);
}

/** What a Task state's integration needs. */
export function taskRequirement(state: TaskState, ctx: GrantContext): Requirement {
  const notes: string[] = [];
  const resource = substituted(state.resource, ctx.substitutions);
  const kind = state.integration;
  if (kind.kind === "lambda-arn") {
    if (hasPlaceholder(resource)) notes.push(`the function ARN ${JSON.stringify(resource)} holds deploy-time placeholders: substitute them`);
    return { grants: need(["lambda:InvokeFunction"], [resource]), notes };
  }
  switch (kind.kind) {
    case "placeholder": {
      // The handler resolves the Resource when the Task runs and calls it as a Lambda function (src/runtime/deploy-time.ts).
      if (hasPlaceholder(resource)) {
        notes.push(`the Resource ${JSON.stringify(resource)} is only known at deploy time; the handler calls it as a Lambda function`);
        return { grants: need(["lambda:InvokeFunction"], [resource]), notes };
      }
      const resolved = classifyResource(resource);
      if (resolved.kind === "lambda-arn") return { grants: need(["lambda:InvokeFunction"], [resource]), notes };
      if (resolved.kind === "optimised" && resolved.service === "lambda" && resolved.action === "invoke" && resolved.pattern === "request-response") return lambdaInvoke(state, ctx);
      return { grants: [], notes: [`the Resource resolves to ${JSON.stringify(resource)}, which the handler cannot call: transpile the substituted definition`] };
    }
    case "activity":
      notes.push("an activity Task hands its work to the dispatcher given to makeHandler({ activities }); grant that dispatcher's own calls");
      return { grants: [], notes };
    case "invalid":
      return { grants: [], notes: [`the Resource ${JSON.stringify(resource)} is not a valid integration`] };
    case "aws-sdk":
      return sdkRequirement(state, kind.service, kind.action, ctx);
    case "optimised":
      return optimisedRequirement(state, kind.service, kind.action, kind.pattern, ctx);
  }
}

function lambdaInvoke(state: TaskState, ctx: GrantContext): Requirement {
  const name = text(parameter(state, "FunctionName"), ctx);
  if (name === undefined) {
    return {
      grants: need(["lambda:InvokeFunction"], [`arn:${ctx.arn.partition}:lambda:${ctx.arn.region}:${ctx.arn.account}:function:*`]),
      notes: ["FunctionName is read at run time: every function of the account may be invoked; narrow it by hand"],
    };
  }
  const qualifier = parameter(state, "Qualifier");
  if (qualifier.kind === "dynamic") {
    // Any version or alias of that function (the Qualifier is read at run time).
    const unqualified = unqualifiedLambdaArn(lambdaArn(name, ctx.arn));
    return { grants: need(["lambda:InvokeFunction"], [unqualified, `${unqualified}:*`]), notes: ["Qualifier is read at run time: every version and alias of the function may be invoked"] };
  }
  return { grants: need(["lambda:InvokeFunction"], [lambdaArn(name, ctx.arn, text(qualifier, ctx))]), notes: [] };
}

function optimisedRequirement(state: TaskState, service: string, action: string, pattern: string, ctx: GrantContext): Requirement {
  const { arn } = ctx;
  const sync = pattern === "sync" || pattern === "sync:2";
  const notes: string[] = [];
  const wildcard = (what: string, fallback: string): string => {
    notes.push(`${what} is read at run time: the resource is ${JSON.stringify(fallback)}; narrow it by hand`);
    return fallback;
  };
  switch (service) {
    case "lambda":
      return lambdaInvoke(state, ctx);
    case "dynamodb": {
      const table = text(parameter(state, "TableName"), ctx);
      const resource = table === undefined ? wildcard("TableName", `arn:${arn.partition}:dynamodb:${arn.region}:${arn.account}:table/*`) : dynamoTableArn(table, arn);
      return { grants: need([commandAction("dynamodb", `${capital(action)}Command`)], [resource]), notes };
    }
    case "sqs": {
      const url = text(parameter(state, "QueueUrl"), ctx);
      const queue = url === undefined ? undefined : sqsQueueArn(url, arn);
      const resource = queue ?? wildcard(url === undefined ? "QueueUrl" : `QueueUrl ${JSON.stringify(url)} (not an SQS queue URL)`, `arn:${arn.partition}:sqs:${arn.region}:${arn.account}:*`);
      return { grants: need(["sqs:SendMessage"], [resource]), notes };
    }
    case "sns": {
      const topic = text(parameter(state, "TopicArn"), ctx) ?? text(parameter(state, "TargetArn"), ctx);
      const resource = topic ?? wildcard("the topic (TopicArn, TargetArn or PhoneNumber)", parameter(state, "PhoneNumber").kind === "absent" ? `arn:${arn.partition}:sns:${arn.region}:${arn.account}:*` : "*");
      return { grants: need(["sns:Publish"], [resource]), notes };
    }
    case "events": {
      const entries = parameter(state, "Entries");
      if (entries.kind !== "literal" || !Array.isArray(entries.value)) {
        return { grants: need(["events:PutEvents"], [wildcard("Entries", `arn:${arn.partition}:events:${arn.region}:${arn.account}:event-bus/*`)]), notes };
      }
      const buses = entries.value.map((entry) => {
        const bus = member(entry, "EventBusName");
        if (bus.kind === "dynamic") return wildcard("EventBusName", `arn:${arn.partition}:events:${arn.region}:${arn.account}:event-bus/*`);
        return eventBusArn(text(bus, ctx), arn);
      });
      return { grants: need(["events:PutEvents"], buses), notes };
    }
    case "states": {
      const machine = text(parameter(state, "StateMachineArn"), ctx);
      const resource = machine ?? wildcard("StateMachineArn", `arn:${arn.partition}:states:${arn.region}:${arn.account}:stateMachine:*`);
      const grants = need(["states:StartExecution"], [resource]);
      if (sync) grants.push(...need(["states:DescribeExecution"], [machine === undefined ? `arn:${arn.partition}:states:${arn.region}:${arn.account}:execution:*` : executionsArn(machine, arn)]));
      return { grants, notes };
    }
    case "batch": {
      const definition = text(parameter(state, "JobDefinition"), ctx);
      const queue = text(parameter(state, "JobQueue"), ctx);
      const resources = [
        definition === undefined ? wildcard("JobDefinition", `arn:${arn.partition}:batch:${arn.region}:${arn.account}:job-definition/*`) : namedArn("batch", "job-definition", definition.includes(":") || isArnPlaceholder(definition) ? definition : `${definition}:*`, arn),
        queue === undefined ? wildcard("JobQueue", `arn:${arn.partition}:batch:${arn.region}:${arn.account}:job-queue/*`) : namedArn("batch", "job-queue", queue, arn),
      ];
      const grants = need(["batch:SubmitJob"], resources);
      // DescribeJobs has no resource-level permissions (batch-iam: "Resource": "*").
      if (sync) grants.push(...need(["batch:DescribeJobs"], ["*"]));
      return { grants, notes };
    }
    case "ecs": {
      const definition = text(parameter(state, "TaskDefinition"), ctx);
      const resource =
        definition === undefined
          ? wildcard("TaskDefinition", `arn:${arn.partition}:ecs:${arn.region}:${arn.account}:task-definition/*`)
          : namedArn("ecs", "task-definition", definition.includes(":") || isArnPlaceholder(definition) ? definition : `${definition}:*`, arn);
      const grants = need(["ecs:RunTask"], [resource]);
      // The task ID is known only after RunTask (ecs-iam: "Resource": "*").
      if (sync) grants.push(...need(["ecs:DescribeTasks"], ["*"]));
      const roles = ["TaskRoleArn", "ExecutionRoleArn"].map((key) => text(parameter(state, "Overrides", key), ctx)).filter((r): r is string => r !== undefined);
      grants.push(...need(["iam:PassRole"], roles.length > 0 ? roles : [`arn:${arn.partition}:iam::${arn.account}:role/*`], { StringEquals: { "iam:PassedToService": "ecs-tasks.amazonaws.com" } }));
      if (roles.length === 0) notes.push("RunTask passes the task definition's task and execution roles: iam:PassRole is granted on every role to ECS tasks; narrow it to those roles");
      return { grants, notes };
    }
    case "glue": {
      const job = text(parameter(state, "JobName"), ctx);
      const resource = job === undefined ? wildcard("JobName", `arn:${arn.partition}:glue:${arn.region}:${arn.account}:job/*`) : namedArn("glue", "job", job, arn);
      return { grants: need(sync ? ["glue:StartJobRun", "glue:GetJobRun"] : ["glue:StartJobRun"], [resource]), notes };
    }
    case "athena":
      return athenaRequirement(state, action, sync, ctx, notes, wildcard);
    case "http":
      return httpRequirement(state, ctx);
    case "apigateway":
      return apiGatewayRequirement(state, ctx);
    default:
      return genericRequirement(state, service, action, sync, ctx);
  }
}

function capital(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

function athenaRequirement(state: TaskState, action: string, sync: boolean, ctx: GrantContext, notes: string[], wildcard: (what: string, fallback: string) => string): Requirement {
  const { arn } = ctx;
  const group = parameter(state, "WorkGroup");
  const name = group.kind === "absent" ? "primary" : text(group, ctx);
  const workgroup = name === undefined ? wildcard("WorkGroup", `arn:${arn.partition}:athena:${arn.region}:${arn.account}:workgroup/*`) : namedArn("athena", "workgroup", name, arn);
  const actions = [`athena:${capital(action)}`, ...(sync ? ["athena:GetQueryExecution"] : [])];
  const grants = need(actions, [workgroup]);
  if (action === "startQueryExecution") {
    const output = text(parameter(state, "ResultConfiguration", "OutputLocation"), ctx);
    const location = output === undefined ? undefined : s3Location(output);
    if (location !== undefined) {
      grants.push(...need(["s3:GetBucketLocation", "s3:ListBucket"], [s3BucketArn(location.bucket, arn)]));
      grants.push(...need(["s3:GetObject", "s3:PutObject"], [s3ObjectArn(location.bucket, `${location.prefix}*`, arn)]));
    } else {
      notes.push("the query's output location is not written in the definition (or comes from the workgroup): grant S3 access to it by hand");
    }
    // The query reads the Glue Data Catalog and the tables' data, which the definition does not name (athena-iam).
    grants.push(...need(["glue:GetDatabase", "glue:GetTable", "glue:GetPartitions"], ["*"]));
    notes.push("the query reads Glue Data Catalog tables and their S3 data, which the definition does not name: glue:Get* is granted on every table; narrow it and add the data buckets");
  }
  return { grants, notes };
}

function httpRequirement(state: TaskState, ctx: GrantContext): Requirement {
  const connection = text(parameter(state, "Authentication", "ConnectionArn"), ctx) ?? text(parameter(state, "InvocationConfig", "ConnectionArn"), ctx);
  const { arn } = ctx;
  return {
    grants: [
      ...need(["events:RetrieveConnectionCredentials"], [connection ?? `arn:${arn.partition}:events:${arn.region}:${arn.account}:connection/*`]),
      ...need(["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"], [`arn:${arn.partition}:secretsmanager:${arn.region}:${arn.account}:secret:events!connection/*`]),
    ],
    notes: [
      "http:invoke takes its credentials from the connection resolver given to makeHandler({ http }); these grants let it read an EventBridge connection as Step Functions does (http-task IAM); drop them if the resolver gets credentials elsewhere",
    ],
  };
}

function apiGatewayRequirement(state: TaskState, ctx: GrantContext): Requirement {
  const auth = text(parameter(state, "AuthType"), ctx);
  if (auth !== "IAM_ROLE" && auth !== "RESOURCE_POLICY") return { grants: [], notes: [] };
  const endpoint = text(parameter(state, "ApiEndpoint"), ctx);
  const m = endpoint === undefined ? null : /^(?:https:\/\/)?([a-z0-9]+)\.execute-api\.([a-z0-9-]+)\.amazonaws\.com/.exec(endpoint);
  const { arn } = ctx;
  const stage = text(parameter(state, "Stage"), ctx) ?? "*";
  const method = text(parameter(state, "Method"), ctx) ?? "*";
  const resource = m === null ? `arn:${arn.partition}:execute-api:${arn.region}:${arn.account}:*` : `arn:${arn.partition}:execute-api:${m[2] as string}:${arn.account}:${m[1] as string}/${stage}/${method}/*`;
  return { grants: need(["execute-api:Invoke"], [resource]), notes: m === null ? ["ApiEndpoint is not an execute-api host: execute-api:Invoke is granted on every API; narrow it by hand"] : [] };
}

/** Other optimised integrations: the SDK commands the handler sends (src/asl/services.ts, src/runtime/sync/jobs.ts), on every resource. */
function genericRequirement(state: TaskState, service: string, action: string, sync: boolean, ctx: GrantContext): Requirement {
  const commands: string[] = [];
  if (sync) {
    const job = syncJobFor(substituted(state.resource, ctx.substitutions));
    if (job !== undefined) commands.push(job.sdk.start, job.sdk.describe);
  } else {
    const entry = OPTIMISED_SDK[service];
    const command = entry?.[2][action]?.[0];
    if (command !== undefined) commands.push(command);
    else if (service === "bedrock" && action === "createModelCustomizationJob") commands.push("CreateModelCustomizationJobCommand");
  }
  if (commands.length === 0) return { grants: [], notes: [`${service}:${action} has no AWS SDK call in the runtime; grant what its replacement calls`] };
  const actions = commands.map((c) => commandAction(service, c));
  const grants = need(actions, ["*"]);
  const notes = [`${actions.join(", ")}: the resources are not derived from the definition; narrow "*" by hand`];
  const role = literalString(parameter(state, "RoleArn")) ?? literalString(parameter(state, "ExecutionRoleArn")) ?? literalString(parameter(state, "ServiceRole"));
  if (role !== undefined) grants.push(...need(["iam:PassRole"], [substituted(role, ctx.substitutions)]));
  return { grants, notes };
}

/** `aws-sdk:<service>:<action>`: the action(s) the call needs, on the resources its parameters name where known. */
function sdkRequirement(state: TaskState, service: string, action: string, ctx: GrantContext): Requirement {
  const actions = sdkActions(service, action);
  const { arn } = ctx;
  const notes: string[] = [];
  const wildcard = (what: string, fallback: string): string => {
    notes.push(`${what} is read at run time: the resource is ${JSON.stringify(fallback)}; narrow it by hand`);
    return fallback;
  };
  switch (service) {
    case "s3":
      return { grants: s3Grants(state, action, actions, ctx, wildcard), notes };
    case "dynamodb": {
      const tables = dynamoTables(state, ctx);
      if (tables === undefined) return { grants: need(actions, [wildcard("TableName", `arn:${arn.partition}:dynamodb:${arn.region}:${arn.account}:table/*`)]), notes };
      const index = text(parameter(state, "IndexName"), ctx);
      const resources = tables.flatMap((t) => [dynamoTableArn(t, arn), ...(index !== undefined ? [`${dynamoTableArn(t, arn)}/index/${index}`] : [])]);
      return { grants: need(actions, resources), notes };
    }
    case "sqs": {
      const url = text(parameter(state, "QueueUrl"), ctx);
      const queue = url === undefined ? undefined : sqsQueueArn(url, arn);
      return { grants: need(actions, [queue ?? wildcard("QueueUrl", `arn:${arn.partition}:sqs:${arn.region}:${arn.account}:*`)]), notes };
    }
    case "sns": {
      const topic = text(parameter(state, "TopicArn"), ctx) ?? text(parameter(state, "TargetArn"), ctx);
      return { grants: need(actions, [topic ?? wildcard("TopicArn", `arn:${arn.partition}:sns:${arn.region}:${arn.account}:*`)]), notes };
    }
    case "lambda": {
      const name = text(parameter(state, "FunctionName"), ctx);
      return { grants: need(actions, [name === undefined ? wildcard("FunctionName", `arn:${arn.partition}:lambda:${arn.region}:${arn.account}:function:*`) : lambdaArn(name, arn, text(parameter(state, "Qualifier"), ctx))]), notes };
    }
    case "sfn": {
      const machine = text(parameter(state, "StateMachineArn"), ctx);
      if (machine !== undefined) return { grants: need(actions, [machine]), notes };
      break;
    }
    case "eventbridge": {
      if (action === "putEvents") {
        const entries = parameter(state, "Entries");
        const buses = entries.kind === "literal" && Array.isArray(entries.value) ? entries.value.map((e) => literalString(member(e, "EventBusName"))) : [];
        if (buses.length > 0 && entries.kind === "literal") return { grants: need(actions, buses.map((b) => eventBusArn(b === undefined ? undefined : substituted(b, ctx.substitutions), arn))), notes };
      }
      break;
    }
    case "sts": {
      const role = text(parameter(state, "RoleArn"), ctx);
      if (role !== undefined) return { grants: need(actions, [role]), notes };
      break;
    }
    default:
      break;
  }
  notes.push(`${actions.join(", ")}: the resources are not derived from the definition; narrow "*" by hand`);
  return { grants: need(actions, ["*"]), notes };
}

/** The tables a DynamoDB call names: TableName, the keys of RequestItems, or the tables of TransactItems. */
function dynamoTables(state: TaskState, ctx: GrantContext): string[] | undefined {
  const table = parameter(state, "TableName");
  if (table.kind !== "absent") {
    const name = text(table, ctx);
    return name === undefined ? undefined : [name];
  }
  const requests = parameter(state, "RequestItems");
  if (requests.kind === "literal" && requests.value !== null && typeof requests.value === "object" && !Array.isArray(requests.value)) {
    const keys = Object.keys(requests.value);
    return keys.some((k) => k.endsWith(".$")) ? undefined : keys.map((k) => substituted(k, ctx.substitutions));
  }
  const items = parameter(state, "TransactItems");
  if (items.kind === "literal" && Array.isArray(items.value)) {
    const names = items.value.flatMap((item) => Object.values(item !== null && typeof item === "object" ? item : {}).map((op) => text(member(op, "TableName"), ctx)));
    return names.every((n): n is string => n !== undefined) ? names : undefined;
  }
  return undefined;
}

const S3_OBJECT_ACTIONS = new Set([
  "s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:GetObjectAttributes", "s3:GetObjectTagging", "s3:PutObjectTagging",
  "s3:DeleteObjectTagging", "s3:GetObjectAcl", "s3:PutObjectAcl", "s3:RestoreObject", "s3:AbortMultipartUpload",
  "s3:ListMultipartUploadParts", "s3:GetObjectVersion", "s3:GetObjectRetention", "s3:PutObjectRetention",
  "s3:GetObjectLegalHold", "s3:PutObjectLegalHold",
]);

/** S3: object actions on `bucket/key`, bucket actions on the bucket; CopyObject reads its CopySource. */
function s3Grants(state: TaskState, action: string, actions: readonly string[], ctx: GrantContext, wildcard: (what: string, fallback: string) => string): Grant[] {
  const { arn } = ctx;
  const bucket = text(parameter(state, "Bucket"), ctx);
  const key = text(parameter(state, "Key"), ctx);
  if (action === "listBuckets") return need(actions, ["*"]);
  const bucketArn = (): string => (bucket === undefined ? wildcard("Bucket", `arn:${arn.partition}:s3:::*`) : s3BucketArn(bucket, arn));
  const objectArn = (): string =>
    bucket === undefined
      ? wildcard("Bucket", `arn:${arn.partition}:s3:::*/*`)
      : key === undefined
        ? wildcard("Key", s3ObjectArn(bucket, "*", arn))
        : s3ObjectArn(bucket, key, arn);
  if (action === "copyObject") {
    const source = text(parameter(state, "CopySource"), ctx);
    const from = source === undefined ? wildcard("CopySource", `arn:${arn.partition}:s3:::*/*`) : `arn:${arn.partition}:s3:::${source.replace(/^\//, "").replace(/\?.*$/, "")}`;
    return [...need(["s3:GetObject"], [from]), ...need(["s3:PutObject"], [objectArn()])];
  }
  const objectActions = actions.filter((a) => S3_OBJECT_ACTIONS.has(a));
  const bucketActions = actions.filter((a) => !S3_OBJECT_ACTIONS.has(a));
  return [...(objectActions.length > 0 ? need(objectActions, [objectArn()]) : []), ...(bucketActions.length > 0 ? need(bucketActions, [bucketArn()]) : [])];
}

/** A Distributed Map's ItemReader and ResultWriter (ASL-6.8): the S3 reads and writes the runtime makes. */
export function mapRequirement(state: MapState, ctx: GrantContext): Requirement {
  const distributed = state.distributed;
  const notes: string[] = [];
  const grants: Grant[] = [];
  if (distributed === undefined) return { grants, notes };
  const { arn } = ctx;
  const field = (container: Readonly<Record<string, unknown>>, key: string): Field => member(container["Arguments"] ?? container["Parameters"], key);
  const reader = distributed.itemReader;
  if (reader !== undefined) {
    const bucket = text(field(reader, "Bucket"), ctx);
    const resource = String(reader["Resource"] ?? "");
    const config = (reader["ReaderConfig"] ?? {}) as Record<string, unknown>;
    if (bucket === undefined) notes.push(`the ItemReader bucket of ${JSON.stringify(state.origin.name)} is read at run time: S3 access is granted on every bucket; narrow it by hand`);
    if (resource.endsWith("listObjectsV2")) {
      const prefix = text(field(reader, "Prefix"), ctx) ?? "";
      grants.push(...need(["s3:ListBucket"], [bucket === undefined ? `arn:${arn.partition}:s3:::*` : s3BucketArn(bucket, arn)]));
      if (config["Transformation"] === "LOAD_AND_FLATTEN") grants.push(...need(["s3:GetObject"], [bucket === undefined ? `arn:${arn.partition}:s3:::*/*` : s3ObjectArn(bucket, `${prefix}*`, arn)]));
    } else {
      const key = text(field(reader, "Key"), ctx);
      const manifest = config["InputType"] === "MANIFEST" || config["ManifestType"] !== undefined;
      // A manifest lists data files elsewhere in the bucket (S3 inventory, Athena): those are read too.
      const objectKey = manifest || key === undefined ? "*" : key;
      if (bucket !== undefined && (manifest || key === undefined)) notes.push(`the ItemReader of ${JSON.stringify(state.origin.name)} reads objects the definition does not name: s3:GetObject is granted on the whole bucket`);
      grants.push(...need(["s3:GetObject"], [bucket === undefined ? `arn:${arn.partition}:s3:::*/*` : s3ObjectArn(bucket, objectKey, arn)]));
    }
  }
  const writer = distributed.resultWriter;
  if (writer !== undefined && (writer["Parameters"] !== undefined || writer["Arguments"] !== undefined)) {
    const bucket = text(field(writer, "Bucket"), ctx);
    const prefix = text(field(writer, "Prefix"), ctx);
    if (bucket === undefined) notes.push(`the ResultWriter bucket of ${JSON.stringify(state.origin.name)} is read at run time: s3:PutObject is granted on every bucket; narrow it by hand`);
    grants.push(...need(["s3:PutObject"], [bucket === undefined ? `arn:${arn.partition}:s3:::*/*` : s3ObjectArn(bucket, prefix === undefined || prefix === "" ? "*" : `${prefix.replace(/\/$/, "")}/*`, arn)]));
  }
  return { grants, notes };
}

/** Credentials (ASL-6.2): the function's role assumes the Task's role; undefined RoleArn = read at run time. */
export function credentialsRole(state: TaskState | MapState, ctx: GrantContext): { roleArn?: string } | undefined {
  if (state.kind !== "task" || state.credentials === undefined) return undefined;
  const role = text(member(state.credentials, "RoleArn"), ctx);
  return role === undefined ? {} : { roleArn: role };
}
