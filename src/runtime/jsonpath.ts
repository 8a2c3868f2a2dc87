/**
 * JSONPath evaluation as AWS Step Functions does it (ASL-4): Jayway JsonPath semantics (see ./jsonpath-walk.ts) with
 * the ASL roots `$` (the input), `$$` (the context object, ASL-7) and `$name` (a workflow variable, ASL-8), AWS's rule
 * that an indefinite path which matches nothing gives `[]` **[obs]**, and AWS's error texts. Also ResultPath writing
 * (ASL-3.1 step 7).
 */
import { isJsonObject } from "./json.js";
import type { PathAst, Segment } from "../paths/jsonpath-ast.js";
import { isReferencePath, parsePath } from "../paths/jsonpath.js";
import { StatesError } from "./errors.js";
import { JaywayFailure } from "./jsonpath-java.js";
import { compilePath } from "./jsonpath-chain.js";
import { readChain } from "./jsonpath-walk.js";
import type { PathRoots } from "./types.js";

/** Fields whose failures AWS reports as "Invalid path '$.x' : <Jayway's message>" **[obs]**. */
const JAYWAY_MESSAGE_FIELDS: ReadonlySet<string> = new Set(["InputPath", "OutputPath", "ItemsPath"]);

/**
 * Choice rule fields, for which AWS reports "Invalid path '$.x': The choice state's condition path references an
 * invalid value."
 */
const CHOICE_FIELD =
  /^(Variable|(String|Numeric|Boolean|Timestamp)(Equals|LessThan|GreaterThan|LessThanEquals|GreaterThanEquals)Path)$/;

/**
 * Evaluate a parsed path. Definite paths return the single value; indefinite ones (wildcard, slice, union, filter, deep
 * scan) always return an array ([] when nothing matches). A definite path that matches nothing throws
 * StatesError("States.Runtime", …). `field` names the ASL field for the error message (e.g. "InputPath").
 *
 * A trailing Jayway function (`.length()`) gives its value; after an indefinite path it applies to each match (an
 * array of values), except after a leading `..`, where it applies once to all matches.
 */
export function evaluatePath(path: PathAst, roots: PathRoots, field?: string): unknown {
  const document = rootDocument(path, roots);
  if ((document === null || document === undefined) && (path.segments.length > 0 || path.fn !== null)) {
    throw new StatesError("States.Runtime", "Unable to apply Path transformation to null or empty input.");
  }
  const chain = compilePath(path);
  try {
    return readChain(chain, document, document);
  } catch (error) {
    if (!(error instanceof JaywayFailure)) throw error;
    // ASL-4 [obs: test_json_path_array_wildcard_or_slice_with_no_input]: `$.item.items[1:5]` on {} gives [].
    if (error.kind === "not-found" && !chain.definite) return [];
    throw new StatesError("States.Runtime", failureCause(path, roots, field, error.message));
  }
}

/** Parse (memoised) and evaluate; throws StatesError("States.Runtime", …) on a syntax error too. */
export function selectPath(text: string, roots: PathRoots, field?: string): unknown {
  return evaluatePath(parseOrThrow(text), roots, field);
}

/**
 * Does a definite path exist? (for Choice IsPresent: false instead of an error). A missing variable, a null or missing
 * intermediate node and an index out of range all count as absent; an indefinite path exists when it matches something.
 */
export function pathExists(text: string, roots: PathRoots): boolean {
  const path = parseOrThrow(text);
  if (path.root.kind === "variable" && !Object.hasOwn(roots.variables ?? {}, path.root.name)) return false;
  try {
    const value = evaluatePath(path, roots);
    return compilePath(path).definite || (Array.isArray(value) && value.length > 0);
  } catch (error) {
    if (error instanceof StatesError) return false;
    throw error;
  }
}

/**
 * Set the node at a Reference Path in a COPY of `target` (ResultPath semantics, ASL-3.1 step 7): missing intermediate
 * objects are created; when an intermediate value exists but is not an object (or the root is not an object and the
 * path is not `$`) throw StatesError("States.ResultPathMatchFailure", …). `$` replaces the whole value. Array index
 * steps set existing elements only.
 */
export function setPath(target: unknown, text: string, value: unknown): unknown {
  const path = parseOrThrow(text);
  if (path.root.kind !== "input" || !isReferencePath(path)) {
    throw new StatesError(
      "States.Runtime",
      `Invalid ResultPath '${text}': it must be a Reference Path starting with "$"`,
    );
  }
  return setAt(target, path.segments, 0, value, text);
}

function setAt(node: unknown, segments: readonly Segment[], i: number, value: unknown, text: string): unknown {
  const segment = segments[i];
  if (segment === undefined) return value;
  const { selector } = segment;
  if (selector.kind === "name") {
    if (!isJsonObject(node)) throw matchFailure(text, node);
    const child = Object.hasOwn(node, selector.name) ? node[selector.name] : {};
    return {
      ...node,
      [selector.name]: setAt(child, segments, i + 1, value, text),
    };
  }
  if (selector.kind === "index" && Array.isArray(node)) {
    const index = selector.index < 0 ? node.length + selector.index : selector.index;
    if (index >= 0 && index < node.length) {
      const copy = [...node];
      copy[index] = setAt(node[index], segments, i + 1, value, text);
      return copy;
    }
  }
  throw matchFailure(text, node);
}

function matchFailure(text: string, node: unknown): StatesError {
  return new StatesError(
    "States.ResultPathMatchFailure",
    `Unable to apply ResultPath '${text}' to input '${JSON.stringify(node) ?? "null"}'`,
  );
}

function parseOrThrow(text: string): PathAst {
  const parsed = parsePath(text);
  if (!parsed.ok) {
    throw new StatesError("States.Runtime", `Invalid path '${text}' : ${parsed.message} (at offset ${parsed.offset})`);
  }
  return parsed.value;
}

/** The value a path reads: the input, the context object, or a variable (a missing variable is an error). */
function rootDocument(path: PathAst, roots: PathRoots): unknown {
  switch (path.root.kind) {
    case "context":
      return roots.context;
    case "variable": {
      const { name } = path.root;
      const variables = roots.variables ?? {};
      if (!Object.hasOwn(variables, name)) {
        throw new StatesError("States.Runtime", `Invalid path '${path.text}' : The variable '${name}' is not defined`);
      }
      return variables[name];
    }
    default:
      return roots.input;
  }
}

/**
 * AWS's cause for a path that fails. Observed forms (conformance `test_invalid_jsonpath[…]`,
 * `test_catch_states_runtime`):
 * - InputPath/OutputPath: "Invalid path '$.x' : No results for path: $['x']" (or "Missing property in path $['a']");
 * - ErrorPath, payload-template keys ('x.$') and other fields: "The JSONPath '$.x' specified for the field 'x.$' could
 *   not be found in the input '{…}'";
 * - Choice rules: "Invalid path '$.x': The choice state's condition path references an invalid value."
 */
function failureCause(path: PathAst, roots: PathRoots, field: string | undefined, detail: string): string {
  if (field !== undefined && CHOICE_FIELD.test(field)) {
    return `Invalid path '${path.text}': The choice state's condition path references an invalid value.`;
  }
  if (field === undefined || JAYWAY_MESSAGE_FIELDS.has(field)) return `Invalid path '${path.text}' : ${detail}`;
  const input = JSON.stringify(roots.input) ?? "null";
  return `The JSONPath '${path.text}' specified for the field '${field}' could not be found in the input '${input}'`;
}
