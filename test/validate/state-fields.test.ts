import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { found, LAMBDA, machine } from "../support/validate.js";

const processor = { StartAt: "I", States: { I: { Type: "Pass", End: true } } };

describe("state field rules (ASL-6)", () => {
  test("ASL201: mutually exclusive pairs, located at the second field", () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ Type: "Task", Resource: LAMBDA, End: true, TimeoutSeconds: 5, TimeoutSecondsPath: "$.t" }, "/States/S/TimeoutSecondsPath"],
      [{ Type: "Task", Resource: LAMBDA, End: true, HeartbeatSeconds: 5, HeartbeatSecondsPath: "$.h" }, "/States/S/HeartbeatSecondsPath"],
      [{ Type: "Fail", Error: "E", ErrorPath: "$.e" }, "/States/S/ErrorPath"],
      [{ Type: "Fail", Cause: "C", CausePath: "$.c" }, "/States/S/CausePath"],
      [{ Type: "Map", End: true, ItemProcessor: processor, MaxConcurrency: 1, MaxConcurrencyPath: "$.m" }, "/States/S/MaxConcurrencyPath"],
      [{ Type: "Map", End: true, ItemProcessor: processor, ItemsPath: "$.a", Parameters: {}, ItemSelector: {} }, "/States/S/Parameters"],
      [{ Type: "Map", End: true, ItemProcessor: processor, ToleratedFailureCount: 1, ToleratedFailureCountPath: "$.c" }, "/States/S/ToleratedFailureCountPath"],
    ];
    for (const [state, pointer] of cases) {
      assert.deepEqual(found(machine(state), {}, "error"), [`ASL201 ${pointer}`], JSON.stringify(state));
    }
  });

  test("ASL201 inside ItemReader.ReaderConfig and ItemBatcher", () => {
    const state = {
      Type: "Map",
      End: true,
      ItemProcessor: { ...processor, ProcessorConfig: { Mode: "DISTRIBUTED", ExecutionType: "STANDARD" } },
      ItemReader: { Resource: "arn:aws:states:::s3:getObject", Parameters: { Bucket: "b", Key: "k" }, ReaderConfig: { InputType: "JSON", MaxItems: 1, MaxItemsPath: "$.m" } },
      ItemBatcher: { MaxItemsPerBatch: 2, MaxItemsPerBatchPath: "$.b" },
    };
    assert.deepEqual(found(machine(state), {}, "error"), [
      "ASL201 /States/S/ItemBatcher/MaxItemsPerBatchPath",
      "ASL201 /States/S/ItemReader/ReaderConfig/MaxItemsPath",
    ]);
  });

  test("ASL202: a Wait needs exactly one duration", () => {
    assert.deepEqual(found(machine({ Type: "Wait", End: true })), ["ASL202 /States/S"]);
    assert.deepEqual(found(machine({ Type: "Wait", End: true, Seconds: 1, Timestamp: "2024-01-01T00:00:00Z" })), ["ASL202 /States/S/Timestamp"]);
    assert.deepEqual(found(machine({ Type: "Wait", End: true, TimestampPath: "$.t" })), []);
  });

  test("ASL212: a wait of 2^31 seconds or more is accepted but always fails (ASL-6.4 [obs])", () => {
    assert.deepEqual(found(machine({ Type: "Wait", End: true, Seconds: 2 ** 31 })), ["ASL212 /States/S/Seconds"]);
    assert.deepEqual(found(machine({ Type: "Wait", End: true, Seconds: 24855 * 86400 })), []);
  });

  test("ASL203: HeartbeatSeconds below TimeoutSeconds (default 99999999)", () => {
    assert.deepEqual(found(machine({ Type: "Task", Resource: LAMBDA, End: true, TimeoutSeconds: 10, HeartbeatSeconds: 10 }), {}, "error"), ["ASL203 /States/S/HeartbeatSeconds"]);
    assert.deepEqual(found(machine({ Type: "Task", Resource: LAMBDA, End: true, TimeoutSeconds: 10, HeartbeatSeconds: 9 }), {}, "error"), []);
  });

  test("ASL204: exactly one of ItemProcessor and Iterator", () => {
    assert.deepEqual(found(machine({ Type: "Map", End: true }), {}, "error"), ["ASL204 /States/S"]);
    assert.deepEqual(found(machine({ Type: "Map", End: true, ItemProcessor: processor, Iterator: { StartAt: "J", States: { J: { Type: "Succeed" } } } }), {}, "error"), [
      "ASL204 /States/S/Iterator",
    ]);
    assert.deepEqual(found(machine({ Type: "Map", End: true, Iterator: processor }), {}, "error"), []);
  });

  test("ASL205: distributed-only fields need Mode DISTRIBUTED", () => {
    const state = { Type: "Map", End: true, ItemProcessor: processor, Label: "x", ItemBatcher: { MaxItemsPerBatch: 2 } };
    assert.deepEqual(found(machine(state), {}, "error"), ["ASL205 /States/S/ItemBatcher", "ASL205 /States/S/Label"]);
    const distributed = { ...state, ItemProcessor: { ...processor, ProcessorConfig: { Mode: "DISTRIBUTED" } } };
    assert.deepEqual(found(machine(distributed), {}, "error"), []);
  });
});

describe("Choice rules (ASL-6.3)", () => {
  const choice = (rule: Record<string, unknown>): Record<string, unknown> =>
    machine({ Type: "Choice", Choices: [rule], Default: "D" }, { D: { Type: "Succeed" } });

  test("ASL206: no operator, two operators, operator without Variable, Variable with a combinator", () => {
    assert.deepEqual(found(choice({ Variable: "$.x", Next: "D" }), {}, "error"), ["ASL206 /States/S/Choices/0"]);
    assert.deepEqual(found(choice({ Variable: "$.x", StringEquals: "a", IsPresent: true, Next: "D" }), {}, "error"), ["ASL206 /States/S/Choices/0/IsPresent"]);
    assert.deepEqual(found(choice({ StringEquals: "a", Next: "D" }), {}, "error"), ["ASL206 /States/S/Choices/0"]);
    assert.deepEqual(found(choice({ Variable: "$.x", Not: { Variable: "$.x", IsNull: true }, Next: "D" }), {}, "error"), ["ASL206 /States/S/Choices/0/Variable"]);
  });

  test("ASL206 inside And/Or/Not (a nested Next is the schema's ASL011)", () => {
    const rule = { And: [{ Variable: "$.a", IsNull: true }, { Variable: "$.b", Next: "D" }], Next: "D" };
    assert.deepEqual(found(choice(rule), {}, "error"), ["ASL206 /States/S/Choices/0/And/1", "ASL011 /States/S/Choices/0/And/1/Next"]);
    assert.deepEqual(found(choice({ Not: { Not: { Variable: "$.a", StringEquals: "x" } }, Next: "D" }), {}, "error"), []);
  });

  test("ASL207: a JSONata rule needs Condition (a missing top-level Next is the schema's ASL010)", () => {
    assert.deepEqual(found(choice({ Variable: "$.x", IsNull: true }), {}, "error"), ["ASL010 /States/S/Choices/0"]);
    const jsonata = machine({ Type: "Choice", QueryLanguage: "JSONata", Choices: [{ Next: "D" }], Default: "D" }, { D: { Type: "Succeed" } });
    assert.deepEqual(found(jsonata, {}, "error"), ["ASL207 /States/S/Choices/0"]);
    const withCondition = machine({ Type: "Choice", QueryLanguage: "JSONata", Choices: [{ Condition: "{% $states.input.x > 1 %}", Next: "D" }], Default: "D" }, { D: { Type: "Succeed" } });
    assert.deepEqual(found(withCondition, {}, "error"), []);
  });

  test("ASL208: StringMatches with an open escape", () => {
    assert.deepEqual(found(choice({ Variable: "$.x", StringMatches: "log-*\\", Next: "D" }), {}, "error"), ["ASL208 /States/S/Choices/0/StringMatches"]);
    assert.deepEqual(found(choice({ Variable: "$.x", StringMatches: "a\\*b\\\\", Next: "D" }), {}, "error"), []);
  });
});
