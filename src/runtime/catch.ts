import { applyResultPath } from "./dataflow.js";
import { aslError, errorMatches, toStatesError } from "./errors.js";
import type { Json } from "./types.js";

/** An ASL catcher (ASL-9): ErrorEquals and ResultPath; `Next` is control flow, which generated code holds. */
export interface Catcher {
  errorEquals: readonly string[];
  resultPath?: string | null;
}

export interface Caught {
  /** Index of the matching catcher. */
  index: number;
  /** The state output for the catcher's Next: the error output `{Error, Cause}` placed by ResultPath into the raw input. */
  output: Json;
  /** The error output `{Error, Cause}` itself: `$` of the catcher's Assign (ASL-9, ASL-8). */
  errorOutput: { Error: string; Cause: string };
}

/**
 * Match a failure against a state's catchers in order (ASL-9). Rethrows (as a StatesError, so its name survives) when
 * none matches; `States.Runtime` and `States.DataLimitExceeded` are never caught.
 */
export function catchError(thrown: unknown, rawInput: Json, catchers: readonly Catcher[]): Caught {
  const error = aslError(thrown);
  const index = catchers.findIndex((c) => errorMatches(c.errorEquals, error.Error));
  const catcher = catchers[index];
  if (catcher === undefined) throw toStatesError(thrown);
  const errorOutput = { Error: error.Error, Cause: error.Cause };
  return { index, output: applyResultPath(rawInput, errorOutput, catcher.resultPath) as Json, errorOutput };
}
