import type { FilterExpression, FilterOperand, PathAst } from "../../paths/jsonpath-ast.js";
import { parsePath } from "../../paths/jsonpath.js";
import type { PathRoots } from "../../runtime/types.js";
import { baseKind, example, isContainer, type Container, meets, read, type LeafKind, type Need, type Slot, type Step, type Strength, type World } from "./world.js";

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
    // A negative index counts from the end (Jayway): the array needs that many items (see demandSteps).
    else if (selector.kind === "index") steps.push(selector.index);
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

function strengthOf(need: Need): Strength {
  if (typeof need !== "string") return need.strength ?? "typed";
  return need === "any" || need === "value" ? "soft" : "typed";
}

/**
 * The key of an array step: a negative index counts from the end, so the array is first made long enough (with soft
 * items) for it to exist. Undefined when it cannot be.
 */
function arrayKey(world: World, container: unknown[], step: number): number | undefined {
  if (step >= 0) return step;
  if (container.length < -step && !replace(world, { parent: container, key: -step - 1 }, {}, "soft", "value")) return undefined;
  return container.length + step;
}

/**
 * Make `steps` resolve under `root`, creating missing objects, arrays and the last value (of `kind`) wherever the plan
 * allows. Returns the slot of the last step, or undefined when the path cannot be made to resolve.
 */
export function demandSteps(world: World, root: unknown, steps: readonly Step[], kind: Need, rootSlot?: Slot, mapArrays = false): Slot | undefined {
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
    const fresh = example(kind, "value");
    if (slot !== undefined && !meets(current, kind) && fresh !== undefined) replace(world, slot, fresh, strengthOf(kind), baseKind(kind));
    return slot;
  }
  for (const [i, step] of steps.entries()) {
    const container = ensureContainer(world, current, slot, typeof step === "number" ? "array" : "object");
    if (container === undefined) return undefined;
    const key = typeof step === "number" && Array.isArray(container) ? arrayKey(world, container, step) : String(step);
    if (key === undefined) return undefined;
    const child: Slot = { parent: container, key };
    const last = i === steps.length - 1;
    const value = read(child);
    if (last) {
      const fresh = example(kind, step);
      if ((value === undefined || !meets(value, kind)) && fresh !== undefined) replace(world, child, fresh, strengthOf(kind), baseKind(kind));
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
  const key = typeof last === "number" && Array.isArray(container) ? arrayKey(world, container, last) : String(last);
  if (key === undefined) return false;
  const slot: Slot = { parent: container, key };
  if (Object.is(read(slot), value)) return true;
  return replace(world, slot, value, "fixed", kindOfValue(value));
}

/** Remove the value at `steps` when the planner created it loosely (for `IsPresent: false`). */
export function removeSteps(world: World, root: unknown, steps: readonly Step[]): boolean {
  let current = root;
  for (const [i, step] of steps.entries()) {
    if (!isContainer(current)) return true;
    const slot: Slot = { parent: current, key: stepKey(current, step) };
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
    slot = { parent: current, key: stepKey(current, step) };
    current = read(slot);
    if (current === undefined) return undefined;
  }
  return slot === undefined ? { value: current } : { value: current, slot };
}

/** The key a step reads in a container (a negative index counts from the end of an array). */
function stepKey(container: Container, step: Step): Step {
  if (typeof step !== "number" || !Array.isArray(container)) return String(step);
  return step < 0 ? container.length + step : step;
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
export function demandPath(world: World, text: string, roots: PathRoots, kind: Need): void {
  const path = parseJsonPath(text);
  if (path === undefined || path.root.kind === "current") return;
  const { steps, rest, fn } = pathSteps(path);
  const document = rootDocument(path.root, roots);
  const slot = rootSlot(path.root, roots);
  const filtered = filteredPath(path, steps.length);
  if (filtered !== undefined) {
    demandFiltered(world, document, steps, filtered, slot);
    return;
  }
  const needed: Need = rest ?? fn ?? (steps.length === path.segments.length ? kind : "value");
  demandSteps(world, document, steps, needed, slot);
}

/** A filter `[?(…)]` right after the definite prefix of a path, and the definite steps after it. */
interface Filtered {
  filter: FilterExpression;
  after: Step[];
}

function filteredPath(path: PathAst, prefix: number): Filtered | undefined {
  const segment = path.segments[prefix];
  if (segment?.kind !== "child" || segment.selector.kind !== "filter") return undefined;
  const after = pathSteps({ ...path, root: { kind: "current" }, segments: path.segments.slice(prefix + 1), fn: null });
  if (after.rest !== undefined || after.steps.length !== path.segments.length - prefix - 1) return undefined;
  return { filter: segment.selector.expression, after: after.steps };
}

/**
 * A filtered path (`$.Labels[?(@.Name == 'Receipt')].Confidence`) selects something when the array has an item that
 * passes the filter: the array gets its one item, which is given what the filter tests (an equality with a literal,
 * the existence of a field) and the steps after the filter.
 */
function demandFiltered(world: World, document: unknown, steps: readonly Step[], filtered: Filtered, rootSlot: Slot | undefined): void {
  const arraySlot = demandSteps(world, document, steps, "items", rootSlot);
  const array = arraySlot === undefined ? (steps.length === 0 ? document : undefined) : read(arraySlot);
  if (!Array.isArray(array) || array.length === 0) return;
  // The first item that passes, else the first that can be made to, else a new item.
  let index = array.findIndex((item) => passes(item, filtered.filter));
  for (let i = 0; index < 0 && i <= array.length; i++) {
    const mark = world.mark();
    const itemSlot: Slot = { parent: array, key: i };
    if (i === array.length && !replace(world, itemSlot, {}, "soft", "value")) break;
    demandFilter(world, read(itemSlot), filtered.filter, itemSlot);
    if (passes(read(itemSlot), filtered.filter)) index = i;
    else world.rollback(mark);
  }
  if (index < 0 || filtered.after.length === 0) return;
  // The path gives a list of what it selects: the use's kind is not the kind of each selected value.
  const itemSlot: Slot = { parent: array, key: index };
  demandSteps(world, read(itemSlot), filtered.after, "any", itemSlot);
}

/** Does `item` pass the filter, as far as the planner can tell (equalities and existence)? */
function passes(item: unknown, filter: FilterExpression): boolean {
  switch (filter.kind) {
    case "and":
      return filter.operands.every((operand) => passes(item, operand));
    case "exists": {
      const relative = relativeSteps(filter.path);
      return relative !== undefined && locateSteps(item, relative) !== undefined;
    }
    case "compare": {
      const equality = equalityOf(filter);
      return equality !== undefined && Object.is(locateSteps(item, equality.steps)?.value, equality.value);
    }
    default:
      return false;
  }
}

function demandFilter(world: World, item: unknown, filter: FilterExpression, itemSlot: Slot): void {
  switch (filter.kind) {
    case "and":
      for (const operand of filter.operands) demandFilter(world, read(itemSlot), operand, itemSlot);
      return;
    case "exists": {
      const relative = relativeSteps(filter.path);
      if (relative !== undefined) demandSteps(world, item, relative, "any", itemSlot);
      return;
    }
    case "compare": {
      const equality = equalityOf(filter);
      if (equality !== undefined) demandSteps(world, item, equality.steps, equalTo(equality.value), itemSlot);
      return;
    }
    default:
      return;
  }
}

/** `@.a.b == literal` (either way round): the steps and the value. */
function equalityOf(filter: Extract<FilterExpression, { kind: "compare" }>): { steps: Step[]; value: string | number | boolean } | undefined {
  if (filter.operator !== "==") return undefined;
  const [pathSide, other] = filter.left.kind === "path" ? [filter.left, filter.right] : [filter.right, filter.left];
  const steps = pathSide.kind === "path" ? relativeSteps(pathSide.path) : undefined;
  const value = literalOf(other);
  return steps === undefined || value === undefined ? undefined : { steps, value };
}

/** The steps of a definite `@…` path. */
function relativeSteps(path: PathAst): Step[] | undefined {
  if (path.root.kind !== "current") return undefined;
  const { steps, rest } = pathSteps(path);
  return rest === undefined && steps.length === path.segments.length && path.fn === null ? steps : undefined;
}

/** A literal operand's value (a bareword compares as its text, as the runtime does). */
function literalOf(operand: FilterOperand): string | number | boolean | undefined {
  if (operand.kind === "bareword") return operand.word;
  if (operand.kind !== "literal") return undefined;
  const value = operand.value;
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? value : undefined;
}

/** Exactly `value`. */
function equalTo(value: string | number | boolean): Need {
  return { base: kindOfValue(value), accepts: (v) => Object.is(v, value), example: () => value, strength: "fixed" };
}

/** The slot of a workflow variable (ASL-8), so that a value assigned from a path can be changed at its source. */
export function rootSlot(root: PathAst["root"], roots: PathRoots): Slot | undefined {
  return root.kind === "variable" && roots.variables !== undefined ? { parent: roots.variables as Record<string, unknown>, key: root.name } : undefined;
}
