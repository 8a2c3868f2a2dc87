import { classifyResource } from "../asl/integrations.js";
import { StatesError } from "./errors.js";
import { lambdaFunction, lambdaInvoke } from "./lambda.js";
import type { TaskOverride } from "./task.js";

/**
 * The default wiring of a Task Resource (ASL-6.2): a Lambda function ARN, or `arn:aws:states:::lambda:invoke`. The
 * transpiler reports every other resource as not supported yet, so reaching the error here means a definition was
 * changed after it was transpiled.
 */
export function integrationFor(resource: string): TaskOverride {
  const kind = classifyResource(resource);
  if (kind.kind === "lambda-arn") return lambdaFunction(resource);
  if (kind.kind === "optimised" && kind.service === "lambda" && kind.action === "invoke" && kind.pattern !== "sync" && kind.pattern !== "sync:2") return lambdaInvoke;
  return () => {
    throw new StatesError("States.Runtime", `No integration for Resource ${JSON.stringify(resource)}; pass a tasks override`);
  };
}
