import assert from "node:assert/strict";
import { createRequire } from "node:module";
import type { CommandClass } from "../../src/runtime/aws/clients.js";
import { commandSchemas, syncShapes, type SyncJobSpec, type SyncShapes } from "../../src/runtime/sync/spec.js";

/**
 * The two ways a `.sync` job's calls are converted (src/runtime/sync/spec.ts `syncShapes`): with the start and describe
 * commands' schemas, read from the AWS SDK v3 clients installed as devDependencies (what `asl.syncJob(Client, Start,
 * Describe)` does), and with the job's hand-kept casing fallback (a client without schemas, or no command classes).
 */

const require = createRequire(import.meta.url);

/** A command class of the job's client package, by name. */
export function commandClass(job: SyncJobSpec, name: string): CommandClass {
  const found = (require(job.sdk.package) as Record<string, unknown>)[name];
  assert.equal(typeof found, "function", `${job.sdk.package} exports no ${name}`);
  return found as CommandClass;
}

/** Whether the installed client carries the operation schemas of both commands of the job. */
export function hasSchemas(job: SyncJobSpec): boolean {
  const schemas = commandSchemas(commandClass(job, job.sdk.start), commandClass(job, job.sdk.describe));
  return schemas.start !== undefined && schemas.describe !== undefined;
}

/** The shapes the runtime uses for the job with the installed client's command classes (as `asl.syncJob` reads them). */
export function runtimeShapes(job: SyncJobSpec): SyncShapes {
  return syncShapes(job, commandSchemas(commandClass(job, job.sdk.start), commandClass(job, job.sdk.describe)));
}

/** Each conversion the job can go through: the commands' schemas where the client has them, and always the fallback. */
export function conversions(job: SyncJobSpec): Array<{ name: string; shapes: SyncShapes }> {
  const fallback = { name: "casing fallback", shapes: syncShapes(job) };
  return hasSchemas(job) ? [{ name: "command schemas", shapes: runtimeShapes(job) }, fallback] : [fallback];
}
