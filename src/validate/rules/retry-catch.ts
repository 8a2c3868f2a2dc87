import { isPredefinedError, PREDEFINED_ERRORS, TERMINAL_ERRORS } from "../../asl/errors.js";
import { closest } from "../../diagnostics/suggest.js";
import { childPointer } from "../../load/pointer.js";
import { isObject, subject, type StateModel } from "../model.js";
import type { Rule, RuleContext } from "./rule.js";

/** ASL-9: error names in Retry/Catch (and Fail.Error) are well-formed and every handler can fire. */
export const errorHandlers: Rule = {
  name: "Retry and Catch name real errors, with States.ALL alone and last",
  codes: ["ASL601", "ASL602", "ASL603", "ASL604"],
  check(ctx) {
    for (const state of ctx.model.states) {
      for (const field of ["Retry", "Catch"] as const) {
        const handlers = state.fields[field];
        if (Array.isArray(handlers)) checkHandlers(ctx, state, field, handlers);
      }
      const error = state.fields["Error"];
      if (state.type === "Fail" && typeof error === "string" && !error.startsWith("{%")) {
        checkName(ctx, state, error, childPointer(state.pointer, "Error"), "Error");
      }
    }
  },
};

function checkHandlers(ctx: RuleContext, state: StateModel, field: "Retry" | "Catch", handlers: unknown[]): void {
  const covered = new Set<string>();
  let coversAll = false;
  handlers.forEach((handler, i) => {
    if (!isObject(handler) || !Array.isArray(handler["ErrorEquals"])) return;
    const names = handler["ErrorEquals"].filter((n): n is string => typeof n === "string");
    const label = `${subject(state)}, ${field}[${i}]`;
    const pointer = childPointer(state.pointer, field, i, "ErrorEquals");
    names.forEach((name, j) => checkName(ctx, state, name, childPointer(pointer, j), `${field}[${i}].ErrorEquals`));
    if (names.includes("States.ALL")) {
      if (names.length > 1) {
        ctx.report("ASL601", pointer, `${label}: "States.ALL" must be the only error name in its ErrorEquals`, { state: state.name });
      }
      if (i !== handlers.length - 1) {
        ctx.report("ASL601", childPointer(state.pointer, field, i), `${label}: the ${field === "Retry" ? "retrier" : "catcher"} with "States.ALL" must be the last one`, {
          key: true,
          state: state.name,
        });
      }
    }
    const terminal = names.filter((n) => TERMINAL_ERRORS.includes(n));
    for (const name of terminal) {
      ctx.report("ASL604", childPointer(pointer, names.indexOf(name)), `${label}: "${name}" is terminal; no retrier or catcher ever handles it`, { state: state.name });
    }
    const reachable = names.filter((n) => !TERMINAL_ERRORS.includes(n));
    if (reachable.length > 0 && (coversAll || reachable.every((n) => covered.has(n) || (n !== "States.Timeout" && covered.has("States.TaskFailed") && !n.startsWith("States."))))) {
      ctx.report("ASL603", childPointer(state.pointer, field, i), `${label}: never used, because an earlier ${field === "Retry" ? "retrier" : "catcher"} already matches ${reachable.map((n) => `"${n}"`).join(", ")}`, {
        key: true,
        state: state.name,
      });
    }
    for (const n of reachable) covered.add(n);
    if (names.includes("States.ALL")) coversAll = true;
  });
}

function checkName(ctx: RuleContext, state: StateModel, name: string, pointer: string, where: string): void {
  if (!name.startsWith("States.") || isPredefinedError(name)) return;
  const guess = closest(name, PREDEFINED_ERRORS);
  ctx.report("ASL602", pointer, `${subject(state)}, ${where}: "${name}" is not a predefined error; the "States." prefix is reserved for Step Functions' own errors${guess ? ` — did you mean "${guess}"?` : ""}`, {
    state: state.name,
  });
}
