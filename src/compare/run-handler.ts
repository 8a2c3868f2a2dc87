import type { withDurableExecution } from "@aws/durable-execution-sdk-js";
import type { Json, TaskOverride } from "../runtime/index.js";
import { realMilliseconds, setupSkipTime } from "./environment.js";
import type { DurableOperation, Outcome } from "./types.js";

/** What running the generated handler once in the testing runner gave. */
export interface HandlerRun {
  outcome: Outcome;
  /** The durable execution's ARN (`$$.Execution.Id`) and the function's, for the interpreter to use the same. */
  executionArn: string;
  functionArn: string;
  operations: DurableOperation[];
  /** Bytes of the JSON text of every operation's checkpointed result. */
  checkpointedBytes: number;
  invocations: number;
  /** Wall-clock milliseconds the run took here (the handler's code, the runner's overhead excluded where it can be). */
  milliseconds: number;
}

/**
 * Run a generated handler once in the durable SDK's LocalDurableTestRunner (time skipped, so waits and retry delays
 * cost no real time) with `tasks` overrides, and read what it did from the runner.
 */
export async function runGeneratedHandler(makeHandler: (options: { tasks: Record<string, TaskOverride> }) => ReturnType<typeof withDurableExecution>, input: Json, tasks: Record<string, TaskOverride>): Promise<HandlerRun> {
  await setupSkipTime();
  const { LocalDurableTestRunner } = await import("@aws/durable-execution-sdk-js-testing");
  const handler = makeHandler({ tasks });
  let executionArn = "";
  let functionArn = "";
  const runner = new LocalDurableTestRunner({
    handlerFunction: (async (event: { DurableExecutionArn: string }, context: { invokedFunctionArn?: string }) => {
      executionArn = event.DurableExecutionArn;
      functionArn = context.invokedFunctionArn ?? "";
      return (handler as (e: unknown, c: unknown) => Promise<unknown>)(event, context);
    }) as typeof handler,
  });
  const started = realMilliseconds();
  const execution = await runner.run({ payload: input });
  const milliseconds = realMilliseconds() - started;
  const status = execution.getStatus();
  const outcome: Outcome =
    status === "SUCCEEDED"
      ? { status: "SUCCEEDED", output: (execution.getResult() ?? null) as Json }
      : { status: "FAILED", error: execution.getError()?.errorType ?? "", cause: execution.getError()?.errorMessage ?? "" };
  const operations: DurableOperation[] = [];
  let checkpointedBytes = 0;
  for (const op of execution.getOperations()) {
    const entry: DurableOperation = { id: op.getId() ?? "", name: op.getName() ?? "", type: String(op.getType() ?? ""), status: String(op.getStatus() ?? "") };
    const parent = op.getParentId();
    if (parent !== undefined) entry.parentId = parent;
    const subType = op.getSubType();
    if (subType !== undefined) entry.subType = String(subType);
    operations.push(entry);
    checkpointedBytes += resultBytes(op);
  }
  return { outcome, executionArn, functionArn, operations, checkpointedBytes, invocations: execution.getInvocations().length, milliseconds };
}

/** The size of an operation's checkpointed result: the serialized text the service stores (steps and contexts). */
function resultBytes(op: { getType(): unknown; getStepDetails(): { result?: unknown } | undefined; getContextDetails(): { result?: unknown } | undefined }): number {
  const type = String(op.getType());
  const result = type === "STEP" ? op.getStepDetails()?.result : type === "CONTEXT" ? op.getContextDetails()?.result : undefined;
  if (result === undefined) return 0;
  return Buffer.byteLength(typeof result === "string" ? result : (JSON.stringify(result) ?? ""), "utf8");
}
