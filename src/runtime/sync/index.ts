/**
 * The `.sync` ("run a job and wait") integration pattern of Task states (ASL-6.2): the table of integrations
 * (./jobs.ts) and the durable poll (./poll.ts). Step Functions' view of the start and describe calls (member names,
 * timestamps) and the names of their errors are the optimised integrations' (../aws/shape.ts, ../aws/errors.ts); the
 * names come from the start and describe commands' schemas (./spec.ts `syncShapes`). Generated handlers import the
 * AWS SDK v3 client and command classes and pass them in (../task.ts `syncJob`).
 */
export { SYNC_JOBS, UNSUPPORTED_SYNC_JOBS, syncJobFor } from "./jobs.js";
export { runSyncJob, startSyncJob, sdkCall, syncPollInput, pollDelaySeconds, DEFAULT_POLL_SCHEDULE, type PollSchedule, type RunSyncJobOptions } from "./poll.js";
export { commandSchemas, syncShapes, viewOf, type SdkInput, type SyncJobSpec, type SyncOutcome, type SyncPattern, type SyncSchemas, type SyncShapes, type SyncStart } from "./spec.js";
