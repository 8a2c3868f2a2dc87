import jsonata from "jsonata";
import { childPointer } from "../load/pointer.js";

/**
 * JSONata expressions inside an ASL definition (ASL-3.2): recognising `{% … %}` strings, parsing their bodies with the
 * reference implementation (jsonata 2.0.6, the version AWS documents) and walking a JSON value for them.
 */

// ── Recognising expressions ─────────────────────────────────────────────────────────────────────────

const OPEN = "{%";
const CLOSE = "%}";

/** Offset of the expression body within the JSON string value: the length of `{%`. */
export const JSONATA_BODY_OFFSET = OPEN.length;

/**
 * ASL-3.2: a JSON string that starts with `{%` and ends with `%}`, with nothing (not even whitespace) outside them, is
 * a JSONata expression; every other string is a literal (`"$.x"` and `"$var"` included). The two delimiters may not
 * overlap, so `"{%}"` is not an expression (see {@link looksLikeBrokenJsonata}). Spaces inside the delimiters are not
 * required: `"{%1%}"` is an expression.
 */
export function isJsonataString(value: unknown): value is string {
  return typeof value === "string" && isDelimited(value);
}

function isDelimited(text: string): boolean {
  return text.length >= OPEN.length + CLOSE.length && text.startsWith(OPEN) && text.endsWith(CLOSE);
}

/**
 * A string that, once trimmed, has only one of the two delimiters (`"{% x"`, `"x %}"`, `"{%}"`): almost certainly a
 * malformed expression, which AWS would take as a literal. A string whose trimmed form is a whole expression
 * (`" {% 1 %}"`) is not "broken" (see {@link isPaddedJsonata}).
 */
export function looksLikeBrokenJsonata(value: string): boolean {
  const trimmed = value.trim();
  return !isDelimited(trimmed) && (trimmed.startsWith(OPEN) || trimmed.endsWith(CLOSE));
}

/**
 * A string that is a `{% … %}` expression only after trimming whitespace (`" {% 1 %}"`). ASL-3.2 makes it a literal
 * string, which is rarely what its author meant.
 */
export function isPaddedJsonata(value: string): boolean {
  return !isDelimited(value) && isDelimited(value.trim());
}

/** The text between `{%` and `%}`; it starts at {@link JSONATA_BODY_OFFSET} in `s`. Throws if `s` is not an expression. */
export function expressionBody(s: string): string {
  if (!isDelimited(s)) throw new Error(`Not a JSONata expression string: ${JSON.stringify(s)}`);
  return s.slice(OPEN.length, s.length - CLOSE.length);
}

// ── The AST (a typed view of what jsonata 2.0.6's parser returns) ───────────────────────────────────
//
// Positions are character offsets in the body where the token ENDS (JSONata's own convention, also used in its error
// objects): in `$states.input`, the variable `states` has position 7 and the name `input` position 13.

/** A `[ … ]` filter on a step, or an `#$i` index binding placed after such a filter. */
export interface FilterStage {
  readonly type: "filter";
  readonly expr: ExprNode;
  readonly position: number;
}
export interface IndexStage {
  readonly type: "index";
  /** The bound variable's name, without `$`. */
  readonly value: string;
  readonly position: number;
}
export type Stage = FilterStage | IndexStage;

/** A group-by / object constructor applied to a step or a path: `a.b{ key: value }`. */
export interface GroupBy {
  readonly lhs: ReadonlyArray<readonly [ExprNode, ExprNode]>;
  readonly position: number;
}

/** Annotations the parser may put on any node used as a path step (or on a node with predicates). */
interface StepAnnotations {
  readonly position?: number;
  /** Filters on a node that is not inside a path: `$x[0]`. */
  readonly predicate?: readonly FilterStage[];
  /** Filters and index bindings on a step inside a path: `a.b[0]`, `a.b#$i`. */
  readonly stages?: readonly Stage[];
  readonly group?: GroupBy;
  /** `step@$name`: binds each item to `$name` (without `$`); the next step keeps this step's context. */
  readonly focus?: string;
  /** `step#$name`: binds the item's index to `$name` (without `$`). */
  readonly index?: string;
  readonly keepArray?: boolean;
}

export interface PathNode extends StepAnnotations {
  readonly type: "path";
  readonly steps: readonly ExprNode[];
  readonly keepSingletonArray?: boolean;
}
/** `$name`; `value` is the name without `$`: `""` for `$` (the context item), `"$"` for `$$` (the root). */
export interface VariableNode extends StepAnnotations {
  readonly type: "variable";
  readonly value: string;
  readonly position: number;
}
/** A field name; only ever a path step (the parser wraps a lone name in a one-step path). */
export interface NameNode extends StepAnnotations {
  readonly type: "name";
  readonly value: string;
  readonly position: number;
}
export interface StringNode extends StepAnnotations {
  readonly type: "string";
  readonly value: string;
}
export interface NumberNode extends StepAnnotations {
  readonly type: "number";
  readonly value: number;
}
/** `true`, `false`, `null`. */
export interface ValueNode extends StepAnnotations {
  readonly type: "value";
  readonly value: boolean | null;
}
/** `/pattern/flags` (the parser builds the RegExp; jsonata.d.ts wrongly calls this type "regexp"). */
export interface RegexNode extends StepAnnotations {
  readonly type: "regex";
  readonly value: RegExp;
}
export interface WildcardNode extends StepAnnotations {
  readonly type: "wildcard";
}
export interface DescendantNode extends StepAnnotations {
  readonly type: "descendant";
}
/** `%`, the parent operator. */
export interface ParentNode extends StepAnnotations {
  readonly type: "parent";
}
/** `$name := rhs`. */
export interface BindNode extends StepAnnotations {
  readonly type: "bind";
  readonly lhs: VariableNode;
  readonly rhs: ExprNode;
}
/** `lhs ~> rhs`. */
export interface ApplyNode extends StepAnnotations {
  readonly type: "apply";
  readonly lhs: ExprNode;
  readonly rhs: ExprNode;
}
/** Arithmetic, comparison, boolean, `&`, `in`, and `..` (ranges inside array constructors). */
export interface BinaryNode extends StepAnnotations {
  readonly type: "binary";
  readonly value: string;
  readonly lhs: ExprNode;
  readonly rhs: ExprNode;
}
/** Unary minus on a non-literal (`-$x`); `-1` is folded into a number node. */
export interface NegationNode extends StepAnnotations {
  readonly type: "unary";
  readonly value: "-";
  readonly expression: ExprNode;
}
export interface ArrayConstructorNode extends StepAnnotations {
  readonly type: "unary";
  readonly value: "[";
  readonly expressions: readonly ExprNode[];
}
export interface ObjectConstructorNode extends StepAnnotations {
  readonly type: "unary";
  readonly value: "{";
  readonly lhs: ReadonlyArray<readonly [ExprNode, ExprNode]>;
}
export type UnaryNode = NegationNode | ArrayConstructorNode | ObjectConstructorNode;
/** `?` in a partial application: `$substring(?, 0, 2)`. */
export interface PlaceholderNode extends StepAnnotations {
  readonly type: "operator";
  readonly value: "?";
}
/** A call `procedure(arguments…)`; `partial` when an argument is the `?` placeholder. */
export interface FunctionNode extends StepAnnotations {
  readonly type: "function" | "partial";
  readonly procedure: ExprNode;
  readonly arguments: readonly ExprNode[];
}
/**
 * `function($a, $b) { body }`. The parser also wraps every call in tail position of a lambda body in a parameterless
 * lambda with `thunk: true` (tail-call optimisation); such a thunk is transparent, not a user function.
 */
export interface LambdaNode extends StepAnnotations {
  readonly type: "lambda";
  readonly arguments: readonly VariableNode[];
  readonly body: ExprNode;
  readonly thunk?: boolean;
}
export interface ConditionNode extends StepAnnotations {
  readonly type: "condition";
  readonly condition: ExprNode;
  readonly then: ExprNode;
  readonly else?: ExprNode;
}
/** `| pattern | update, delete |`. */
export interface TransformNode extends StepAnnotations {
  readonly type: "transform";
  readonly pattern: ExprNode;
  readonly update: ExprNode;
  readonly delete?: ExprNode;
}
/** `( e1; e2; … )`: a new variable scope. */
export interface BlockNode extends StepAnnotations {
  readonly type: "block";
  readonly expressions: readonly ExprNode[];
}
/** `^( <a, >b )`, only ever a path step. */
export interface SortNode extends StepAnnotations {
  readonly type: "sort";
  readonly terms: ReadonlyArray<{ readonly descending: boolean; readonly expression: ExprNode }>;
}

export type ExprNode =
  | PathNode
  | VariableNode
  | NameNode
  | StringNode
  | NumberNode
  | ValueNode
  | RegexNode
  | WildcardNode
  | DescendantNode
  | ParentNode
  | BindNode
  | ApplyNode
  | BinaryNode
  | UnaryNode
  | PlaceholderNode
  | FunctionNode
  | LambdaNode
  | ConditionNode
  | TransformNode
  | BlockNode
  | SortNode;

// ── Parsing ─────────────────────────────────────────────────────────────────────────────────────────

export type ParseResult =
  | { readonly ok: true; readonly ast: ExprNode }
  | {
      readonly ok: false;
      /** `JSONata syntax error at position 32: expected ")" before end of expression`. */
      readonly message: string;
      /** Offset in the body where JSONata detected the error (the end of the offending token); 0 if unknown. */
      readonly position: number;
      /** JSONata's error code (`S0203`, …), or `"regex"` for a regular expression JavaScript rejects. */
      readonly code: string;
    };

/** The shape of the objects jsonata's parser throws (not Error instances). */
interface JsonataParseError {
  code: string;
  position?: number;
  token?: unknown;
  value?: unknown;
  message?: string;
}

function isJsonataParseError(err: unknown): err is JsonataParseError {
  return err !== null && typeof err === "object" && typeof (err as { code?: unknown }).code === "string";
}

const cache = new Map<string, ParseResult>();

/**
 * Parse an expression body (the text between `{%` and `%}`) with jsonata 2.0.6. Results, failures included, are
 * cached by body text for the life of the process; the returned AST is shared, so never mutate it.
 */
export function parseJsonata(body: string): ParseResult {
  const cached = cache.get(body);
  if (cached) return cached;
  const result = parseUncached(body);
  cache.set(body, result);
  return result;
}

function parseUncached(body: string): ParseResult {
  try {
    // The parser's output is untyped (jsonata.d.ts declares a loose ExprNode); ExprNode above is its precise shape.
    const ast = jsonata(body).ast() as unknown as ExprNode;
    return { ok: true, ast };
  } catch (err) {
    if (isJsonataParseError(err)) {
      const position = typeof err.position === "number" ? err.position : 0;
      return {
        ok: false,
        code: err.code,
        position,
        message: `JSONata syntax error at position ${position}: ${describeParseError(err)}`,
      };
    }
    // The tokenizer builds regex literals with `new RegExp`, which throws a plain SyntaxError with no position.
    const detail = err instanceof Error ? err.message : String(err);
    return { ok: false, code: "regex", position: 0, message: `JSONata syntax error: ${lowerFirst(detail)}` };
  }
}

function quote(token: unknown): string {
  return token === undefined ? "?" : JSON.stringify(token);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** JSONata's catalogue message, reworded only where its wording is unhelpful (S0201 says "Syntax error: <token>"). */
function describeParseError(err: JsonataParseError): string {
  if (err.code === "S0201") return `unexpected ${quote(err.token)}`;
  if (err.message) return lowerFirst(err.message);
  return `error ${err.code}`;
}

// ── Finding expressions in a JSON value ─────────────────────────────────────────────────────────────

export interface FoundExpression {
  /** JSON pointer of the string. */
  readonly pointer: string;
  /** The whole string, delimiters included. */
  readonly text: string;
}

/**
 * Every JSONata string in `value` (ASL-3.2: at any depth inside objects and arrays, or the value itself), in document
 * order, with its pointer relative to `pointer`. Object keys are never expressions.
 */
export function collectExpressions(value: unknown, pointer: string): FoundExpression[] {
  const found: FoundExpression[] = [];
  walk(value, pointer);
  return found;

  function walk(node: unknown, at: string): void {
    if (isJsonataString(node)) {
      found.push({ pointer: at, text: node });
    } else if (Array.isArray(node)) {
      node.forEach((item: unknown, i) => walk(item, childPointer(at, i)));
    } else if (node !== null && typeof node === "object") {
      for (const [key, item] of Object.entries(node)) walk(item, childPointer(at, key));
    }
  }
}
