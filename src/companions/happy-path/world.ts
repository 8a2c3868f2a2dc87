/**
 * The values a happy-path plan is made of (the execution input, one mocked result per Task, a Distributed Map's
 * dataset) and the bookkeeping that lets the planner grow them on demand.
 *
 * The planner runs the machine on these values with the runtime's own data-flow functions, which share the values
 * they select instead of copying them (src/runtime/template.ts). So when a path reads a field that is missing, the
 * object it misses it in is usually part of the input or of a mock: the field is created there ("vivified") and the
 * next simulation run sees it from the start. Objects the runtime copied (ResultPath writes a copy of its input, ASL-3.1
 * step 7) are registered with their source, so a field missing in the copy is created in the source too.
 *
 * Every value the planner created remembers how firmly it was chosen: `soft` (anything would do, e.g. a Parameters
 * field passed to a mocked Task), `typed` (a kind was needed, e.g. an array for ItemsPath) or `fixed` (chosen to make
 * a Choice rule take the planned branch). A later demand may replace a soft value, or a typed one with a value of the
 * same kind, never a fixed one. Every change is journaled so that a tentative choice can be rolled back.
 *
 * A container the planner placed remembers where (its home), so that a path that reads it whole (`$` after an
 * OutputPath, a Map item) can replace it, as a root value is replaced in its holder. A JSON text States.StringToJson
 * parses gets a view, the parsed value, kept from run to run: fields created in the view are written back into the text.
 */

/** What a demanded value must be. */
export type LeafKind =
  | "any"
  /** InputPath/OutputPath and similar: an object is the likely intent, but nothing requires it. */
  | "value"
  | "string"
  | "number"
  | "integer"
  | "boolean"
  | "array"
  /** ItemsPath / Items: an array with one item, so the processor runs. */
  | "items"
  | "object"
  | "timestamp"
  /** States.StringToJson and $parse: text that parses as JSON. */
  | "json-text"
  /** States.Base64Decode: base64 text. */
  | "base64"
  /** States.Hash: an algorithm name. */
  | "hash-algorithm"
  /** TimeoutSecondsPath, HeartbeatSecondsPath: a positive integer long enough not to fire. */
  | "timeout"
  /** Credentials RoleArn: an IAM role ARN. */
  | "role-arn";

/**
 * A kind with a further condition the value must meet (e.g. a States.Format template with two placeholders, a string
 * that States.StringSplit cuts into three pieces), and an example that meets it.
 */
export interface Refined {
  base: LeafKind;
  accepts(value: unknown): boolean;
  example(key: Step): unknown;
  /** `fixed` for an exact value (that a later demand must not change); `typed` otherwise. */
  strength?: Strength;
}

/** What a use of a value needs: a kind, or a kind with a further condition. */
export type Need = LeafKind | Refined;

export function baseKind(need: Need): LeafKind {
  return typeof need === "string" ? need : need.base;
}

/** Does `value` meet `need`? */
export function meets(value: unknown, need: Need): boolean {
  return typeof need === "string" ? matchesKind(value, need) : matchesKind(value, need.base) && need.accepts(value);
}

/** The value the planner writes for a missing `need` named `key`: undefined when no value can meet it. */
export function example(need: Need, key: Step): unknown {
  if (typeof need === "string") return placeholder(need, key);
  const value = need.example(key);
  return meets(value, need) ? value : undefined;
}

export type Strength = "soft" | "typed" | "fixed";

export type Container = Record<string, unknown> | unknown[];

export type Step = string | number;

interface LeafInfo {
  strength: Strength;
  kind: LeafKind;
}

/** A value's place: a key of an object or an index of an array. */
export interface Slot {
  parent: Container;
  key: Step;
}

export const EXAMPLE_TIMESTAMP = "2024-01-01T00:00:00Z";
export const EXAMPLE_ROLE_ARN = "arn:aws:iam::123456789012:role/example";

export function isContainer(value: unknown): value is Container {
  return value !== null && typeof value === "object";
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return isContainer(value) && !Array.isArray(value);
}

/** Does `value` satisfy `kind`? */
export function matchesKind(value: unknown, kind: LeafKind): boolean {
  switch (kind) {
    case "any":
    case "value":
      return value !== undefined;
    case "string":
      return typeof value === "string";
    case "number":
      return typeof value === "number";
    case "integer":
      return Number.isInteger(value);
    case "timeout":
      return Number.isInteger(value) && (value as number) > 0;
    case "boolean":
      return typeof value === "boolean";
    case "array":
      return Array.isArray(value);
    case "items":
      return Array.isArray(value);
    case "object":
      return isPlainObject(value);
    case "timestamp":
      return typeof value === "string" && !Number.isNaN(Date.parse(value)) && /^\d{4}-\d\d-\d\dT/.test(value);
    case "json-text":
      return typeof value === "string" && parses(value);
    case "base64":
      return typeof value === "string" && /^[A-Za-z0-9+/]*={0,2}$/.test(value) && value.length % 4 === 0;
    case "hash-algorithm":
      return typeof value === "string" && ["MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512"].includes(value);
    case "role-arn":
      return typeof value === "string" && value.startsWith("arn:");
  }
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** The value the planner writes for a missing `kind` named `key`: readable, and valid for what needs it. */
export function placeholder(kind: LeafKind, key: Step): unknown {
  switch (kind) {
    case "any":
    case "string":
      return typeof key === "string" && key !== "" ? key : "value";
    case "value":
    case "object":
      return {};
    case "number":
    case "integer":
      return 1;
    case "timeout":
      return 3600;
    case "boolean":
      return true;
    case "array":
      return [];
    case "items":
      return [{}];
    case "timestamp":
      return EXAMPLE_TIMESTAMP;
    case "json-text":
      return "{}";
    case "base64":
      return "e30=";
    case "hash-algorithm":
      return "SHA-256";
    case "role-arn":
      return EXAMPLE_ROLE_ARN;
  }
}

/** The kinds a value of `kind` may be replaced with when a later use needs `wanted`: none if they conflict. */
function compatible(kind: LeafKind, wanted: LeafKind): boolean {
  if (kind === wanted) return true;
  if (kind === "array" && wanted === "items") return true;
  if (kind === "integer" && (wanted === "number" || wanted === "timeout")) return true;
  if (kind === "number" && (wanted === "integer" || wanted === "timeout")) return true;
  if (kind === "string" && ["timestamp", "json-text", "base64", "hash-algorithm", "role-arn"].includes(wanted)) return true;
  return false;
}

/** The parsed value of a JSON text in the plan (States.StringToJson), kept while the text is the same. */
interface JsonView {
  text: string;
  value: unknown;
  /** Where the text is. */
  source: Slot;
}

export class World {
  private readonly owned = new WeakSet<object>();
  private readonly copies = new WeakMap<object, Container>();
  private readonly leaves = new WeakMap<object, Map<Step, LeafInfo>>();
  /** For values a template or an expression copied from a path: where each member was read from. */
  private readonly links = new WeakMap<object, Map<Step, Slot>>();
  /** Where a root value (the input, a mock) is held, so that it can be replaced as a whole. */
  private readonly holders = new WeakMap<object, Slot>();
  /** Where the planner put a container it created (a placeholder, an item), so that `$` can replace it as a whole. */
  private readonly homes = new WeakMap<object, Slot>();
  /** The JSON views of texts, by the text's slot; and, for every container inside a view, its view. */
  private readonly views = new WeakMap<Container, Map<Step, JsonView>>();
  private readonly viewOf = new WeakMap<object, JsonView>();
  private readonly journal: Array<() => void> = [];
  /** How many writes were made; a simulation run that makes none has reached the fixpoint. */
  changes = 0;

  /** A holder for root values: `holder[key]` is a root, soft until a use needs a kind. */
  newHolder(): Record<string, unknown> {
    const holder: Record<string, unknown> = {};
    this.owned.add(holder);
    return holder;
  }

  /** Put a root value in its holder (not journaled: roots are created once, before any run). */
  setRoot(holder: Record<string, unknown>, key: string, value: unknown, strength: Strength = "soft", kind: LeafKind = "value"): void {
    holder[key] = value;
    this.adopt(value);
    this.info(holder).set(key, { strength, kind });
    if (isContainer(value)) this.holders.set(value, { parent: holder, key });
    this.seedItems(value, kind);
  }

  /** The items of an `items` placeholder are the planner's own: soft, each replaceable as a whole (see homes). */
  private seedItems(value: unknown, kind: LeafKind): void {
    if (kind !== "items" || !Array.isArray(value)) return;
    const info = this.info(value);
    value.forEach((item, index) => {
      if (!info.has(index)) info.set(index, { strength: "soft", kind: "value" });
      if (isContainer(item) && !this.homes.has(item)) this.homes.set(item, { parent: value, key: index });
    });
  }

  /** Set an initial value inside a root before any run (not journaled, not a change). */
  seed(parent: Record<string, unknown>, key: string, value: unknown, strength: Strength, kind: LeafKind): void {
    parent[key] = value;
    this.adopt(value);
    this.info(parent).set(key, { strength, kind });
    if (isContainer(value)) this.homes.set(value, { parent, key });
  }

  /** Mark a value and everything in it as part of the plan (writable). */
  adopt(value: unknown): void {
    if (!isContainer(value) || this.owned.has(value)) return;
    this.owned.add(value);
    for (const child of Object.values(value)) this.adopt(child);
  }

  /** `copy` was made from `source` (e.g. by ResultPath): fields missing in the copy are created in the source too. */
  registerCopy(copy: unknown, source: unknown): void {
    if (isContainer(copy) && isContainer(source) && copy !== source && !this.owned.has(copy)) this.copies.set(copy, source);
  }

  /**
   * `parent[key]` was read from `source` by a payload template (ASL-3.3) or a JSONata object: a value that must change
   * there is changed at the source, where the next run reads it from.
   */
  link(parent: Container, key: Step, source: Slot): void {
    let map = this.links.get(parent);
    if (map === undefined) {
      map = new Map();
      this.links.set(parent, map);
    }
    map.set(key, source);
  }

  linkOf(slot: Slot): Slot | undefined {
    return this.links.get(slot.parent)?.get(slot.key);
  }

  /** Can fields be created in this object so that the next run has them? */
  writable(target: Container): boolean {
    return this.owned.has(target) || this.sourceOf(target) !== undefined;
  }

  private sourceOf(target: Container): Container | undefined {
    let source = this.copies.get(target);
    for (let depth = 0; source !== undefined && !this.owned.has(source) && depth < 64; depth++) source = this.copies.get(source);
    return source !== undefined && this.owned.has(source) ? source : undefined;
  }

  private info(target: Container): Map<Step, LeafInfo> {
    let map = this.leaves.get(target);
    if (map === undefined) {
      map = new Map();
      this.leaves.set(target, map);
    }
    return map;
  }

  /** How firmly the value at `slot` was chosen: undefined for a value the planner did not create. */
  leaf(slot: Slot): LeafInfo | undefined {
    const value = read(slot);
    if (isContainer(value)) {
      const holder = this.holders.get(value);
      if (holder !== undefined && holder.parent !== slot.parent) return this.leaf(holder);
    }
    const own = this.leaves.get(slot.parent)?.get(slot.key);
    if (own !== undefined) return own;
    const source = this.sourceOf(slot.parent);
    return source === undefined ? undefined : this.leaves.get(source)?.get(slot.key);
  }

  /**
   * May the value at `slot` be replaced by one of `kind` with `strength`? Missing values may be created in writable
   * objects; existing ones only if the planner created them less firmly (and, when typed, with a compatible kind).
   */
  canReplace(slot: Slot, kind: LeafKind, strength: Strength, value?: unknown): boolean {
    if (!this.writable(slot.parent) && !this.isHeldRoot(slot)) return false;
    const present = Array.isArray(slot.parent) ? typeof slot.key === "number" && slot.key < slot.parent.length : Object.hasOwn(slot.parent, slot.key);
    if (!present) return true;
    const info = this.leaf(slot);
    if (info === undefined) return false;
    if (info.strength === "soft") return true;
    if (info.strength === "typed") return strength !== "soft" && (value !== undefined ? matchesKind(value, info.kind) : compatible(info.kind, kind));
    return false;
  }

  private isHeldRoot(slot: Slot): boolean {
    const value = read(slot);
    return isContainer(value) && this.holders.has(value);
  }

  /**
   * Write `value` at `slot` (journaled), in the source of a copy as well, and in the holder of a root value being
   * replaced. The value becomes part of the plan.
   */
  write(slot: Slot, value: unknown, strength: Strength, kind: LeafKind): void {
    const old = read(slot);
    if (isContainer(old)) {
      const holder = this.holders.get(old);
      if (holder !== undefined && holder.parent !== slot.parent) this.write(holder, value, strength, kind);
    }
    this.rawWrite(slot, value, strength, kind);
    const source = this.sourceOf(slot.parent);
    if (source !== undefined && source !== slot.parent) {
      const sourceSlot = { parent: source, key: slot.key };
      if (read(sourceSlot) !== value) this.rawWrite(sourceSlot, value, strength, kind);
    }
  }

  private rawWrite(slot: Slot, value: unknown, strength: Strength, kind: LeafKind): void {
    const { parent, key } = slot;
    const info = this.info(parent);
    const hadKey = Array.isArray(parent) ? typeof key === "number" && key < parent.length : Object.hasOwn(parent, key);
    const oldValue = read(slot);
    const oldInfo = info.get(key);
    const oldLength = Array.isArray(parent) ? parent.length : 0;
    if (Array.isArray(parent) && typeof key === "number") {
      while (parent.length < key) {
        const index = parent.length;
        const filler = {};
        parent.push(filler);
        this.adopt(filler);
        this.homes.set(filler, { parent, key: index });
        info.set(index, { strength: "soft", kind: "value" });
      }
      parent[key] = value;
    } else {
      Object.defineProperty(parent, String(key), { value, enumerable: true, writable: true, configurable: true });
    }
    info.set(key, { strength, kind });
    this.adopt(value);
    if (isContainer(oldValue)) {
      const holder = this.holders.get(oldValue);
      if (holder !== undefined && holder.parent === parent && holder.key === key && isContainer(value)) this.holders.set(value, holder);
    }
    if (isContainer(value) && this.holderOf(value) === undefined) this.homes.set(value, slot);
    this.seedItems(value, kind);
    this.changes++;
    this.journal.push(() => {
      if (Array.isArray(parent)) {
        if (hadKey) parent[key as number] = oldValue;
        parent.length = hadKey ? Math.max(parent.length, oldLength) : oldLength;
      } else if (hadKey) {
        Object.defineProperty(parent, String(key), { value: oldValue, enumerable: true, writable: true, configurable: true });
      } else {
        delete parent[String(key)];
      }
      if (oldInfo === undefined) info.delete(key);
      else info.set(key, oldInfo);
    });
    const view = this.viewOf.get(parent);
    if (view !== undefined) {
      this.enterView(value, view);
      this.reserialize(parent);
    }
  }

  /** Remove a value the planner created softly (IsPresent: false), journaled; false when it may not. */
  remove(slot: Slot): boolean {
    const info = this.leaf(slot);
    if (info === undefined || info.strength !== "soft" || Array.isArray(slot.parent)) return false;
    const parent = slot.parent;
    const key = String(slot.key);
    if (!Object.hasOwn(parent, key)) return true;
    const oldValue = parent[key];
    delete parent[key];
    const leaves = this.info(parent);
    leaves.delete(slot.key);
    this.changes++;
    this.journal.push(() => {
      Object.defineProperty(parent, key, { value: oldValue, enumerable: true, writable: true, configurable: true });
      leaves.set(slot.key, info);
    });
    this.reserialize(parent);
    return true;
  }

  /**
   * The slot a value can be replaced at as a whole: the holder of a root value (the input, a mock), or the place the
   * planner put a container it created, while the container is still there.
   */
  holderOf(value: unknown): Slot | undefined {
    if (!isContainer(value)) return undefined;
    const holder = this.holders.get(value);
    if (holder !== undefined) return holder;
    const home = this.homes.get(value);
    return home !== undefined && read(home) === value ? home : undefined;
  }

  /** Was `value` (a root, or a container the planner placed) replaced as a whole since it was read? */
  replaced(value: unknown): boolean {
    if (!isContainer(value)) return false;
    const slot = this.holders.get(value) ?? this.homes.get(value);
    return slot !== undefined && read(slot) !== value;
  }

  /**
   * The parsed value of the JSON text at `source` (States.StringToJson reads it): the same object as long as the text
   * is the same, so the planner's bookkeeping in it survives from run to run. Fields created in it are written back
   * into the text (re-serialized), where the next run parses them from. Undefined when the text is not the plan's to
   * change or is not JSON.
   */
  jsonView(source: Slot): unknown {
    const text = read(source);
    if (typeof text !== "string" || !this.canReplace(source, "json-text", "typed")) return undefined;
    let map = this.views.get(source.parent);
    if (map === undefined) {
      map = new Map();
      this.views.set(source.parent, map);
    }
    const existing = map.get(source.key);
    if (existing !== undefined && existing.text === text) return existing.value;
    let value: unknown;
    try {
      value = JSON.parse(text) as unknown;
    } catch {
      return undefined;
    }
    const view: JsonView = { text, value, source };
    map.set(source.key, view);
    this.adopt(value);
    this.enterView(value, view);
    return value;
  }

  private enterView(value: unknown, view: JsonView): void {
    if (!isContainer(value) || this.viewOf.get(value) === view) return;
    this.viewOf.set(value, view);
    for (const child of Object.values(value)) this.enterView(child, view);
  }

  /** A container inside a JSON view changed: write the view's new text where it came from (journaled). */
  private reserialize(parent: Container): void {
    const view = this.viewOf.get(parent);
    if (view === undefined) return;
    const text = JSON.stringify(view.value);
    if (text === view.text) return;
    const old = view.text;
    view.text = text;
    this.changes++;
    this.journal.push(() => {
      view.text = old;
    });
    this.rawWrite(view.source, text, "typed", "json-text");
  }

  /** A point to roll back to. */
  mark(): number {
    return this.journal.length;
  }

  /** Undo every write made since `mark`; undone writes no longer count as changes. */
  rollback(mark: number): void {
    while (this.journal.length > mark) {
      (this.journal.pop() as () => void)();
      this.changes--;
    }
  }
}

/** The value at a slot (undefined when absent). */
export function read(slot: Slot): unknown {
  const { parent, key } = slot;
  if (Array.isArray(parent)) return typeof key === "number" ? parent[key] : undefined;
  return Object.hasOwn(parent, String(key)) ? parent[String(key)] : undefined;
}
