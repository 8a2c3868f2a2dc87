import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { GetItemCommand, PutItemCommand } from "@aws-sdk/client-dynamodb";
import { GetObjectCommand } from "@aws-sdk/client-s3";
import { newCommand } from "../../src/runtime/aws/clients.js";
import { formatDate, fromSdkOutput, memberFor, operationSchemas, resultName, toSdkInput } from "../../src/runtime/aws/shape.js";

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
