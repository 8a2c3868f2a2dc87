import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { GetItemCommand, PutItemCommand } from "@aws-sdk/client-dynamodb";
import { GetObjectCommand } from "@aws-sdk/client-s3";
import { newCommand } from "../../src/runtime/aws/clients.js";
import { formatDate, fromSdkOutput, memberFor, operationSchemas, resultName, toSdkInput, type CasingFallback } from "../../src/runtime/aws/shape.js";
import type { Json } from "../../src/runtime/types.js";
import { deepFreeze } from "../support/values.js";

const schemasOf = (Command: Parameters<typeof newCommand>[0]) => {
  const s = operationSchemas(newCommand(Command, {}));
  assert.ok(s);
  return s;
};

describe("member names (ASL-6.2: Pascal-case parameters, EqualsValue)", () => {
  test("exact, capitalised, then case-insensitive; EqualsValue stands for Equals", () => {
    const names = ["stateMachineArn", "Equals", "ETag", "SSEKMSKeyId"];
    assert.equal(memberFor(names, "StateMachineArn"), "stateMachineArn");
    assert.equal(memberFor(names, "stateMachineArn"), "stateMachineArn");
    assert.equal(memberFor(names, "EqualsValue"), "Equals");
    assert.equal(memberFor(names, "SseKmsKeyId"), "SSEKMSKeyId");
    assert.equal(memberFor(names, "Nothing"), undefined);
    assert.equal(resultName("executionArn"), "ExecutionArn");
    assert.equal(resultName("equals"), "EqualsValue");
    assert.equal(resultName("ETag"), "ETag");
  });
});

describe("values", () => {
  test("timestamps: ISO text or epoch seconds in, Date to the SDK", () => {
    const { input } = schemasOf(GetObjectCommand);
    const sent = toSdkInput({ Bucket: "b", Key: "k", IfModifiedSince: "2024-01-02T03:04:05Z", IfUnmodifiedSince: 1704164645 }, input, "aws-sdk");
    assert.deepEqual(sent, { Bucket: "b", Key: "k", IfModifiedSince: new Date("2024-01-02T03:04:05Z"), IfUnmodifiedSince: new Date("2024-01-02T03:04:05Z") });
  });

  test("a blob that is not a payload is base64 both ways (DynamoDB B attributes)", () => {
    const { input } = schemasOf(PutItemCommand);
    const sent = toSdkInput({ TableName: "t", Item: { bin: { B: "aGk=" } } }, input, "aws-sdk") as { Item: { bin: { B: Uint8Array } } };
    assert.equal(new TextDecoder().decode(sent.Item.bin.B), "hi");
    const get = schemasOf(GetItemCommand).output;
    assert.deepEqual(fromSdkOutput({ Item: { bin: { B: new TextEncoder().encode("hi") } } }, get, "iso"), { Item: { bin: { B: "aGk=" } } });
  });

  test("dates as Step Functions writes them", () => {
    assert.equal(formatDate(new Date("2013-08-23T01:02:15.422Z"), "iso"), "2013-08-23T01:02:15.422Z");
    assert.equal(formatDate(new Date("2013-08-23T01:02:15.000Z"), "iso"), "2013-08-23T01:02:15Z");
    assert.equal(formatDate(new Date(1377219735422), "epoch-millis"), 1377219735422);
    assert.equal(formatDate(new Date(Number.NaN), "iso"), null);
  });

  test("without a schema: $metadata and undefined dropped, Dates formatted, bytes as text, keys unchanged", () => {
    assert.deepEqual(fromSdkOutput({ $metadata: { requestId: "r" }, a: undefined, when: new Date(0), bytes: new TextEncoder().encode("x"), nested: { camel: [1, undefined] } }, undefined, "iso"),
      { when: "1970-01-01T00:00:00Z", bytes: "x", nested: { camel: [1, null] } });
    assert.deepEqual(fromSdkOutput(undefined, undefined, "iso"), {});
  });
});

describe("without a schema, a casing fallback (how .sync jobs see their calls: src/runtime/sync/spec.ts viewOf)", () => {
  const camel: CasingFallback = { memberCase: "camel", maps: new Set(["tags", "/hyperParameters"]) };
  const pascal: CasingFallback = { memberCase: "pascal", maps: camel.maps };
  const view = (output: unknown, casing: CasingFallback = camel): Json => fromSdkOutput(output, casing, "epoch-millis");

  test("camelCase members become PascalCase at every depth, in lists too (AWS-recorded ECS task: EphemeralStorage.SizeInGiB)", () => {
    const sdk = deepFreeze({ ephemeralStorage: { sizeInGiB: 20 }, containers: [{ networkInterfaces: [{ privateIpv4Address: "10.0.0.1" }] }], cpu: "256" });
    assert.deepEqual(view(sdk), { EphemeralStorage: { SizeInGiB: 20 }, Containers: [{ NetworkInterfaces: [{ PrivateIpv4Address: "10.0.0.1" }] }], Cpu: "256" });
    assert.deepEqual(toSdkInput(deepFreeze({ Overrides: { ContainerOverrides: [{ Name: "app" }] } }), camel), { overrides: { containerOverrides: [{ name: "app" }] } });
  });

  test("map members keep their keys, and their structure values are converted", () => {
    assert.deepEqual(view(deepFreeze({ tags: { "team-name": "x", owner: { firstName: "A" } } })), { Tags: { "team-name": "x", owner: { FirstName: "A" } } });
    assert.deepEqual(toSdkInput(deepFreeze({ Tags: { Owner: "A" } }), camel), { tags: { Owner: "A" } });
  });

  test("a /name map is a map only as a member of the operation's input or output itself", () => {
    const sdk = deepFreeze({ hyperParameters: { epochCount: "2" }, customizationConfig: { rftConfig: { hyperParameters: { batchSize: 8 } } } });
    assert.deepEqual(view(sdk), { HyperParameters: { epochCount: "2" }, CustomizationConfig: { RftConfig: { HyperParameters: { BatchSize: 8 } } } });
    assert.deepEqual(toSdkInput({ HyperParameters: { EpochCount: "2" }, CustomizationConfig: { RftConfig: { HyperParameters: { BatchSize: 8 } } } }, camel), {
      hyperParameters: { EpochCount: "2" },
      customizationConfig: { rftConfig: { hyperParameters: { batchSize: 8 } } },
    });
  });

  test("PascalCase clients: names are left as they are (Glue Arguments, SageMaker HyperParameters keys are user data)", () => {
    const value = deepFreeze({ JobRun: { Arguments: { "--day": "1" } }, HyperParameters: { epochs: "3" } });
    assert.equal(toSdkInput(value, pascal), value);
    assert.deepEqual(view(value, pascal), value);
  });

  test("scalars, arrays of scalars and null pass through; a __proto__ member stays a member", () => {
    assert.deepEqual(view({ s: "a", list: [1, null, "x"], none: null }), { S: "a", List: [1, null, "x"], None: null });
    const odd = JSON.parse('{"__proto__": {"a": 1}}') as { [key: string]: Json };
    for (const converted of [view(odd), toSdkInput(odd, camel)] as Array<Record<string, unknown>>) {
      assert.deepEqual(Object.keys(converted), ["__proto__"]);
      assert.equal(Object.getPrototypeOf(converted), Object.prototype);
    }
  });

  test("drops $metadata and undefined members, turns Dates into epoch milliseconds and bytes into base64", () => {
    const out = view({ $metadata: { httpStatusCode: 200 }, startDate: new Date(1_700_000_000_000), missing: undefined, body: new Uint8Array([104, 105]), list: [undefined, 1n] });
    assert.deepEqual(out, { StartDate: 1_700_000_000_000, Body: "aGk=", List: [null, 1] });
  });

  test("only the top-level $metadata is the SDK's; a nested member of that name is data", () => {
    assert.deepEqual(view({ item: { $metadata: 1 } }), { Item: { $metadata: 1 } });
  });

  test("non-finite numbers become null, as JSON.stringify writes them; an output that is not an object is {}", () => {
    assert.deepEqual(view({ a: Number.NaN, b: Infinity }), { A: null, B: null });
    assert.deepEqual(fromSdkOutput({ a: -Infinity }, undefined, "iso"), { a: null });
    assert.deepEqual(view(undefined), {});
  });

  test("a viewed value viewed again is unchanged (a start response read back from its checkpoint)", () => {
    const once = view({ jobId: "j", tags: { team: "x" }, hyperParameters: { lr: "1" }, container: { exitCode: 0, environment: [{ name: "A" }] }, createdAt: new Date(5) });
    assert.deepEqual(view(once), once);
  });
});
