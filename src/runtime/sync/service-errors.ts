import { StatesError } from "../errors.js";
import { isJsonObject } from "../json.js";
import type { SyncJobSpec } from "./spec.js";

/**
 * The ASL error for a failed start or describe call of a `.sync` job (ASL-9 service errors).
 *
 * - A StatesError passes through unchanged.
 * - An AWS service exception (an error carrying the SDK's `$metadata`) is `<prefix>.<Exception>`: the optimised
 *   integrations call AWS with the AWS SDK for Java 1.x and name errors after its exception class, which is the model's
 *   shape name with `Exception` appended unless it already ends so (AWS SDK integrations: "add the Exception suffix …
 *   even if the suffix is not part of the error name", developer guide supported-services-awssdk, stored copy checked
 *   2026-11-26; optimised: `ECS.InvalidParameterException`, cdklabs/construct-hub#415; `StepFunctions.<code>Exception`,
 *   `Batch.<code>`, `Glue.<code>` in LocalStack's AWS-validated emulator). An error the model does not define is thrown
 *   by Java as the service's base exception, `<serviceName>Exception` (`ECS.AmazonECSException`, construct-hub#415).
 *   The cause follows AWS's Java 1.x format: `<message> (Service: AmazonECS; Status Code: 400; Error Code:
 *   AccessDeniedException; Request ID: …; Proxy: null)` (serverless-step-functions#189 quotes one; LocalStack
 *   state_task_service_batch.py builds the same).
 * - Anything else (a network failure, a bug) is `<prefix>.SdkClientException`, the Java SDK's client-side error, as
 *   for `Lambda.SdkClientException` (asl-semantics §6.2).
 */
export function syncServiceError(job: Pick<SyncJobSpec, "errors">, thrown: unknown): StatesError {
  if (thrown instanceof StatesError) return thrown;
  const { prefix, serviceName } = job.errors;
  const error = thrown instanceof Error ? thrown : new Error(String(thrown));
  const metadata = (error as { $metadata?: unknown }).$metadata;
  if (!isJsonObject(metadata)) return new StatesError(`${prefix}.SdkClientException`, error.message);
  const code = error.name;
  const status = typeof metadata["httpStatusCode"] === "number" ? String(metadata["httpStatusCode"]) : "null";
  const requestId = typeof metadata["requestId"] === "string" ? metadata["requestId"] : "null";
  const details = `Service: ${serviceName}; Status Code: ${status}; Error Code: ${code}; Request ID: ${requestId}; Proxy: null`;
  const exception = isModelled(error) ? javaExceptionName(code) : `${serviceName}Exception`;
  return new StatesError(`${prefix}.${exception}`, `${error.message} (${details})`);
}

/**
 * Does the service model define this error? The SDK v3 throws those as their own class (`ClientException`,
 * `ExecutionDoesNotExist`), and others as the service's base class (`ECSServiceException`) named after the error code.
 * Relies on class names, which bundlers keep unless told to minify identifiers.
 */
function isModelled(error: Error): boolean {
  const className = (error as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof className !== "string" || className === error.name || !className.endsWith("ServiceException");
}

/** An SDK error name as the AWS SDK for Java names the exception class. */
export function javaExceptionName(name: string): string {
  return name.endsWith("Exception") ? name : `${name}Exception`;
}

/** Is `thrown` an AWS service exception with one of these names (as the SDK v3 names it)? */
export function isServiceError(thrown: unknown, names: readonly string[]): boolean {
  return thrown instanceof Error && isJsonObject((thrown as { $metadata?: unknown }).$metadata) && names.includes(thrown.name);
}
