/**
 * The `.sync` ("run a job and wait") integration pattern of Task states (ASL-6.2): the table of integrations
 * (./jobs.ts), the durable poll (./poll.ts), Step Functions' casing of parameters and results (./casing.ts) and the
 * names of service errors (./service-errors.ts). Generated handlers import the AWS SDK v3 clients and pass them in.
 */
export { SYNC_JOBS, UNSUPPORTED_SYNC_JOBS, syncJobFor } from "./jobs.js";
export { runSyncJob, startSyncJob, sdkCall, syncPollInput, pollDelaySeconds, DEFAULT_POLL_SCHEDULE, type PollSchedule, type RunSyncJobOptions } from "./poll.js";
export { fromSdk, toSdkCase, toSfnCase, type MemberCase } from "./casing.js";
export { syncServiceError, javaExceptionName } from "./service-errors.js";
export type { SyncJobSpec, SyncOutcome, SyncPattern, SyncStart } from "./spec.js";
