import { StepError } from "@aws/durable-execution-sdk-js";
import { TERMINAL_ERRORS } from "../asl/errors.js";

/**
 * An ASL error: what a Fail state, a failed task or a runtime problem raises (ASL-9). `name` is the ASL error name
 * (`Error`) and `message` the cause (`Cause`).
 *
 * The durable SDK drops error names at every durable boundary (step, child context, parallel branch, map item) and
 * keeps only `errorData` of its own error classes (../shared/reference/durable-sdk.md §4). So a StatesError is a
 * StepError whose errorData carries `{"Error","Cause"}`; `aslError()` reads it back on the other side.
 */
export class StatesError extends StepError {
  constructor(error: string, cause = "") {
    super(cause, undefined, JSON.stringify({ Error: error, Cause: cause }));
    this.name = error;
    this.message = cause;
  }

  /** The error output object a Catcher sees: `{ Error, Cause }`. */
  toErrorOutput(): { Error: string; Cause: string } {
    return { Error: this.name, Cause: this.message };
  }
}

/** An ASL error name and cause, as Catch and the execution result see them. */
export interface AslError {
  Error: string;
  Cause: string;
}

/**
 * The ASL error behind anything thrown: the `{Error, Cause}` envelope found on the error or its causes (it survives
 * durable boundaries), else the error's own name and message (an Error thrown by a task override), else
 * `States.TaskFailed` with the thrown value as the cause.
 */
export function aslError(thrown: unknown): AslError {
  let node: unknown = thrown;
  for (let depth = 0; depth < 10 && node instanceof Error; depth++) {
    const data = (node as { errorData?: unknown }).errorData;
    if (typeof data === "string") {
      const decoded = decodeEnvelope(data);
      if (decoded) return decoded;
    }
    node = node.cause;
  }
  if (thrown instanceof Error) return { Error: thrown.name, Cause: thrown.message };
  return { Error: "States.TaskFailed", Cause: typeof thrown === "string" ? thrown : JSON.stringify(thrown) ?? String(thrown) };
}

function decodeEnvelope(data: string): AslError | undefined {
  try {
    const value: unknown = JSON.parse(data);
    if (value !== null && typeof value === "object" && typeof (value as AslError).Error === "string") {
      const cause = (value as { Cause?: unknown }).Cause;
      return { Error: (value as AslError).Error, Cause: typeof cause === "string" ? cause : "" };
    }
  } catch {
    // not an envelope
  }
  return undefined;
}

/** Normalise anything thrown into a StatesError, so that its name survives the next durable boundary. */
export function toStatesError(thrown: unknown): StatesError {
  if (thrown instanceof StatesError) return thrown;
  const { Error: error, Cause: cause } = aslError(thrown);
  return new StatesError(error, cause);
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
