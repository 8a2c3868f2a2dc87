import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import ts from "typescript";
import { parse } from "yaml";
import { durableConfigOf, generateCdkConstruct, generateSamSnippet } from "../../src/companions/deployment.js";
import { leastPrivilegePolicy } from "../../src/companions/iam.js";
import { machineOf } from "./support.js";

/**
 * Deployment snippets (src/companions/deployment.ts). aws-cdk-lib is not installed, so the CDK construct is
 * type-checked against declarations of the few CDK APIs it uses, written from the CDK API reference (DurableConfig:
 * `executionTimeout: Duration` required, `retentionPeriod?: Duration`; NodejsFunctionProps; iam.Role /
 * PolicyStatement / ServicePrincipal; lambda.Alias; Stack.of(...).partition/region/account). The SAM snippet is parsed
 * as YAML and checked against the AWS::Serverless::Function / AWS::Lambda::Function DurableConfig documentation.
 */
const CDK_API = `
declare module "constructs" {
  export interface IConstruct {}
  export class Construct implements IConstruct { constructor(scope: Construct, id: string); }
}
declare module "aws-cdk-lib" {
  import type { IConstruct } from "constructs";
  export class Duration { static seconds(amount: number): Duration; static minutes(amount: number): Duration; static days(amount: number): Duration; }
  export class Stack { static of(construct: IConstruct): Stack; readonly partition: string; readonly region: string; readonly account: string; }
}
declare module "aws-cdk-lib/aws-iam" {
  import { Construct } from "constructs";
  export interface IPrincipal { readonly assumeRoleAction: string }
  export class ServicePrincipal implements IPrincipal { constructor(service: string); readonly assumeRoleAction: string; }
  export interface PolicyStatementProps { readonly sid?: string; readonly actions?: string[]; readonly resources?: string[]; readonly conditions?: { [key: string]: unknown } }
  export class PolicyStatement { constructor(props?: PolicyStatementProps); }
  export interface IRole { readonly roleArn: string }
  export interface RoleProps { readonly assumedBy: IPrincipal; readonly description?: string }
  export class Role extends Construct implements IRole { constructor(scope: Construct, id: string, props: RoleProps); readonly roleArn: string; addToPolicy(statement: PolicyStatement): boolean; }
}
declare module "aws-cdk-lib/aws-lambda" {
  import { Construct } from "constructs";
  import type { Duration } from "aws-cdk-lib";
  import type { IRole } from "aws-cdk-lib/aws-iam";
  export class Runtime { static readonly NODEJS_22_X: Runtime; static readonly NODEJS_24_X: Runtime; private constructor(); }
  export interface DurableConfig { readonly executionTimeout: Duration; readonly retentionPeriod?: Duration }
  export interface IVersion { readonly version: string }
  export interface FunctionOptions {
    readonly functionName?: string; readonly timeout?: Duration; readonly role?: IRole; readonly memorySize?: number;
    readonly environment?: { [key: string]: string }; readonly durableConfig?: DurableConfig;
  }
  export interface AliasProps { readonly aliasName: string; readonly version: IVersion }
  export class Alias extends Construct { constructor(scope: Construct, id: string, props: AliasProps); }
}
declare module "aws-cdk-lib/aws-lambda-nodejs" {
  import { Construct } from "constructs";
  import type { FunctionOptions, IVersion, Runtime } from "aws-cdk-lib/aws-lambda";
  export enum OutputFormat { CJS = "cjs", ESM = "esm" }
  export interface BundlingOptions { readonly format?: OutputFormat; readonly minify?: boolean }
  export interface NodejsFunctionProps extends FunctionOptions { readonly entry?: string; readonly handler?: string; readonly runtime?: Runtime; readonly bundling?: BundlingOptions }
  export class NodejsFunction extends Construct { constructor(scope: Construct, id: string, props?: NodejsFunctionProps); readonly currentVersion: IVersion; }
}
declare module "node:path" { export function join(...paths: string[]): string; }
declare const __dirname: string;
`;

/** Type-check a construct against the CDK declarations above (strict, like the repository). */
function typeCheck(source: string): string[] {
  const files = new Map([
    ["/construct.ts", source],
    ["/cdk-api.d.ts", CDK_API],
  ]);
  const options: ts.CompilerOptions = { strict: true, noUncheckedIndexedAccess: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ES2022, moduleResolution: ts.ModuleResolutionKind.Bundler, noLib: false, types: [], skipLibCheck: true };
  const host = ts.createCompilerHost(options);
  const read = host.readFile.bind(host);
  const exists = host.fileExists.bind(host);
  host.readFile = (name) => files.get(name) ?? read(name);
  host.fileExists = (name) => files.has(name) || exists(name);
  host.getSourceFile = ((getSourceFile) => (name: string, version: ts.ScriptTarget | ts.CreateSourceFileOptions) => {
    const text = files.get(name);
    return text !== undefined ? ts.createSourceFile(name, text, version) : getSourceFile(name, version);
  })(host.getSourceFile.bind(host));
  const program = ts.createProgram(["/construct.ts", "/cdk-api.d.ts"], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

const orderProcessing = () => readFileSync(new URL("../../fixtures/order-processing.asl.json", import.meta.url), "utf8");

describe("CDK construct", () => {
  test("type-checks against the documented CDK API; durableConfig from the machine's TimeoutSeconds, retention 90 days", async () => {
    const machine = await machineOf(orderProcessing());
    const source = generateCdkConstruct(machine, { handlerFile: "./order-processing.ts", machineName: "order-processing" });
    assert.deepEqual(typeCheck(source), []);
    assert.match(source, /durableConfig: \{\n\s+executionTimeout: Duration\.seconds\(86400\),\n\s+retentionPeriod: Duration\.days\(90\),\n\s+\}/);
    assert.match(source, /runtime: lambda\.Runtime\.NODEJS_22_X/);
    assert.match(source, /export class OrderProcessing extends Construct/);
    // Every derived statement is in the construct.
    for (const statement of leastPrivilegePolicy(machine, { partition: "${AWS::Partition}", region: "${AWS::Region}", account: "${AWS::AccountId}", functionName: "${FunctionName}" }).Statement) {
      assert.ok(source.includes(`sid: ${JSON.stringify(statement.Sid)}, actions: ${JSON.stringify(statement.Action).replace(/,/g, ", ")}`), statement.Sid);
    }
  });

  test("a misspelt property would not type-check (the declarations do catch mistakes)", () => {
    assert.notDeepEqual(typeCheck(`import { Duration } from "aws-cdk-lib"; import type { DurableConfig } from "aws-cdk-lib/aws-lambda"; export const c: DurableConfig = { executionTimeout: Duration.days(1), retentionPeriodInDays: 9 };`), []);
  });

  test("deploy-time placeholders become required substitutions and environment variables the handler reads", async () => {
    const machine = await machineOf({ StartAt: "Check", States: { Check: { Type: "Task", Resource: "${CheckFn.Arn}", End: true } } });
    const source = generateCdkConstruct(machine, { handlerFile: "./check.ts", machineName: "check" });
    assert.deepEqual(typeCheck(source), []);
    assert.match(source, /readonly substitutions: Readonly<Record<"CheckFn\.Arn", string>>;/);
    assert.match(source, /environment: \{ "CheckFn_Arn": resolve\("\$\{CheckFn\.Arn\}"\) \}/);
  });

  test("names from the definition cannot break out of strings or comments", async () => {
    const machine = await machineOf({ StartAt: "A", States: { A: { Type: "Pass", End: true } } });
    const source = generateCdkConstruct(machine, { handlerFile: './x"y.ts', machineName: 'evil */ name"\n`${x}`' });
    assert.deepEqual(typeCheck(source), []);
  });
});

describe("SAM snippet", () => {
  test("AWS::Serverless::Function with DurableConfig, its own role with the derived policy", async () => {
    const machine = await machineOf(orderProcessing());
    const text = generateSamSnippet(machine, { handlerFile: "./order-processing.ts", machineName: "order-processing" });
    const doc = parse(text, { version: "1.1" }) as { Resources: Record<string, { Type: string; Properties: Record<string, unknown> }> };
    const fn = doc.Resources["OrderProcessingFunction"];
    assert.equal(fn?.Type, "AWS::Serverless::Function");
    assert.deepEqual(fn?.Properties["DurableConfig"], { ExecutionTimeout: 86400, RetentionPeriodInDays: 90 });
    assert.equal(fn?.Properties["Runtime"], "nodejs22.x");
    assert.equal(fn?.Properties["Handler"], "order-processing.handler");
    assert.deepEqual(fn?.Properties["Role"], { "Fn::GetAtt": ["OrderProcessingRole", "Arn"] });
    const role = doc.Resources["OrderProcessingRole"];
    assert.equal(role?.Type, "AWS::IAM::Role");
    const policy = (role?.Properties["Policies"] as Array<{ PolicyDocument: { Version: string; Statement: Array<{ Action: string[]; Resource: unknown[] }> } }>)[0]?.PolicyDocument;
    assert.equal(policy?.Version, "2012-10-17", "the date-like version stays a string");
    const expected = leastPrivilegePolicy(machine, { partition: "${AWS::Partition}", region: "${AWS::Region}", account: "${AWS::AccountId}", functionName: "order-processing" });
    assert.deepEqual(
      policy?.Statement.map((s) => s.Action),
      expected.Statement.map((s) => s.Action),
    );
    assert.deepEqual(
      policy?.Statement.map((s) => s.Resource),
      expected.Statement.map((s) => s.Resource.map((r) => (r.includes("${") ? { "Fn::Sub": r } : r))),
    );
  });

  test("ExecutionTimeout: TimeoutSeconds, else a year; clamped to the 31,622,400-second maximum", async () => {
    const sam = async (definition: unknown) => {
      const machine = await machineOf(definition);
      const doc = parse(generateSamSnippet(machine, { handlerFile: "m.ts", machineName: "m" }), { version: "1.1" }) as { Resources: { MFunction: { Properties: { DurableConfig: unknown } } } };
      return doc.Resources.MFunction.Properties.DurableConfig;
    };
    const pass = { StartAt: "A", States: { A: { Type: "Pass", End: true } } };
    assert.deepEqual(await sam(pass), { ExecutionTimeout: 31_536_000, RetentionPeriodInDays: 90 });
    assert.deepEqual(await sam({ ...pass, TimeoutSeconds: 99_999_999 }), { ExecutionTimeout: 31_622_400, RetentionPeriodInDays: 90 });
    assert.deepEqual(durableConfigOf(await machineOf({ ...pass, TimeoutSeconds: 600 })), { executionTimeout: 600, retentionDays: 90, clamped: false });
  });

  test("strings from the definition stay data: YAML comments and values cannot inject keys", async () => {
    const machine = await machineOf({ StartAt: "A", States: { A: { Type: "Task", Resource: "${Fn}", End: true } } });
    const text = generateSamSnippet(machine, { handlerFile: "m.ts", machineName: "evil\nInjected: true # name: yes" });
    const doc = parse(text, { version: "1.1" }) as Record<string, unknown>;
    assert.deepEqual(Object.keys(doc), ["Resources"]);
    const env = (doc["Resources"] as Record<string, { Properties?: { Environment?: unknown } }>)["EvilInjectedTrueNameYesFunction"]?.Properties?.Environment;
    assert.deepEqual(env, { Variables: { Fn: { "Fn::Sub": "${Fn}" } } });
  });
});
