import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { ITEM_READER_RESOURCES, OPTIMISED_INTEGRATIONS, RESULT_WRITER_RESOURCES } from "../../src/asl/integrations.js";
import { AWS_SDK_SERVICES, awsSdkBinding, commandClassName, optimisedBinding, OPTIMISED_SDK } from "../../src/asl/services.js";
import * as runtimeAws from "../../src/runtime/aws/index.js";
import { corpusManifest, corpusText } from "../support/shared.js";

/** Every export of an installed package, loaded once. */
const modules = new Map<string, Promise<Record<string, unknown>>>();
function exportsOf(pkg: string): Promise<Record<string, unknown>> {
  let loaded = modules.get(pkg);
  if (!loaded) {
    loaded = import(pkg) as Promise<Record<string, unknown>>;
    modules.set(pkg, loaded);
  }
  return loaded;
}

async function assertExported(pkg: string, name: string): Promise<void> {
  const mod = await exportsOf(pkg);
  assert.equal(typeof mod[name], "function", `${pkg} exports no class ${name}`);
}

/** The Task resources of the valid corpus definitions (ASL-6.2). */
function corpusResources(): string[] {
  const found = new Set<string>();
  for (const row of corpusManifest().filter((r) => r.file.startsWith("valid/"))) {
    for (const m of corpusText(row.file).matchAll(/arn:aws:states:[a-z0-9-]*:[0-9]*:([a-z0-9-]+:[A-Za-z0-9]+(?::[A-Za-z0-9]+)?)(\.sync(?::2)?|\.waitForTaskToken)?/g)) {
      found.add(`${m[1]}${m[2] ?? ""}`);
    }
  }
  return [...found].sort();
}

describe("awsSdkBinding (ASL-6.2 aws-sdk:<service>:<action>)", () => {
  test("maps the service to its SDK v3 package, client, command and Step Functions error prefix", () => {
    assert.deepEqual(awsSdkBinding("s3", "getObject"), { package: "@aws-sdk/client-s3", client: "S3Client", command: "GetObjectCommand", errorPrefix: "S3" });
    assert.deepEqual(awsSdkBinding("dynamodb", "putItem"), { package: "@aws-sdk/client-dynamodb", client: "DynamoDBClient", command: "PutItemCommand", errorPrefix: "DynamoDb" });
    assert.deepEqual(awsSdkBinding("sfn", "sendTaskSuccess"), { package: "@aws-sdk/client-sfn", client: "SFNClient", command: "SendTaskSuccessCommand", errorPrefix: "Sfn" });
    assert.deepEqual(awsSdkBinding("redshiftdata", "batchExecuteStatement"), { package: "@aws-sdk/client-redshift-data", client: "RedshiftDataClient", command: "BatchExecuteStatementCommand", errorPrefix: "RedshiftData" });
    assert.deepEqual(awsSdkBinding("config", "listAggregateDiscoveredResources"), { package: "@aws-sdk/client-config-service", client: "ConfigServiceClient", command: "ListAggregateDiscoveredResourcesCommand", errorPrefix: "Config" });
    assert.deepEqual(awsSdkBinding("s3", "listObjectsV2")?.command, "ListObjectsV2Command");
  });

  test("an unknown service or a malformed action has no binding", () => {
    assert.equal(awsSdkBinding("nosuchservice", "doIt"), undefined);
    assert.equal(awsSdkBinding("constructor", "doIt"), undefined);
    assert.equal(awsSdkBinding("s3", "GetObject"), undefined);
    assert.equal(awsSdkBinding("s3", ""), undefined);
  });

  test("every service names a client class its installed package exports", async () => {
    for (const service of Object.keys(AWS_SDK_SERVICES)) {
      const b = awsSdkBinding(service, "anything");
      assert.ok(b, service);
      await assertExported(b.package, b.client);
    }
  });

  test("every aws-sdk resource of the valid corpus has a binding whose command class exists", async () => {
    const sdk = corpusResources().filter((r) => r.startsWith("aws-sdk:"));
    assert.ok(sdk.length >= 50, `found only ${sdk.length} aws-sdk resources`);
    for (const resource of sdk) {
      const [, service, action] = resource.replace(/\.waitForTaskToken$/, "").split(":") as [string, string, string];
      const b = awsSdkBinding(service, action);
      assert.ok(b, `no binding for ${resource}`);
      await assertExported(b.package, b.command);
    }
  });
});

describe("optimisedBinding (ASL-6.2 optimised integrations, request-response)", () => {
  test("names the command and the runtime adapter", () => {
    assert.deepEqual(optimisedBinding("dynamodb", "updateItem"), { kind: "sdk", package: "@aws-sdk/client-dynamodb", client: "DynamoDBClient", command: "UpdateItemCommand", adapter: "dynamoDbUpdateItem" });
    assert.deepEqual(optimisedBinding("events", "putEvents"), { kind: "sdk", package: "@aws-sdk/client-eventbridge", client: "EventBridgeClient", command: "PutEventsCommand", adapter: "eventsPutEvents" });
    assert.deepEqual(optimisedBinding("states", "startExecution"), { kind: "sdk", package: "@aws-sdk/client-sfn", client: "SFNClient", command: "StartExecutionCommand", adapter: "statesStartExecution" });
    assert.deepEqual(optimisedBinding("elasticmapreduce", "addStep"), { kind: "sdk", package: "@aws-sdk/client-emr", client: "EMRClient", command: "AddJobFlowStepsCommand", adapter: "emrAddStep" });
    assert.deepEqual(optimisedBinding("bedrock", "invokeModel"), { kind: "sdk", package: "@aws-sdk/client-bedrock-runtime", client: "BedrockRuntimeClient", command: "InvokeModelCommand", adapter: "bedrockInvokeModel" });
    assert.equal(optimisedBinding("bedrock", "createModelCustomizationJob")?.kind, "sdk");
  });

  test("lambda:invoke, http:invoke and apigateway:invoke are the runtime's own", () => {
    assert.deepEqual(optimisedBinding("lambda", "invoke"), { kind: "lambda", adapter: "lambdaInvoke" });
    assert.deepEqual(optimisedBinding("http", "invoke"), { kind: "http", adapter: "httpInvoke" });
    const apigw = optimisedBinding("apigateway", "invoke");
    assert.equal(apigw?.kind === "http" && apigw.adapter === "apiGatewayInvoke" && "signer" in apigw ? apigw.signer.signatureV4.export : undefined, "SignatureV4");
  });

  test("no binding for unknown actions, nor for the ones asl2durable leaves out", () => {
    assert.equal(optimisedBinding("dynamodb", "query"), undefined);
    assert.equal(optimisedBinding("nosuch", "invoke"), undefined);
    assert.equal(optimisedBinding("eks", "call"), undefined);
    assert.equal(optimisedBinding("elasticmapreduce", "modifyInstanceFleetByName"), undefined);
    assert.equal(optimisedBinding("dynamodb", "constructor"), undefined);
  });

  test("every SDK-backed binding names classes its package exports and an adapter the runtime exports", async () => {
    const bindings = Object.entries(OPTIMISED_SDK).flatMap(([service, [, , actions]]) => Object.keys(actions).map((a) => optimisedBinding(service, a)));
    bindings.push(optimisedBinding("bedrock", "createModelCustomizationJob"));
    for (const b of bindings) {
      assert.ok(b && b.kind === "sdk");
      await assertExported(b.package, b.client);
      await assertExported(b.package, b.command);
      assert.equal(typeof (runtimeAws as Record<string, unknown>)[b.adapter], "object", `runtime exports no adapter ${b.adapter}`);
    }
  });

  test("the signer classes apigateway:invoke needs are resolvable", async () => {
    const apigw = optimisedBinding("apigateway", "invoke");
    assert.ok(apigw?.kind === "http" && "signer" in apigw);
    for (const { package: pkg, export: name } of Object.values(apigw.signer)) await assertExported(pkg, name);
  });

  test("covers every request-response optimised action of integrations.ts but the documented exceptions", () => {
    const missing: string[] = [];
    for (const [service, actions] of Object.entries(OPTIMISED_INTEGRATIONS)) {
      for (const [action, patterns] of Object.entries(actions)) {
        if (patterns.includes("request-response") && !optimisedBinding(service, action)) missing.push(`${service}:${action}`);
      }
    }
    assert.deepEqual(missing.sort(), ["eks:call", "eks:runJob", "elasticmapreduce:modifyInstanceFleetByName", "elasticmapreduce:modifyInstanceGroupByName"]);
  });

  test("every request-response optimised resource of the valid corpus has a binding", () => {
    // Distributed Map ItemReader / ResultWriter resources (s3:getObject, s3:listObjectsV2, s3:putObject) are not Tasks.
    const mapOnly: readonly string[] = [...ITEM_READER_RESOURCES, ...RESULT_WRITER_RESOURCES];
    const rr = corpusResources().filter((r) => !r.startsWith("aws-sdk:") && !r.includes(".") && !r.startsWith("stateMachine:") && !r.startsWith("activity:") && !mapOnly.includes(r));
    assert.ok(rr.length >= 15);
    for (const resource of rr) {
      const [service, action] = resource.split(":") as [string, string];
      assert.ok(optimisedBinding(service, action), `no binding for ${resource}`);
    }
  });

  test("commandClassName is the operation name plus Command", () => {
    assert.equal(commandClassName("getObject"), "GetObjectCommand");
    assert.equal(commandClassName("startSyncExecution"), "StartSyncExecutionCommand");
  });
});
