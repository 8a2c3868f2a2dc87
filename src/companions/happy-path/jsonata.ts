import jsonata from "jsonata";
import type { BinaryNode, ExprNode, FunctionNode, PathNode, Stage } from "../../jsonata/expression.js";
import { parseJsonata } from "../../jsonata/expression.js";
import { AWS_FUNCTIONS } from "../../runtime/jsonata/functions.js";
import { assignSteps, demandSteps, locateSteps, removeSteps } from "./paths.js";
import type { LeafKind, Slot, Step, World } from "./world.js";

/**
 * JSONata fields (ASL-3.2) in the planner: the paths an expression reads (`$states.input.a.b`, `$states.result.x`,
 * `$var.y`) are made to resolve with a value of the kind their use suggests (arithmetic → a number, `$count` → an
 * array, a comparison with a literal → that literal's type), and Choice conditions are steered like JSONPath rules.
 * Expressions are evaluated with jsonata itself, without the runtime's JSON copy, so a selected value stays the
 * plan's object and later demands reach it.
 */

/** What an expression can read besides literals: `$states` and the workflow variables. */
export interface JsonataRoots {
  states: Readonly<Record<string, unknown>>;
  variables: Readonly<Record<string, unknown>>;
}

/** A JSONata expression that failed or gave nothing (the runtime raises States.QueryEvaluationError). */
export class JsonataFailure extends Error {
  override readonly name = "States.QueryEvaluationError";
}

export function expressionBodyOf(value: unknown): string | undefined {
  return typeof value === "string" && value.startsWith("{%") && value.endsWith("%}") && value.length >= 4 ? value.slice(2, -2) : undefined;
}

const compiled = new Map<string, jsonata.Expression>();

function compile(body: string): jsonata.Expression {
  let expression = compiled.get(body);
  if (expression === undefined) {
    expression = jsonata(body);
    for (const f of AWS_FUNCTIONS) expression.registerFunction(f.name, f.implementation as (...args: unknown[]) => unknown, f.signature);
    compiled.set(body, expression);
  }
  return expression;
}

/**
 * Evaluate a JSONata field value: `{% %}` strings are expressions, anything else is copied as written. A member that
 * is exactly a path (`{% $states.input.a %}`) is tied to where it was read from (World.link), and the result of
 * `$merge([$states.input, …])` is registered as a copy of its first object.
 */
export async function evaluateField(world: World, value: unknown, roots: JsonataRoots): Promise<unknown> {
  const body = expressionBodyOf(value);
  if (body !== undefined) {
    let result: unknown;
    try {
      result = await compile(body).evaluate(undefined, { ...roots.variables, states: roots.states, eval: undefined });
    } catch (error) {
      throw new JsonataFailure(`the expression ${JSON.stringify(body)} failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`);
    }
    if (result === undefined) throw new JsonataFailure(`the expression ${JSON.stringify(body)} gave no value`);
    const merged = mergedSource(body, roots);
    if (merged !== undefined) world.registerCopy(result, merged);
    return result;
  }
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) out.push(await evaluateField(world, item, roots));
    return out;
  }
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(value)) {
      Object.defineProperty(out, key, { value: await evaluateField(world, member, roots), enumerable: true, writable: true, configurable: true });
      const source = memberSource(world, member, roots);
      if (source !== undefined) world.link(out, key, source);
    }
    return out;
  }
  return value;
}

/** Where a member that is exactly a path read its value from. */
function memberSource(world: World, member: unknown, roots: JsonataRoots): Slot | undefined {
  const body = expressionBodyOf(member);
  const parsed = body === undefined ? undefined : parseJsonata(body);
  if (parsed === undefined || !parsed.ok) return undefined;
  const rooted = rootedPath(parsed.ast, roots);
  if (rooted === undefined || rooted.more) return undefined;
  return rooted.steps.length === 0 ? world.holderOf(rooted.document) : locateSteps(rooted.document, rooted.steps)?.slot;
}

/** `$merge([<path>, …])`: the object the path reads, whose members the result copies. */
function mergedSource(body: string, roots: JsonataRoots): unknown {
  const parsed = parseJsonata(body);
  if (!parsed.ok) return undefined;
  const node = parsed.ast;
  if (node.type !== "function" || node.procedure.type !== "variable" || node.procedure.value !== "merge") return undefined;
  const [array] = node.arguments;
  if (array?.type !== "unary" || array.value !== "[") return undefined;
  const [first] = array.expressions;
  const rooted = first === undefined ? undefined : rootedPath(first, roots);
  if (rooted === undefined || rooted.more) return undefined;
  return locateSteps(rooted.document, rooted.steps)?.value;
}

// ── demands ─────────────────────────────────────────────────────────────────────────────────────────

/** The kinds of the arguments of the functions whose arguments need one (JSONata's built-ins and AWS's). */
const FUNCTION_ARGUMENTS: Readonly<Record<string, readonly LeafKind[]>> = {
  count: ["array"], sum: ["array"], max: ["array"], min: ["array"], average: ["array"], reverse: ["array"], sort: ["array"],
  distinct: ["array"], shuffle: ["array"], join: ["array", "string"], filter: ["array"], map: ["array"], reduce: ["array"], single: ["array"],
  zip: ["array", "array"], merge: ["array"], partition: ["array", "integer"], range: ["integer", "integer", "integer"],
  length: ["string"], substring: ["string", "number", "number"], substringBefore: ["string", "string"], substringAfter: ["string", "string"],
  uppercase: ["string"], lowercase: ["string"], trim: ["string"], pad: ["string", "number", "string"], contains: ["string"],
  split: ["string"], replace: ["string"], match: ["string"], base64encode: ["string"], base64decode: ["base64"],
  encodeUrlComponent: ["string"], encodeUrl: ["string"], decodeUrlComponent: ["string"], decodeUrl: ["string"],
  number: ["number"], abs: ["number"], floor: ["number"], ceil: ["number"], round: ["number"], power: ["number", "number"], sqrt: ["number"],
  formatNumber: ["number", "string"], formatBase: ["number"], formatInteger: ["number", "string"], fromMillis: ["number"],
  toMillis: ["timestamp"], keys: ["object"], lookup: ["object", "string"], spread: ["object"], each: ["object"], sift: ["object"],
  parse: ["json-text"], hash: ["string", "hash-algorithm"],
};

/** Functions whose argument need not exist. */
const NO_DEMAND = new Set(["exists", "type", "boolean", "not"]);

/** A read of `$states.<member>…` or `$var…` as steps from its root document. */
export interface RootedPath {
  document: unknown;
  /** For a workflow variable: its slot among the variables. */
  slot?: Slot;
  steps: Step[];
  /** The path goes on past `steps` (filters, wildcards…): the last step must be an array. */
  more: boolean;
}

/** The root document and definite steps of a path node, if it starts at `$states.<member>` or a workflow variable. */
export function rootedPath(node: ExprNode, roots: JsonataRoots): RootedPath | undefined {
  const steps = node.type === "path" ? node.steps : node.type === "variable" ? [node] : undefined;
  if (steps === undefined) return undefined;
  const [first, ...rest] = steps;
  if (first?.type !== "variable" || first.value === "" || first.value === "$") return undefined;
  let document: unknown;
  let slot: Slot | undefined;
  let names: readonly ExprNode[];
  const out: Step[] = [];
  let filters: readonly Stage[];
  if (first.value === "states") {
    const member = rest[0];
    if (member?.type !== "name") return undefined;
    document = roots.states[member.value];
    names = rest.slice(1);
    // `$states.result[1]`: the filter of the member step indexes the member's value.
    filters = member.stages ?? [];
  } else {
    if (!Object.hasOwn(roots.variables, first.value)) return undefined;
    document = roots.variables[first.value];
    slot = { parent: roots.variables as Record<string, unknown>, key: first.value };
    names = rest;
    // `$items[0]` (alone) or `$items[0].id` (the first step of a path).
    filters = first.predicate ?? first.stages ?? [];
  }
  const base = slot === undefined ? { document } : { document, slot };
  // A filter on the root value itself that is not an index (`$states.input[x > 1]`) says nothing of its shape.
  if (!indexes(filters, out)) return undefined;
  for (const step of names) {
    if (step.type !== "name") return { ...base, steps: out, more: true };
    out.push(step.value);
    if (!indexes(step.stages ?? [], out)) return { ...base, steps: out, more: true };
  }
  return { ...base, steps: out, more: false };
}

/**
 * The stages of a step as array indexes: only a single non-negative integer filter (`[1]`) is one. False for anything
 * else (a predicate, several filters, an index binding): the path is no longer definite.
 */
function indexes(stages: readonly Stage[], out: Step[]): boolean {
  if (stages.length === 0) return true;
  const [stage] = stages;
  if (stages.length === 1 && stage?.type === "filter" && stage.expr.type === "number" && Number.isInteger(stage.expr.value) && stage.expr.value >= 0) {
    out.push(stage.expr.value);
    return true;
  }
  return false;
}

/** Make every path a field value's expressions read resolve (see the module comment). */
export function demandField(world: World, value: unknown, roots: JsonataRoots, kind: LeafKind = "any"): void {
  const body = expressionBodyOf(value);
  if (body !== undefined) {
    const parsed = parseJsonata(body);
    if (parsed.ok) demandNode(world, parsed.ast, roots, kind);
    return;
  }
  if (Array.isArray(value)) for (const item of value) demandField(world, item, roots, kind);
  else if (value !== null && typeof value === "object") for (const member of Object.values(value)) demandField(world, member, roots, kind);
}

const ARITHMETIC = new Set(["+", "-", "*", "/", "%"]);
const COMPARISON = new Set(["=", "!=", "<", "<=", ">", ">="]);

function demandNode(world: World, node: ExprNode, roots: JsonataRoots, kind: LeafKind | undefined): void {
  switch (node.type) {
    case "path":
    case "variable": {
      const rooted = rootedPath(node, roots);
      if (rooted !== undefined) demandSteps(world, rooted.document, rooted.steps, rooted.more ? "array" : (kind ?? "any"), rooted.slot, true);
      if (node.type === "path") for (const step of node.steps.slice(1)) demandStages(world, step, roots);
      return;
    }
    case "binary":
      demandBinary(world, node, roots);
      return;
    case "function":
    case "partial":
      demandCall(world, node, roots);
      return;
    case "unary":
      if (node.value === "-") demandNode(world, node.expression, roots, "number");
      else if (node.value === "[") for (const e of node.expressions) demandNode(world, e, roots, "any");
      else for (const [k, v] of node.lhs) {
        demandNode(world, k, roots, "string");
        demandNode(world, v, roots, "any");
      }
      return;
    case "condition":
      demandNode(world, node.condition, roots, undefined);
      demandNode(world, node.then, roots, kind);
      if (node.else !== undefined) demandNode(world, node.else, roots, kind);
      return;
    case "block":
      for (const e of node.expressions) demandNode(world, e, roots, kind);
      return;
    case "bind":
      demandNode(world, node.rhs, roots, "any");
      return;
    case "apply":
      demandNode(world, node.lhs, roots, "any");
      demandNode(world, node.rhs, roots, undefined);
      return;
    case "lambda":
      demandNode(world, node.body, roots, undefined);
      return;
    default:
      return;
  }
}

function demandStages(world: World, step: ExprNode, roots: JsonataRoots): void {
  for (const stage of step.stages ?? []) if (stage.type === "filter") demandNode(world, stage.expr, roots, undefined);
}

function demandBinary(world: World, node: BinaryNode, roots: JsonataRoots): void {
  if (ARITHMETIC.has(node.value) || node.value === "..") {
    demandNode(world, node.lhs, roots, "number");
    demandNode(world, node.rhs, roots, "number");
  } else if (COMPARISON.has(node.value)) {
    demandNode(world, node.lhs, roots, literalKind(node.rhs));
    demandNode(world, node.rhs, roots, literalKind(node.lhs));
  } else if (node.value === "in") {
    demandNode(world, node.lhs, roots, "any");
    demandNode(world, node.rhs, roots, "array");
  } else {
    demandNode(world, node.lhs, roots, node.value === "&" ? "any" : undefined);
    demandNode(world, node.rhs, roots, node.value === "&" ? "any" : undefined);
  }
}

function demandCall(world: World, node: FunctionNode, roots: JsonataRoots): void {
  const name = node.procedure.type === "variable" ? node.procedure.value : undefined;
  if (name !== undefined && NO_DEMAND.has(name)) {
    for (const arg of node.arguments) if (arg.type !== "path" && arg.type !== "variable") demandNode(world, arg, roots, undefined);
    return;
  }
  const kinds = name === undefined ? undefined : FUNCTION_ARGUMENTS[name];
  for (const [i, arg] of node.arguments.entries()) demandNode(world, arg, roots, kinds?.[i] ?? "any");
}

function literalKind(node: ExprNode): LeafKind | undefined {
  if (node.type === "string") return "string";
  if (node.type === "number") return "number";
  if (node.type === "value" && typeof node.value === "boolean") return "boolean";
  return undefined;
}

// ── Choice conditions ───────────────────────────────────────────────────────────────────────────────

/**
 * Steer a Choice Condition (ASL-6.3, JSONata) towards `want`. Knows `and`, `or`, `$not`, comparisons of a path with
 * a literal (or another path), `in`, `$exists`, `$contains` and bare paths (truthiness); the caller checks the result
 * by evaluating the whole condition.
 */
export function steerCondition(world: World, condition: unknown, want: boolean, roots: JsonataRoots): void {
  const body = expressionBodyOf(condition);
  if (body === undefined) return;
  const parsed = parseJsonata(body);
  if (parsed.ok) steer(world, parsed.ast, want, roots);
}

function steer(world: World, node: ExprNode, want: boolean, roots: JsonataRoots): boolean {
  if (node.type === "binary" && (node.value === "and" || node.value === "or")) {
    const all = (node.value === "and") === want;
    if (all) return steer(world, node.lhs, want, roots) && steer(world, node.rhs, want, roots);
    return steer(world, node.lhs, want, roots) || steer(world, node.rhs, want, roots);
  }
  if (node.type === "block" && node.expressions.length === 1) return steer(world, node.expressions[0] as ExprNode, want, roots);
  if (node.type === "function") {
    const name = node.procedure.type === "variable" ? node.procedure.value : "";
    const [first, second] = node.arguments;
    if (name === "not" && first !== undefined) return steer(world, first, !want, roots);
    if (name === "exists" && first !== undefined) {
      const rooted = rootedPath(first, roots);
      if (rooted === undefined || rooted.more) return false;
      return want ? demandSteps(world, rooted.document, rooted.steps, "any", rooted.slot) !== undefined : removeSteps(world, rooted.document, rooted.steps);
    }
    if (name === "contains" && first !== undefined && second?.type === "string") {
      return tryValues(world, first, want ? [second.value] : [""], roots);
    }
    return false;
  }
  if (node.type === "binary" && COMPARISON.has(node.value)) return steerComparison(world, node, want, roots);
  if (node.type === "binary" && node.value === "in" && node.rhs.type === "unary" && node.rhs.value === "[") {
    const options = node.rhs.expressions.map(literalValue).filter((v) => v !== undefined);
    return tryValues(world, node.lhs, want ? options : ["none-of-these", -1], roots);
  }
  if (node.type === "path" || node.type === "variable") return tryValues(world, node, [want], roots);
  return false;
}

function literalValue(node: ExprNode): unknown {
  if (node.type === "string" || node.type === "number") return node.value;
  if (node.type === "value") return node.value;
  return undefined;
}

function steerComparison(world: World, node: BinaryNode, want: boolean, roots: JsonataRoots): boolean {
  const lhs = unconverted(node.lhs);
  const rhs = unconverted(node.rhs);
  const pathSide = isPathNode(lhs) ? lhs : isPathNode(rhs) ? rhs : undefined;
  if (pathSide === undefined) return false;
  const other = pathSide === lhs ? rhs : lhs;
  let target = literalValue(other);
  if (target === undefined && isPathNode(other)) {
    const rooted = rootedPath(other, roots);
    if (rooted !== undefined && !rooted.more) target = locateSteps(rooted.document, rooted.steps)?.value;
  }
  const flipped = pathSide === rhs;
  const operator = flipped ? flip(node.value) : node.value;
  const values = candidatesFor(target).filter((v) => compare(v, operator, target) === want);
  return tryValues(world, pathSide, values, roots);
}

/**
 * `$number(path)` / `$string(path)`: a number (a string) passes through unchanged, so the comparison can be steered by
 * giving the path a value of that type.
 */
function unconverted(node: ExprNode): ExprNode {
  if (node.type !== "function" || node.procedure.type !== "variable" || node.arguments.length !== 1) return node;
  const [arg] = node.arguments;
  return (node.procedure.value === "number" || node.procedure.value === "string") && arg !== undefined && isPathNode(arg) ? arg : node;
}

function isPathNode(node: ExprNode): node is PathNode {
  return node.type === "path" || node.type === "variable";
}

function flip(operator: string): string {
  return ({ "<": ">", ">": "<", "<=": ">=", ">=": "<=" } as Record<string, string>)[operator] ?? operator;
}

function candidatesFor(target: unknown): unknown[] {
  if (typeof target === "number") return [target, target + 1, target - 1, 0];
  if (typeof target === "string") return [target, `${target}z`, "", target.slice(0, -1)];
  if (typeof target === "boolean") return [target, !target];
  if (target === null) return [null, "value"];
  return ["value", 1, true];
}

/** JSONata's comparison of two primitives (T2009/T2010 cases count as false). */
function compare(a: unknown, operator: string, b: unknown): boolean {
  if (operator === "=") return Object.is(a, b) || a === b;
  if (operator === "!=") return !(Object.is(a, b) || a === b);
  if (!((typeof a === "number" && typeof b === "number") || (typeof a === "string" && typeof b === "string"))) return false;
  switch (operator) {
    case "<":
      return a < b;
    case "<=":
      return a <= b;
    case ">":
      return a > b;
    default:
      return a >= b;
  }
}

/** Give the path the first of `values` the plan can hold. */
function tryValues(world: World, node: ExprNode, values: readonly unknown[], roots: JsonataRoots): boolean {
  const rooted = rootedPath(node, roots);
  if (rooted === undefined || rooted.more) return false;
  for (const value of values) {
    const mark = world.mark();
    if (assignSteps(world, rooted.document, rooted.steps, value, rooted.slot)) return true;
    world.rollback(mark);
  }
  return false;
}
