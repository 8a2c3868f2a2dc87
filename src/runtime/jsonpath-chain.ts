/**
 * How Jayway JsonPath compiles a path (PathCompiler, CompiledPath): a chain of tokens, one per step, with `..` as a
 * token of its own, and the facts the evaluation reads from their order: which tokens are the last, which select at
 * most one node, and whether everything before a token does (Jayway's "upstream definite"), ASL-4.
 */
import type { FilterExpression, PathAst, PathFunction, PathRoot, Selector } from "../paths/jsonpath-ast.js";

export type Token =
  | { kind: "scan" }
  | { kind: "property"; names: readonly string[] }
  | { kind: "index"; indexes: readonly number[] }
  | { kind: "slice"; start: number | null; end: number | null }
  | { kind: "wildcard" }
  | { kind: "filter"; expression: FilterExpression }
  /** `scanned`: the path before the function when it starts with `..` (Jayway evaluates it as the argument). */
  | { kind: "function"; fn: PathFunction; scanned: Chain | null };

/** A compiled path: its tokens and what Jayway derives from their order. */
export interface Chain {
  readonly tokens: readonly Token[];
  /** Jayway's `toString()` of the path, as in "No results for path: $['a']". */
  readonly text: string;
  readonly rootText: string;
  /** Every token selects at most one node: the result is a single value, not an array. */
  readonly definite: boolean;
  readonly tokenDefinite: readonly boolean[];
  readonly upstreamDefinite: readonly boolean[];
  readonly fragments: readonly string[];
}

const compiled = new WeakMap<PathAst, Chain>();

/** Compiles a parsed path (memoised per AST; ASTs are shared and never mutated). */
export function compilePath(path: PathAst): Chain {
  let chain = compiled.get(path);
  if (chain === undefined) {
    chain = compileAst(path);
    compiled.set(path, chain);
  }
  return chain;
}

function compileAst(path: PathAst): Chain {
  const rootText = formatRoot(path.root);
  const tokens: Token[] = [];
  for (const segment of path.segments) {
    if (segment.kind === "descendant") tokens.push({ kind: "scan" });
    tokens.push(selectorToken(segment.selector));
  }
  if (path.fn === null) return chainOf(tokens, rootText);
  if (path.segments[0]?.kind === "descendant") {
    // CompiledPath.invertScannerFunctionRelationship: `$..x.f()` becomes `$.f($..x)`.
    return chainOf([{ kind: "function", fn: path.fn, scanned: chainOf(tokens, rootText) }], rootText);
  }
  return chainOf([...tokens, { kind: "function", fn: path.fn, scanned: null }], rootText);
}

function formatRoot(root: PathRoot): string {
  return root.kind === "input"
    ? "$"
    : root.kind === "context"
      ? "$$"
      : root.kind === "variable"
        ? `$${root.name}`
        : "@";
}

function selectorToken(selector: Selector): Token {
  switch (selector.kind) {
    case "name":
      return { kind: "property", names: [selector.name] };
    case "names":
      return { kind: "property", names: selector.names };
    case "index":
      return { kind: "index", indexes: [selector.index] };
    case "indexes":
      return { kind: "index", indexes: selector.indexes };
    case "wildcard":
      return { kind: "wildcard" };
    case "slice":
      return { kind: "slice", start: selector.start, end: selector.end };
    case "filter":
      return { kind: "filter", expression: selector.expression };
  }
}

export function chainOf(tokens: readonly Token[], rootText: string): Chain {
  const last = tokens.length - 1;
  const tokenDefinite = tokens.map((token, i) => isTokenDefinite(token, i === last));
  const upstreamDefinite: boolean[] = [];
  tokens.forEach((_, i) =>
    upstreamDefinite.push(i === 0 || (tokenDefinite[i - 1] === true && upstreamDefinite[i - 1] === true)),
  );
  const fragments = tokens.map(fragment);
  return {
    tokens,
    rootText,
    text: rootText + fragments.join(""),
    definite: tokenDefinite.every(Boolean),
    tokenDefinite,
    upstreamDefinite,
    fragments,
  };
}

function isTokenDefinite(token: Token, leaf: boolean): boolean {
  switch (token.kind) {
    case "property":
      return token.names.length === 1 || leaf;
    case "index":
      return token.indexes.length === 1;
    case "function":
      return true;
    default:
      return false;
  }
}

/** Jayway's getPathFragment(). */
function fragment(token: Token): string {
  switch (token.kind) {
    case "scan":
      return "..";
    case "property":
      return `[${token.names.map((n) => `'${n.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`).join(",")}]`;
    case "index":
      return `[${token.indexes.join(",")}]`;
    case "slice":
      return `[${token.start ?? ""}:${token.end ?? ""}]`;
    case "wildcard":
      return "[*]";
    case "filter":
      return "[?]";
    case "function":
      return `.${token.fn.name}${token.fn.args.length > 0 ? "(...)" : "()"}`;
  }
}
