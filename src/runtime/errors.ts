import { TERMINAL_ERRORS } from "../asl/errors.js";

/**
 * An ASL error: what a Fail state, a failed task or a runtime problem raises (ASL-9).
 * `name` is the ASL error name (`Error`) and `message` the cause (`Cause`).
 */
export class StatesError extends Error {
  constructor(error: string, cause = "") {
    super(cause);
    this.name = error;
  }

  /** The error output object a Catcher sees: `{ Error, Cause }`. */
  toErrorOutput(): { Error: string; Cause: string } {
    return { Error: this.name, Cause: this.message };
  }
}

/**
 * Does a retrier's or catcher's `ErrorEquals` match an error name? (ASL-9)
 * - exact, case-sensitive names match themselves;
 * - `States.ALL` matches everything except the terminal `States.Runtime` and `States.DataLimitExceeded`;
 * - `States.TaskFailed` matches every error except `States.Timeout` and the terminal ones.
 */
export function errorMatches(errorEquals: readonly string[], error: string): boolean {
  if (errorEquals.includes(error)) return !TERMINAL_ERRORS.includes(error);
  if (TERMINAL_ERRORS.includes(error)) return false;
  if (errorEquals.includes("States.ALL")) return true;
  return errorEquals.includes("States.TaskFailed") && error !== "States.Timeout";
}
