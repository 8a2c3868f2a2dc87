import { StatesError } from "../errors.js";

/**
 * Error names of failed service calls (ASL-6.2, ASL-9), from an AWS SDK v3 error.
 *
 * Step Functions calls AWS with the AWS SDK for Java and names errors after the Java exception: `<Service>.<Exception>`.
 * - AWS SDK integrations (Java 2.x): the service name in Pascal case and the exception name, suffixed with `Exception`
 *   when the service's own name lacks it: S3 `NoSuchKey` → `S3.NoSuchKeyException`, SFN `InvalidToken` →
 *   `Sfn.InvalidTokenException` (developer guide "Learning to use AWS service SDK integrations", checked 2026-11;
 *   `Sfn.InvalidTokenException` with cause "Invalid Token: 'Invalid token' (Service: Sfn, Status Code: 400, Request ID:
 *   …)" recorded against AWS, LocalStack snapshot test_sfn_send_task_outcome_with_no_such_token, 2024-04-10).
 *   An error the service model does not define is thrown by Java as the service's base exception, hence
 *   `<Service>.<Service>Exception` (e.g. `S3.S3Exception`).
 * - Optimised integrations, request-response and `.sync` (Java 1.x): `Lambda.AWSLambdaException`,
 *   `DynamoDB.ConditionalCheckFailedException`, `SNS.<Code>Exception`, `StepFunctions.<Code>Exception`, `Batch.<Code>`,
 *   `Glue.<Code>`, `ECS.InvalidParameterException` (LocalStack's AWS-validated implementations of those services, 2024;
 *   cdklabs/construct-hub#415 for ECS); an error the model does not define is the service's base exception, e.g.
 *   `ECS.AmazonECSException` (construct-hub#415). Causes "… (Service: AmazonECS; Status Code: 400; Error Code:
 *   AccessDeniedException; Request ID: …; Proxy: null)" (serverless-step-functions#189 quotes one; LocalStack
 *   state_task_service_batch.py builds the same).
 * - Anything else (no connection, no credentials, a timeout) is a client-side failure: `<Service>.SdkClientException`
 *   (recorded for Lambda: `Lambda.SdkClientException`, ASL-6.2).
 */
export interface ErrorNaming {
  /** `S3`, `DynamoDb`, `DynamoDB`, `StepFunctions`… */
  prefix: string;
  /** The exception name of errors the service model does not define, e.g. `S3Exception`, `AmazonSQSException`. */
  base: string;
  /** How the cause describes the call: Java 2.x `(Service: S3, Status Code: …)` or Java 1.x `(Service: AmazonSNS; …)`. */
  cause: { style: "v2"; service: string } | { style: "v1"; service: string };
}

/** The naming of an AWS SDK integration (Java 2.x): `S3` → base exception `S3Exception`. */
export function sdkNaming(prefix: string): ErrorNaming {
  return { prefix, base: `${prefix}Exception`, cause: { style: "v2", service: prefix } };
}

/**
 * The naming of an optimised integration (Java 1.x): the prefix, and the Java client's service name its causes quote,
 * whose base exception is `<service>Exception` unless given (DynamoDB's `AmazonDynamoDBv2` throws
 * `AmazonDynamoDBException`).
 */
export function javaV1Naming(prefix: string, service: string, base = `${service}Exception`): ErrorNaming {
  return { prefix, base, cause: { style: "v1", service } };
}

interface ServiceErrorLike {
  name: string;
  message: string;
  $fault?: unknown;
  $metadata?: { httpStatusCode?: number; requestId?: string; extendedRequestId?: string };
  Code?: unknown;
}

/** The StatesError for anything a service call threw. StatesErrors (e.g. from role assumption) pass unchanged. */
export function serviceError(thrown: unknown, naming: ErrorNaming): StatesError {
  if (thrown instanceof StatesError) return thrown;
  if (!isServiceError(thrown)) {
    const message = thrown instanceof Error ? thrown.message : String(thrown);
    return new StatesError(`${naming.prefix}.SdkClientException`, message);
  }
  const exception = isModelled(thrown) ? withExceptionSuffix(thrown.name) : naming.base;
  return new StatesError(`${naming.prefix}.${exception}`, describe(thrown, naming));
}

function describe(e: ServiceErrorLike, naming: ErrorNaming): string {
  const meta = e.$metadata ?? {};
  const status = meta.httpStatusCode ?? 400;
  const requestId = meta.requestId ?? "";
  if (naming.cause.style === "v2") {
    const extended = meta.extendedRequestId !== undefined ? `, Extended Request ID: ${meta.extendedRequestId}` : "";
    return `${e.message} (Service: ${naming.cause.service}, Status Code: ${status}, Request ID: ${requestId}${extended})`;
  }
  const code = typeof e.Code === "string" ? e.Code : e.name;
  return `${e.message} (Service: ${naming.cause.service}; Status Code: ${status}; Error Code: ${code}; Request ID: ${requestId}; Proxy: null)`;
}

/** Is `thrown` an AWS service's answer with one of these error names (as the SDK v3 names them)? */
export function isServiceErrorNamed(thrown: unknown, names: readonly string[]): boolean {
  return isServiceError(thrown) && names.includes(thrown.name);
}

/** An AWS service's answer (an SDK v3 ServiceException): it carries `$metadata` and `$fault`. */
function isServiceError(thrown: unknown): thrown is ServiceErrorLike {
  return thrown instanceof Error && typeof (thrown as ServiceErrorLike).$metadata === "object" && typeof (thrown as ServiceErrorLike).$fault === "string";
}

/**
 * Is the error one the service model defines? SDK v3 throws those as their own class (`NoSuchKey`, `InvalidToken`,
 * Lambda's `ServiceException`), and the others as the service's base class (`S3ServiceException`, `SFNServiceException`)
 * named after the error code. Relies on class names, which bundlers keep unless told to minify identifiers.
 */
function isModelled(e: ServiceErrorLike): boolean {
  const ctor = (e as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof ctor !== "string" || ctor === e.name || !ctor.endsWith("ServiceException");
}

/** An SDK error name as the AWS SDK for Java names the exception class. */
export function withExceptionSuffix(name: string): string {
  return name.endsWith("Exception") ? name : `${name}Exception`;
}
