import type { Outcome } from "../compare/types.js";
import type { MachineGraph } from "./graph.js";

/** What a run did on the machine graph: how often each state was entered, and which transitions were taken. */
export interface PathHighlight {
  /** State name → times entered. */
  visits: ReadonlyMap<string, number>;
  /** Indices in `MachineGraph.edges` of the transitions taken. */
  edges: ReadonlySet<number>;
}

/**
 * Reads the interpreter's path (every state entered, in order, nested ones included) onto the graph. States of one
 * scope run one after another (ASL-1: transitions never cross scopes), so the state entered after an entry of `a` in
 * `a`'s own scope is where `a` went: the transition `a → b` is taken when it exists. When there is none, that
 * instance of the scope ended at `a` (a branch or an iteration finished, another started), and `a`'s end transition
 * is taken, unless the run failed there. A scope's start is taken when its StartAt was entered.
 */
export function pathHighlight(graph: MachineGraph, path: readonly string[], outcome: Outcome): PathHighlight {
  const scopeOf = new Map(graph.states.map((s) => [s.name, s.scope]));
  const between = new Map<string, number[]>();
  const ends = new Map<string, number[]>();
  graph.edges.forEach((edge, k) => {
    if (edge.from === undefined) return;
    const key = edge.to === undefined ? edge.from : JSON.stringify([edge.from, edge.to]);
    const table = edge.to === undefined ? ends : between;
    table.set(key, [...(table.get(key) ?? []), k]);
  });

  const known = path.filter((name) => scopeOf.has(name));
  // For each entry, the next entry in the same scope (scanning backwards keeps this linear).
  const following: Array<string | undefined> = new Array<string | undefined>(known.length);
  const lastSeen = new Map<string | undefined, string>();
  for (let i = known.length - 1; i >= 0; i--) {
    const name = known[i] as string;
    following[i] = lastSeen.get(scopeOf.get(name));
    lastSeen.set(scopeOf.get(name), name);
  }

  const visits = new Map<string, number>();
  const taken = new Set<number>();
  known.forEach((name, i) => {
    visits.set(name, (visits.get(name) ?? 0) + 1);
    const later = following[i];
    const to = later !== undefined ? between.get(JSON.stringify([name, later])) : undefined;
    if (to !== undefined) {
      to.forEach((k) => taken.add(k));
      return;
    }
    const failedHere = i === known.length - 1 && outcome.status === "FAILED";
    if (!failedHere) ends.get(name)?.forEach((k) => taken.add(k));
  });
  graph.edges.forEach((edge, k) => {
    if (edge.kind === "start" && edge.to !== undefined && visits.has(edge.to)) taken.add(k);
  });
  return { visits, edges: taken };
}
