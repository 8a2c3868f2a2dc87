/** Bare ASL definitions and files that are none of the containers: one machine, the source itself, unchanged. */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadObject, loadText } from "../../src/load/index.js";
import { findMachines } from "../../src/load/machines/index.js";

describe("bare ASL", () => {
  test("a definition file is one machine named after the file; its source and value are the input's", () => {
    const path = fileURLToPath(new URL("../../fixtures/order-processing.asl.json", import.meta.url));
    const source = loadText(readFileSync(path, "utf8"), { file: path });
    const result = findMachines(source);
    assert.equal(result.kind, "asl");
    assert.deepEqual(result.problems, []);
    assert.equal(result.machines.length, 1);
    const [machine] = result.machines;
    assert.equal(machine?.id, "order-processing");
    assert.equal(machine?.where, path);
    assert.equal(machine?.source, source);
    assert.equal(machine?.definition, source.value);
    assert.equal(machine?.type, undefined);
  });

  test("placeholders left for DefinitionSubstitutions are listed as unresolved", () => {
    const source = loadText('{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"${WorkerArn}","Parameters":{"T":"${Table}","U":"${WorkerArn}"},"End":true}}}', { file: "flow.asl.json" });
    const [machine] = findMachines(source).machines;
    assert.deepEqual(machine?.unresolved, ["WorkerArn", "Table"]);
    assert.equal(machine?.id, "flow");
  });

  test("YAML definitions and stdin", () => {
    const [machine] = findMachines(loadText("StartAt: A\nStates:\n  A: { Type: Succeed }\n", { file: "<stdin>" })).machines;
    assert.equal(machine?.id, "definition");
    assert.deepEqual(machine?.definition, { StartAt: "A", States: { A: { Type: "Succeed" } } });
  });

  test("input that did not load, or is not a container, stays one ASL machine so that validation reports it", () => {
    const broken = loadText('{"StartAt": ', { file: "broken.asl.json" });
    const result = findMachines(broken);
    assert.equal(result.kind, "asl");
    assert.equal(result.machines[0]?.source, broken);
    assert.equal(result.machines[0]?.definition, undefined);
    for (const value of [{}, [], "text", { Comment: "no states" }]) {
      const found = findMachines(loadObject(value));
      assert.equal(found.kind, "asl");
      assert.deepEqual(found.machines[0]?.definition, value);
      assert.deepEqual(found.problems, []);
    }
  });

  test("API objects are searched too (no positions)", () => {
    const source = loadObject({ Resources: { Flow: { Type: "AWS::StepFunctions::StateMachine", Properties: { DefinitionString: '{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}' } } } });
    const result = findMachines(source);
    assert.equal(result.kind, "cloudformation");
    assert.deepEqual(result.machines[0]?.definition, { StartAt: "A", States: { A: { Type: "Succeed" } } });
    assert.equal(result.machines[0]?.source.locate("/States/A"), undefined);
  });
});
