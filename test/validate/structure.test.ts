import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { validate } from "../../src/index.js";
import { found, LAMBDA, machine } from "../support/validate.js";

// ASL-1: StartAt, transitions within one scope, reachability by a real walk, terminal states, unique names.
describe("structure rules", () => {
  test("ASL101: StartAt must name a state of its own scope, with a did-you-mean", () => {
    const r = validate({ StartAt: "Strat", States: { Start: { Type: "Succeed" } } });
    assert.deepEqual(r.diagnostics.map((d) => [d.code, d.location.pointer]), [["ASL101", "/StartAt"]]);
    assert.match(r.diagnostics[0]!.message, /did you mean "Start"\?/);
  });

  test("ASL101 inside a Parallel branch", () => {
    const def = machine({ Type: "Parallel", End: true, Branches: [{ StartAt: "Nope", States: { A: { Type: "Succeed" } } }] });
    assert.deepEqual(found(def), ["ASL101 /States/S/Branches/0/StartAt"]);
  });

  test("ASL102: Next, Default, Choices[].Next and Catch[].Next must exist", () => {
    const def = {
      StartAt: "C",
      States: {
        C: { Type: "Choice", Choices: [{ Variable: "$.x", IsPresent: true, Next: "Missing1" }], Default: "Missing2" },
        T: { Type: "Task", Resource: LAMBDA, Catch: [{ ErrorEquals: ["States.ALL"], Next: "Missing3" }], Next: "Missing4" },
      },
    };
    const codes = found(def, {}, "error");
    for (const p of ["/States/C/Choices/0/Next", "/States/C/Default", "/States/T/Catch/0/Next", "/States/T/Next"]) {
      assert.ok(codes.includes(`ASL102 ${p}`), `${p} in ${codes.join(", ")}`);
    }
  });

  test("ASL103: no jump out of a Map processor or into a Parallel branch", () => {
    const def = {
      StartAt: "M",
      States: {
        M: { Type: "Map", Next: "P", ItemProcessor: { StartAt: "In", States: { In: { Type: "Pass", Next: "P" } } } },
        P: { Type: "Parallel", Next: "B1", Branches: [{ StartAt: "B1", States: { B1: { Type: "Succeed" } } }] },
      },
    };
    const codes = found(def, {}, "error");
    assert.ok(codes.includes("ASL103 /States/M/ItemProcessor/States/In/Next"), codes.join(", "));
    assert.ok(codes.includes("ASL103 /States/P/Next"), codes.join(", "));
  });

  test("ASL104: reachability is a real walk, not 'referenced somewhere'", () => {
    // B is referenced only by the unreachable A: asl-validator and the language service both accept this.
    const def = { StartAt: "Go", States: { Go: { Type: "Succeed" }, A: { Type: "Pass", Next: "B" }, B: { Type: "Succeed" } } };
    assert.deepEqual(found(def), ["ASL104 /States/A", "ASL104 /States/B"]);
    const r = validate(JSON.stringify(def, null, 2));
    assert.equal(r.diagnostics[0]!.location.start?.line, 7, "points at the key of A (line 7 of the pretty-printed text)");
  });

  test("ASL105: a loop with no way out has no reachable terminal state", () => {
    const def = { StartAt: "A", States: { A: { Type: "Pass", Next: "B" }, B: { Type: "Pass", Next: "A" }, Done: { Type: "Succeed" } } };
    const codes = found(def, {}, "error");
    assert.ok(codes.includes("ASL105 /States"), codes.join(", "));
    assert.ok(codes.includes("ASL104 /States/Done"), codes.join(", "));
  });

  test("a poll loop with an exit is fine", () => {
    const def = {
      StartAt: "Wait",
      States: {
        Wait: { Type: "Wait", Seconds: 5, Next: "Check" },
        Check: { Type: "Task", Resource: LAMBDA, Next: "Done?" },
        "Done?": { Type: "Choice", Choices: [{ Variable: "$.done", BooleanEquals: true, Next: "End" }], Default: "Wait" },
        End: { Type: "Succeed" },
      },
    };
    assert.deepEqual(found(def), []);
  });

  test("ASL106: names are unique across the whole machine", () => {
    const def = machine({ Type: "Parallel", Next: "X", Branches: [{ StartAt: "X", States: { X: { Type: "Succeed" } } }] }, { X: { Type: "Succeed" } });
    assert.deepEqual(found(def), ["ASL106 /States/X"]);
  });

  test("ASL107: names of more than 80 characters", () => {
    const long = "n".repeat(81);
    assert.deepEqual(found({ StartAt: long, States: { [long]: { Type: "Succeed" } } }), [`ASL107 /States/${long}`]);
    const exactly80 = "é".repeat(80); // counted in characters, not bytes
    assert.deepEqual(found({ StartAt: exactly80, States: { [exactly80]: { Type: "Succeed" } } }), []);
  });

  test("ASL108: exactly one of Next and End; none on Choice/Succeed/Fail", () => {
    assert.deepEqual(found(machine({ Type: "Pass" })), ["ASL108 /States/S"]);
    assert.deepEqual(found(machine({ Type: "Pass", End: true, Next: "S" })), ["ASL108 /States/S/End"]);
    assert.deepEqual(found(machine({ Type: "Succeed", End: true })), ["ASL011 /States/S/End"], "the schema owns fields a type does not have");
  });

  test("ASL109: empty States", () => {
    assert.ok(found({ StartAt: "A", States: {} }, {}, "error").includes("ASL109 /States"));
  });
});
