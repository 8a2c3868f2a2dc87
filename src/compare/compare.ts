import type { Diagnostic } from "../diagnostics/types.js";
import { interpret } from "../interpret/interpreter.js";
import type { MachineIR, ScopeIR } from "../ir/types.js";
import { allStates, taskStates } from "../ir/walk.js";
import type { Json, TaskOverride } from "../runtime/index.js";
import { transpile } from "../transpile.js";
import { estimateCost, type CostOptions } from "./cost.js";
import { diffOutcomes } from "./diff.js";
import { loadHandlerModule, ModuleLoadError } from "./module-loader.js";
import type { ClientClass, CommandClass } from "../runtime/aws/clients.js";
import type { DistributedMapOptions } from "../runtime/distributed-map.js";
import { runGeneratedHandler } from "./run-handler.js";
import type { CompareResult, Outcome, RunComparison, RunMetrics } from "./types.js";

/**
 * `compare` (issue #5): run the reference interpreter (src/interpret) and the generated durable handler (in the SDK's
 * LocalDurableTestRunner) on the same input with the same Task mocks, and say whether they agree — outcome, error
 * name, output — with the state path beside the durable operations, and what each would cost.
 *
 * Pure of I/O except what running the handler needs (its compiled module is written under the temp folder).
 */
export interface CompareRun {
  /** Shown in reports: "input", an execution name… */
  name: string;
  input: Json;
  /**
   * A fresh set of Task mocks. Called once per side, so that stateful mocks (call counters, recorded outcomes) start
   * over for the handler. A Task without a mock fails with `Compare.NoMock` on both sides: nothing calls AWS.
   */
  tasks: () => Record<string, TaskOverride>;
  /** What AWS recorded for this run (a replayed history): the handler must end the same way. */
  recorded?: Outcome;
}

export interface CompareOptions {
  runs: CompareRun[];
  /** `$$.StateMachine.Name`; default "StateMachine". */
  stateMachineName?: string;
  cost?: CostOptions;
  /** DefinitionSubstitutions for the definition's `${Name}` placeholders, applied before it is transpiled. */
  substitutions?: Record<string, string | number | boolean>;
}

/** The definition does not transpile: no handler to compare. */
export class CompareBuildError extends Error {
  override name = "CompareBuildError";
  constructor(readonly diagnostics: Diagnostic[]) {
    super(`the definition does not transpile: ${diagnostics.map((d) => `${d.code} ${d.message}`).join("; ")}`);
  }
}

export async function compare(definition: unknown, options: CompareOptions): Promise<CompareResult & { machineIR: MachineIR; code: string }> {
  const stateMachineName = options.stateMachineName ?? "StateMachine";
  const transpiled = await transpile(definition, { stateMachineName, ...(options.substitutions !== undefined ? { substitutions: options.substitutions } : {}) });
  const errors = transpiled.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0 || transpiled.ir === undefined) throw new CompareBuildError(errors);
  const machine = transpiled.ir;
  const module = await loadHandlerModule(transpiled.code);
  const taskNames = taskStates(machine).map((t) => t.origin.name);
  const s3 = usesS3(machine) ? await s3Classes() : undefined;
  const runs: RunComparison[] = [];
  for (const run of options.runs) {
    // The handler first: the interpreter then reports the same execution ($$.Execution.Id and Name).
    const handled = await runGeneratedHandler(module.makeHandler, run.input, withoutGaps(run.tasks(), taskNames));
    const interpreted = await interpret(machine, run.input, { tasks: withoutGaps(run.tasks(), taskNames), stateMachineName, executionArn: handled.executionArn, functionArn: handled.functionArn, ...(s3 ? { s3 } : {}) });
    const differences = diffOutcomes(interpreted.outcome, handled.outcome);
    if (run.recorded !== undefined) {
      for (const d of diffOutcomes(run.recorded, handled.outcome)) differences.push({ path: `recorded ${d.path}`, interpreter: d.interpreter, handler: d.handler });
    }
    const metrics: RunMetrics = {
      stateTransitions: interpreted.transitions,
      // Starting the execution is a durable operation too, and its input is data written (Lambda pricing page).
      durableOperations: handled.operations.length + 1,
      checkpointedBytes: handled.checkpointedBytes + Buffer.byteLength(JSON.stringify(run.input) ?? "null", "utf8"),
      invocations: handled.invocations,
      replays: Math.max(0, handled.invocations - 1),
      elapsedSeconds: interpreted.elapsedSeconds,
      handlerMilliseconds: handled.milliseconds,
    };
    const comparison: RunComparison = {
      name: run.name,
      input: run.input,
      interpreter: { outcome: interpreted.outcome, path: interpreted.path, history: interpreted.history },
      handler: { outcome: handled.outcome, operations: handled.operations },
      verdict: differences.length === 0 ? "same" : "different",
      differences,
      metrics,
      cost: estimateCost(metrics, options.cost),
    };
    if (run.recorded !== undefined) comparison.recorded = run.recorded;
    runs.push(comparison);
  }
  const states = allStates(machine).length;
  return {
    machine: { name: stateMachineName, states },
    runs,
    exitCode: runs.every((r) => r.verdict === "same") ? 0 : 1,
    machineIR: machine,
    code: transpiled.code,
  };
}

/** Every Task gets a mock: the given one, else one that fails with `Compare.NoMock` (never a call to AWS). */
function withoutGaps(tasks: Record<string, TaskOverride>, names: readonly string[]): Record<string, TaskOverride> {
  const out: Record<string, TaskOverride> = Object.create(null) as Record<string, TaskOverride>;
  for (const name of names) {
    const mock = tasks[name];
    if (typeof mock === "function") {
      out[name] = mock;
      continue;
    }
    out[name] = () => {
      throw Object.assign(new Error(`no mock for Task ${JSON.stringify(name)}: give it one in --mocks`), { name: "Compare.NoMock" });
    };
  }
  return out;
}

/** Does a Distributed Map read or write S3 (ItemReader, ResultWriter)? */
function usesS3(machine: MachineIR): boolean {
  const visit = (scope: ScopeIR): boolean =>
    scope.states.some((s) =>
      s.kind === "map" ? (s.distributed?.itemReader !== undefined || s.distributed?.resultWriter !== undefined || visit(s.processor)) : s.kind === "parallel" ? s.branches.some(visit) : false,
    );
  return visit(machine.scope);
}

/** The S3 classes the interpreter's Distributed Maps use: the same package the generated handler imports. */
async function s3Classes(): Promise<DistributedMapOptions["s3"]> {
  try {
    const m = (await import("@aws-sdk/client-s3")) as unknown as Record<string, ClientClass & CommandClass>;
    return { Client: m["S3Client"] as ClientClass, GetObject: m["GetObjectCommand"] as CommandClass, ListObjectsV2: m["ListObjectsV2Command"] as CommandClass, PutObject: m["PutObjectCommand"] as CommandClass };
  } catch {
    throw new ModuleLoadError("this machine's Distributed Map reads or writes S3: npm install @aws-sdk/client-s3");
  }
}
