import { datasetText, LISTED_ITEM, LISTED_KEY, type DatasetRead } from "../../src/companions/happy-path/datasets.js";
import type { HappyPathPlan } from "../../src/companions/happy-path/plan.js";
import { transpile } from "../../src/index.js";
import type { MachineIR } from "../../src/ir/types.js";
import type { TaskOverride } from "../../src/runtime/index.js";

/** Shared helpers of the companion tests. */

/** The IR of a definition (object or text); fails the test when it does not transpile. */
export async function machineOf(definition: unknown, stateMachineName = "M"): Promise<MachineIR> {
  const result = await transpile(definition, { stateMachineName });
  if (result.ir === undefined || result.code === "") {
    throw new Error(`does not transpile: ${result.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code} ${d.message}`).join("; ")}`);
  }
  return result.ir;
}

/** The plan's mocks as `tasks` overrides that record which Tasks were called. */
export function recordingTasks(plan: HappyPathPlan): { tasks: Record<string, TaskOverride>; called: Set<string> } {
  const called = new Set<string>();
  const tasks = Object.fromEntries(
    Object.entries(plan.mocks).map(([state, result]): [string, TaskOverride] => [
      state,
      () => {
        called.add(state);
        return structuredClone(result);
      },
    ]),
  );
  return { tasks, called };
}

/** Stand-ins for the S3 client and commands a Distributed Map uses, serving the plan's datasets (as the generated test does). */
export function fakeS3(datasets: readonly DatasetRead[]) {
  const objects = new Map<string, string>();
  for (const read of datasets) {
    if (read.format === "unsupported") continue;
    if (read.format === "listing") {
      if (read.loads !== undefined) objects.set(`${read.bucket}/${LISTED_KEY}`, datasetText(read.loads, read.items, read.csv));
    } else objects.set(`${read.bucket}/${read.key ?? ""}`, datasetText(read.format, read.items, read.csv));
  }
  class GetObject {
    constructor(readonly input: { Bucket: string; Key: string }) {}
  }
  class ListObjectsV2 {
    constructor(readonly input: unknown) {}
  }
  class PutObject {
    constructor(readonly input: unknown) {}
  }
  class Client {
    async send(command: unknown): Promise<unknown> {
      if (command instanceof GetObject) {
        const text = objects.get(`${command.input.Bucket}/${command.input.Key}`);
        if (text === undefined) throw Object.assign(new Error("NoSuchKey"), { name: "NoSuchKey" });
        return { Body: { transformToByteArray: async () => new TextEncoder().encode(text) } };
      }
      if (command instanceof ListObjectsV2) {
        return { Contents: [{ Key: LISTED_ITEM.Key, Size: LISTED_ITEM.Size, ETag: LISTED_ITEM.Etag, StorageClass: LISTED_ITEM.StorageClass, LastModified: new Date(LISTED_ITEM.LastModified * 1000) }] };
      }
      return {};
    }
  }
  return { Client, GetObject, ListObjectsV2, PutObject };
}
