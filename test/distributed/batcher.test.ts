/**
 * ItemBatcher (ASL-6.8). Expectations follow the AWS developer guide's ItemBatcher page
 * (https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itembatcher.html, stored copy read 2026-11-26) and
 * the ASL spec's "Batching Items"; byte sizes are UTF-8 lengths of the child input as compact JSON.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import type { Json } from "../../src/runtime/types.js";
import { batchItems } from "../../src/runtime/distributed/index.js";
import { deepFreeze, throwsStates } from "../support/values.js";

const bytes = (value: Json): number => Buffer.byteLength(JSON.stringify(value), "utf8");
const itemsOf = (batch: Json): Json[] => (batch as { Items: Json[] }).Items;

describe("batchItems", () => {
  test("MaxItemsPerBatch 100 over 1130 items: 11 batches of 100 and one of 30 (the page's example)", () => {
    const items = deepFreeze(Array.from({ length: 1130 }, (_, i) => i));
    const batches = batchItems(items, { maxItemsPerBatch: 100 });
    assert.equal(batches.length, 12);
    assert.deepEqual(
      batches.map((b) => itemsOf(b).length),
      [...Array(11).fill(100), 30],
    );
    assert.deepEqual(batches.flatMap(itemsOf), items);
  });

  test("each child input is {Items: [...]}, with BatchInput merged in when declared (the page's factCheck example)", () => {
    const facts = deepFreeze([{ verdict: "true" }, { verdict: "false" }, { verdict: "true" }]);
    assert.deepEqual(batchItems(facts, { maxItemsPerBatch: 2 }), [{ Items: [{ verdict: "true" }, { verdict: "false" }] }, { Items: [{ verdict: "true" }] }]);
    assert.deepEqual(
      batchItems(facts, {
        maxItemsPerBatch: 3,
        batchInput: deepFreeze({ factCheck: "December 2022" }),
      }),
      [{ BatchInput: { factCheck: "December 2022" }, Items: facts }],
    );
  });

  test("MaxInputBytesPerBatch: each batch as full as the limit allows, none over it", () => {
    const items = deepFreeze(["aaaa", "bbbb", "cccc", "dddd", "eeee"]); // 6 bytes each as JSON
    const limit = bytes({ Items: ["aaaa", "bbbb"] }); // 25
    const batches = batchItems(items, { maxInputBytesPerBatch: limit });
    assert.deepEqual(batches.map(itemsOf), [["aaaa", "bbbb"], ["cccc", "dddd"], ["eeee"]]);
    assert.ok(batches.every((b) => bytes(b) <= limit));
    assert.ok(bytes({ Items: ["aaaa", "bbbb", "cccc"] }) > limit);
  });

  test("the byte size counts UTF-8 bytes and the BatchInput", () => {
    const items = deepFreeze(["é", "é", "é"]); // 2 UTF-8 bytes each inside the quotes
    const limit = bytes({ Items: ["é", "é"] });
    assert.deepEqual(batchItems(items, { maxInputBytesPerBatch: limit }).map(itemsOf), [["é", "é"], ["é"]]);
    // Room for two items next to a BatchInput is room for all three without it.
    const roomWithInput = bytes({ BatchInput: "x", Items: ["é", "é"] });
    assert.deepEqual(batchItems(items, { maxInputBytesPerBatch: roomWithInput }).map(itemsOf), [["é", "é", "é"]]);
    const withInput = batchItems(items, {
      maxInputBytesPerBatch: roomWithInput,
      batchInput: "x",
    });
    assert.deepEqual(withInput.map(itemsOf), [["é", "é"], ["é"]]);
    assert.ok(withInput.every((b) => bytes(b) <= roomWithInput));
  });

  test("with both limits the batch stops at whichever is reached first", () => {
    const items = deepFreeze(["aaaa", "bbbb", "cccc", "dddd"]);
    const roomForThree = bytes({ Items: ["aaaa", "bbbb", "cccc"] });
    assert.deepEqual(
      batchItems(items, {
        maxItemsPerBatch: 2,
        maxInputBytesPerBatch: roomForThree,
      }).map((b) => itemsOf(b).length),
      [2, 2],
    );
    const roomForOne = bytes({ Items: ["aaaa"] });
    assert.deepEqual(
      batchItems(items, {
        maxItemsPerBatch: 3,
        maxInputBytesPerBatch: roomForOne,
      }).map((b) => itemsOf(b).length),
      [1, 1, 1, 1],
    );
  });

  test('without a byte limit a batch still stays within 256 KiB ("as many items it can process up to 256 KiB"); larger limits are clipped', () => {
    const big = "x".repeat(100 * 1024);
    const items = deepFreeze([big, big, big, big, big]);
    for (const spec of [{ maxItemsPerBatch: 10 }, { maxInputBytesPerBatch: 1024 * 1024 }]) {
      const batches = batchItems(items, spec);
      assert.deepEqual(
        batches.map((b) => itemsOf(b).length),
        [2, 2, 1],
      );
      assert.ok(batches.every((b) => bytes(b) <= 256 * 1024));
    }
  });

  test("an item that cannot fit even alone fails with States.DataLimitExceeded", () => {
    throwsStates(() => batchItems(["small", "x".repeat(100)], { maxInputBytesPerBatch: 50 }), "States.DataLimitExceeded", "Item 1");
    throwsStates(() => batchItems(["x".repeat(256 * 1024)], { maxItemsPerBatch: 1 }), "States.DataLimitExceeded");
  });

  test("limits must be positive integers", () => {
    throwsStates(() => batchItems([1], { maxItemsPerBatch: 0 }), "States.Runtime", "MaxItemsPerBatch");
    throwsStates(() => batchItems([1], { maxInputBytesPerBatch: 1.5 }), "States.Runtime", "MaxInputBytesPerBatch");
  });

  test("no items, no batches", () => {
    assert.deepEqual(batchItems([], { maxItemsPerBatch: 5 }), []);
  });
});
