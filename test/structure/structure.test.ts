import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { lower } from "../../src/ir/lower.js";
import type { MachineIR } from "../../src/ir/types.js";
import { buildGraph } from "../../src/structure/graph.js";
import { structureScope, type Code } from "../../src/structure/structure.js";

const LAMBDA = "arn:aws:lambda:us-east-1:123456789012:function:f";

function machine(states: Record<string, unknown>, startAt: string): MachineIR {
  const result = lower({ StartAt: startAt, States: states });
  assert.ok(result.machine, JSON.stringify(result.diagnostics));
  return result.machine;
}

/** A compact rendering of the Code tree: the shape structuring chose. */
function shape(code: Code): string {
  switch (code.kind) {
    case "seq":
      return code.items.map(shape).join(" ");
    case "state": {
      const exits = [...code.exits].map(([k, v]) => `${k}→${shape(v) || "·"}`).join(", ");
      return `${code.state.origin.name}{${exits}}`;
    }
    case "block":
      return `${code.label}:[${shape(code.body)}]`;
    case "loop":
      return `${code.labelled === true ? `${code.label}:` : ""}loop[${shape(code.body)}]`;
    case "break":
      return `break ${code.label}`;
    case "continue":
      return `continue ${code.label}`;
    case "return":
      return "return";
    case "dispatch":
      return `dispatch(${code.cases.map((c) => c.state.origin.name).join(",")})`;
    case "goto":
      return `goto ${code.target}`;
  }
}

describe("structuring (Ramsey, 'Beyond Relooper')", () => {
  test("a chain is a sequence: each state's exit holds the next state", () => {
    const m = machine({ A: { Type: "Pass", Next: "B" }, B: { Type: "Pass", Next: "C" }, C: { Type: "Succeed" } }, "A");
    assert.equal(shape(structureScope(m.scope)), "A{next→B{next→C{next→return}}}");
  });

  test("a Choice whose branches meet again: both fall through to the join, so no label is left", () => {
    const m = machine(
      {
        C: { Type: "Choice", Choices: [{ Variable: "$.x", IsPresent: true, Next: "L" }], Default: "R" },
        L: { Type: "Pass", Next: "J" },
        R: { Type: "Pass", Next: "J" },
        J: { Type: "Succeed" },
      },
      "C",
    );
    // J is a merge node: structured as a block followed by J; both breaks are in tail position, so the block goes.
    assert.equal(shape(structureScope(m.scope)), "C{choice:0→L{next→·}, default→R{next→·}} J{next→return}");
  });

  test("a poll loop (Wait → Task → Choice → back) is a while loop; the way back, at the end of its body, needs no continue", () => {
    const m = machine(
      {
        Wait: { Type: "Wait", Seconds: 5, Next: "Poll" },
        Poll: { Type: "Task", Resource: LAMBDA, Next: "Done?" },
        "Done?": { Type: "Choice", Choices: [{ Variable: "$.done", BooleanEquals: true, Next: "End" }], Default: "Wait" },
        End: { Type: "Succeed" },
      },
      "Wait",
    );
    const graph = buildGraph(m.scope);
    assert.equal(graph.reducible, true);
    assert.deepEqual([...graph.loopHeaders].map((s) => s.origin.name), ["Wait"]);
    assert.equal(shape(structureScope(m.scope)), "loop[Wait{next→Poll{next→Done?{choice:0→End{next→return}, default→·}}}]");
  });

  test("a way back that is not at the end of the loop's body is a continue naming the loop", () => {
    // Retry? goes back to Poll, or on to Log (which Skip also reaches), then Log goes back to Poll: Log follows the
    // Choice inside the loop, so Retry?'s way back is not at the end of the body and must name the loop.
    const m = machine(
      {
        Poll: { Type: "Task", Resource: LAMBDA, Next: "Retry?" },
        "Retry?": {
          Type: "Choice",
          Choices: [
            { Variable: "$.again", BooleanEquals: true, Next: "Poll" },
            { Variable: "$.done", BooleanEquals: true, Next: "End" },
            { Variable: "$.skip", BooleanEquals: true, Next: "Skip" },
          ],
          Default: "Log",
        },
        Skip: { Type: "Pass", Next: "Log" },
        Log: { Type: "Task", Resource: LAMBDA, Next: "Poll" },
        End: { Type: "Succeed" },
      },
      "Poll",
    );
    assert.equal(
      shape(structureScope(m.scope)),
      "pollLoop:loop[Poll{next→Retry?{choice:0→continue pollLoop, choice:1→End{next→return}, choice:2→Skip{next→·}, default→·} Log{next→·}}]",
    );
  });

  test("nested Choices fall through to the join (every Choice exit is in tail position)", () => {
    const m = machine(
      {
        C: { Type: "Choice", Choices: [{ Variable: "$.x", IsPresent: true, Next: "D" }], Default: "J" },
        D: { Type: "Choice", Choices: [{ Variable: "$.y", IsPresent: true, Next: "J" }], Default: "E" },
        E: { Type: "Fail", Error: "E" },
        J: { Type: "Succeed" },
      },
      "C",
    );
    assert.equal(shape(structureScope(m.scope)), "C{choice:0→D{choice:0→·, default→E{}}, default→·} J{next→return}");
  });

  test("a join reached from a Catch keeps its label: the catch clause is not in tail position", () => {
    const m = machine(
      {
        T: { Type: "Task", Resource: LAMBDA, Catch: [{ ErrorEquals: ["States.ALL"], Next: "J" }], Next: "K" },
        K: { Type: "Pass", Next: "J" },
        J: { Type: "Succeed" },
      },
      "T",
    );
    assert.equal(shape(structureScope(m.scope)), "toJ:[T{catch:0→break toJ, next→K{next→·}}] J{next→return}");
  });

  test("a Catch edge is an exit of its state like any other", () => {
    const m = machine(
      {
        T: { Type: "Task", Resource: LAMBDA, Catch: [{ ErrorEquals: ["States.ALL"], Next: "H" }], Next: "Ok" },
        H: { Type: "Fail", Error: "Handled" },
        Ok: { Type: "Succeed" },
      },
      "T",
    );
    assert.equal(shape(structureScope(m.scope)), "T{catch:0→H{}, next→Ok{next→return}}");
  });

  test("two entries into a cycle (irreducible) fall back to a dispatch loop", () => {
    const m = machine(
      {
        Start: { Type: "Choice", Choices: [{ Variable: "$.b", IsPresent: true, Next: "B" }], Default: "A" },
        A: { Type: "Pass", Next: "B" },
        B: { Type: "Choice", Choices: [{ Variable: "$.again", IsPresent: true, Next: "A" }], Default: "Done" },
        Done: { Type: "Succeed" },
      },
      "Start",
    );
    assert.equal(buildGraph(m.scope).reducible, false);
    assert.match(shape(structureScope(m.scope)), /^dispatch\(Start,/);
  });

  test("a 5,000-state chain structures without recursion limits in the graph pass", () => {
    const states: Record<string, unknown> = {};
    for (let i = 0; i < 5000; i++) states[`S${i}`] = i === 4999 ? { Type: "Succeed" } : { Type: "Pass", Next: `S${i + 1}` };
    const graph = buildGraph(machine(states, "S0").scope);
    assert.equal(graph.order.length, 5000);
    assert.equal(graph.mergeNodes.size, 0);
  });
});
