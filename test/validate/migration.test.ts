import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { validate } from "../../src/index.js";
import { found, LAMBDA, machine } from "../support/validate.js";

// Warnings and notes for what works in Step Functions but changes as a durable function
// (../shared/reference/durable-sdk.md §0, §2.6).
describe("migration notes", () => {
  test("ASL907: a machine timeout above the durable maximum of 31,622,400 s", () => {
    assert.deepEqual(found(machine({ Type: "Succeed" }, {}, { TimeoutSeconds: 31_622_401 })), ["ASL907 /TimeoutSeconds"]);
    assert.deepEqual(found(machine({ Type: "Succeed" }, {}, { TimeoutSeconds: 31_622_400 })), []);
  });

  test("ASL903: a Distributed Map", () => {
    const map = { Type: "Map", End: true, ItemProcessor: { ProcessorConfig: { Mode: "DISTRIBUTED", ExecutionType: "STANDARD" }, StartAt: "I", States: { I: { Type: "Succeed" } } } };
    assert.deepEqual(found(machine(map)), ["ASL903 /States/S/ItemProcessor/ProcessorConfig/Mode"]);
    // An ItemReader's dataset is read in one durable step (one 256 KiB checkpoint): a second note, at the reader.
    const reader = { ...map, ItemReader: { Resource: "arn:aws:states:::s3:getObject", ReaderConfig: { InputType: "JSON", MaxItems: 50000 }, Parameters: { Bucket: "b", Key: "k" } } };
    assert.deepEqual(found(machine(reader)), ["ASL903 /States/S/ItemProcessor/ProcessorConfig/Mode", "ASL903 /States/S/ItemReader"]);
    assert.match(validate(machine(reader)).diagnostics.find((d) => d.location.pointer === "/States/S/ItemReader")?.message ?? "", /one durable step \(MaxItems 50000\)/);
  });

  test("ASL906: HeartbeatSeconds without a callback; none for .waitForTaskToken or activities", () => {
    assert.deepEqual(found(machine({ Type: "Task", Resource: LAMBDA, End: true, HeartbeatSeconds: 5 })), ["ASL906 /States/S/HeartbeatSeconds"]);
    const token = { Type: "Task", Resource: "arn:aws:states:::sqs:sendMessage.waitForTaskToken", End: true, HeartbeatSeconds: 5 };
    assert.deepEqual(found(machine(token)), ["ASL901 /States/S/Resource"]);
  });

  test("ASL905 (info): nondeterministic intrinsics and JSONata functions, once per state", () => {
    const pass = { Type: "Pass", End: true, Parameters: { "id.$": "States.UUID()", "again.$": "States.Format('{}', States.UUID())", "n.$": "States.MathRandom(1, 9)" } };
    assert.deepEqual(found(machine(pass), {}, "info"), ["ASL905 /States/S/Parameters/id.$", "ASL905 /States/S/Parameters/n.$"]);
    const jsonata = { Type: "Pass", QueryLanguage: "JSONata", End: true, Output: { at: "{% $now() %}", id: "{% $uuid() %}", x: "{% $sum([1]) %}" } };
    assert.deepEqual(found(machine(jsonata), {}, "info"), ["ASL905 /States/S/Output/at", "ASL905 /States/S/Output/id"]);
    assert.deepEqual(validate(machine(pass)).diagnostics, [], "info notes are hidden unless asked for");
  });
});
