/**
 * End to end: a machine's source goes through validateSource, and its diagnostics point at the right line of the
 * file the definition is written in (ASL §States: every Next must name a state of the same States object).
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { selectMachine, type FoundMachine } from "../../src/load/machines/index.js";
import { validateSource } from "../../src/validate/index.js";
import { findInText } from "./support.js";

function nextError(machine: FoundMachine): { line?: number; column?: number; file?: string } {
  const error = validateSource(machine.source).diagnostics.find((d) => d.code === "ASL102");
  assert.ok(error, "an unknown Next is reported");
  return { line: error.location.start?.line, column: error.location.start?.column, file: error.location.file };
}

describe("validating found machines", () => {
  const template = `Transform: AWS::Serverless-2016-10-31
Resources:
  Inline:
    Type: AWS::Serverless::StateMachine
    Properties:
      Definition:
        StartAt: A
        States:
          A:
            Type: Pass
            Next: Missing
  FromText:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      DefinitionString: !Sub |
        {"StartAt": "A", "States": {
          "A": {"Type": "Task", "Resource": "\${Worker.Arn}", "Next": "Missing"}}}
  FromFile:
    Type: AWS::Serverless::StateMachine
    Properties:
      DefinitionUri: flow.asl.json
`;
  const result = findInText(template, { "/project/flow.asl.json": '{\n  "StartAt": "A",\n  "States": {\n    "A": { "Type": "Pass", "Next": "Missing" }\n  }\n}\n' });

  test("an inline Definition: the line of the node in the template", () => {
    assert.deepEqual(nextError(selectMachine(result.machines, "Inline") as FoundMachine), { line: 11, column: 19, file: "/project/template.yaml" });
  });

  test("a DefinitionString: the line and column inside the !Sub block", () => {
    assert.deepEqual(nextError(selectMachine(result.machines, "FromText") as FoundMachine), { line: 17, column: 70, file: "/project/template.yaml" });
  });

  test("a DefinitionUri: the line in the referenced file", () => {
    assert.deepEqual(nextError(selectMachine(result.machines, "FromFile") as FoundMachine), { line: 4, column: 36, file: "/project/flow.asl.json" });
  });
});

describe("selectMachine", () => {
  const result = findInText(`Resources:
  A:
    Type: AWS::StepFunctions::StateMachine
    Properties: { StateMachineName: shared, Definition: { StartAt: X, States: { X: { Type: Succeed } } } }
  B:
    Type: AWS::StepFunctions::StateMachine
    Properties: { StateMachineName: shared, Definition: { StartAt: X, States: { X: { Type: Succeed } } } }
  C:
    Type: AWS::StepFunctions::StateMachine
    Properties: { StateMachineName: A, Definition: { StartAt: X, States: { X: { Type: Succeed } } } }
`);

  test("an id wins over a name; a name shared by several machines selects none", () => {
    assert.equal(selectMachine(result.machines, "A")?.id, "A");
    assert.equal(selectMachine(result.machines, "C")?.id, "C");
    assert.equal(selectMachine(result.machines, "shared"), undefined);
    assert.equal(selectMachine(result.machines, "nothing"), undefined);
  });
});
