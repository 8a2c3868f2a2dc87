import { describeScope, type StateModel } from "../model.js";
import type { Rule } from "./rule.js";

const MAX_NAME_LENGTH = 80;

/** ASL-1: state names are unique across the whole machine and 1–80 characters long. */
export const stateNames: Rule = {
  name: "State names are unique across the machine and at most 80 characters",
  codes: ["ASL106", "ASL107"],
  check(ctx) {
    const first = new Map<string, StateModel>();
    for (const state of ctx.model.states) {
      const length = [...state.name].length;
      if (length === 0 || length > MAX_NAME_LENGTH) {
        ctx.report(
          "ASL107",
          state.pointer,
          length === 0
            ? `State name is empty`
            : `State name ${JSON.stringify(state.name.slice(0, 24) + "…")} is ${length} characters long; the limit is ${MAX_NAME_LENGTH}`,
          { key: true, state: state.name },
        );
      }
      const earlier = first.get(state.name);
      if (earlier) {
        const where = earlier.scope === state.scope ? "" : ` (the first is in ${describeScope(earlier.scope)})`;
        ctx.report("ASL106", state.pointer, `State name ${JSON.stringify(state.name)} is used more than once${where}; names must be unique across the whole machine`, {
          key: true,
          state: state.name,
        });
      } else {
        first.set(state.name, state);
      }
    }
  },
};
