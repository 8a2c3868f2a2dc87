import assert from "node:assert/strict";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { before, describe, test } from "node:test";
import { App, CfnParameter, Stack } from "aws-cdk-lib";
import { Annotations, Match, Template } from "aws-cdk-lib/assertions";
import type { Construct } from "constructs";
import ts from "typescript";
import { durableConfigOf, generateCdkConstruct } from "../../src/companions/deployment.js";
import { policyReport, type PolicyOptions, type PolicyStatement } from "../../src/companions/iam.js";
import { transpile } from "../../src/index.js";
import type { MachineIR } from "../../src/ir/types.js";
import { corpusText } from "../support/shared.js";

/**
 * The CDK construct of src/companions/deployment.ts against the real aws-cdk-lib (2.276) and constructs: every
 * generated construct is type-checked in ONE strict program, then instantiated in an App and synthesized, and the
 * CloudFormation is asserted with aws-cdk-lib/assertions:
 * - AWS::Lambda::Function DurableConfig: ExecutionTimeout = the machine's TimeoutSeconds, else a Standard execution's
 *   year, at most 31,622,400 s; RetentionPeriodInDays 90 (AWS::Lambda::Function DurableConfig, CDK DurableConfig).
 * - The function's role holds exactly the statements iam.ts derives for that deployment (the Tasks' calls on their
 *   resources, plus lambda:CheckpointDurableExecution / lambda:GetDurableExecutionState on the function's versions and
 *   the CloudWatch Logs actions on its log group: the action set of the AWS managed policy
 *   AWSLambdaBasicDurableExecutionRolePolicy, scoped as the Lambda guide's "Security and permissions for Lambda
 *   durable functions" asks), and no managed policy.
 * NodejsFunction bundles the generated handler for real with the local esbuild (offline, well under a second each).
 */
const OUT = fileURLToPath(new URL("../.generated/cdk/", import.meta.url));
const ENV = { account: "123456789012", region: "eu-west-1" };
/** The actions of AWSLambdaBasicDurableExecutionRolePolicy (AWS managed policy reference, v1 to v3). */
const MANAGED_DURABLE_ACTIONS = ["lambda:CheckpointDurableExecution", "lambda:GetDurableExecutionState", "logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"];

interface Case {
  stem: string;
  definition: string | object;
  /** The construct's class name (from the machine name). */
  className: string;
  /** Deploy into ENV (literal region and account) or an environment-agnostic stack (tokens). */
  env: boolean;
  functionName?: string;
  substitutions?: Record<string, string>;
  /** The substitutions the expected policy is derived with, when not all of `substitutions`. */
  policySubstitutions?: Record<string, string>;
  /** DurableConfig.ExecutionTimeout expected, from the definition's TimeoutSeconds as written. */
  executionTimeout: number;
  /** Environment variables of the function (the Task Resources' placeholders). */
  environment?: Record<string, string>;
}

const fixture = (file: string) => readFileSync(new URL(`../../fixtures/${file}`, import.meta.url), "utf8");
const corpus = (file: string) => corpusText(`valid/${file}`);
const QUEUE_URL = "https://sqs.eu-west-1.amazonaws.com/123456789012/orders";
const lambdaArn = (name: string) => `arn:aws:lambda:eu-west-1:123456789012:function:${name}`;

const CASES: Case[] = [
  // Lambda ARNs and lambda:invoke; TimeoutSeconds 86400.
  { stem: "order-processing", definition: fixture("order-processing.asl.json"), className: "OrderProcessing", env: true, executionTimeout: 86_400 },
  // DynamoDB putItem, SNS publish, SQS sendMessage, EventBridge putEvents; no TimeoutSeconds; region/account as tokens.
  { stem: "optimised-services", definition: fixture("transpile/optimised-services/definition.asl.json"), className: "OptimisedServices", env: false, executionTimeout: 31_536_000 },
  // aws-sdk integrations (s3:getObject, dynamodb:query).
  { stem: "aws-sdk", definition: fixture("transpile/aws-sdk/definition.asl.json"), className: "AwsSdk", env: true, executionTimeout: 31_536_000 },
  // Credentials.RoleArn.$ (read at run time): sts:AssumeRole, the Tasks' calls belong to the assumed role.
  { stem: "credentials", definition: fixture("transpile/credentials/definition.asl.json"), className: "Credentials", env: true, functionName: "tenant-audit", executionTimeout: 31_536_000 },
  // Credentials.RoleArn written in full: sts:AssumeRole on exactly that role.
  {
    stem: "cross-account",
    definition: {
      StartAt: "Store",
      States: { Store: { Type: "Task", Resource: "arn:aws:states:::dynamodb:putItem", Credentials: { RoleArn: "arn:aws:iam::210987654321:role/orders-writer" }, Parameters: { TableName: "arn:aws:dynamodb:eu-west-1:210987654321:table/orders", Item: {} }, End: true } },
    },
    className: "CrossAccount",
    env: true,
    executionTimeout: 31_536_000,
  },
  // aws-sdk:dynamodb in the corpus (putItem/updateItem/getItem), no placeholders.
  { stem: "sdk-dynamodb", definition: corpus("localstack/services--aws_sdk_dynamodb_put_update_get_item.json"), className: "SdkDynamodb", env: true, executionTimeout: 31_536_000 },
  // TimeoutSeconds 300; dynamodb:putItem and Lambda.
  { stem: "scatter-gather", definition: corpus("step-functions-workflows-collection/scatter-gather--statemachine.asl.json"), className: "ScatterGather", env: true, executionTimeout: 300 },
  // `${…}` Task Resources (Lambda ARNs) and Parameters (`${queueUrl}`, `${topic}`): the handler reads them all from
  // environment variables.
  {
    stem: "lambda-orchestration",
    definition: corpus("step-functions-workflows-collection/lambda-orchestration-cdk--statemachine.asl.json"),
    className: "LambdaOrchestration",
    env: true,
    substitutions: { checkPriceFnArn: lambdaArn("check-price"), BuySellFnArn: lambdaArn("buy-sell"), buyFnArn: lambdaArn("buy"), sellFnArn: lambdaArn("sell"), topic: "arn:aws:sns:eu-west-1:123456789012:trades", queueUrl: QUEUE_URL },
    executionTimeout: 31_536_000,
    environment: { BuySellFnArn: lambdaArn("buy-sell"), buyFnArn: lambdaArn("buy"), checkPriceFnArn: lambdaArn("check-price"), queueUrl: QUEUE_URL, sellFnArn: lambdaArn("sell"), topic: "arn:aws:sns:eu-west-1:123456789012:trades" },
    // The construct resolves its policy's placeholders as text: a queue URL given at synthesis cannot become the
    // queue's ARN there, so SendMessage is granted on the account's queues (the construct's note says so).
    policySubstitutions: { checkPriceFnArn: lambdaArn("check-price"), BuySellFnArn: lambdaArn("buy-sell"), buyFnArn: lambdaArn("buy"), sellFnArn: lambdaArn("sell"), topic: "arn:aws:sns:eu-west-1:123456789012:trades" },
  },
  // The definition's own `${FunctionName}` (the Lambda function a Task invokes) is not the durable function's name.
  {
    stem: "lookout-for-vision",
    definition: corpus("step-functions-workflows-collection/lookout-for-vision-inference-sam--statemachine.asl.json"),
    className: "LookoutForVision",
    env: true,
    functionName: "vision-inference",
    substitutions: { FunctionName: "detect-anomalies", L4VModelVersion: "1", L4VProject: "circuit-boards", ResultBucketName: "inference-results" },
    executionTimeout: 31_536_000,
    // The placeholders of its Parameters, for the handler.
    environment: { FunctionName: "detect-anomalies", L4VModelVersion: "1", L4VProject: "circuit-boards", ResultBucketName: "inference-results" },
  },
  // TimeoutSeconds over the DurableConfig maximum: clamped to 31,622,400.
  {
    stem: "over-the-cap",
    definition: { StartAt: "Work", TimeoutSeconds: 99_999_999, States: { Work: { Type: "Task", Resource: "arn:aws:lambda:eu-west-1:123456789012:function:work", End: true } } },
    className: "OverTheCap",
    env: true,
    executionTimeout: 31_622_400,
  },
];

interface Generated {
  machine: MachineIR;
  construct: string;
}
const generated = new Map<string, Generated>();

before(async () => {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  for (const c of CASES) {
    const result = await transpile(c.definition, { stateMachineName: c.stem });
    assert.ok(result.ir !== undefined && result.code !== "", `${c.stem}: ${result.diagnostics.filter((d) => d.severity === "error").map((d) => d.message).join("; ")}`);
    const construct = await generateCdkConstruct(result.ir, { handlerFile: `./${c.stem}.ts`, machineName: c.stem, ...(c.functionName === undefined ? {} : { functionName: c.functionName }) });
    // The construct is CommonJS (it uses __dirname, like a `cdk init` app): .cts in this ESM package.
    writeFileSync(`${OUT}${c.stem}.ts`, result.code);
    writeFileSync(`${OUT}${c.stem}.construct.cts`, construct);
    generated.set(c.stem, { machine: result.ir, construct });
  }
  // Names from the definition that try to break out of strings and comments.
  const evil = await transpile({ StartAt: "A", States: { A: { Type: "Pass", End: true } } }, { stateMachineName: "evil" });
  assert.ok(evil.ir !== undefined);
  writeFileSync(`${OUT}evil.construct.cts`, await generateCdkConstruct(evil.ir, { handlerFile: './x"y.ts', machineName: 'evil */ name"\n`${x}`' }));
  // How an app uses the constructs; the @ts-expect-error lines must be errors (an unused one is itself an error).
  writeFileSync(
    `${OUT}usage.cts`,
    [
      'import { App, Duration, Stack } from "aws-cdk-lib";',
      'import type { DurableConfig } from "aws-cdk-lib/aws-lambda";',
      'import { LambdaOrchestration } from "./lambda-orchestration.construct.cjs";',
      'import { OrderProcessing } from "./order-processing.construct.cjs";',
      'const stack = new Stack(new App(), "S");',
      'new OrderProcessing(stack, "A");',
      'const orchestration = new LambdaOrchestration(stack, "B", { substitutions: { checkPriceFnArn: "a", BuySellFnArn: "b", buyFnArn: "c", sellFnArn: "d", topic: "e", queueUrl: "f" } });',
      "export const aliasArn: string = orchestration.alias.functionArn;",
      "// The policy's `${topic}` is a required substitution too, not only the Task Resources' placeholders.",
      "// @ts-expect-error",
      'new LambdaOrchestration(stack, "C", { substitutions: { checkPriceFnArn: "a", BuySellFnArn: "b", buyFnArn: "c", sellFnArn: "d", queueUrl: "f" } });',
      "// The real declarations catch a misspelt property.",
      "// @ts-expect-error",
      "export const misspelt: DurableConfig = { executionTimeout: Duration.days(1), retentionPeriodInDays: 9 };",
      "",
    ].join("\n"),
  );
});

describe("the CDK construct against aws-cdk-lib's declarations", () => {
  test("every generated construct, and an app using them, type-checks in one strict program", () => {
    const files = readdirSync(OUT)
      .filter((f) => f.endsWith(".cts"))
      .map((f) => `${OUT}${f}`);
    assert.equal(files.length, CASES.length + 2);
    const program = ts.createProgram(files, {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      types: ["node"],
      noUncheckedIndexedAccess: true,
      exactOptionalPropertyTypes: true,
      noImplicitOverride: true,
      noUnusedLocals: true,
      skipLibCheck: true,
    });
    const diagnostics = ts.getPreEmitDiagnostics(program).filter((d) => d.file?.fileName.startsWith(OUT));
    assert.deepEqual(
      diagnostics.map((d) => `${d.file?.fileName.slice(OUT.length) ?? ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`),
      [],
    );
  });
});

// ── Synthesis ─────────────────────────────────────────────────────────────────────────────────────

type ConstructClass = new (scope: Construct, id: string, props?: { functionName?: string; substitutions?: Record<string, string> }) => Construct;

const require = createRequire(import.meta.url);

function constructClass(stem: string, className: string): ConstructClass {
  const exports = require(`${OUT}${stem}.construct.cts`) as Record<string, unknown>;
  const cls = exports[className];
  assert.equal(typeof cls, "function", `${stem}.construct.cts exports ${className}`);
  return cls as ConstructClass;
}

/** A synthesized stack with one construct; the feature flag of `cdk init` apps that merges statements is on. */
function synth(c: Case): { stack: Stack; template: Template } {
  const app = new App({ outdir: `${OUT}out/${c.stem}`, context: { "@aws-cdk/aws-iam:minimizePolicies": true } });
  const stack = new Stack(app, "Deployment", c.env ? { env: ENV } : {});
  const Cls = constructClass(c.stem, c.className);
  new Cls(stack, "Machine", c.substitutions === undefined ? {} : { substitutions: c.substitutions });
  return { stack, template: Template.fromStack(stack) };
}

/** CloudFormation `Ref`/`Fn::Join` of a policy resource as text: pseudo parameters as `${AWS::…}`, other Refs as `{Ref:X}`. */
function text(value: unknown, pseudo: Readonly<Record<string, string>>): string {
  if (typeof value === "string") return value;
  const object = value as Record<string, unknown>;
  if (typeof object["Ref"] === "string") return pseudo[object["Ref"]] ?? `{Ref:${object["Ref"]}}`;
  const join = object["Fn::Join"] as [string, unknown[]] | undefined;
  if (join !== undefined) return join[1].map((part) => text(part, pseudo)).join(join[0]);
  throw new Error(`unexpected intrinsic ${JSON.stringify(value)}`);
}

const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

interface SynthStatement {
  Sid?: string;
  Effect: string;
  Action: unknown;
  Resource: unknown;
  Condition?: unknown;
}

/** The role's inline policy statements, normalised to iam.ts's shape (arrays, intrinsics as text). */
function roleStatements(template: Template, pseudo: Readonly<Record<string, string>>): { role: string; statements: PolicyStatement[] } {
  const policies = Object.values(template.findResources("AWS::IAM::Policy")) as Array<{ Properties: { Roles: Array<{ Ref: string }>; PolicyDocument: { Statement: SynthStatement[] } } }>;
  assert.equal(policies.length, 1, "one inline policy");
  const [policy] = policies as [(typeof policies)[number]];
  assert.equal(policy.Properties.Roles.length, 1);
  const statements = policy.Properties.PolicyDocument.Statement.map((s) => {
    const out: PolicyStatement = { Sid: s.Sid ?? "", Effect: s.Effect as "Allow", Action: asArray(s.Action) as string[], Resource: asArray(s.Resource).map((r) => text(r, pseudo)) };
    if (s.Condition !== undefined) out.Condition = s.Condition as PolicyStatement["Condition"];
    return out;
  });
  return { role: (policy.Properties.Roles[0] as { Ref: string }).Ref, statements };
}

const ENV_PSEUDO = { "AWS::Partition": "aws" };
const AGNOSTIC_PSEUDO = { "AWS::Partition": "${AWS::Partition}", "AWS::Region": "${AWS::Region}", "AWS::AccountId": "${AWS::AccountId}" };

/** What iam.ts derives for this deployment: the stack's partition, region and account, the function's name, the substitutions. */
function derived(c: Case): PolicyOptions {
  const functionName = c.functionName ?? c.stem;
  const where = c.env ? { partition: "aws", ...ENV } : { partition: "${AWS::Partition}", region: "${AWS::Region}", account: "${AWS::AccountId}" };
  const substitutions = c.policySubstitutions ?? c.substitutions;
  return { ...where, functionName, ...(substitutions === undefined ? {} : { substitutions }) };
}

describe("the CDK construct synthesized (aws-cdk-lib/assertions)", () => {
  for (const c of CASES) {
    test(`${c.stem}: durable function, its own role with exactly the derived policy, no managed policy`, () => {
      const { machine } = generated.get(c.stem) as Generated;
      const { stack, template } = synth(c);
      const functionName = c.functionName ?? c.stem;

      // The durable function (ASL TimeoutSeconds → DurableConfig.ExecutionTimeout; retention 90 days).
      assert.equal(durableConfigOf(machine).executionTimeout, c.executionTimeout);
      template.resourceCountIs("AWS::Lambda::Function", 1);
      const functions = template.findResources("AWS::Lambda::Function", {
        Properties: {
          FunctionName: functionName,
          Runtime: "nodejs22.x",
          Handler: "index.handler",
          Timeout: 900,
          DurableConfig: { ExecutionTimeout: c.executionTimeout, RetentionPeriodInDays: 90 },
          Environment: c.environment === undefined ? Match.absent() : { Variables: c.environment },
        },
      });
      assert.equal(Object.keys(functions).length, 1, JSON.stringify(template.findResources("AWS::Lambda::Function")));
      const [functionId, fn] = Object.entries(functions)[0] as [string, { Properties: { Role: unknown } }];

      // Its role: assumed by Lambda, no managed policy (CDK would attach AWSLambdaBasicDurableExecutionRolePolicy, `*`).
      template.resourceCountIs("AWS::IAM::Role", 1);
      template.resourceCountIs("AWS::IAM::ManagedPolicy", 0);
      template.hasResourceProperties("AWS::IAM::Role", {
        AssumeRolePolicyDocument: { Statement: [{ Action: "sts:AssumeRole", Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" } }] },
        ManagedPolicyArns: Match.absent(),
        Policies: Match.absent(),
      });
      const pseudo = c.env ? ENV_PSEUDO : AGNOSTIC_PSEUDO;
      const { role, statements } = roleStatements(template, pseudo);
      assert.deepEqual(fn.Properties.Role, { "Fn::GetAtt": [role, "Arn"] });

      // Exactly the statements iam.ts derives, in its order (each has a Sid, so minimizePolicies merges none).
      assert.deepEqual(statements, policyReport(machine, derived(c)).policy.Statement);
      for (const s of statements) for (const action of s.Action) assert.ok(!action.includes("*"), `no wildcard action: ${action}`);
      // The function's own permissions: the managed policy's actions, scoped to this function's versions and log group.
      const account = c.env ? `${ENV.region}:${ENV.account}` : "${AWS::Region}:${AWS::AccountId}";
      const partition = c.env ? "aws" : "${AWS::Partition}";
      const own = statements.filter((s) => s.Action.some((a) => MANAGED_DURABLE_ACTIONS.includes(a)));
      assert.deepEqual(own.flatMap((s) => s.Action).sort(), MANAGED_DURABLE_ACTIONS);
      assert.deepEqual(
        own.map((s) => [s.Action.join(","), s.Resource]),
        [
          ["lambda:CheckpointDurableExecution,lambda:GetDurableExecutionState", [`arn:${partition}:lambda:${account}:function:${functionName}:*`]],
          ["logs:CreateLogGroup", [`arn:${partition}:logs:${account}:*`]],
          ["logs:CreateLogStream,logs:PutLogEvents", [`arn:${partition}:logs:${account}:log-group:/aws/lambda/${functionName}:*`]],
        ],
      );
      // The function waits for its policy (no checkpoint before the permissions exist).
      template.hasResource("AWS::Lambda::Function", { DependsOn: Match.arrayWith([Match.stringLikeRegexp("DefaultPolicy")]) });

      // Durable executions run on a published version: the `live` alias of the current version.
      template.hasResourceProperties("AWS::Lambda::Alias", { Name: "live", FunctionName: { Ref: functionId } });
      template.resourceCountIs("AWS::Lambda::Version", 1);
      assert.deepEqual(Annotations.fromStack(stack).findWarning("*", Match.anyValue()), []);
      assert.deepEqual(Annotations.fromStack(stack).findError("*", Match.anyValue()), []);
    });
  }

  test("optimised integrations: the exact table, topic, queue and bus, region and account resolved from the Stack", () => {
    const c = CASES.find((x) => x.stem === "optimised-services") as Case;
    const { template } = synth(c);
    const { statements } = roleStatements(template, AGNOSTIC_PSEUDO);
    const byAction = Object.fromEntries(statements.flatMap((s) => s.Action.map((a) => [a, s.Resource])));
    const at = "${AWS::Region}:${AWS::AccountId}";
    assert.deepEqual(byAction["dynamodb:PutItem"], [`arn:\${AWS::Partition}:dynamodb:${at}:table/orders`]);
    // A TopicArn written in full stays as written; a QueueUrl names its queue's region and account.
    assert.deepEqual(byAction["sns:Publish"], ["arn:aws:sns:eu-west-1:123456789012:order-notifications"]);
    assert.deepEqual(byAction["sqs:SendMessage"], ["arn:${AWS::Partition}:sqs:eu-west-1:123456789012:fulfilment"]);
    assert.deepEqual(byAction["events:PutEvents"], [`arn:\${AWS::Partition}:events:${at}:event-bus/orders`]);
  });

  test("Credentials: the execution role may only assume the role; the Tasks' calls are left to that role", () => {
    const roleActions = (stem: string) => {
      const c = CASES.find((x) => x.stem === stem) as Case;
      const { statements } = roleStatements(synth(c).template, ENV_PSEUDO);
      return statements.filter((s) => !s.Action.some((a) => MANAGED_DURABLE_ACTIONS.includes(a))).map((s) => [s.Action, s.Resource]);
    };
    assert.deepEqual(roleActions("cross-account"), [[["sts:AssumeRole"], ["arn:aws:iam::210987654321:role/orders-writer"]]]);
    // RoleArn.$ (read at run time): every role of the account, as iam.ts notes for a human to narrow.
    assert.deepEqual(roleActions("credentials").find(([actions]) => (actions as string[]).includes("sts:AssumeRole")), [["sts:AssumeRole"], ["arn:aws:iam::123456789012:role/*"]]);
    assert.ok(roleActions("credentials").every(([actions]) => !(actions as string[]).some((a) => a.startsWith("s3:") || a === "dynamodb:DescribeTable")));
  });

  test("the bundled handler is a loadable ES module exporting `handler`", async () => {
    const c = CASES[0] as Case;
    synth(c);
    const assets = readdirSync(`${OUT}out/${c.stem}`).filter((d) => d.startsWith("asset."));
    assert.equal(assets.length, 1);
    const module = (await import(pathToFileURL(`${OUT}out/${c.stem}/${assets[0] as string}/index.mjs`).href)) as { handler?: unknown };
    assert.equal(typeof module.handler, "function");
  });

  test("substitutions may be tokens (CloudFormation parameters): the role and the environment reference them", () => {
    const c = CASES.find((x) => x.stem === "lambda-orchestration") as Case;
    const app = new App({ outdir: `${OUT}out/tokens` });
    const stack = new Stack(app, "Tokens", { env: ENV });
    const parameter = (name: string) => new CfnParameter(stack, name).valueAsString;
    const Cls = constructClass(c.stem, c.className);
    new Cls(stack, "Machine", { substitutions: { checkPriceFnArn: parameter("CheckPrice"), BuySellFnArn: parameter("BuySell"), buyFnArn: parameter("Buy"), sellFnArn: parameter("Sell"), topic: parameter("Topic"), queueUrl: parameter("Queue") } });
    const template = Template.fromStack(stack);
    template.hasResourceProperties("AWS::Lambda::Function", {
      Environment: { Variables: { checkPriceFnArn: { Ref: "CheckPrice" }, BuySellFnArn: { Ref: "BuySell" }, buyFnArn: { Ref: "Buy" }, queueUrl: { Ref: "Queue" }, sellFnArn: { Ref: "Sell" }, topic: { Ref: "Topic" } } },
    });
    const { statements } = roleStatements(template, ENV_PSEUDO);
    const byAction = Object.fromEntries(statements.flatMap((s) => s.Action.map((a) => [a, s.Resource])));
    assert.deepEqual(byAction["lambda:InvokeFunction"], ["{Ref:BuySell}", "{Ref:Buy}", "{Ref:CheckPrice}", "{Ref:Sell}"]);
    assert.deepEqual(byAction["sns:Publish"], ["{Ref:Topic}"]);
  });

  test("a placeholder without a value stops the synthesis and names it", () => {
    const c = CASES.find((x) => x.stem === "lambda-orchestration") as Case;
    const app = new App({ outdir: `${OUT}out/missing` });
    const stack = new Stack(app, "Missing", { env: ENV });
    const Cls = constructClass(c.stem, c.className);
    assert.throws(() => new Cls(stack, "Machine", { substitutions: { checkPriceFnArn: "a", BuySellFnArn: "b", buyFnArn: "c", sellFnArn: "d", queueUrl: "f" } }), /Machine: no value for the placeholder topic/);
  });

  test("the definition's own ${FunctionName} is resolved from the substitutions; checkpoints stay on the durable function", () => {
    const c = CASES.find((x) => x.stem === "lookout-for-vision") as Case;
    const { template } = synth(c);
    const { statements } = roleStatements(template, ENV_PSEUDO);
    const byAction = Object.fromEntries(statements.flatMap((s) => s.Action.map((a) => [a, s.Resource])));
    assert.deepEqual(byAction["lambda:InvokeFunction"], ["arn:aws:lambda:eu-west-1:123456789012:function:detect-anomalies"]);
    assert.deepEqual(byAction["lambda:CheckpointDurableExecution"], ["arn:aws:lambda:eu-west-1:123456789012:function:vision-inference:*"]);
  });
});
