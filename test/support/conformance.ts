import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { withDurableExecution } from "@aws/durable-execution-sdk-js";
import { LocalDurableTestRunner } from "@aws/durable-execution-sdk-js-testing";
import { transpile } from "../../src/index.js";
import type { MachineIR, ScopeIR, TaskState } from "../../src/ir/types.js";
import type { TaskOverride } from "../../src/runtime/index.js";
import { conformanceCases, type ConformanceCase } from "./shared.js";
import { matchesExpected } from "./expected.js";

/**
 * Runs the AWS-recorded conformance cases (../shared/conformance) through the generated handlers in the durable SDK's
 * LocalDurableTestRunner, mocking the recorded Lambda behaviours through `tasks` (conformance/README.md §4–§5).
 */
export const GENERATED_DIR = fileURLToPath(new URL("../.generated/conformance/", import.meta.url));

export interface LambdaSpec {
  placeholder: string;
  behaviour: string;
}

export type Verdict =
  | { kind: "pass" }
  | { kind: "fail"; reason: string }
  | { kind: "unsupported"; reason: string };

export interface CaseResult {
  id: string;
  category: string;
  verdict: Verdict;
  /** Path of the generated module, when there is one. */
  module?: string;
}

/** The cases this stage runs: JSONPath definitions AWS accepted (JSONata is the full-ASL stage's). */
export function jsonPathCases(): ConformanceCase[] {
  return conformanceCases().filter((c) => c.category !== "invalid-definition" && !(c as { features?: string[] }).features?.some((f) => f.startsWith("QueryLanguage:")));
}

/** A unique, stable module file name for a case. */
export function moduleFileFor(id: string): string {
  return `${GENERATED_DIR}case-${createHash("sha1").update(id).digest("hex").slice(0, 12)}.ts`;
}

/** Transpile one case into a module file; returns undefined with the reason when it cannot be transpiled. */
export async function generateCase(c: ConformanceCase): Promise<{ file: string; ir: MachineIR } | { reason: string }> {
  const result = await transpile(c.definition, { stateMachineName: "ConformanceMachine" });
  if (!result.ir || result.code === "") {
    const errors = result.diagnostics.filter((d) => d.severity === "error");
    return { reason: errors.map((d) => `${d.code} ${d.message}`).join("; ") || "no code" };
  }
  mkdirSync(GENERATED_DIR, { recursive: true });
  const file = moduleFileFor(c.id);
  writeFileSync(file, result.code);
  return { file, ir: result.ir };
}

/** Every Task state of a machine, in every scope. */
export function taskStates(machine: MachineIR): TaskState[] {
  const out: TaskState[] = [];
  const visit = (scope: ScopeIR): void => {
    for (const s of scope.states) {
      if (s.kind === "task") out.push(s);
      if (s.kind === "parallel") s.branches.forEach(visit);
      if (s.kind === "map") visit(s.processor);
    }
  };
  visit(machine.scope);
  return out;
}

/** The recorded Lambda behaviours as JavaScript (conformance/README.md §5). */
function behave(behaviour: string, event: unknown): unknown {
  if (/identity|returns the event/i.test(behaviour)) return event;
  if (/constant|HelloWorld/i.test(behaviour)) return { Return: "HelloWorld" };
  if (/raise|exception/i.test(behaviour)) {
    const error = new Error(
      JSON.stringify({ errorMessage: "Some exception was raised.", errorType: "Exception", requestId: "00000000-0000-0000-0000-000000000000", stackTrace: [] }),
    );
    error.name = "Exception";
    throw error;
  }
  throw new Error(`unknown recorded Lambda behaviour: ${behaviour}`);
}

/** The function a Task calls: the last `:function:` segment of an ARN, or a bare name. */
function functionName(target: string): string {
  const m = /:function:([^:]+)/.exec(target);
  return m ? (m[1] as string) : target;
}

/** `tasks` overrides for every Task: dispatch on the target function to the recorded behaviour. */
export function lambdaMocks(machine: MachineIR, lambdas: readonly LambdaSpec[]): Record<string, TaskOverride> {
  const byName = new Map(lambdas.map((l) => [l.placeholder, l.behaviour]));
  const tasks: Record<string, TaskOverride> = {};
  for (const state of taskStates(machine)) {
    tasks[state.origin.name] = (input) => {
      if (state.integration.kind === "lambda-arn") {
        const behaviour = byName.get(functionName(state.resource));
        if (behaviour === undefined) throw new Error(`no recorded Lambda for ${state.resource}`);
        return behave(behaviour, input);
      }
      const params = (input ?? {}) as Record<string, unknown>;
      const behaviour = byName.get(functionName(String(params["FunctionName"])));
      if (behaviour === undefined) throw new Error(`no recorded Lambda for ${String(params["FunctionName"])}`);
      // arn:aws:states:::lambda:invoke returns the envelope [obs]; the error cause is compact JSON.
      const payload = behave(behaviour, params["Payload"] ?? null);
      return {
        ExecutedVersion: "$LATEST",
        Payload: payload,
        SdkHttpMetadata: { AllHttpHeaders: {}, HttpHeaders: {}, HttpStatusCode: 200 },
        SdkResponseMetadata: { RequestId: "00000000-0000-0000-0000-000000000000" },
        StatusCode: 200,
      };
    };
  }
  return tasks;
}

let environmentReady = false;

/** Run one case end to end and compare with what AWS recorded. */
export async function runCase(c: ConformanceCase): Promise<CaseResult> {
  const generated = await generateCase(c);
  if ("reason" in generated) return { id: c.id, category: c.category, verdict: { kind: "unsupported", reason: generated.reason } };
  if (!environmentReady) {
    await LocalDurableTestRunner.setupTestEnvironment({ skipTime: true });
    environmentReady = true;
  }
  const module = (await import(pathToFileURL(generated.file).href)) as { makeHandler: (o: { tasks: Record<string, TaskOverride> }) => ReturnType<typeof withDurableExecution> };
  const lambdas = ((c as { lambdas?: LambdaSpec[] }).lambdas ?? []) as LambdaSpec[];
  const handler = module.makeHandler({ tasks: lambdaMocks(generated.ir, lambdas) });
  const runner = new LocalDurableTestRunner({ handlerFunction: handler });
  const execution = await runner.run({ payload: c.input });
  const status = execution.getStatus() ?? "UNKNOWN";
  const actual =
    status === "SUCCEEDED"
      ? { status, output: execution.getResult() }
      : { status, error: execution.getError()?.errorType ?? "", cause: execution.getError()?.errorMessage ?? "" };
  const mismatch = matchesExpected(c, actual);
  return { id: c.id, category: c.category, verdict: mismatch === undefined ? { kind: "pass" } : { kind: "fail", reason: mismatch }, module: generated.file };
}

export async function teardown(): Promise<void> {
  if (environmentReady) await LocalDurableTestRunner.teardownTestEnvironment();
  environmentReady = false;
}
