import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { applySubstitutions } from "../../src/load/substitute.js";

// Semantics: CloudFormation's AWS::StepFunctions::StateMachine resource handler replaces each `${Key}` of
// DefinitionSubstitutions in the definition's JSON text with StringUtils.replaceEachRepeatedly (see substitute.ts).
describe("applySubstitutions", () => {
  test("replaces placeholders in string values, keeping the rest of the string", () => {
    const definition = {
      StartAt: "Charge",
      States: {
        Charge: { Type: "Task", Resource: "${ChargeFunctionArn}", Comment: "in ${Region} (${Region})", End: true },
      },
    };
    const result = applySubstitutions(definition, {
      ChargeFunctionArn: "arn:aws:lambda:eu-west-1:1:function:c",
      Region: "eu-west-1",
    });
    assert.deepEqual(result.value, {
      StartAt: "Charge",
      States: {
        Charge: {
          Type: "Task",
          Resource: "arn:aws:lambda:eu-west-1:1:function:c",
          Comment: "in eu-west-1 (eu-west-1)",
          End: true,
        },
      },
    });
    assert.deepEqual(result.unresolved, []);
    assert.deepEqual(result.cyclic, []);
  });

  test("numbers and booleans are inserted as their string form; non-string values are untouched", () => {
    const result = applySubstitutions(
      { a: "${N}/${B}", n: 5, t: true, z: null, list: ["${N}", 1] },
      { N: 42, B: false },
    );
    assert.deepEqual(result.value, { a: "42/false", n: 5, t: true, z: null, list: ["42", 1] });
  });

  test("placeholders in member names are replaced too (the handler works on the JSON text)", () => {
    const result = applySubstitutions({ States: { "${StateName}": { Type: "Succeed" } } }, { StateName: "Done" });
    assert.deepEqual(result.value, { States: { Done: { Type: "Succeed" } } });
    // Names that become equal: the later member's value wins, as when CloudFormation re-parses the text.
    assert.deepEqual(applySubstitutions({ "${K}": 1, Done: 2 }, { K: "Done" }).value, { Done: 2 });
  });

  test("replacement repeats while it changes something", () => {
    const result = applySubstitutions({ Resource: "${A}" }, { A: "${B}:${C}", B: "x", C: "${B}" });
    assert.deepEqual(result.value, { Resource: "x:x" });
    assert.deepEqual(result.cyclic, []);
  });

  test("a substitution that reproduces itself is reported as cyclic", () => {
    const result = applySubstitutions({ Resource: "${A}" }, { A: "(${A})" });
    assert.deepEqual(result.cyclic, ["A"]);
    assert.ok(typeof result.value === "object" && result.value !== null);
    assert.match(String((result.value as { Resource: string }).Resource), /^\(+\$\{A\}\)+$/);
  });

  test("unresolved placeholders are listed once each, in order of appearance", () => {
    const result = applySubstitutions(
      { a: "${Missing} ${AWS::Region}", b: ["${Known}", "${Missing}"], c: "${self:custom.table}" },
      { Known: "k" },
    );
    assert.deepEqual(result.unresolved, ["Missing", "AWS::Region", "self:custom.table"]);
    assert.deepEqual(result.value, {
      a: "${Missing} ${AWS::Region}",
      b: ["k", "${Missing}"],
      c: "${self:custom.table}",
    });
  });

  test("a placeholder introduced by a substitution value counts as unresolved when unknown", () => {
    assert.deepEqual(applySubstitutions("${A}", { A: "${B}" }).unresolved, ["B"]);
  });

  test("${!Literal} (Fn::Sub's escape) has no meaning here: left as written and not reported", () => {
    const result = applySubstitutions({ a: "${!Literal}" }, { Literal: "x" });
    assert.deepEqual(result.value, { a: "${!Literal}" });
    assert.deepEqual(result.unresolved, []);
  });

  test("strings without placeholders, and JSONata or intrinsic syntax, are left alone", () => {
    const value = { a: "{% $states.input.x %}", b: "States.Format('{}', $.x)", c: "$", d: "${", e: "${}" };
    const result = applySubstitutions(value, { x: "no" });
    assert.deepEqual(result.value, value);
    assert.deepEqual(result.unresolved, [""]);
  });

  test("returns a new value and never mutates the input", () => {
    const input = { States: { A: { Resource: "${Arn}", Parameters: { list: [{ k: "${Arn}" }] } } } };
    const before = structuredClone(input);
    const result = applySubstitutions(input, { Arn: "arn" });
    assert.deepEqual(input, before);
    const value = result.value as typeof input;
    assert.notEqual(value.States, input.States);
    assert.notEqual(value.States.A.Parameters.list, input.States.A.Parameters.list);
    const untouched = applySubstitutions(input, {});
    assert.deepEqual(untouched.value, input);
    assert.notEqual(untouched.value, input);
    assert.deepEqual(untouched.unresolved, ["Arn"]);
  });
});
