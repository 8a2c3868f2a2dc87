/**
 * The S3 adapters against the real `@aws-sdk/client-s3` command classes, with `aws-sdk-client-mock` standing in for
 * the service. The listing follows ListObjectsV2's documented pagination (IsTruncated + NextContinuationToken) and
 * the child input shape of the ItemReader page (input-output-itemreader.html, stored copy read 2026-11-26).
 */
import { afterEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client, type GetObjectCommandOutput } from "@aws-sdk/client-s3";
import { mockClient } from "aws-sdk-client-mock";
import { readItemEntries, readItems, s3Access, s3Writer, writeResults } from "../../src/runtime/distributed/index.js";
import { rejectsStates } from "./fake-s3.js";

const s3Mock = mockClient(S3Client);
afterEach(() => s3Mock.reset());

function body(text: string): GetObjectCommandOutput["Body"] {
  const bytes = new TextEncoder().encode(text);
  return {
    transformToByteArray: async () => bytes,
  } as unknown as GetObjectCommandOutput["Body"];
}

describe("s3Access over an S3Client", () => {
  const access = () =>
    s3Access(new S3Client({ region: "us-east-1" }), {
      GetObjectCommand,
      ListObjectsV2Command,
    });

  test("GetObject with the evaluated arguments (VersionId kept), then JSON parsing", async () => {
    s3Mock.on(GetObjectCommand, { Bucket: "b", Key: "k.json", VersionId: "v1" }).resolves({ Body: body('[{"a":1},{"a":2}]') });
    const items = await readItems(
      {
        resource: "arn:aws:states:::s3:getObject",
        arguments: { Bucket: "b", Key: "k.json", VersionId: "v1" },
        readerConfig: { InputType: "JSON" },
      },
      access(),
    );
    assert.deepEqual(items, [{ a: 1 }, { a: 2 }]);
    assert.equal(s3Mock.commandCalls(GetObjectCommand).length, 1);
  });

  test("ListObjectsV2 pages through NextContinuationToken; items carry Etag/Key/LastModified/Size/StorageClass", async () => {
    const modified = new Date("2022-11-17T15:44:41Z");
    s3Mock
      .on(ListObjectsV2Command, { Bucket: "b", Prefix: "p/" })
      .resolves({
        Contents: [
          {
            Key: "p/1",
            Size: 1,
            ETag: '"e1"',
            LastModified: modified,
            StorageClass: "STANDARD",
          },
        ],
        IsTruncated: true,
        NextContinuationToken: "t2",
      })
      .on(ListObjectsV2Command, {
        Bucket: "b",
        Prefix: "p/",
        ContinuationToken: "t2",
      })
      .resolves({
        Contents: [
          {
            Key: "p/2",
            Size: 2,
            ETag: '"e2"',
            LastModified: modified,
            StorageClass: "GLACIER",
          },
        ],
        IsTruncated: false,
      });
    const entries = await readItemEntries(
      {
        resource: "arn:aws:states:::s3:listObjectsV2",
        arguments: { Bucket: "b", Prefix: "p/" },
      },
      access(),
    );
    assert.deepEqual(entries, [
      {
        value: {
          Etag: '"e1"',
          Key: "p/1",
          LastModified: 1668699881,
          Size: 1,
          StorageClass: "STANDARD",
        },
        source: "S3://b",
      },
      {
        value: {
          Etag: '"e2"',
          Key: "p/2",
          LastModified: 1668699881,
          Size: 2,
          StorageClass: "GLACIER",
        },
        source: "S3://b",
      },
    ]);
    assert.equal(s3Mock.commandCalls(ListObjectsV2Command).length, 2);
  });

  test("an SDK error becomes States.ItemReaderFailed with the S3 error name in the cause", async () => {
    const error = Object.assign(new Error("The specified key does not exist."), { name: "NoSuchKey" });
    s3Mock.on(GetObjectCommand).rejects(error);
    await rejectsStates(
      readItems(
        {
          resource: "s3:getObject",
          arguments: { Bucket: "b", Key: "gone" },
          readerConfig: { InputType: "JSONL" },
        },
        access(),
      ),
      "States.ItemReaderFailed",
      "NoSuchKey",
    );
  });
});

describe("s3Writer over an S3Client", () => {
  test("PutObject for each result file and the manifest, as application/json", async () => {
    s3Mock.on(PutObjectCommand).resolves({});
    const writer = s3Writer(new S3Client({ region: "us-east-1" }), {
      PutObjectCommand,
    });
    const run = {
      mapRunArn: "arn:aws:states:us-east-1:123456789012:mapRun:m/Map:0b0e",
      stateMachineArn: "arn:aws:states:us-east-1:123456789012:stateMachine:m/Map",
    };
    const child = {
      status: "SUCCEEDED" as const,
      name: "c1",
      input: 1,
      output: 2,
      startDate: "2025-02-04T01:49:50.099Z",
      stopDate: "2025-02-04T01:49:50.163Z",
    };
    const output = await writeResults(
      {
        arguments: { Bucket: "out", Prefix: "jobs" },
        writerConfig: { Transformation: "COMPACT" },
      },
      [child],
      writer,
      run,
    );
    assert.deepEqual(output, {
      MapRunArn: run.mapRunArn,
      ResultWriterDetails: { Bucket: "out", Key: "jobs/0b0e/manifest.json" },
    });
    const puts = s3Mock.commandCalls(PutObjectCommand).map((call) => call.args[0].input);
    assert.deepEqual(
      puts.map((p) => [p.Bucket, p.Key, p.ContentType]),
      [
        ["out", "jobs/0b0e/SUCCEEDED_0.json", "application/json"],
        ["out", "jobs/0b0e/manifest.json", "application/json"],
      ],
    );
    assert.equal(puts[0]?.Body, "[2]");
  });

  test("a PutObject failure is States.ResultWriterFailed", async () => {
    s3Mock.on(PutObjectCommand).rejects(Object.assign(new Error("Access Denied"), { name: "AccessDenied" }));
    const writer = s3Writer(new S3Client({ region: "us-east-1" }), {
      PutObjectCommand,
    });
    const run = {
      mapRunArn: "arn:aws:states:us-east-1:1:mapRun:m/Map:id",
      stateMachineArn: "arn:aws:states:us-east-1:1:stateMachine:m/Map",
    };
    await rejectsStates(
      writeResults({ arguments: { Bucket: "out" } }, [{ status: "PENDING", input: 1 }], writer, run),
      "States.ResultWriterFailed",
      "AccessDenied",
    );
  });
});
