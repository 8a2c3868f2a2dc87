/**
 * The durable layout of a Distributed Map (ASL-6.8). Step Functions runs up to 10,000 child executions at a time over
 * up to 100,000,000 items; a durable function instead holds every operation of an execution in one history with
 * hard limits (../shared/reference/durable-sdk.md §2.5, §2.6), so the items are processed in chunks:
 *
 *   ctx.map(state, planChunks(n, …), (chunkCtx, chunk) => chunkCtx.map(…, items[chunk.start … chunk.end), item => …))
 *
 * (every chunk of the outer map already runs in a child context of its own, a MapIteration, so no extra
 * runInChildContext is needed).
 * Each chunk returns a small value through its checkpoint: the outputs of its items when the Map has no ResultWriter
 * (bounded anyway, since the Map's whole result must stay under 256 KiB or the state fails with
 * States.DataLimitExceeded), or, with a ResultWriter, the `ResultPart` it wrote (writer.ts `writeResultPart`: counts
 * and file keys), so no checkpoint ever carries the children's outputs. The parent then writes the manifest from the
 * parts. A chunk's result larger than a checkpoint is not stored and the chunk is re-run on replay (§2.5), which is
 * why results must not travel through it.
 */
import { StatesError } from "../errors.js";

/** Limits of one durable execution, from durable-sdk.md. */
export const DURABLE_LIMITS = {
  /** §2.5 `CHECKPOINT_SIZE_LIMIT_BYTES` (256 KiB) and §2.6 "Checkpoint payload 256 KB". */
  checkpointBytes: 262_144,
  /** §2.5 "a 750 KiB checkpoint batch". */
  checkpointBatchBytes: 750 * 1024,
  /** §2.6 "input 256 KB": the execution input. */
  inputBytes: 262_144,
  /** §2.5, §2.6 "response 6 MB" (Lambda's synchronous response limit; larger results are checkpointed). */
  responseBytes: 6 * 1024 * 1024,
  /** §2.6 "execution history 25,000 operations". */
  operations: 25_000,
  /** §2.6 `DurableConfig.ExecutionTimeout` is at most 31,622,400 s. */
  executionTimeoutSeconds: 31_622_400,
  /** §2.6 "minimum wait 1 s". */
  minWaitSeconds: 1,
} as const;

/** Items per chunk when the caller does not say: small enough that a chunk's part files and outputs stay modest. */
export const DEFAULT_MAX_ITEMS_PER_CHUNK = 1000;

export interface Chunk {
  /** First item index (inclusive). */
  start: number;
  /** Last item index (exclusive). */
  end: number;
}

/** Contiguous ranges covering `0 … itemCount`, in order, each of at most `maxItemsPerChunk` items. Pure. */
export function planChunks(itemCount: number, options: { maxItemsPerChunk?: number } = {}): Chunk[] {
  const size = options.maxItemsPerChunk ?? DEFAULT_MAX_ITEMS_PER_CHUNK;
  if (!Number.isInteger(itemCount) || itemCount < 0) throw new StatesError("States.Runtime", `A Map cannot plan chunks for ${itemCount} items.`);
  if (!Number.isInteger(size) || size <= 0) throw new StatesError("States.Runtime", `maxItemsPerChunk must be a positive integer, got ${size}.`);
  const chunks: Chunk[] = [];
  for (let start = 0; start < itemCount; start += size) chunks.push({ start, end: Math.min(start + size, itemCount) });
  return chunks;
}

/**
 * The operations the chunked layout records in the execution history: the outer map (1), per chunk its
 * child context (1) and inner map (1), per item one child context unless `nesting` is FLAT (durable-sdk.md §2.2 and
 * experiment e04 f: a FLAT map records no per-item context), plus `opsPerItem` for what each item runs. Compare it
 * with `DURABLE_LIMITS.operations`; past it, the chunks have to run as separate durable executions (`ctx.invoke`).
 */
export function estimateOperations(
  itemCount: number,
  options: {
    opsPerItem: number;
    maxItemsPerChunk?: number;
    nesting?: "NESTED" | "FLAT";
  },
): number {
  const chunks = planChunks(itemCount, options.maxItemsPerChunk === undefined ? {} : { maxItemsPerChunk: options.maxItemsPerChunk }).length;
  const perItem = options.opsPerItem + (options.nesting === "FLAT" ? 0 : 1);
  return 1 + chunks * 2 + itemCount * perItem;
}
