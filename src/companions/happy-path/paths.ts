import type { PathAst } from "../../paths/jsonpath-ast.js";
import { parsePath } from "../../paths/jsonpath.js";
import type { PathRoots } from "../../runtime/types.js";
import { isContainer, matchesKind, placeholder, read, type LeafKind, type Slot, type Step, type Strength, type World } from "./world.js";

/**
 * Making paths resolve: the planner calls these before the runtime evaluates a path, so that a definite path (ASL-4)
 * finds a value instead of failing with States.Runtime.
 */

/** The definite prefix of a JSONPath as steps, and what the rest needs the last step to be (an array for `[*]`). */
export interface PathSteps {
  root: PathAst["root"];
  steps: Step[];
  /** Set when the path goes on past `steps` with a wildcard, slice, filter or union: that node must be an array. */
  rest?: "array";
  /** A trailing Jayway function (`.length()`): the node it applies to must be an array (`keys()`: an object). */
  fn?: "array" | "object";
}

export function pathSteps(path: PathAst): PathSteps {
  const steps: Step[] = [];
  const out: PathSteps = { root: path.root, steps };
  for (const segment of path.segments) {
    if (segment.kind === "descendant") return out;
    const { selector } = segment;
    if (selector.kind === "name") steps.push(selector.name);
    else if (selector.kind === "index" && selector.index >= 0) steps.push(selector.index);
    else {
      if (selector.kind !== "names") out.rest = "array";
      return out;
    }
  }
  if (path.fn !== null) out.fn = path.fn.name === "keys" ? "object" : "array";
  return out;
}

/** Parse a JSONPath; undefined for text that is not one. */
export function parseJsonPath(text: string): PathAst | undefined {
  const parsed = parsePath(text);
  return parsed.ok ? parsed.value : undefined;
}

/** The document a path starts from. */
export function rootDocument(root: PathAst["root"], roots: PathRoots): unknown {
  switch (root.kind) {
    case "input":
    case "current":
      return roots.input;
    case "context":
      return roots.context;
    case "variable":
      return roots.variables !== undefined && Object.hasOwn(roots.variables, root.name) ? roots.variables[root.name] : undefined;
  }
}

function strengthOf(kind: LeafKind): Strength {
  return kind === "any" || kind === "value" ? "soft" : "typed";
}

/**
 * Make `steps` resolve under `root`, creating missing objects, arrays and the last value (of `kind`) wherever the plan
 * allows. Returns the slot of the last step, or undefined when the path cannot be made to resolve.
 */
export function demandSteps(world: World, root: unknown, steps: readonly Step[], kind: LeafKind, rootSlot?: Slot, mapArrays = false): Slot | undefined {
  let current = root;
  let slot = rootSlot ?? world.holderOf(root);
  // JSONata maps a name step over an array's items (`$states.input.Items.id`): the demand goes to each item.
  const first = steps[0];
  if (mapArrays && typeof first === "string" && Array.isArray(current)) {
    if (current.length === 0 && slot !== undefined && !replace(world, slot, [{}], "typed", "items")) return undefined;
    const items = read(slot ?? { parent: [], key: 0 }) ?? current;
    let last: Slot | undefined;
    for (const [i, item] of (Array.isArray(items) ? items : current).entries()) {
      last = demandSteps(world, item, steps, kind, { parent: (Array.isArray(items) ? items : current) as unknown[], key: i }, true) ?? last;
    }
    return last;
  }
  if (steps.length === 0) {
    if (slot !== undefined && !matchesKind(current, kind)) replace(world, slot, placeholder(kind, "value"), strengthOf(kind), kind);
    return slot;
  }
  for (const [i, step] of steps.entries()) {
    const container = ensureContainer(world, current, slot, typeof step === "number" ? "array" : "object");
    if (container === undefined) return undefined;
    const key = typeof step === "number" && Array.isArray(container) ? step : String(step);
    const child: Slot = { parent: container, key };
    const last = i === steps.length - 1;
    const value = read(child);
    if (last) {
      if (value === undefined || !matchesKind(value, kind)) replace(world, child, placeholder(kind, step), strengthOf(kind), kind);
      return read(child) === undefined ? undefined : child;
    }
    if (value === undefined) {
      const next = steps[i + 1];
      const sort = typeof next === "number" ? "array" : "object";
      if (!replace(world, child, sort === "array" ? [] : {}, "typed", sort)) return undefined;
    }
    current = read(child);
    slot = child;
    if (mapArrays && Array.isArray(current) && typeof steps[i + 1] === "string") return demandSteps(world, current, steps.slice(i + 1), kind, child, true);
  }
  return slot;
}

/** Make `current` (held at `slot`) an object or an array, replacing a value the planner created loosely. */
function ensureContainer(world: World, current: unknown, slot: Slot | undefined, sort: "object" | "array"): Record<string, unknown> | unknown[] | undefined {
  const fits = sort === "array" ? Array.isArray(current) : isContainer(current) && !Array.isArray(current);
  if (fits) return current as Record<string, unknown> | unknown[];
  const fresh = sort === "array" ? [] : {};
  return slot !== undefined && replace(world, slot, fresh, "typed", sort) ? fresh : undefined;
}

/**
 * The slots to write to give `slot` a new value: the slot itself when the plan may change it, else, for a value a
 * template copied from a path, the slot it was read from (and so on up the chain), followed by the slot.
 */
function targets(world: World, slot: Slot, kind: LeafKind, strength: Strength, value: unknown): Slot[] | undefined {
  if (world.canReplace(slot, kind, strength, strength === "fixed" ? value : undefined)) return [slot];
  const source = world.linkOf(slot);
  if (source === undefined || !Object.is(read(source), read(slot))) return undefined;
  const deeper = targets(world, source, kind, strength, value);
  return deeper === undefined ? undefined : [...deeper, slot];
}

/** Write `value` at `slot` where the plan allows (see targets); false when it does not. */
function replace(world: World, slot: Slot, value: unknown, strength: Strength, kind: LeafKind): boolean {
  const slots = targets(world, slot, kind, strength, value);
  if (slots === undefined) return false;
  for (const target of slots) world.write(target, value, strength, kind);
  return true;
}

/**
 * Set the value at `steps` to `value`, chosen to steer a Choice (strength `fixed`). False when the plan cannot hold
 * it there (a value written in the definition, computed by an intrinsic, or already fixed differently).
 */
export function assignSteps(world: World, root: unknown, steps: readonly Step[], value: unknown, rootSlot?: Slot): boolean {
  if (steps.length === 0) {
    const slot = rootSlot ?? world.holderOf(root);
    if (slot !== undefined && Object.is(read(slot), value)) return true;
    return slot !== undefined && replace(world, slot, value, "fixed", kindOfValue(value));
  }
  const last = steps[steps.length - 1] as Step;
  const sort = typeof last === "number" ? "array" : "object";
  const prefix = steps.slice(0, -1);
  const parentSlot = prefix.length === 0 ? (rootSlot ?? world.holderOf(root)) : demandSteps(world, root, prefix, sort, rootSlot);
  const container = ensureContainer(world, prefix.length === 0 ? root : parentSlot === undefined ? undefined : read(parentSlot), parentSlot, sort);
  if (container === undefined) return false;
  const slot: Slot = { parent: container, key: typeof last === "number" && Array.isArray(container) ? last : String(last) };
  if (Object.is(read(slot), value)) return true;
  return replace(world, slot, value, "fixed", kindOfValue(value));
}

/** Remove the value at `steps` when the planner created it loosely (for `IsPresent: false`). */
export function removeSteps(world: World, root: unknown, steps: readonly Step[]): boolean {
  let current = root;
  for (const [i, step] of steps.entries()) {
    if (!isContainer(current)) return true;
    const slot: Slot = { parent: current, key: typeof step === "number" && Array.isArray(current) ? step : String(step) };
    const value = read(slot);
    if (value === undefined) return true;
    if (i === steps.length - 1) return world.remove(slot);
    current = value;
  }
  return false;
}

/** The slot at `steps`, without creating anything; undefined when some step is missing. */
export function locateSteps(root: unknown, steps: readonly Step[]): { value: unknown; slot?: Slot } | undefined {
  let current = root;
  let slot: Slot | undefined;
  for (const step of steps) {
    if (!isContainer(current)) return undefined;
    slot = { parent: current, key: typeof step === "number" && Array.isArray(current) ? step : String(step) };
    current = read(slot);
    if (current === undefined) return undefined;
  }
  return slot === undefined ? { value: current } : { value: current, slot };
}

export function kindOfValue(value: unknown): LeafKind {
  if (typeof value === "string") return "string";
  if (typeof value === "number") return "number";
  if (typeof value === "boolean") return "boolean";
  if (Array.isArray(value)) return "array";
  if (isContainer(value)) return "object";
  return "any";
}

/** Make a JSONPath resolve (see demandSteps), for a use that needs `kind`. */
export function demandPath(world: World, text: string, roots: PathRoots, kind: LeafKind): void {
  const path = parseJsonPath(text);
  if (path === undefined || path.root.kind === "current") return;
  const { steps, rest, fn } = pathSteps(path);
  const needed: LeafKind = rest ?? fn ?? (steps.length === path.segments.length ? kind : "value");
  demandSteps(world, rootDocument(path.root, roots), steps, needed, rootSlot(path.root, roots));
}

/** The slot of a workflow variable (ASL-8), so that a value assigned from a path can be changed at its source. */
export function rootSlot(root: PathAst["root"], roots: PathRoots): Slot | undefined {
  return root.kind === "variable" && roots.variables !== undefined ? { parent: roots.variables as Record<string, unknown>, key: root.name } : undefined;
}
