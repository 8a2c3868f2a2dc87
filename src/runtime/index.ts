/**
 * `asl2durable/runtime`: the ASL semantics generated handlers import. Small and pure where it can be; every helper
 * cites the section of ../shared/reference/asl-semantics.md it implements. Generated code calls the state helpers
 * (`pass`, `task`, `test`, `wait`, `parallel`, `map`, `fail`, `assign`) in the order the structured control flow
 * dictates; a machine with workflow variables also holds one `Variables` scope per scope function (`variables()`).
 */
export type { Json, PathRoots } from "./types.js";
export { StatesError, aslError, errorMatches, toStatesError, type AslError } from "./errors.js";
export { Run, startExecution, type ExecutionInfo, type StartOptions } from "./execution.js";
export { execute } from "./execute.js";
export { task, taskOverrides, activity, syncJob, type SyncWiring, type SyncCalls, type TaskOptions, type TaskOverride, type TaskInfo, type HandlerOptions, type ActivityDispatcher } from "./task.js";
export { lambdaFunction, lambdaInvoke } from "./lambda.js";
export { deployTimeResource } from "./deploy-time.js";
export { parallel, map, type ParallelOptions, type MapOptions, type ScopeFunction } from "./batch.js";
export { distributedMap, type DistributedMapOptions } from "./distributed-map.js";
export { wait, type WaitOptions } from "./wait.js";
export { pass, passInStep, test, fail, noChoiceMatched, inputPath, outputPath, type PassOptions, type FailOptions } from "./states.js";
export { catchError, type Catcher, type Caught } from "./catch.js";
export { decideRetry, durableWaitSeconds, RETRY_DEFAULTS, type Retrier } from "./retry.js";
export { integrationFor } from "./integrations.js";
export { withRetries } from "./retrying.js";
export { selectPath, setPath, pathExists, evaluatePath } from "./jsonpath.js";
export { evaluateTemplate } from "./template.js";
export { callIntrinsic, evaluateIntrinsic } from "./intrinsics.js";
export { evaluateChoiceRule, firstMatchingChoice, type ChoiceRule } from "./choice.js";
export { applyInputPath, applyOutputPath, applyResultPath, applyResultSelector, errorOutput, checkPayloadSize } from "./dataflow.js";
export { templateUsesRandom } from "./random.js";
export { Variables, variables, type VariableValues } from "./variables.js";
export { assign, assignInStep, evaluateAssign, type AssignOptions } from "./assign.js";
/** The states of JSONata state machines (ASL-3.2): `asl.jsonata.pass(…)`, `asl.jsonata.task(…)`, … */
export * as jsonata from "./jsonata/states.js";
export { evaluateJsonata, type Scope as JsonataScope } from "./jsonata/template.js";
/** AWS service integrations (ASL-6.2): `asl.aws.awsSdk(…)`, `asl.aws.optimised(…)`, `asl.aws.httpInvoke(…)`, … */
export * as aws from "./aws/index.js";
