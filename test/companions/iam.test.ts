import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { leastPrivilegePolicy, policyReport, type PolicyDocument, type PolicyStatement } from "../../src/companions/iam.js";
import { machineOf } from "./support.js";

/**
 * Least-privilege IAM (src/companions/iam.ts), asserted against the Task resources of the definitions: the expected
 * statements are written by hand from the AWS Step Functions developer guide's "IAM policies for integrated services"
 * pages and the Lambda durable functions security page, adjusted to what the runtime calls.
 */
const OPTIONS = { region: "eu-west-1", account: "123456789012", functionName: "order-flow" };
const P = "arn:aws";
const DURABLE: PolicyStatement[] = [
  { Sid: "LambdaCheckpointDurableExecution", Effect: "Allow", Action: ["lambda:CheckpointDurableExecution", "lambda:GetDurableExecutionState"], Resource: [`${P}:lambda:eu-west-1:123456789012:function:order-flow:*`] },
  { Sid: "LogsCreateLogGroup", Effect: "Allow", Action: ["logs:CreateLogGroup"], Resource: [`${P}:logs:eu-west-1:123456789012:*`] },
  { Sid: "LogsCreateLogStream", Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: [`${P}:logs:eu-west-1:123456789012:log-group:/aws/lambda/order-flow:*`] },
];

/** The statements of a policy without the durable function's own (checkpoints, logs). */
function taskStatements(policy: PolicyDocument): PolicyStatement[] {
  return policy.Statement.filter((s) => !DURABLE.some((d) => d.Sid === s.Sid));
}

function task(resource: string, fields: Record<string, unknown> = {}) {
  return { Type: "Task", Resource: resource, ...fields };
}

/** A machine of Tasks run one after the other. */
function chain(states: Record<string, Record<string, unknown>>): unknown {
  const names = Object.keys(states);
  return {
    StartAt: names[0],
    States: Object.fromEntries(names.map((n, i) => [n, { ...states[n], ...(i < names.length - 1 ? { Next: names[i + 1] } : { End: true }) }])),
  };
}

describe("the durable function's own permissions", () => {
  test("checkpoints on the function's versions (`:*`) and its log group, present in every policy", async () => {
    const machine = await machineOf({ StartAt: "P", States: { P: { Type: "Pass", End: true } } });
    assert.deepEqual(leastPrivilegePolicy(machine, OPTIONS), { Version: "2012-10-17", Statement: DURABLE });
  });
});

describe("optimised integrations", () => {
  test("DynamoDB, SNS, SQS, EventBridge: the exact tables, topics, queues and buses", async () => {
    const machine = await machineOf(readFileSync(new URL("../../fixtures/transpile/optimised-services/definition.asl.json", import.meta.url), "utf8"));
    const report = policyReport(machine, OPTIONS);
    assert.deepEqual(report.policy, {
      Version: "2012-10-17",
      Statement: [
        { Sid: "DynamodbPutItem", Effect: "Allow", Action: ["dynamodb:PutItem"], Resource: [`${P}:dynamodb:eu-west-1:123456789012:table/orders`] },
        { Sid: "EventsPutEvents", Effect: "Allow", Action: ["events:PutEvents"], Resource: [`${P}:events:eu-west-1:123456789012:event-bus/orders`] },
        ...DURABLE,
        { Sid: "SnsPublish", Effect: "Allow", Action: ["sns:Publish"], Resource: [`${P}:sns:eu-west-1:123456789012:order-notifications`] },
        // QueueUrl https://sqs.eu-west-1.amazonaws.com/123456789012/fulfilment → the queue's ARN.
        { Sid: "SqsSendMessage", Effect: "Allow", Action: ["sqs:SendMessage"], Resource: [`${P}:sqs:eu-west-1:123456789012:fulfilment`] },
      ],
    });
    assert.deepEqual(report.notes, []);
  });

  test("Lambda: function ARNs as written, lambda:invoke FunctionName with its Qualifier, a run-time name as a flagged wildcard", async () => {
    const machine = await machineOf(
      chain({
        Plain: task(`${P}:lambda:us-east-1:111122223333:function:validate`),
        Alias: task(`${P}:lambda:us-east-1:111122223333:function:charge:live`),
        ByName: task(`${P}:states:::lambda:invoke`, { Parameters: { FunctionName: "notify", Qualifier: "3", Payload: {} } }),
        Again: task(`${P}:lambda:us-east-1:111122223333:function:validate`),
        Partial: task(`${P}:states:::lambda:invoke.waitForTaskToken`, { Parameters: { FunctionName: "444455556666:function:approve", "Payload.$": "$" } }),
        Dynamic: task(`${P}:states:::lambda:invoke`, { Parameters: { "FunctionName.$": "$.fn" } }),
        AnyVersion: task(`${P}:states:::lambda:invoke`, { Parameters: { FunctionName: "report", "Qualifier.$": "$.v" } }),
      }),
    );
    const report = policyReport(machine, OPTIONS);
    assert.deepEqual(taskStatements(report.policy), [
      {
        Sid: "LambdaInvokeFunction",
        Effect: "Allow",
        Action: ["lambda:InvokeFunction"],
        Resource: [
          `${P}:lambda:eu-west-1:123456789012:function:*`,
          `${P}:lambda:eu-west-1:123456789012:function:notify:3`,
          `${P}:lambda:eu-west-1:123456789012:function:report`,
          `${P}:lambda:eu-west-1:123456789012:function:report:*`,
          `${P}:lambda:eu-west-1:444455556666:function:approve`,
          `${P}:lambda:us-east-1:111122223333:function:charge:live`,
          `${P}:lambda:us-east-1:111122223333:function:validate`,
        ],
      },
    ]);
    assert.deepEqual(
      report.notes.map((n) => n.state),
      ["Dynamic", "AnyVersion"],
    );
  });

  test(".sync: start and describe calls (states, batch, ecs with iam:PassRole, glue); no EventBridge rule, no stop call", async () => {
    const machine = await machineOf(
      chain({
        Child: task(`${P}:states:::states:startExecution.sync:2`, { Parameters: { StateMachineArn: `${P}:states:eu-west-1:123456789012:stateMachine:extract`, Input: {} } }),
        Batch: task(`${P}:states:::batch:submitJob.sync`, { Parameters: { JobName: "j", JobQueue: "etl", JobDefinition: "transform" } }),
        Ecs: task(`${P}:states:::ecs:runTask.sync`, { Parameters: { Cluster: "c", TaskDefinition: "render:7", Overrides: { TaskRoleArn: `${P}:iam::123456789012:role/render` } } }),
        Glue: task(`${P}:states:::glue:startJobRun.sync`, { Parameters: { JobName: "nightly" } }),
      }),
    );
    assert.deepEqual(taskStatements(leastPrivilegePolicy(machine, OPTIONS)), [
      // DescribeJobs and DescribeTasks have no resource-level permissions (batch-iam, ecs-iam: "Resource": "*").
      { Sid: "BatchDescribeJobs", Effect: "Allow", Action: ["batch:DescribeJobs", "ecs:DescribeTasks"], Resource: ["*"] },
      { Sid: "BatchSubmitJob", Effect: "Allow", Action: ["batch:SubmitJob"], Resource: [`${P}:batch:eu-west-1:123456789012:job-definition/transform:*`, `${P}:batch:eu-west-1:123456789012:job-queue/etl`] },
      { Sid: "EcsRunTask", Effect: "Allow", Action: ["ecs:RunTask"], Resource: [`${P}:ecs:eu-west-1:123456789012:task-definition/render:7`] },
      { Sid: "GlueGetJobRun", Effect: "Allow", Action: ["glue:GetJobRun", "glue:StartJobRun"], Resource: [`${P}:glue:eu-west-1:123456789012:job/nightly`] },
      {
        Sid: "IamPassRole",
        Effect: "Allow",
        Action: ["iam:PassRole"],
        Resource: [`${P}:iam::123456789012:role/render`],
        Condition: { StringEquals: { "iam:PassedToService": "ecs-tasks.amazonaws.com" } },
      },
      { Sid: "StatesDescribeExecution", Effect: "Allow", Action: ["states:DescribeExecution"], Resource: [`${P}:states:eu-west-1:123456789012:execution:extract:*`] },
      { Sid: "StatesStartExecution", Effect: "Allow", Action: ["states:StartExecution"], Resource: [`${P}:states:eu-west-1:123456789012:stateMachine:extract`] },
    ]);
  });
});

describe("HTTP, Athena and the other optimised integrations", () => {
  test("http:invoke reads its EventBridge connection; an IAM_ROLE apigateway:invoke may invoke that stage, method and API", async () => {
    const machine = await machineOf(readFileSync(new URL("../../fixtures/transpile/http/definition.asl.json", import.meta.url), "utf8"));
    assert.deepEqual(taskStatements(leastPrivilegePolicy(machine, OPTIONS)), [
      { Sid: "EventsRetrieveConnectionCredentials", Effect: "Allow", Action: ["events:RetrieveConnectionCredentials"], Resource: [`${P}:events:eu-west-1:123456789012:connection/rates-api/6c1f0b9e-2d3a-4b5c-8e7f-9a0b1c2d3e4f`] },
      { Sid: "ExecuteApiInvoke", Effect: "Allow", Action: ["execute-api:Invoke"], Resource: [`${P}:execute-api:eu-west-1:123456789012:k3x9q2m7pz/prod/POST/*`] },
      // The connection's credentials live in a Secrets Manager secret EventBridge manages (events!connection/…).
      { Sid: "SecretsmanagerDescribeSecret", Effect: "Allow", Action: ["secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue"], Resource: [`${P}:secretsmanager:eu-west-1:123456789012:secret:events!connection/*`] },
    ]);
  });

  test("Athena: the workgroup (primary by default), the output location, the catalog flagged; SageMaker: the call and iam:PassRole of its RoleArn", async () => {
    const machine = await machineOf(
      chain({
        Query: task(`${P}:states:::athena:startQueryExecution.sync`, { Parameters: { QueryString: "SELECT 1", ResultConfiguration: { OutputLocation: "s3://query-results/athena/" } } }),
        Train: task(`${P}:states:::sagemaker:createTrainingJob`, { Parameters: { TrainingJobName: "t", RoleArn: `${P}:iam::123456789012:role/sm`, AlgorithmSpecification: {} } }),
        Publish: task(`${P}:states:::events:putEvents`, { Parameters: { Entries: [{ "EventBusName.$": "$.bus", Source: "s", DetailType: "d", Detail: {} }] } }),
      }),
    );
    const report = policyReport(machine, OPTIONS);
    assert.deepEqual(taskStatements(report.policy), [
      { Sid: "AthenaGetQueryExecution", Effect: "Allow", Action: ["athena:GetQueryExecution", "athena:StartQueryExecution"], Resource: [`${P}:athena:eu-west-1:123456789012:workgroup/primary`] },
      { Sid: "EventsPutEvents", Effect: "Allow", Action: ["events:PutEvents"], Resource: [`${P}:events:eu-west-1:123456789012:event-bus/*`] },
      { Sid: "GlueGetDatabase", Effect: "Allow", Action: ["glue:GetDatabase", "glue:GetPartitions", "glue:GetTable", "sagemaker:CreateTrainingJob"], Resource: ["*"] },
      { Sid: "IamPassRole", Effect: "Allow", Action: ["iam:PassRole"], Resource: [`${P}:iam::123456789012:role/sm`] },
      { Sid: "S3GetBucketLocation", Effect: "Allow", Action: ["s3:GetBucketLocation", "s3:ListBucket"], Resource: [`${P}:s3:::query-results`] },
      { Sid: "S3GetObject", Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject"], Resource: [`${P}:s3:::query-results/athena/*`] },
    ]);
    assert.deepEqual([...new Set(report.notes.map((n) => n.state))], ["Query", "Train", "Publish"]);
  });
});

describe("AWS SDK integrations", () => {
  test("the exact SDK actions on the buckets, keys, tables and queues the parameters name", async () => {
    const machine = await machineOf(
      chain({
        Read: task(`${P}:states:::aws-sdk:s3:getObject`, { Parameters: { Bucket: "reports", Key: "daily/summary.json" } }),
        List: task(`${P}:states:::aws-sdk:s3:listObjectsV2`, { Parameters: { Bucket: "reports", Prefix: "daily/" } }),
        Write: task(`${P}:states:::aws-sdk:s3:putObject`, { Parameters: { Bucket: "archive", "Key.$": "$.key", "Body.$": "$" } }),
        Query: task(`${P}:states:::aws-sdk:dynamodb:query`, { Parameters: { TableName: "orders", IndexName: "byCustomer", KeyConditionExpression: "c = :c" } }),
        Batch: task(`${P}:states:::aws-sdk:sqs:sendMessageBatch`, { Parameters: { QueueUrl: "https://sqs.us-east-2.amazonaws.com/123456789012/jobs", Entries: [] } }),
        Assume: task(`${P}:states:::aws-sdk:sts:assumeRole`, { Parameters: { RoleArn: `${P}:iam::123456789012:role/auditor`, RoleSessionName: "s" } }),
        Describe: task(`${P}:states:::aws-sdk:textract:analyzeDocument`, { Parameters: { "Document.$": "$.doc", FeatureTypes: ["TABLES"] } }),
      }),
    );
    const report = policyReport(machine, OPTIONS);
    assert.deepEqual(taskStatements(report.policy), [
      { Sid: "DynamodbQuery", Effect: "Allow", Action: ["dynamodb:Query"], Resource: [`${P}:dynamodb:eu-west-1:123456789012:table/orders`, `${P}:dynamodb:eu-west-1:123456789012:table/orders/index/byCustomer`] },
      { Sid: "S3GetObject", Effect: "Allow", Action: ["s3:GetObject"], Resource: [`${P}:s3:::reports/daily/summary.json`] },
      // ListObjectsV2 is authorized by s3:ListBucket, on the bucket.
      { Sid: "S3ListBucket", Effect: "Allow", Action: ["s3:ListBucket"], Resource: [`${P}:s3:::reports`] },
      { Sid: "S3PutObject", Effect: "Allow", Action: ["s3:PutObject"], Resource: [`${P}:s3:::archive/*`] },
      { Sid: "SqsSendMessage", Effect: "Allow", Action: ["sqs:SendMessage"], Resource: [`${P}:sqs:us-east-2:123456789012:jobs`] },
      { Sid: "StsAssumeRole", Effect: "Allow", Action: ["sts:AssumeRole"], Resource: [`${P}:iam::123456789012:role/auditor`] },
      { Sid: "TextractAnalyzeDocument", Effect: "Allow", Action: ["textract:AnalyzeDocument"], Resource: ["*"] },
    ]);
    assert.deepEqual(
      report.notes.map((n) => n.state),
      ["Write", "Describe"],
      "the run-time Key and the underived Textract resources are flagged",
    );
  });
});

describe("roles, datasets and substitutions", () => {
  test("Credentials.RoleArn: the function may assume the role; the Task's calls belong to that role's policy", async () => {
    const role = `${P}:iam::210987654321:role/tenant-reader`;
    const machine = await machineOf(chain({ Audit: task(`${P}:states:::dynamodb:getItem`, { Credentials: { RoleArn: role }, Parameters: { TableName: "audit", Key: {} } }) }));
    const report = policyReport(machine, OPTIONS);
    assert.deepEqual(taskStatements(report.policy), [{ Sid: "StsAssumeRole", Effect: "Allow", Action: ["sts:AssumeRole"], Resource: [role] }]);
    assert.deepEqual(report.assumedRoles, [
      {
        roleArn: role,
        states: ["Audit"],
        policy: { Version: "2012-10-17", Statement: [{ Sid: "DynamodbGetItem", Effect: "Allow", Action: ["dynamodb:GetItem"], Resource: [`${P}:dynamodb:eu-west-1:123456789012:table/audit`] }] },
      },
    ]);
  });

  test("a Distributed Map reads its ItemReader object and writes under its ResultWriter prefix (ASL-6.8)", async () => {
    const machine = await machineOf({
      StartAt: "Each",
      States: {
        Each: {
          Type: "Map",
          ItemReader: { Resource: `${P}:states:::s3:getObject`, ReaderConfig: { InputType: "JSON" }, Parameters: { Bucket: "inputs", Key: "batch.json" } },
          ItemProcessor: { ProcessorConfig: { Mode: "DISTRIBUTED", ExecutionType: "STANDARD" }, StartAt: "P", States: { P: { Type: "Pass", End: true } } },
          ResultWriter: { Resource: `${P}:states:::s3:putObject`, Parameters: { Bucket: "outputs", Prefix: "runs" } },
          End: true,
        },
      },
    });
    assert.deepEqual(taskStatements(leastPrivilegePolicy(machine, OPTIONS)), [
      { Sid: "S3GetObject", Effect: "Allow", Action: ["s3:GetObject"], Resource: [`${P}:s3:::inputs/batch.json`] },
      { Sid: "S3PutObject", Effect: "Allow", Action: ["s3:PutObject"], Resource: [`${P}:s3:::outputs/runs/*`] },
    ]);
  });

  test("deploy-time placeholders are substituted when values are given, else kept and flagged", async () => {
    const machine = await machineOf(chain({ Call: task("${CheckFn}") }));
    assert.deepEqual(taskStatements(leastPrivilegePolicy(machine, { ...OPTIONS, substitutions: { CheckFn: `${P}:lambda:eu-west-1:123456789012:function:check` } })), [
      { Sid: "LambdaInvokeFunction", Effect: "Allow", Action: ["lambda:InvokeFunction"], Resource: [`${P}:lambda:eu-west-1:123456789012:function:check`] },
    ]);
    const report = policyReport(machine, OPTIONS);
    assert.deepEqual(taskStatements(report.policy)[0]?.Resource, ["${CheckFn}"]);
    assert.equal(report.notes.length, 1);
    // CloudFormation pseudo parameters take the partition, region and account given.
    const pseudo = await machineOf(chain({ Call: task("arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:check") }));
    const resolved = policyReport(pseudo, OPTIONS);
    assert.deepEqual(taskStatements(resolved.policy)[0]?.Resource, [`${P}:lambda:eu-west-1:123456789012:function:check`]);
    assert.deepEqual(resolved.notes, []);
  });
});

describe("placeholders standing for whole values", () => {
  test("a placeholder named as an ARN (a !GetAtt …Arn) is the resource itself; one named otherwise is a name inside the ARN", async () => {
    const machine = await machineOf(
      chain({
        Thumbnail: task("arn:aws:states:::lambda:invoke", { Parameters: { FunctionName: "${ThumbnailFunction.Arn}", "Payload.$": "$" } }),
        Resize: task("arn:aws:states:::lambda:invoke", { Parameters: { FunctionName: "${ResizeFunctionName}", "Payload.$": "$" } }),
        Catalogue: task("arn:aws:states:::dynamodb:putItem", { Parameters: { TableName: "${CatalogTableArn}", Item: {} } }),
        Render: task("arn:aws:states:::batch:submitJob.sync", { Parameters: { JobName: "render", JobDefinition: "${jobDefinitionArn}", JobQueue: "${JobQueue}" } }),
      }),
    );
    const statements = new Map(taskStatements(leastPrivilegePolicy(machine, OPTIONS)).map((s) => [s.Action.join(","), s.Resource]));
    assert.deepEqual(statements.get("lambda:InvokeFunction"), ["${ThumbnailFunction.Arn}", `${P}:lambda:eu-west-1:123456789012:function:\${ResizeFunctionName}`]);
    assert.deepEqual(statements.get("dynamodb:PutItem"), ["${CatalogTableArn}"]);
    assert.deepEqual(statements.get("batch:SubmitJob"), ["${jobDefinitionArn}", `${P}:batch:eu-west-1:123456789012:job-queue/\${JobQueue}`]);
  });
});

test("deterministic, and independent of the order of the states", async () => {
  const a = await machineOf(chain({ A: task(`${P}:states:::sns:publish`, { Parameters: { TopicArn: `${P}:sns:eu-west-1:123456789012:t`, Message: "m" } }), B: task(`${P}:lambda:eu-west-1:123456789012:function:f`) }));
  const b = await machineOf(chain({ B: task(`${P}:lambda:eu-west-1:123456789012:function:f`), A: task(`${P}:states:::sns:publish`, { Parameters: { TopicArn: `${P}:sns:eu-west-1:123456789012:t`, Message: "m" } }) }));
  assert.deepEqual(leastPrivilegePolicy(a, OPTIONS), leastPrivilegePolicy(b, OPTIONS));
  assert.equal(JSON.stringify(leastPrivilegePolicy(a, OPTIONS)), JSON.stringify(leastPrivilegePolicy(a, OPTIONS)));
  const sids = leastPrivilegePolicy(a, OPTIONS).Statement.map((s) => s.Sid);
  assert.equal(new Set(sids).size, sids.length, "statement ids are unique");
  for (const sid of sids) assert.match(sid, /^[A-Za-z0-9]+$/);
});
