import { successors, type ScopeIR, type StateIR } from "../ir/types.js";

/**
 * The control-flow graph of one scope, with what structuring needs: reverse postorder, immediate dominators, loop
 * headers, merge nodes and reducibility (Cooper, Harvey & Kennedy, "A Simple, Fast Dominance Algorithm").
 */
export interface ScopeGraph {
  entry: StateIR;
  /** Reachable states in reverse postorder. */
  order: StateIR[];
  rpo: Map<StateIR, number>;
  idom: Map<StateIR, StateIR>;
  /** Outgoing edges in definition order (a target may repeat, e.g. two Choice rules with the same Next). */
  edges: Map<StateIR, StateIR[]>;
  loopHeaders: Set<StateIR>;
  /** States with two or more forward in-edges: emitted once, reached by `break`. */
  mergeNodes: Set<StateIR>;
  /** False when some cycle has more than one entry; such a scope needs the dispatch-loop fallback. */
  reducible: boolean;
  /** Children of each state in the dominator tree, in reverse postorder. */
  children: Map<StateIR, StateIR[]>;
}

export function buildGraph(scope: ScopeIR): ScopeGraph {
  const byName = new Map(scope.states.map((s) => [s.origin.name, s]));
  const entry = byName.get(scope.startAt);
  if (!entry) throw new Error(`structure: StartAt ${JSON.stringify(scope.startAt)} names no state`);
  const edges = new Map<StateIR, StateIR[]>();
  for (const s of scope.states) edges.set(s, successors(s).map((t) => byName.get(t)).filter((t): t is StateIR => t !== undefined));

  const postorder: StateIR[] = [];
  const seen = new Set<StateIR>();
  // Iterative DFS so that very long chains (thousands of states) cannot overflow the stack.
  const stack: Array<{ node: StateIR; next: number }> = [{ node: entry, next: 0 }];
  seen.add(entry);
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as { node: StateIR; next: number };
    const out = edges.get(top.node) as StateIR[];
    if (top.next < out.length) {
      const succ = out[top.next++] as StateIR;
      if (!seen.has(succ)) {
        seen.add(succ);
        stack.push({ node: succ, next: 0 });
      }
    } else {
      postorder.push(top.node);
      stack.pop();
    }
  }
  const order = postorder.reverse();
  const rpo = new Map(order.map((s, i) => [s, i]));

  const preds = new Map<StateIR, StateIR[]>(order.map((s) => [s, []]));
  for (const s of order) for (const t of edges.get(s) as StateIR[]) preds.get(t)?.push(s);

  const idom = new Map<StateIR, StateIR>([[entry, entry]]);
  const intersect = (a: StateIR, b: StateIR): StateIR => {
    let x = a;
    let y = b;
    while (x !== y) {
      while ((rpo.get(x) as number) > (rpo.get(y) as number)) x = idom.get(x) as StateIR;
      while ((rpo.get(y) as number) > (rpo.get(x) as number)) y = idom.get(y) as StateIR;
    }
    return x;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const s of order) {
      if (s === entry) continue;
      let best: StateIR | undefined;
      for (const p of preds.get(s) as StateIR[]) {
        if (!idom.has(p)) continue;
        best = best === undefined ? p : intersect(p, best);
      }
      if (best !== undefined && idom.get(s) !== best) {
        idom.set(s, best);
        changed = true;
      }
    }
  }

  const dominates = (a: StateIR, b: StateIR): boolean => {
    for (let x: StateIR = b; ; x = idom.get(x) as StateIR) {
      if (x === a) return true;
      if (x === entry) return false;
    }
  };
  const loopHeaders = new Set<StateIR>();
  const forwardIn = new Map<StateIR, number>();
  let reducible = true;
  for (const s of order) {
    for (const t of edges.get(s) as StateIR[]) {
      if ((rpo.get(t) as number) <= (rpo.get(s) as number)) {
        if (dominates(t, s)) loopHeaders.add(t);
        else reducible = false;
      } else {
        forwardIn.set(t, (forwardIn.get(t) ?? 0) + 1);
      }
    }
  }
  const mergeNodes = new Set([...forwardIn].filter(([, n]) => n >= 2).map(([s]) => s));
  const children = new Map<StateIR, StateIR[]>(order.map((s) => [s, []]));
  for (const s of order) if (s !== entry) children.get(idom.get(s) as StateIR)?.push(s);
  return { entry, order, rpo, idom, edges, loopHeaders, mergeNodes, reducible, children };
}
