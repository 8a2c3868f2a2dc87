/**
 * The JSONPath evaluation engine, a port of Jayway JsonPath's token chain (PathToken and its subclasses), which AWS
 * Step Functions evaluates paths with (ASL-4). A path compiles to a chain of tokens; each token passes the nodes it
 * selects to the next one, and the last adds them to the results. Where Jayway throws (a missing property on a
 * definite path, an index applied to an object, …) a `JaywayFailure` carries Jayway's own message.
 *
 * Behaviour that follows the Jayway source rather than intuition:
 * - a missing property is skipped once the path has become indefinite, an error before that;
 * - `['a','b']` as the last step merges the members present into one object (and is definite);
 * - a slice `[a:b]` ignores its step; `[a:]` and `[:b]` count negative bounds from the end, `[a:b]` does not normalise
 *   `a` (each index is then resolved like `[n]`, negative ones from the end);
 * - a filter applied to an object tests the object itself;
 * - `..x` visits a node before its children, depth first, members in key order;
 * - a function after an indefinite path applies to each node, except after a leading `..`, where Jayway applies it
 *   once to the whole result (`$..price.sum()`).
 */
import { isJsonObject } from "./json.js";
import type { FilterExpression, PathFunction } from "../paths/jsonpath-ast.js";
import { chainOf, compilePath, type Chain, type Token } from "./jsonpath-chain.js";
import { filterAccepts, type FilterHost } from "./jsonpath-filter.js";
import { invokePathFunction, lengthOf } from "./jsonpath-functions.js";
import { JSON_PROVIDER, JaywayFailure, javaClassName, javaToString } from "./jsonpath-java.js";

/** One evaluation (Jayway's EvaluationContextImpl). */
interface Run {
  readonly chain: Chain;
  /** The document root: what `$` means inside filters and function arguments. */
  readonly root: unknown;
  /** Jayway's REQUIRE_PROPERTIES option, used by existence filters. */
  readonly requireProperties: boolean;
  readonly results: unknown[];
}

/**
 * Evaluates a chain against `document` and returns what Jayway's `getValue()` returns: the single value of a definite
 * path (a `not-found` failure when there is none) or the array of all matches.
 */
export function readChain(chain: Chain, document: unknown, root: unknown, requireProperties = false): unknown {
  const run: Run = { chain, root, requireProperties, results: [] };
  if (chain.tokens.length === 0) run.results.push(document);
  else evaluate(run, 0, chain.rootText, document);
  if (!chain.definite) return run.results;
  if (run.results.length === 0) throw new JaywayFailure("not-found", `No results for path: ${chain.text}`);
  return run.results[run.results.length - 1];
}

const notFound = (message: string): JaywayFailure => new JaywayFailure("not-found", message);

function isLeaf(run: Run, i: number): boolean {
  return i === run.chain.tokens.length - 1;
}

/** The path from token `i` on, as PathToken.toString() prints it. */
function tokenText(run: Run, i: number): string {
  return run.chain.fragments.slice(i).join("");
}

function next(run: Run, i: number, path: string, value: unknown): void {
  if (isLeaf(run, i)) run.results.push(value);
  else evaluate(run, i + 1, path, value);
}

function evaluate(run: Run, i: number, path: string, model: unknown): void {
  const token = run.chain.tokens[i];
  switch (token?.kind) {
    case undefined:
      return;
    case "scan":
      return scan(run, i + 1, path, model);
    case "property":
      return property(run, i, token.names, path, model);
    case "index":
      if (!isArrayModel(run, i, path, model)) return;
      for (const index of token.indexes) arrayIndex(run, i, index, path, model);
      return;
    case "slice":
      if (!isArrayModel(run, i, path, model)) return;
      for (const index of sliceIndexes(token.start, token.end, model.length)) arrayIndex(run, i, index, path, model);
      return;
    case "wildcard":
      return wildcard(run, i, path, model);
    case "filter":
      return filter(run, i, token.expression, path, model);
    case "function":
      run.results.push(applyFunction(run, token, model));
      return;
  }
}

/** PropertyPathToken: `.name`, `['a','b']`. */
function property(run: Run, i: number, names: readonly string[], path: string, model: unknown): void {
  if (!isJsonObject(model)) {
    if (!run.chain.upstreamDefinite[i]) return;
    throw notFound(
      `Expected to find an object with property ${run.chain.fragments[i]} in path ${path} ` +
        `but found '${javaClassName(model)}'. ` +
        `This is not a json object according to the JsonProvider: '${JSON_PROVIDER}'.`,
    );
  }
  if (names.length > 1 && isLeaf(run, i)) {
    const present = names.filter((name) => Object.hasOwn(model, name));
    if (run.requireProperties && present.length < names.length) {
      throw notFound(`Missing property in path ${path}[${names.map((n) => `'${n}'`).join(", ")}]`);
    }
    run.results.push(Object.fromEntries(present.map((name) => [name, model[name]])));
    return;
  }
  for (const name of names) member(run, i, name, path, model);
}

/** PathToken.handleObjectProperty for one member. */
function member(run: Run, i: number, name: string, path: string, model: Readonly<Record<string, unknown>>): void {
  const memberPath = `${path}['${name}']`;
  if (!Object.hasOwn(model, name)) {
    if (isLeaf(run, i)) {
      if (run.requireProperties) throw notFound(`No results for path: ${memberPath}`);
      return;
    }
    const definiteHere = run.chain.upstreamDefinite[i] === true && run.chain.tokenDefinite[i] === true;
    if (!definiteHere && !run.requireProperties) return;
    throw notFound(`Missing property in path ${memberPath}`);
  }
  next(run, i, memberPath, model[name]);
}

/** ArrayPathToken.checkArrayModel: on an indefinite path a non-array is skipped, on a definite one it is an error. */
function isArrayModel(run: Run, i: number, path: string, model: unknown): model is readonly unknown[] {
  if (Array.isArray(model)) return true;
  if (!run.chain.upstreamDefinite[i]) return false;
  if (model === null || model === undefined) throw notFound(`The path ${path} is null`);
  throw notFound(
    `Filter: ${tokenText(run, i)} can only be applied to arrays. Current context is: ${javaToString(model)}`,
  );
}

/** PathToken.handleArrayIndex: negative indexes count from the end; out of range selects nothing. */
function arrayIndex(run: Run, i: number, index: number, path: string, model: readonly unknown[]): void {
  const effective = index < 0 ? model.length + index : index;
  if (effective < 0 || effective >= model.length) return;
  next(run, i, `${path}[${index}]`, model[effective]);
}

/** ArraySliceToken: the indexes a slice visits (each then resolved by arrayIndex). */
function sliceIndexes(start: number | null, end: number | null, length: number): number[] {
  const range = (from: number, to: number): number[] =>
    Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);
  if (length === 0) return [];
  if (end === null) return range(Math.max(0, start !== null && start < 0 ? length + start : (start ?? 0)), length);
  if (start === null) return range(0, Math.min(length, end < 0 ? length + end : end));
  return range(start, Math.min(length, end));
}

/** WildcardPathToken: object members in key order, array elements in order. */
function wildcard(run: Run, i: number, path: string, model: unknown): void {
  if (isJsonObject(model)) {
    for (const name of Object.keys(model)) member(run, i, name, path, model);
  } else if (Array.isArray(model)) {
    for (let index = 0; index < model.length; index++) {
      try {
        arrayIndex(run, i, index, path, model);
      } catch (error) {
        if (!(error instanceof JaywayFailure && error.kind === "not-found") || run.requireProperties) throw error;
      }
    }
  } else if (!isLeaf(run, i)) {
    throw notFound(`Expected to find an object or array in path ${path} but found '${javaClassName(model)}'. `);
  }
}

/** PredicatePathToken: array elements that pass, or an object that passes itself. */
function filter(run: Run, i: number, expression: FilterExpression, path: string, model: unknown): void {
  if (isJsonObject(model)) {
    if (accepts(run, expression, model)) next(run, i, path, model);
  } else if (Array.isArray(model)) {
    model.forEach((item, index) => {
      if (accepts(run, expression, item)) arrayIndex(run, i, index, path, model);
    });
  } else if (run.chain.upstreamDefinite[i]) {
    throw new JaywayFailure(
      "invalid-path",
      `Filter: ${tokenText(run, i)} can not be applied to primitives. Current context is: ${javaToString(model)}`,
    );
  }
}

function accepts(run: Run, expression: FilterExpression, item: unknown): boolean {
  const host: FilterHost = {
    read: (path, current, requireProperties) =>
      readChain(compilePath(path), path.root.kind === "current" ? current : run.root, run.root, requireProperties),
  };
  return filterAccepts(expression, item, host);
}

/** ScanPathToken: `..` followed by the token at `target`. */
function scan(run: Run, target: number, path: string, model: unknown): void {
  const token = run.chain.tokens[target];
  if (token === undefined) return;
  const matches = (node: unknown): boolean => {
    switch (token.kind) {
      case "property":
        return (
          isJsonObject(node) && (!run.chain.tokenDefinite[target] || token.names.every((n) => Object.hasOwn(node, n)))
        );
      case "index":
      case "slice":
        return Array.isArray(node);
      case "wildcard":
        return true;
      case "filter":
        return accepts(run, token.expression, node);
      default:
        return false;
    }
  };
  const walk = (node: unknown, at: string): void => {
    if (isJsonObject(node)) {
      if (matches(node)) evaluate(run, target, at, node);
      for (const name of Object.keys(node)) walk(node[name], `${at}['${name}']`);
    } else if (Array.isArray(node)) {
      if (matches(node)) {
        // Jayway hands the elements straight to the token after the target when the target is not the last token.
        if (isLeaf(run, target)) evaluate(run, target, at, node);
        else node.forEach((item, index) => evaluate(run, target + 1, `${at}[${index}]`, item));
      }
      node.forEach((item, index) => walk(item, `${at}[${index}]`));
    }
  };
  walk(model, path);
}

/** FunctionPathToken: arguments that are paths read the document root. */
function applyFunction(run: Run, token: Extract<Token, { kind: "function" }>, model: unknown): unknown {
  const { fn, scanned } = token;
  if (fn.name === "length" || fn.name === "size") return length(run, fn, scanned, model);
  const args = (): unknown[] =>
    scanned !== null
      ? [readChain(scanned, model, run.root)]
      : fn.args.map((arg) =>
          arg.kind === "literal" ? arg.value : readChain(compilePath(arg.path), run.root, run.root),
        );
  return invokePathFunction(fn.name, model, args);
}

/**
 * Length: with a path argument (the scanned path of `$..x.length()`, or an explicit one), Jayway appends `[*]` to it
 * (unless it is a bare root), evaluates it against the model and counts the matches; otherwise it measures the model.
 */
function length(run: Run, fn: PathFunction, scanned: Chain | null, model: unknown): number | null {
  let argument = scanned;
  if (argument === null && fn.args[0] !== undefined) {
    if (fn.args[0].kind === "literal") throw new JaywayFailure("evaluation", "java.lang.NullPointerException");
    argument = compilePath(fn.args[0].path);
  }
  if (argument !== null) {
    const children =
      argument.tokens.length === 0 ? argument : chainOf([...argument.tokens, { kind: "wildcard" }], argument.rootText);
    const matched = readChain(children, model, model, run.requireProperties);
    if (Array.isArray(matched)) return matched.length;
  }
  return lengthOf(model);
}
