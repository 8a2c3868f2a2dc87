/**
 * Questions about a parsed path: is it definite, is it a Reference Path (ASL-4), and how Jayway prints it.
 */
import type { PathAst, PathRoot, Segment, Selector } from "./jsonpath-ast.js";

/**
 * True when the path names at most one node: only `.name`, `['name']` and `[n]` steps, with no deep scan, wildcard,
 * slice, union, filter or path function. An indefinite path always yields an array (ASL-4). A path with a trailing
 * function is reported as not definite; Jayway returns the function's value unwrapped, so evaluators should look at
 * `path.fn` first.
 */
export function isDefinite(path: PathAst): boolean {
  return path.fn === null && path.segments.every(isSingleStep);
}

/** Characters a Reference Path may not contain (ASL-4: "the operators @ , : ? and * are not supported"). */
const REFERENCE_FORBIDDEN = ["@", ",", ":", "?", "*"];

/**
 * True when the path is a Reference Path (ASL-4): definite, no function, and none of `@ , : ? *` in a dot-notation
 * name. The root may be `$`, `$$` or `$name`; fields that accept only some roots (ResultPath writes only into `$`)
 * check `path.root` themselves.
 */
export function isReferencePath(path: PathAst): boolean {
  if (path.root.kind === "current" || !isDefinite(path)) return false;
  return path.segments.every((segment) => segment.notation === "bracket" || !hasForbiddenChar(segment.selector));
}

function hasForbiddenChar(selector: Selector): boolean {
  return selector.kind === "name" && REFERENCE_FORBIDDEN.some((c) => selector.name.includes(c));
}

function isSingleStep(segment: Segment): boolean {
  return segment.kind === "child" && (segment.selector.kind === "name" || segment.selector.kind === "index");
}

/**
 * Jayway's normalised form of a path, as it appears in its error messages ("No results for path: $['x']"):
 * names as `['name']` (with `\` and `'` escaped), `[0]`, `[0,1]`, `[1:2]`, `[*]`, `..` for a deep scan, `[?]` for a
 * filter and `.length()` / `.append(...)` for a function. A slice step is dropped, as Jayway ignores it. The root is
 * written as in the source: `$`, `$$`, `$name` or `@`.
 */
export function formatPath(path: PathAst): string {
  let out = formatRoot(path.root);
  for (const segment of path.segments) {
    if (segment.kind === "descendant") out += "..";
    out += formatSelector(segment.selector);
  }
  if (path.fn !== null) out += `.${path.fn.name}${path.fn.args.length > 0 ? "(...)" : "()"}`;
  return out;
}

function formatRoot(root: PathRoot): string {
  switch (root.kind) {
    case "input":
      return "$";
    case "context":
      return "$$";
    case "variable":
      return `$${root.name}`;
    case "current":
      return "@";
  }
}

function quote(name: string): string {
  return `'${name.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}

function formatSelector(selector: Selector): string {
  switch (selector.kind) {
    case "name":
      return `[${quote(selector.name)}]`;
    case "names":
      return `[${selector.names.map(quote).join(",")}]`;
    case "index":
      return `[${selector.index}]`;
    case "indexes":
      return `[${selector.indexes.join(",")}]`;
    case "wildcard":
      return "[*]";
    case "slice":
      return `[${selector.start ?? ""}:${selector.end ?? ""}]`;
    case "filter":
      return "[?]";
  }
}
