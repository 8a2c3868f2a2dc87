import { describeScope, subject, type ScopeModel } from "../model.js";
import { assignedAtEntry, assignmentsOf, readsOf } from "../variables.js";
import type { Rule, RuleContext } from "./rule.js";

// AWS: variable names are Unicode identifiers (UAX #31: ID_Start then ID_Continue characters); "_" may start one.
const VARIABLE_NAME = /^[\p{ID_Start}_][\p{ID_Continue}]*$/u;
const MAX_VARIABLE_NAME = 80;

/** ASL-8: variable names, scoping (no assignment of outer names from inside), and reads of assigned variables. */
export const workflowVariables: Rule = {
  name: "Variables are well named, assigned in their own scope, and assigned before they are read",
  codes: ["ASL501", "ASL502", "ASL503", "ASL504"],
  check(ctx) {
    visitScope(ctx, ctx.model.root, { outer: new Set(), inherited: new Set(), hidden: new Set() });
  },
};

interface ScopeContext {
  /** Every name an enclosing scope of the same execution assigns anywhere (ASL502). */
  outer: ReadonlySet<string>;
  /** Names that may be assigned when this scope starts (ASL503). */
  inherited: ReadonlySet<string>;
  /** Names assigned beyond a Distributed Map boundary: they exist, but this child execution cannot see them (ASL504). */
  hidden: ReadonlySet<string>;
}

function visitScope(ctx: RuleContext, scope: ScopeModel, { outer: outerNames, inherited, hidden }: ScopeContext): void {
  const ownNames = new Set<string>();
  for (const state of scope.states) {
    for (const a of assignmentsOf(state)) {
      ownNames.add(a.name);
      checkName(ctx, a.name, a.pointer, state.name);
      if (outerNames.has(a.name)) {
        ctx.report("ASL502", a.pointer, `${subject(state)}: assigns "$${a.name}", a variable of an enclosing scope; ${describeScope(scope)} can read it but not assign it`, {
          key: true,
          state: state.name,
          hint: "Return the value as the branch or iteration output instead, or use a new name.",
        });
      }
    }
  }
  const entry = assignedAtEntry(scope, inherited);
  for (const state of scope.states) {
    const available = entry.get(state) ?? new Set<string>();
    const seen = new Set<string>();
    for (const read of readsOf(state)) {
      if (read.name === "states" || available.has(read.name) || seen.has(read.name)) continue;
      seen.add(read.name);
      if (hidden.has(read.name)) {
        ctx.report("ASL504", read.pointer, `${subject(state)}: reads "$${read.name}" of an enclosing scope, but it runs inside a DISTRIBUTED Map's child executions, which cannot see it`, {
          state: state.name,
          hint: "Pass the value in through ItemSelector (or ItemBatcher BatchInput).",
        });
      } else {
        ctx.report("ASL503", read.pointer, `${subject(state)}: reads "$${read.name}", which no path from StartAt has assigned`, {
          state: state.name,
          hint: "Step Functions fails this read at run time; assign the variable earlier or fix the name.",
        });
      }
    }
    for (const child of state.children) {
      const names = new Set([...outerNames, ...ownNames]);
      // A Distributed Map processor is a separate child execution: it starts with no variables, and the
      // names of every enclosing scope are hidden from it (and from the scopes nested in it). It still may not
      // reuse them (ASL-8: no shadowing).
      visitScope(
        ctx,
        child,
        child.distributed
          ? { outer: names, inherited: new Set(), hidden: new Set([...hidden, ...names]) }
          : { outer: names, inherited: available, hidden },
      );
    }
  }
}

function checkName(ctx: RuleContext, name: string, pointer: string, state: string): void {
  let problem: string | undefined;
  if (name === "states") problem = `"states" is reserved for $states`;
  else if ([...name].length > MAX_VARIABLE_NAME) problem = `variable names are at most ${MAX_VARIABLE_NAME} characters`;
  else if (!VARIABLE_NAME.test(name)) problem = `variable names start with a letter or "_" and contain only letters, digits and "_"`;
  if (problem) ctx.report("ASL501", pointer, `Variable ${JSON.stringify(name)}: ${problem}`, { key: true, state });
}
