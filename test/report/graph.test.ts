/**
 * The graph model of the reports (src/report/graph.ts, path.ts, layout.ts, code.ts): one edge per ASL transition
 * (Next, each Choice rule and Default, each Catch; ASL-1, ASL-6.3, ASL-9), Parallel branches and Map processors as
 * scopes (ASL-6.7, ASL-6.8), the drawn graph with its markers, the interpreter's path read onto it, the durable
 * operations as a tree, layouts that are deterministic and keep the given order, and the code anchors.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import type { DurableOperation } from "../../src/compare/types.js";
import { anchorCode } from "../../src/report/code.js";
import { drawableMachine, machineGraph, operationTree, type MachineGraph, type TransitionEdge } from "../../src/report/graph.js";
import { layoutGraph, layoutOutline, type Box } from "../../src/report/layout.js";
import { pathHighlight } from "../../src/report/path.js";
import { machineSvg } from "../../src/report/svg.js";
import { machineOf, orderProcessingSample } from "./sample.js";

const LAMBDA = "arn:aws:lambda:us-east-1:123456789012:function:work";

/** Choice (two rules and Default), Task with two Catchers, Parallel with two branches, Map with a Catch. */
const ROUTER = {
  StartAt: "Route",
  States: {
    Route: {
      Type: "Choice",
      Choices: [
        { Variable: "$.kind", StringEquals: "batch", Next: "Fan Out" },
        { And: [{ Variable: "$.n", NumericGreaterThanEquals: 1 }, { Not: { Variable: "$.skip", IsPresent: true } }], Next: "Each" },
      ],
      Default: "Work",
    },
    Work: {
      Type: "Task",
      Resource: LAMBDA,
      Catch: [
        { ErrorEquals: ["States.Timeout", "Custom.Error"], Next: "Recover" },
        { ErrorEquals: ["States.ALL"], Next: "Failed" },
      ],
      End: true,
    },
    Recover: { Type: "Pass", End: true },
    Failed: { Type: "Fail", Error: "Failed" },
    "Fan Out": {
      Type: "Parallel",
      Branches: [
        { StartAt: "A", States: { A: { Type: "Pass", End: true } } },
        { StartAt: "B", States: { B: { Type: "Succeed" } } },
      ],
      Next: "Done",
    },
    Each: {
      Type: "Map",
      ItemProcessor: { StartAt: "Item", States: { Item: { Type: "Wait", Seconds: 1, Next: "Item Done" }, "Item Done": { Type: "Pass", End: true } } },
      Catch: [{ ErrorEquals: ["States.ALL"], Next: "Failed" }],
      End: true,
    },
    Done: { Type: "Succeed" },
  },
};

const router = (): MachineGraph => machineGraph(machineOf(ROUTER));

const from = (graph: MachineGraph, name: string): TransitionEdge[] => graph.edges.filter((e) => e.from === name);

describe("machineGraph", () => {
  test("a Choice has one edge per rule, in order, labelled with the rule, then Default (ASL-6.3)", () => {
    assert.deepEqual(from(router(), "Route"), [
      { kind: "choice", scope: "s0", from: "Route", to: "Fan Out", label: '$.kind == "batch"' },
      { kind: "choice", scope: "s0", from: "Route", to: "Each", label: "$.n >= 1 and not ($.skip is present)" },
      { kind: "default", scope: "s0", from: "Route", to: "Work", label: "Default" },
    ]);
  });

  test("a JSONata rule is labelled with its Condition's expression (ASL-6.3)", () => {
    const graph = machineGraph(
      machineOf({
        QueryLanguage: "JSONata",
        StartAt: "C",
        States: { C: { Type: "Choice", Choices: [{ Condition: "{% $states.input.x > 1 %}", Next: "D" }], Default: "D" }, D: { Type: "Succeed" } },
      }),
    );
    assert.equal(from(graph, "C")[0]?.label, "$states.input.x > 1");
  });

  test("each Catcher is an edge labelled with its ErrorEquals; End is the scope's end (ASL-9, ASL-1)", () => {
    assert.deepEqual(from(router(), "Work"), [
      { kind: "end", scope: "s0", from: "Work" },
      { kind: "catch", scope: "s0", from: "Work", to: "Recover", label: "States.Timeout, Custom.Error" },
      { kind: "catch", scope: "s0", from: "Work", to: "Failed", label: "States.ALL" },
    ]);
  });

  test("Succeed ends its scope; Fail has no outgoing edge (ASL-6.5, ASL-6.6)", () => {
    const graph = router();
    assert.deepEqual(from(graph, "Done"), [{ kind: "end", scope: "s0", from: "Done" }]);
    assert.deepEqual(from(graph, "Failed"), []);
  });

  test("Parallel branches and the Map processor are scopes owned by their state (ASL-6.7, ASL-6.8)", () => {
    const graph = router();
    assert.deepEqual(
      graph.scopes.map(({ id, kind, owner, index, startAt, label }) => ({ id, kind, owner, index, startAt, label })),
      [
        { id: "s0", kind: "machine", owner: undefined, index: undefined, startAt: "Route", label: "State machine" },
        { id: "s1", kind: "branch", owner: "Fan Out", index: 0, startAt: "A", label: "Branch 0" },
        { id: "s2", kind: "branch", owner: "Fan Out", index: 1, startAt: "B", label: "Branch 1" },
        { id: "s3", kind: "processor", owner: "Each", index: undefined, startAt: "Item", label: "Item processor" },
      ],
    );
    const scopeOf = Object.fromEntries(graph.states.map((s) => [s.name, s.scope]));
    assert.deepEqual(scopeOf, {
      Route: "s0",
      Work: "s0",
      Recover: "s0",
      Failed: "s0",
      "Fan Out": "s0",
      A: "s1",
      B: "s2",
      Each: "s0",
      Item: "s3",
      "Item Done": "s3",
      Done: "s0",
    });
    // Transitions stay inside their scope (ASL-1): the branch and processor states only reach their own scope's end.
    assert.deepEqual(
      graph.edges.filter((e) => e.scope !== "s0"),
      [
        { kind: "start", scope: "s1", to: "A" },
        { kind: "end", scope: "s1", from: "A" },
        { kind: "start", scope: "s2", to: "B" },
        { kind: "end", scope: "s2", from: "B" },
        { kind: "start", scope: "s3", to: "Item" },
        { kind: "next", scope: "s3", from: "Item", to: "Item Done" },
        { kind: "end", scope: "s3", from: "Item Done" },
      ],
    );
    assert.deepEqual(from(graph, "Each"), [
      { kind: "end", scope: "s0", from: "Each" },
      { kind: "catch", scope: "s0", from: "Each", to: "Failed", label: "States.ALL" },
    ]);
  });

  test("state ids follow document order and never come from the names", () => {
    const graph = router();
    assert.deepEqual(
      graph.states.map((s) => `${s.id}:${s.type}`),
      ["n0:Choice", "n1:Task", "n2:Pass", "n3:Fail", "n4:Parallel", "n5:Pass", "n6:Succeed", "n7:Map", "n8:Wait", "n9:Pass", "n10:Succeed"],
    );
  });
});

describe("drawableMachine", () => {
  test("a Parallel/Map is a box with its state, its branches and a join; its transitions leave from the join", () => {
    const graph = router();
    const draw = drawableMachine(graph);
    const id = (name: string): string => graph.states.find((s) => s.name === name)?.id ?? "?";
    assert.deepEqual(
      draw.clusters.map((c) => [c.id, c.kind, c.parent, c.owner.name]),
      [
        [`c${id("Fan Out")}`, "container", undefined, "Fan Out"],
        [`c${id("Each")}`, "container", undefined, "Each"],
        ["s1", "branch", `c${id("Fan Out")}`, "Fan Out"],
        ["s2", "branch", `c${id("Fan Out")}`, "Fan Out"],
        ["s3", "processor", `c${id("Each")}`, "Each"],
      ],
    );
    const clusterOf = Object.fromEntries(draw.nodes.map((n) => [n.id, n.cluster]));
    assert.equal(clusterOf[id("Fan Out")], `c${id("Fan Out")}`);
    assert.equal(clusterOf[`j${id("Fan Out")}`], `c${id("Fan Out")}`);
    assert.equal(clusterOf[id("A")], "s1");
    assert.equal(clusterOf[id("Item Done")], "s3");
    assert.equal(clusterOf[id("Route")], undefined);
    const drawn = draw.edges.map((e) => `${e.edge.kind} ${e.from}->${e.to}`);
    const fan = id("Fan Out");
    const each = id("Each");
    for (const expected of [
      `start start->${id("Route")}`,
      `start ${fan}->${id("A")}`,
      `end ${id("A")}->j${fan}`,
      `end ${id("B")}->j${fan}`,
      `next j${fan}->${id("Done")}`,
      `start ${each}->${id("Item")}`,
      `end ${id("Item Done")}->j${each}`,
      `end j${each}->end`,
      `catch j${each}->${id("Failed")}`,
      `catch ${id("Work")}->${id("Recover")}`,
      `end ${id("Done")}->end`,
    ]) {
      assert.ok(drawn.includes(expected), `${expected} in ${drawn.join(", ")}`);
    }
    assert.equal(draw.edges.length, graph.edges.length, "one drawn edge per transition");
  });
});

describe("operationTree", () => {
  const ops: DurableOperation[] = [
    { id: "p", name: "Fan Out", type: "CONTEXT", subType: "Parallel", status: "SUCCEEDED" },
    { id: "b1", parentId: "p", name: "Fan Out [1]", type: "CONTEXT", subType: "ParallelBranch", status: "SUCCEEDED" },
    { id: "w", parentId: "gone", name: "Work", type: "STEP", status: "FAILED" },
    { id: "x", parentId: "b1", name: "Work [0]", type: "STEP", status: "SUCCEEDED" },
    { id: "y", name: "unrelated", type: "WAIT", status: "STARTED" },
    { id: "r", name: "Work (retry 2)", type: "WAIT", status: "SUCCEEDED" },
    { id: "j", name: "Work (retry 2 jitter)", type: "STEP", status: "SUCCEEDED" },
  ];

  test("operations hang under their parent, or under the execution when it is not known", () => {
    const tree = operationTree(ops, router().states);
    assert.deepEqual(tree.edges, [
      { from: "root", to: "o0" },
      { from: "o0", to: "o1" },
      { from: "root", to: "o2" },
      { from: "o1", to: "o3" },
      { from: "root", to: "o4" },
      { from: "root", to: "o5" },
      { from: "root", to: "o6" },
    ]);
    assert.deepEqual(
      tree.nodes.map((n) => [n.id, n.order, n.state]),
      [
        ["root", 0, undefined],
        ["o0", 1, "Fan Out"],
        // `Name [i]` is a branch or an iteration of a Parallel/Map only.
        ["o1", 2, "Fan Out"],
        ["o2", 3, "Work"],
        ["o3", 4, undefined],
        ["o4", 5, undefined],
        // A retry's wait and jitter step (src/runtime/retrying.ts) belong to the retried state.
        ["o5", 6, "Work"],
        ["o6", 7, "Work"],
      ],
    );
    assert.equal(tree.omitted, 0);
  });

  test("at most `limit` operations are kept", () => {
    const tree = operationTree(ops, router().states, 2);
    assert.equal(tree.nodes.length, 3);
    assert.equal(tree.omitted, 5);
  });
});

describe("pathHighlight", () => {
  const taken = (graph: MachineGraph, edges: ReadonlySet<number>): string[] =>
    [...edges]
      .sort((a, b) => a - b)
      .map((k) => {
        const e = graph.edges[k];
        return `${e?.kind} ${e?.from ?? "·"}->${e?.to ?? "·"}`;
      });

  test("a Default, a Catch and an end are taken in order", () => {
    const graph = router();
    const h = pathHighlight(graph, ["Route", "Work", "Recover"], { status: "SUCCEEDED", output: null });
    assert.deepEqual(taken(graph, h.edges), ["start ·->Route", "default Route->Work", "catch Work->Recover", "end Recover->·"]);
    assert.deepEqual(
      [...h.visits],
      [
        ["Route", 1],
        ["Work", 1],
        ["Recover", 1],
      ],
    );
  });

  test("a state where the run failed takes no end transition", () => {
    const graph = router();
    const h = pathHighlight(graph, ["Route", "Work"], { status: "FAILED", error: "E", cause: "" });
    assert.deepEqual(taken(graph, h.edges), ["start ·->Route", "default Route->Work"]);
  });

  test("nested scopes: branch and iteration starts and ends, the box's own transition, repeated entries counted", () => {
    const graph = router();
    const h = pathHighlight(graph, ["Route", "Each", "Item", "Item Done", "Item", "Item Done"], { status: "SUCCEEDED", output: [] });
    assert.deepEqual(taken(graph, h.edges), [
      "start ·->Route",
      "choice Route->Each",
      "end Each->·",
      "start ·->Item",
      "next Item->Item Done",
      "end Item Done->·",
    ]);
    assert.equal(h.visits.get("Item"), 2);
  });

  test("the order-processing run: the loop's Default and the exit rule are both taken, the Catch and LOST are not", async () => {
    const { result, machine } = await orderProcessingSample();
    const graph = machineGraph(machine);
    const run = result.runs[0];
    assert.ok(run);
    const edges = taken(graph, pathHighlight(graph, run.interpreter.path, run.interpreter.outcome).edges);
    assert.ok(edges.includes("default Shipped?->Wait For Shipment"));
    assert.ok(edges.includes("choice Shipped?->Notify"));
    assert.ok(edges.includes("next Notify->Order Complete"));
    assert.ok(edges.includes("end Mark Shipped->·"));
    assert.ok(!edges.includes("choice Shipped?->Shipment Lost"));
    assert.ok(!edges.includes("catch Charge Card->Reject Order"));
    const declined = result.runs[1];
    assert.ok(declined);
    const failed = taken(graph, pathHighlight(graph, declined.interpreter.path, declined.interpreter.outcome).edges);
    assert.ok(failed.includes("catch Charge Card->Reject Order"));
    assert.ok(!failed.includes("next Charge Card->Wait For Shipment"));
  });
});

describe("layout", () => {
  const overlaps = (a: Box, b: Box): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

  test("the machine layout is deterministic, nodes do not overlap, and edges join their nodes", async () => {
    const { machine } = await orderProcessingSample();
    const graph = machineGraph(machine);
    const draw = drawableMachine(graph);
    const input = {
      direction: "TB" as const,
      nodes: draw.nodes.map((n) => ({ id: n.id, width: 120, height: 40, ...(n.cluster ? { cluster: n.cluster } : {}) })),
      clusters: draw.clusters.map((c) => ({ id: c.id, ...(c.parent ? { parent: c.parent } : {}) })),
      edges: draw.edges.map((e) => ({ id: e.id, from: e.from, to: e.to })),
    };
    const a = layoutGraph(input);
    assert.deepEqual(layoutGraph(input), a);
    const boxes = [...a.nodes.values()];
    boxes.forEach((box, i) =>
      boxes.slice(i + 1).forEach((other) => assert.ok(!overlaps(box, other), `${JSON.stringify(box)} overlaps ${JSON.stringify(other)}`)),
    );
    for (const e of draw.edges) {
      const points = a.edges.get(e.id)?.points ?? [];
      const near = (p: { x: number; y: number } | undefined, box: Box | undefined): boolean =>
        !!p && !!box && p.x >= box.x - 1 && p.x <= box.x + box.width + 1 && p.y >= box.y - 1 && p.y <= box.y + box.height + 1;
      assert.ok(near(points[0], a.nodes.get(e.from)), `${e.id} starts at ${e.from}`);
      assert.ok(near(points.at(-1), a.nodes.get(e.to)), `${e.id} ends at ${e.to}`);
    }
    // Every node lies inside its clusters.
    for (const n of draw.nodes) {
      const box = a.nodes.get(n.id);
      for (let c = draw.clusters.find((x) => x.id === n.cluster); c; c = draw.clusters.find((x) => x.id === c?.parent)) {
        const outer = a.clusters.get(c.id);
        assert.ok(
          box && outer && box.x >= outer.x && box.y >= outer.y && box.x + box.width <= outer.x + outer.width && box.y + box.height <= outer.y + outer.height,
          `${n.id} inside ${c.id}`,
        );
      }
    }
  });

  test("siblings keep the given order: branches and Choice targets left to right", async () => {
    const { machine } = await orderProcessingSample();
    const svg = machineSvg(machineGraph(machine), { id: "t", anchored: new Set(), caption: "t" }).svg;
    const x = (name: string): number => {
      const match = new RegExp(`data-state="${name}"><title>[^<]*</title><rect x="([\\d.]+)"`).exec(svg);
      assert.ok(match, name);
      return Number(match[1]);
    };
    assert.ok(x("Email Customer") < x("Update Line Items"), "Branch 0 left of Branch 1");
    assert.ok(x("Charge Card") < x("Reject Order"), "the first rule left of Default");
    assert.ok(x("Notify") < x("Shipment Lost"), "the SHIPPED rule left of the LOST rule");
    assert.equal(machineSvg(machineGraph(machine), { id: "t", anchored: new Set(), caption: "t" }).svg, svg);
  });

  test("the outline lists nodes in pre-order, indented under their parent", () => {
    const layout = layoutOutline({
      nodes: [
        { id: "root", width: 50, height: 20 },
        { id: "a", width: 50, height: 20, parent: "root" },
        { id: "b", width: 50, height: 20, parent: "root" },
        { id: "a1", width: 50, height: 20, parent: "a" },
        { id: "orphan", width: 50, height: 20, parent: "missing" },
      ],
      indent: 20,
      gap: 5,
    });
    const rows = [...layout.nodes].sort((p, q) => p[1].y - q[1].y).map(([id, box]) => `${id}@${box.x}`);
    assert.deepEqual(rows, ["root@16", "a@36", "a1@56", "b@36", "orphan@16"]);
    assert.deepEqual(layout.edges.get("a1")?.points, [
      { x: 48, y: 16 + 25 + 20 },
      { x: 48, y: 16 + 50 + 10 },
      { x: 56, y: 16 + 50 + 10 },
    ]);
    assert.equal(layout.height, 16 + 5 * 25 - 5 + 16);
  });
});

describe("anchorCode", () => {
  test("every state of the order-processing module has its heading found, once", async () => {
    const { machine, code } = await orderProcessingSample();
    const graph = machineGraph(machine);
    const anchored = anchorCode(code, graph.states);
    assert.deepEqual([...anchored.anchored].sort(), graph.states.map((s) => s.name).sort());
    const headings = anchored.lines.filter((l) => l.state !== undefined);
    assert.equal(headings.length, graph.states.length);
    assert.ok(headings.every((l) => l.text.trim() === `// "${l.state}" (${graph.states.find((s) => s.name === l.state)?.type})`));
    assert.equal(anchored.lines.map((l) => l.text).join("\n"), code.replace(/\n$/, ""));
  });

  test("a heading with a detail, a name that holds another's heading, and a name escaped in the comment", () => {
    const graph = machineGraph(
      machineOf({
        StartAt: "A",
        States: {
          A: { Type: "Pass", Next: 'A" (Pass) — x' },
          'A" (Pass) — x': { Type: "Pass", Next: "end */ here" },
          "end */ here": { Type: "Succeed" },
        },
      }),
    );
    const code = ['// "A" (Pass) — a note', "x();", '// "A" (Pass) — x" (Pass)', '// "end *\\/ here" (Succeed)', '// "A" (Pass)'].join("\n");
    const { lines } = anchorCode(code, graph.states);
    assert.deepEqual(
      lines.map((l) => l.state),
      ["A", undefined, 'A" (Pass) — x', "end */ here", undefined],
    );
  });
});
