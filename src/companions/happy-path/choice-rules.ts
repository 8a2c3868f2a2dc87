import { evaluateChoiceRule } from "../../runtime/choice.js";
import { StatesError } from "../../runtime/errors.js";
import type { PathRoots } from "../../runtime/types.js";
import { assignSteps, demandSteps, locateSteps, parseJsonPath, pathSteps, removeSteps, rootDocument, rootSlot } from "./paths.js";
import { EXAMPLE_TIMESTAMP, type LeafKind, type World } from "./world.js";

/**
 * Steering a JSONPath Choice rule (ASL-6.3): make the rule evaluate to `want` by choosing the values its Variable (and
 * a `…Path` operand) read, where the plan holds them. Candidate values are derived from the rule's own operands (equal,
 * just above, just below, …), pooled across every test of the rule on the same Variable, and each is checked with the
 * runtime's evaluator, so the verdict is the runtime's. The tests of an And (Or, for false) are satisfied together by
 * a bounded backtracking search: a value chosen for one test that another cannot live with is undone and the next
 * candidate tried. Changes are left in place on success; the caller rolls back on failure.
 */
export function satisfyRule(world: World, rule: Readonly<Record<string, unknown>>, want: boolean, roots: PathRoots): boolean {
  const search: Search = { world, roots, pool: new Map(), budget: SEARCH_BUDGET };
  poolCandidates(search, rule);
  for (const _ of ways(search, rule, want)) return true;
  return false;
}

/** Candidate values tried per Choice rule before the search gives up. */
const SEARCH_BUDGET = 4000;

interface Search {
  world: World;
  roots: PathRoots;
  /** Candidate values by Variable path, from every test of the rule on that Variable. */
  pool: Map<string, unknown[]>;
  budget: number;
}

function isRule(value: unknown): value is Readonly<Record<string, unknown>> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function subRules(rule: Readonly<Record<string, unknown>>): Array<Readonly<Record<string, unknown>>> {
  const list = rule["And"] ?? rule["Or"];
  if (Array.isArray(list)) return list.filter(isRule);
  return isRule(rule["Not"]) ? [rule["Not"]] : [];
}

function poolCandidates(search: Search, rule: Readonly<Record<string, unknown>>): void {
  for (const sub of subRules(rule)) poolCandidates(search, sub);
  const variable = rule["Variable"];
  const operator = Object.keys(rule).find((k) => k !== "Variable");
  if (typeof variable !== "string" || operator === undefined) return;
  const pooled = search.pool.get(variable) ?? [];
  search.pool.set(variable, unique([...pooled, ...candidates(search.world, operator, rule[operator], search.roots)]));
}

/**
 * Each way of making `rule` evaluate to `want`, one after the other: the changes of a way are in place while it is
 * yielded, and undone before the next is tried.
 */
function* ways(search: Search, rule: Readonly<Record<string, unknown>>, want: boolean): Generator<void> {
  const and = rule["And"];
  const or = rule["Or"];
  if (Array.isArray(and) || Array.isArray(or)) {
    const rules = ((and ?? or) as unknown[]).filter(isRule);
    // And → true / Or → false: every rule; And → false / Or → true: one of them.
    if (Array.isArray(and) === want) {
      yield* together(search, rules, 0, want);
      return;
    }
    for (const r of rules) for (const _ of ways(search, r, want)) if (evaluates(rule, search.roots) === want) yield;
    return;
  }
  if (isRule(rule["Not"])) {
    yield* ways(search, rule["Not"], !want);
    return;
  }
  yield* dataTestWays(search, rule, want);
}

/** Ways of making `rules[from…]` all evaluate to `want` (checked again at the end: a later choice may undo an earlier). */
function* together(search: Search, rules: ReadonlyArray<Readonly<Record<string, unknown>>>, from: number, want: boolean): Generator<void> {
  const rule = rules[from];
  if (rule === undefined) {
    if (rules.every((r) => evaluates(r, search.roots) === want)) yield;
    return;
  }
  for (const _ of ways(search, rule, want)) yield* together(search, rules, from + 1, want);
}

const COMPARISON = /^(String|Numeric|Boolean|Timestamp)(Equals|LessThan|GreaterThan|LessThanEquals|GreaterThanEquals)(Path)?$/;

function* dataTestWays(search: Search, rule: Readonly<Record<string, unknown>>, want: boolean): Generator<void> {
  const { world, roots } = search;
  const variable = rule["Variable"];
  const operator = Object.keys(rule).find((k) => k !== "Variable");
  if (typeof variable !== "string" || operator === undefined) return;
  const path = parseJsonPath(variable);
  if (path === undefined) return;
  const { root, steps, rest } = pathSteps(path);
  const document = rootDocument(root, roots);
  const slot = rootSlot(root, roots);
  const definite = rest === undefined && steps.length === path.segments.length && path.fn === null;
  const operand = rule[operator];
  // As things are.
  if (evaluates(rule, roots) === want) yield;
  if (!definite) return;
  const attempt = function* (change: () => boolean, replacedRoot: unknown): Generator<void> {
    if (--search.budget < 0) return;
    const mark = world.mark();
    // The value the rule reads was replaced as a whole (an object by an array): only the next run can judge it.
    if (change() && (evaluates(rule, roots) === want || world.replaced(replacedRoot))) yield;
    world.rollback(mark);
  };
  if (operator === "IsPresent") {
    const present = operand === want;
    yield* attempt(() => (present ? demandSteps(world, document, steps, "any", slot) !== undefined : removeSteps(world, document, steps)), document);
    return;
  }
  const current = locateSteps(document, steps);
  for (const candidate of unique([...candidates(world, operator, operand, roots), ...(search.pool.get(variable) ?? [])])) {
    if (current !== undefined && Object.is(current.value, candidate)) continue;
    yield* attempt(() => assignSteps(world, document, steps, candidate, slot), document);
  }
  // `…Path`: the Variable may be fixed already; choose the operand's value around it instead.
  const m = COMPARISON.exec(operator);
  if (m?.[3] !== "Path" || typeof operand !== "string") return;
  const operandPath = parseJsonPath(operand);
  if (operandPath === undefined) return;
  const other = pathSteps(operandPath);
  if (other.rest !== undefined || other.steps.length !== operandPath.segments.length) return;
  const otherDocument = rootDocument(other.root, roots);
  const value = locateSteps(document, steps)?.value;
  const otherNow = locateSteps(otherDocument, other.steps)?.value;
  for (const candidate of unique(familyCandidates(m[1] as "String" | "Numeric" | "Boolean" | "Timestamp", value))) {
    if (Object.is(otherNow, candidate)) continue;
    yield* attempt(() => assignSteps(world, otherDocument, other.steps, candidate, rootSlot(other.root, roots)), otherDocument);
  }
}

/** The runtime's verdict; a rule that raises (a missing Variable) counts as not satisfiable. */
export function evaluates(rule: Readonly<Record<string, unknown>>, roots: PathRoots): boolean | undefined {
  try {
    return evaluateChoiceRule(rule, roots);
  } catch (error) {
    if (error instanceof StatesError) return undefined;
    throw error;
  }
}

/** Values worth trying for the Variable of a data test: each makes the test true or false for some operator. */
function candidates(world: World, operator: string, operand: unknown, roots: PathRoots): unknown[] {
  const m = COMPARISON.exec(operator);
  if (m !== null) {
    const family = m[1] as "String" | "Numeric" | "Boolean" | "Timestamp";
    const value = m[3] === "Path" ? operandValue(world, operand, family, roots) : operand;
    return unique(familyCandidates(family, value));
  }
  switch (operator) {
    case "StringMatches":
      return typeof operand === "string" ? unique([matchingText(operand), `${matchingText(operand)}\u0001`, "", "no-match"]) : [];
    case "IsNull":
      return [null, "value"];
    case "IsNumeric":
      return [1, "value"];
    case "IsString":
      return ["value", 1];
    case "IsBoolean":
      return [true, "value"];
    case "IsTimestamp":
      return [EXAMPLE_TIMESTAMP, "value"];
    default:
      return [];
  }
}

const FAMILY_KIND: Readonly<Record<string, LeafKind>> = { String: "string", Numeric: "number", Boolean: "boolean", Timestamp: "timestamp" };

/** The value a `…Path` operand reads, made to exist with a value of the operator's type first. */
function operandValue(world: World, operand: unknown, family: string, roots: PathRoots): unknown {
  if (typeof operand !== "string") return undefined;
  const path = parseJsonPath(operand);
  if (path === undefined) return undefined;
  const { root, steps, rest } = pathSteps(path);
  if (rest !== undefined) return undefined;
  const document = rootDocument(root, roots);
  demandSteps(world, document, steps, FAMILY_KIND[family] ?? "any", rootSlot(root, roots));
  return locateSteps(document, steps)?.value;
}

function familyCandidates(family: "String" | "Numeric" | "Boolean" | "Timestamp", value: unknown): unknown[] {
  switch (family) {
    case "String":
      return typeof value === "string" ? [value, `${value}z`, "", value.slice(0, -1)] : ["value", ""];
    case "Numeric":
      return typeof value === "number" ? [value, value + 1, value - 1, 0] : [1, 0];
    case "Boolean":
      return typeof value === "boolean" ? [value, !value] : [true, false];
    case "Timestamp": {
      const time = typeof value === "string" ? Date.parse(value) : Number.NaN;
      if (Number.isNaN(time)) return [EXAMPLE_TIMESTAMP];
      return [value, new Date(time + 1000).toISOString(), new Date(time - 1000).toISOString()];
    }
  }
}

/** A text a StringMatches pattern accepts: every unescaped `*` matches nothing, `\*` is a star, `\\` a backslash. */
function matchingText(pattern: string): string {
  return pattern.replace(/\\(.)|\*/g, (_m, escaped: string | undefined) => escaped ?? "");
}

function unique(values: unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const v of values) if (!out.some((o) => Object.is(o, v))) out.push(v);
  return out;
}
