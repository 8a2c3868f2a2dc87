import { childPointer } from "../../load/pointer.js";
import { describeScope, scopeSubject, subject, type ScopeModel, type StateModel } from "../model.js";
import { closest } from "../../diagnostics/suggest.js";
import type { Rule, RuleContext } from "./rule.js";

/** ASL-1: StartAt and every transition name a state of the same scope. */
export const transitionTargets: Rule = {
  name: "Every StartAt, Next, Default and Catch Next names a state of the same scope",
  codes: ["ASL101", "ASL102", "ASL103"],
  check(ctx) {
    for (const scope of ctx.model.scopes) {
      checkStartAt(ctx, scope);
      for (const state of scope.states) {
        for (const t of state.transitions) {
          if (scope.byName.has(t.target)) continue;
          const elsewhere = ctx.model.states.find((s) => s.name === t.target);
          if (elsewhere) {
            ctx.report(
              "ASL103",
              t.pointer,
              `${subject(state)}: ${t.via} "${t.target}" is in ${describeScope(elsewhere.scope)}, but transitions cannot leave ${describeScope(scope)}`,
              { state: state.name, hint: "Transitions stay inside their scope; use End: true and handle the result after the Parallel or Map state." },
            );
          } else {
            ctx.report("ASL102", t.pointer, `${subject(state)}: ${t.via} "${t.target}" is not the name of a state${didYouMean(t.target, scope)}`, {
              state: state.name,
            });
          }
        }
      }
    }
  },
};

function checkStartAt(ctx: RuleContext, scope: ScopeModel): void {
  if (typeof scope.startAt !== "string" || scope.states.length === 0) return; // schema reports missing/wrong type
  if (scope.byName.has(scope.startAt)) return;
  ctx.report("ASL101", childPointer(scope.pointer, "StartAt"), `${scopeSubject(scope)}: StartAt "${scope.startAt}" is not the name of a state in ${describeScope(scope)}${didYouMean(scope.startAt, scope)}`);
}

function didYouMean(name: string, scope: ScopeModel): string {
  const guess = closest(name, [...scope.byName.keys()]);
  return guess ? ` — did you mean "${guess}"?` : "";
}

/** Names of the states reachable from StartAt by following transitions (ASL-1). */
function reachableStates(scope: ScopeModel): Set<StateModel> {
  const seen = new Set<StateModel>();
  const start = typeof scope.startAt === "string" ? scope.byName.get(scope.startAt) : undefined;
  const stack = start ? [start] : [];
  while (stack.length > 0) {
    const state = stack.pop() as StateModel;
    if (seen.has(state)) continue;
    seen.add(state);
    for (const t of state.transitions) {
      const next = scope.byName.get(t.target);
      if (next && !seen.has(next)) stack.push(next);
    }
  }
  return seen;
}

/** ASL-1: every state is reachable by a real walk from StartAt, and the walk can finish. */
export const reachability: Rule = {
  name: "Every state is reachable from StartAt and a terminal state is reachable",
  codes: ["ASL104", "ASL105", "ASL109"],
  check(ctx) {
    for (const scope of ctx.model.scopes) {
      if (scope.states.length === 0) {
        if (scope.startAt !== undefined) {
          ctx.report("ASL109", childPointer(scope.pointer, "States"), `${scopeSubject(scope)}: "States" has no states`);
        }
        continue;
      }
      const start = typeof scope.startAt === "string" ? scope.byName.get(scope.startAt) : undefined;
      if (!start) continue; // ASL101 already explains it
      const reached = reachableStates(scope);
      for (const state of scope.states) {
        if (reached.has(state) || scope.byName.get(state.name) !== state) continue;
        ctx.report("ASL104", state.pointer, `${subject(state)} cannot be reached from StartAt "${start.name}"`, {
          key: true,
          state: state.name,
          hint: "Remove the state or add a transition to it.",
        });
      }
      if (![...reached].some((s) => mayEnd(s) || s.transitions.some((t) => !scope.byName.has(t.target)))) {
        ctx.report(
          "ASL105",
          childPointer(scope.pointer, "States"),
          `${scopeSubject(scope)}: no terminal state (End: true, Succeed or Fail) is reachable from StartAt "${start.name}"`,
          { key: true },
        );
      }
    }
  },
};

/**
 * Terminal, or broken in a way another diagnostic already reports (no Type, neither Next nor End, or — checked by
 * the caller — a transition to a missing state), so that ASL105 never repeats another error.
 */
function mayEnd(state: StateModel): boolean {
  if (state.terminal || state.type === "") return true;
  return state.type !== "Choice" && !("Next" in state.fields);
}


const NO_TRANSITION_TYPES = new Set(["Choice", "Succeed", "Fail"]);

/** ASL-1: non-terminal states other than Choice need exactly one of Next and End. */
export const nextOrEnd: Rule = {
  name: "A state has exactly one of Next and End",
  codes: ["ASL108"],
  check(ctx) {
    for (const state of ctx.model.states) {
      if (!state.type) continue;
      const hasNext = "Next" in state.fields;
      const hasEnd = "End" in state.fields;
      // Next/End on Choice, Succeed and Fail are unknown fields for the schema (ASL011).
      if (NO_TRANSITION_TYPES.has(state.type)) continue;
      if (hasNext && hasEnd) {
        ctx.report("ASL108", childPointer(state.pointer, "End"), `${subject(state)}: has both "Next" and "End"; keep exactly one`, { key: true, state: state.name });
      } else if (!hasNext && !hasEnd) {
        ctx.report("ASL108", state.pointer, `${subject(state)}: needs "Next" or "End": true`, { key: true, state: state.name });
      }
    }
  },
};
