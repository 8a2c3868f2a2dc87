/**
 * Syntax tree of an ASL JSONPath (ASL-4): Jayway JsonPath as AWS Step Functions uses it, with the two ASL roots
 * `$$` (context object) and `$name` (workflow variable) added to Jayway's `$`.
 *
 * Every node carries `start`/`end`: 0-based offsets (end exclusive) into the text that was parsed, so a path embedded
 * in an intrinsic function call points into the whole call text.
 */

/** Outcome of a parse: the value, or the first problem with its 0-based offset into the parsed text. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; message: string; offset: number };

/** A JSON value as written in a filter or function literal. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export interface Span {
  /** 0-based offset of the first character. */
  start: number;
  /** 0-based offset just past the last character. */
  end: number;
}

/** Where a path starts reading. */
export type PathRoot =
  /** `$`: the state input (or, inside a filter, the document root). */
  | { kind: "input" }
  /** `$$`: the context object (ASL-7). */
  | { kind: "context" }
  /** `$name`: a workflow variable (ASL-8). */
  | { kind: "variable"; name: string }
  /** `@`: the element being filtered; only inside filters and path-function arguments. */
  | { kind: "current" };

/** What one step of a path selects from the current node(s). */
export type Selector =
  /** `.name` or `['name']`. */
  | { kind: "name"; name: string }
  /** `['a','b']`: several members (a union of names). */
  | { kind: "names"; names: string[] }
  /** `[n]`; negative counts from the end. */
  | { kind: "index"; index: number }
  /** `[0,1]`: several elements (a union of indexes). */
  | { kind: "indexes"; indexes: number[] }
  /** `*` or `[*]`. */
  | { kind: "wildcard" }
  /**
   * `[start:end]`, `[start:end:step]`, `[:end]`, `[start:]`. At least one of start and end is present (Jayway rejects
   * `[:]`). Jayway parses but ignores the step; it is kept here so an evaluator can decide.
   */
  | { kind: "slice"; start: number | null; end: number | null; step: number | null }
  /** `[?(<expression>)]`. */
  | { kind: "filter"; expression: FilterExpression };

/** One step of a path: `.x`, `[…]`, or the same after `..` (deep scan). */
export interface Segment extends Span {
  /** `child` selects among the direct children; `descendant` (after `..`) among the node and all its descendants. */
  kind: "child" | "descendant";
  /** How the step was written; reference paths do not allow `@ , : ? *` inside dot-notation names. */
  notation: "dot" | "bracket";
  selector: Selector;
}

/** Jayway's path functions (PathFunctionFactory). `size` is an alias of `length`. */
export const JAYWAY_FUNCTIONS = [
  "avg",
  "stddev",
  "sum",
  "min",
  "max",
  "concat",
  "length",
  "size",
  "append",
  "keys",
  "first",
  "last",
  "distinct",
  "index",
] as const;

export type JaywayFunctionName = (typeof JAYWAY_FUNCTIONS)[number];

/** A trailing path function such as `.length()` or `.append(4)`. */
export interface PathFunction extends Span {
  name: JaywayFunctionName;
  args: FunctionArgument[];
}

export type FunctionArgument = PathOperand | LiteralOperand;

/** A parsed path. */
export interface PathAst extends Span {
  kind: "path";
  /** The exact source text of the path (without trailing whitespace). */
  text: string;
  root: PathRoot;
  segments: Segment[];
  /** The trailing path function, if any. Jayway returns its value unwrapped, even after an indefinite path. */
  fn: PathFunction | null;
}

// ── filters ─────────────────────────────────────────────────────────────────────────────────────────

/** Relational operators of Jayway filters. Word operators are matched case-insensitively and stored in lower case. */
export const FILTER_OPERATORS = [
  "==",
  "!=",
  "<",
  "<=",
  ">",
  ">=",
  "=~",
  "in",
  "nin",
  "subsetof",
  "anyof",
  "noneof",
  "size",
  "empty",
] as const;

export type FilterOperator = (typeof FILTER_OPERATORS)[number];

/** A path inside a filter (`@.price`, `$.limit`) or a path-function argument. */
export interface PathOperand extends Span {
  kind: "path";
  path: PathAst;
}

/** A literal: a quoted string (single or double quotes), number, `true`, `false`, `null`, or a JSON array/object. */
export interface LiteralOperand extends Span {
  kind: "literal";
  value: JsonValue;
}

/** A regular expression literal `/pattern/flags` (the right-hand side of `=~`). */
export interface RegexOperand extends Span {
  kind: "regex";
  pattern: string;
  flags: string;
}

/**
 * An unquoted word on the right-hand side of a comparison, as in `[?(@.Name == Receipt)]`. Jayway JsonPath rejects it
 * (it reads the word as a number), but definitions published as working use it, so it is parsed and kept apart for a
 * validator to report.
 */
export interface BarewordOperand extends Span {
  kind: "bareword";
  word: string;
}

export type FilterOperand = PathOperand | LiteralOperand | RegexOperand | BarewordOperand;

export type FilterExpression =
  | (Span & { kind: "or"; operands: FilterExpression[] })
  | (Span & { kind: "and"; operands: FilterExpression[] })
  | (Span & { kind: "not"; operand: FilterExpression })
  /** `[?(@.k)]`: keeps the elements where the path exists (even when its value is false or null). */
  | (Span & { kind: "exists"; path: PathAst })
  | (Span & { kind: "compare"; operator: FilterOperator; left: FilterOperand; right: FilterOperand });
