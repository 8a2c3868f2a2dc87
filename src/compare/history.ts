import { isJsonObject, jsonEquals } from "../runtime/json.js";
import type { TaskOverride } from "../runtime/task.js";
import type { Json } from "../runtime/types.js";
import type { Outcome } from "./types.js";

/**
 * Recorded executions for `asl2durable compare <definition> --history history.json` (issue #5): the output of
 * `aws stepfunctions get-execution-history --output json` becomes the input and the Task mocks of a run, and what
 * AWS recorded becomes the outcome the handler must reach.
 *
 * Accepted shapes (`parseHistories`):
 * - one GetExecutionHistory response, `{"events": [...]}` (extra keys such as boto3's `ResponseMetadata` are ignored);
 * - an array of responses;
 * - `{"executions": [...]}`, an array of responses under that key;
 * - as text (`parseHistoriesText`), also JSON Lines: one response per line, used when the whole text is not one
 *   JSON value but its first non-blank line is.
 * A response may carry `name` or `executionArn` (not part of GetExecutionHistory's output, which does not name the
 * execution): it names the run; otherwise the run is named after the file and its place in it. A response with a
 * `nextToken`/`NextToken` is one page of a longer history and is refused, as is a redriven execution's history.
 * Events may come in either order (`--reverse-order` gives them newest first); their ids must then strictly increase.
 *
 * Linking a Task event to its state (`TaskScheduled`, `TaskStarted`, `TaskSubmitted`, `TaskSucceeded`, `TaskFailed`,
 * `TaskTimedOut`, `TaskStartFailed`, `TaskSubmitFailed`, and their `LambdaFunction*` and `Activity*` counterparts):
 * Step Functions chains the events of one branch or iteration through `previousEventId` — a Task's scheduled event
 * points at its `TaskStateEntered`, each later event of the attempt at the one before it, and a retry's scheduled
 * event at the previous attempt's failure. So the state of a Task event is found by following `previousEventId` back
 * through Task events to a `TaskStateEntered`; events of concurrent Parallel branches and Map iterations interleave
 * in id order but never share a chain. Limit: when the chain is broken (no `previousEventId`, 0, an id not in the
 * history, or an event of another kind), the event is given to the latest `TaskStateEntered` before it, which is right
 * for sequential executions and may be wrong where branches or iterations ran concurrently.
 *
 * Each attempt is one outcome, in the order of the events that ended them (retries included): a success gives the
 * raw result (`TaskSucceeded.output`, the JSON the Task's integration returned, before ResultSelector/ResultPath), a
 * failure or time-out gives its error and cause (an error the event leaves out is `States.Timeout` for a time-out and
 * `States.TaskFailed` otherwise; a cause it leaves out is ""). An attempt with no ending event (aborted when a sibling
 * branch failed) gives no outcome.
 */

/** One recorded attempt of a Task state. */
export type RecordedTaskOutcome = ({ result: Json } | { error: string; cause: string }) & {
  /** What the attempt was called with (`TaskScheduled.parameters`, `LambdaFunctionScheduled.input`, `ActivityScheduled.input`), when recorded. */
  parameters?: Json;
  /** Id of the event that ended the attempt. */
  eventId: number;
};

export interface RecordedExecution {
  /** The response's `name` or `executionArn`, else the file and the execution's place in it. */
  name: string;
  /** `ExecutionStarted.executionStartedEventDetails.input`. */
  input: Json;
  /**
   * How the execution ended: `ExecutionSucceeded` (its output), else FAILED with the event's error and cause —
   * `ExecutionFailed`, `ExecutionTimedOut` (error `States.Timeout` when left out) or `ExecutionAborted` (error
   * `ExecutionAborted` when left out; noted, since a handler run cannot end that way).
   */
  outcome: Outcome;
  /** The outcomes of every attempt, by Task state name, in the order they ended. */
  taskOutcomes: Map<string, RecordedTaskOutcome[]>;
  /** What replaying this execution cannot reproduce (a distributed Map's child executions, an abort). */
  notes: string[];
}

/** Where a malformed history is: the file, the execution in it, the event. */
export interface HistoryLocation {
  file?: string;
  /** `[1]`, `executions[1]` or `line 2` (1-based) for a file of several executions; absent for a single response. */
  execution?: string;
  /** `event 7 (TaskSucceeded)` or `events[3]` when the event has no valid id. */
  event?: string;
}

export class HistoryError extends Error {
  readonly location: HistoryLocation;

  constructor(problem: string, location: HistoryLocation) {
    const where = [location.file, location.execution, location.event].filter((part) => part !== undefined).join(", ");
    super(where === "" ? problem : `${where}: ${problem}`);
    this.name = "HistoryError";
    this.location = location;
  }
}

/** The error a replayed Task throws when the recorded execution has no outcome left for the call. */
export const NO_RECORDED_OUTCOME = "Replay.NoRecordedOutcome";

/**
 * The recorded executions in a parsed JSON value: one GetExecutionHistory response, an array of them, or
 * `{"executions": [...]}`. Throws a HistoryError naming the file, execution and event of the first problem.
 */
export function parseHistories(value: unknown, file?: string): RecordedExecution[] {
  const at = (execution?: string): HistoryLocation => withFile({ ...(execution === undefined ? {} : { execution }) }, file);
  if (Array.isArray(value)) return nonEmpty(value, at()).map((item: unknown, i) => parseResponse(item, at(`[${i}]`)));
  if (isJsonObject(value) && !("events" in value) && "executions" in value) {
    const executions = value["executions"];
    if (!Array.isArray(executions)) throw new HistoryError(`"executions" must be an array of GetExecutionHistory responses`, at());
    return nonEmpty(executions, at()).map((item: unknown, i) => parseResponse(item, at(`executions[${i}]`)));
  }
  if (isJsonObject(value) && "events" in value) return [parseResponse(value, at())];
  throw new HistoryError(
    `expected the output of "aws stepfunctions get-execution-history" ({"events": [...]}), an array of them, or {"executions": [...]}`,
    at(),
  );
}

/**
 * The recorded executions in a file's text: JSON as `parseHistories` reads it, or JSON Lines (one
 * GetExecutionHistory response per line) when the text is not one JSON value but its first non-blank line is.
 */
export function parseHistoriesText(text: string, file?: string): RecordedExecution[] {
  const source = text.startsWith("\uFEFF") ? text.slice(1) : text;
  if (source.trim() === "") throw new HistoryError("the file is empty", withFile({}, file));
  let whole: unknown;
  try {
    whole = JSON.parse(source);
  } catch (error) {
    const lines = source.split(/\r?\n/);
    const first = lines.findIndex((line) => line.trim() !== "");
    if (!parsesAsJson(lines[first] ?? "")) throw new HistoryError(`not valid JSON (${messageOf(error)})`, withFile({}, file));
    const executions: RecordedExecution[] = [];
    lines.forEach((line, i) => {
      if (line.trim() === "") return;
      const location = withFile({ execution: `line ${i + 1}` }, file);
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (lineError) {
        throw new HistoryError(`not valid JSON (${messageOf(lineError)}); in JSON Lines each line is one GetExecutionHistory response`, location);
      }
      executions.push(parseResponse(value, location));
    });
    return executions;
  }
  return parseHistories(whole, file);
}

/**
 * `tasks` overrides that replay a recorded execution: each call of a Task state takes that state's next recorded
 * outcome — its result is returned, its error thrown (name = Error, message = Cause) — and a call with none left
 * throws `Replay.NoRecordedOutcome`, so a handler that strays from the recorded path ends differently instead of
 * hanging or calling AWS. Give `taskStates` (every Task state name of the machine) so that Tasks the recorded
 * execution never ran fail the same way rather than call their real integration.
 *
 * Which recorded outcome a call takes: the first unused one whose recorded parameters deep-equal the call's input,
 * else the first unused one in recorded order. The parameters tell apart concurrent Map iterations or Parallel
 * branches that call one Task with different inputs and got different results, which call order alone may
 * mis-assign; where parameters are not recorded, hold per-attempt values (a task token, `$$.State.RetryCount`,
 * timestamps) or coincide, order decides.
 *
 * The overrides keep state (which outcomes are used): make one set per run.
 */
export function replayMocks(execution: RecordedExecution, taskStates: Iterable<string> = []): Record<string, TaskOverride> {
  const names = new Set([...execution.taskOutcomes.keys(), ...taskStates]);
  return Object.fromEntries([...names].map((state) => [state, replayState(state, execution.taskOutcomes.get(state) ?? [])]));
}

function replayState(state: string, outcomes: readonly RecordedTaskOutcome[]): TaskOverride {
  const used = outcomes.map(() => false);
  return (input) => {
    const matching = outcomes.findIndex((o, i) => !used[i] && o.parameters !== undefined && jsonEquals(o.parameters, input));
    const index = matching !== -1 ? matching : used.indexOf(false);
    const outcome = outcomes[index];
    if (outcome === undefined) {
      const recorded = outcomes.length === 0 ? "never ran it" : `ran it ${outcomes.length} time${outcomes.length === 1 ? "" : "s"}`;
      throw Object.assign(new Error(`no recorded outcome left for Task state ${JSON.stringify(state)}: the recorded execution ${recorded}`), {
        name: NO_RECORDED_OUTCOME,
      });
    }
    used[index] = true;
    if ("error" in outcome) throw Object.assign(new Error(outcome.cause), { name: outcome.error });
    return structuredClone(outcome.result);
  };
}

// ---------------------------------------------------------------------------------------------------------------
// One GetExecutionHistory response

interface RawEvent {
  id: number;
  type: string;
  previousEventId: number | undefined;
  fields: Readonly<Record<string, unknown>>;
}

/** Scheduled events and the field holding what the attempt was called with. */
const SCHEDULED: Readonly<Record<string, string>> = { TaskScheduled: "parameters", LambdaFunctionScheduled: "input", ActivityScheduled: "input" };
const STARTED = new Set(["TaskStarted", "TaskSubmitted", "LambdaFunctionStarted", "ActivityStarted"]);
const SUCCEEDED = new Set(["TaskSucceeded", "LambdaFunctionSucceeded", "ActivitySucceeded"]);
const FAILED = new Set([
  "TaskFailed",
  "TaskStartFailed",
  "TaskSubmitFailed",
  "LambdaFunctionFailed",
  "LambdaFunctionStartFailed",
  "LambdaFunctionScheduleFailed",
  "ActivityFailed",
  "ActivityScheduleFailed",
]);
const TIMED_OUT = new Set(["TaskTimedOut", "LambdaFunctionTimedOut", "ActivityTimedOut"]);
const EXECUTION_END = new Set(["ExecutionSucceeded", "ExecutionFailed", "ExecutionTimedOut", "ExecutionAborted"]);

function isTaskEvent(type: string): boolean {
  return type in SCHEDULED || STARTED.has(type) || SUCCEEDED.has(type) || FAILED.has(type) || TIMED_OUT.has(type);
}

function parseResponse(value: unknown, location: HistoryLocation): RecordedExecution {
  if (!isJsonObject(value)) throw new HistoryError(`expected a GetExecutionHistory response ({"events": [...]}), found ${describe(value)}`, location);
  const events = value["events"];
  if (!Array.isArray(events)) throw new HistoryError(`"events" must be an array, found ${describe(events)}`, location);
  for (const key of ["nextToken", "NextToken"]) {
    if (value[key] !== undefined && value[key] !== null) {
      throw new HistoryError(`the response has a ${key}: it is one page of a longer history; fetch the whole history (without --max-items)`, location);
    }
  }
  const ordered = inOrder(events.map((event: unknown, i) => rawEvent(event, { ...location, event: `events[${i}]` })), location);
  return new ExecutionReader(ordered, location).read(nameOf(value, location));
}

function nameOf(response: Readonly<Record<string, unknown>>, location: HistoryLocation): string {
  for (const key of ["name", "executionArn"]) {
    const name = response[key];
    if (typeof name === "string" && name !== "") return name;
  }
  const file = location.file ?? "history";
  return location.execution === undefined ? file : location.execution.startsWith("[") ? `${file}${location.execution}` : `${file} ${location.execution}`;
}

function rawEvent(value: unknown, location: HistoryLocation): RawEvent {
  if (!isJsonObject(value)) throw new HistoryError(`an event must be an object, found ${describe(value)}`, location);
  const { id, type, previousEventId } = value;
  if (typeof id !== "number" || !Number.isSafeInteger(id) || id < 1) throw new HistoryError(`"id" must be a positive integer, found ${describe(id)}`, location);
  if (typeof type !== "string" || type === "") throw new HistoryError(`"type" must be a non-empty string, found ${describe(type)}`, location);
  const at = { ...location, event: `event ${id} (${type})` };
  if (previousEventId !== undefined && previousEventId !== null) {
    if (typeof previousEventId !== "number" || !Number.isSafeInteger(previousEventId) || previousEventId < 0) {
      throw new HistoryError(`"previousEventId" must be a non-negative integer, found ${describe(previousEventId)}`, at);
    }
    if (previousEventId >= id) throw new HistoryError(`"previousEventId" ${previousEventId} does not precede the event`, at);
  }
  return { id, type, previousEventId: typeof previousEventId === "number" ? previousEventId : undefined, fields: value };
}

/** The events oldest first: as given, or reversed when given newest first (`--reverse-order`); ids must strictly increase. */
function inOrder(events: RawEvent[], location: HistoryLocation): RawEvent[] {
  if (events.length === 0) throw new HistoryError("the history has no events", location);
  const first = events[0] as RawEvent;
  const last = events[events.length - 1] as RawEvent;
  const ordered = first.id > last.id ? [...events].reverse() : events;
  ordered.forEach((event, i) => {
    const before = ordered[i - 1];
    if (before !== undefined && event.id <= before.id) {
      throw new HistoryError(`events out of order: event ${event.id} comes after event ${before.id}`, { ...location, event: eventLabel(event) });
    }
  });
  return ordered;
}

/** Reads one execution's events, oldest first. */
class ExecutionReader {
  private readonly byId = new Map<number, RawEvent>();
  /** Task event id → the TaskStateEntered event of its state visit. */
  private readonly owners = new Map<number, RawEvent>();
  /** TaskStateEntered id → what the attempt in progress was called with. */
  private readonly attempts = new Map<number, Json | undefined>();
  private readonly taskOutcomes = new Map<string, RecordedTaskOutcome[]>();
  private readonly notes: string[] = [];
  private lastTaskEntered: RawEvent | undefined;

  constructor(
    private readonly events: readonly RawEvent[],
    private readonly location: HistoryLocation,
  ) {}

  read(name: string): RecordedExecution {
    const start = this.events[0] as RawEvent;
    if (start.type !== "ExecutionStarted") throw this.error(start, `the first event must be ExecutionStarted`);
    const started = this.details(start);
    const input = this.payload(start, started, "input", "inputDetails");
    let end: { event: RawEvent; outcome: Outcome } | undefined;
    for (const event of this.events) {
      this.byId.set(event.id, event);
      if (end !== undefined) throw this.error(event, `the execution already ended at event ${end.event.id} (${end.event.type}); no event may follow`);
      if (event === start) continue;
      if (EXECUTION_END.has(event.type)) end = { event, outcome: this.executionOutcome(event) };
      else this.readEvent(event);
    }
    if (end === undefined) {
      throw new HistoryError(
        "the execution has not ended: no ExecutionSucceeded, ExecutionFailed, ExecutionTimedOut or ExecutionAborted event (was it still running?)",
        this.location,
      );
    }
    return { name, input, outcome: end.outcome, taskOutcomes: this.taskOutcomes, notes: this.notes };
  }

  private readEvent(event: RawEvent): void {
    if (event.type === "ExecutionStarted") throw this.error(event, "a second ExecutionStarted event");
    if (event.type === "ExecutionRedriven") {
      throw this.error(event, "the execution was redriven: its history holds several runs, which cannot be replayed as one");
    }
    if (event.type === "MapRunStarted") {
      this.notes.push(
        `event ${event.id}: a distributed Map ran its iterations as child executions, whose events are not in this history; their Tasks have no recorded outcomes`,
      );
    }
    if (event.type === "TaskStateEntered") {
      const name = this.details(event)["name"];
      if (typeof name !== "string" || name === "") throw this.error(event, `stateEnteredEventDetails.name must be the state's name, found ${describe(name)}`);
      this.lastTaskEntered = event;
      return;
    }
    if (!isTaskEvent(event.type)) return;
    const owner = this.ownerOf(event);
    this.owners.set(event.id, owner);
    const parametersField = SCHEDULED[event.type];
    if (parametersField !== undefined) {
      this.attempts.set(owner.id, this.parameters(event, parametersField));
      return;
    }
    if (STARTED.has(event.type)) return;
    const details = this.details(event);
    const common = { eventId: event.id, ...this.pendingParameters(owner) };
    const outcome: RecordedTaskOutcome = SUCCEEDED.has(event.type)
      ? { result: this.payload(event, details, "output", "outputDetails"), ...common }
      : {
          error: this.optionalText(event, details, "error") ?? (TIMED_OUT.has(event.type) ? "States.Timeout" : "States.TaskFailed"),
          cause: this.optionalText(event, details, "cause") ?? "",
          ...common,
        };
    this.attempts.delete(owner.id);
    const state = this.details(owner)["name"] as string;
    const list = this.taskOutcomes.get(state);
    if (list === undefined) this.taskOutcomes.set(state, [outcome]);
    else list.push(outcome);
  }

  /**
   * The TaskStateEntered of a Task event's state visit: back along `previousEventId` through Task events, else
   * (chain broken) the latest TaskStateEntered before it.
   */
  private ownerOf(event: RawEvent): RawEvent {
    const previous = event.previousEventId === undefined ? undefined : this.byId.get(event.previousEventId);
    if (previous?.type === "TaskStateEntered") return previous;
    const viaChain = previous === undefined ? undefined : this.owners.get(previous.id);
    const owner = viaChain ?? this.lastTaskEntered;
    if (owner === undefined) throw this.error(event, "no TaskStateEntered event precedes this Task event");
    return owner;
  }

  private pendingParameters(owner: RawEvent): { parameters?: Json } {
    const parameters = this.attempts.get(owner.id);
    return parameters === undefined ? {} : { parameters };
  }

  /** What a scheduled attempt was called with, when recorded in full. */
  private parameters(event: RawEvent, field: string): Json | undefined {
    const details = this.details(event);
    const text = details[field];
    if (text === undefined || text === null) return undefined;
    if (isTruncated(details, "inputDetails")) return undefined;
    return this.json(event, text, `${detailsKey(event.type)}.${field}`);
  }

  private executionOutcome(event: RawEvent): Outcome {
    const details = event.type === "ExecutionSucceeded" ? this.details(event) : this.optionalDetails(event);
    switch (event.type) {
      case "ExecutionSucceeded":
        return { status: "SUCCEEDED", output: this.payload(event, details, "output", "outputDetails") };
      case "ExecutionTimedOut":
        return { status: "FAILED", error: this.optionalText(event, details, "error") ?? "States.Timeout", cause: this.optionalText(event, details, "cause") ?? "" };
      case "ExecutionAborted":
        this.notes.push(`event ${event.id}: the execution was aborted (StopExecution); a handler run cannot end that way`);
        return {
          status: "FAILED",
          error: this.optionalText(event, details, "error") ?? "ExecutionAborted",
          cause: this.optionalText(event, details, "cause") ?? "",
        };
      default:
        return { status: "FAILED", error: this.optionalText(event, details, "error") ?? "", cause: this.optionalText(event, details, "cause") ?? "" };
    }
  }

  /** A JSON payload recorded as text (`input`, `output`), which must be there in full. */
  private payload(event: RawEvent, details: Readonly<Record<string, unknown>>, field: string, sizeField: string): Json {
    const path = `${detailsKey(event.type)}.${field}`;
    if (isTruncated(details, sizeField)) throw this.error(event, `${path} is truncated (${sizeField}.truncated): the recorded value cannot be replayed`);
    const text = details[field];
    if (text === undefined || text === null) {
      throw this.error(event, `${path} is missing (was the history fetched with --no-include-execution-data?)`);
    }
    return this.json(event, text, path);
  }

  private json(event: RawEvent, text: unknown, path: string): Json {
    if (typeof text !== "string") throw this.error(event, `${path} must be JSON text (a string), found ${describe(text)}`);
    try {
      return JSON.parse(text) as Json;
    } catch (error) {
      throw this.error(event, `${path} is not valid JSON (${messageOf(error)})`);
    }
  }

  private optionalText(event: RawEvent, details: Readonly<Record<string, unknown>>, field: string): string | undefined {
    const value = details[field];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== "string") throw this.error(event, `${detailsKey(event.type)}.${field} must be a string, found ${describe(value)}`);
    return value;
  }

  private details(event: RawEvent): Readonly<Record<string, unknown>> {
    const key = detailsKey(event.type);
    const details = event.fields[key];
    if (!isJsonObject(details)) throw this.error(event, `${key} must be an object, found ${describe(details)}`);
    return details;
  }

  private optionalDetails(event: RawEvent): Readonly<Record<string, unknown>> {
    return event.fields[detailsKey(event.type)] === undefined ? {} : this.details(event);
  }

  private error(event: RawEvent, problem: string): HistoryError {
    return new HistoryError(problem, { ...this.location, event: eventLabel(event) });
  }
}

/** The field holding an event's details: `stateEnteredEventDetails` for `<Type>StateEntered`, else the type's camelCase name. */
function detailsKey(type: string): string {
  if (type.endsWith("StateEntered")) return "stateEnteredEventDetails";
  if (type.endsWith("StateExited")) return "stateExitedEventDetails";
  return `${type.charAt(0).toLowerCase()}${type.slice(1)}EventDetails`;
}

function isTruncated(details: Readonly<Record<string, unknown>>, sizeField: string): boolean {
  const size = details[sizeField];
  return isJsonObject(size) && size["truncated"] === true;
}

function eventLabel(event: RawEvent): string {
  return `event ${event.id} (${event.type})`;
}

function withFile(location: HistoryLocation, file: string | undefined): HistoryLocation {
  return file === undefined ? location : { file, ...location };
}

function nonEmpty(items: unknown[], location: HistoryLocation): unknown[] {
  if (items.length === 0) throw new HistoryError("no executions", location);
  return items;
}

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  return `${typeof value} ${JSON.stringify(value)}`;
}
