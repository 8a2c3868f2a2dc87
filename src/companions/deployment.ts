import { Document } from "yaml";
import { commentText, literal } from "../emit/escape.js";
import { formatTypeScript } from "../format/format.js";
import { statePlaceholders } from "../ir/placeholders.js";
import { environmentVariable } from "../runtime/placeholders.js";
import type { MachineIR } from "../ir/types.js";
import { VERSION } from "../version.js";
import { policyReport, type PolicyDocument, type PolicyReport, type PolicyStatement } from "./iam.js";
import { allStates } from "./walk.js";

/**
 * Deployment snippets for the durable function of a migrated state machine: an AWS CDK v2 construct (TypeScript) and
 * an AWS SAM snippet (YAML). Both give the function its durable configuration and a role with the least-privilege
 * policy of ./iam.ts (checkpoint and log permissions scoped to the function, the Tasks' calls on their resources).
 *
 * Property names (checked 2026-11 in the AWS documentation):
 * - CDK: `aws_lambda.FunctionProps.durableConfig: { executionTimeout: Duration, retentionPeriod?: Duration }`
 *   (aws-cdk-lib ≥ 2.232, "DurableConfig" in the CDK API reference); NodejsFunction takes the same props. The construct
 *   is type-checked and synthesized against aws-cdk-lib 2.276 (test/companions/deployment-cdk.test.ts). Its alias comes
 *   from `addAlias`: `new Alias({ version: fn.currentVersion })` does not type-check under exactOptionalPropertyTypes
 *   (aws-cdk-lib's Version is not assignable to IVersion there).
 * - SAM: `AWS::Serverless::Function` `DurableConfig: { ExecutionTimeout, RetentionPeriodInDays }` (SAM developer guide,
 *   sam-property-function-durableconfig), passed to `AWS::Lambda::Function` DurableConfig (ExecutionTimeout 1 to
 *   31,622,400 seconds; RetentionPeriodInDays 1 to 90).
 * - When SAM or CDK create the role of a durable function they attach the AWS managed policy
 *   AWSLambdaBasicDurableExecutionRolePolicy (checkpoint and log actions on `*`); both snippets give the function its
 *   own role instead, so that the role holds exactly the derived policy.
 */

/** Placeholders the policy is generated with; each snippet resolves them its own way (Stack tokens, Fn::Sub). */
const PARTITION = "${AWS::Partition}";
const REGION = "${AWS::Region}";
const ACCOUNT = "${AWS::AccountId}";

/** DurableConfig.ExecutionTimeout's maximum (AWS::Lambda::Function DurableConfig). */
const MAX_EXECUTION_TIMEOUT = 31_622_400;
const STANDARD_EXECUTION_SECONDS = 31_536_000;
const RETENTION_DAYS = 90;

export interface DeploymentInfo {
  /** The handler module, relative to the snippet (`./order-flow.ts` for CDK's `entry`, `order-flow.ts` for SAM's build). */
  handlerFile: string;
  machineName: string;
  /**
   * The least-privilege policy: a report or a document from ./iam.ts. Absent: derived from the machine, with the
   * partition, region, account and function name left to the deployment (`${AWS::Region}`…).
   */
  policy?: PolicyReport | PolicyDocument;
  /** The function's name (default: derived from the machine's name); the checkpoint and log permissions name it. */
  functionName?: string;
}

/** The generated module's `durableConfig` (src/emit/module.ts): TimeoutSeconds, else a Standard execution's year. */
export function durableConfigOf(machine: MachineIR): { executionTimeout: number; retentionDays: number; clamped: boolean } {
  const wanted = machine.timeoutSeconds ?? STANDARD_EXECUTION_SECONDS;
  return { executionTimeout: Math.min(wanted, MAX_EXECUTION_TIMEOUT), retentionDays: RETENTION_DAYS, clamped: wanted > MAX_EXECUTION_TIMEOUT };
}

/** A Lambda function name from a machine name: [A-Za-z0-9-_], at most 64 characters. */
export function functionNameFor(machineName: string): string {
  const name = machineName.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 64);
  return name === "" ? "state-machine" : name;
}

/** A TypeScript class name from a machine name. */
function classNameFor(machineName: string): string {
  const words = machineName.split(/[^A-Za-z0-9]+/).filter((w) => w !== "");
  const name = words.map((w) => `${w.charAt(0).toUpperCase()}${w.slice(1)}`).join("");
  return /^[A-Za-z]/.test(name) ? name : `Machine${name}`;
}

/**
 * Stands for the function's name in the derived policy; each snippet puts the deployed name in its place. Not a plain
 * `${FunctionName}`: definitions use that name for their own substitutions (the Lambda function a Task invokes).
 */
const FUNCTION_NAME_KEY = "asl2durable:FunctionName";
const FUNCTION_NAME = `\${${FUNCTION_NAME_KEY}}`;
/** The placeholders of the policy the CDK construct fills itself (from the Stack and its functionName prop). */
const CONSTRUCT_FILLED = new Set(["AWS::Partition", "AWS::Region", "AWS::AccountId", FUNCTION_NAME_KEY]);

function policyFor(machine: MachineIR, info: DeploymentInfo): PolicyReport {
  const given = info.policy;
  if (given === undefined) return policyReport(machine, { partition: PARTITION, region: REGION, account: ACCOUNT, functionName: FUNCTION_NAME });
  return "Statement" in given ? { policy: given, assumedRoles: [], notes: [] } : given;
}

/** The `${Name}` placeholders the handler resolves from environment variables at run time (Task Resources, Parameters, Arguments, Credentials). */
function handlerPlaceholders(machine: MachineIR): string[] {
  const names = new Set<string>();
  for (const { state } of allStates(machine)) {
    if (state.kind === "task") for (const m of state.resource.matchAll(/\$\{([^}]+)\}/g)) names.add(m[1] as string);
    // Those of Task parameters and a Distributed Map's reader and writer too: the handler replaces them as it runs.
    for (const name of statePlaceholders(state)) names.add(name);
  }
  // The pseudo parameters come from the function's own ARN.
  return [...names].filter((name) => !name.startsWith("AWS::")).sort();
}

/**
 * The placeholders the CDK construct needs values for: those of Task Resources (the handler reads them) and those left
 * in the policy's resources (a table or topic named by a DefinitionSubstitutions entry), but not those it fills itself.
 */
function constructPlaceholders(machine: MachineIR, policy: PolicyDocument): string[] {
  const names = new Set(handlerPlaceholders(machine));
  for (const statement of policy.Statement) {
    for (const resource of statement.Resource) for (const m of resource.matchAll(/\$\{([^}]+)\}/g)) names.add(m[1] as string);
  }
  return [...names].filter((name) => !CONSTRUCT_FILLED.has(name)).sort();
}


// ── CDK ─────────────────────────────────────────────────────────────────────────────────────────────

/** An AWS CDK v2 construct (TypeScript) deploying the handler as a durable function with its role. */
/** The CDK construct, formatted by prettier like the handler. */
export async function generateCdkConstruct(machine: MachineIR, info: DeploymentInfo): Promise<string> {
  return formatTypeScript(cdkConstructSource(machine, info));
}

function cdkConstructSource(machine: MachineIR, info: DeploymentInfo): string {
  const functionName = info.functionName ?? functionNameFor(info.machineName);
  const report = policyFor(machine, info);
  const config = durableConfigOf(machine);
  const className = classNameFor(info.machineName);
  const environment = handlerPlaceholders(machine);
  const placeholders = constructPlaceholders(machine, report.policy);
  const statements = report.policy.Statement.map((s) => statementLiteral(s));
  const lines = [
    `// Generated by asl2durable ${VERSION}: the deployment of the durable function of the state machine ${commentText(JSON.stringify(info.machineName))}.`,
    "// Requires aws-cdk-lib >= 2.232 (Lambda durableConfig) and constructs; written for a CommonJS CDK app (__dirname).",
    'import * as path from "node:path";',
    'import { Duration, Stack } from "aws-cdk-lib";',
    'import * as iam from "aws-cdk-lib/aws-iam";',
    'import * as lambda from "aws-cdk-lib/aws-lambda";',
    'import { NodejsFunction, OutputFormat } from "aws-cdk-lib/aws-lambda-nodejs";',
    'import { Construct } from "constructs";',
    "",
    `export interface ${className}Props {`,
    `  /** The function's name (default ${commentText(JSON.stringify(functionName))}); its checkpoint and log permissions are scoped to it. */`,
    "  readonly functionName?: string;",
    ...(placeholders.length > 0
      ? [
          "  /**",
          "   * Values of the definition's deploy-time placeholders, by name: the handler reads those of Task Resources from",
          "   * environment variables, and the policy's resources that name them are resolved with them.",
          "   */",
          `  readonly substitutions: Readonly<Record<${placeholders.map((p) => literal(p)).join(" | ")}, string>>;`,
        ]
      : ["  /** Values of `${Name}` placeholders in the policy's resources, if any. */", "  readonly substitutions?: Readonly<Record<string, string>>;"]),
    "}",
    "",
    `/** The derived least-privilege statements (./iam.ts); \`\${AWS::…}\`, \`${FUNCTION_NAME}\` and the substitutions are resolved below. */`,
    "const STATEMENTS: ReadonlyArray<{ sid: string; actions: string[]; resources: string[]; conditions?: Record<string, Record<string, string>> }> = [",
    ...statements.map((st) => `  ${st},`),
    "];",
    "",
    `/** The durable function that runs the state machine ${commentText(JSON.stringify(info.machineName))}, migrated by asl2durable. */`,
    `export class ${className} extends Construct {`,
    "  readonly function: NodejsFunction;",
    "  /** Durable executions run on a published version: invoke the function through this alias. */",
    "  readonly alias: lambda.Alias;",
    "",
    `  constructor(scope: Construct, id: string, props: ${className}Props${placeholders.length > 0 ? "" : " = {}"}) {`,
    "    super(scope, id);",
    "    const stack = Stack.of(this);",
    `    const functionName = props.functionName ?? ${literal(functionName)};`,
    "    const values: Record<string, string> = {",
    '      "AWS::Partition": stack.partition,',
    '      "AWS::Region": stack.region,',
    '      "AWS::AccountId": stack.account,',
    "      ...props.substitutions,",
    `      ${literal(FUNCTION_NAME_KEY)}: functionName,`,
    "    };",
    "    const resolve = (text: string): string =>",
    "      text.replace(/\\$\\{([^}]+)\\}/g, (_match, name: string) => {",
    "        const value = values[name];",
    "        if (value === undefined) throw new Error(`" + "${id}: no value for the placeholder ${name}; pass it in props.substitutions" + "`);",
    "        return value;",
    "      });",
    "    // The role holds exactly the derived policy (CDK would otherwise attach AWSLambdaBasicDurableExecutionRolePolicy).",
    '    const role = new iam.Role(this, "Role", { assumedBy: new iam.ServicePrincipal("lambda.amazonaws.com") });',
    "    for (const s of STATEMENTS) {",
    "      const conditions = s.conditions === undefined ? {} : { conditions: s.conditions };",
    "      role.addToPolicy(new iam.PolicyStatement({ sid: s.sid, actions: s.actions, resources: s.resources.map(resolve), ...conditions }));",
    "    }",
    '    this.function = new NodejsFunction(this, "Function", {',
    "      functionName,",
    `      entry: path.join(__dirname, ${literal(info.handlerFile)}),`,
    '      handler: "handler",',
    "      runtime: lambda.Runtime.NODEJS_22_X,",
    "      role,",
    "      // One invocation runs until the handler suspends (a wait, a callback) or ends; a step must fit in it.",
    "      timeout: Duration.minutes(15),",
    "      durableConfig: {",
    `        executionTimeout: Duration.seconds(${config.executionTimeout}),${config.clamped ? " // the machine's TimeoutSeconds, clamped to the 366-day maximum" : ""}`,
    `        retentionPeriod: Duration.days(${config.retentionDays}),`,
    "      },",
    ...(environment.length > 0
      ? [
          "      // The handler resolves each `${Name}` of a Task Resource from the environment variable of that name.",
          `      environment: { ${environment.map((p) => `${literal(environmentVariable(p))}: resolve(${literal(`\${${p}}`)})`).join(", ")} },`,
        ]
      : []),
    "      // The AWS SDK is bundled too (the runtime's built-in copy may predate the durable execution APIs); its CommonJS",
    "      // parts require Node built-ins, which an ES module bundle provides through createRequire.",
    "      bundling: {",
    "        format: OutputFormat.ESM,",
    "        externalModules: [],",
    `        banner: ${literal("import { createRequire as asl2durableCreateRequire } from 'node:module'; const require = asl2durableCreateRequire(import.meta.url);")},`,
    "      },",
    "    });",
    '    this.alias = this.function.addAlias("live");',
    "  }",
    "}",
  ];
  const notes = policyNotes(report);
  return `${lines.join("\n")}\n${notes.length > 0 ? `\n${notes.map((n) => `// ${commentText(n)}`).join("\n")}\n` : ""}`;
}

function statementLiteral(s: PolicyStatement): string {
  const parts = [`sid: ${literal(s.Sid)}`, `actions: ${literal(s.Action)}`, `resources: ${literal(s.Resource)}`];
  if (s.Condition !== undefined) parts.push(`conditions: ${literal(s.Condition)}`);
  return `{ ${parts.join(", ")} }`;
}

/** The report's notes and the policies of assumed roles, as comment lines. */
function policyNotes(report: PolicyReport): string[] {
  const lines: string[] = [];
  if (report.notes.length > 0) {
    lines.push("Review these permissions:");
    for (const note of report.notes) lines.push(`- ${note.state === undefined ? "" : `${JSON.stringify(note.state)}: `}${note.message}`);
  }
  for (const role of report.assumedRoles) {
    lines.push(`The role ${role.roleArn === "*" ? "named at run time" : role.roleArn} (Credentials of ${role.states.map((s) => JSON.stringify(s)).join(", ")}) needs: ${role.policy.Statement.map((s) => `${s.Action.join(", ")} on ${s.Resource.join(", ")}`).join("; ")}`);
  }
  return lines;
}

// ── SAM ─────────────────────────────────────────────────────────────────────────────────────────────

/** A SAM template snippet: the durable function (AWS::Serverless::Function) and its role, under `Resources`. */
export function generateSamSnippet(machine: MachineIR, info: DeploymentInfo): string {
  const functionName = info.functionName ?? functionNameFor(info.machineName);
  const report = policyFor(machine, info);
  const config = durableConfigOf(machine);
  const id = classNameFor(info.machineName);
  const placeholders = handlerPlaceholders(machine);
  const entry = info.handlerFile.replace(/^\.\//, "");
  const module = entry.replace(/\.[cm]?[jt]s$/, "");
  const functionProperties: Record<string, unknown> = {
    FunctionName: functionName,
    CodeUri: ".",
    Handler: `${module}.handler`,
    Runtime: "nodejs22.x",
    Timeout: 900,
    Role: { "Fn::GetAtt": [`${id}Role`, "Arn"] },
    AutoPublishAlias: "live",
    DurableConfig: { ExecutionTimeout: config.executionTimeout, RetentionPeriodInDays: config.retentionDays },
  };
  if (placeholders.length > 0) {
    functionProperties["Environment"] = { Variables: Object.fromEntries(placeholders.map((p) => [environmentVariable(p), { "Fn::Sub": `\${${p}}` }])) };
  }
  const resources = {
    [`${id}Role`]: {
      Type: "AWS::IAM::Role",
      Properties: {
        AssumeRolePolicyDocument: {
          Version: "2012-10-17",
          Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
        },
        Policies: [{ PolicyName: `${id}LeastPrivilege`, PolicyDocument: cloudFormationPolicy(report.policy, functionName) }],
      },
    },
    [`${id}Function`]: {
      Type: "AWS::Serverless::Function",
      Metadata: { BuildMethod: "esbuild", BuildProperties: { Format: "esm", Target: "es2022", OutExtension: [".js=.mjs"], EntryPoints: [entry] } },
      Properties: functionProperties,
    },
  };
  // YAML 1.1 rules for quoting: CloudFormation reads `2012-10-17` or `yes` unquoted as a date or a boolean.
  const doc = new Document({ Resources: resources }, { version: "1.1" });
  doc.commentBefore = [
    ` Generated by asl2durable ${VERSION}: the durable function of the state machine ${JSON.stringify(info.machineName)}.`,
    " Add these resources to a template with Transform: AWS::Serverless-2016-10-31.",
    " The function has its own role holding the derived least-privilege policy (SAM would otherwise attach",
    " AWSLambdaBasicDurableExecutionRolePolicy); AutoPublishAlias publishes the version durable executions run on.",
    ...(config.clamped ? [" ExecutionTimeout: the machine's TimeoutSeconds, clamped to the 366-day maximum."] : []),
    ...(placeholders.length > 0 ? [" Environment: each Fn::Sub must name the value of that DefinitionSubstitutions entry (a parameter or resource)."] : []),
    ...policyNotes(report).map((line) => ` ${line}`),
  ]
    .map((line) => commentText(line))
    .join("\n");
  return doc.toString({ lineWidth: 0 });
}

/** The policy with every `${…}` resource as `Fn::Sub` (CloudFormation resolves the pseudo parameters). */
function cloudFormationPolicy(policy: PolicyDocument, functionName: string): unknown {
  return {
    Version: policy.Version,
    Statement: policy.Statement.map((s) => ({
      Sid: s.Sid,
      Effect: s.Effect,
      Action: s.Action,
      Resource: s.Resource.map((r) => {
        const text = r.split(FUNCTION_NAME).join(functionName);
        return text.includes("${") ? { "Fn::Sub": text } : text;
      }),
      ...(s.Condition !== undefined ? { Condition: s.Condition } : {}),
    })),
  };
}
