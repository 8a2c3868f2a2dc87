/**
 * How a Task `Resource` that names an AWS service (ASL-6.2) maps to the AWS SDK for JavaScript v3: the package, the
 * client and command classes a generated handler imports, and the prefix of the error names Step Functions gives that
 * service's failures. Transpile-time data only; the runtime side is src/runtime/aws/.
 *
 * Sources (checked 2026-11):
 * - AWS Step Functions developer guide, "Learning to use AWS service SDK integrations in Step Functions"
 *   (https://docs.aws.amazon.com/step-functions/latest/dg/supported-services-awssdk.html): the Resource is
 *   `arn:aws:states:::aws-sdk:<serviceName>:<apiAction>`; "the resulting Error field is composed of the service name
 *   and error name separated by a period: ServiceName.ErrorName. Both are in Pascal case", e.g. `acmpca` →
 *   `AcmPca.ResourceNotFoundException`; an error name always ends in `Exception`, even when the service's own name does
 *   not (S3 `BucketAlreadyExists` → `S3.BucketAlreadyExistsException`).
 * - The Pascal-case service names are those of the AWS SDK for Java 2.x (AcmPcaClient, DynamoDbClient, SfnClient,
 *   RedshiftDataClient…), whose lower-case package names are the `<serviceName>` of the ARN. Recorded against AWS:
 *   `aws-sdk:sfn:sendTaskSuccess` fails with `Sfn.InvalidTokenException` and the cause ends "(Service: Sfn, Status
 *   Code: 400, Request ID: …)" (LocalStack's AWS-validated snapshot
 *   tests/aws/services/stepfunctions/v2/services/test_aws_sdk_task_service.snapshot.json, recorded 2024-04-10).
 * - Optimised integrations: "Integrating optimized services with Step Functions" and the per-service pages
 *   (connect-ddb, connect-sqs, connect-sns, connect-eventbridge, connect-stepfunctions, connect-athena, connect-glue,
 *   connect-batch, connect-ecs, connect-codebuild, connect-bedrock, connect-eks, connect-mediaconvert, …). Their error
 *   names follow the AWS SDK for Java 1.x (`Lambda.AWSLambdaException`, `DynamoDB.ConditionalCheckFailedException`,
 *   `StepFunctions.ExecutionAlreadyExistsException`, `SNS.…`, `SQS.AmazonSQSException`).
 */

/** An `aws-sdk:<service>:<action>` Task: what the generated handler imports and hands to the runtime's `awsSdk`. */
export interface SdkBinding {
  /** npm package, e.g. `@aws-sdk/client-s3`. */
  package: string;
  /** Client class exported by the package, e.g. `S3Client`. */
  client: string;
  /** Command class exported by the package, e.g. `GetObjectCommand`. */
  command: string;
  /** Step Functions' service name in error names, e.g. `S3` (→ `S3.NoSuchKeyException`). */
  errorPrefix: string;
}

interface ServiceEntry {
  /** Package suffix after `@aws-sdk/client-`. */
  pkg: string;
  client: string;
  errorPrefix: string;
}

/**
 * The `aws-sdk` services asl2durable can call: every service used by the corpus plus the ones whose SDK packages are
 * installed. A service missing here makes `awsSdkBinding` answer undefined (the transpiler reports it); adding one is a
 * row, verified by test/aws/services.test.ts against the installed package's exports.
 */
export const AWS_SDK_SERVICES: Readonly<Record<string, ServiceEntry>> = {
  apigateway: { pkg: "api-gateway", client: "APIGatewayClient", errorPrefix: "ApiGateway" },
  athena: { pkg: "athena", client: "AthenaClient", errorPrefix: "Athena" },
  batch: { pkg: "batch", client: "BatchClient", errorPrefix: "Batch" },
  bedrock: { pkg: "bedrock", client: "BedrockClient", errorPrefix: "Bedrock" },
  bedrockagent: { pkg: "bedrock-agent", client: "BedrockAgentClient", errorPrefix: "BedrockAgent" },
  bedrockruntime: { pkg: "bedrock-runtime", client: "BedrockRuntimeClient", errorPrefix: "BedrockRuntime" },
  cloudformation: { pkg: "cloudformation", client: "CloudFormationClient", errorPrefix: "CloudFormation" },
  codebuild: { pkg: "codebuild", client: "CodeBuildClient", errorPrefix: "CodeBuild" },
  comprehend: { pkg: "comprehend", client: "ComprehendClient", errorPrefix: "Comprehend" },
  config: { pkg: "config-service", client: "ConfigServiceClient", errorPrefix: "Config" },
  databrew: { pkg: "databrew", client: "DataBrewClient", errorPrefix: "DataBrew" },
  dynamodb: { pkg: "dynamodb", client: "DynamoDBClient", errorPrefix: "DynamoDb" },
  ecs: { pkg: "ecs", client: "ECSClient", errorPrefix: "Ecs" },
  eks: { pkg: "eks", client: "EKSClient", errorPrefix: "Eks" },
  emr: { pkg: "emr", client: "EMRClient", errorPrefix: "Emr" },
  emrcontainers: { pkg: "emr-containers", client: "EMRContainersClient", errorPrefix: "EmrContainers" },
  emrserverless: { pkg: "emr-serverless", client: "EMRServerlessClient", errorPrefix: "EmrServerless" },
  eventbridge: { pkg: "eventbridge", client: "EventBridgeClient", errorPrefix: "EventBridge" },
  glue: { pkg: "glue", client: "GlueClient", errorPrefix: "Glue" },
  lambda: { pkg: "lambda", client: "LambdaClient", errorPrefix: "Lambda" },
  lookoutvision: { pkg: "lookoutvision", client: "LookoutVisionClient", errorPrefix: "LookoutVision" },
  mediaconvert: { pkg: "mediaconvert", client: "MediaConvertClient", errorPrefix: "MediaConvert" },
  organizations: { pkg: "organizations", client: "OrganizationsClient", errorPrefix: "Organizations" },
  polly: { pkg: "polly", client: "PollyClient", errorPrefix: "Polly" },
  redshiftdata: { pkg: "redshift-data", client: "RedshiftDataClient", errorPrefix: "RedshiftData" },
  rekognition: { pkg: "rekognition", client: "RekognitionClient", errorPrefix: "Rekognition" },
  s3: { pkg: "s3", client: "S3Client", errorPrefix: "S3" },
  sagemaker: { pkg: "sagemaker", client: "SageMakerClient", errorPrefix: "SageMaker" },
  sfn: { pkg: "sfn", client: "SFNClient", errorPrefix: "Sfn" },
  sns: { pkg: "sns", client: "SNSClient", errorPrefix: "Sns" },
  sqs: { pkg: "sqs", client: "SQSClient", errorPrefix: "Sqs" },
  sts: { pkg: "sts", client: "STSClient", errorPrefix: "Sts" },
  support: { pkg: "support", client: "SupportClient", errorPrefix: "Support" },
  textract: { pkg: "textract", client: "TextractClient", errorPrefix: "Textract" },
  transcribe: { pkg: "transcribe", client: "TranscribeClient", errorPrefix: "Transcribe" },
};

/** `putObject` → `PutObject`: SDK v3 command classes are the API operation name plus `Command`. */
export function commandClassName(action: string): string {
  return `${action.charAt(0).toUpperCase()}${action.slice(1)}Command`;
}

/** The SDK binding of `arn:aws:states:::aws-sdk:<service>:<action>`, or undefined for a service not in the table. */
export function awsSdkBinding(service: string, action: string): SdkBinding | undefined {
  if (!Object.hasOwn(AWS_SDK_SERVICES, service) || !/^[a-z][A-Za-z0-9]*$/.test(action)) return undefined;
  const entry = AWS_SDK_SERVICES[service] as ServiceEntry;
  return { package: `@aws-sdk/client-${entry.pkg}`, client: entry.client, command: commandClassName(action), errorPrefix: entry.errorPrefix };
}

/**
 * An optimised integration's request-response form:
 * - `sdk`: one SDK command, with the runtime adapter (an export of `asl2durable/runtime`'s `aws` namespace) that turns
 *   the Task's parameters into the command input and the response into the Task result;
 * - `lambda`: `lambda:invoke`, already wired by src/runtime/lambda.ts (`lambdaInvoke`);
 * - `http`: `http:invoke` and `apigateway:invoke` are HTTP calls made by the runtime (`httpInvoke`,
 *   `apiGatewayInvoke`); `apigateway:invoke` with AuthType IAM_ROLE or RESOURCE_POLICY also needs the SigV4 signer
 *   named in `signer`.
 */
export type OptimisedBinding =
  | { kind: "sdk"; package: string; client: string; command: string; adapter: string }
  | { kind: "lambda"; adapter: "lambdaInvoke" }
  | { kind: "http"; adapter: "httpInvoke" }
  | { kind: "http"; adapter: "apiGatewayInvoke"; signer: SignerImports };

/** What a generated handler imports to sign `apigateway:invoke` requests (all resolvable from the AWS SDK install). */
export interface SignerImports {
  signatureV4: { package: "@smithy/signature-v4"; export: "SignatureV4" };
  sha256: { package: "@aws-crypto/sha256-js"; export: "Sha256" };
  credentials: { package: "@aws-sdk/credential-provider-node"; export: "defaultProvider" };
}

export const API_GATEWAY_SIGNER: SignerImports = {
  signatureV4: { package: "@smithy/signature-v4", export: "SignatureV4" },
  sha256: { package: "@aws-crypto/sha256-js", export: "Sha256" },
  credentials: { package: "@aws-sdk/credential-provider-node", export: "defaultProvider" },
};

/** [package suffix, client class, { action: [command class, adapter] }] per optimised service. */
type OptimisedService = readonly [string, string, Readonly<Record<string, readonly [string, string]>>];

/**
 * The optimised request-response actions backed by one SDK command. Step Functions' action names mostly equal the
 * operation's; the EMR ones do not (`createCluster` is RunJobFlow, `addStep` AddJobFlowSteps…, see connect-emr).
 * Absent on purpose: `elasticmapreduce:modifyInstanceFleetByName|modifyInstanceGroupByName` (they resolve a name to an
 * id first) and `eks:runJob|call` (Kubernetes API calls, not AWS API calls).
 */
export const OPTIMISED_SDK: Readonly<Record<string, OptimisedService>> = {
  dynamodb: ["dynamodb", "DynamoDBClient", {
    getItem: ["GetItemCommand", "dynamoDbGetItem"], putItem: ["PutItemCommand", "dynamoDbPutItem"],
    updateItem: ["UpdateItemCommand", "dynamoDbUpdateItem"], deleteItem: ["DeleteItemCommand", "dynamoDbDeleteItem"],
  }],
  sqs: ["sqs", "SQSClient", { sendMessage: ["SendMessageCommand", "sqsSendMessage"] }],
  sns: ["sns", "SNSClient", { publish: ["PublishCommand", "snsPublish"] }],
  events: ["eventbridge", "EventBridgeClient", { putEvents: ["PutEventsCommand", "eventsPutEvents"] }],
  states: ["sfn", "SFNClient", { startExecution: ["StartExecutionCommand", "statesStartExecution"] }],
  athena: ["athena", "AthenaClient", {
    startQueryExecution: ["StartQueryExecutionCommand", "athena"], stopQueryExecution: ["StopQueryExecutionCommand", "athena"],
    getQueryExecution: ["GetQueryExecutionCommand", "athena"], getQueryResults: ["GetQueryResultsCommand", "athena"],
  }],
  glue: ["glue", "GlueClient", { startJobRun: ["StartJobRunCommand", "glue"] }],
  databrew: ["databrew", "DataBrewClient", { startJobRun: ["StartJobRunCommand", "dataBrew"] }],
  batch: ["batch", "BatchClient", { submitJob: ["SubmitJobCommand", "batch"] }],
  ecs: ["ecs", "ECSClient", { runTask: ["RunTaskCommand", "ecs"] }],
  codebuild: ["codebuild", "CodeBuildClient", {
    startBuild: ["StartBuildCommand", "codeBuild"], stopBuild: ["StopBuildCommand", "codeBuild"],
    batchDeleteBuilds: ["BatchDeleteBuildsCommand", "codeBuild"], batchGetReports: ["BatchGetReportsCommand", "codeBuild"],
    startBuildBatch: ["StartBuildBatchCommand", "codeBuild"], stopBuildBatch: ["StopBuildBatchCommand", "codeBuild"],
    retryBuildBatch: ["RetryBuildBatchCommand", "codeBuild"], deleteBuildBatch: ["DeleteBuildBatchCommand", "codeBuild"],
  }],
  sagemaker: ["sagemaker", "SageMakerClient", {
    createTrainingJob: ["CreateTrainingJobCommand", "sageMaker"], createTransformJob: ["CreateTransformJobCommand", "sageMaker"],
    createProcessingJob: ["CreateProcessingJobCommand", "sageMaker"],
    createHyperParameterTuningJob: ["CreateHyperParameterTuningJobCommand", "sageMaker"],
    createLabelingJob: ["CreateLabelingJobCommand", "sageMaker"], createEndpoint: ["CreateEndpointCommand", "sageMaker"],
    createEndpointConfig: ["CreateEndpointConfigCommand", "sageMaker"], createModel: ["CreateModelCommand", "sageMaker"],
    updateEndpoint: ["UpdateEndpointCommand", "sageMaker"],
  }],
  elasticmapreduce: ["emr", "EMRClient", {
    createCluster: ["RunJobFlowCommand", "emrCreateCluster"], terminateCluster: ["TerminateJobFlowsCommand", "emrTerminateCluster"],
    addStep: ["AddJobFlowStepsCommand", "emrAddStep"], cancelStep: ["CancelStepsCommand", "emrCancelStep"],
    setClusterTerminationProtection: ["SetTerminationProtectionCommand", "emrSetClusterTerminationProtection"],
  }],
  "emr-containers": ["emr-containers", "EMRContainersClient", {
    startJobRun: ["StartJobRunCommand", "emrContainers"], createVirtualCluster: ["CreateVirtualClusterCommand", "emrContainers"],
    deleteVirtualCluster: ["DeleteVirtualClusterCommand", "emrContainers"],
  }],
  "emr-serverless": ["emr-serverless", "EMRServerlessClient", {
    createApplication: ["CreateApplicationCommand", "emrServerless"], startApplication: ["StartApplicationCommand", "emrServerless"],
    stopApplication: ["StopApplicationCommand", "emrServerless"], deleteApplication: ["DeleteApplicationCommand", "emrServerless"],
    startJobRun: ["StartJobRunCommand", "emrServerless"], cancelJobRun: ["CancelJobRunCommand", "emrServerless"],
  }],
  eks: ["eks", "EKSClient", {
    createCluster: ["CreateClusterCommand", "eks"], deleteCluster: ["DeleteClusterCommand", "eks"],
    createFargateProfile: ["CreateFargateProfileCommand", "eks"], deleteFargateProfile: ["DeleteFargateProfileCommand", "eks"],
    createNodegroup: ["CreateNodegroupCommand", "eks"], deleteNodegroup: ["DeleteNodegroupCommand", "eks"],
  }],
  bedrock: ["bedrock-runtime", "BedrockRuntimeClient", { invokeModel: ["InvokeModelCommand", "bedrockInvokeModel"] }],
  mediaconvert: ["mediaconvert", "MediaConvertClient", { createJob: ["CreateJobCommand", "mediaConvert"] }],
};

/** `bedrock:createModelCustomizationJob` is on the Bedrock control-plane client, unlike `bedrock:invokeModel`. */
const BEDROCK_CONTROL: readonly [string, string, string, string] = ["bedrock", "BedrockClient", "CreateModelCustomizationJobCommand", "bedrock"];

/**
 * The request-response binding of an optimised integration `arn:aws:states:::<service>:<action>`, or undefined when
 * asl2durable has none for it (the transpiler reports it).
 */
export function optimisedBinding(service: string, action: string): OptimisedBinding | undefined {
  if (service === "lambda") return action === "invoke" ? { kind: "lambda", adapter: "lambdaInvoke" } : undefined;
  if (service === "http") return action === "invoke" ? { kind: "http", adapter: "httpInvoke" } : undefined;
  if (service === "apigateway") return action === "invoke" ? { kind: "http", adapter: "apiGatewayInvoke", signer: API_GATEWAY_SIGNER } : undefined;
  if (service === "bedrock" && action === "createModelCustomizationJob") {
    const [pkg, client, command, adapter] = BEDROCK_CONTROL;
    return { kind: "sdk", package: `@aws-sdk/client-${pkg}`, client, command, adapter };
  }
  if (!Object.hasOwn(OPTIMISED_SDK, service)) return undefined;
  const [pkg, client, actions] = OPTIMISED_SDK[service] as OptimisedService;
  if (!Object.hasOwn(actions, action)) return undefined;
  const [command, adapter] = actions[action] as readonly [string, string];
  return { kind: "sdk", package: `@aws-sdk/client-${pkg}`, client, command, adapter };
}
