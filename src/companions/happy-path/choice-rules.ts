import { evaluateChoiceRule } from "../../runtime/choice.js";
import { StatesError } from "../../runtime/errors.js";
import type { PathRoots } from "../../runtime/types.js";
import { assignSteps, demandSteps, locateSteps, parseJsonPath, pathSteps, removeSteps, rootDocument, rootSlot } from "./paths.js";
import { EXAMPLE_TIMESTAMP, type LeafKind, type World } from "./world.js";

/**
 * Steering a JSONPath Choice rule (ASL-6.3): make the rule evaluate to `want` by choosing the values its Variable (and
 * a `…Path` operand) read, where the plan holds them. Candidate values are derived from the rule's own operand (equal,
 * just above, just below, …) and each is checked with the runtime's evaluator, so the verdict is the runtime's.
 * Changes are left in place on success; the caller rolls back on failure.
 */
export function satisfyRule(world: World, rule: Readonly<Record<string, unknown>>, want: boolean, roots: PathRoots): boolean {
  if (evaluates(rule, roots) === want) return true;
  const and = rule["And"];
  const or = rule["Or"];
  if (Array.isArray(and) || Array.isArray(or)) {
    const rules = ((and ?? or) as unknown[]).filter(isRule);
    const all = Array.isArray(and) === want;
    // And → true / Or → false: every rule; And → false / Or → true: one of them (the first that can be made so).
    if (all) return rules.every((r) => satisfyRule(world, r, want, roots));
    for (const r of rules) {
      const mark = world.mark();
      if (satisfyRule(world, r, want, roots) && evaluates(rule, roots) === want) return true;
      world.rollback(mark);
    }
    return evaluates(rule, roots) === want;
  }
  if (isRule(rule["Not"])) return satisfyRule(world, rule["Not"], !want, roots);
  return satisfyDataTest(world, rule, want, roots);
}

function isRule(value: unknown): value is Readonly<Record<string, unknown>> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
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

const COMPARISON = /^(String|Numeric|Boolean|Timestamp)(Equals|LessThan|GreaterThan|LessThanEquals|GreaterThanEquals)(Path)?$/;

function satisfyDataTest(world: World, rule: Readonly<Record<string, unknown>>, want: boolean, roots: PathRoots): boolean {
  const variable = rule["Variable"];
  const operator = Object.keys(rule).find((k) => k !== "Variable");
  if (typeof variable !== "string" || operator === undefined) return false;
  const path = parseJsonPath(variable);
  if (path === undefined) return false;
  const { root, steps, rest } = pathSteps(path);
  const document = rootDocument(root, roots);
  const slot = rootSlot(root, roots);
  const definite = rest === undefined && steps.length === path.segments.length && path.fn === null;
  const operand = rule[operator];
  if (operator === "IsPresent") {
    if (evaluates(rule, roots) === want) return true;
    if (!definite) return false;
    const present = operand === want;
    if (present) demandSteps(world, document, steps, "any", slot);
    else removeSteps(world, document, steps);
    return evaluates(rule, roots) === want;
  }
  if (!definite) return evaluates(rule, roots) === want;
  for (const candidate of candidates(world, operator, operand, roots)) {
    const mark = world.mark();
    const current = locateSteps(document, steps);
    if (current === undefined || !Object.is(current.value, candidate)) {
      if (!assignSteps(world, document, steps, candidate, slot)) {
        world.rollback(mark);
        continue;
      }
    }
    if (evaluates(rule, roots) === want) return true;
    world.rollback(mark);
  }
  return evaluates(rule, roots) === want;
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
