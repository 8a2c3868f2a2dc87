/**
 * The results of a Distributed Map's children and their documented shapes (ASL-6.8; AWS developer guide,
 * input-output-resultwriter.html, stored copy read 2026-11-26):
 *
 * - `Transformation: NONE` "returns the output of the child workflow executions unchanged, in addition to the
 *   workflow metadata": one execution record per child, `{"ExecutionArn", "Input", "InputDetails": {"Included": true},
 *   "Name", "Output", "OutputDetails": {"Included": true}, "RedriveCount", "RedriveStatus", "RedriveStatusReason",
 *   "StartDate", "StateMachineArn", "Status", "StopDate"}` with `Input` and `Output` as JSON text (the page's example).
 *   A failed child's record has `Error` and `Cause` and no `Output`, and `RedriveStatus: REDRIVABLE_BY_MAP_RUN` without
 *   a reason (shape of FAILED_0.json records seen in exported AWS results; not shown by the page).
 * - `COMPACT` "returns the output of the child workflow executions" (the default without a ResultWriter);
 *   `FLATTEN` also splices a child output that is an array into the result.
 * - "If a child workflow execution fails, Step Functions returns its execution result unchanged. The results would be
 *   equivalent to having set Transformation to NONE": a failed child contributes its execution record.
 *
 * The durable runtime has no child executions: the caller names each child and records its start and stop times
 * (read in a step, so replays agree); `ExecutionArn` is derived from `MapRunInfo.stateMachineArn` as AWS derives it
 * (`…:stateMachine:machine/Label` → `…:execution:machine/Label:name`).
 */
import type { Json } from "../types.js";

interface StartedChild {
  /** The child execution name (AWS uses a UUID); unique within the Map Run. */
  name: string;
  input: Json;
  /** ISO-8601 timestamps. */
  startDate: string;
  stopDate: string;
  redriveCount?: number;
}

export interface SucceededChild extends StartedChild {
  status: "SUCCEEDED";
  output: Json;
}

export interface FailedChild extends StartedChild {
  status: "FAILED" | "TIMED_OUT" | "ABORTED";
  error: string;
  cause: string;
}

/** A child that was never started because the Map Run failed or was aborted. */
export interface PendingChild {
  status: "PENDING";
  input: Json;
}

export type ChildResult = SucceededChild | FailedChild | PendingChild;

export type Transformation = "NONE" | "COMPACT" | "FLATTEN";

export interface MapRunInfo {
  /** `arn:aws:states:…:mapRun:machine/Label:<id>`; the part after the last `:` names the results folder. */
  mapRunArn: string;
  /** `arn:aws:states:…:stateMachine:machine/Label`, recorded as each child's `StateMachineArn`. */
  stateMachineArn: string;
}

/** The `NONE` record of one child (keys in the order AWS writes them). */
export function executionRecord(child: ChildResult, run: MapRunInfo): Json {
  const input = JSON.stringify(child.input) ?? "null";
  if (child.status === "PENDING")
    return {
      Input: input,
      InputDetails: { Included: true },
      Status: "PENDING",
    };
  const common = {
    ExecutionArn: executionArn(run.stateMachineArn, child.name),
    Input: input,
    InputDetails: { Included: true },
    Name: child.name,
  };
  const tail = {
    StartDate: child.startDate,
    StateMachineArn: run.stateMachineArn,
    Status: child.status,
    StopDate: child.stopDate,
  };
  if (child.status === "SUCCEEDED") {
    return {
      ...common,
      Output: JSON.stringify(child.output) ?? "null",
      OutputDetails: { Included: true },
      RedriveCount: child.redriveCount ?? 0,
      RedriveStatus: "NOT_REDRIVABLE",
      RedriveStatusReason: "Execution is SUCCEEDED and cannot be redriven",
      ...tail,
    };
  }
  return {
    Cause: child.cause,
    Error: child.error,
    ...common,
    OutputDetails: { Included: true },
    RedriveCount: child.redriveCount ?? 0,
    RedriveStatus: "REDRIVABLE_BY_MAP_RUN",
    ...tail,
  };
}

/** A child's ARN from the child state machine's: `…:stateMachine:m/Label` → `…:execution:m/Label:name`. */
export function executionArn(stateMachineArn: string, name: string): string {
  return `${stateMachineArn.replace(":stateMachine:", ":execution:")}:${name}`;
}

/**
 * The elements a transformation makes of the children, in order: NONE gives every child's record; COMPACT each
 * succeeded child's output; FLATTEN each succeeded output, spliced in when it is an array. Children that did not
 * succeed give their record under every transformation.
 */
export function transformResults(results: readonly ChildResult[], transformation: Transformation, run: MapRunInfo): Json[] {
  const elements: Json[] = [];
  for (const child of results) {
    if (transformation === "NONE" || child.status !== "SUCCEEDED") elements.push(executionRecord(child, run));
    else if (transformation === "FLATTEN" && Array.isArray(child.output)) elements.push(...child.output);
    else elements.push(child.output);
  }
  return elements;
}
