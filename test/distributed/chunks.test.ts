/**
 * The durable layout of a Distributed Map (ASL-6.8): chunk planning and the limits it is measured against
 * (../shared/reference/durable-sdk.md §2.5, §2.6; experiment e04 f for FLAT nesting).
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { DEFAULT_MAX_ITEMS_PER_CHUNK, DURABLE_LIMITS, estimateOperations, planChunks } from "../../src/runtime/distributed/index.js";
import { throwsStates } from "../support/values.js";

describe("planChunks", () => {
  test("contiguous ranges that cover every item once, in order, each within the size", () => {
    assert.deepEqual(planChunks(10, { maxItemsPerChunk: 4 }), [
      { start: 0, end: 4 },
      { start: 4, end: 8 },
      { start: 8, end: 10 },
    ]);
    assert.deepEqual(planChunks(8, { maxItemsPerChunk: 4 }), [
      { start: 0, end: 4 },
      { start: 4, end: 8 },
    ]);
  });

  test("no items, no chunks; the default size applies without options", () => {
    assert.deepEqual(planChunks(0), []);
    const chunks = planChunks(2500);
    assert.equal(chunks.length, Math.ceil(2500 / DEFAULT_MAX_ITEMS_PER_CHUNK));
    assert.ok(chunks.every((c) => c.end - c.start <= DEFAULT_MAX_ITEMS_PER_CHUNK));
  });

  test("a million items plan without a per-item cost", () => {
    const chunks = planChunks(1_000_000, { maxItemsPerChunk: 1000 });
    assert.equal(chunks.length, 1000);
    assert.deepEqual(chunks.at(-1), { start: 999_000, end: 1_000_000 });
  });

  test("invalid counts and sizes are States.Runtime", () => {
    throwsStates(() => planChunks(-1), "States.Runtime");
    throwsStates(() => planChunks(1.5), "States.Runtime");
    throwsStates(() => planChunks(3, { maxItemsPerChunk: 0 }), "States.Runtime", "maxItemsPerChunk");
  });
});

describe("limits", () => {
  test("DURABLE_LIMITS carries durable-sdk.md's numbers", () => {
    assert.equal(DURABLE_LIMITS.checkpointBytes, 256 * 1024);
    assert.equal(DURABLE_LIMITS.operations, 25_000);
    assert.equal(DURABLE_LIMITS.executionTimeoutSeconds, 31_622_400);
  });

  test("estimateOperations: outer map, two per chunk, one context per item unless FLAT, plus the item's own", () => {
    assert.equal(estimateOperations(10, { opsPerItem: 2, maxItemsPerChunk: 4 }), 1 + 3 * 2 + 10 * 3);
    assert.equal(
      estimateOperations(10, {
        opsPerItem: 2,
        maxItemsPerChunk: 4,
        nesting: "FLAT",
      }),
      1 + 3 * 2 + 10 * 2,
    );
    // 10,000 items of one task each do not fit one durable execution's history.
    assert.ok(estimateOperations(10_000, { opsPerItem: 2 }) > DURABLE_LIMITS.operations);
  });
});
