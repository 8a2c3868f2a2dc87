/**
 * ItemBatcher of a Distributed Map (ASL-6.8; AWS developer guide, input-output-itembatcher.html, stored copy read
 * 2026-11-26; ASL spec "Batching Items"): the selected items are grouped into child inputs
 * `{"BatchInput": {...}, "Items": [...]}` (`BatchInput` only when the state declares one), in item order.
 *
 * - `MaxItemsPerBatch` caps the items of a batch ("1130 nodes … 100 per batch … 12 batches").
 * - `MaxInputBytesPerBatch` caps "the maximum size of a batch in bytes, up to 256 KiB"; when both are given "Step
 *   Functions reduces the number of items in a batch to avoid exceeding the specified batch size limit"; with neither
 *   byte limit "the interpreter processes as many items it can process up to 256 KiB in each child workflow
 *   execution". The size counted here is the UTF-8 length of the whole child input as compact JSON (items, the
 *   `Items`/`BatchInput` envelope and `BatchInput` included), so no child input can exceed the 256 KiB input quota.
 *   A byte limit above 256 KiB is clipped to it.
 * - An item that cannot fit even alone fails the Map with `States.DataLimitExceeded`. The developer guide documents
 *   no error for that case; this is the error Step Functions raises for any payload above its 256 KiB limit.
 */
import { StatesError } from "../errors.js";
import type { Json } from "../types.js";
import { DISTRIBUTED_MAP_LIMITS } from "./limits.js";

export interface BatchSpec {
  maxItemsPerBatch?: number;
  maxInputBytesPerBatch?: number;
  /** The evaluated BatchInput (payload template or JSONata result). */
  batchInput?: Json;
}

/** The child inputs, one per batch. Pure; the items are not copied. */
export function batchItems(items: readonly Json[], spec: BatchSpec): Json[] {
  const maxItems = positive(spec.maxItemsPerBatch, "MaxItemsPerBatch") ?? Number.POSITIVE_INFINITY;
  const maxBytes = Math.min(
    positive(spec.maxInputBytesPerBatch, "MaxInputBytesPerBatch") ?? DISTRIBUTED_MAP_LIMITS.batchBytes,
    DISTRIBUTED_MAP_LIMITS.batchBytes,
  );
  const envelope = (batch: Json[]): Json => (spec.batchInput === undefined ? { Items: batch } : { BatchInput: spec.batchInput, Items: batch });
  // The size of `{"BatchInput":…,"Items":[]}`; each item then adds its own size plus a comma after the first.
  const emptyBytes = utf8Bytes(JSON.stringify(envelope([])));
  const batches: Json[] = [];
  let current: Json[] = [];
  let currentBytes = emptyBytes;
  items.forEach((item, index) => {
    const itemBytes = utf8Bytes(JSON.stringify(item) ?? "null");
    if (emptyBytes + itemBytes > maxBytes) {
      throw new StatesError(
        "States.DataLimitExceeded",
        `Item ${index} of the Map has a size of ${itemBytes} bytes: a batch holding it would exceed the MaxInputBytesPerBatch limit of ${maxBytes} bytes.`,
      );
    }
    const added = itemBytes + (current.length > 0 ? 1 : 0);
    if (current.length > 0 && (current.length >= maxItems || currentBytes + added > maxBytes)) {
      batches.push(envelope(current));
      current = [];
      currentBytes = emptyBytes;
    }
    currentBytes += itemBytes + (current.length > 0 ? 1 : 0);
    current.push(item);
  });
  if (current.length > 0) batches.push(envelope(current));
  return batches;
}

function positive(value: number | undefined, field: string): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value <= 0) throw new StatesError("States.Runtime", `ItemBatcher ${field} must be a positive integer, got ${value}.`);
  return value;
}

function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, "utf8");
}
