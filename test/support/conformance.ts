import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { withDurableExecution } from "@aws/durable-execution-sdk-js";
import { diffOutcomes } from "../../src/compare/diff.js";
import { runGeneratedHandler } from "../../src/compare/run-handler.js";
import type { Difference, Outcome } from "../../src/compare/types.js";
import { transpile } from "../../src/index.js";
import { interpret } from "../../src/interpret/interpreter.js";
import type { MachineIR } from "../../src/ir/types.js";
import { taskStates } from "../../src/ir/walk.js";
import type { Json, TaskOverride } from "../../src/runtime/index.js";
import { conformanceCases, type ConformanceCase } from "./shared.js";
import { matchesExpected } from "./expected.js";
import { setupSkipTime, teardownSkipTime } from "./skip-time.js";

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
  /** The case's category and query language, e.g. `pure (JSONata)`. */
  category: string;
  verdict: Verdict;
  /** Path of the generated module, when there is one. */
  module?: string;
  /** The reference interpreter's run of the same case (src/interpret), and whether it matches what AWS recorded. */
  interpreter?: { outcome: Outcome; matchesExpected: boolean };
  /** Where the interpreter and the generated handler disagree (src/compare/diff.ts); empty when they agree. */
  differences?: Difference[];
  /** The case draws random values (States.UUID, unseeded States.MathRandom, $random, $uuid): the two runs may differ. */
  nondeterministic?: boolean;
}

/** The cases that execute: every definition AWS accepted, in both query languages. */
export function executableCases(): ConformanceCase[] {
  return conformanceCases().filter((c) => c.category !== "invalid-definition");
}

/** The query language of a case's definition: JSONata when any state uses it (the `QueryLanguage:` feature tags). */
export function languageOf(c: ConformanceCase): "JSONPath" | "JSONata" {
  return (c as { features?: string[] }).features?.some((f) => f.startsWith("QueryLanguage:")) ? "JSONata" : "JSONPath";
}

function categoryOf(c: ConformanceCase): string {
  return `${c.category} (${languageOf(c)})`;
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

/**
 * The recorded Lambda behaviours as JavaScript (conformance/README.md §5). A raised error carries the error payload
 * the Lambda runtime produced, taken from the recorded failure event (its Python stack trace is the function's, not
 * the state machine's), serialised as AWS passed it on: with Python's separators for a function ARN, compact for
 * `lambda:invoke` [obs].
 */
function behave(behaviour: string, event: unknown, recordedCause: unknown, compact: boolean): unknown {
  if (/identity|returns the event/i.test(behaviour)) return event;
  if (/constant|HelloWorld/i.test(behaviour)) return { Return: "HelloWorld" };
  if (/raise|exception/i.test(behaviour)) {
    const payload =
      recordedCause !== null && typeof recordedCause === "object"
        ? recordedCause
        : { errorMessage: "Some exception was raised.", errorType: "Exception", requestId: "00000000-0000-0000-0000-000000000000", stackTrace: [] };
    const error = new Error(compact ? JSON.stringify(payload) : pythonJson(payload));
    error.name = "Exception";
    throw error;
  }
  throw new Error(`unknown recorded Lambda behaviour: ${behaviour}`);
}

/** JSON as Python's json.dumps writes it by default: ", " and ": " separators, non-ASCII escaped. */
export function pythonJson(value: unknown): string {
  const ascii = (s: string): string => JSON.stringify(s).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  if (typeof value === "string") return ascii(value);
  if (Array.isArray(value)) return `[${value.map(pythonJson).join(", ")}]`;
  if (value !== null && typeof value === "object") return `{${Object.entries(value).map(([k, v]) => `${ascii(k)}: ${pythonJson(v)}`).join(", ")}}`;
  return JSON.stringify(value) ?? "null";
}

/** The Lambda runtime's view of an Invoke payload: a string is JSON text, none is {} [obs]. */
function lambdaEvent(payload: unknown): unknown {
  if (payload === undefined || payload === null) return {};
  if (typeof payload === "string") return JSON.parse(payload) as unknown;
  return payload;
}

/** The function a Task calls: the last `:function:` segment of an ARN, or a bare name. */
function functionName(target: string): string {
  const m = /:function:([^:]+)/.exec(target);
  return m ? (m[1] as string) : target;
}

/** `tasks` overrides for every Task: dispatch on the target function to the recorded behaviour. */
export function lambdaMocks(machine: MachineIR, lambdas: readonly LambdaSpec[], recordedCause?: unknown): Record<string, TaskOverride> {
  const byName = new Map(lambdas.map((l) => [l.placeholder, l.behaviour]));
  const tasks: Record<string, TaskOverride> = {};
  for (const state of taskStates(machine)) {
    tasks[state.origin.name] = (input) => {
      if (state.integration.kind === "lambda-arn") {
        const behaviour = byName.get(functionName(state.resource));
        if (behaviour === undefined) throw new Error(`no recorded Lambda for ${state.resource}`);
        return behave(behaviour, input, recordedCause, false);
      }
      const params = (input ?? {}) as Record<string, unknown>;
      const behaviour = byName.get(functionName(String(params["FunctionName"])));
      if (behaviour === undefined) throw new Error(`no recorded Lambda for ${String(params["FunctionName"])}`);
      // arn:aws:states:::lambda:invoke returns the envelope [obs]; the error cause is compact JSON.
      const payload = behave(behaviour, lambdaEvent(params["Payload"]), recordedCause, true);
      return {
        ExecutedVersion: "$LATEST",
        ...(params["LogType"] === "Tail" ? { LogResult: Buffer.from("START RequestId\nEND RequestId\n").toString("base64") } : {}),
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
  if (c.placeholder_note !== undefined) {
    // README §3: the snapshot masked a recorded value (e.g. a timestamp as "date"), so the case cannot be reproduced.
    return { id: c.id, category: categoryOf(c), verdict: { kind: "unsupported", reason: `not comparable: ${c.placeholder_note}` } };
  }
  const generated = await generateCase(c);
  if ("reason" in generated) return { id: c.id, category: categoryOf(c), verdict: { kind: "unsupported", reason: generated.reason } };
  if (!environmentReady) {
    await setupSkipTime();
    environmentReady = true;
  }
  const module = (await import(pathToFileURL(generated.file).href)) as { makeHandler: (o: { tasks: Record<string, TaskOverride> }) => ReturnType<typeof withDurableExecution> };
  const lambdas = ((c as { lambdas?: LambdaSpec[] }).lambdas ?? []) as LambdaSpec[];
  const failure = (c as { trace?: Array<{ type: string; cause?: unknown }> }).trace?.find((e) => /^(LambdaFunctionFailed|TaskFailed)$/.test(e.type) && e.cause !== undefined);
  const handled = await runGeneratedHandler(module.makeHandler, c.input as Json, lambdaMocks(generated.ir, lambdas, failure?.cause));
  const mismatch = matchesExpected(c, toActual(handled.outcome));
  // The reference interpreter on the same input and mocks, as the same execution (issue #5 differential testing).
  const interpreted = await interpret(generated.ir, c.input as Json, {
    tasks: lambdaMocks(generated.ir, lambdas, failure?.cause),
    stateMachineName: "ConformanceMachine",
    executionArn: handled.executionArn,
    functionArn: handled.functionArn,
  });
  const handlerOutcome: Outcome = handled.outcome;
  return {
    id: c.id,
    category: categoryOf(c),
    verdict: mismatch === undefined ? { kind: "pass" } : { kind: "fail", reason: mismatch },
    module: generated.file,
    interpreter: { outcome: interpreted.outcome, matchesExpected: matchesExpected(c, toActual(interpreted.outcome)) === undefined },
    differences: diffOutcomes(interpreted.outcome, handlerOutcome),
    nondeterministic: /States\.UUID|States\.MathRandom|\$random|\$uuid/.test(JSON.stringify(c.definition)),
  };
}

function toActual(outcome: Outcome): { status: string; output?: unknown; error?: string; cause?: string } {
  return outcome.status === "SUCCEEDED" ? { status: "SUCCEEDED", output: outcome.output } : { status: "FAILED", error: outcome.error, cause: outcome.cause };
}

export async function teardown(): Promise<void> {
  if (environmentReady) await teardownSkipTime();
  environmentReady = false;
}
