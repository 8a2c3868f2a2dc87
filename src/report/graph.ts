import type { DurableOperation } from "../compare/types.js";
import { STATE_TYPES, type MachineIR, type ScopeIR, type StateIR, type StateKind, type StateType } from "../ir/types.js";
import { ruleText } from "./rule.js";

/**
 * The graphs a report draws. `machineGraph` reads the IR as ASL defines it: one node per state (nested Parallel
 * branches and Map processors included, each a scope), one edge per transition (Next, each Choice rule, Default, each
 * Catch; ASL-1, ASL-6.3, ASL-9) plus where each scope starts and ends. `drawableMachine` turns it into what is drawn:
 * a Start and an End marker for the machine, and each Parallel/Map as a box holding its state node (where its branches
 * start), its branches, and a join marker (where they end and where the state's own transitions leave from).
 * `operationTree` is the durable handler's operations as a tree (parent → child).
 */

export { STATE_TYPES, type StateType };

export interface StateNode {
  /** `n<k>`, k in document order (a state's nested scopes right after it). Never derived from the name. */
  id: string;
  name: string;
  type: StateType;
  pointer: string;
  /** Id of the scope the state belongs to. */
  scope: string;
  state: StateIR;
}

export interface GraphScope {
  /** `s0` for the machine, `s<k>` for the branches and processors in document order. */
  id: string;
  kind: "machine" | "branch" | "processor";
  pointer: string;
  startAt: string;
  /** The Parallel or Map state holding this scope. */
  owner?: string;
  /** The branch's position in Branches (0-based, as in the generated code and the operation names). */
  index?: number;
  label: string;
}

export type TransitionKind = "start" | "next" | "choice" | "default" | "catch" | "end";

/** One transition. `start` has no `from` (the scope's entry), `end` has no `to` (the scope's exit). */
export interface TransitionEdge {
  kind: TransitionKind;
  scope: string;
  from?: string;
  to?: string;
  /** The Choice rule read as one line, "Default", or the Catch's ErrorEquals. */
  label?: string;
}

export interface MachineGraph {
  states: StateNode[];
  scopes: GraphScope[];
  edges: TransitionEdge[];
}

export function machineGraph(machine: MachineIR): MachineGraph {
  const graph: MachineGraph = { states: [], scopes: [], edges: [] };
  const visit = (scope: ScopeIR, info: Omit<GraphScope, "id" | "pointer" | "startAt">): void => {
    const id = `s${graph.scopes.length}`;
    graph.scopes.push({ id, pointer: scope.pointer, startAt: scope.startAt, ...info });
    graph.edges.push({ kind: "start", scope: id, to: scope.startAt });
    for (const state of scope.states) {
      graph.states.push({
        id: `n${graph.states.length}`,
        name: state.origin.name,
        type: STATE_TYPES[state.kind],
        pointer: state.origin.pointer,
        scope: id,
        state,
      });
      graph.edges.push(...transitions(state, id));
      if (state.kind === "parallel") {
        state.branches.forEach((branch, index) => visit(branch, { kind: "branch", owner: state.origin.name, index, label: `Branch ${index}` }));
      }
      if (state.kind === "map") {
        const label = state.distributed ? `Item processor (distributed, ${state.distributed.executionType})` : "Item processor";
        visit(state.processor, { kind: "processor", owner: state.origin.name, label });
      }
    }
  };
  visit(machine.scope, { kind: "machine", label: "State machine" });
  return graph;
}

function transitions(state: StateIR, scope: string): TransitionEdge[] {
  const from = state.origin.name;
  switch (state.kind) {
    case "choice":
      return [
        ...state.choices.map((branch): TransitionEdge => ({ kind: "choice", scope, from, to: branch.next, label: ruleText(branch) })),
        ...(state.default !== undefined ? [{ kind: "default" as const, scope, from, to: state.default, label: "Default" }] : []),
      ];
    case "succeed":
      return [{ kind: "end", scope, from }];
    case "fail":
      return [];
    case "pass":
    case "wait":
    case "task":
    case "parallel":
    case "map": {
      const next: TransitionEdge = state.transition.kind === "next" ? { kind: "next", scope, from, to: state.transition.target } : { kind: "end", scope, from };
      const catches = state.kind === "pass" || state.kind === "wait" ? [] : state.catch;
      return [next, ...catches.map((c): TransitionEdge => ({ kind: "catch", scope, from, to: c.next, label: c.errorEquals.join(", ") }))];
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// What is drawn
// ---------------------------------------------------------------------------------------------------------------

export interface DrawNode {
  /** A state's id, `start`, `end`, or `j<state id>` for the join marker of a Parallel/Map. */
  id: string;
  kind: "state" | "start" | "end" | "join";
  state?: StateNode;
  /** Innermost cluster holding the node. */
  cluster?: string;
}

export interface DrawCluster {
  /** `c<state id>` for the box of a Parallel/Map, the scope id for a branch or processor. */
  id: string;
  kind: "container" | "branch" | "processor";
  label: string;
  parent?: string;
  /** The Parallel or Map state. */
  owner: StateNode;
}

export interface DrawEdge {
  /** `e<k>`, k the index of the transition in `MachineGraph.edges`. */
  id: string;
  from: string;
  to: string;
  /** Index in `MachineGraph.edges`. */
  transition: number;
  edge: TransitionEdge;
}

export interface DrawGraph {
  nodes: DrawNode[];
  clusters: DrawCluster[];
  edges: DrawEdge[];
}

export function drawableMachine(graph: MachineGraph): DrawGraph {
  const byName = new Map(graph.states.map((s) => [s.name, s]));
  const scopes = new Map(graph.scopes.map((s) => [s.id, s]));
  const isBox = (s: StateNode): boolean => s.type === "Parallel" || s.type === "Map";
  /** The cluster that holds the states of a scope: none for the machine, the scope's own cluster otherwise. */
  const clusterOf = (scopeId: string): string | undefined => (scopes.get(scopeId)?.kind === "machine" ? undefined : scopeId);
  const node = (name: string): StateNode => {
    const s = byName.get(name);
    if (!s) throw new Error(`report: no state named ${JSON.stringify(name)}`);
    return s;
  };
  /** Where a state's transitions leave from: the join of a Parallel/Map, the state itself otherwise. */
  const exitOf = (s: StateNode): string => (isBox(s) ? `j${s.id}` : s.id);

  const nodes: DrawNode[] = [{ id: "start", kind: "start" }];
  const clusters: DrawCluster[] = [];
  for (const s of graph.states) {
    const cluster = clusterOf(s.scope);
    if (isBox(s)) {
      clusters.push({ id: `c${s.id}`, kind: "container", label: `${s.name} (${s.type})`, owner: s, ...(cluster ? { parent: cluster } : {}) });
      nodes.push({ id: s.id, kind: "state", state: s, cluster: `c${s.id}` });
      nodes.push({ id: `j${s.id}`, kind: "join", state: s, cluster: `c${s.id}` });
    } else {
      nodes.push({ id: s.id, kind: "state", state: s, ...(cluster ? { cluster } : {}) });
    }
  }
  for (const scope of graph.scopes) {
    if (scope.owner === undefined || scope.kind === "machine") continue;
    const owner = node(scope.owner);
    clusters.push({ id: scope.id, kind: scope.kind, label: scope.label, parent: `c${owner.id}`, owner });
  }
  nodes.push({ id: "end", kind: "end" });

  const edges = graph.edges.map((edge, index): DrawEdge => {
    const scope = scopes.get(edge.scope);
    const owner = scope?.owner !== undefined ? node(scope.owner) : undefined;
    const from = edge.from !== undefined ? exitOf(node(edge.from)) : owner ? owner.id : "start";
    const to = edge.to !== undefined ? node(edge.to).id : owner ? `j${owner.id}` : "end";
    return { id: `e${index}`, from, to, transition: index, edge };
  });
  return { nodes, clusters, edges };
}

// ---------------------------------------------------------------------------------------------------------------
// The durable operations
// ---------------------------------------------------------------------------------------------------------------

export interface OperationNode {
  /** `root` for the execution, `o<k>` for the k-th operation (0-based, in the order given). */
  id: string;
  operation?: DurableOperation;
  /** 1-based position in the operation list (0 for the root). */
  order: number;
  /** The state the operation runs (see stateOf). */
  state?: string;
}

export interface OperationTree {
  nodes: OperationNode[];
  edges: Array<{ from: string; to: string }>;
  /** Operations left out beyond the limit. */
  omitted: number;
}

/**
 * The operations as a tree under one root (the execution): each operation under its parent, or under the root when it
 * has none (or its parent is not drawn). At most `limit` operations are kept, in the order given.
 */
export function operationTree(operations: readonly DurableOperation[], states: readonly StateNode[], limit = 200): OperationTree {
  const byName = new Map(states.map((s) => [s.name, s]));
  const kept = operations.slice(0, limit);
  const ids = new Map(kept.map((op, k) => [op.id, `o${k}`]));
  const nodes: OperationNode[] = [{ id: "root", order: 0 }];
  const edges: OperationTree["edges"] = [];
  kept.forEach((operation, k) => {
    const state = stateOf(operation.name, byName);
    nodes.push({ id: `o${k}`, operation, order: k + 1, ...(state !== undefined ? { state } : {}) });
    const parent = operation.parentId !== undefined ? ids.get(operation.parentId) : undefined;
    edges.push({ from: parent !== undefined && parent !== `o${k}` ? parent : "root", to: `o${k}` });
  });
  return { nodes, edges, omitted: operations.length - kept.length };
}

/**
 * The state an operation belongs to, from the names the runtime gives its operations: the state's own name (steps,
 * waits, contexts), `Name [i]` for a branch or an iteration of a Parallel/Map (src/runtime/batch.ts), and
 * `Name (retry n)` / `Name (retry n jitter)` for a retry's wait and jitter step (src/runtime/retrying.ts).
 */
function stateOf(name: string, byName: ReadonlyMap<string, StateNode>): string | undefined {
  if (byName.has(name)) return name;
  const batch = /^(.*) \[\d+\]$/s.exec(name)?.[1];
  const owner = batch !== undefined ? byName.get(batch) : undefined;
  if (owner && (owner.type === "Parallel" || owner.type === "Map")) return owner.name;
  const retried = /^(.*) \(retry \d+(?: jitter)?\)$/s.exec(name)?.[1];
  return retried !== undefined && byName.has(retried) ? retried : undefined;
}
