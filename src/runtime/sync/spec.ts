import type { ErrorNaming } from "../aws/errors.js";
import { newCommand, type CommandClass } from "../aws/clients.js";
import { parameters } from "../aws/sdk.js";
import { fromSdkOutput, operationSchemas, toSdkInput, type CasingFallback, type MemberCase, type OperationSchemas, type Shape } from "../aws/shape.js";
import { isJsonObject } from "../json.js";
import type { Json } from "../types.js";

type JsonObject = { [key: string]: Json };

/**
 * A command's input in the SDK's member names and value types, as `new Command(input)` takes it. Converted with an
 * operation schema, timestamp members hold Dates and blob members bytes (no start input of the table has either in
 * the models installed; src/runtime/aws/shape.ts `toSdkInput`).
 */
export type SdkInput = { [key: string]: unknown };

/** The `.sync` integration patterns (ASL-6.2): `.sync`, and `.sync:2` of `states:startExecution`. */
export type SyncPattern = "sync" | "sync:2";

/**
 * The start call of a job: what was sent, in the SDK's member names, and what came back, as Step Functions sees it
 * (`viewOf`: PascalCase, timestamps as epoch milliseconds).
 */
export interface SyncStart {
  /** The input the start command was sent (what `startInput` built). */
  request: SdkInput;
  /** What the start command returned, through `viewOf`. */
  response: Json;
}

/** What one describe call says about the job. */
export type SyncOutcome =
  | { status: "running" }
  | { status: "succeeded"; result: Json }
  | { status: "failed"; error: string; cause: string };

/**
 * Where the member names of a job's calls come from (src/runtime/aws/shape.ts `Shape`): the start command's input, its
 * output, and the describe command's output. The describe command's input is written in the SDK's names by `pollInput`.
 */
export interface SyncShapes {
  startInput: Shape;
  startOutput: Shape;
  describeOutput: Shape;
}

/** The operation schemas of a job's start and describe commands, where their client carries them. */
export interface SyncSchemas {
  start?: OperationSchemas | undefined;
  describe?: OperationSchemas | undefined;
}

/**
 * One `<service>:<action>.sync` integration: which AWS SDK v3 commands start and describe the job, how the inputs of
 * both are built, which states end it, and what the Task state's result or error is. Command inputs are in the SDK's
 * member names; everything read from responses is in Step Functions' view of them (`viewOf`), as the Task's result
 * and Cause are. Names are converted with the commands' operation schemas (`syncShapes`), exactly as the
 * request-response integrations convert theirs; `fallback` is used only for a command whose client carries no schema.
 */
export interface SyncJobSpec {
  /** `<service>:<action>.sync` or `states:startExecution.sync:2`: the Resource after `arn:aws:states:::`. */
  resource: string;
  service: string;
  action: string;
  pattern: SyncPattern;
  /** The AWS SDK for JavaScript v3 package, client class and command classes the generated handler imports. */
  sdk: { package: string; client: string; start: string; describe: string };
  /**
   * How the client cases its members and which of them are maps, for a command class without an operation schema
   * (clients published before late 2025, such as @aws-sdk/client-emr-containers 3.623) or a caller that gives no
   * command classes. Hand-kept per family in ./jobs.ts and checked against the models by test/sync/models.test.ts.
   */
  fallback: CasingFallback;
  /**
   * Error names for failures of the start and describe calls, as for the optimised integration's request-response
   * call: `<prefix>.<Exception>`, causes quoting the Java SDK service name (src/runtime/aws/errors.ts).
   */
  errors: ErrorNaming;
  /**
   * The Task's effective parameters (PascalCase, ASL-3.1) → the start command's input, member names per `shape` (the
   * start command's input schema, or the fallback); not a JSON object: States.Runtime.
   */
  startInput(parameters: Json, shape: Shape): SdkInput;
  /** A start response that already fails the Task (ECS: a non-empty `failures`). */
  startFailure?(start: SyncStart): { error: string; cause: string } | undefined;
  /** The start call → the describe command's input. */
  pollInput(start: SyncStart): Json;
  /** The start call as Step Functions reports it (its request-response result), in PascalCase. */
  submitted(start: SyncStart): Json;
  /** One describe output (through `viewOf`) → running, or the Task's result, or its error. Total: an unexpected shape means running. */
  check(output: Json, start: SyncStart): SyncOutcome;
  /** Whether the Task's result is the last describe output ("describe") or the start call as reported ("start"). */
  resultFrom: "describe" | "start";
  /** The job's status values that end it, as the describe output spells them (for documentation and tests). */
  terminal: { succeeded: readonly string[]; failed: readonly string[] };
  /** Describe error names that mean the resource is gone, which ends a delete*.sync job successfully. */
  goneErrors?: readonly string[];
  /** Where each fact comes from (see ./jobs.ts for the key to the sources). */
  source: string;
}

/**
 * The shapes of a job's calls: each command's operation schema where `schemas` has it (the SDK's own model, exact: map
 * keys kept, `equals` read as `EqualsValue`, as for the request-response integrations), else the job's casing fallback.
 */
export function syncShapes(job: SyncJobSpec, schemas: SyncSchemas = {}): SyncShapes {
  return {
    startInput: schemas.start?.input ?? job.fallback,
    startOutput: schemas.start?.output ?? job.fallback,
    describeOutput: schemas.describe?.output ?? job.fallback,
  };
}

/** The operation schemas of a job's start and describe command classes; none for a client published without them. */
export function commandSchemas(Start: CommandClass, Describe: CommandClass): SyncSchemas {
  return { start: operationSchemas(newCommand(Start, {})), describe: operationSchemas(newCommand(Describe, {})) };
}

/**
 * A start or describe output as Step Functions' optimised integrations return it (src/runtime/aws/shape.ts
 * `fromSdkOutput` with the call's shape): no `$metadata`, structure members in PascalCase, map keys as they are,
 * timestamps as epoch milliseconds. JSON a durable step can checkpoint; a value already viewed passes unchanged.
 */
export function viewOf(shape: Shape, output: unknown): Json {
  return fromSdkOutput(output, shape, "epoch-millis");
}

/** The value at a member path of `value`; numbers index arrays. */
function walk(value: unknown, path: ReadonlyArray<string | number>): unknown {
  let node: unknown = value;
  for (const key of path) {
    if (typeof key === "number") node = Array.isArray(node) ? (node[key] as unknown) : undefined;
    else node = isJsonObject(node) ? node[key] : undefined;
    if (node === undefined) return undefined;
  }
  return node;
}

/** Read a member path of a JSON value; numbers index arrays. */
export function at(value: Json | undefined, ...path: Array<string | number>): Json | undefined {
  return walk(value, path) as Json | undefined;
}

/** A member path's string value, or undefined; `value` may be a start command's input (`SdkInput`). */
export function str(value: unknown, ...path: Array<string | number>): string | undefined {
  const found = walk(value, path);
  return typeof found === "string" ? found : undefined;
}

/** An object built from the members whose values are defined (absent members stay absent). */
export function obj(members: Record<string, Json | undefined>): JsonObject {
  return Object.fromEntries(Object.entries(members).filter((entry): entry is [string, Json] => entry[1] !== undefined));
}

/** The fields every entry of a family shares. */
export interface Family {
  service: string;
  package: string;
  client: string;
  /**
   * How the client cases its members, and the members (SDK names) that are maps, for a command without an operation
   * schema only (`SyncJobSpec.fallback`; CasingFallback in ../aws/shape.ts). Checked against the models by
   * test/sync/models.test.ts; with a schema the model itself decides.
   */
  memberCase: MemberCase;
  maps?: readonly string[];
  errors: ErrorNaming;
  source: string;
}

/** How a status-driven job reads its describe output. */
export interface StatusJob {
  action: string;
  pattern?: SyncPattern;
  start: string;
  describe: string;
  /** The status member of the describe output (viewed). */
  status(output: Json): string | undefined;
  succeeded: readonly string[];
  failed: readonly string[];
  /** The part of the describe output that is the result (and, serialised, the failure's Cause); default: all of it. */
  select?(output: Json, start: SyncStart): Json | undefined;
  /** "start": the result is the start call as Step Functions reports it, not the describe output. */
  result?: "describe" | "start";
  /**
   * The start command's input from the Task's parameters. `sdk` converts Step Functions' members to the start
   * command's (by its schema, else the fallback): build the input in Step Functions' names and pass it through `sdk`,
   * then add members in the SDK's names. Default: `sdk(parameters)`.
   */
  startInput?(parameters: JsonObject, sdk: (value: JsonObject) => SdkInput): SdkInput;
  pollInput(start: SyncStart): Json;
  submitted?(start: SyncStart): Json;
  goneErrors?: readonly string[];
  /** Facts specific to this action, added to the family's source. */
  source?: string;
}

/**
 * A job whose describe output has one status member: running until it holds a succeeded or failed value; an absent or
 * unknown value means running (a job just submitted may not be visible yet, and services add intermediate states).
 * A failure is `States.TaskFailed` with the selected describe output, serialised, as the Cause [LocalStack
 * state_task_service_batch.py, _glue.py, _sfn.py; AWS-recorded startExecution.sync failure].
 */
export function statusJob(family: Family, job: StatusJob): SyncJobSpec {
  const fallback: CasingFallback = { memberCase: family.memberCase, maps: new Set(family.maps ?? []) };
  const pattern = job.pattern ?? "sync";
  const submitted = (start: SyncStart): Json => (job.submitted ? job.submitted(start) : start.response);
  const selected = (output: Json, start: SyncStart): Json | undefined => (job.select ? job.select(output, start) : output);
  const spec: SyncJobSpec = {
    resource: `${family.service}:${job.action}.${pattern}`,
    service: family.service,
    action: job.action,
    pattern,
    sdk: { package: family.package, client: family.client, start: job.start, describe: job.describe },
    fallback,
    errors: family.errors,
    startInput: (input, shape) => {
      const params = parameters(input);
      // "raw": the request-response integrations' form of blobs (src/runtime/aws/optimised.ts); no start input has one.
      const sdk = (value: JsonObject): SdkInput => toSdkInput(value, shape, "raw");
      return job.startInput ? job.startInput(params, sdk) : sdk(params);
    },
    pollInput: job.pollInput,
    submitted,
    check(output, start) {
      const status = job.status(output);
      const body = selected(output, start);
      if (status === undefined || body === undefined) return { status: "running" };
      if (job.succeeded.includes(status)) return { status: "succeeded", result: job.result === "start" ? submitted(start) : body };
      if (job.failed.includes(status)) return { status: "failed", error: "States.TaskFailed", cause: JSON.stringify(body) };
      return { status: "running" };
    },
    resultFrom: job.result ?? "describe",
    terminal: { succeeded: job.succeeded, failed: job.failed },
    source: job.source === undefined ? family.source : `${family.source}; ${job.source}`,
  };
  if (job.goneErrors !== undefined) spec.goneErrors = job.goneErrors;
  return spec;
}
