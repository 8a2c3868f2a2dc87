/**
 * Jayway filter predicates `[?(…)]` (ASL-4), following Jayway's FilterCompiler / ValueNodes / EvaluatorFactory:
 * operands become value nodes (a path that does not resolve is "undefined" and equals nothing), `==` compares numbers
 * numerically and strings exactly (a string and a number compare through the number's text, as Jayway does), the
 * ordering operators compare two numbers or two strings, `=~` must match the whole text, and `in`, `nin`,
 * `subsetof`, `anyof`, `noneof`, `size` and `empty` read JSON arrays. An operand of the wrong kind for `in`, `empty`, …
 * rejects the element without failing the evaluation, as Jayway's InvalidPathException does.
 */
import { isJsonObject, jsonEquals } from "./json.js";
import type { FilterExpression, FilterOperand, FilterOperator, PathAst, RegexOperand } from "../paths/jsonpath-ast.js";
import { parsePath } from "../paths/jsonpath.js";
import { JaywayFailure } from "./jsonpath-java.js";

/** How the filter reads the paths it contains. */
export interface FilterHost {
  /**
   * The value of `path`: `@`-rooted paths read `item`, `$`-rooted ones the document root. Indefinite paths give an
   * array. Throws a `JaywayFailure` ("not-found" when the path does not resolve).
   */
  read(path: PathAst, item: unknown, requireProperties: boolean): unknown;
}

type ValueNode =
  | { kind: "undefined" }
  | { kind: "null" }
  | { kind: "boolean"; value: boolean }
  | { kind: "number"; value: number }
  | { kind: "string"; value: string }
  | { kind: "json"; value: unknown }
  | { kind: "pattern"; regex: RegExp };

const UNDEFINED: ValueNode = { kind: "undefined" };

/** Does `item` pass the filter? (PredicatePathToken.accept: an InvalidPathException means "no".) */
export function filterAccepts(expression: FilterExpression, item: unknown, host: FilterHost): boolean {
  try {
    return test(expression, item, host);
  } catch (error) {
    if (error instanceof JaywayFailure && error.kind === "invalid-path") return false;
    throw error;
  }
}

function test(expression: FilterExpression, item: unknown, host: FilterHost): boolean {
  switch (expression.kind) {
    case "or":
      return expression.operands.some((operand) => test(operand, item, host));
    case "and":
      return expression.operands.every((operand) => test(operand, item, host));
    case "not":
      return !test(expression.operand, item, host);
    case "exists":
      return exists(expression.path, item, host);
    case "compare":
      return compare(expression.operator, operand(expression.left, item, host), operand(expression.right, item, host));
  }
}

/**
 * AWS documents that `@` alone "does not match scalar values. It only matches objects" (Reference Paths, Step Functions
 * developer guide), so `[?(@ == 'a')]` keeps nothing.
 */
function isScalarSelf(path: PathAst, item: unknown): boolean {
  return (
    path.root.kind === "current" &&
    path.segments.length === 0 &&
    path.fn === null &&
    (item === null || typeof item !== "object")
  );
}

/** `[?(@.k)]`: Jayway reads the path with REQUIRE_PROPERTIES; it exists unless that fails (null and false exist). */
function exists(path: PathAst, item: unknown, host: FilterHost): boolean {
  if (isScalarSelf(path, item)) return false;
  try {
    host.read(path, item, true);
    return true;
  } catch (error) {
    if (error instanceof JaywayFailure && error.kind === "not-found") return false;
    throw error;
  }
}

function operand(op: FilterOperand, item: unknown, host: FilterHost): ValueNode {
  switch (op.kind) {
    case "literal":
      return fromJson(op.value);
    case "regex":
      return { kind: "pattern", regex: regexOf(op) };
    case "bareword":
      return { kind: "string", value: op.word };
    case "path": {
      if (isScalarSelf(op.path, item)) return UNDEFINED;
      try {
        return fromJson(host.read(op.path, item, false));
      } catch (error) {
        if (error instanceof JaywayFailure && error.kind === "not-found") return UNDEFINED;
        throw error;
      }
    }
  }
}

function fromJson(value: unknown): ValueNode {
  if (value === null || value === undefined) return { kind: "null" };
  if (typeof value === "boolean") return { kind: "boolean", value };
  if (typeof value === "number") return { kind: "number", value };
  if (typeof value === "string") return { kind: "string", value };
  return { kind: "json", value };
}

/**
 * Jayway compiles `/pattern/flags` as a java.util.regex.Pattern and requires the whole text to match
 * (`matcher(input).matches()`). JavaScript syntax stands in for Java's; the flags i, m and s carry over, Java-only
 * flags (d, u, x, U) are dropped. The sticky flag anchors the start and the lookahead the very end of the text.
 */
const regexes = new WeakMap<RegexOperand, RegExp>();

/** The compiled regex of a `/pattern/flags` operand, once per (shared, immutable) AST node. */
function regexOf(op: RegexOperand): RegExp {
  let regex = regexes.get(op);
  if (regex === undefined) {
    regex = compileRegex(op.pattern, op.flags);
    regexes.set(op, regex);
  }
  return regex;
}

function compileRegex(pattern: string, flags: string): RegExp {
  const jsFlags = [...new Set(flags)].filter((f) => f === "i" || f === "m" || f === "s").join("");
  try {
    return new RegExp(`(?:${pattern})(?![\\s\\S])`, `${jsFlags}y`);
  } catch (error) {
    throw new JaywayFailure("evaluation", error instanceof Error ? error.message : String(error));
  }
}

function compare(operator: FilterOperator, left: ValueNode, right: ValueNode): boolean {
  switch (operator) {
    case "==":
      return equals(left, right);
    case "!=":
      return !equals(left, right);
    case "<":
      return order(left, right, (c) => c < 0);
    case "<=":
      return order(left, right, (c) => c <= 0);
    case ">":
      return order(left, right, (c) => c > 0);
    case ">=":
      return order(left, right, (c) => c >= 0);
    case "=~":
      return regexMatches(left, right);
    case "in":
      return isIn(left, right);
    case "nin":
      return !isIn(left, right);
    case "subsetof":
      return withLists(left, right, (l, r) => l.every((node) => r.some((other) => equals(node, other))));
    case "anyof":
      return withLists(left, right, (l, r) => l.some((node) => r.some((other) => equals(node, other))));
    case "noneof":
      return withLists(left, right, (l, r) => !l.some((node) => r.some((other) => equals(node, other))));
    case "size":
      return hasSize(left, right);
    case "empty":
      return isEmpty(left, right);
  }
}

/** The text of a number as Java's BigDecimal prints it (integers without exponent). */
function numberText(n: number): string {
  return String(n);
}

/** `new BigDecimal(text)`, or null where Java would throw NumberFormatException. */
function parseDecimal(text: string): number | null {
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) ? Number(text) : null;
}

/** ValueNode.equals as the `==` evaluator uses it. */
function equals(left: ValueNode, right: ValueNode): boolean {
  switch (left.kind) {
    case "string":
      if (right.kind === "string") return left.value === right.value;
      return right.kind === "number" && left.value === numberText(right.value);
    case "number":
      if (right.kind === "number") return left.value === right.value;
      return right.kind === "string" && parseDecimal(right.value) === left.value;
    case "boolean":
      return right.kind === "boolean" && left.value === right.value;
    case "null":
      return right.kind === "null";
    case "json":
      return right.kind === "json" && jsonEquals(left.value, right.value);
    case "undefined":
    case "pattern":
      return false;
  }
}

/**
 * `<`, `<=`, `>`, `>=`: two numbers numerically, two strings by UTF-16 code units (Java's compareTo); anything else is
 * false, as in Jayway 2.9 (later Jayway sources also compare a string with a number's text).
 */
function order(left: ValueNode, right: ValueNode, accept: (c: number) => boolean): boolean {
  if (left.kind === "number" && right.kind === "number") return accept(left.value - right.value);
  if (left.kind === "string" && right.kind === "string")
    return accept(left.value < right.value ? -1 : left.value > right.value ? 1 : 0);
  return false;
}

/** What `=~` matches a value node against (RegexpEvaluator.getInput): strings, numbers and booleans, else "". */
function regexInput(node: ValueNode): string {
  if (node.kind === "string") return node.value;
  if (node.kind === "number") return numberText(node.value);
  if (node.kind === "boolean") return String(node.value);
  return "";
}

function regexMatches(left: ValueNode, right: ValueNode): boolean {
  const [pattern, other] = left.kind === "pattern" ? [left, right] : [right, left];
  if (pattern.kind !== "pattern" || other.kind === "pattern") return false;
  const matches = (input: string): boolean => {
    pattern.regex.lastIndex = 0;
    return pattern.regex.test(input);
  };
  if (other.kind === "json" && Array.isArray(other.value))
    return other.value.some((v) => matches(regexInput(listElement(v))));
  return matches(regexInput(other));
}

/**
 * The elements of a JSON array operand (JsonNode.asValueListNode), or null when the operand is JSON but not an array.
 * Any other operand is not a list at all: Jayway's InvalidPathException, which rejects the element.
 */
function listOf(node: ValueNode): ValueNode[] | null {
  if (node.kind !== "json") throw new JaywayFailure("invalid-path", "Expected value list node");
  return Array.isArray(node.value) ? node.value.map(listElement) : null;
}

/**
 * ValueNode.toValueNode for an array element: strings that read as a path or as JSON become nodes that equal nothing;
 * nested arrays and objects are refused ("Could not determine value type").
 */
function listElement(value: unknown): ValueNode {
  if (typeof value === "string") {
    const trimmed = value.trim();
    if (/^[@$]/.test(trimmed) && parsePath(trimmed).ok) return UNDEFINED;
    if (looksLikeJson(trimmed)) return UNDEFINED;
    return { kind: "string", value: unescapeQuoted(value) };
  }
  if (Array.isArray(value) || isJsonObject(value))
    throw new JaywayFailure("evaluation", "Could not determine value type");
  return fromJson(value);
}

function looksLikeJson(text: string): boolean {
  if (
    text.length < 2 ||
    !((text.startsWith("[") && text.endsWith("]")) || (text.startsWith("{") && text.endsWith("}")))
  )
    return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** StringNode(text, escape = true): surrounding quotes are dropped and backslash escapes read. */
function unescapeQuoted(text: string): string {
  const quoted = text.length > 1 && (text[0] === "'" || text[0] === '"') && text[text.length - 1] === text[0];
  const inner = quoted ? text.slice(1, -1) : text;
  const simple: Readonly<Record<string, string>> = {
    n: "\n",
    t: "\t",
    r: "\r",
    b: "\b",
    f: "\f",
  };
  return inner.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, esc: string) =>
    esc.length === 5 ? String.fromCharCode(parseInt(esc.slice(1), 16)) : (simple[esc] ?? esc),
  );
}

function isIn(left: ValueNode, right: ValueNode): boolean {
  const list = listOf(right);
  return list !== null && list.some((node) => equals(left, node));
}

function withLists(left: ValueNode, right: ValueNode, check: (l: ValueNode[], r: ValueNode[]) => boolean): boolean {
  const r = listOf(right);
  if (r === null) return false;
  const l = listOf(left);
  return l !== null && check(l, r);
}

function hasSize(left: ValueNode, right: ValueNode): boolean {
  if (right.kind !== "number") return false;
  const expected = Math.trunc(right.value);
  if (left.kind === "string") return left.value.length === expected;
  if (left.kind === "json") return (Array.isArray(left.value) ? left.value.length : -1) === expected;
  return false;
}

function isEmpty(left: ValueNode, right: ValueNode): boolean {
  const wanted = (): boolean => {
    if (right.kind !== "boolean") throw new JaywayFailure("invalid-path", "Expected boolean node");
    return right.value;
  };
  if (left.kind === "string") return (left.value === "") === wanted();
  if (left.kind !== "json") return false;
  // JsonNode.isEmpty casts a map to java.util.Collection, which fails.
  if (!Array.isArray(left.value)) {
    throw new JaywayFailure(
      "evaluation",
      "class net.minidev.json.JSONObject cannot be cast to class java.util.Collection",
    );
  }
  return (left.value.length === 0) === wanted();
}
