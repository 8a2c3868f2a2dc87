import assert from "node:assert/strict";
import { Readable } from "node:stream";
import { after, describe, test } from "node:test";
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { sdkStreamMixin } from "@smithy/util-stream";
import { mockClient } from "aws-sdk-client-mock";
import { compare } from "../../src/compare/compare.js";
import { teardownSkipTime } from "../../src/compare/environment.js";
import { validate } from "../../src/index.js";
import type { Json, TaskOverride } from "../../src/runtime/index.js";
import { corpusManifest, corpusText } from "../support/shared.js";
import { derivedInput } from "./derive-input.js";

/**
 * Differential testing over the corpus (issue #5 item 6): every valid corpus definition runs through the reference
 * interpreter and its generated handler on an input derived from the definition (every path it reads, filled in),
 * with every Task answering its own input. The two must agree — outcome, error name and output — on every one; a
 * disagreement is a bug in the structuring, the emission or the interpreter.
 */
/** Every Task answers its own input. */
const echo = (): Record<string, TaskOverride> => new Proxy({} as Record<string, TaskOverride>, { get: (_t, name) => (typeof name === "string" ? (input: Json) => input : undefined) });

/**
 * Distributed Maps read and write S3 themselves (not through Task mocks): a mocked S3 answers both sides the same —
 * every object holds two JSON items, every listing one object, every write succeeds.
 */
const s3 = mockClient(S3Client);
s3.on(GetObjectCommand).callsFake(() => ({ Body: sdkStreamMixin(Readable.from([Buffer.from(JSON.stringify([{ id: "a" }, { id: "b" }]))])) }));
s3.on(ListObjectsV2Command).resolves({ Contents: [{ Key: "data/a.json", Size: 2, ETag: '"e"', LastModified: new Date(0), StorageClass: "STANDARD" }] });
s3.on(PutObjectCommand).resolves({});

describe("differential: interpreter vs generated handler over the corpus", () => {
  after(async () => {
    s3.restore();
    await teardownSkipTime();
  });

  test("every valid corpus definition agrees on a derived input", async (t) => {
    let ran = 0;
    const disagreements: string[] = [];
    for (const row of corpusManifest().filter((r) => r.file.startsWith("valid/"))) {
      const text = corpusText(row.file);
      const v = validate(text, { file: row.file });
      if (!v.ok) continue; // the reviewed rejections of test/validate/corpus.test.ts
      const result = await compare(v.definition, { runs: [{ name: row.file, input: derivedInput(v.definition), tasks: echo }] });
      ran++;
      for (const run of result.runs) {
        // Each side reads the clock and draws random values itself, so timestamps and UUIDs may differ. Causes are
        // compared loosely (conformance README §4): when concurrent branches fail, which one is reported is a race in
        // Step Functions too — the error name must still be the same.
        const real = run.differences.filter((d) => d.path !== "cause" && !(isTimestamp(d.interpreter) && isTimestamp(d.handler)) && !(isUuid(d.interpreter) && isUuid(d.handler)));
        if (real.length > 0) disagreements.push(`${row.file}: ${JSON.stringify(real.slice(0, 2))}`);
      }
    }
    t.diagnostic(`${ran} definitions run both ways`);
    assert.deepEqual(disagreements, []);
    assert.equal(ran, 285, "every accepted valid corpus definition runs");
  });
});

function isTimestamp(value: unknown): boolean {
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(value);
}

function isUuid(value: unknown): boolean {
  return typeof value === "string" && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value);
}
