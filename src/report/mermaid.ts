import { mermaidText } from "./escape.js";
import { drawableMachine, type DrawNode, type MachineGraph, type StateType } from "./graph.js";
import type { PathHighlight } from "./path.js";

/**
 * The state machine as a Mermaid `flowchart`, drawn like the HTML graph (drawableMachine): Start and End markers, each
 * Parallel/Map as a subgraph holding its state, its branches and a join point; Choice rules and Catch (dotted) labelled;
 * the run's path in orange. Ids are generated (`m_<draw id>`), labels go through `mermaidText`.
 */

const SHAPES: Readonly<Record<StateType, readonly [open: string, close: string]>> = {
  Task: ["[", "]"],
  Pass: ["(", ")"],
  Wait: ["(", ")"],
  Choice: ["{{", "}}"],
  Succeed: ["([", "])"],
  Fail: ["([", "])"],
  Parallel: ["[[", "]]"],
  Map: ["[[", "]]"],
};

const TYPE_CLASSES: ReadonlyArray<readonly [className: string, style: string, types: readonly StateType[]]> = [
  ["task", "fill:#e0f2fe,stroke:#0369a1", ["Task"]],
  ["choice", "fill:#fef9c3,stroke:#a16207", ["Choice"]],
  ["wait", "fill:#f3e8ff,stroke:#7e22ce", ["Wait"]],
  ["pass", "fill:#f1f5f9,stroke:#475569", ["Pass"]],
  ["succeed", "fill:#dcfce7,stroke:#15803d", ["Succeed"]],
  ["fail", "fill:#fee2e2,stroke:#b91c1c", ["Fail"]],
  ["batch", "fill:#c7d2fe,stroke:#4338ca", ["Parallel", "Map"]],
];

const HOT = "#ea580c";

const id = (drawId: string): string => `m_${drawId}`;

export function mermaidFlowchart(graph: MachineGraph, highlight?: PathHighlight): string {
  const draw = drawableMachine(graph);
  const lines: string[] = ["flowchart TD"];
  const label = (node: DrawNode): string => {
    const state = node.state;
    if (node.kind === "start") return `${id(node.id)}(("Start"))`;
    if (node.kind === "end") return `${id(node.id)}(("End"))`;
    if (node.kind === "join" || !state) return `${id(node.id)}((" "))`;
    const visits = highlight?.visits.get(state.name) ?? 0;
    const [open, close] = SHAPES[state.type];
    const suffix = visits > 1 ? ` ×${visits}` : "";
    return `${id(node.id)}${open}"${mermaidText(state.name)}<br/>${state.type}${mermaidText(suffix)}"${close}`;
  };
  // Nodes, each inside its cluster's subgraph (a cluster's children: its nodes, then its sub-clusters).
  const emitCluster = (clusterId: string | undefined, indent: string): void => {
    for (const node of draw.nodes.filter((n) => n.cluster === clusterId)) lines.push(`${indent}${label(node)}`);
    for (const cluster of draw.clusters.filter((c) => c.parent === clusterId)) {
      lines.push(`${indent}subgraph ${id(cluster.id)}["${mermaidText(cluster.label)}"]`);
      emitCluster(cluster.id, `${indent}  `);
      lines.push(`${indent}end`);
    }
  };
  emitCluster(undefined, "  ");
  draw.edges.forEach((edge) => {
    const arrow = edge.edge.kind === "catch" ? "-.->" : "-->";
    const text = edge.edge.label !== undefined ? `|"${mermaidText(edge.edge.label)}"|` : "";
    lines.push(`  ${id(edge.from)} ${arrow}${text} ${id(edge.to)}`);
  });

  for (const [className, style] of TYPE_CLASSES) lines.push(`  classDef ${className} ${style}`);
  lines.push("  classDef marker fill:#334155,stroke:#334155,color:#fff");
  lines.push(`  classDef visited stroke:${HOT},stroke-width:3px`);
  for (const [className, , types] of TYPE_CLASSES) {
    const ids = graph.states.filter((s) => types.includes(s.type)).map((s) => id(s.id));
    if (ids.length > 0) lines.push(`  class ${ids.join(",")} ${className}`);
  }
  lines.push(`  class ${id("start")},${id("end")} marker`);
  if (highlight) {
    const visited = graph.states.filter((s) => highlight.visits.has(s.name)).map((s) => id(s.id));
    if (visited.length > 0) lines.push(`  class ${visited.join(",")} visited`);
    const taken = draw.edges.flatMap((e, index) => (highlight.edges.has(e.transition) ? [index] : []));
    if (taken.length > 0) lines.push(`  linkStyle ${taken.join(",")} stroke:${HOT},stroke-width:3px`);
  }
  return lines.join("\n");
}
