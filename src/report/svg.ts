import type { Outcome } from "../compare/types.js";
import { escapeHtml, stateAnchor } from "./escape.js";
import { drawableMachine, type DrawNode, type MachineGraph, type OperationNode, type OperationTree } from "./graph.js";
import { layoutGraph, layoutOutline, type Box, type EdgeLayout, type Point } from "./layout.js";
import type { PathHighlight } from "./path.js";
import { textWidth, wrapText } from "./text.js";

/**
 * The two graphs of the HTML report as inline SVG. Every text from the definition or the run goes through
 * `escapeHtml`; ids, classes and marker references are built only from generated ids and fixed names.
 */

const NAME_SIZE = 13;
const SMALL_SIZE = 11;
const LINE = 16;
const SMALL_LINE = 14;

interface Sized {
  lines: string[];
  width: number;
  height: number;
}

/** Two decimals at most, so the output is short and stable. */
function n(value: number): string {
  return String(Math.round(value * 100) / 100);
}

function textLines(
  lines: readonly string[],
  x: number,
  firstBaseline: number,
  lineHeight: number,
  className: string,
  anchor: "middle" | "start" = "middle",
): string {
  const spans = lines.map((line, i) => `<tspan x="${n(x)}" y="${n(firstBaseline + i * lineHeight)}">${escapeHtml(line)}</tspan>`).join("");
  return `<text class="${className}" text-anchor="${anchor}">${spans}</text>`;
}

function polyline(points: readonly Point[]): string {
  return points.map((p, i) => `${i === 0 ? "M" : "L"}${n(p.x)},${n(p.y)}`).join(" ");
}

function svgOf(className: string, size: { width: number; height: number }, label: string, parts: readonly string[]): RenderedSvg {
  const { width, height } = size;
  const svg = `<svg class="graph ${className}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(label)}">${parts.join("")}</svg>`;
  return { svg, width, height };
}

function edgePath(points: readonly Point[]): string {
  const [first, ...rest] = points;
  if (!first) return "";
  let d = `M${n(first.x)},${n(first.y)}`;
  if (rest.length <= 1) return rest.reduce((acc, p) => `${acc} L${n(p.x)},${n(p.y)}`, d);
  // Quadratic curves through the midpoints, bending at each of dagre's points.
  for (let i = 0; i < rest.length - 1; i++) {
    const p = rest[i] as Point;
    const q = rest[i + 1] as Point;
    const end = i === rest.length - 2 ? q : { x: (p.x + q.x) / 2, y: (p.y + q.y) / 2 };
    d += ` Q${n(p.x)},${n(p.y)} ${n(end.x)},${n(end.y)}`;
  }
  return d;
}

function markers(id: string): string {
  const marker = (name: string, className: string): string =>
    `<marker id="${id}-${name}" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="9" markerHeight="9" orient="auto-start-reverse"><path class="${className}" d="M0,0 L10,5 L0,10 z"/></marker>`;
  return `<defs>${marker("arrow", "arrow")}${marker("arrow-taken", "arrow arrow-taken")}${marker("arrow-catch", "arrow arrow-catch")}</defs>`;
}

function edgeLabel(label: string | undefined): Sized | undefined {
  if (label === undefined || label === "") return undefined;
  const lines = wrapText(label, 30, 2);
  return { lines, width: Math.max(...lines.map((l) => textWidth(l, SMALL_SIZE))) + 10, height: lines.length * SMALL_LINE + 4 };
}

function drawEdge(id: string, kind: string, taken: boolean, layout: EdgeLayout | undefined, label: Sized | undefined, title: string): string {
  if (!layout) return "";
  const marker = taken ? "arrow-taken" : kind === "catch" ? "arrow-catch" : "arrow";
  const classes = ["edge", `edge-${kind}`, ...(taken ? ["taken"] : [])].join(" ");
  let out = `<g class="${classes}"><title>${escapeHtml(title)}</title><path d="${edgePath(layout.points)}" marker-end="url(#${id}-${marker})"/>`;
  if (label && layout.label) {
    const top = layout.label.y - label.height / 2;
    out += `<rect class="edge-label-bg" x="${n(layout.label.x - label.width / 2)}" y="${n(top)}" width="${n(label.width)}" height="${n(label.height)}" rx="3"/>`;
    out += textLines(label.lines, layout.label.x, top + 2 + SMALL_SIZE, SMALL_LINE, "edge-label");
  }
  return `${out}</g>`;
}

// ---------------------------------------------------------------------------------------------------------------
// The state machine
// ---------------------------------------------------------------------------------------------------------------

export interface MachineSvgOptions {
  /** Unique in the page: prefixes the marker ids. */
  id: string;
  highlight?: PathHighlight;
  /** States whose code has an anchor in the page: their nodes link to it. */
  anchored: ReadonlySet<string>;
  caption: string;
}

function stateSize(node: DrawNode): Sized {
  switch (node.kind) {
    case "start":
    case "end":
      return { lines: [node.kind === "start" ? "Start" : "End"], width: 64, height: 26 };
    case "join":
      return { lines: [], width: 14, height: 14 };
    case "state": {
      const lines = wrapText(node.state?.name ?? "", 26, 3);
      const width = Math.max(120, ...lines.map((l) => textWidth(l, NAME_SIZE) + 28), textWidth(node.state?.type ?? "", SMALL_SIZE) + 28);
      return { lines, width, height: lines.length * LINE + SMALL_LINE + 16 };
    }
  }
}

/** A rendered graph and its natural size in pixels. */
export interface RenderedSvg {
  svg: string;
  width: number;
  height: number;
}

export function machineSvg(graph: MachineGraph, options: MachineSvgOptions): RenderedSvg {
  const draw = drawableMachine(graph);
  const sizes = new Map(draw.nodes.map((node) => [node.id, stateSize(node)]));
  const labels = new Map(draw.edges.map((e) => [e.id, edgeLabel(e.edge.label)]));
  const layout = layoutGraph({
    direction: "TB",
    nodes: draw.nodes.map((node) => ({
      id: node.id,
      width: sizes.get(node.id)?.width ?? 0,
      height: sizes.get(node.id)?.height ?? 0,
      ...(node.cluster !== undefined ? { cluster: node.cluster } : {}),
    })),
    clusters: draw.clusters.map((c) => ({ id: c.id, ...(c.parent !== undefined ? { parent: c.parent } : {}) })),
    edges: draw.edges.map((e) => {
      const label = labels.get(e.id);
      return { id: e.id, from: e.from, to: e.to, ...(label ? { label: { width: label.width, height: label.height } } : {}) };
    }),
  });
  const highlight = options.highlight;
  const takenNodes = new Set<string>();
  for (const e of draw.edges) {
    if (highlight?.edges.has(e.transition)) takenNodes.add(e.from).add(e.to);
  }

  const parts: string[] = [markers(options.id)];
  // Clusters, outermost first (a parent is always listed before its children's boxes are drawn over it).
  const depth = (id: string | undefined): number => {
    let d = 0;
    for (let c = draw.clusters.find((x) => x.id === id); c?.parent !== undefined; c = draw.clusters.find((x) => x.id === c?.parent)) d++;
    return d;
  };
  const clusters = [...draw.clusters].sort((a, b) => depth(a.id) - depth(b.id));
  for (const cluster of clusters) {
    const box = layout.clusters.get(cluster.id);
    if (!box) continue;
    const label =
      cluster.kind === "container" ? "" : `<text class="cluster-label" x="${n(box.x + 8)}" y="${n(box.y + 14)}">${escapeHtml(cluster.label)}</text>`;
    parts.push(
      `<g class="cluster cluster-${cluster.kind}"><title>${escapeHtml(cluster.kind === "container" ? cluster.label : `${cluster.label} of ${cluster.owner.name}`)}</title><rect x="${n(box.x)}" y="${n(box.y)}" width="${n(box.width)}" height="${n(box.height)}" rx="8"/>${label}</g>`,
    );
  }
  for (const e of draw.edges) {
    const title = [e.edge.kind, e.edge.from ?? "(start)", "→", e.edge.to ?? "(end)", ...(e.edge.label !== undefined ? [`: ${e.edge.label}`] : [])].join(" ");
    parts.push(drawEdge(options.id, e.edge.kind, highlight?.edges.has(e.transition) ?? false, layout.edges.get(e.id), labels.get(e.id), title));
  }
  for (const node of draw.nodes) {
    const box = layout.nodes.get(node.id);
    const size = sizes.get(node.id);
    if (!box || !size) continue;
    parts.push(drawMachineNode(node, box, size, options, takenNodes.has(node.id)));
  }
  const label = `${options.caption}: ${graph.states.length} states`;
  return svgOf("graph-machine", layout, label, parts);
}

function drawMachineNode(node: DrawNode, box: Box, size: Sized, options: MachineSvgOptions, touched: boolean): string {
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const highlighted = options.highlight !== undefined;
  if (node.kind === "join") {
    const classes = ["node", "join", ...(highlighted ? [touched ? "visited" : "unvisited"] : [])].join(" ");
    return `<g class="${classes}"><title>${escapeHtml(`End of the branches of ${node.state?.name ?? ""}`)}</title><circle cx="${n(cx)}" cy="${n(cy)}" r="6"/></g>`;
  }
  if (node.kind === "start" || node.kind === "end") {
    const classes = ["node", "terminal", node.kind, ...(highlighted ? [touched ? "visited" : "unvisited"] : [])].join(" ");
    return `<g class="${classes}"><rect x="${n(box.x)}" y="${n(box.y)}" width="${n(box.width)}" height="${n(box.height)}" rx="13"/>${textLines(size.lines, cx, cy + 4, LINE, "node-name")}</g>`;
  }
  const state = node.state;
  if (!state) return "";
  const visits = options.highlight?.visits.get(state.name) ?? 0;
  const classes = ["node", "state", `type-${state.type.toLowerCase()}`, ...(highlighted ? [visits > 0 ? "visited" : "unvisited"] : [])].join(" ");
  const top = box.y + 8;
  const nameBaseline = top + NAME_SIZE;
  let body = `<title>${escapeHtml(`${state.name} (${state.type})${visits > 0 ? `, entered ${visits} time${visits === 1 ? "" : "s"}` : ""}`)}</title>`;
  body += `<rect x="${n(box.x)}" y="${n(box.y)}" width="${n(box.width)}" height="${n(box.height)}" rx="6"/>`;
  body += textLines(size.lines, cx, nameBaseline, LINE, "node-name");
  body += textLines([state.type], cx, nameBaseline + size.lines.length * LINE, SMALL_LINE, "node-type");
  if (visits > 1) {
    const bx = box.x + box.width - 4;
    const by = box.y + 4;
    body += `<g class="badge"><circle cx="${n(bx)}" cy="${n(by)}" r="10"/><text x="${n(bx)}" y="${n(by + 4)}" text-anchor="middle">×${visits}</text></g>`;
  }
  const group = `<g class="${classes}" data-node="${escapeHtml(node.id)}" data-state="${escapeHtml(state.name)}">${body}</g>`;
  if (!options.anchored.has(state.name)) return group;
  return `<a class="node-link" href="#${escapeHtml(stateAnchor(state.name))}">${group}</a>`;
}

// ---------------------------------------------------------------------------------------------------------------
// The durable operations
// ---------------------------------------------------------------------------------------------------------------

const OPERATION_TYPES: Readonly<Record<string, string>> = {
  STEP: "op-step",
  WAIT: "op-wait",
  CONTEXT: "op-context",
  CALLBACK: "op-callback",
  CHAINED_INVOKE: "op-invoke",
  EXECUTION: "op-execution",
};

const STATUSES: Readonly<Record<string, string>> = {
  SUCCEEDED: "status-succeeded",
  FAILED: "status-failed",
  TIMED_OUT: "status-failed",
  CANCELLED: "status-failed",
  STOPPED: "status-failed",
};

/** The class of an operation type or status: one of a fixed set, never the run's text itself. */
function classOf(table: Readonly<Record<string, string>>, key: string, fallback: string): string {
  return Object.hasOwn(table, key) ? (table[key] ?? fallback) : fallback;
}

export interface OperationsSvgOptions {
  anchored: ReadonlySet<string>;
  outcome: Outcome;
  caption: string;
}

function operationLines(node: OperationNode, outcome: Outcome): { name: string[]; detail: string } {
  const op = node.operation;
  if (!op) return { name: ["Execution"], detail: `durable handler · ${outcome.status}` };
  const kind = op.subType !== undefined && op.subType !== "" && op.subType.toUpperCase() !== op.type.toUpperCase() ? `${op.type} · ${op.subType}` : op.type;
  return { name: wrapText(`#${node.order} ${op.name}`, 34, 2), detail: `${kind} · ${op.status}` };
}

export function operationsSvg(tree: OperationTree, options: OperationsSvgOptions): RenderedSvg {
  const texts = new Map(tree.nodes.map((node) => [node.id, operationLines(node, options.outcome)]));
  const parents = new Map(tree.edges.map((e) => [e.to, e.from]));
  const layout = layoutOutline({
    nodes: tree.nodes.map((node) => {
      const t = texts.get(node.id) ?? { name: [], detail: "" };
      const width = Math.max(120, ...t.name.map((l) => textWidth(l, NAME_SIZE) + 20), textWidth(t.detail, SMALL_SIZE) + 20);
      const parent = parents.get(node.id);
      return { id: node.id, width, height: t.name.length * LINE + SMALL_LINE + 10, ...(parent !== undefined ? { parent } : {}) };
    }),
  });
  const parts: string[] = [];
  for (const node of tree.nodes) {
    const edge = layout.edges.get(node.id);
    if (edge) parts.push(`<g class="edge edge-child"><path d="${polyline(edge.points)}"/></g>`);
  }
  for (const node of tree.nodes) {
    const box = layout.nodes.get(node.id);
    const t = texts.get(node.id);
    if (!box || !t) continue;
    const op = node.operation;
    const status = op ? op.status : options.outcome.status;
    const classes = ["node", "operation", op ? classOf(OPERATION_TYPES, op.type, "op-other") : "op-root", classOf(STATUSES, status, "status-pending")].join(
      " ",
    );
    const left = box.x + 10;
    const nameBaseline = box.y + 5 + NAME_SIZE;
    const title = op
      ? `#${node.order} ${op.name}\n${op.type}${op.subType !== undefined ? ` (${op.subType})` : ""}, ${op.status}\nid ${op.id}${op.parentId !== undefined ? `, parent ${op.parentId}` : ""}`
      : `The execution: ${options.outcome.status}`;
    let body = `<title>${escapeHtml(title)}</title><rect x="${n(box.x)}" y="${n(box.y)}" width="${n(box.width)}" height="${n(box.height)}" rx="5"/>`;
    body += textLines(t.name, left, nameBaseline, LINE, "node-name", "start");
    body += textLines([t.detail], left, nameBaseline + t.name.length * LINE - 1, SMALL_LINE, "node-type", "start");
    const stateAttr = node.state !== undefined ? ` data-state="${escapeHtml(node.state)}"` : "";
    const group = `<g class="${classes}" data-node="${escapeHtml(node.id)}"${stateAttr}>${body}</g>`;
    parts.push(
      node.state !== undefined && options.anchored.has(node.state) ? `<a class="node-link" href="#${escapeHtml(stateAnchor(node.state))}">${group}</a>` : group,
    );
  }
  const label = `${options.caption}: ${tree.nodes.length - 1} operations`;
  return svgOf("graph-operations", layout, label, parts);
}
