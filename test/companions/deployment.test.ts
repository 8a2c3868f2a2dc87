import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { parse } from "yaml";
import { durableConfigOf, generateCdkConstruct, generateSamSnippet } from "../../src/companions/deployment.js";
import { leastPrivilegePolicy } from "../../src/companions/iam.js";
import { machineOf } from "./support.js";

/**
 * Deployment snippets (src/companions/deployment.ts): what the generator writes. The CDK construct is type-checked and
 * synthesized against the real aws-cdk-lib in ./deployment-cdk.test.ts; here its text is checked, and the SAM snippet
 * is parsed as YAML and checked against the AWS::Serverless::Function / AWS::Lambda::Function DurableConfig
 * documentation.
 */
const orderProcessing = () => readFileSync(new URL("../../fixtures/order-processing.asl.json", import.meta.url), "utf8");

describe("CDK construct", () => {
  test("durableConfig from the machine's TimeoutSeconds, retention 90 days; the derived statements, in order", async () => {
    const machine = await machineOf(orderProcessing());
    const source = await generateCdkConstruct(machine, { handlerFile: "./order-processing.ts", machineName: "order-processing" });
    assert.match(source, /durableConfig: \{\n\s+executionTimeout: Duration\.seconds\(86400\),\n\s+retentionPeriod: Duration\.days\(90\),\n\s+\}/);
    assert.match(source, /runtime: lambda\.Runtime\.NODEJS_22_X/);
    assert.match(source, /export class OrderProcessing extends Construct/);
    const sids = [...source.matchAll(/\{\s*sid: "(\w+)",\s*actions: (\[[^\]]*\])/g)].map((m) => [m[1], JSON.parse(m[2] as string) as unknown]);
    const expected = leastPrivilegePolicy(machine, { partition: "${AWS::Partition}", region: "${AWS::Region}", account: "${AWS::AccountId}", functionName: "${asl2durable:FunctionName}" });
    assert.deepEqual(sids, expected.Statement.map((s) => [s.Sid, s.Action]));
  });

  test("deploy-time placeholders: those the handler resolves (Resources, Parameters) become environment variables; those of the policy are required too", async () => {
    const machine = await machineOf({
      StartAt: "Check",
      States: {
        Check: { Type: "Task", Resource: "${CheckFn.Arn}", Next: "Store" },
        Store: { Type: "Task", Resource: "arn:aws:states:::dynamodb:putItem", Parameters: { TableName: "${Table}", Item: {} }, End: true },
      },
    });
    const source = await generateCdkConstruct(machine, { handlerFile: "./check.ts", machineName: "check" });
    assert.match(source, /readonly substitutions: Readonly<Record<"CheckFn\.Arn" \| "Table", string>>;/);
    assert.match(source, /environment: \{ "?CheckFn_Arn"?: resolve\("\$\{CheckFn\.Arn\}"\), Table: resolve\("\$\{Table\}"\) \},/);
    assert.match(source, /constructor\(scope: Construct, id: string, props: CheckProps\) \{/);
  });

  test("without placeholders the props are optional", async () => {
    const machine = await machineOf({ StartAt: "A", States: { A: { Type: "Pass", End: true } } });
    const source = await generateCdkConstruct(machine, { handlerFile: "./a.ts", machineName: "a" });
    assert.match(source, /readonly substitutions\?: Readonly<Record<string, string>>;/);
    assert.match(source, /props: AProps = \{\}\)/);
    assert.doesNotMatch(source, /environment:/);
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

  test("the definition's own ${FunctionName} stays a Fn::Sub of the template's; checkpoints and logs name the durable function", async () => {
    const machine = await machineOf({ StartAt: "Invoke", States: { Invoke: { Type: "Task", Resource: "arn:aws:states:::lambda:invoke", Parameters: { FunctionName: "${FunctionName}", "Payload.$": "$" }, End: true } } });
    const doc = parse(generateSamSnippet(machine, { handlerFile: "m.ts", machineName: "m", functionName: "durable-m" }), { version: "1.1" }) as {
      Resources: { MRole: { Properties: { Policies: Array<{ PolicyDocument: { Statement: Array<{ Action: string[]; Resource: unknown[] }> } }> } } };
    };
    const statements = doc.Resources.MRole.Properties.Policies[0]?.PolicyDocument.Statement ?? [];
    const resourcesOf = (action: string) => statements.find((s) => s.Action.includes(action))?.Resource;
    assert.deepEqual(resourcesOf("lambda:InvokeFunction"), [{ "Fn::Sub": "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:${FunctionName}" }]);
    assert.deepEqual(resourcesOf("lambda:CheckpointDurableExecution"), [{ "Fn::Sub": "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:durable-m:*" }]);
    assert.deepEqual(resourcesOf("logs:PutLogEvents"), [{ "Fn::Sub": "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/durable-m:*" }]);
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
