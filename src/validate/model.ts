import { childPointer } from "../load/pointer.js";

/**
 * A defensive, read-only view of a definition for the semantic rules: every scope (the machine, each
 * Parallel branch, each Map processor) and every state, with JSON pointers and effective query language.
 * It is built from whatever the schema let through, so it never assumes a field has the right type.
 */
export type QueryLanguage = "JSONPath" | "JSONata";

export type ScopeKind = "machine" | "branch" | "processor";

export interface ScopeModel {
  kind: ScopeKind;
  /** Pointer of the object holding `StartAt` and `States`. */
  pointer: string;
  /** The Parallel/Map state that owns this scope (undefined for the machine). */
  owner?: StateModel;
  parent?: ScopeModel;
  startAt: unknown;
  states: StateModel[];
  byName: Map<string, StateModel>;
  queryLanguage: QueryLanguage;
  /** True for the processor of a DISTRIBUTED Map (a separate child execution). */
  distributed: boolean;
}

export interface Transition {
  target: string;
  /** Pointer of the string naming the target. */
  pointer: string;
  /** Which field carries it, for messages: `Next`, `Default`, `Choices[0].Next`, `Catch[1].Next`. */
  via: string;
}

export interface StateModel {
  name: string;
  pointer: string;
  /** The `Type` when it is a string, else "". */
  type: string;
  fields: Readonly<Record<string, unknown>>;
  scope: ScopeModel;
  queryLanguage: QueryLanguage;
  children: ScopeModel[];
  transitions: Transition[];
  /** End, Succeed or Fail. */
  terminal: boolean;
}

export interface MachineModel {
  root: ScopeModel;
  scopes: ScopeModel[];
  states: StateModel[];
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function languageOf(value: unknown, fallback: QueryLanguage): QueryLanguage {
  return value === "JSONata" || value === "JSONPath" ? value : fallback;
}

export function buildModel(definition: unknown): MachineModel {
  const scopes: ScopeModel[] = [];
  const states: StateModel[] = [];
  const rootObject = isObject(definition) ? definition : {};
  const root = buildScope(rootObject, "", "machine", languageOf(rootObject["QueryLanguage"], "JSONPath"), false);
  return { root, scopes, states };

  function buildScope(
    obj: Record<string, unknown>,
    pointer: string,
    kind: ScopeKind,
    inherited: QueryLanguage,
    distributed: boolean,
    owner?: StateModel,
  ): ScopeModel {
    const scope: ScopeModel = {
      kind,
      pointer,
      startAt: obj["StartAt"],
      states: [],
      byName: new Map(),
      queryLanguage: kind === "machine" ? inherited : languageOf(obj["QueryLanguage"], inherited),
      distributed,
    };
    if (owner) {
      scope.owner = owner;
      scope.parent = owner.scope;
    }
    scopes.push(scope);
    const stateObjects = obj["States"];
    if (!isObject(stateObjects)) return scope;
    for (const [name, raw] of Object.entries(stateObjects)) {
      const state = buildState(name, raw, childPointer(pointer, "States", name), scope);
      scope.states.push(state);
      if (!scope.byName.has(name)) scope.byName.set(name, state);
    }
    return scope;
  }

  function buildState(name: string, raw: unknown, pointer: string, scope: ScopeModel): StateModel {
    const fields = isObject(raw) ? raw : {};
    const type = typeof fields["Type"] === "string" ? fields["Type"] : "";
    const state: StateModel = {
      name,
      pointer,
      type,
      fields,
      scope,
      queryLanguage: languageOf(fields["QueryLanguage"], scope.queryLanguage),
      children: [],
      transitions: collectTransitions(fields, pointer),
      terminal: type === "Succeed" || type === "Fail" || fields["End"] === true,
    };
    states.push(state);
    if (type === "Parallel" && Array.isArray(fields["Branches"])) {
      fields["Branches"].forEach((branch, i) => {
        if (isObject(branch)) {
          state.children.push(buildScope(branch, childPointer(pointer, "Branches", i), "branch", state.queryLanguage, false, state));
        }
      });
    }
    if (type === "Map") {
      for (const key of ["ItemProcessor", "Iterator"]) {
        const processor = fields[key];
        if (!isObject(processor)) continue;
        const config = processor["ProcessorConfig"];
        const distributed = isObject(config) && config["Mode"] === "DISTRIBUTED";
        state.children.push(buildScope(processor, childPointer(pointer, key), "processor", state.queryLanguage, distributed, state));
      }
    }
    return state;
  }
}

function collectTransitions(fields: Record<string, unknown>, pointer: string): Transition[] {
  const out: Transition[] = [];
  const add = (target: unknown, ptr: string, via: string): void => {
    if (typeof target === "string") out.push({ target, pointer: ptr, via });
  };
  add(fields["Next"], childPointer(pointer, "Next"), "Next");
  add(fields["Default"], childPointer(pointer, "Default"), "Default");
  const choices = fields["Choices"];
  if (Array.isArray(choices)) {
    choices.forEach((rule, i) => {
      if (isObject(rule)) add(rule["Next"], childPointer(pointer, "Choices", i, "Next"), `Choices[${i}].Next`);
    });
  }
  const catchers = fields["Catch"];
  if (Array.isArray(catchers)) {
    catchers.forEach((catcher, i) => {
      if (isObject(catcher)) add(catcher["Next"], childPointer(pointer, "Catch", i, "Next"), `Catch[${i}].Next`);
    });
  }
  return out;
}

/** The value at a field path inside a state (`["ItemReader", "ReaderConfig", "MaxItems"]`), or undefined. */
export function fieldAt(state: StateModel, path: readonly string[]): unknown {
  let node: unknown = state.fields;
  for (const key of path) node = isObject(node) ? node[key] : undefined;
  return node;
}

/** `State "Name" (Type)` — the subject every state diagnostic starts with. */
export function subject(state: StateModel): string {
  return `State ${JSON.stringify(state.name)}${state.type ? ` (${state.type})` : ""}`;
}

/** Human name of a scope, for messages. */
export function describeScope(scope: ScopeModel): string {
  if (!scope.owner) return "the state machine";
  if (scope.kind === "branch") {
    const index = scope.owner.children.indexOf(scope);
    return `branch ${index} of Parallel ${JSON.stringify(scope.owner.name)}`;
  }
  return `the processor of Map ${JSON.stringify(scope.owner.name)}`;
}

/** The subject of a scope-level diagnostic: `State machine`, `Branch 0 of Parallel "P"`, `The processor of Map "M"`. */
export function scopeSubject(scope: ScopeModel): string {
  if (!scope.owner) return "State machine";
  const text = describeScope(scope);
  return text.charAt(0).toUpperCase() + text.slice(1);
}
