import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { withDurableExecution } from "@aws/durable-execution-sdk-js";
import { LocalDurableTestRunner, type DurableOperation, type TestResult } from "@aws/durable-execution-sdk-js-testing";
import { transpile } from "../../src/index.js";
import type { Json, TaskInfo, TaskOverride } from "../../src/runtime/index.js";
import { setupSkipTime, teardownSkipTime } from "../support/skip-time.js";

/**
 * Runs ASL definitions end to end for the Retry/Catch behaviour tests: transpile → write the module under
 * test/.generated/retry/ → run it in the durable SDK's LocalDurableTestRunner (skipTime) with scripted `tasks`
 * overrides → read what happened back from the durable history (operations, wait durations, final result or error).
 */
const GENERATED_DIR = fileURLToPath(new URL("../.generated/retry/", import.meta.url));

/** A Lambda ARN for Task states; every Task in these tests is driven by a `tasks` override instead. */
export const LAMBDA = "arn:aws:lambda:us-east-1:123456789012:function:worker";

type HandlerModule = { makeHandler: (options: { tasks: Record<string, TaskOverride> }) => ReturnType<typeof withDurableExecution> };

/** An ASL error as a task raises it: Error = `name`, Cause = `message` (transpiler brief: TaskOverride). */
export function taskError(name: string, cause: string): Error {
  const error = new Error(cause);
  error.name = name;
  return error;
}

/** One scripted call: raise an ASL error, return a result, or never settle (to trigger TimeoutSeconds). */
export type Step = { raise: string; cause?: string } | { return: Json } | "hang";

/** A `tasks` override that plays `script` call by call and records every call's input and retry count. */
export interface ScriptedTask {
  override: TaskOverride;
  calls: Array<{ input: Json; retryCount: number }>;
}

export function scripted(script: readonly Step[]): ScriptedTask {
  const calls: ScriptedTask["calls"] = [];
  const override = (input: Json, info: TaskInfo): unknown => {
    calls.push({ input, retryCount: info.retryCount });
    const step = script[calls.length - 1];
    if (step === undefined) throw new Error(`scripted task ${info.state} called ${calls.length} times, script has ${script.length} steps`);
    if (step === "hang") return new Promise<never>(() => undefined);
    if ("raise" in step) throw taskError(step.raise, step.cause ?? `attempt ${calls.length}`);
    return step.return;
  };
  return { override, calls };
}

/** `count` failures named `error` (causes "attempt 1", "attempt 2", …), then `result`. */
export function failThenReturn(error: string, count: number, result: Json): Step[] {
  return [...Array.from({ length: count }, (): Step => ({ raise: error })), { return: result }];
}

/** What one execution did, read from the durable history. */
export interface Observation {
  status: string;
  /** The execution result when it SUCCEEDED. */
  output?: Json;
  /** errorType / errorMessage when it FAILED. */
  error?: { type: string | undefined; message: string | undefined };
  operations: DurableOperation[];
  invocations: number;
  /**
   * The root-level operations of ASL state `state` in execution order: "attempt" for each STEP/CONTEXT op named
   * `state` (one per attempt), "wait N" for each retry wait "<state> (retry n)" (N = its durable waitSeconds),
   * "jitter" for each jitter step "<state> (retry n jitter)".
   */
  timeline(state: string): string[];
  /** The durations of the retry waits of `state`, in order. */
  retryDelays(state: string): number[];
  /** Status, result or error, and the operations, for assertion messages. */
  summary: string;
}

let environmentReady = false;

/** Transpile `definition` (asserting it transpiles without errors) and run it once with `payload`. */
export async function runMachine(definition: unknown, payload: Json, tasks: Record<string, ScriptedTask> = {}): Promise<Observation> {
  const result = await transpile(definition);
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  assert.equal(result.code !== "" && errors.length === 0, true, `transpile failed: ${errors.map((d) => `${d.code} ${d.message}`).join("; ")}`);
  mkdirSync(GENERATED_DIR, { recursive: true });
  // Named by content: stable across runs, and the same definition is the same module.
  const file = `${GENERATED_DIR}machine-${createHash("sha1").update(result.code).digest("hex").slice(0, 12)}.ts`;
  // Written under a temporary name and renamed: another process running this file may be importing the module.
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, result.code);
  renameSync(temporary, file);
  const module = (await import(pathToFileURL(file).href)) as HandlerModule;
  if (!environmentReady) {
    await setupSkipTime();
    environmentReady = true;
  }
  const overrides = Object.fromEntries(Object.entries(tasks).map(([state, t]) => [state, t.override]));
  const runner = new LocalDurableTestRunner({ handlerFunction: module.makeHandler({ tasks: overrides }) });
  const execution = await runner.run({ payload });
  return observe(execution);
}

function observe(execution: TestResult): Observation {
  const status = execution.getStatus() ?? "UNKNOWN";
  const operations = execution.getOperations();
  const roots = operations.filter((op) => op.getParentId() === undefined);
  const waitSecondsFromHistory = new Map<string, number | undefined>();
  for (const event of execution.getHistoryEvents()) {
    if (event.EventType === "WaitStarted" && event.Id !== undefined) waitSecondsFromHistory.set(event.Id, event.WaitStartedDetails?.Duration);
  }
  const waitSeconds = (op: DurableOperation): number | undefined => {
    const seconds = op.getWaitDetails()?.waitSeconds;
    // The two views of the durable history must agree: the operation's wait details and the WaitStarted event.
    assert.equal(seconds, waitSecondsFromHistory.get(op.getId() ?? ""), `wait ${op.getName() ?? ""}: operation and history disagree`);
    return seconds;
  };
  const retryWait = (state: string) => new RegExp(`^${escapeRegExp(state)} \\(retry (\\d+)\\)$`);
  const timeline = (state: string): string[] => {
    const out: string[] = [];
    for (const op of roots) {
      const name = op.getName();
      // An attempt is the state's step, or (with TimeoutSeconds) the child context "<state> (attempt n)" racing it.
      const attemptContext = op.getType() === "CONTEXT" && name !== undefined && name.startsWith(`${state} (attempt `);
      if ((name === state && (op.getType() === "STEP" || op.getType() === "CONTEXT")) || attemptContext) out.push("attempt");
      else if (name !== undefined && op.getType() === "WAIT" && retryWait(state).test(name)) out.push(`wait ${waitSeconds(op) ?? "?"}`);
      else if (name !== undefined && op.getType() === "STEP" && name.startsWith(`${state} (retry `) && name.endsWith(" jitter)")) out.push("jitter");
    }
    return out;
  };
  const retryDelays = (state: string): number[] => {
    const waits = roots.filter((op) => op.getType() === "WAIT" && retryWait(state).test(op.getName() ?? ""));
    return waits.map((op) => waitSeconds(op) ?? Number.NaN);
  };
  const observation: Observation = { status, operations, invocations: execution.getInvocations().length, timeline, retryDelays, summary: "" };
  if (status === "SUCCEEDED") observation.output = (execution.getResult() ?? null) as Json;
  else {
    const error = execution.getError();
    observation.error = { type: error.errorType, message: error.errorMessage };
  }
  const ops = operations.map((op) => `${op.getType() ?? "?"} ${JSON.stringify(op.getName())} ${op.getStatus() ?? "?"}`);
  observation.summary = `${status} ${JSON.stringify(observation.output ?? observation.error)}; operations: ${ops.join(", ")}`;
  return observation;
}

/** The timeline of a state that made `delays.length + 1` attempts with those retry delays between them. */
export function attemptsWithDelays(delays: readonly number[]): string[] {
  return ["attempt", ...delays.flatMap((d) => [`wait ${d}`, "attempt"])];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Stop the checkpoint server and uninstall the fake timers (call from `after`); the first `runMachine` set them up. */
export async function teardown(): Promise<void> {
  if (environmentReady) await teardownSkipTime();
  environmentReady = false;
}
