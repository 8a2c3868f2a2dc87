import { isJsonObject } from "../json.js";
import type { Json } from "../types.js";
import { toSdkCase, toSfnCase, type MemberCase } from "./casing.js";

/** The `.sync` integration patterns (ASL-6.2): `.sync`, and `.sync:2` of `states:startExecution`. */
export type SyncPattern = "sync" | "sync:2";

/** The start call of a job, both sides in the SDK's shapes (member casing of its v3 client, after `fromSdk`). */
export interface SyncStart {
  /** The input the start command was sent (what `startInput` built). */
  request: Json;
  /** What the start command returned. */
  response: Json;
}

/** What one describe call says about the job. */
export type SyncOutcome =
  | { status: "running" }
  | { status: "succeeded"; result: Json }
  | { status: "failed"; error: string; cause: string };

/**
 * One `<service>:<action>.sync` integration: which AWS SDK v3 commands start and describe the job, how the inputs of
 * both are built, which states end it, and what the Task state's result or error is. Everything SDK-side is in the
 * SDK's shapes (see `SyncStart`); everything ASL-side is in Step Functions' PascalCase.
 */
export interface SyncJobSpec {
  /** `<service>:<action>.sync` or `states:startExecution.sync:2`: the Resource after `arn:aws:states:::`. */
  resource: string;
  service: string;
  action: string;
  pattern: SyncPattern;
  /** The AWS SDK for JavaScript v3 package, client class and command classes the generated handler imports. */
  sdk: { package: string; client: string; start: string; describe: string };
  /** The member casing of the SDK client (see `MemberCase`). */
  memberCase: MemberCase;
  /** SDK-cased names of the members that hold maps with user keys (kept as they are when the casing changes). */
  maps: ReadonlySet<string>;
  /**
   * Error names for failures of the start and describe calls: `<prefix>.<Exception>`, and the Java SDK service name
   * that AWS's causes quote, e.g. `(Service: AmazonECS; Status Code: 400; …)`.
   */
  errors: { prefix: string; serviceName: string };
  /** The Task's effective parameters (PascalCase, ASL-3.1) → the start command's input. */
  startInput(parameters: Json): Json;
  /** A start response that already fails the Task (ECS: a non-empty `failures`). */
  startFailure?(start: SyncStart): { error: string; cause: string } | undefined;
  /** The start call → the describe command's input. */
  pollInput(start: SyncStart): Json;
  /** The start call as Step Functions reports it (its request-response result), in PascalCase. */
  submitted(start: SyncStart): Json;
  /** One describe output → running, or the Task's result, or its error. Total: an unexpected shape means running. */
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
  memberCase: MemberCase;
  maps?: readonly string[];
  errors: { prefix: string; serviceName: string };
  source: string;
}

/** How a status-driven job reads its describe output. */
export interface StatusJob {
  action: string;
  pattern?: SyncPattern;
  start: string;
  describe: string;
  /** The status member of the describe output. */
  status(output: Json): string | undefined;
  succeeded: readonly string[];
  failed: readonly string[];
  /** The part of the describe output that is the result (and, serialised, the failure's Cause); default: all of it. */
  select?(output: Json, start: SyncStart): Json | undefined;
  /** "start": the result is the start call as Step Functions reports it, not the describe output. */
  result?: "describe" | "start";
  startInput?(parameters: Json, sdk: (value: Json) => Json): Json;
  pollInput(start: SyncStart): Json;
  submitted?(start: SyncStart, sfn: (value: Json) => Json): Json;
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
  const maps = new Set(family.maps ?? []);
  const sfn = (value: Json): Json => toSfnCase(value, family.memberCase, maps);
  const sdk = (value: Json): Json => toSdkCase(value, family.memberCase, maps);
  const pattern = job.pattern ?? "sync";
  const submitted = (start: SyncStart): Json => (job.submitted ? job.submitted(start, sfn) : sfn(start.response));
  const selected = (output: Json, start: SyncStart): Json | undefined => (job.select ? job.select(output, start) : output);
  const spec: SyncJobSpec = {
    resource: `${family.service}:${job.action}.${pattern}`,
    service: family.service,
    action: job.action,
    pattern,
    sdk: { package: family.package, client: family.client, start: job.start, describe: job.describe },
    memberCase: family.memberCase,
    maps,
    errors: family.errors,
    startInput: (parameters) => (job.startInput ? job.startInput(parameters, sdk) : sdk(parameters)),
    pollInput: job.pollInput,
    submitted,
    check(output, start) {
      const status = job.status(output);
      const body = selected(output, start);
      if (status === undefined || body === undefined) return { status: "running" };
      if (job.succeeded.includes(status)) return { status: "succeeded", result: job.result === "start" ? submitted(start) : sfn(body) };
      if (job.failed.includes(status)) return { status: "failed", error: "States.TaskFailed", cause: JSON.stringify(sfn(body)) };
      return { status: "running" };
    },
    resultFrom: job.result ?? "describe",
    terminal: { succeeded: job.succeeded, failed: job.failed },
    source: job.source === undefined ? family.source : `${family.source}; ${job.source}`,
  };
  if (job.goneErrors !== undefined) spec.goneErrors = job.goneErrors;
  return spec;
}
