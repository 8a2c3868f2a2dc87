import assert from "node:assert/strict";
import { after, afterEach, before, describe, test } from "node:test";
import { BatchClient, DescribeJobsCommand, SubmitJobCommand } from "@aws-sdk/client-batch";
import { DescribeTasksCommand, ECSClient, RunTaskCommand } from "@aws-sdk/client-ecs";
import { DescribeJobRunCommand, EMRContainersClient, StartJobRunCommand as StartEksJobRunCommand } from "@aws-sdk/client-emr-containers";
import { GetJobRunCommand, GlueClient, StartJobRunCommand } from "@aws-sdk/client-glue";
import { CreateTrainingJobCommand, DescribeTrainingJobCommand, SageMakerClient } from "@aws-sdk/client-sagemaker";
import { withDurableExecution, type DurableContext } from "@aws/durable-execution-sdk-js";
import { LocalDurableTestRunner } from "@aws/durable-execution-sdk-js-testing";
import { mockClient } from "aws-sdk-client-mock";
import * as asl from "../../src/runtime/index.js";
import type { CasingFallback } from "../../src/runtime/aws/shape.js";
import type { Json, SyncWiring } from "../../src/runtime/index.js";
import { syncJobFor } from "../../src/runtime/sync/jobs.js";
import type { SyncJobSpec } from "../../src/runtime/sync/spec.js";
import { setupSkipTime, teardownSkipTime } from "../support/skip-time.js";

/**
 * The `.sync` path (ASL-6.2 "run a job") end to end, wired as generated handlers wire it: `asl.task` with
 * `sync: asl.syncJob(Client, StartCommand, DescribeCommand)`, aws-sdk-client-mock answering the calls (nothing calls
 * AWS). The start input and both outputs are converted with the start and describe commands' own schemas, as the
 * request-response integrations convert theirs: map keys are data and keep their spelling both ways, structure
 * members are renamed (Step Functions' PascalCase ↔ the SDK's names), timestamps become epoch milliseconds.
 *
 * To show that the hand-kept casing fallback of src/runtime/sync/jobs.ts (`memberCase`, `maps`) plays no part when the
 * classes carry schemas, the job's fallback is replaced by a wrong one for those tests: converting from it would
 * recase the map keys (or every member) and fail them. A client without schemas still uses the fallback (last tests).
 */

before(setupSkipTime);
after(() => teardownSkipTime());

const T0 = new Date("2024-06-01T02:00:00.123Z");
const T1 = new Date("2024-06-01T02:03:11.456Z");

type Outcome = { output: Json } | { error: string | undefined; cause: string | undefined };

/** Run one `.sync` Task "T" as a durable execution, the way a generated handler does. */
async function runTask(resource: string, sync: SyncWiring, parameters: Json): Promise<Outcome> {
  const handler = withDurableExecution(async (input: Json, ctx: DurableContext): Promise<Json> =>
    asl.execute(async () => {
      const run = await asl.startExecution(ctx, input, { stateMachineName: "StateMachine" });
      return asl.task(run, ctx, input, { state: "T", resource: `arn:aws:states:::${resource}`, sync, parameters });
    }),
  );
  const execution = await new LocalDurableTestRunner<Json>({ handlerFunction: handler }).run({ payload: {} });
  return execution.getStatus() === "SUCCEEDED" ? { output: execution.getResult() ?? null } : { error: execution.getError()?.errorType, cause: execution.getError()?.errorMessage };
}

/** Run `body` with the casing fallback of the job of `resource` replaced by `wrong`, then put the real one back. */
async function withWrongFallback<T>(resource: string, wrong: CasingFallback, body: () => Promise<T>): Promise<T> {
  const job = syncJobFor(resource) as SyncJobSpec;
  const real = job.fallback;
  job.fallback = wrong;
  try {
    return await body();
  } finally {
    job.fallback = real;
  }
}

/** A camelCase fallback that knows no maps: it would recase every map key. */
const NO_MAPS: CasingFallback = { memberCase: "camel", maps: new Set() };

// A poll that never sees its job end would run on under skipTime: a bounded test fails instead of hanging.
const BOUNDED = { timeout: 60_000 };

describe("with command classes that carry schemas, the .sync path converts with them (a wrong fallback changes nothing)", BOUNDED, () => {
  const batch = mockClient(BatchClient);
  const ecs = mockClient(ECSClient);
  const glue = mockClient(GlueClient);
  const sagemaker = mockClient(SageMakerClient);
  afterEach(() => {
    for (const mock of [batch, ecs, glue, sagemaker]) mock.reset();
  });
  after(() => {
    for (const mock of [batch, ecs, glue, sagemaker]) mock.restore();
  });

  test("batch:submitJob.sync: Parameters and Tags map keys round-trip as written, structures are renamed", async () => {
    // SubmitJob `parameters` and `tags` are maps (Batch model): their keys, PascalCase or camelCase, are the user's.
    const userParameters = { InputFile: "s3://in/2024-06-01", outputPrefix: "s3://out/" };
    batch.on(SubmitJobCommand).resolves({ jobId: "j-1", jobName: "transform", jobArn: "arn:aws:batch:eu-west-1:123456789012:job/j-1" });
    batch.on(DescribeJobsCommand).resolves({
      jobs: [
        {
          jobId: "j-1",
          jobName: "transform",
          jobQueue: "q",
          jobDefinition: "d",
          status: "SUCCEEDED",
          startedAt: 1717207200123,
          parameters: userParameters,
          tags: { Team: "data", "cost-center": "7" },
          container: { exitCode: 0, environment: [{ name: "RUN_DATE", value: "2024-06-01" }] },
        },
      ],
    });
    const outcome = await withWrongFallback("batch:submitJob.sync", NO_MAPS, () =>
      runTask("batch:submitJob.sync", asl.syncJob(BatchClient, SubmitJobCommand, DescribeJobsCommand), {
        JobName: "transform",
        JobQueue: "q",
        JobDefinition: "d",
        Parameters: userParameters,
        Tags: { Team: "data", "cost-center": "7" },
        ContainerOverrides: { Environment: [{ Name: "RUN_DATE", Value: "2024-06-01" }] },
      }),
    );
    assert.deepEqual(batch.commandCalls(SubmitJobCommand).map((call) => call.args[0].input), [
      {
        jobName: "transform",
        jobQueue: "q",
        jobDefinition: "d",
        parameters: { InputFile: "s3://in/2024-06-01", outputPrefix: "s3://out/" },
        tags: { Team: "data", "cost-center": "7" },
        // [LocalStack _batch.py] Step Functions adds MANAGED_BY_AWS to the environment of a .sync job.
        containerOverrides: { environment: [{ name: "RUN_DATE", value: "2024-06-01" }, { name: "MANAGED_BY_AWS", value: "STARTED_BY_STEP_FUNCTIONS" }] },
      },
    ]);
    assert.deepEqual(batch.commandCalls(DescribeJobsCommand).map((call) => call.args[0].input), [{ jobs: ["j-1"] }]);
    // The result is jobs[0] in Step Functions' casing [DG connect-batch; LocalStack _batch.py].
    assert.deepEqual(outcome, {
      output: {
        JobId: "j-1",
        JobName: "transform",
        JobQueue: "q",
        JobDefinition: "d",
        Status: "SUCCEEDED",
        StartedAt: 1717207200123,
        Parameters: { InputFile: "s3://in/2024-06-01", outputPrefix: "s3://out/" },
        Tags: { Team: "data", "cost-center": "7" },
        Container: { ExitCode: 0, Environment: [{ Name: "RUN_DATE", Value: "2024-06-01" }] },
      },
    });
  });

  test("ecs:runTask.sync: overrides.containerOverrides[].environment round-trips, timestamps become epoch milliseconds", async () => {
    const task = {
      clusterArn: "arn:aws:ecs:eu-west-1:123456789012:cluster/main",
      taskArn: "arn:aws:ecs:eu-west-1:123456789012:task/main/0a1b",
      lastStatus: "STOPPED",
      createdAt: T0,
      stoppedAt: T1,
      overrides: { containerOverrides: [{ name: "app", environment: [{ name: "Region", value: "eu" }] }] },
      containers: [{ name: "app", exitCode: 0, networkInterfaces: [{ privateIpv4Address: "10.0.0.1" }] }],
      ephemeralStorage: { sizeInGiB: 20 },
      tags: [{ key: "Team", value: "data" }],
      startedBy: "AWS Step Functions",
    };
    ecs.on(RunTaskCommand).resolves({ tasks: [{ ...task, lastStatus: "PROVISIONING" }], failures: [] });
    ecs.on(DescribeTasksCommand).resolves({ tasks: [task], failures: [] });
    // A PascalCase fallback would send Step Functions' names unchanged, which the ECS model does not have.
    const outcome = await withWrongFallback("ecs:runTask.sync", { memberCase: "pascal", maps: new Set() }, () =>
      runTask("ecs:runTask.sync", asl.syncJob(ECSClient, RunTaskCommand, DescribeTasksCommand), {
        Cluster: "arn:aws:ecs:eu-west-1:123456789012:cluster/main",
        TaskDefinition: "etl:3",
        Overrides: { ContainerOverrides: [{ Name: "app", Environment: [{ Name: "Region", Value: "eu" }] }] },
        Tags: [{ Key: "Team", Value: "data" }],
      }),
    );
    assert.deepEqual(ecs.commandCalls(RunTaskCommand).map((call) => call.args[0].input), [
      {
        cluster: "arn:aws:ecs:eu-west-1:123456789012:cluster/main",
        taskDefinition: "etl:3",
        overrides: { containerOverrides: [{ name: "app", environment: [{ name: "Region", value: "eu" }] }] },
        tags: [{ key: "Team", value: "data" }],
        // [AWS-recorded test_run_task_sync: TaskScheduled parameters "StartedBy": "AWS Step Functions"]
        startedBy: "AWS Step Functions",
      },
    ]);
    assert.deepEqual(ecs.commandCalls(DescribeTasksCommand).map((call) => call.args[0].input), [
      { cluster: "arn:aws:ecs:eu-west-1:123456789012:cluster/main", tasks: ["arn:aws:ecs:eu-west-1:123456789012:task/main/0a1b"] },
    ]);
    // The stopped task in PascalCase down to EphemeralStorage.SizeInGiB and NetworkInterfaces[].PrivateIpv4Address, as
    // recorded against AWS (LocalStack test_ecs_task_service.snapshot.json); Dates as epoch milliseconds (the
    // optimised integrations' form, src/runtime/aws/shape.ts DateMode).
    assert.deepEqual(outcome, {
      output: {
        ClusterArn: "arn:aws:ecs:eu-west-1:123456789012:cluster/main",
        TaskArn: "arn:aws:ecs:eu-west-1:123456789012:task/main/0a1b",
        LastStatus: "STOPPED",
        CreatedAt: 1717207200123,
        StoppedAt: 1717207391456,
        Overrides: { ContainerOverrides: [{ Name: "app", Environment: [{ Name: "Region", Value: "eu" }] }] },
        Containers: [{ Name: "app", ExitCode: 0, NetworkInterfaces: [{ PrivateIpv4Address: "10.0.0.1" }] }],
        EphemeralStorage: { SizeInGiB: 20 },
        Tags: [{ Key: "Team", Value: "data" }],
        StartedBy: "AWS Step Functions",
      },
    });
  });

  test("glue:startJobRun.sync (a PascalCase client): Arguments keys kept, StartedOn in epoch milliseconds", async () => {
    glue.on(StartJobRunCommand).resolves({ JobRunId: "jr_1" });
    glue.on(GetJobRunCommand).resolves({
      JobRun: { Id: "jr_1", JobName: "etl", JobRunState: "SUCCEEDED", StartedOn: T0, CompletedOn: T1, Arguments: { "--day": "2024-06-01", JobName: "kept" } },
    });
    // A camelCase fallback would send `jobName` and `arguments`, members Glue's (PascalCase) model does not have.
    const outcome = await withWrongFallback("glue:startJobRun.sync", NO_MAPS, () =>
      runTask("glue:startJobRun.sync", asl.syncJob(GlueClient, StartJobRunCommand, GetJobRunCommand), { JobName: "etl", Arguments: { "--day": "2024-06-01", JobName: "kept" } }),
    );
    assert.deepEqual(glue.commandCalls(StartJobRunCommand).map((call) => call.args[0].input), [{ JobName: "etl", Arguments: { "--day": "2024-06-01", JobName: "kept" } }]);
    assert.deepEqual(glue.commandCalls(GetJobRunCommand).map((call) => call.args[0].input), [{ JobName: "etl", RunId: "jr_1" }]);
    // The JobRun, with the JobName of the request [DG connect-glue; LocalStack _glue.py].
    assert.deepEqual(outcome, {
      output: { Id: "jr_1", JobName: "etl", JobRunState: "SUCCEEDED", StartedOn: 1717207200123, CompletedOn: 1717207391456, Arguments: { "--day": "2024-06-01", JobName: "kept" } },
    });
  });

  test("States.UUID in the job name: every describe call names the job that was started (the effective input is evaluated once)", async () => {
    // Between polls the local runner may replay the handler (it does here, with the default 5 s / 10 s delays, but
    // durable-sdk.md §3: invocation counts depend on timing); a replay must not draw a new name. The replay itself is
    // tested deterministically in ./poll.test.ts.
    sagemaker.on(CreateTrainingJobCommand).resolves({ TrainingJobArn: "arn:aws:sagemaker:eu-west-1:123456789012:training-job/t" });
    const described = (status: "InProgress" | "Completed") => ({
      TrainingJobName: "t",
      TrainingJobArn: "arn:aws:sagemaker:eu-west-1:123456789012:training-job/t",
      TrainingJobStatus: status,
      AlgorithmSpecification: { TrainingInputMode: "File" as const },
      ResourceConfig: { VolumeSizeInGB: 1 },
      StoppingCondition: {},
      CreationTime: T0,
      ModelArtifacts: { S3ModelArtifacts: "s3://m" },
    });
    sagemaker.on(DescribeTrainingJobCommand).resolvesOnce(described("InProgress")).resolvesOnce(described("InProgress")).resolves(described("Completed"));
    const outcome = await runTask("sagemaker:createTrainingJob.sync", asl.syncJob(SageMakerClient, CreateTrainingJobCommand, DescribeTrainingJobCommand), {
      "TrainingJobName.$": "States.Format('train-{}', States.UUID())",
    });
    assert.ok("output" in outcome, JSON.stringify(outcome));
    const sent = sagemaker.commandCalls(CreateTrainingJobCommand).map((call) => call.args[0].input.TrainingJobName);
    assert.equal(sent.length, 1);
    assert.match(sent[0] ?? "", /^train-[0-9a-f-]{36}$/);
    // SageMaker jobs are described by the name given at the start [SDK: DescribeTrainingJob { TrainingJobName }].
    assert.deepEqual(sagemaker.commandCalls(DescribeTrainingJobCommand).map((call) => call.args[0].input), [sent, sent, sent].map((name) => ({ TrainingJobName: name[0] })));
  });
});

describe("a client without schemas (@aws-sdk/client-emr-containers 3.623) is converted with the hand-kept fallback", BOUNDED, () => {
  // aws-sdk-client-mock 4 is typed against smithy types newer than this client release: its stub is used untyped here.
  interface UntypedStub {
    on(command: unknown, input?: unknown): { resolves(output: unknown): unknown };
    commandCalls(command: unknown): Array<{ args: [{ input: unknown }] }>;
    restore(): void;
  }
  const emr = mockClient(EMRContainersClient as never) as unknown as UntypedStub;
  after(() => emr.restore());

  test("emr-containers:startJobRun.sync: tags keys kept both ways (maps: tags), other members recased (memberCase: camel)", async () => {
    assert.equal((new StartEksJobRunCommand({} as never) as { schema?: unknown }).schema, undefined, "this client release carries no schema");
    emr.on(StartEksJobRunCommand).resolves({ id: "jr-1", name: "j", arn: "arn:jr-1", virtualClusterId: "vc" });
    emr.on(DescribeJobRunCommand).resolves({ jobRun: { id: "jr-1", virtualClusterId: "vc", state: "FAILED", tags: { team: "data" }, createdAt: T0 } });
    const outcome = await runTask("emr-containers:startJobRun.sync", asl.syncJob(EMRContainersClient, StartEksJobRunCommand, DescribeJobRunCommand), {
      VirtualClusterId: "vc",
      Name: "j",
      ExecutionRoleArn: "r",
      ReleaseLabel: "emr-6.15.0-latest",
      JobDriver: { SparkSubmitJobDriver: { EntryPoint: "s3://p.py" } },
      Tags: { Team: "data" },
    });
    assert.deepEqual(emr.commandCalls(StartEksJobRunCommand).map((call) => call.args[0].input), [
      { virtualClusterId: "vc", name: "j", executionRoleArn: "r", releaseLabel: "emr-6.15.0-latest", jobDriver: { sparkSubmitJobDriver: { entryPoint: "s3://p.py" } }, tags: { Team: "data" } },
    ]);
    assert.deepEqual(emr.commandCalls(DescribeJobRunCommand).map((call) => call.args[0].input), [{ id: "jr-1", virtualClusterId: "vc" }]);
    // A failed job run: States.TaskFailed with the describe output as the Cause (ASL-9; [LocalStack] for the other services).
    assert.ok("cause" in outcome, JSON.stringify(outcome));
    assert.equal(outcome.error, "States.TaskFailed");
    assert.deepEqual(JSON.parse(outcome.cause ?? "null"), { JobRun: { Id: "jr-1", VirtualClusterId: "vc", State: "FAILED", Tags: { team: "data" }, CreatedAt: 1717207200123 } });
  });
});
