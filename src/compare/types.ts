import type { Json } from "../runtime/types.js";

/**
 * The structured result of `compare` (issue #5): the reference interpreter and the generated durable handler run on
 * the same input and mocks; the CLI only prints this (text, JSON, Markdown or HTML).
 */

/** How one run ended. */
export type Outcome = { status: "SUCCEEDED"; output: Json } | { status: "FAILED"; error: string; cause: string };

/** A Step Functions-shaped history event, as the interpreter records it (a subset of GetExecutionHistory's). */
export interface HistoryEvent {
  /** 1-based, in order. */
  id: number;
  /** e.g. ExecutionStarted, PassStateEntered, TaskStateEntered, TaskScheduled, TaskSucceeded, TaskFailed, MapIterationStarted, WaitStateExited, ExecutionSucceeded. */
  type: string;
  /** Virtual time in milliseconds since the execution started (waits and retry delays advance it, nothing else). */
  time: number;
  /** State name for state events. */
  state?: string;
  input?: Json;
  output?: Json;
  error?: string;
  cause?: string;
}

/** One durable operation of the handler's run, as the testing runner reports it. */
export interface DurableOperation {
  id: string;
  parentId?: string;
  name: string;
  /** STEP, WAIT, CONTEXT, CALLBACK, … */
  type: string;
  subType?: string;
  status: string;
}

/** What the two sides did, as counts for the cost model (both measured on the same run). */
export interface RunMetrics {
  /** Step Functions Standard's billing unit: state transitions (every state entered, retries included). */
  stateTransitions: number;
  /** Durable operations checkpointed (steps, waits, contexts, callbacks…). */
  durableOperations: number;
  /** Bytes of checkpointed results (the JSON text of every operation's result). */
  checkpointedBytes: number;
  /** Lambda invocations of the durable function (the first plus one per resume after a wait or callback). */
  invocations: number;
  /** Replays: invocations after the first, each re-running the handler up to where it stopped. */
  replays: number;
  /** Virtual seconds the execution took (waits and retry delays). */
  elapsedSeconds: number;
  /** Milliseconds the handler's code ran in total, measured locally (Lambda bills GB-seconds of it). */
  handlerMilliseconds: number;
}

/** One priced line of a cost estimate. */
export interface CostLine {
  item: string;
  quantity: number;
  unit: string;
  unitPrice: number;
  amount: number;
}

/** Both sides priced with one price table (src/compare/prices.ts, whose defaults cite their source and date). */
export interface CostEstimate {
  currency: "USD";
  region: string;
  stepFunctions: { lines: CostLine[]; total: number };
  durable: { lines: CostLine[]; total: number };
}

/** A difference between the two outcomes, at a JSON path of the output (or the error). */
export interface Difference {
  path: string;
  interpreter: Json | undefined;
  handler: Json | undefined;
}

export interface RunComparison {
  /** A name for the run: "input" for --input, the execution's name or ARN for a recorded history. */
  name: string;
  input: Json;
  interpreter: { outcome: Outcome; path: string[]; history: HistoryEvent[] };
  handler: { outcome: Outcome; operations: DurableOperation[] };
  /** For a replayed history: what AWS recorded. */
  recorded?: Outcome;
  verdict: "same" | "different";
  differences: Difference[];
  metrics: RunMetrics;
  cost: CostEstimate;
}

export interface CompareResult {
  machine: { name: string; states: number };
  runs: RunComparison[];
  /** 0 when every run agrees, 1 otherwise (the CLI's exit status; 2 is for usage and I/O errors). */
  exitCode: 0 | 1;
}
