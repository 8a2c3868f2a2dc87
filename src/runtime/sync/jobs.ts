import { classifyResource } from "../../asl/integrations.js";
import { javaV1Naming } from "../aws/errors.js";
import * as adapters from "../aws/optimised.js";
import { isJsonObject } from "../json.js";
import type { Json } from "../types.js";
import { at, obj, statusJob, str, type Family, type SdkInput, type SyncJobSpec, type SyncOutcome, type SyncStart } from "./spec.js";

/**
 * The `.sync` ("run a job and wait") integrations of Step Functions (ASL-6.2), one entry per `<service>:<action>.sync`
 * that src/asl/integrations.ts OPTIMISED_INTEGRATIONS lists, plus `states:startExecution.sync:2`.
 *
 * Sources (stored copies, checked 2026-11-26):
 * - [DG connect-x]: AWS Step Functions developer guide, https://docs.aws.amazon.com/step-functions/latest/dg/connect-x.html
 *   (the archived awsdocs/aws-step-functions-developer-guide doc_source/connect-x.md where the live page was not stored).
 * - [AWS-recorded]: LocalStack's parity snapshots, recorded against AWS (tests/aws/services/stepfunctions/v2/…
 *   `*.snapshot.json`): callback/test_callback (startExecution.sync and .sync:2 results and failures, 2023),
 *   services/test_ecs_task_service (runTask.sync, 2024-02-23).
 * - [LocalStack]: LocalStack's emulator (localstack-core/…/state_task/service/state_task_service_<service>.py), which
 *   mirrors what its AWS-validated tests showed.
 * - [SDK]: the installed AWS SDK v3 clients: command names, shapes, and the status values of their waiters.
 * - [unverified]: chosen by analogy with the documented integrations; listed as open questions in the report.
 *
 * Failures end the Task with `States.TaskFailed` and the describe output (serialised) as the Cause, for every entry
 * ([AWS-recorded] startExecution.sync; [LocalStack] batch, glue, sfn; ECS: "if an essential container exits with a
 * non-zero exit code, then the States.TaskFailed error", aws/copilot-cli#3160).
 *
 * Responses are read in Step Functions' view of them (./spec.ts `viewOf`); start inputs are built in Step Functions'
 * names and converted by the start command's schema (./spec.ts `syncShapes`), describe inputs are written in the SDK's
 * member names. A family's `memberCase` and `maps` are the fallback for clients without schemas. Errors are named as
 * the optimised integration's request-response call names them (the adapters of src/runtime/aws/optimised.ts).
 *
 * Poll interval: AWS documents one only for eks:runJob.sync ("initially … about 1 poll per minute … eventually
 * slows to … 1 poll every 5 minutes", [DG connect-eks]); a Glue job's end can take up to ~5 minutes to be noticed
 * (AWS Support, quoted in qiita.com/toru_yamashita/items/a2ecc1f29fbbce5e4344, 2022-07). The runtime's own
 * schedule is in ./poll.ts.
 */

const sfnFamily: Family = {
  service: "states",
  package: "@aws-sdk/client-sfn",
  client: "SFNClient",
  memberCase: "camel",
  errors: adapters.statesStartExecution.naming,
  source: "[DG connect-stepfunctions]; result and failure [AWS-recorded] test_callback; errors [LocalStack] _sfn.py",
};

/** StartExecution's `Input` is a JSON string; Step Functions serialises a JSON value, and sends `{}` for none [AWS-recorded]. */
function startExecutionInput(params: { [key: string]: Json }, sdk: (value: { [key: string]: Json }) => SdkInput): SdkInput {
  const input = params["Input"];
  return sdk({ ...params, Input: typeof input === "string" ? input : JSON.stringify(input ?? {}) });
}

/** `.sync:2` returns the child's Input and Output parsed as JSON [AWS-recorded test_start_execution_sync2]. */
function parsedExecution(output: Json): Json {
  if (!isJsonObject(output)) return output;
  const parse = (text: Json | undefined): Json | undefined => {
    if (typeof text !== "string") return text;
    try {
      return JSON.parse(text) as Json;
    } catch {
      return text;
    }
  };
  const record = output as Record<string, Json>;
  return obj({ ...record, Input: parse(record["Input"]), Output: parse(record["Output"]) });
}

const execution = {
  start: "StartExecutionCommand",
  describe: "DescribeExecutionCommand",
  status: (output: Json) => str(output, "Status"),
  succeeded: ["SUCCEEDED"],
  failed: ["FAILED", "TIMED_OUT", "ABORTED"],
  startInput: startExecutionInput,
  pollInput: (start: SyncStart) => obj({ executionArn: str(start.response, "ExecutionArn") }),
};

const batch: Family = {
  service: "batch",
  package: "@aws-sdk/client-batch",
  client: "BatchClient",
  memberCase: "camel",
  maps: ["parameters", "tags", "options", "labels", "annotations", "limits", "requests", "statusSummary"],
  errors: adapters.batch.naming,
  source: "[DG connect-batch]; DescribeJobs poll, jobs[0] result, failure cause, errors and the MANAGED_BY_AWS variable [LocalStack] _batch.py",
};

/** For .sync, Step Functions adds MANAGED_BY_AWS=STARTED_BY_STEP_FUNCTIONS to the container's environment [LocalStack]. */
function submitJobInput(params: { [key: string]: Json }, sdk: (value: { [key: string]: Json }) => SdkInput): SdkInput {
  const input = sdk(params);
  const overrides = isJsonObject(input["containerOverrides"]) ? input["containerOverrides"] : {};
  const environment: unknown[] = Array.isArray(overrides["environment"]) ? overrides["environment"] : [];
  const managed = { name: "MANAGED_BY_AWS", value: "STARTED_BY_STEP_FUNCTIONS" };
  return { ...input, containerOverrides: { ...overrides, environment: [...environment, managed] } };
}

const ecs: Family = {
  service: "ecs",
  package: "@aws-sdk/client-ecs",
  client: "ECSClient",
  memberCase: "camel",
  errors: adapters.ecs.naming,
  source:
    "[DG connect-ecs] (Failures → AmazonECS.Unknown); task object as the result and StartedBy [AWS-recorded] test_run_task_sync; " +
    "exit codes → States.TaskFailed (aws/copilot-cli#3160); waiting for every task started and the result for Count > 1 [unverified]",
};

const ecsRunTask: SyncJobSpec = (() => {
  const spec = statusJob(ecs, {
    action: "runTask",
    start: "RunTaskCommand",
    describe: "DescribeTasksCommand",
    status: () => undefined,
    succeeded: [],
    failed: [],
    // Step Functions sets StartedBy for .sync [AWS-recorded: TaskScheduled parameters "StartedBy": "AWS Step Functions"].
    startInput: (parameters, sdk) => {
      const input = sdk(parameters);
      return input["startedBy"] === undefined ? { ...input, startedBy: "AWS Step Functions" } : input;
    },
    pollInput: (start) => {
      const tasks = at(start.response, "Tasks");
      const list = Array.isArray(tasks) ? tasks : [];
      return obj({
        cluster: str(list[0], "ClusterArn") ?? str(start.request, "cluster"),
        tasks: list.map((task) => str(task, "TaskArn")).filter((arn): arn is string => arn !== undefined),
      });
    },
  });
  return {
    ...spec,
    // lastStatus STOPPED ends every task; the exit codes decide between success and failure (ecsTaskFailed).
    terminal: { succeeded: ["STOPPED"], failed: ["STOPPED"] },
    startFailure(start) {
      const failures = at(start.response, "Failures");
      const tasks = at(start.response, "Tasks");
      if ((Array.isArray(failures) && failures.length > 0) || !Array.isArray(tasks) || tasks.length === 0) {
        return { error: "AmazonECS.Unknown", cause: JSON.stringify(start.response) };
      }
      return undefined;
    },
    check(output): SyncOutcome {
      const tasks = at(output, "Tasks");
      if (!Array.isArray(tasks) || tasks.length === 0) return { status: "running" };
      if (tasks.some((task) => str(task, "LastStatus") !== "STOPPED")) return { status: "running" };
      const failed = tasks.find(ecsTaskFailed);
      if (failed !== undefined) return { status: "failed", error: "States.TaskFailed", cause: JSON.stringify(failed) };
      return { status: "succeeded", result: tasks[0] ?? null };
    },
  };
})();

/** A stopped ECS task failed when it never started or a container exited with a non-zero (or without an) exit code. */
function ecsTaskFailed(task: Json): boolean {
  if (str(task, "StopCode") === "TaskFailedToStart") return true;
  const containers = at(task, "Containers");
  const codes = (Array.isArray(containers) ? containers : []).map((container) => at(container, "ExitCode"));
  return codes.every((code) => typeof code !== "number") || codes.some((code) => typeof code === "number" && code !== 0);
}

const glue: Family = {
  service: "glue",
  package: "@aws-sdk/client-glue",
  client: "GlueClient",
  memberCase: "pascal",
  errors: adapters.glue.naming,
  source: "[DG connect-glue] (JobName inserted into the response); GetJobRun poll, states, JobRun result with JobName, errors [LocalStack] _glue.py",
};

const databrew: Family = {
  service: "databrew",
  package: "@aws-sdk/client-databrew",
  client: "DataBrewClient",
  memberCase: "pascal",
  errors: adapters.dataBrew.naming,
  source: "[DG connect-databrew]; DescribeJobRun poll and terminal states [SDK]; STOPPED as a failure, result, error prefix [unverified]",
};

const athena: Family = {
  service: "athena",
  package: "@aws-sdk/client-athena",
  client: "AthenaClient",
  memberCase: "pascal",
  errors: adapters.athena.naming,
  source: "[DG connect-athena]; GetQueryExecution output as the result (the docs' samples read $.QueryExecution.QueryExecutionId), states [SDK]",
};

const codebuild: Family = {
  service: "codebuild",
  package: "@aws-sdk/client-codebuild",
  client: "CodeBuildClient",
  memberCase: "camel",
  errors: adapters.codeBuild.naming,
  source: "[DG connect-codebuild] (the result holds Build: `$.Build..Arn`); BatchGetBuilds/BatchGetBuildBatches poll and states [SDK]",
};

const BUILD_FAILED = ["FAILED", "FAULT", "TIMED_OUT", "STOPPED"];

const buildBatch = (action: string, start: string) => ({
  action,
  start,
  describe: "BatchGetBuildBatchesCommand",
  status: (output: Json) => str(output, "BuildBatches", 0, "BuildBatchStatus"),
  succeeded: ["SUCCEEDED"],
  failed: BUILD_FAILED,
  select: (output: Json) => {
    const batchDetails = at(output, "BuildBatches", 0);
    return batchDetails === undefined ? undefined : { BuildBatch: batchDetails };
  },
  pollInput: (started: SyncStart) => obj({ ids: [str(started.response, "BuildBatch", "Id") ?? ""] }),
  source: "result { BuildBatch } by analogy with startBuild [unverified]",
});

const sagemaker: Family = {
  service: "sagemaker",
  package: "@aws-sdk/client-sagemaker",
  client: "SageMakerClient",
  memberCase: "pascal",
  errors: adapters.sageMaker.naming,
  source: "[DG connect-sagemaker]; Describe*Job poll and states [SDK waiters *CompletedOrStopped]; Stopped as a failure [unverified]",
};

/** A SageMaker create*Job: named in the request, described by name until its status settles. */
function sagemakerJob(kind: string, nameMember: string, statusMember: string) {
  return statusJob(sagemaker, {
    action: `create${kind}`,
    start: `Create${kind}Command`,
    describe: `Describe${kind}Command`,
    status: (output) => str(output, statusMember),
    succeeded: ["Completed"],
    failed: ["Failed", "Stopped"],
    pollInput: (start) => obj({ [nameMember]: str(start.request, nameMember) }),
  });
}

const emr: Family = {
  service: "elasticmapreduce",
  package: "@aws-sdk/client-emr",
  client: "EMRClient",
  memberCase: "pascal",
  // The request-response adapters (optimised.ts `emr*`) name the same calls' errors `EMR.`; neither is recorded.
  errors: javaV1Naming("ElasticMapReduce", "AmazonElasticMapReduce"),
  source:
    "[DG connect-emr] (request and response reshaping, createCluster.sync waits for WAITING, .sync = request-response + wait); " +
    "DescribeCluster/DescribeStep states [SDK waiters]; error prefix [unverified]",
};

const emrContainers: Family = {
  service: "emr-containers",
  package: "@aws-sdk/client-emr-containers",
  client: "EMRContainersClient",
  memberCase: "camel",
  maps: ["tags", "properties"],
  errors: adapters.emrContainers.naming,
  source: "[DG connect-emr-eks]; DescribeVirtualCluster for deleteVirtualCluster.sync [DG emr-eks-iam]; states [SDK]; result and error prefix [unverified]",
};

const emrServerless: Family = {
  service: "emr-serverless",
  package: "@aws-sdk/client-emr-serverless",
  client: "EMRServerlessClient",
  memberCase: "camel",
  maps: ["tags", "properties", "initialCapacity", "workerTypeSpecifications", "logTypes", "encryptionContext"],
  errors: adapters.emrServerless.naming,
  source:
    "[DG connect-emr-serverless] (createApplication.sync waits for CREATED, responses as the API's, startApplication returns { ApplicationId }); " +
    "application and job-run states [SDK, EMR Serverless user guide application-states]; error prefix [unverified]",
};

const application = (action: string, start: string, succeeded: string[], failed: string[]) =>
  statusJob(emrServerless, {
    action,
    start,
    describe: "GetApplicationCommand",
    status: (output) => str(output, "Application", "State"),
    succeeded,
    failed,
    result: "start",
    pollInput: (started) => obj({ applicationId: str(started.response, "ApplicationId") ?? str(started.request, "applicationId") }),
    submitted: (started) => obj({ ApplicationId: str(started.request, "applicationId"), ...(isJsonObject(started.response) ? (started.response as Record<string, Json>) : {}) }),
    ...(action === "deleteApplication" ? { goneErrors: ["ResourceNotFoundException"] } : {}),
  });

const eks: Family = {
  service: "eks",
  package: "@aws-sdk/client-eks",
  client: "EKSClient",
  memberCase: "camel",
  maps: ["tags", "labels"],
  errors: adapters.eks.naming,
  source: "[DG connect-eks]; Describe* states and deletion = not found [SDK waiters]; results and error prefix [unverified]",
};

/** An EKS resource created (ACTIVE when done) or deleted (gone when done), described by the names in the request. */
function eksResource(kind: "Cluster" | "FargateProfile" | "Nodegroup", keys: readonly string[]) {
  const pollInput = (start: SyncStart): Json => obj(Object.fromEntries(keys.map((key) => [key, str(start.request, key)])));
  const status = (output: Json): string | undefined => str(output, kind, "Status");
  const createFailed = kind === "Cluster" ? ["FAILED", "DELETING"] : ["CREATE_FAILED", "DELETING", "DELETE_FAILED"];
  return [
    statusJob(eks, { action: `create${kind}`, start: `Create${kind}Command`, describe: `Describe${kind}Command`, status, succeeded: ["ACTIVE"], failed: createFailed, pollInput }),
    statusJob(eks, {
      action: `delete${kind}`,
      start: `Delete${kind}Command`,
      describe: `Describe${kind}Command`,
      status,
      succeeded: [],
      failed: kind === "Cluster" ? ["FAILED"] : ["DELETE_FAILED"],
      result: "start",
      pollInput,
      goneErrors: ["ResourceNotFoundException"],
    }),
  ];
}

const mediaconvert: Family = {
  service: "mediaconvert",
  package: "@aws-sdk/client-mediaconvert",
  client: "MediaConvertClient",
  memberCase: "pascal",
  errors: adapters.mediaConvert.naming,
  source: "[DG connect-mediaconvert] (the ManagedByService tag); GetJob poll and states [SDK]; result and error prefix [unverified]",
};

const bedrock: Family = {
  service: "bedrock",
  package: "@aws-sdk/client-bedrock",
  client: "BedrockClient",
  memberCase: "camel",
  maps: ["/hyperParameters", "equals", "notEquals"],
  errors: adapters.bedrock.naming,
  source: "[DG connect-bedrock] (no differences in the fields); GetModelCustomizationJob poll and states [SDK]; result and error prefix [unverified]",
};

/** Every `.sync` integration the runtime can run, in the order of OPTIMISED_INTEGRATIONS. */
export const SYNC_JOBS: readonly SyncJobSpec[] = [
  statusJob(sfnFamily, { action: "startExecution", ...execution }),
  statusJob(sfnFamily, { action: "startExecution", pattern: "sync:2", ...execution, select: parsedExecution }),
  ecsRunTask,
  statusJob(batch, {
    action: "submitJob",
    start: "SubmitJobCommand",
    describe: "DescribeJobsCommand",
    status: (output) => str(output, "Jobs", 0, "Status"),
    succeeded: ["SUCCEEDED"],
    failed: ["FAILED"],
    select: (output) => at(output, "Jobs", 0),
    startInput: submitJobInput,
    pollInput: (start) => obj({ jobs: [str(start.response, "JobId") ?? ""] }),
  }),
  statusJob(glue, {
    action: "startJobRun",
    start: "StartJobRunCommand",
    describe: "GetJobRunCommand",
    status: (output) => str(output, "JobRun", "JobRunState"),
    // LocalStack treats STOPPED as a normal end; EXPIRED (added to the API since) as a failure [unverified].
    succeeded: ["SUCCEEDED", "STOPPED"],
    failed: ["FAILED", "TIMEOUT", "ERROR", "EXPIRED"],
    select: (output, start) => {
      const run = at(output, "JobRun");
      return isJsonObject(run) ? { ...(run as Record<string, Json>), JobName: str(start.request, "JobName") ?? null } : undefined;
    },
    pollInput: (start) => obj({ JobName: str(start.request, "JobName"), RunId: str(start.response, "JobRunId") }),
    submitted: (start) => obj({ JobRunId: str(start.response, "JobRunId"), JobName: str(start.request, "JobName") }),
  }),
  statusJob(databrew, {
    action: "startJobRun",
    start: "StartJobRunCommand",
    describe: "DescribeJobRunCommand",
    status: (output) => str(output, "State"),
    succeeded: ["SUCCEEDED"],
    failed: ["FAILED", "TIMEOUT", "STOPPED"],
    pollInput: (start) => obj({ Name: str(start.request, "Name"), RunId: str(start.response, "RunId") }),
  }),
  statusJob(athena, {
    action: "startQueryExecution",
    start: "StartQueryExecutionCommand",
    describe: "GetQueryExecutionCommand",
    status: (output) => str(output, "QueryExecution", "Status", "State"),
    succeeded: ["SUCCEEDED"],
    failed: ["FAILED", "CANCELLED"],
    pollInput: (start) => obj({ QueryExecutionId: str(start.response, "QueryExecutionId") }),
  }),
  statusJob(codebuild, {
    action: "startBuild",
    start: "StartBuildCommand",
    describe: "BatchGetBuildsCommand",
    status: (output) => str(output, "Builds", 0, "BuildStatus"),
    succeeded: ["SUCCEEDED"],
    failed: BUILD_FAILED,
    select: (output) => {
      const build = at(output, "Builds", 0);
      return build === undefined ? undefined : { Build: build };
    },
    pollInput: (start) => obj({ ids: [str(start.response, "Build", "Id") ?? ""] }),
  }),
  statusJob(codebuild, buildBatch("startBuildBatch", "StartBuildBatchCommand")),
  statusJob(codebuild, buildBatch("retryBuildBatch", "RetryBuildBatchCommand")),
  sagemakerJob("TrainingJob", "TrainingJobName", "TrainingJobStatus"),
  sagemakerJob("TransformJob", "TransformJobName", "TransformJobStatus"),
  sagemakerJob("ProcessingJob", "ProcessingJobName", "ProcessingJobStatus"),
  sagemakerJob("HyperParameterTuningJob", "HyperParameterTuningJobName", "HyperParameterTuningJobStatus"),
  sagemakerJob("LabelingJob", "LabelingJobName", "LabelingJobStatus"),
  statusJob(emr, {
    action: "createCluster",
    start: "RunJobFlowCommand",
    describe: "DescribeClusterCommand",
    status: (output) => str(output, "Cluster", "Status", "State"),
    succeeded: ["WAITING"],
    failed: ["TERMINATING", "TERMINATED", "TERMINATED_WITH_ERRORS"],
    result: "start",
    pollInput: (start) => obj({ ClusterId: str(start.response, "JobFlowId") }),
    submitted: (start) => obj({ ClusterId: str(start.response, "JobFlowId"), ClusterArn: str(start.response, "ClusterArn") }),
  }),
  statusJob(emr, {
    action: "terminateCluster",
    start: "TerminateJobFlowsCommand",
    describe: "DescribeClusterCommand",
    status: (output) => str(output, "Cluster", "Status", "State"),
    succeeded: ["TERMINATED"],
    failed: ["TERMINATED_WITH_ERRORS"],
    result: "start",
    startInput: (parameters, sdk) => sdk(obj({ JobFlowIds: [str(parameters, "ClusterId") ?? ""] })),
    pollInput: (start) => obj({ ClusterId: str(start.request, "JobFlowIds", 0) }),
    submitted: () => ({}),
  }),
  statusJob(emr, {
    action: "addStep",
    start: "AddJobFlowStepsCommand",
    describe: "DescribeStepCommand",
    status: (output) => str(output, "Step", "Status", "State"),
    succeeded: ["COMPLETED"],
    failed: ["CANCELLED", "FAILED", "INTERRUPTED"],
    result: "start",
    startInput: (parameters, sdk) => sdk(obj({ JobFlowId: str(parameters, "ClusterId"), Steps: [at(parameters, "Step") ?? null], ExecutionRoleArn: str(parameters, "ExecutionRoleArn") })),
    pollInput: (start) => obj({ ClusterId: str(start.request, "JobFlowId"), StepId: str(start.response, "StepIds", 0) }),
    submitted: (start) => obj({ StepId: str(start.response, "StepIds", 0) }),
  }),
  statusJob(emrContainers, {
    action: "startJobRun",
    start: "StartJobRunCommand",
    describe: "DescribeJobRunCommand",
    status: (output) => str(output, "JobRun", "State"),
    succeeded: ["COMPLETED"],
    failed: ["FAILED", "CANCELLED"],
    result: "start",
    pollInput: (start) => obj({ id: str(start.response, "Id"), virtualClusterId: str(start.response, "VirtualClusterId") ?? str(start.request, "virtualClusterId") }),
  }),
  statusJob(emrContainers, {
    action: "deleteVirtualCluster",
    start: "DeleteVirtualClusterCommand",
    describe: "DescribeVirtualClusterCommand",
    status: (output) => str(output, "VirtualCluster", "State"),
    succeeded: ["TERMINATED"],
    failed: ["ARRESTED"],
    result: "start",
    pollInput: (start) => obj({ id: str(start.response, "Id") ?? str(start.request, "id") }),
    goneErrors: ["ResourceNotFoundException"],
  }),
  application("createApplication", "CreateApplicationCommand", ["CREATED"], ["TERMINATED"]),
  application("startApplication", "StartApplicationCommand", ["STARTED"], ["STOPPED", "TERMINATED"]),
  application("stopApplication", "StopApplicationCommand", ["STOPPED"], ["TERMINATED"]),
  application("deleteApplication", "DeleteApplicationCommand", ["TERMINATED"], []),
  statusJob(emrServerless, {
    action: "startJobRun",
    start: "StartJobRunCommand",
    describe: "GetJobRunCommand",
    status: (output) => str(output, "JobRun", "State"),
    succeeded: ["SUCCESS"],
    failed: ["FAILED", "CANCELLED"],
    result: "start",
    pollInput: (start) => obj({ applicationId: str(start.response, "ApplicationId"), jobRunId: str(start.response, "JobRunId") }),
  }),
  statusJob(emrServerless, {
    action: "cancelJobRun",
    start: "CancelJobRunCommand",
    describe: "GetJobRunCommand",
    status: (output) => str(output, "JobRun", "State"),
    succeeded: ["CANCELLED"],
    failed: ["SUCCESS", "FAILED"],
    result: "start",
    pollInput: (start) => obj({ applicationId: str(start.request, "applicationId"), jobRunId: str(start.request, "jobRunId") }),
  }),
  ...eksResource("Cluster", ["name"]),
  ...eksResource("FargateProfile", ["clusterName", "fargateProfileName"]),
  ...eksResource("Nodegroup", ["clusterName", "nodegroupName"]),
  statusJob(bedrock, {
    action: "createModelCustomizationJob",
    start: "CreateModelCustomizationJobCommand",
    describe: "GetModelCustomizationJobCommand",
    status: (output) => str(output, "Status"),
    succeeded: ["Completed"],
    failed: ["Failed", "Stopped"],
    pollInput: (start) => obj({ jobIdentifier: str(start.response, "JobArn") }),
  }),
  statusJob(mediaconvert, {
    action: "createJob",
    start: "CreateJobCommand",
    describe: "GetJobCommand",
    status: (output) => str(output, "Job", "Status"),
    succeeded: ["COMPLETE"],
    failed: ["CANCELED", "ERROR"],
    // Step Functions tags the jobs it creates [DG connect-mediaconvert].
    startInput: (params, sdk) => {
      const tags = isJsonObject(params["Tags"]) ? (params["Tags"] as Record<string, Json>) : {};
      return sdk({ ...params, Tags: { ...tags, ManagedByService: "AWSStepFunctions" } });
    },
    pollInput: (start) => obj({ Id: str(start.response, "Job", "Id") }),
  }),
];

/**
 * `.sync` integrations Step Functions offers that this runtime cannot run: eks:runJob.sync watches a Kubernetes Job
 * through the cluster's Kubernetes API, not through an AWS SDK call.
 */
export const UNSUPPORTED_SYNC_JOBS: Readonly<Record<string, string>> = {
  "eks:runJob.sync": "eks:runJob.sync polls the cluster's Kubernetes API (batch/v1 Job status), which no AWS SDK command describes",
};

const BY_RESOURCE: ReadonlyMap<string, SyncJobSpec> = new Map(SYNC_JOBS.map((job) => [job.resource, job]));

/**
 * The `.sync` job of a Task Resource: a full ARN (`arn:aws:states:::batch:submitJob.sync`) or its integration part
 * (`batch:submitJob.sync`). Undefined for anything else, including request-response and `.waitForTaskToken`.
 */
export function syncJobFor(resource: string): SyncJobSpec | undefined {
  const arn = resource.startsWith("arn:") ? resource : `arn:aws:states:::${resource}`;
  const kind = classifyResource(arn);
  if (kind.kind !== "optimised" || (kind.pattern !== "sync" && kind.pattern !== "sync:2")) return undefined;
  return BY_RESOURCE.get(`${kind.service}:${kind.action}.${kind.pattern}`);
}
