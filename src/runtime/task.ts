import { CallbackTimeoutError, retryPresets, type DurableContext } from "@aws/durable-execution-sdk-js";
import { classifyResource } from "../asl/integrations.js";
import { commitAssign, evaluateAssign } from "./assign.js";
import { StatesError, toStatesError } from "./errors.js";
import type { Run } from "./execution.js";
import type { ApiGatewayInvokeOptions, HttpInvokeOptions } from "./aws/http.js";
import { defaultClientCache, newCommand, type ClientClass, type CommandClass } from "./aws/clients.js";
import { commandSchemas, runSyncJob, startSyncJob, syncJobFor, syncShapes, type SdkInput, type SyncSchemas } from "./sync/index.js";
import { checkPayloadSize } from "./dataflow.js";
import { withPlaceholderValues } from "./deploy-time.js";
import { evaluateJsonata } from "./jsonata/template.js";
import { evaluateTemplate } from "./template.js";
import { effectiveInput, jsonataArguments, jsonataOutcome, jsonataScope, placeResult, selectResult, withResult, type FlowOptions } from "./flow.js";
import { integrationFor } from "./integrations.js";
import { readJsonataNumber, readNumber } from "./numbers.js";
import type { Retrier } from "./retry.js";
import { withRetries } from "./retrying.js";
import { toJson } from "./values.js";
import type { Json } from "./types.js";
import type { VariableValues } from "./variables.js";

/** What a Task calls: its integration, or a `tasks` override. Receives the effective input, returns the raw result. */
export type TaskOverride = (input: Json, info: TaskInfo) => unknown;

/** Options of a generated `makeHandler`. */
export interface HandlerOptions {
  /**
   * Replace the integration call of a Task, by state name, wherever the Task is: it receives the effective input
   * (after InputPath and Parameters) and returns the raw result. An Error it throws is an ASL error (Error = its name,
   * Cause = its message), retried and caught like a real failure.
   */
  tasks?: Record<string, TaskOverride>;
  /** `http:invoke` Tasks: the connection resolver that adds each EventBridge connection's credentials, and `fetch`. */
  http?: HttpInvokeOptions;
  /** `apigateway:invoke` Tasks: the SigV4 signer for AuthType IAM_ROLE / RESOURCE_POLICY, and `fetch`. */
  apiGateway?: ApiGatewayInvokeOptions;
  /**
   * Activity Tasks (ASL-6.2), by activity ARN: hand the task to a worker (e.g. send it to the queue the worker reads).
   * The worker answers with SendDurableExecutionCallbackSuccess / …Failure / …Heartbeat using `taskToken`.
   */
  activities?: Record<string, ActivityDispatcher>;
  /**
   * Values of the `${Name}` placeholders in Task Resources, Parameters, Arguments and Credentials (deploy-time
   * substitutions, CloudFormation Ref/GetAtt), by name; without one, the environment variable of that name is used
   * (src/runtime/deploy-time.ts).
   */
  substitutions?: Record<string, string>;
}

/** Hands an activity task to its worker: the token to answer with and the task's input (ASL-6.2). */
export type ActivityDispatcher = (task: { activityArn: string; taskToken: string; input: Json; state: string }) => Promise<void> | void;

/**
 * The `tasks` overrides as a lookup without a prototype, so that a Task named "constructor" or "toString" finds its
 * override or nothing, never an inherited Object member.
 */
export function taskOverrides(options: HandlerOptions): Readonly<Record<string, TaskOverride | undefined>> {
  const table: Record<string, TaskOverride | undefined> = Object.create(null) as Record<string, TaskOverride | undefined>;
  for (const [name, override] of Object.entries(options.tasks ?? {})) table[name] = override;
  return table;
}

export interface TaskInfo {
  state: string;
  resource: string;
  /** 0 for the first attempt, then the retry count (`$$.State.RetryCount`). */
  retryCount: number;
  /** The task token (`$$.Task.Token`) of a `.waitForTaskToken` or activity Task: the durable callback id. */
  taskToken?: string;
  /** `Credentials.RoleArn` as evaluated for this attempt: AWS calls are made with that role's credentials. */
  roleArn?: string;
  /** `$$.StateMachine.Id` and `$$.Execution.Id` (some integrations pass them on, e.g. events:putEvents). */
  stateMachineArn: string;
  executionArn: string;
}

export interface TaskOptions extends FlowOptions {
  resource: string;
  /** Replaces the integration the Resource names (a `tasks` override); without it the default wiring is used. */
  call?: TaskOverride | undefined;
  /**
   * The default wiring of the Resource, given by the generated code for AWS service integrations (it imports the
   * SDK client and command classes); Lambda function ARNs and `lambda:invoke` are wired by the runtime itself.
   */
  integration?: TaskOverride;
  /**
   * Credentials (ASL-6.2): `{ RoleArn }`, `{ "RoleArn.$": path }` (JSONPath) or `{ RoleArn: "{% … %}" }` (JSONata),
   * evaluated per attempt against the state input.
   */
  credentials?: unknown;
  /**
   * Deploy-time placeholders (`${Name}`) written in Parameters, Arguments or Credentials, replaced when the Task runs:
   * from `makeHandler({ substitutions })`, else the environment variable (./deploy-time.ts `substitute`).
   */
  placeholders?: readonly string[];
  /** `.sync` / `.sync:2` Tasks: the start and describe calls of the job (built by `syncJob` in generated code). */
  sync?: SyncWiring;
  /** HeartbeatSeconds (ASL-6.2): a number, or in a JSONata state a `{% %}` expression. */
  heartbeatSeconds?: number | string;
  heartbeatSecondsPath?: string;
  retry?: readonly Retrier[];
  /** A number, or in a JSONata state a `{% %}` expression (ASL-3.2). */
  timeoutSeconds?: number | string;
  timeoutSecondsPath?: string;
}

/**
 * What one successful attempt checkpoints: the selected result alone (as before variables existed, so executions in
 * flight replay the same checkpoints) or, when the Task has an Assign, the result with the values assigned.
 */
type AttemptValue = Json | { result: Json; assigned: VariableValues };

/** The effective input of one attempt: JSONPath InputPath + Parameters, or JSONata Arguments (ASL-3.1, ASL-3.2). */
async function attemptInput(run: Run, input: Json, options: TaskOptions, retryCount: number): Promise<Json> {
  if (options.queryLanguage === "JSONata") return jsonataArguments(jsonataScope(run, input, options, retryCount), options);
  return effectiveInput(run, input, options, retryCount);
}

/**
 * What an attempt checkpoints once it has the raw result: JSONPath — Assign on the raw result, then ResultSelector
 * (ASL-3.1 steps 5–6); JSONata — Assign and Output side by side (ASL-3.2 step 3).
 */
async function attemptValue(run: Run, input: Json, raw: Json, options: TaskOptions, retryCount: number): Promise<AttemptValue> {
  if (options.queryLanguage === "JSONata") {
    const { output, assigned } = await jsonataOutcome(withResult(jsonataScope(run, input, options, retryCount), raw), options);
    return assigned === undefined ? { result: output } : { result: output, assigned };
  }
  if (options.assign === undefined) return selectResult(run, raw, options);
  // ASL-3.1 step 5: Assign reads the raw result, before ResultSelector.
  const assigned = evaluateAssign(run, options.state, raw, options.assign, options.vars, retryCount);
  return { result: selectResult(run, raw, options), assigned };
}

/** The integration a Task calls: its `tasks` override, the wiring the generated code gives, or the Lambda default. */
function integrationOf(options: TaskOptions): TaskOverride {
  return options.call ?? options.integration ?? integrationFor(options.resource);
}

/**
 * A Task state (ASL-6.2, ASL-3.1): effective input, then the call as one durable step per attempt (no hidden SDK
 * retries: ASL Retry runs in orchestration code), optionally raced against a durable timer for TimeoutSeconds, then
 * Assign on the raw result, ResultSelector, ResultPath and OutputPath (JSONata: Arguments, then Assign and Output). A
 * failure is thrown as a StatesError for Catch to handle, and assigns nothing.
 *
 * `.waitForTaskToken` resources run as a durable callback (see callbackAttempt) unless a `tasks` override stands in.
 */
export async function task(run: Run, ctx: DurableContext, input: Json, given: TaskOptions): Promise<Json> {
  // Deploy-time placeholders, replaced as Step Functions replaced them when the machine was deployed.
  const options = withPlaceholderValues(run, given, ["parameters", "arguments", "credentials"]);
  const jsonata = options.queryLanguage === "JSONata";
  const scope = jsonata ? jsonataScope(run, input, options) : undefined;
  const seconds = async (field: "TimeoutSeconds" | "HeartbeatSeconds", value: number | string | undefined, path: string | undefined): Promise<number | undefined> =>
    scope !== undefined
      ? readJsonataNumber(scope, options.state, field, value, "integer", { min: 1 })
      : readNumber(run, options.state, input, field, { value: value as number | undefined, path }, "integer", { min: 1 }, options.vars);
  const timeout = await seconds("TimeoutSeconds", options.timeoutSeconds, options.timeoutSecondsPath);
  const heartbeat = await seconds("HeartbeatSeconds", options.heartbeatSeconds, options.heartbeatSecondsPath);
  const pattern = patternOf(options.resource);
  const value = await withRetries(ctx, options.state, options.retry ?? [], (retryCount) => {
    if (pattern === "waitForTaskToken" && options.call === undefined) {
      return callbackAttempt(run, ctx, input, options, retryCount, { timeout, heartbeat });
    }
    if ((pattern === "sync" || pattern === "sync:2") && options.call === undefined) {
      const job = ctx.runInChildContext(`${options.state} (attempt ${retryCount + 1})`, (child) => syncAttempt(run, child, input, options, retryCount));
      if (timeout === undefined) return job;
      // TimeoutSeconds covers the start and the whole wait; the job is not cancelled (durable-sdk.md: no cancellation).
      const timer = ctx.wait(`${options.state} (timeout ${retryCount + 1})`, { seconds: timeout }).then((): never => {
        throw new StatesError("States.Timeout", `State ${JSON.stringify(options.state)} timed out after ${timeout} seconds`);
      });
      return Promise.race([job, timer]);
    }
    // A `tasks` override of a `.waitForTaskToken` Task stands in for the request and the worker's answer alike; the
    // payload still carries a token, a stand-in that names the state and the attempt.
    const taskRun = pattern === "waitForTaskToken" ? run.forTask(`stand-in-task-token:${options.state}:${retryCount}`) : run;
    // The effective input, the call and the result side are evaluated inside the step: intrinsics such as States.UUID
    // or $now() then draw their values once, and replays read them from the checkpoint.
    const attempt = (c: DurableContext): Promise<AttemptValue> =>
      c.step(
        options.state,
        async (): Promise<AttemptValue> => {
          try {
            const payload = await attemptInput(taskRun, input, options, retryCount);
            const raw = toJson(await integrationOf(options)(payload, await taskInfo(taskRun, input, options, retryCount)));
            return await attemptValue(taskRun, input, raw, options, retryCount);
          } catch (thrown) {
            throw toStatesError(thrown);
          }
        },
        { retryStrategy: retryPresets.noRetry },
      );
    if (timeout === undefined) return attempt(ctx);
    // TimeoutSeconds: the step raced against a durable timer, inside a child context whose outcome is checkpointed,
    // so that a replay reads who won instead of racing again (both would have completed by then).
    return ctx.runInChildContext(`${options.state} (attempt ${retryCount + 1})`, async (child) => {
      const timer = child.wait(`${options.state} (timeout)`, { seconds: timeout }).then((): never => {
        throw new StatesError("States.Timeout", `State ${JSON.stringify(options.state)} timed out after ${timeout} seconds`);
      });
      return Promise.race([attempt(child), timer]);
    });
  });
  if (options.queryLanguage === "JSONata") {
    const { result, assigned } = value as { result: Json; assigned?: VariableValues };
    checkPayloadSize(result, `The output of state '${options.state}'`);
    commitAssign(options.state, options.vars, assigned);
    return result;
  }
  if (options.assign === undefined) return placeResult(run, input, value as Json, options);
  const { result, assigned } = value as { result: Json; assigned: VariableValues };
  const output = placeResult(run, input, result, options);
  commitAssign(options.state, options.vars, assigned);
  return output;
}

/**
 * The integration pattern of a Resource (ASL-6.2): request-response, `.sync`, `.sync:2` or `.waitForTaskToken`. An
 * activity works like `.waitForTaskToken`: a worker receives the token and answers.
 */
function patternOf(resource: string): string {
  const kind = classifyResource(resource);
  if (kind.kind === "activity") return "waitForTaskToken";
  return kind.kind === "optimised" || kind.kind === "aws-sdk" ? kind.pattern : "request-response";
}

/** What the integration call learns about the attempt: names, the retry count, the role and the ARNs. */
async function taskInfo(run: Run, input: Json, options: TaskOptions, retryCount: number): Promise<TaskInfo> {
  const info: TaskInfo = {
    state: options.state,
    resource: options.resource,
    retryCount,
    stateMachineArn: run.execution.stateMachine.id,
    executionArn: run.execution.id,
  };
  if (options.credentials !== undefined) info.roleArn = await roleArnOf(run, input, options, retryCount);
  return info;
}

/** Credentials.RoleArn (ASL-6.2): a literal, a JSONPath template (`RoleArn.$`) or a JSONata expression. */
async function roleArnOf(run: Run, input: Json, options: TaskOptions, retryCount: number): Promise<string> {
  const value =
    options.queryLanguage === "JSONata"
      ? await evaluateJsonata(options.credentials, jsonataScope(run, input, options, retryCount), { state: options.state, field: "Credentials" })
      : evaluateTemplate(options.credentials, run.roots(options.state, input, options.vars, retryCount), "Credentials");
  const roleArn = value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>)["RoleArn"] : undefined;
  if (typeof roleArn !== "string") throw new StatesError("States.Runtime", `State ${JSON.stringify(options.state)}: Credentials.RoleArn must be a string, got ${JSON.stringify(roleArn)}`);
  return roleArn;
}

/**
 * The default wiring of an activity Task (ASL-6.2): the `activities[arn]` dispatcher of the handler's options hands the
 * task token and input to the worker. Without one the Task fails: nothing else could tell a worker the token.
 */
export function activity(options: HandlerOptions): TaskOverride {
  return async (input, info) => {
    const activityArn = info.resource;
    const dispatch = options.activities?.[activityArn];
    if (dispatch === undefined) {
      throw new StatesError("States.Runtime", `No dispatcher for activity ${activityArn}: pass makeHandler({ activities: { ${JSON.stringify(activityArn)}: … } })`);
    }
    if (info.taskToken === undefined) throw new StatesError("States.Runtime", `Activity ${activityArn} was called without a task token`);
    await dispatch({ activityArn, taskToken: info.taskToken, input, state: info.state });
    return null;
  };
}

/**
 * One attempt of a `.waitForTaskToken` Task (ASL-6.2) as a durable callback, in a child context of its own:
 *
 * 1. `createCallback` with TimeoutSeconds as its timeout and HeartbeatSeconds as its heartbeat timeout; the callback id
 *    is the task token, so `$$.Task.Token` / `$states.context.Task.Token` in the payload carry it to the worker;
 * 2. one step sends the request (the integration's call with the effective input; its response is not the result);
 * 3. the callback's value, the JSON text the worker sent with SendDurableExecutionCallbackSuccess, is the raw result;
 *    SendDurableExecutionCallbackFailure fails the state with the worker's ErrorType and ErrorMessage.
 *
 * An expired timeout is `States.Timeout`, an expired heartbeat `States.HeartbeatTimeout` (the SDK tells them apart
 * only by message: durable-sdk.md §4).
 */
async function callbackAttempt(
  run: Run,
  ctx: DurableContext,
  input: Json,
  options: TaskOptions,
  retryCount: number,
  limits: { timeout: number | undefined; heartbeat: number | undefined },
): Promise<AttemptValue> {
  return ctx.runInChildContext(`${options.state} (attempt ${retryCount + 1})`, async (child) => {
    const [answer, token] = await child.createCallback(`${options.state} (callback)`, {
      ...(limits.timeout !== undefined ? { timeout: { seconds: limits.timeout } } : {}),
      ...(limits.heartbeat !== undefined ? { heartbeatTimeout: { seconds: limits.heartbeat } } : {}),
    });
    const taskRun = run.forTask(token);
    await child.step(
      `${options.state} (request)`,
      async () => {
        try {
          const payload = await attemptInput(taskRun, input, options, retryCount);
          await integrationOf(options)(payload, { ...(await taskInfo(taskRun, input, options, retryCount)), taskToken: token });
          return null;
        } catch (thrown) {
          throw toStatesError(thrown);
        }
      },
      { retryStrategy: retryPresets.noRetry },
    );
    let text: string;
    try {
      text = await answer;
    } catch (thrown) {
      throw callbackError(thrown, options.state);
    }
    const raw = parseCallbackResult(text);
    return child.step(`${options.state} (result)`, async () => attemptValue(taskRun, input, raw, options, retryCount), { retryStrategy: retryPresets.noRetry });
  });
}

/**
 * One attempt of a `.sync` Task (ASL-6.2, "run a job"): the effective input and the start call as one step, then the
 * job's describe call polled with durable waits (one waitForCondition: src/runtime/sync/poll.ts) until a terminal
 * status gives the raw result or the job's failure; then the result side in a step. Inputs and outputs are converted
 * with the schemas of the command classes `syncJob` was given (src/runtime/sync/spec.ts `syncShapes`).
 */
async function syncAttempt(run: Run, ctx: DurableContext, input: Json, options: TaskOptions, retryCount: number): Promise<AttemptValue> {
  const job = syncJobFor(options.resource);
  if (job === undefined || options.sync === undefined) throw new StatesError("States.Runtime", `No .sync wiring for Resource ${JSON.stringify(options.resource)}; pass a tasks override`);
  const calls = options.sync(await taskInfo(run, input, options, retryCount));
  // Member names from the start and describe commands' own schemas; the job's casing fallback only without them.
  const shapes = syncShapes(job, calls.schemas);
  // The effective input is evaluated inside the start step and checkpointed with it: intrinsics such as States.UUID or
  // $now() draw their values once, and a replay polls the job the first run started.
  const parameters = (): Promise<Json> => attemptInput(run, input, options, retryCount);
  const { request, response } = await startSyncJob(ctx, options.state, job, parameters, calls.start, shapes);
  const raw = await runSyncJob(ctx, options.state, job, response, calls.describe, { request, shapes });
  return ctx.step(`${options.state} (result)`, async () => attemptValue(run, input, raw, options, retryCount), { retryStrategy: retryPresets.noRetry });
}

/** The two calls of a `.sync` job, made with the attempt's credentials, and the schemas of their commands. */
export interface SyncCalls {
  start(input: SdkInput): Promise<unknown>;
  describe(input: Json): Promise<unknown>;
  /**
   * The operation schemas of the start and describe commands (src/runtime/aws/shape.ts `operationSchemas`), which name
   * the members of the start input and of both outputs. A command without one (a client published before late 2025)
   * is converted with the job's casing fallback (src/runtime/sync/jobs.ts).
   */
  schemas?: SyncSchemas;
}

export type SyncWiring = (info: TaskInfo) => SyncCalls;

/**
 * The `.sync` wiring generated code passes (ASL-6.2): the job's client class and its start and describe command
 * classes (src/runtime/sync/jobs.ts names them); the client is shared per class and per assumed role. The command
 * classes' schemas, read once here, convert the start input and both outputs as the request-response integrations
 * convert theirs (src/runtime/aws/optimised.ts).
 */
export function syncJob(Client: ClientClass, Start: CommandClass, Describe: CommandClass): SyncWiring {
  const schemas = commandSchemas(Start, Describe);
  return (info) => {
    const client = defaultClientCache().client(Client, info.roleArn);
    return { start: (i) => client.send(newCommand(Start, i)), describe: (i) => client.send(newCommand(Describe, i as object)), schemas };
  };
}

/** The worker's answer: JSON text, as SendTaskSuccess required (a text that is not JSON is kept as a string). */
function parseCallbackResult(text: string): Json {
  if (typeof text !== "string") return toJson(text);
  try {
    return JSON.parse(text) as Json;
  } catch {
    return text;
  }
}

/** A failed callback as the ASL error the worker or the timers gave it. */
function callbackError(thrown: unknown, state: string): StatesError {
  if (thrown instanceof CallbackTimeoutError || (thrown instanceof Error && thrown.name === "CallbackTimeoutError")) {
    return /heartbeat/i.test(thrown.message)
      ? new StatesError("States.HeartbeatTimeout", `State ${JSON.stringify(state)}: no heartbeat within HeartbeatSeconds`)
      : new StatesError("States.Timeout", `State ${JSON.stringify(state)} timed out waiting for its task token`);
  }
  if (thrown instanceof Error) {
    // SendDurableExecutionCallbackFailure: ErrorType survives as the cause's name with createCallback (durable-sdk.md §4).
    const cause = (thrown as { cause?: unknown }).cause;
    const name = cause instanceof Error && cause.name !== "Error" ? cause.name : "States.TaskFailed";
    return new StatesError(name, thrown.message);
  }
  return toStatesError(thrown);
}
