/**
 * AWS service integrations of Task states (ASL-6.2), request-response pattern: `aws-sdk:<service>:<action>`
 * (`awsSdk`), the optimised integrations backed by one SDK command (`optimised` with an adapter), and the HTTP ones
 * (`httpInvoke`, `apiGatewayInvoke`). Generated handlers import the SDK client and command classes and pass them in;
 * src/asl/services.ts names them.
 */
export {
  ClientCache, assumeRoleCredentials, assumeRolesWith, configureClients, defaultClientCache, newCommand, REFRESH_MARGIN_MS, ROLE_SESSION_NAME,
  type AssumeRoleClasses, type AwsCredentials, type ClientCacheOptions, type ClientClass, type CommandClass, type CredentialsProvider,
  type SdkClient, type SdkCommand,
} from "./clients.js";
export { serviceError, sdkNaming, withExceptionSuffix, type ErrorNaming } from "./errors.js";
export { awsSdk, parameters, type AwsCall, type AwsCallContext, type AwsSdkOptions } from "./sdk.js";
export { fromSdkOutput, toSdkInput, formatDate, memberFor, resultName, type BlobMode, type DateMode } from "./shape.js";
export {
  optimised, athena, batch, bedrock, bedrockInvokeModel, codeBuild, dataBrew, dynamoDbDeleteItem, dynamoDbGetItem,
  dynamoDbPutItem, dynamoDbUpdateItem, ecs, eks, emrAddStep, emrCancelStep, emrContainers, emrCreateCluster,
  emrServerless, emrSetClusterTerminationProtection, emrTerminateCluster, eventsPutEvents, glue, mediaConvert, sageMaker,
  snsPublish, sqsSendMessage, statesStartExecution, type OptimisedAdapter, type OptimisedOptions,
} from "./optimised.js";
export {
  apiGatewayInvoke, httpInvoke, staticConnections, withoutConnectionCredentials, type ApiGatewayInvokeOptions,
  type ConnectionParameters, type ConnectionResolver, type FetchLike, type FetchResponseLike, type HttpInvokeOptions,
  type HttpRequestParts, type RequestSigner, type SignableRequest,
} from "./http.js";
export { urlEncodeBody, type ArrayFormat } from "./form.js";
