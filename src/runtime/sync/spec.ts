import type { ErrorNaming } from "../aws/errors.js";
import { parameters } from "../aws/sdk.js";
import { fromSdkOutput, toSdkInput, type CasingFallback, type MemberCase } from "../aws/shape.js";
import { isJsonObject } from "../json.js";
import type { Json } from "../types.js";

type JsonObject = { [key: string]: Json };

/** The `.sync` integration patterns (ASL-6.2): `.sync`, and `.sync:2` of `states:startExecution`. */
export type SyncPattern = "sync" | "sync:2";

/**
 * The start call of a job: what was sent, in the SDK's member names, and what came back, as Step Functions sees it
 * (`viewOf`: PascalCase, timestamps as epoch milliseconds).
 */
export interface SyncStart {
  /** The input the start command was sent (what `startInput` built). */
  request: Json;
  /** What the start command returned, through `viewOf`. */
  response: Json;
}

/** What one describe call says about the job. */
export type SyncOutcome =
  | { status: "running" }
  | { status: "succeeded"; result: Json }
  | { status: "failed"; error: string; cause: string };

/**
 * One `<service>:<action>.sync` integration: which AWS SDK v3 commands start and describe the job, how the inputs of
 * both are built, which states end it, and what the Task state's result or error is. Command inputs are in the SDK's
 * member names; everything read from responses is in Step Functions' view of them (`viewOf`), as the Task's result
 * and Cause are. The job is its own `CasingFallback`: the runtime is handed the start and describe calls, not the
 * command classes whose schemas would name the members (src/runtime/aws/shape.ts).
 */
export interface SyncJobSpec extends CasingFallback {
  /** `<service>:<action>.sync` or `states:startExecution.sync:2`: the Resource after `arn:aws:states:::`. */
  resource: string;
  service: string;
  action: string;
  pattern: SyncPattern;
  /** The AWS SDK for JavaScript v3 package, client class and command classes the generated handler imports. */
  sdk: { package: string; client: string; start: string; describe: string };
  /**
   * Error names for failures of the start and describe calls, as for the optimised integration's request-response
   * call: `<prefix>.<Exception>`, causes quoting the Java SDK service name (src/runtime/aws/errors.ts).
   */
  errors: ErrorNaming;
  /** The Task's effective parameters (PascalCase, ASL-3.1) → the start command's input; not a JSON object: States.Runtime. */
  startInput(parameters: Json): Json;
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
 * A start or describe output as Step Functions' optimised integrations return it (src/runtime/aws/shape.ts
 * `fromSdkOutput` with the job's casing): no `$metadata`, structure members in PascalCase, map keys as they are,
 * timestamps as epoch milliseconds. JSON a durable step can checkpoint; a value already viewed passes unchanged.
 */
export function viewOf(job: CasingFallback, output: unknown): Json {
  return fromSdkOutput(output, job, "epoch-millis");
}

/** Read a member path of a JSON value; numbers index arrays. */
export function at(value: Json | undefined, ...path: Array<string | number>): Json | undefined {
  let node: Json | undefined = value;
  for (const key of path) {
    if (typeof key === "number") node = Array.isArray(node) ? node[key] : undefined;
    else node = isJsonObject(node) ? (node as Record<string, Json>)[key] : undefined;
    if (node === undefined) return undefined;
  }
  return node;
}

/** A member path's string value, or undefined. */
export function str(value: Json | undefined, ...path: Array<string | number>): string | undefined {
  const found = at(value, ...path);
  return typeof found === "string" ? found : undefined;
}

/** An object built from the members whose values are defined (absent members stay absent). */
export function obj(members: Record<string, Json | undefined>): Json {
  return Object.fromEntries(Object.entries(members).filter((entry): entry is [string, Json] => entry[1] !== undefined));
}

/** The fields every entry of a family shares. */
export interface Family {
  service: string;
  package: string;
  client: string;
  /** How the client names its members (CasingFallback in ../aws/shape.ts), checked by test/sync/models.test.ts. */
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
  /** The start command's input from the Task's parameters; `sdk` renames Step Functions' members to the SDK's. */
  startInput?(parameters: JsonObject, sdk: (value: JsonObject) => JsonObject): Json;
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
  const casing: CasingFallback = { memberCase: family.memberCase, maps: new Set(family.maps ?? []) };
  const sdk = (value: JsonObject): JsonObject => toSdkInput(value, casing);
  const pattern = job.pattern ?? "sync";
  const submitted = (start: SyncStart): Json => (job.submitted ? job.submitted(start) : start.response);
  const selected = (output: Json, start: SyncStart): Json | undefined => (job.select ? job.select(output, start) : output);
  const spec: SyncJobSpec = {
    resource: `${family.service}:${job.action}.${pattern}`,
    service: family.service,
    action: job.action,
    pattern,
    sdk: { package: family.package, client: family.client, start: job.start, describe: job.describe },
    ...casing,
    errors: family.errors,
    startInput: (input) => {
      const params = parameters(input);
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
