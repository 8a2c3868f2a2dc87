import type { Json } from "../../src/runtime/types.js";

/**
 * One `.sync` integration driven by hand: the Task's parameters as a definition writes them (PascalCase), the start
 * command's input and response in the SDK's shapes, the describe input expected from them, and describe outputs for
 * any status, with the Step Functions-cased object expected from each (the Task's result when the status succeeds,
 * its Cause when it fails). Expected values are written out by hand from the sources cited in src/runtime/sync/jobs.ts,
 * never computed with the code under test.
 */
export interface SyncFixture {
  parameters: Json;
  startInput: Json;
  response: unknown;
  pollInput: Json;
  /** The start call as Step Functions reports it (the result of jobs whose result is the start call). */
  submitted: Json;
  /** Statuses that keep the job running. */
  running: readonly string[];
  describe(status: string): unknown;
  /** The describe output (or its selected part) in Step Functions' casing. */
  body(status: string): Json;
}

const T0 = 1_700_000_000_000;
const T1 = 1_700_000_060_000;
const EXECUTION = "arn:aws:states:us-east-1:111111111111:execution:Target:TestStartTarget";
const MACHINE = "arn:aws:states:us-east-1:111111111111:stateMachine:Target";

/** DescribeExecution as the SDK returns it, after the child of the AWS-recorded cases ran (test_callback.snapshot.json). */
function execution(status: string): unknown {
  const base = {
    $metadata: { httpStatusCode: 200, requestId: "r-1" },
    executionArn: EXECUTION,
    stateMachineArn: MACHINE,
    name: "TestStartTarget",
    status,
    startDate: new Date(T0),
    stopDate: new Date(T1),
    input: "{}",
    inputDetails: { included: true },
  };
  return status === "SUCCEEDED"
    ? { ...base, output: '{"Arg1":"argument1"}', outputDetails: { included: true } }
    : { ...base, error: "SomeFailure", cause: "This state machines raises a 'SomeFailure' failure." };
}

/** The recorded result / cause of startExecution.sync (PascalCase, Input and Output as strings). */
function executionBody(status: string): Json {
  const base = { ExecutionArn: EXECUTION, StateMachineArn: MACHINE, Name: "TestStartTarget", Status: status, StartDate: T0, StopDate: T1, Input: "{}", InputDetails: { Included: true } };
  return status === "SUCCEEDED"
    ? { ...base, Output: '{"Arg1":"argument1"}', OutputDetails: { Included: true } }
    : { ...base, Error: "SomeFailure", Cause: "This state machines raises a 'SomeFailure' failure." };
}

const sfnStart = {
  parameters: { StateMachineArn: MACHINE, Input: null, Name: "TestStartTarget" },
  startInput: { stateMachineArn: MACHINE, input: "{}", name: "TestStartTarget" },
  response: { $metadata: {}, executionArn: EXECUTION, startDate: new Date(T0) },
  pollInput: { executionArn: EXECUTION },
  submitted: { ExecutionArn: EXECUTION, StartDate: T0 },
  running: ["RUNNING", "PENDING_REDRIVE"],
  describe: execution,
};

const JOB_ID = "4e6d1c2a-job";

function batchJob(status: string, sfn: boolean): Json {
  return sfn
    ? { JobName: "preprocess", JobId: JOB_ID, JobQueue: "q", Status: status, Parameters: { inputFile: "s3://in" }, Tags: { team: "data" }, Container: { ExitCode: 0, Environment: [{ Name: "A", Value: "1" }] }, CreatedAt: T0 }
    : { jobName: "preprocess", jobId: JOB_ID, jobQueue: "q", status, parameters: { inputFile: "s3://in" }, tags: { team: "data" }, container: { exitCode: 0, environment: [{ name: "A", value: "1" }] }, createdAt: T0 };
}

const CLUSTER = "arn:aws:ecs:us-east-1:111111111111:cluster/main";
const TASK = "arn:aws:ecs:us-east-1:111111111111:task/main/0a1b";

/** An ECS task as DescribeTasks returns it; a subset of the AWS-recorded runTask.sync result. */
function ecsTask(status: string, exitCode: number | undefined): Record<string, unknown> {
  return {
    clusterArn: CLUSTER,
    taskArn: TASK,
    lastStatus: status,
    desiredStatus: "STOPPED",
    createdAt: new Date(T0),
    ephemeralStorage: { sizeInGiB: 20 },
    containers: [{ name: "app", lastStatus: status, networkInterfaces: [{ attachmentId: "att", privateIpv4Address: "10.0.0.1" }], ...(exitCode === undefined ? {} : { exitCode }) }],
    stopCode: "EssentialContainerExited",
    startedBy: "AWS Step Functions",
  };
}

function ecsTaskSfn(status: string, exitCode: number | undefined): Json {
  return {
    ClusterArn: CLUSTER,
    TaskArn: TASK,
    LastStatus: status,
    DesiredStatus: "STOPPED",
    CreatedAt: T0,
    EphemeralStorage: { SizeInGiB: 20 },
    Containers: [{ Name: "app", LastStatus: status, NetworkInterfaces: [{ AttachmentId: "att", PrivateIpv4Address: "10.0.0.1" }], ...(exitCode === undefined ? {} : { ExitCode: exitCode }) }],
    StopCode: "EssentialContainerExited",
    StartedBy: "AWS Step Functions",
  };
}

const GLUE_RUN = "jr_0123";

const sagemaker = (kind: string, nameMember: string, statusMember: string): SyncFixture => ({
  parameters: { [nameMember]: "job-1", Tags: [{ Key: "team", Value: "ml" }] },
  startInput: { [nameMember]: "job-1", Tags: [{ Key: "team", Value: "ml" }] },
  response: { $metadata: {}, [`${kind}Arn`]: `arn:aws:sagemaker:us-east-1:111111111111:${kind}/job-1` },
  pollInput: { [nameMember]: "job-1" },
  submitted: { [`${kind}Arn`]: `arn:aws:sagemaker:us-east-1:111111111111:${kind}/job-1` },
  running: ["InProgress", "Stopping"],
  describe: (status) => ({ $metadata: {}, [nameMember]: "job-1", [statusMember]: status, CreationTime: new Date(T0) }),
  body: (status) => ({ [nameMember]: "job-1", [statusMember]: status, CreationTime: T0 }),
});

const EMR_CLUSTER = "j-2AXXXXXXGAPLF";

const emrCluster = (status: string): unknown => ({ $metadata: {}, Cluster: { Id: EMR_CLUSTER, Name: "c", Status: { State: status, StateChangeReason: { Message: "m" } } } });
const emrClusterSfn = (status: string): Json => ({ Cluster: { Id: EMR_CLUSTER, Name: "c", Status: { State: status, StateChangeReason: { Message: "m" } } } });

const APP = "00f1abcd";
const application = (running: string[], parameters: Json, startInput: Json, response: unknown, submitted: Json): SyncFixture => ({
  parameters,
  startInput,
  response,
  pollInput: { applicationId: APP },
  submitted,
  running,
  describe: (status) => ({ $metadata: {}, application: { applicationId: APP, name: "app", state: status, tags: { "cost-center": "7" }, initialCapacity: { DRIVER: { workerCount: 1 } } } }),
  body: (status) => ({ Application: { ApplicationId: APP, Name: "app", State: status, Tags: { "cost-center": "7" }, InitialCapacity: { DRIVER: { WorkerCount: 1 } } } }),
});

const JOB_RUN = "00f1run";

const eksCluster = (status: string): unknown => ({ $metadata: {}, cluster: { name: "prod", status, tags: { Env: "p" }, resourcesVpcConfig: { subnetIds: ["s-1"] } } });
const eksClusterSfn = (status: string): Json => ({ Cluster: { Name: "prod", Status: status, Tags: { Env: "p" }, ResourcesVpcConfig: { SubnetIds: ["s-1"] } } });
const eksNodegroup = (status: string): unknown => ({ $metadata: {}, nodegroup: { nodegroupName: "ng", clusterName: "prod", status, labels: { role: "web" } } });
const eksNodegroupSfn = (status: string): Json => ({ Nodegroup: { NodegroupName: "ng", ClusterName: "prod", Status: status, Labels: { role: "web" } } });
const eksFargate = (status: string): unknown => ({ $metadata: {}, fargateProfile: { fargateProfileName: "fp", clusterName: "prod", status, selectors: [{ namespace: "default", labels: { app: "x" } }] } });
const eksFargateSfn = (status: string): Json => ({ FargateProfile: { FargateProfileName: "fp", ClusterName: "prod", Status: status, Selectors: [{ Namespace: "default", Labels: { app: "x" } }] } });

/** One fixture per entry of SYNC_JOBS, by resource. */
export const FIXTURES: Readonly<Record<string, SyncFixture>> = {
  "states:startExecution.sync": { ...sfnStart, body: executionBody },
  "states:startExecution.sync:2": {
    ...sfnStart,
    // .sync:2: the child's Input and Output parsed [AWS-recorded test_start_execution_sync2].
    body: (status) => {
      const body = executionBody(status) as Record<string, Json>;
      return status === "SUCCEEDED" ? { ...body, Input: {}, Output: { Arg1: "argument1" } } : { ...body, Input: {} };
    },
  },
  "ecs:runTask.sync": {
    parameters: { Cluster: CLUSTER, TaskDefinition: "family", LaunchType: "FARGATE", Overrides: { ContainerOverrides: [{ Name: "app", Environment: [{ Name: "K", Value: "v" }] }] } },
    startInput: { cluster: CLUSTER, taskDefinition: "family", launchType: "FARGATE", overrides: { containerOverrides: [{ name: "app", environment: [{ name: "K", value: "v" }] }] }, startedBy: "AWS Step Functions" },
    response: { $metadata: {}, failures: [], tasks: [ecsTask("PROVISIONING", undefined)] },
    pollInput: { cluster: CLUSTER, tasks: [TASK] },
    submitted: { Failures: [], Tasks: [ecsTaskSfn("PROVISIONING", undefined)] },
    running: ["PROVISIONING", "PENDING", "ACTIVATING", "RUNNING", "DEACTIVATING", "STOPPING", "DEPROVISIONING"],
    describe: (status) => ({ $metadata: {}, failures: [], tasks: [ecsTask(status, 0)] }),
    body: (status) => ecsTaskSfn(status, 0),
  },
  "batch:submitJob.sync": {
    parameters: { JobName: "preprocess", JobQueue: "q", JobDefinition: "def", Parameters: { inputFile: "s3://in" }, Tags: { team: "data" }, ContainerOverrides: { Environment: [{ Name: "A", Value: "1" }] } },
    startInput: {
      jobName: "preprocess",
      jobQueue: "q",
      jobDefinition: "def",
      parameters: { inputFile: "s3://in" },
      tags: { team: "data" },
      containerOverrides: { environment: [{ name: "A", value: "1" }, { name: "MANAGED_BY_AWS", value: "STARTED_BY_STEP_FUNCTIONS" }] },
    },
    response: { $metadata: {}, jobName: "preprocess", jobId: JOB_ID, jobArn: `arn:aws:batch:us-east-1:111111111111:job/${JOB_ID}` },
    pollInput: { jobs: [JOB_ID] },
    submitted: { JobName: "preprocess", JobId: JOB_ID, JobArn: `arn:aws:batch:us-east-1:111111111111:job/${JOB_ID}` },
    running: ["SUBMITTED", "PENDING", "RUNNABLE", "STARTING", "RUNNING"],
    describe: (status) => ({ $metadata: {}, jobs: [batchJob(status, false)] }),
    body: (status) => batchJob(status, true),
  },
  "glue:startJobRun.sync": {
    parameters: { JobName: "etl", Arguments: { "--day": "2024-01-01" } },
    startInput: { JobName: "etl", Arguments: { "--day": "2024-01-01" } },
    response: { $metadata: {}, JobRunId: GLUE_RUN },
    pollInput: { JobName: "etl", RunId: GLUE_RUN },
    // [DG connect-glue]: "The JobName field is extracted from the request and inserted into the response".
    submitted: { JobRunId: GLUE_RUN, JobName: "etl" },
    running: ["STARTING", "RUNNING", "STOPPING", "WAITING"],
    describe: (status) => ({ $metadata: {}, JobRun: { Id: GLUE_RUN, JobRunState: status, StartedOn: new Date(T0), Arguments: { "--day": "2024-01-01" } } }),
    body: (status) => ({ Id: GLUE_RUN, JobRunState: status, StartedOn: T0, Arguments: { "--day": "2024-01-01" }, JobName: "etl" }),
  },
  "databrew:startJobRun.sync": {
    parameters: { Name: "brew" },
    startInput: { Name: "brew" },
    response: { $metadata: {}, RunId: "db_1" },
    pollInput: { Name: "brew", RunId: "db_1" },
    submitted: { RunId: "db_1" },
    running: ["STARTING", "RUNNING", "STOPPING"],
    describe: (status) => ({ $metadata: {}, JobName: "brew", RunId: "db_1", State: status, StartedOn: new Date(T0) }),
    body: (status) => ({ JobName: "brew", RunId: "db_1", State: status, StartedOn: T0 }),
  },
  "athena:startQueryExecution.sync": {
    parameters: { QueryString: "SELECT 1", WorkGroup: "primary" },
    startInput: { QueryString: "SELECT 1", WorkGroup: "primary" },
    response: { $metadata: {}, QueryExecutionId: "q-1" },
    pollInput: { QueryExecutionId: "q-1" },
    submitted: { QueryExecutionId: "q-1" },
    running: ["QUEUED", "RUNNING"],
    describe: (status) => ({ $metadata: {}, QueryExecution: { QueryExecutionId: "q-1", Status: { State: status, SubmissionDateTime: new Date(T0) } } }),
    body: (status) => ({ QueryExecution: { QueryExecutionId: "q-1", Status: { State: status, SubmissionDateTime: T0 } } }),
  },
  "codebuild:startBuild.sync": {
    parameters: { ProjectName: "p", EnvironmentVariablesOverride: [{ Name: "N", Value: "V", Type: "PLAINTEXT" }] },
    startInput: { projectName: "p", environmentVariablesOverride: [{ name: "N", value: "V", type: "PLAINTEXT" }] },
    response: { $metadata: {}, build: { id: "p:1", arn: "arn:aws:codebuild:us-east-1:111111111111:build/p:1", buildStatus: "IN_PROGRESS" } },
    pollInput: { ids: ["p:1"] },
    submitted: { Build: { Id: "p:1", Arn: "arn:aws:codebuild:us-east-1:111111111111:build/p:1", BuildStatus: "IN_PROGRESS" } },
    running: ["IN_PROGRESS"],
    describe: (status) => ({ $metadata: {}, builds: [{ id: "p:1", buildStatus: status, startTime: new Date(T0) }], buildsNotFound: [] }),
    body: (status) => ({ Build: { Id: "p:1", BuildStatus: status, StartTime: T0 } }),
  },
  "codebuild:startBuildBatch.sync": {
    parameters: { ProjectName: "p" },
    startInput: { projectName: "p" },
    response: { $metadata: {}, buildBatch: { id: "p:b1" } },
    pollInput: { ids: ["p:b1"] },
    submitted: { BuildBatch: { Id: "p:b1" } },
    running: ["IN_PROGRESS"],
    describe: (status) => ({ $metadata: {}, buildBatches: [{ id: "p:b1", buildBatchStatus: status }] }),
    body: (status) => ({ BuildBatch: { Id: "p:b1", BuildBatchStatus: status } }),
  },
  "codebuild:retryBuildBatch.sync": {
    parameters: { Id: "p:b1", RetryType: "RETRY_FAILED_BUILDS" },
    startInput: { id: "p:b1", retryType: "RETRY_FAILED_BUILDS" },
    response: { $metadata: {}, buildBatch: { id: "p:b1" } },
    pollInput: { ids: ["p:b1"] },
    submitted: { BuildBatch: { Id: "p:b1" } },
    running: ["IN_PROGRESS"],
    describe: (status) => ({ $metadata: {}, buildBatches: [{ id: "p:b1", buildBatchStatus: status }] }),
    body: (status) => ({ BuildBatch: { Id: "p:b1", BuildBatchStatus: status } }),
  },
  "sagemaker:createTrainingJob.sync": sagemaker("TrainingJob", "TrainingJobName", "TrainingJobStatus"),
  "sagemaker:createTransformJob.sync": sagemaker("TransformJob", "TransformJobName", "TransformJobStatus"),
  "sagemaker:createProcessingJob.sync": sagemaker("ProcessingJob", "ProcessingJobName", "ProcessingJobStatus"),
  "sagemaker:createHyperParameterTuningJob.sync": sagemaker("HyperParameterTuningJob", "HyperParameterTuningJobName", "HyperParameterTuningJobStatus"),
  "sagemaker:createLabelingJob.sync": { ...sagemaker("LabelingJob", "LabelingJobName", "LabelingJobStatus"), running: ["Initializing", "InProgress", "Stopping"] },
  "elasticmapreduce:createCluster.sync": {
    parameters: { Name: "c", ReleaseLabel: "emr-6.15.0", Instances: { KeepJobFlowAliveWhenNoSteps: true } },
    startInput: { Name: "c", ReleaseLabel: "emr-6.15.0", Instances: { KeepJobFlowAliveWhenNoSteps: true } },
    response: { $metadata: {}, JobFlowId: EMR_CLUSTER, ClusterArn: `arn:aws:elasticmapreduce:us-east-1:111111111111:cluster/${EMR_CLUSTER}` },
    pollInput: { ClusterId: EMR_CLUSTER },
    // [DG connect-emr]: "Response is this: { "ClusterId": "string" }"
    submitted: { ClusterId: EMR_CLUSTER, ClusterArn: `arn:aws:elasticmapreduce:us-east-1:111111111111:cluster/${EMR_CLUSTER}` },
    running: ["STARTING", "BOOTSTRAPPING", "RUNNING"],
    describe: emrCluster,
    body: emrClusterSfn,
  },
  "elasticmapreduce:terminateCluster.sync": {
    parameters: { ClusterId: EMR_CLUSTER },
    startInput: { JobFlowIds: [EMR_CLUSTER] },
    response: { $metadata: {} },
    pollInput: { ClusterId: EMR_CLUSTER },
    submitted: {},
    running: ["WAITING", "RUNNING", "TERMINATING"],
    describe: emrCluster,
    body: emrClusterSfn,
  },
  "elasticmapreduce:addStep.sync": {
    parameters: { ClusterId: EMR_CLUSTER, Step: { Name: "s", ActionOnFailure: "CONTINUE", HadoopJarStep: { Jar: "command-runner.jar", Args: ["a"] } } },
    startInput: { JobFlowId: EMR_CLUSTER, Steps: [{ Name: "s", ActionOnFailure: "CONTINUE", HadoopJarStep: { Jar: "command-runner.jar", Args: ["a"] } }] },
    response: { $metadata: {}, StepIds: ["s-1"] },
    pollInput: { ClusterId: EMR_CLUSTER, StepId: "s-1" },
    submitted: { StepId: "s-1" },
    running: ["PENDING", "CANCEL_PENDING", "RUNNING"],
    describe: (status) => ({ $metadata: {}, Step: { Id: "s-1", Status: { State: status } } }),
    body: (status) => ({ Step: { Id: "s-1", Status: { State: status } } }),
  },
  "emr-containers:startJobRun.sync": {
    parameters: { VirtualClusterId: "vc", ReleaseLabel: "emr-6.2.0-latest", ExecutionRoleArn: "r", JobDriver: { SparkSubmitJobDriver: { EntryPoint: "local:///pi.py" } }, ConfigurationOverrides: { ApplicationConfiguration: [{ Classification: "spark-defaults", Properties: { "spark.executor.instances": "1" } }] }, Tags: { Team: "x" } },
    startInput: { virtualClusterId: "vc", releaseLabel: "emr-6.2.0-latest", executionRoleArn: "r", jobDriver: { sparkSubmitJobDriver: { entryPoint: "local:///pi.py" } }, configurationOverrides: { applicationConfiguration: [{ classification: "spark-defaults", properties: { "spark.executor.instances": "1" } }] }, tags: { Team: "x" } },
    response: { $metadata: {}, id: "jr-1", name: "j", arn: "arn:jr-1", virtualClusterId: "vc" },
    pollInput: { id: "jr-1", virtualClusterId: "vc" },
    submitted: { Id: "jr-1", Name: "j", Arn: "arn:jr-1", VirtualClusterId: "vc" },
    running: ["PENDING", "SUBMITTED", "RUNNING", "CANCEL_PENDING"],
    describe: (status) => ({ $metadata: {}, jobRun: { id: "jr-1", virtualClusterId: "vc", state: status, tags: { Team: "x" } } }),
    body: (status) => ({ JobRun: { Id: "jr-1", VirtualClusterId: "vc", State: status, Tags: { Team: "x" } } }),
  },
  "emr-containers:deleteVirtualCluster.sync": {
    parameters: { Id: "vc" },
    startInput: { id: "vc" },
    response: { $metadata: {}, id: "vc" },
    pollInput: { id: "vc" },
    submitted: { Id: "vc" },
    running: ["RUNNING", "TERMINATING"],
    describe: (status) => ({ $metadata: {}, virtualCluster: { id: "vc", state: status } }),
    body: (status) => ({ VirtualCluster: { Id: "vc", State: status } }),
  },
  "emr-serverless:createApplication.sync": application(
    ["CREATING"],
    { Name: "app", ReleaseLabel: "emr-6.6.0", Type: "SPARK", Tags: { "cost-center": "7" }, InitialCapacity: { DRIVER: { WorkerCount: 1 } } },
    { name: "app", releaseLabel: "emr-6.6.0", type: "SPARK", tags: { "cost-center": "7" }, initialCapacity: { DRIVER: { workerCount: 1 } } },
    { $metadata: {}, applicationId: APP, name: "app", arn: `arn:app/${APP}` },
    { ApplicationId: APP, Name: "app", Arn: `arn:app/${APP}` },
  ),
  // [DG connect-emr-serverless]: startApplication responds { "ApplicationId": "string" }.
  "emr-serverless:startApplication.sync": application(["CREATED", "STARTING"], { ApplicationId: APP }, { applicationId: APP }, { $metadata: {} }, { ApplicationId: APP }),
  "emr-serverless:stopApplication.sync": application(["STARTED", "STOPPING"], { ApplicationId: APP }, { applicationId: APP }, { $metadata: {} }, { ApplicationId: APP }),
  "emr-serverless:deleteApplication.sync": application(["STOPPED", "CREATED"], { ApplicationId: APP }, { applicationId: APP }, { $metadata: {} }, { ApplicationId: APP }),
  "emr-serverless:startJobRun.sync": {
    parameters: { ApplicationId: APP, ExecutionRoleArn: "r", JobDriver: { SparkSubmit: { EntryPoint: "s3://p.py" } } },
    startInput: { applicationId: APP, executionRoleArn: "r", jobDriver: { sparkSubmit: { entryPoint: "s3://p.py" } } },
    response: { $metadata: {}, applicationId: APP, jobRunId: JOB_RUN, arn: `arn:run/${JOB_RUN}` },
    pollInput: { applicationId: APP, jobRunId: JOB_RUN },
    submitted: { ApplicationId: APP, JobRunId: JOB_RUN, Arn: `arn:run/${JOB_RUN}` },
    running: ["SUBMITTED", "PENDING", "SCHEDULED", "RUNNING", "CANCELLING", "QUEUED"],
    describe: (status) => ({ $metadata: {}, jobRun: { applicationId: APP, jobRunId: JOB_RUN, state: status, createdAt: new Date(T0) } }),
    body: (status) => ({ JobRun: { ApplicationId: APP, JobRunId: JOB_RUN, State: status, CreatedAt: T0 } }),
  },
  "emr-serverless:cancelJobRun.sync": {
    parameters: { ApplicationId: APP, JobRunId: JOB_RUN },
    startInput: { applicationId: APP, jobRunId: JOB_RUN },
    response: { $metadata: {}, applicationId: APP, jobRunId: JOB_RUN },
    pollInput: { applicationId: APP, jobRunId: JOB_RUN },
    submitted: { ApplicationId: APP, JobRunId: JOB_RUN },
    running: ["RUNNING", "CANCELLING"],
    describe: (status) => ({ $metadata: {}, jobRun: { applicationId: APP, jobRunId: JOB_RUN, state: status } }),
    body: (status) => ({ JobRun: { ApplicationId: APP, JobRunId: JOB_RUN, State: status } }),
  },
  "eks:createCluster.sync": {
    parameters: { Name: "prod", RoleArn: "r", ResourcesVpcConfig: { SubnetIds: ["s-1"] }, Tags: { Env: "p" } },
    startInput: { name: "prod", roleArn: "r", resourcesVpcConfig: { subnetIds: ["s-1"] }, tags: { Env: "p" } },
    response: eksCluster("CREATING"),
    pollInput: { name: "prod" },
    submitted: eksClusterSfn("CREATING"),
    running: ["CREATING", "UPDATING", "PENDING"],
    describe: eksCluster,
    body: eksClusterSfn,
  },
  "eks:deleteCluster.sync": {
    parameters: { Name: "prod" },
    startInput: { name: "prod" },
    response: eksCluster("DELETING"),
    pollInput: { name: "prod" },
    submitted: eksClusterSfn("DELETING"),
    running: ["DELETING", "ACTIVE"],
    describe: eksCluster,
    body: eksClusterSfn,
  },
  "eks:createFargateProfile.sync": {
    parameters: { ClusterName: "prod", FargateProfileName: "fp", Selectors: [{ Namespace: "default", Labels: { app: "x" } }] },
    startInput: { clusterName: "prod", fargateProfileName: "fp", selectors: [{ namespace: "default", labels: { app: "x" } }] },
    response: eksFargate("CREATING"),
    pollInput: { clusterName: "prod", fargateProfileName: "fp" },
    submitted: eksFargateSfn("CREATING"),
    running: ["CREATING"],
    describe: eksFargate,
    body: eksFargateSfn,
  },
  "eks:deleteFargateProfile.sync": {
    parameters: { ClusterName: "prod", FargateProfileName: "fp" },
    startInput: { clusterName: "prod", fargateProfileName: "fp" },
    response: eksFargate("DELETING"),
    pollInput: { clusterName: "prod", fargateProfileName: "fp" },
    submitted: eksFargateSfn("DELETING"),
    running: ["DELETING"],
    describe: eksFargate,
    body: eksFargateSfn,
  },
  "eks:createNodegroup.sync": {
    parameters: { ClusterName: "prod", NodegroupName: "ng", NodeRole: "r", Subnets: ["s-1"], Labels: { role: "web" } },
    startInput: { clusterName: "prod", nodegroupName: "ng", nodeRole: "r", subnets: ["s-1"], labels: { role: "web" } },
    response: eksNodegroup("CREATING"),
    pollInput: { clusterName: "prod", nodegroupName: "ng" },
    submitted: eksNodegroupSfn("CREATING"),
    running: ["CREATING", "UPDATING"],
    describe: eksNodegroup,
    body: eksNodegroupSfn,
  },
  "eks:deleteNodegroup.sync": {
    parameters: { ClusterName: "prod", NodegroupName: "ng" },
    startInput: { clusterName: "prod", nodegroupName: "ng" },
    response: eksNodegroup("DELETING"),
    pollInput: { clusterName: "prod", nodegroupName: "ng" },
    submitted: eksNodegroupSfn("DELETING"),
    running: ["DELETING"],
    describe: eksNodegroup,
    body: eksNodegroupSfn,
  },
  "bedrock:createModelCustomizationJob.sync": {
    parameters: { JobName: "ft", CustomModelName: "m", RoleArn: "r", BaseModelIdentifier: "base", HyperParameters: { epochCount: "2" }, JobTags: [{ Key: "k", Value: "v" }] },
    startInput: { jobName: "ft", customModelName: "m", roleArn: "r", baseModelIdentifier: "base", hyperParameters: { epochCount: "2" }, jobTags: [{ key: "k", value: "v" }] },
    response: { $metadata: {}, jobArn: "arn:ft" },
    pollInput: { jobIdentifier: "arn:ft" },
    submitted: { JobArn: "arn:ft" },
    running: ["InProgress", "Stopping"],
    describe: (status) => ({ $metadata: {}, jobArn: "arn:ft", status, hyperParameters: { epochCount: "2" }, creationTime: new Date(T0) }),
    body: (status) => ({ JobArn: "arn:ft", Status: status, HyperParameters: { epochCount: "2" }, CreationTime: T0 }),
  },
  "mediaconvert:createJob.sync": {
    parameters: { Role: "r", Settings: { Inputs: [{ FileInput: "s3://in.mp4" }] }, Tags: { project: "x" } },
    // [DG connect-mediaconvert]: Step Functions adds the tag ManagedByService: AWSStepFunctions.
    startInput: { Role: "r", Settings: { Inputs: [{ FileInput: "s3://in.mp4" }] }, Tags: { project: "x", ManagedByService: "AWSStepFunctions" } },
    response: { $metadata: {}, Job: { Id: "mc-1", Status: "SUBMITTED" } },
    pollInput: { Id: "mc-1" },
    submitted: { Job: { Id: "mc-1", Status: "SUBMITTED" } },
    running: ["SUBMITTED", "PROGRESSING"],
    describe: (status) => ({ $metadata: {}, Job: { Id: "mc-1", Status: status, CreatedAt: new Date(T0) } }),
    body: (status) => ({ Job: { Id: "mc-1", Status: status, CreatedAt: T0 } }),
  },
};
