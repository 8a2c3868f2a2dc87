import { retryPresets, type DurableContext } from "@aws/durable-execution-sdk-js";
import { StatesError, toStatesError } from "../errors.js";
import { isServiceErrorNamed, serviceError } from "../aws/errors.js";
import type { Json } from "../types.js";
import type { Shape } from "../aws/shape.js";
import { syncShapes, viewOf, type SdkInput, type SyncJobSpec, type SyncOutcome, type SyncShapes, type SyncStart } from "./spec.js";

/**
 * When to describe a running job again: the first describe call comes right after the start call; the delay before
 * each next one starts at `firstDelaySeconds` and grows by `backoffRate` up to `maxDelaySeconds`. AWS documents no
 * interval for most services (see ./jobs.ts); the default, 5 s doubling to 60 s, notices a short job within seconds
 * and costs a long one about one call a minute (a six-hour job: about 365 calls).
 */
export interface PollSchedule {
  firstDelaySeconds: number;
  maxDelaySeconds: number;
  backoffRate: number;
}

export const DEFAULT_POLL_SCHEDULE: PollSchedule = { firstDelaySeconds: 5, maxDelaySeconds: 60, backoffRate: 2 };

/** The whole seconds (at least 1, as durable waits need) to wait after describe call `attempt` (1-based). */
export function pollDelaySeconds(schedule: PollSchedule, attempt: number): number {
  const delay = Math.min(schedule.firstDelaySeconds * schedule.backoffRate ** Math.max(0, attempt - 1), schedule.maxDelaySeconds);
  return Math.max(1, Math.ceil(delay));
}

export interface RunSyncJobOptions {
  /**
   * The start command's input (`job.startInput(parameters, shape)`, as `startSyncJob` returns it). Required: many jobs
   * are described by names given only there (Glue JobName, SageMaker job names, EKS cluster names, EMR ClusterId for
   * terminateCluster).
   */
  request: SdkInput;
  schedule?: PollSchedule;
  /**
   * Where member names come from: `syncShapes(job, schemas)` with the start and describe commands' schemas, as
   * `startSyncJob` was given. Default: the job's casing fallback, for callers without the command classes.
   */
  shapes?: SyncShapes;
}

/** What the poll checkpoints: the number of describe calls, and once the job has ended, its outcome. */
interface PollState {
  polls: number;
  done?: { ok: true; result: Json } | { ok: false; error: string; cause: string };
}

/**
 * Wait for a started `.sync` job to end (ASL-6.2 Run a Job) and return the Task's raw result, or throw its error as a
 * StatesError (ASL-9) for Retry and Catch.
 *
 * `startResult` is the start command's response as `startSyncJob` returns it (through `viewOf` inside the step that
 * made the call; a raw SDK response is viewed here) and `options.request` the input it was sent; `describe` sends the
 * job's describe command (`sdkCall(client, DescribeJobsCommand)`) and may throw the SDK's errors. A start response
 * that already fails the Task (ECS `failures`) throws before any poll.
 *
 * The polls are one durable `waitForCondition` operation named "<state> (sync)": each describe call is one attempt of
 * it, and the delays between attempts are its retry delays, checkpointed with the attempt count. So a job costs one
 * operation however long it runs (a loop of `step` + `wait` costs two per poll; measured in test/sync/poll.test.ts),
 * a replay reads finished attempts from the checkpoint without calling describe again, and there are no hidden
 * retries: a check never throws, every describe error is recorded as the outcome, and the StatesError is thrown here,
 * after the operation has succeeded. (Throwing inside the check would also lose the error's name at the durable
 * boundary and, under the local test runner's skipTime, crash it; durable-sdk.md §4, §5.)
 */
export async function runSyncJob(
  ctx: DurableContext,
  state: string,
  job: SyncJobSpec,
  startResult: Json,
  describe: (input: Json) => Promise<unknown>,
  options: RunSyncJobOptions,
): Promise<Json> {
  const shapes = options.shapes ?? syncShapes(job);
  const start: SyncStart = { request: options.request, response: viewOf(shapes.startOutput, startResult) };
  const startFailure = job.startFailure?.(start);
  if (startFailure !== undefined) throw new StatesError(startFailure.error, startFailure.cause);
  const input = job.pollInput(start);
  const schedule = options.schedule ?? DEFAULT_POLL_SCHEDULE;
  const final = await ctx.waitForCondition<PollState>(
    `${state} (sync)`,
    async (current) => ({ polls: current.polls + 1, ...(await pollOnce(job, shapes.describeOutput, start, input, describe)) }),
    {
      initialState: { polls: 0 },
      waitStrategy: (current, attempt) =>
        current.done !== undefined ? { shouldContinue: false } : { shouldContinue: true, delay: { seconds: pollDelaySeconds(schedule, attempt) } },
    },
  );
  const done = final.done;
  if (done === undefined) throw new StatesError("States.Runtime", `The poll of ${job.resource} ended without an outcome`);
  if (done.ok) return done.result;
  throw new StatesError(done.error, done.cause);
}

/** What the start step checkpoints: the effective parameters it built the request from, and the viewed response. */
interface StartCheckpoint {
  parameters: Json;
  response: Json;
}

/**
 * The start call of a `.sync` Task as one durable step named after the state: the Task's effective parameters (given,
 * or evaluated by `parameters` inside the step, so that States.UUID or $now() draw their values once), the start
 * command's input built from them, the call itself (`start`, e.g. `sdkCall(client, SubmitJobCommand)`), its response
 * as Step Functions sees it (`viewOf`), and its failures named as the service integration names them
 * (src/runtime/aws/errors.ts). No hidden retries (ASL Retry runs in orchestration code, as in ../task.ts).
 *
 * The step checkpoints the parameters with the response, and the returned `request` is rebuilt from them: a replay
 * sees the request that was sent, whose names (Glue JobName, SageMaker job names, …) the describe calls use.
 *
 * `shapes` says where member names come from: `syncShapes(job, commandSchemas(Start, Describe))`, the commands' own
 * schemas; without it, the job's casing fallback. Pass the returned `request` and `response`, and the same `shapes`,
 * to runSyncJob.
 */
export async function startSyncJob(
  ctx: DurableContext,
  state: string,
  job: SyncJobSpec,
  parameters: Json | (() => Promise<Json>),
  start: (input: SdkInput) => Promise<unknown>,
  shapes: SyncShapes = syncShapes(job),
): Promise<SyncStart> {
  const checkpoint = await ctx.step(
    state,
    async (): Promise<StartCheckpoint> => {
      let effective: Json;
      let request: SdkInput;
      try {
        effective = typeof parameters === "function" ? await parameters() : parameters;
        request = job.startInput(effective, shapes.startInput);
      } catch (thrown) {
        throw toStatesError(thrown);
      }
      try {
        return { parameters: effective, response: viewOf(shapes.startOutput, await start(request)) };
      } catch (thrown) {
        throw serviceError(thrown, job.errors);
      }
    },
    { retryStrategy: retryPresets.noRetry },
  );
  return { request: job.startInput(checkpoint.parameters, shapes.startInput), response: checkpoint.response };
}

/** One describe call and what it says (its output viewed with `shape`), never throwing. */
async function pollOnce(job: SyncJobSpec, shape: Shape, start: SyncStart, input: Json, describe: (input: Json) => Promise<unknown>): Promise<Pick<PollState, "done">> {
  let output: Json;
  try {
    output = viewOf(shape, await describe(input));
  } catch (thrown) {
    if (job.goneErrors !== undefined && isServiceErrorNamed(thrown, job.goneErrors)) return { done: { ok: true, result: job.submitted(start) } };
    const error = serviceError(thrown, job.errors);
    return { done: { ok: false, error: error.name, cause: error.message } };
  }
  let outcome: SyncOutcome;
  try {
    outcome = job.check(output, start);
  } catch (thrown) {
    return { done: { ok: false, error: "States.Runtime", cause: `Cannot read the ${job.sdk.describe} output of ${job.resource}: ${String(thrown)}` } };
  }
  if (outcome.status === "running") return {};
  if (outcome.status === "succeeded") return { done: { ok: true, result: outcome.result } };
  return { done: { ok: false, error: outcome.error, cause: outcome.cause } };
}

/**
 * A function that sends one command of an AWS SDK v3 client: `sdkCall(new BatchClient({}), DescribeJobsCommand)`.
 * The runtime imports no service client; generated handlers pass theirs. The result is the SDK's own output (with
 * `$metadata` and Dates); `startSyncJob` and `runSyncJob` view it as Step Functions does (`viewOf`).
 */
export function sdkCall<C>(client: { send(command: NoInfer<C>): Promise<unknown> }, Command: new (input: never) => C): (input: SdkInput | Json) => Promise<unknown> {
  return (input) => client.send(new Command(input as never));
}

/**
 * The describe command's input for a started job: for generated code that wants it before polling (e.g. to log it).
 * `response` may be the raw SDK response; `shape` is the start command's output shape (default: the job's fallback).
 */
export function syncPollInput(job: SyncJobSpec, request: SdkInput, response: unknown, shape: Shape = job.fallback): Json {
  return job.pollInput({ request, response: viewOf(shape, response) });
}
