import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { BatchServiceException, ClientException } from "@aws-sdk/client-batch";
import { AccessDeniedException, ECSServiceException } from "@aws-sdk/client-ecs";
import { ExecutionDoesNotExist } from "@aws-sdk/client-sfn";
import { isServiceErrorNamed, serviceError, withExceptionSuffix } from "../../src/runtime/aws/errors.js";
import { StatesError } from "../../src/runtime/errors.js";
import { syncJobFor } from "../../src/runtime/sync/jobs.js";
import type { SyncJobSpec } from "../../src/runtime/sync/spec.js";

/** The error of a failed start or describe call of `job`, as src/runtime/sync/poll.ts names it. */
const syncServiceError = (job: SyncJobSpec, thrown: unknown): StatesError => serviceError(thrown, job.errors);

const batch = syncJobFor("batch:submitJob.sync") as SyncJobSpec;
const sfn = syncJobFor("states:startExecution.sync") as SyncJobSpec;
const ecs = syncJobFor("ecs:runTask.sync") as SyncJobSpec;
const metadata = { httpStatusCode: 400, requestId: "37158697-a9c5", attempts: 1, totalRetryDelay: 0 };

describe("errors of the start and describe calls (ASL-9 service errors)", () => {
  test("an SDK service exception is <prefix>.<Exception> with AWS's Java-style cause (LocalStack _batch.py)", () => {
    const thrown = new ClientException({ message: "Job queue does not exist", $metadata: metadata });
    const error = syncServiceError(batch, thrown);
    assert.ok(error instanceof StatesError);
    assert.equal(error.name, "Batch.ClientException");
    assert.equal(error.message, "Job queue does not exist (Service: AWSBatch; Status Code: 400; Error Code: ClientException; Request ID: 37158697-a9c5; Proxy: null)");
    assert.deepEqual(JSON.parse((error as { errorData?: string }).errorData ?? "null"), { Error: "Batch.ClientException", Cause: error.message });
  });

  test("a shape name without the Exception suffix gets it, as Step Functions' Java names do (StepFunctions.<code>Exception)", () => {
    const thrown = new ExecutionDoesNotExist({ message: "Execution Does Not Exist: 'arn:x'", $metadata: metadata });
    assert.equal(thrown.name, "ExecutionDoesNotExist");
    assert.equal(syncServiceError(sfn, thrown).name, "StepFunctions.ExecutionDoesNotExistException");
    assert.equal(withExceptionSuffix("AccessDeniedException"), "AccessDeniedException");
    assert.equal(withExceptionSuffix("BucketAlreadyExists"), "BucketAlreadyExistsException");
  });

  test("a modelled ECS error keeps its name: ECS.AccessDeniedException, with the cause AWS quotes (serverless-step-functions#189)", () => {
    const thrown = new AccessDeniedException({ message: "User is not authorized to perform: iam:PassRole", $metadata: metadata });
    const error = syncServiceError(ecs, thrown);
    assert.equal(error.name, "ECS.AccessDeniedException");
    assert.equal(error.message, "User is not authorized to perform: iam:PassRole (Service: AmazonECS; Status Code: 400; Error Code: AccessDeniedException; Request ID: 37158697-a9c5; Proxy: null)");
  });

  test("an error the model does not define is the service's base exception: ECS.AmazonECSException (construct-hub#415)", () => {
    const thrown = new ECSServiceException({ name: "ThrottlingException", $fault: "client", message: "Rate exceeded", $metadata: metadata });
    const error = syncServiceError(ecs, thrown);
    assert.equal(error.name, "ECS.AmazonECSException");
    assert.match(error.message, /Error Code: ThrottlingException;/);
    const batchThrown = new BatchServiceException({ name: "ThrottlingException", $fault: "client", message: "m", $metadata: metadata });
    assert.equal(syncServiceError(batch, batchThrown).name, "Batch.AWSBatchException");
  });

  test("an error without SDK metadata (network, bug) is <prefix>.SdkClientException; a StatesError passes through", () => {
    const network = syncServiceError(batch, new TypeError("fetch failed"));
    assert.equal(network.name, "Batch.SdkClientException");
    assert.equal(network.message, "fetch failed");
    assert.equal(syncServiceError(batch, "boom").message, "boom");
    const own = new StatesError("States.Timeout", "late");
    assert.equal(syncServiceError(batch, own), own);
  });

  test("isServiceErrorNamed matches SDK exceptions by name only (delete*.sync goneErrors)", () => {
    const thrown = new ClientException({ message: "m", $metadata: metadata });
    assert.equal(isServiceErrorNamed(thrown, ["ClientException"]), true);
    assert.equal(isServiceErrorNamed(thrown, ["ResourceNotFoundException"]), false);
    assert.equal(isServiceErrorNamed(Object.assign(new Error("m"), { name: "ClientException" }), ["ClientException"]), false);
  });
});
