/**
 * The data flow of a JSONPath state (ASL-3.1), one small pure step per function. Generated code calls them in this
 * order, skipping the steps a state type does not have:
 *
 *   raw input ─ applyInputPath ─ Parameters (evaluateTemplate, template.ts) ─▶ effective input ─ the state's work ─▶
 *   raw result ─ (Assign) ─ applyResultSelector ─ applyResultPath(raw input, …) ─ applyOutputPath ─ checkPayloadSize
 *
 * - Pass: the result is `Result` taken literally (never a template, ASL-6.1), else the effective input; no ResultSelector.
 * - Choice, Wait, Succeed: only InputPath then OutputPath (ASL-3.1 step 4).
 * - Catchers: the output is `applyResultPath(raw input, errorOutput(error, cause), catcher.ResultPath)` (ASL-9); the
 *   state's own ResultSelector, ResultPath and OutputPath are not applied **[obs:
 *   `test_raise_exception_catch_output_path[$.no.such.path]`]**.
 *
 * `roots` carries `$$` (the context object, ASL-7) and the variables (ASL-8); each step supplies `$` itself. Nothing is
 * mutated: every step returns a new value or a value it was given.
 */
import { StatesError } from "./errors.js";
import { selectPath, setPath } from "./jsonpath.js";
import type { IntrinsicRandom } from "./intrinsics.js";
import { evaluateTemplate } from "./template.js";
import type { PathRoots } from "./types.js";

/** The roots a data-flow step is given: everything but `$`, which the step chooses. */
type OuterRoots = Omit<PathRoots, "input">;

/**
 * InputPath (ASL-3.1 step 2): `undefined` (absent) selects the whole input (`$`), `null` gives `{}`, and any other path
 * is evaluated against the input: a definite path that matches nothing throws `States.Runtime` **[obs:
 * `test_invalid_jsonpath[ST.INVALID_JSONPATH_IN_INPUTPATH]`]**, an indefinite one gives an array.
 */
export function applyInputPath(input: unknown, inputPath: string | null | undefined, roots: OuterRoots): unknown {
  return applyPath(input, inputPath, roots, "InputPath");
}

/**
 * ResultSelector (ASL-3.1 step 6): the payload template (ASL-3.3) evaluated with `$` = the raw result, giving the
 * effective result. Without a selector the raw result passes through.
 */
export function applyResultSelector(
  raw: unknown,
  selector: unknown | undefined,
  roots: OuterRoots,
  random?: IntrinsicRandom,
): unknown {
  if (selector === undefined) return raw;
  return evaluateTemplate(selector, { ...roots, input: raw }, "ResultSelector", random);
}

/**
 * ResultPath (ASL-3.1 step 7; also a Catcher's, ASL-9): `undefined` (absent) or `$` gives the result, `null` the raw
 * input (the result is discarded), and any other Reference Path a copy of the **raw** input (not the InputPath result)
 * with the result set there; missing intermediate objects are created. A raw input that is not an object where a field
 * must be set throws `States.ResultPathMatchFailure`.
 */
export function applyResultPath(rawInput: unknown, result: unknown, resultPath: string | null | undefined): unknown {
  if (resultPath === undefined || resultPath === "$") return result;
  if (resultPath === null) return rawInput;
  return setPath(rawInput, resultPath, result);
}

/**
 * OutputPath (ASL-3.1 step 8): `undefined` (absent) keeps the value, `null` gives `{}`, and any other path selects from
 * the value (a definite path that matches nothing throws `States.Runtime` **[obs:
 * `test_invalid_jsonpath[ST.INVALID_JSONPATH_IN_OUTPUTPATH]`]**).
 */
export function applyOutputPath(value: unknown, outputPath: string | null | undefined, roots: OuterRoots): unknown {
  return applyPath(value, outputPath, roots, "OutputPath");
}

/** The error output a Catcher sees: { Error, Cause } (ASL-9). */
export function errorOutput(error: string, cause: string): { Error: string; Cause: string } {
  return { Error: error, Cause: cause };
}

/** The largest payload a state may pass on (ASL-3.1 step 9): 256 KiB of UTF-8 JSON text. */
const MAX_PAYLOAD_BYTES = 262_144;

/** UTF-8 needs at most 3 bytes per UTF-16 code unit, so shorter texts cannot exceed the limit. */
const SAFE_TEXT_LENGTH = Math.floor(MAX_PAYLOAD_BYTES / 3);

/**
 * Payload size check (ASL-3.1 step 9): throw StatesError("States.DataLimitExceeded", …) when the JSON text of value
 * exceeds 256 KiB (262,144 bytes, UTF-8). `what` names the payload in the cause, e.g. "The output of the state 'Pass1'".
 * `States.DataLimitExceeded` is terminal: `States.ALL` does not catch it (ASL-9).
 */
export function checkPayloadSize(value: unknown, what: string): void {
  const text = JSON.stringify(value) ?? "null";
  if (text.length <= SAFE_TEXT_LENGTH) return;
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_PAYLOAD_BYTES) {
    throw new StatesError(
      "States.DataLimitExceeded",
      `${what} has a size of ${bytes} bytes, exceeding the maximum number of bytes service limit (${MAX_PAYLOAD_BYTES}).`,
    );
  }
}

/** InputPath and OutputPath: absent keeps the value, `null` gives `{}`, a path selects. */
function applyPath(value: unknown, path: string | null | undefined, roots: OuterRoots, field: string): unknown {
  if (path === undefined) return value;
  if (path === null) return {};
  return selectPath(path, { ...roots, input: value }, field);
}
