import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { fromSdk, toSdkCase, toSfnCase } from "../../src/runtime/sync/casing.js";
import { deepFreeze } from "../support/values.js";

describe("toSfnCase / toSdkCase", () => {
  const maps = new Set(["tags", "/hyperParameters"]);

  test("camelCase members become PascalCase at every depth, in lists too (AWS-recorded ECS task: EphemeralStorage.SizeInGiB)", () => {
    const sdk = deepFreeze({ ephemeralStorage: { sizeInGiB: 20 }, containers: [{ networkInterfaces: [{ privateIpv4Address: "10.0.0.1" }] }], cpu: "256" });
    assert.deepEqual(toSfnCase(sdk, "camel", maps), { EphemeralStorage: { SizeInGiB: 20 }, Containers: [{ NetworkInterfaces: [{ PrivateIpv4Address: "10.0.0.1" }] }], Cpu: "256" });
  });

  test("map members keep their keys, and their structure values are converted", () => {
    const sdk = deepFreeze({ tags: { "team-name": "x", owner: { firstName: "A" } } });
    assert.deepEqual(toSfnCase(sdk, "camel", maps), { Tags: { "team-name": "x", owner: { FirstName: "A" } } });
    assert.deepEqual(toSdkCase({ Tags: { Owner: "A" } }, "camel", maps), { tags: { Owner: "A" } });
  });

  test("a /name map is a map only as a member of the converted value itself", () => {
    const sdk = deepFreeze({ hyperParameters: { epochCount: "2" }, customizationConfig: { rftConfig: { hyperParameters: { batchSize: 8 } } } });
    assert.deepEqual(toSfnCase(sdk, "camel", maps), { HyperParameters: { epochCount: "2" }, CustomizationConfig: { RftConfig: { HyperParameters: { BatchSize: 8 } } } });
  });

  test("PascalCase clients are left as they are (Glue Arguments, SageMaker HyperParameters keys are user data)", () => {
    const value = deepFreeze({ JobRun: { Arguments: { "--day": "1" } }, HyperParameters: { epochs: "3" } });
    assert.equal(toSfnCase(value, "pascal", maps), value);
    assert.equal(toSdkCase(value, "pascal", maps), value);
  });

  test("scalars, arrays of scalars and null pass through; a __proto__ member stays a member", () => {
    assert.equal(toSfnCase("a", "camel", maps), "a");
    assert.deepEqual(toSfnCase([1, null, "x"], "camel", maps), [1, null, "x"]);
    const odd = JSON.parse('{"__proto__": {"a": 1}}') as { [key: string]: null };
    const converted = toSfnCase(odd, "camel", maps) as Record<string, unknown>;
    assert.deepEqual(Object.keys(converted), ["__proto__"]);
    assert.equal(Object.getPrototypeOf(converted), Object.prototype);
  });
});

describe("fromSdk", () => {
  test("drops $metadata and undefined members, turns Dates into epoch milliseconds and bytes into base64", () => {
    const out = fromSdk({ $metadata: { httpStatusCode: 200 }, startDate: new Date(1_700_000_000_000), missing: undefined, body: new Uint8Array([104, 105]), list: [undefined, 1n] });
    assert.deepEqual(out, { startDate: 1_700_000_000_000, body: "aGk=", list: [null, 1] });
  });

  test("only the top-level $metadata is the SDK's; a nested member of that name is data", () => {
    assert.deepEqual(fromSdk({ item: { $metadata: 1 } }), { item: { $metadata: 1 } });
  });

  test("non-finite numbers become null, as JSON.stringify writes them; undefined alone becomes null", () => {
    assert.deepEqual(fromSdk({ a: Number.NaN, b: Infinity }), { a: null, b: null });
    assert.equal(fromSdk(undefined), null);
  });
});
