import { analyzeJsonata } from "../jsonata/analyze.js";
import { collectExpressions, expressionBody, parseJsonata } from "../jsonata/expression.js";
import { childPointer } from "../load/pointer.js";
import type { PathAst } from "../paths/jsonpath-ast.js";
import { parseIntrinsic, type IntrinsicCall } from "../paths/intrinsic.js";
import { parsePath } from "../paths/jsonpath.js";
import { expressionFields } from "./expression-fields.js";
import { forEachChoicePath, forEachPathField, forEachTemplate, forEachTemplateValue } from "./path-fields.js";
import { isObject, type ScopeModel, type StateModel } from "./model.js";

/** Workflow variables (ASL-8): what each state assigns and reads, found statically. */
export interface Assignment {
  name: string;
  /** Pointer of the Assign member. */
  pointer: string;
}

export interface VariableRead {
  name: string;
  /** Pointer of the string that reads it. */
  pointer: string;
}

/**
 * The variables a transition assigns (ASL-3.2 steps 4–5, ASL-8): a Catcher's own Assign on its edge (the state's
 * Assign is not evaluated then); a matching Choice rule's own Assign on its edge (the state-level Assign belongs to
 * the Default path only, as in LocalStack's AWS-validated StateChoice); the state-level Assign on Next and Default.
 */
export function assignedOnTransition(state: StateModel, via: string): string[] {
  const names = (assign: unknown): string[] =>
    isObject(assign) ? Object.keys(assign).map((k) => (state.queryLanguage === "JSONPath" && k.endsWith(".$") ? k.slice(0, -2) : k)) : [];
  const handler = /^(Catch|Choices)\[(\d+)\]\.Next$/.exec(via);
  if (handler) {
    const list = state.fields[handler[1] as string];
    const item = Array.isArray(list) ? list[Number(handler[2])] : undefined;
    const own = isObject(item) ? item["Assign"] : undefined;
    return names(own);
  }
  return names(state.fields["Assign"]);
}

/** Every Assign of a state: the state's own, its Choice rules' and its Catchers' (all in the state's scope). */
export function assignmentsOf(state: StateModel): Assignment[] {
  const out: Assignment[] = [];
  const add = (assign: unknown, pointer: string): void => {
    if (!isObject(assign)) return;
    for (const key of Object.keys(assign)) {
      const name = state.queryLanguage === "JSONPath" && key.endsWith(".$") ? key.slice(0, -2) : key;
      out.push({ name, pointer: childPointer(pointer, key) });
    }
  };
  add(state.fields["Assign"], childPointer(state.pointer, "Assign"));
  for (const list of ["Choices", "Catch"] as const) {
    const items = state.fields[list];
    if (Array.isArray(items)) items.forEach((item, i) => isObject(item) && add(item["Assign"], childPointer(state.pointer, list, i, "Assign")));
  }
  return out;
}

/** Every variable a state reads: `$name` roots of its JSONPath paths, or free variables of its JSONata expressions. */
export function readsOf(state: StateModel): VariableRead[] {
  return state.queryLanguage === "JSONata" ? jsonataReads(state) : jsonPathReads(state);
}

function jsonataReads(state: StateModel): VariableRead[] {
  const out: VariableRead[] = [];
  for (const field of expressionFields(state)) {
    for (const found of collectExpressions(field.value, field.pointer)) {
      const parsed = parseJsonata(expressionBody(found.text));
      if (!parsed.ok) continue;
      for (const v of analyzeJsonata(parsed.ast).freeVariables) out.push({ name: v.name, pointer: found.pointer });
    }
  }
  return out;
}

/** JSONPath reads: `$name` roots in path fields, Choice operands, and `key.$` values of templates (ASL-3.3, ASL-8). */
function jsonPathReads(state: StateModel): VariableRead[] {
  const out: VariableRead[] = [];
  const read = (text: string, pointer: string): void => {
    for (const name of variablesIn(text)) out.push({ name, pointer });
  };
  forEachPathField(state, read);
  forEachChoicePath(state, read);
  forEachTemplate(state, (template, pointer) => forEachTemplateValue(template, pointer, read));
  return out;
}

/** The `$name` variables a JSONPath path or intrinsic call reads. */
export function variablesIn(text: string): string[] {
  if (text.startsWith("States.")) {
    const call = parseIntrinsic(text);
    return call.ok ? variablesInCall(call.value) : [];
  }
  const path = parsePath(text);
  return path.ok ? variablesInPath(path.value) : [];
}

function variablesInPath(path: PathAst): string[] {
  return path.root.kind === "variable" ? [path.root.name] : [];
}

function variablesInCall(call: IntrinsicCall): string[] {
  return call.args.flatMap((arg) => (arg.kind === "path" ? variablesInPath(arg.path) : arg.kind === "call" ? variablesInCall(arg) : []));
}

/**
 * For each state of a scope, the variables that may have been assigned when it is entered: a forward
 * "may be assigned" data-flow over the scope's transitions, starting from what the enclosing scope may have
 * assigned before the owning Parallel/Map state was entered (nothing, for a Distributed Map processor).
 */
export function assignedAtEntry(scope: ScopeModel, inherited: ReadonlySet<string>): Map<StateModel, Set<string>> {
  const entry = new Map<StateModel, Set<string>>();
  for (const state of scope.states) entry.set(state, new Set());
  const start = typeof scope.startAt === "string" ? scope.byName.get(scope.startAt) : undefined;
  if (!start) return entry;
  const startSet = entry.get(start) as Set<string>;
  inherited.forEach((n) => startSet.add(n));
  const work = [start];
  const visited = new Set<StateModel>();
  while (work.length > 0) {
    const state = work.pop() as StateModel;
    visited.add(state);
    const atEntry = entry.get(state) as Set<string>;
    for (const t of state.transitions) {
      const next = scope.byName.get(t.target);
      if (!next) continue;
      const set = entry.get(next) as Set<string>;
      const before = set.size;
      atEntry.forEach((n) => set.add(n));
      for (const name of assignedOnTransition(state, t.via)) set.add(name);
      if (set.size !== before || !visited.has(next)) work.push(next);
    }
  }
  return entry;
}
