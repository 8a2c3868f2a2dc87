import dagre from "@dagrejs/dagre";

/**
 * Node positions for the report's graphs. The state machine is laid out by dagre (layered layout of directed graphs
 * with clusters); dagre has no randomness, so the same graph always gets the same layout. The operation tree is an
 * outline (one row per operation, in order, indented under its parent): the order of operations is what it shows, and
 * dagre does not keep siblings in a given order.
 */

export interface Point {
  x: number;
  y: number;
}

/** A rectangle by its top-left corner. */
export interface Box extends Point {
  width: number;
  height: number;
}

export interface LayoutInput {
  /** TB: top to bottom (the state machine); LR: left to right (the operation tree). */
  direction: "TB" | "LR";
  nodes: ReadonlyArray<{ id: string; width: number; height: number; cluster?: string }>;
  clusters: ReadonlyArray<{ id: string; parent?: string }>;
  edges: ReadonlyArray<{ id: string; from: string; to: string; label?: { width: number; height: number } }>;
  nodeSeparation?: number;
  rankSeparation?: number;
}

export interface EdgeLayout {
  /** From the source node's border to the target node's border. */
  points: Point[];
  /** Centre of the label, when the edge has one. */
  label?: Point;
}

export interface Layout {
  width: number;
  height: number;
  nodes: ReadonlyMap<string, Box>;
  clusters: ReadonlyMap<string, Box>;
  edges: ReadonlyMap<string, EdgeLayout>;
}

interface NodeValue {
  width: number;
  height: number;
  x?: number;
  y?: number;
}

interface EdgeValue {
  width: number;
  height: number;
  labelpos: "c";
  points?: Point[];
  x?: number;
  y?: number;
}

const MARGIN = 16;

export function layoutGraph(input: LayoutInput): Layout {
  const g = new dagre.graphlib.Graph<Record<string, unknown>, NodeValue, EdgeValue>({ directed: true, multigraph: true, compound: true });
  g.setGraph({
    rankdir: input.direction,
    nodesep: input.nodeSeparation ?? 28,
    ranksep: input.rankSeparation ?? 44,
    edgesep: 12,
    marginx: MARGIN,
    marginy: MARGIN,
  });
  g.setDefaultEdgeLabel(() => ({ width: 0, height: 0, labelpos: "c" }));
  for (const cluster of input.clusters) g.setNode(cluster.id, { width: 0, height: 0 });
  for (const node of input.nodes) g.setNode(node.id, { width: node.width, height: node.height });
  for (const cluster of input.clusters) if (cluster.parent !== undefined) g.setParent(cluster.id, cluster.parent);
  for (const node of input.nodes) if (node.cluster !== undefined) g.setParent(node.id, node.cluster);
  // dagre 3.1.3 places the successors of a node in the reverse order of their edges' insertion: inserting the edges
  // last to first puts them in the given order, left to right (Choice rules, Parallel branches; tested).
  for (const edge of [...input.edges].reverse()) {
    g.setEdge(edge.from, edge.to, { width: edge.label?.width ?? 0, height: edge.label?.height ?? 0, labelpos: "c" }, edge.id);
  }
  dagre.layout(g);

  const box = (value: NodeValue | undefined): Box => {
    const width = value?.width ?? 0;
    const height = value?.height ?? 0;
    return { x: (value?.x ?? 0) - width / 2, y: (value?.y ?? 0) - height / 2, width, height };
  };
  const nodes = new Map(input.nodes.map((n) => [n.id, box(g.node(n.id))]));
  const clusters = new Map(input.clusters.map((c) => [c.id, box(g.node(c.id))]));
  const edges = new Map(
    input.edges.map((e): [string, EdgeLayout] => {
      const value = g.edge(e.from, e.to, e.id);
      const points = (value?.points ?? []).map((p: Point) => ({ x: p.x, y: p.y }));
      const label = e.label && value?.x !== undefined && value.y !== undefined ? { x: value.x, y: value.y } : undefined;
      return [e.id, label ? { points, label } : { points }];
    }),
  );
  // dagre sets the graph's size (margins included) to hold every node, cluster, edge point and label.
  const size = g.graph();
  const width = Math.ceil(typeof size["width"] === "number" ? size["width"] : 0);
  const height = Math.ceil(typeof size["height"] === "number" ? size["height"] : 0);
  return { width, height, nodes, clusters, edges };
}

export interface OutlineInput {
  /** In order; a node's parent (when given and known) is drawn above it. */
  nodes: ReadonlyArray<{ id: string; width: number; height: number; parent?: string }>;
  /** Horizontal step per level of nesting. */
  indent?: number;
  /** Vertical space between rows. */
  gap?: number;
}

/**
 * An outline: nodes in pre-order (each after its parent, siblings in the given order), one per row, indented by their
 * depth. Each node's connector comes down from its parent's left side and turns right into the node; it is keyed by
 * the child's id in `edges`.
 */
export function layoutOutline(input: OutlineInput): Layout {
  const indent = input.indent ?? 22;
  const gap = input.gap ?? 8;
  const known = new Set(input.nodes.map((n) => n.id));
  const children = new Map<string | undefined, Array<OutlineInput["nodes"][number]>>();
  for (const node of input.nodes) {
    const parent = node.parent !== undefined && known.has(node.parent) && node.parent !== node.id ? node.parent : undefined;
    children.set(parent, [...(children.get(parent) ?? []), node]);
  }
  const nodes = new Map<string, Box>();
  const edges = new Map<string, EdgeLayout>();
  let y = MARGIN;
  const place = (node: OutlineInput["nodes"][number], depth: number, parent: Box | undefined): void => {
    if (nodes.has(node.id)) return;
    const box = { x: MARGIN + depth * indent, y, width: node.width, height: node.height };
    nodes.set(node.id, box);
    y += node.height + gap;
    if (parent) {
      const stem = parent.x + Math.min(12, parent.width / 2);
      const mid = box.y + box.height / 2;
      edges.set(node.id, {
        points: [
          { x: stem, y: parent.y + parent.height },
          { x: stem, y: mid },
          { x: box.x, y: mid },
        ],
      });
    }
    for (const child of children.get(node.id) ?? []) place(child, depth + 1, box);
  };
  for (const root of children.get(undefined) ?? []) place(root, 0, undefined);
  // Nodes on a parent cycle (no root above them) still get a row.
  for (const node of input.nodes) place(node, 0, undefined);
  const all = [...nodes.values()];
  const width = Math.ceil(Math.max(0, ...all.map((b) => b.x + b.width)) + MARGIN);
  return { width, height: Math.ceil(y - gap + MARGIN), nodes, clusters: new Map(), edges };
}
