/**
 * Turns ajv's errors for `schemas/asl.schema.json` into asl2durable diagnostics (ASL010–ASL016): one diagnostic per
 * real problem, in words, never ajv's anyOf/oneOf/if noise. Messages name their subject (`State "X" (Task), Retry[0]:`)
 * and quote field names.
 */
import type { ErrorObject } from "ajv";
import { closest } from "../diagnostics/suggest.js";
import type { Diagnostic } from "../diagnostics/types.js";
import { childPointer, getAtPointer, parsePointer, toPointer } from "../load/pointer.js";

/** What the translator needs to know about the schema (read from it by `schema.ts`). */
export interface SchemaFacts {
  /** The state types, in schema order. */
  stateTypes: readonly string[];
  /** The fields of every closed object, by its `x-kind` (e.g. "Task state", "Retrier"). */
  fieldsByKind: ReadonlyMap<string, readonly string[]>;
  /** The `x-kind` of each state type's schema. */
  kindOfType: ReadonlyMap<string, string>;
}

type JsonObject = Record<string, unknown>;

/** An ajv error with only the parts we read, typed without `any`. */
interface SchemaError {
  keyword: string;
  pointer: string;
  schemaPath: string;
  params: JsonObject;
  parent: JsonObject;
  data: unknown;
  message: string;
}

/** A diagnostic plus what the merging step needs to know about it. */
interface Finding {
  diagnostic: Diagnostic;
  /** ASL010: the missing field. */
  missing?: string;
  /** ASL011: the field suggested for the unknown one. */
  suggested?: string;
}

const GROUP_KEYWORDS = new Set(["anyOf", "oneOf", "if"]);
const VALUE_CODES = new Set(["ASL012", "ASL013", "ASL014", "ASL015"]);
const FORMAT_WORDS: Readonly<Record<string, string>> = {
  "asl-timestamp": "an RFC 3339 timestamp with an uppercase T and Z or an offset",
};
const TYPE_WORDS: Readonly<Record<string, string>> = {
  string: "a string",
  integer: "an integer",
  number: "a number",
  boolean: "a boolean",
  object: "an object",
  array: "an array",
  null: "null",
};

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function normalize(e: ErrorObject): SchemaError {
  const params: JsonObject = { ...e.params };
  const parent: unknown = e.parentSchema;
  return {
    keyword: e.keyword,
    pointer: e.instancePath,
    schemaPath: e.schemaPath,
    params,
    parent: isJsonObject(parent) ? parent : {},
    data: e.data,
    message: e.message ?? e.keyword,
  };
}

/** Does `sub` come from inside the group error `group` (an anyOf/oneOf branch, or the then/else of an if)? */
function isInside(sub: SchemaError, group: SchemaError): boolean {
  if (sub.pointer !== group.pointer && !sub.pointer.startsWith(group.pointer + "/")) return false;
  if (group.keyword !== "if") return sub.schemaPath.startsWith(group.schemaPath + "/");
  const base = group.schemaPath.slice(0, -"if".length);
  return sub.schemaPath.startsWith(base + "then/") || sub.schemaPath.startsWith(base + "else/");
}

/**
 * For each error, the index of the innermost group error (anyOf/oneOf/if) it belongs to. ajv reports a group's
 * sub-errors immediately before the group's own error, so each group claims the contiguous run before it.
 */
function groupOwners(errors: readonly SchemaError[]): Array<number | undefined> {
  const owners: Array<number | undefined> = errors.map(() => undefined);
  errors.forEach((group, g) => {
    if (!GROUP_KEYWORDS.has(group.keyword)) return;
    for (let j = g - 1; j >= 0; j--) {
      const sub = errors[j] as SchemaError;
      if (!isInside(sub, group)) break;
      owners[j] ??= g;
    }
  });
  return owners;
}

function ancestors(index: number, owners: ReadonlyArray<number | undefined>): number[] {
  const chain: number[] = [];
  for (let owner = owners[index]; owner !== undefined; owner = owners[owner]) chain.push(owner);
  return chain;
}

/** What a value must be, in words: the enclosing if/then/else's x-expected, the schema's own, or its JSON types. */
function expectedWords(e: SchemaError, groupExpectation: string | undefined): string {
  const own = e.parent["x-expected"];
  if (groupExpectation !== undefined) return groupExpectation;
  if (typeof own === "string") return own;
  const type = e.keyword === "type" ? e.params["type"] : e.parent["type"];
  const types = Array.isArray(type) ? type.map(String) : typeof type === "string" ? type.split(",") : [];
  if (types.length > 0) return types.map((t) => TYPE_WORDS[t] ?? t).join(" or ");
  return e.message;
}

const COMPARISONS: Readonly<Record<string, string>> = { minimum: "≥", maximum: "≤", exclusiveMinimum: ">", exclusiveMaximum: "<" };

/** A range problem in words: `must be ≥ 0, got -1`, `must not be empty`. */
function rangeWords(e: SchemaError): string {
  const limit = e.params["limit"];
  const comparison = COMPARISONS[e.keyword];
  if (comparison !== undefined) return `must be ${comparison} ${String(limit)}, got ${showValue(e.data)}`;
  if (e.keyword === "minItems" && limit === 1) return "must not be empty";
  return `${e.message}, got ${showValue(e.data)}`; // not used by the schema today: ajv's own words
}

const RANGE_KEYWORDS = new Set([...Object.keys(COMPARISONS), "minItems", "maxItems", "minLength", "maxLength", "minProperties", "maxProperties"]);

function article(words: string): string {
  return /^[AEIOUaeiou]/.test(words) ? `an ${words}` : `a ${words}`;
}

function orList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} or ${items[items.length - 1] as string}`;
}

function family(kind: string): string {
  if (kind.endsWith(" state")) return "state";
  if (kind.endsWith("Choice rule")) return "rule";
  if (kind === "state machine" || kind === "Parallel branch" || kind === "ItemProcessor" || kind === "Iterator") return "scope";
  return kind;
}

class Translator {
  readonly findings: Finding[] = [];
  private readonly where: Locator;

  constructor(
    definition: unknown,
    private readonly facts: SchemaFacts,
  ) {
    this.where = new Locator(definition, facts.stateTypes);
  }

  private push(code: string, pointer: string, message: string, extra: Partial<Finding> & { key?: boolean; state?: string; hint?: string } = {}): void {
    const { missing, suggested, key, state, hint } = extra;
    const diagnostic: Diagnostic = { code, severity: "error", message, location: key ? { pointer, key: true } : { pointer } };
    if (state !== undefined) diagnostic.state = state;
    if (hint !== undefined) diagnostic.hint = hint;
    this.findings.push({ diagnostic, ...(missing !== undefined ? { missing } : {}), ...(suggested !== undefined ? { suggested } : {}) });
  }

  /** A problem with the value at `e.pointer` (wrong type, range, format, enumeration). */
  private value(code: string, e: SchemaError, words: string): void {
    const field = this.where.field(e.pointer);
    const subject = field.label === undefined ? field.subject : `${field.subject}: "${field.label}"`;
    const separator = field.label === undefined ? ": " : " ";
    this.push(code, e.pointer, `${subject}${separator}${words}`, field.state !== undefined ? { state: field.state } : {});
  }

  missing(objectPointer: string, fields: readonly string[]): void {
    const where = this.where.object(objectPointer);
    const first = fields[0] as string;
    const alternatives = fields.slice(1).map((f) => ` (or "${f}")`).join("");
    this.push("ASL010", objectPointer, `${where.subject}: missing required field "${first}"${alternatives}`, {
      missing: first,
      ...(where.state !== undefined ? { state: where.state } : {}),
    });
  }

  unknown(e: SchemaError): void {
    const name = String(e.params["additionalProperty"]);
    const kind = typeof e.parent["x-kind"] === "string" ? e.parent["x-kind"] : "object";
    const where = this.where.object(e.pointer);
    const pointer = childPointer(e.pointer, name);
    const state = where.state !== undefined ? { state: where.state } : {};
    const homes = [...this.facts.fieldsByKind].filter(([k, fields]) => k !== kind && fields.includes(name)).map(([k]) => k);
    if (homes.length > 0) {
      const siblings = homes.filter((k) => family(k) === family(kind));
      this.push("ASL011", pointer, `${where.subject}: "${name}" is not a field of ${article(kind)}${siblings.length > 0 ? `; it belongs in ${this.homeWords(siblings)}` : ""}`, { key: true, ...state });
      return;
    }
    const properties = e.parent["properties"];
    const suggestion = closest(name, isJsonObject(properties) ? Object.keys(properties) : []);
    const mean = suggestion !== undefined ? ` — did you mean "${suggestion}"?` : "";
    this.push("ASL011", pointer, `${where.subject}: unknown field "${name}"${mean}`, { key: true, ...state, ...(suggestion !== undefined ? { suggested: suggestion } : {}) });
  }

  private homeWords(kinds: readonly string[]): string {
    if (kinds.every((k) => family(k) === "state")) return article(`${orList(kinds.map((k) => k.slice(0, -" state".length)))} state`);
    return orList(kinds.map((k) => (k === "state machine" ? "the top level of the state machine" : article(k))));
  }

  stateType(e: SchemaError): void {
    const types = this.facts.stateTypes;
    const valid = `(valid types: ${types.join(", ")})`;
    const where = this.where.object(e.pointer);
    const state = where.state !== undefined ? { state: where.state } : {};
    const tag = e.params["tagValue"];
    if (e.params["error"] === "mapping" && typeof tag === "string") {
      const suggestion = closest(tag, types);
      const mean = suggestion !== undefined ? ` — did you mean "${suggestion}"?` : "";
      this.push("ASL016", childPointer(e.pointer, "Type"), `${where.subject}: unknown state type ${JSON.stringify(tag)}${mean} ${valid}`, state);
    } else if (tag === undefined) {
      this.push("ASL016", e.pointer, `${where.subject}: missing required field "Type" ${valid}`, state);
    } else {
      this.push("ASL016", childPointer(e.pointer, "Type"), `${where.subject}: "Type" must be a string naming the state type, got ${showTyped(tag)} ${valid}`, state);
    }
  }

  /** A single (non-group) error; `groupExpectation` is the x-expected of the enclosing if/then/else, if any. */
  leaf(e: SchemaError, groupExpectation: string | undefined): void {
    switch (e.keyword) {
      case "required":
        return this.missing(e.pointer, [String(e.params["missingProperty"])]);
      case "additionalProperties":
        return this.unknown(e);
      case "discriminator":
        return this.stateType(e);
      case "format": {
        const format = String(e.params["format"]);
        return this.value("ASL015", e, `must be ${FORMAT_WORDS[format] ?? `in the ${format} format`}, got ${showValue(e.data)}`);
      }
      case "enum":
      case "const": {
        const allowed: unknown[] = e.keyword === "enum" ? (Array.isArray(e.params["allowedValues"]) ? e.params["allowedValues"] : []) : [e.params["allowedValue"]];
        const list = allowed.length === 1 ? showValue(allowed[0]) : `one of ${allowed.map(showValue).join(", ")}`;
        const suggestion = typeof e.data === "string" ? closest(e.data, allowed.filter((a): a is string => typeof a === "string")) : undefined;
        const mean = suggestion !== undefined ? ` — did you mean "${suggestion}"?` : "";
        return this.value("ASL013", e, `must be ${list}, got ${showValue(e.data)}${mean}`);
      }
      case "type":
        if (e.pointer === "") return this.value("ASL012", e, `the definition must be a JSON object, got ${showTyped(e.data)}`);
        if (e.parent["discriminator"] !== undefined) return this.stateNotObject(e);
        return this.value("ASL012", e, `must be ${expectedWords(e, groupExpectation)}, got ${showTyped(e.data)}`);
      default:
        if (RANGE_KEYWORDS.has(e.keyword)) return this.value("ASL014", e, rangeWords(e));
        return this.value("ASL012", e, `must be ${expectedWords(e, groupExpectation)}, got ${showTyped(e.data)}`);
    }
  }

  private stateNotObject(e: SchemaError): void {
    const segments = parsePointer(e.pointer);
    const name = segments[segments.length - 1] as string;
    const scopeFields = this.facts.fieldsByKind.get("state machine") ?? [];
    const hint = scopeFields.includes(name) ? `"${name}" belongs next to "States", not inside it` : undefined;
    this.push("ASL012", e.pointer, `State ${JSON.stringify(name)}: a state must be a JSON object, got ${showTyped(e.data)}`, {
      state: name,
      ...(hint !== undefined ? { hint } : {}),
    });
  }

  /** One diagnostic for a failed anyOf/oneOf, from the errors of its branches. */
  alternatives(group: SchemaError, members: readonly SchemaError[]): void {
    if (members.length > 0 && members.every((m) => m.keyword === "required" && m.pointer === group.pointer)) {
      return this.missing(group.pointer, members.map((m) => String(m.params["missingProperty"])));
    }
    const branches = new Map<string, SchemaError[]>();
    for (const m of members) {
      const branch = m.schemaPath.slice(group.schemaPath.length + 1).split("/")[0] ?? "";
      branches.set(branch, [...(branches.get(branch) ?? []), m]);
    }
    for (const errors of branches.values()) {
      if (errors.every((m) => m.pointer === group.pointer && COMPARISONS[m.keyword] !== undefined)) {
        return this.value("ASL014", group, rangeWords(errors[0] as SchemaError));
      }
    }
    const expected = group.parent["x-expected"];
    this.value("ASL012", group, `must be ${typeof expected === "string" ? expected : group.message}, got ${showTyped(group.data)}`);
  }
}

/** Keep one finding per problem: a typo'd required field is one problem, and a wrong type makes range moot. */
function merge(findings: readonly Finding[]): Diagnostic[] {
  const suggestedAt = new Set(
    findings.filter((f) => f.suggested !== undefined).map((f) => `${parentOf(f.diagnostic.location.pointer)}\u0000${f.suggested as string}`),
  );
  const typeErrorAt = new Set(findings.filter((f) => f.diagnostic.code === "ASL012").map((f) => f.diagnostic.location.pointer));
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const f of findings) {
    const d = f.diagnostic;
    if (f.missing !== undefined && suggestedAt.has(`${d.location.pointer}\u0000${f.missing}`)) continue;
    if (d.code !== "ASL012" && VALUE_CODES.has(d.code) && typeErrorAt.has(d.location.pointer)) continue;
    const id = `${d.code}\u0000${d.location.pointer}\u0000${d.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(d);
  }
  return out;
}

function parentOf(pointer: string): string {
  return pointer.slice(0, pointer.lastIndexOf("/"));
}

/** Translate ajv's errors (from a validator compiled with `verbose: true`) into diagnostics, in document order. */
export function schemaErrorsToDiagnostics(ajvErrors: readonly ErrorObject[], definition: unknown, facts: SchemaFacts): Diagnostic[] {
  const errors = ajvErrors.map(normalize);
  const owners = groupOwners(errors);
  const translator = new Translator(definition, facts);
  errors.forEach((e, i) => {
    const chain = ancestors(i, owners).map((g) => errors[g] as SchemaError);
    if (chain.some((g) => g.keyword !== "if")) return; // reported by its anyOf/oneOf
    if (e.keyword === "if") return; // its then/else errors are reported instead
    if (e.keyword === "anyOf" || e.keyword === "oneOf") {
      const members = errors.filter((_, j) => ancestors(j, owners).includes(i));
      return translator.alternatives(e, members);
    }
    translator.leaf(e, chain.map((g) => g.parent["x-expected"]).find((x): x is string => typeof x === "string"));
  });
  return documentOrder(definition, merge(translator.findings));
}

// ── Subjects, labels and values in words ──────────────────────────────────────────────────────────

interface Where {
  /** `State machine`, `State "X" (Task)` or `State "X" (Task), Retry[0]`. */
  subject: string;
  /** The innermost state, when there is one. */
  state?: string;
}

/** Names the parts of a definition for messages, from JSON pointers. */
class Locator {
  constructor(
    private readonly root: unknown,
    private readonly stateTypes: readonly string[],
  ) {}

  /** The subject of the object at `pointer`: the innermost state plus the path from it (`Choices[1].And[0].Not`). */
  object(pointer: string): Where {
    const segments = parsePointer(pointer);
    let node: unknown = this.root;
    let scope = true; // node is a state machine, a Parallel branch or a Map processor
    let state: { name: string; type: string | undefined } | undefined;
    let parts: string[] = [];
    for (let i = 0; i < segments.length; i++) {
      const segment = segments[i] as string;
      if (scope && segment === "States" && i + 1 < segments.length) {
        const states = isJsonObject(node) ? node["States"] : undefined;
        const name = segments[i + 1] as string;
        node = isJsonObject(states) ? states[name] : undefined;
        const type = isJsonObject(node) ? node["Type"] : undefined;
        state = { name, type: typeof type === "string" && this.stateTypes.includes(type) ? type : undefined };
        parts = [];
        scope = false;
        i++;
        continue;
      }
      if (Array.isArray(node)) {
        parts.push(`${parts.pop() ?? ""}[${segment}]`);
        node = node[Number(segment)];
      } else {
        parts.push(segment);
        node = isJsonObject(node) ? node[segment] : undefined;
      }
      const only = parts.length === 1 ? (parts[0] as string) : "";
      scope = state !== undefined && (/^Branches\[\d+\]$/.test(only) || only === "ItemProcessor" || only === "Iterator");
    }
    const base = state === undefined ? "State machine" : `State ${JSON.stringify(state.name)}${state.type !== undefined ? ` (${state.type})` : ""}`;
    const subject = parts.length > 0 ? `${base}, ${parts.join(".")}` : base;
    return state === undefined ? { subject } : { subject, state: state.name };
  }

  /** The subject of the object holding the value at `pointer`, and the value's label (`Seconds`, `ErrorEquals[0]`). */
  field(pointer: string): Where & { label?: string } {
    const segments = parsePointer(pointer);
    if (segments.length === 0) return { subject: "State machine" };
    const last = segments[segments.length - 1] as string;
    const parent = getAtPointer(this.root, toPointer(segments.slice(0, -1)));
    if (Array.isArray(parent) && segments.length >= 2) {
      return { ...this.object(toPointer(segments.slice(0, -2))), label: `${segments[segments.length - 2] as string}[${last}]` };
    }
    return { ...this.object(toPointer(segments.slice(0, -1))), label: last };
  }
}

const SHOWN_LENGTH = 60;

/** A value as JSON text, shortened: `"ten"`, `-1`, `{"a":1}`. */
function showValue(value: unknown): string {
  if (value === undefined) return "nothing";
  const text = JSON.stringify(value);
  return text.length > SHOWN_LENGTH ? `${text.slice(0, SHOWN_LENGTH)}…` : text;
}

/** A value with its JSON type, for type errors: `string "ten"`, `number 3.5`, `null`, `an object`. */
function showTyped(value: unknown): string {
  if (value === null || value === undefined) return showValue(value);
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  return `${typeof value} ${showValue(value)}`;
}

/** Sort diagnostics in document order (object members in key order, array items by index); stable otherwise. */
function documentOrder(root: unknown, diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const keyOf = (pointer: string): number[] => {
    const key: number[] = [];
    let node: unknown = root;
    for (const segment of parsePointer(pointer)) {
      if (Array.isArray(node)) {
        key.push(Number(segment));
        node = node[Number(segment)];
      } else if (isJsonObject(node)) {
        const index = Object.keys(node).indexOf(segment);
        key.push(index < 0 ? Number.MAX_SAFE_INTEGER : index);
        node = node[segment];
      } else break;
    }
    return key;
  };
  const compare = (a: readonly number[], b: readonly number[]): number => {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const diff = (a[i] as number) - (b[i] as number);
      if (diff !== 0) return diff;
    }
    return a.length - b.length;
  };
  return diagnostics
    .map((d, index) => ({ d, index, key: keyOf(d.location.pointer) }))
    .sort((x, y) => compare(x.key, y.key) || x.index - y.index)
    .map((x) => x.d);
}
