/** Predefined Step Functions error names (ASL-9). User-defined names must not start with `States.`. */
export const PREDEFINED_ERRORS = [
  "States.ALL",
  "States.DataLimitExceeded",
  "States.ExceedToleratedFailureThreshold",
  "States.HeartbeatTimeout",
  "States.Http.Socket",
  "States.IntrinsicFailure",
  "States.ItemReaderFailed",
  "States.NoChoiceMatched",
  "States.ParameterPathFailure",
  "States.Permissions",
  "States.QueryEvaluationError",
  "States.ResultPathMatchFailure",
  "States.ResultWriterFailed",
  "States.Runtime",
  "States.TaskFailed",
  "States.Timeout",
  "States.BranchFailed",
] as const;

export type PredefinedError = (typeof PREDEFINED_ERRORS)[number];

/** Errors that end the execution: `States.ALL` does not match them, so no retrier or catcher can (ASL-9). */
export const TERMINAL_ERRORS: readonly string[] = ["States.Runtime", "States.DataLimitExceeded"];

export function isPredefinedError(name: string): boolean {
  return (PREDEFINED_ERRORS as readonly string[]).includes(name);
}
