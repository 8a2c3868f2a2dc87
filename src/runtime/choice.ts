/**
 * JSONPath Choice rules (ASL-6.3): `And`/`Or`/`Not` combinations and data tests (`Variable` plus one comparison
 * operator), evaluated the way AWS Step Functions does:
 *
 * - A comparison whose values are not both of the operator's type (string, number, boolean, timestamp) is **false**,
 *   never an error **[obs: the 259 `choice-operator` cases]**. This holds for the literal and the `…Path` forms alike.
 * - A `Variable` that matches nothing raises `States.Runtime`, except for `IsPresent`, which then tests false; a
 *   `…Path` operand that matches nothing raises `States.Runtime` too.
 * - `And`/`Or` evaluate their rules in order and stop as soon as the outcome is known, so
 *   `And: [{IsPresent: true}, {StringEquals: …}]` never reads a missing variable.
 *
 * Rules come from a validated definition; a rule that is malformed anyway (no operator, two operators, an `Is*` value
 * that is not a boolean…) raises `States.Runtime` rather than guessing.
 */
import { memoizeByText } from "../paths/memo.js";
import { StatesError } from "./errors.js";
import { pathExists, selectPath } from "./jsonpath.js";
import { compareInstants, isTimestamp, parseTimestamp } from "./timestamp.js";
import type { PathRoots } from "./types.js";

/** A JSONPath Choice rule as it appears in the definition (And/Or/Not or Variable + one operator). */
export type ChoiceRule = Readonly<Record<string, unknown>>;

/** Evaluate one rule against the state's effective input (after InputPath) and the context/variables. Short-circuits And/Or. */
export function evaluateChoiceRule(rule: ChoiceRule, roots: PathRoots): boolean {
  const keys = Object.keys(rule).filter((k) => k === "And" || k === "Or" || k === "Not" || OPERATORS.has(k));
  const key = keys[0];
  if (key === undefined || keys.length > 1) {
    throw malformed(rule, key === undefined ? "it has no comparison operator and no And, Or or Not" : `it has both ${keys[0]} and ${keys[1]}`);
  }
  const value = rule[key];
  if (key === "And" || key === "Or") {
    if (!Array.isArray(value)) throw malformed(rule, `${key} must be an array of rules`);
    const rules = value as readonly unknown[];
    return key === "And" ? rules.every((r) => evaluateChoiceRule(asRule(r, rule), roots)) : rules.some((r) => evaluateChoiceRule(asRule(r, rule), roots));
  }
  if (key === "Not") return !evaluateChoiceRule(asRule(value, rule), roots);
  return evaluateDataTest(rule, key, OPERATORS.get(key) as Operator, value, roots);
}

/** Index of the first matching rule in `Choices`, or -1 (the caller follows Default or raises States.NoChoiceMatched). */
export function firstMatchingChoice(choices: readonly ChoiceRule[], roots: PathRoots): number {
  return choices.findIndex((rule) => evaluateChoiceRule(rule, roots));
}

// ── operators ───────────────────────────────────────────────────────────────────────────────────────

type Family = "String" | "Numeric" | "Boolean" | "Timestamp";
type Relation = "Equals" | "LessThan" | "GreaterThan" | "LessThanEquals" | "GreaterThanEquals";

type Operator =
  /** `StringEquals`, `NumericLessThanPath`, …: compare the variable with a literal or with the value at a path. */
  | { kind: "compare"; family: Family; relation: Relation; operandIsPath: boolean }
  /** `StringMatches`: a `*` wildcard pattern (literal only; there is no `StringMatchesPath`). */
  | { kind: "matches" }
  /** `IsNull`, `IsNumeric`, …: a type test on the variable; the operator's boolean value says which outcome is true. */
  | { kind: "type"; test: (value: unknown) => boolean }
  /** `IsPresent`: does the variable's path match anything? */
  | { kind: "present" };

const RELATIONS: Record<Relation, (order: number) => boolean> = {
  Equals: (order) => order === 0,
  LessThan: (order) => order < 0,
  GreaterThan: (order) => order > 0,
  LessThanEquals: (order) => order <= 0,
  GreaterThanEquals: (order) => order >= 0,
};

/**
 * How two values of a family order: negative, 0 or positive, or `undefined` when they are not both of the family's
 * type (the comparison is then false). Booleans only have `Equals`, so any non-zero result just means "different".
 */
const ORDER: Record<Family, (a: unknown, b: unknown) => number | undefined> = {
  // ASL-6.3: "character-by-character with no special treatments such as case-folding […] or Unicode normalization".
  String: (a, b) => (typeof a === "string" && typeof b === "string" ? compareCodePoints(a, b) : undefined),
  // JSON numbers as IEEE 754 doubles: 1 and 1.0 are the same number.
  Numeric: (a, b) => (typeof a === "number" && typeof b === "number" ? (a < b ? -1 : a > b ? 1 : 0) : undefined),
  Boolean: (a, b) => (typeof a === "boolean" && typeof b === "boolean" ? (a === b ? 0 : 1) : undefined),
  // Instants, not strings: `…T20:00:55+01:00` equals `…T19:00:55Z`; a string that is not a timestamp compares false.
  Timestamp: (a, b) => {
    const ta = typeof a === "string" ? parseTimestamp(a) : undefined;
    const tb = typeof b === "string" ? parseTimestamp(b) : undefined;
    return ta !== undefined && tb !== undefined ? compareInstants(ta, tb) : undefined;
  },
};

const TYPE_TESTS: Record<string, (value: unknown) => boolean> = {
  IsNull: (value) => value === null,
  IsNumeric: (value) => typeof value === "number",
  IsString: (value) => typeof value === "string",
  IsBoolean: (value) => typeof value === "boolean",
  IsTimestamp: isTimestamp,
};

const OPERATORS: ReadonlyMap<string, Operator> = (() => {
  const table = new Map<string, Operator>();
  const families: Record<Family, readonly Relation[]> = {
    String: ["Equals", "LessThan", "GreaterThan", "LessThanEquals", "GreaterThanEquals"],
    Numeric: ["Equals", "LessThan", "GreaterThan", "LessThanEquals", "GreaterThanEquals"],
    Boolean: ["Equals"],
    Timestamp: ["Equals", "LessThan", "GreaterThan", "LessThanEquals", "GreaterThanEquals"],
  };
  for (const [family, relations] of Object.entries(families) as [Family, readonly Relation[]][]) {
    for (const relation of relations) {
      table.set(`${family}${relation}`, { kind: "compare", family, relation, operandIsPath: false });
      table.set(`${family}${relation}Path`, { kind: "compare", family, relation, operandIsPath: true });
    }
  }
  table.set("StringMatches", { kind: "matches" });
  for (const [name, test] of Object.entries(TYPE_TESTS)) table.set(name, { kind: "type", test });
  table.set("IsPresent", { kind: "present" });
  return table;
})();

function evaluateDataTest(rule: ChoiceRule, name: string, operator: Operator, operand: unknown, roots: PathRoots): boolean {
  const variable = rule["Variable"];
  if (typeof variable !== "string") throw malformed(rule, `${name} needs a Variable path (a string)`);
  switch (operator.kind) {
    case "present":
      return pathExists(variable, roots) === expectBoolean(rule, name, operand);
    case "type": {
      const wanted = expectBoolean(rule, name, operand);
      return operator.test(readPath(variable, roots, "Variable")) === wanted;
    }
    case "matches": {
      const value = readPath(variable, roots, "Variable");
      if (typeof operand !== "string") return false;
      const pattern = compilePattern(operand);
      return typeof value === "string" && matchesPattern(value, pattern);
    }
    case "compare": {
      const value = readPath(variable, roots, "Variable");
      let other = operand;
      if (operator.operandIsPath) {
        if (typeof operand !== "string") throw malformed(rule, `${name} must be a path (a string)`);
        other = readPath(operand, roots, name);
      }
      const order = ORDER[operator.family](value, other);
      return order !== undefined && RELATIONS[operator.relation](order);
    }
  }
}

/**
 * The value at a rule's path. A path that matches nothing fails the state with `States.Runtime` and AWS's wording
 * ("Invalid path '$.x': The choice state's condition path references an invalid value.").
 */
function readPath(path: string, roots: PathRoots, field: string): unknown {
  if (!pathExists(path, roots)) {
    throw new StatesError("States.Runtime", `Invalid path '${path}': The choice state's condition path references an invalid value.`);
  }
  return selectPath(path, roots, field);
}

function expectBoolean(rule: ChoiceRule, name: string, value: unknown): boolean {
  if (typeof value !== "boolean") throw malformed(rule, `${name} must be true or false`);
  return value;
}

function asRule(value: unknown, parent: ChoiceRule): ChoiceRule {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw malformed(parent, "a nested rule must be an object");
  return value as ChoiceRule;
}

function malformed(rule: ChoiceRule, problem: string): StatesError {
  return new StatesError("States.Runtime", `Invalid Choice rule ${JSON.stringify(rule)}: ${problem}.`);
}

// ── strings ─────────────────────────────────────────────────────────────────────────────────────────

/**
 * Order two strings by Unicode code point (not by locale, not by UTF-16 code unit): a supplementary character such as
 * U+1F600 sorts after U+FFFD even though its first UTF-16 unit (0xD83D) is smaller.
 */
function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const shorter = Math.min(a.length, b.length);
  for (let i = 0; i < shorter; i++) {
    if (a.charCodeAt(i) === b.charCodeAt(i)) continue;
    // At the first differing unit both strings are at the same position in the same (possibly half-read) code point,
    // so comparing the code points that start here orders the strings.
    return (a.codePointAt(i) as number) < (b.codePointAt(i) as number) ? -1 : 1;
  }
  return a.length < b.length ? -1 : 1;
}

/** A compiled StringMatches pattern: literal code points and wildcards (`null`), consecutive wildcards merged. */
type Pattern = readonly (string | null)[];

/**
 * ASL-6.3 StringMatches: `*` matches any run of characters (including none); `\*` is a literal star and `\\` a literal
 * backslash (in JSON text: `"\\*"` and `"\\\\"`); nothing else is special. A backslash before any other character
 * makes that character literal too, as the validator (ASL208) accepts it. A pattern ending in an open escape `\` is a
 * runtime error, as the specification requires.
 */
const compilePattern = memoizeByText((text: string): Pattern => {
  const chars = Array.from(text);
  const tokens: (string | null)[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string;
    if (c === "\\") {
      const escaped = chars[++i];
      if (escaped === undefined) {
        throw new StatesError("States.Runtime", `The StringMatches pattern '${text}' ends with an open escape '\\'.`);
      }
      tokens.push(escaped);
    } else if (c === "*") {
      if (tokens[tokens.length - 1] !== null) tokens.push(null);
    } else {
      tokens.push(c);
    }
  }
  return tokens;
}, 2_000);

/** Wildcard matching without backtracking blow-up: O(text × pattern) at worst. */
function matchesPattern(value: string, pattern: Pattern): boolean {
  const text = Array.from(value);
  let t = 0;
  let p = 0;
  let starP = -1; // the last wildcard seen, and where in the text its match currently ends
  let starT = 0;
  while (t < text.length) {
    const token = pattern[p];
    if (token === null) {
      starP = p++;
      starT = t;
    } else if (token !== undefined && token === text[t]) {
      t++;
      p++;
    } else if (starP >= 0) {
      p = starP + 1;
      t = ++starT;
    } else {
      return false;
    }
  }
  while (pattern[p] === null) p++;
  return p === pattern.length;
}
