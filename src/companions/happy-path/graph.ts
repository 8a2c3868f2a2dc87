import type { ScopeIR, StateIR } from "../../ir/types.js";

/**
 * Which states of a scope can still end it successfully, and how many transitions away: a Succeed state, or a state
 * whose transition is `End` (ASL-3), following Next, Choice rules and Default, never a Catcher (a happy path has no
 * failures). States in `excluded` (already visited) are avoided, so a polling loop is left by its exit, not re-entered.
 * With `ends: "any"`, a Fail state counts as an end too (a failure an enclosing Catcher may handle).
 */
export function successDistances(scope: ScopeIR, excluded: ReadonlySet<string>, ends: "success" | "any" = "success"): ReadonlyMap<string, number> {
  const byName = new Map(scope.states.map((s) => [s.origin.name, s]));
  const distance = new Map<string, number>();
  const queue: string[] = [];
  for (const state of scope.states) {
    if (excluded.has(state.origin.name)) continue;
    if (endsScope(state) || (ends === "any" && state.kind === "fail")) {
      distance.set(state.origin.name, 0);
      queue.push(state.origin.name);
    }
  }
  const predecessors = new Map<string, string[]>();
  for (const state of scope.states) {
    for (const next of forward(state)) {
      const list = predecessors.get(next) ?? [];
      list.push(state.origin.name);
      predecessors.set(next, list);
    }
  }
  for (let i = 0; i < queue.length; i++) {
    const name = queue[i] as string;
    const d = distance.get(name) as number;
    for (const before of predecessors.get(name) ?? []) {
      if (distance.has(before) || excluded.has(before) || !byName.has(before)) continue;
      distance.set(before, d + 1);
      queue.push(before);
    }
  }
  return distance;
}

function endsScope(state: StateIR): boolean {
  switch (state.kind) {
    case "succeed":
      return true;
    case "fail":
    case "choice":
      return false;
    default:
      return state.transition.kind === "end";
  }
}

/** The transitions a state takes when nothing fails. */
function forward(state: StateIR): string[] {
  switch (state.kind) {
    case "choice":
      return [...state.choices.map((c) => c.next), ...(state.default !== undefined ? [state.default] : [])];
    case "succeed":
    case "fail":
      return [];
    default:
      return state.transition.kind === "next" ? [state.transition.target] : [];
  }
}
