/**
 * ResultWriter (ASL-6.8). Expectations follow the AWS developer guide's ResultWriter page
 * (https://docs.aws.amazon.com/step-functions/latest/dg/input-output-resultwriter.html, stored copy read 2026-11-26):
 * its transformation examples (children of `orderProcessing/getOrders` returning arrays of orders), its export example
 * (`csvProcessJobs`, Map Run `…:Map:ad9b5f27-090b-3ac6-9beb-243cd77144a7`) and its file list. The manifest's JSON shape
 * and a failed child's record follow exported AWS results seen in public repositories (the page describes, but does not
 * show, them).
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  executionRecord,
  mapResult,
  writeManifest,
  writeResultPart,
  writeResults,
  type ChildResult,
  type MapRunInfo,
} from "../../src/runtime/distributed/index.js";
import { deepFreeze } from "../support/values.js";
import { FakeS3, rejectsStates } from "./fake-s3.js";

const RUN: MapRunInfo = deepFreeze({
  mapRunArn: "arn:aws:states:us-east-2:123456789012:mapRun:csvProcess/Map:ad9b5f27-090b-3ac6-9beb-243cd77144a7",
  stateMachineArn: "arn:aws:states:us-east-2:123456789012:stateMachine:orderProcessing/getOrders",
});

const ORDERS_1 = [
  { customer_id: "145538", order_id: "100000" },
  { customer_id: "898037", order_id: "100001" },
];
const ORDERS_2 = [
  { customer_id: "169881", order_id: "100005" },
  { customer_id: "797471", order_id: "100006" },
];

const CHILDREN: ChildResult[] = deepFreeze([
  {
    status: "SUCCEEDED",
    name: "da4e9fc7-abab-3b27-9a77-a277e463b709",
    input: { page: 1 },
    output: ORDERS_1,
    startDate: "2025-02-04T01:49:50.099Z",
    stopDate: "2025-02-04T01:49:50.163Z",
  },
  {
    status: "SUCCEEDED",
    name: "f43a56f7-d21e-3fe9-a40c-9b9b8d0adf5a",
    input: { page: 2 },
    output: ORDERS_2,
    startDate: "2025-02-04T01:49:50.135Z",
    stopDate: "2025-02-04T01:49:50.227Z",
  },
]);

const FAILED: ChildResult = deepFreeze({
  status: "FAILED",
  name: "55334b15-7c04-3b8d-8ee4-5c6f72f90dbc",
  input: { page: 3 },
  error: "States.Runtime",
  cause: "An error occurred while executing the state 'X'.",
  startDate: "2025-01-07T10:38:47.702Z",
  stopDate: "2025-01-07T10:40:38.759Z",
});

describe("execution records (Transformation NONE)", () => {
  test("a succeeded child: the page's example record", () => {
    assert.deepEqual(executionRecord(CHILDREN[0]!, RUN), {
      ExecutionArn: "arn:aws:states:us-east-2:123456789012:execution:orderProcessing/getOrders:da4e9fc7-abab-3b27-9a77-a277e463b709",
      Input: '{"page":1}',
      InputDetails: { Included: true },
      Name: "da4e9fc7-abab-3b27-9a77-a277e463b709",
      Output: '[{"customer_id":"145538","order_id":"100000"},{"customer_id":"898037","order_id":"100001"}]',
      OutputDetails: { Included: true },
      RedriveCount: 0,
      RedriveStatus: "NOT_REDRIVABLE",
      RedriveStatusReason: "Execution is SUCCEEDED and cannot be redriven",
      StartDate: "2025-02-04T01:49:50.099Z",
      StateMachineArn: "arn:aws:states:us-east-2:123456789012:stateMachine:orderProcessing/getOrders",
      Status: "SUCCEEDED",
      StopDate: "2025-02-04T01:49:50.163Z",
    });
  });

  test("a failed child: Error and Cause, no Output, redrivable by the Map Run", () => {
    assert.deepEqual(executionRecord(FAILED, RUN), {
      Cause: "An error occurred while executing the state 'X'.",
      Error: "States.Runtime",
      ExecutionArn: "arn:aws:states:us-east-2:123456789012:execution:orderProcessing/getOrders:55334b15-7c04-3b8d-8ee4-5c6f72f90dbc",
      Input: '{"page":3}',
      InputDetails: { Included: true },
      Name: "55334b15-7c04-3b8d-8ee4-5c6f72f90dbc",
      OutputDetails: { Included: true },
      RedriveCount: 0,
      RedriveStatus: "REDRIVABLE_BY_MAP_RUN",
      StartDate: "2025-01-07T10:38:47.702Z",
      StateMachineArn: RUN.stateMachineArn,
      Status: "FAILED",
      StopDate: "2025-01-07T10:40:38.759Z",
    });
  });
});

describe("the Map's result without an export", () => {
  test("no ResultWriter: the array of child outputs (COMPACT is the default)", () => {
    assert.deepEqual(mapResult(CHILDREN, RUN), [ORDERS_1, ORDERS_2]);
  });

  test("WriterConfig only (preview): FLATTEN splices array outputs, NONE gives records", () => {
    assert.deepEqual(
      mapResult(CHILDREN, RUN, {
        Transformation: "FLATTEN",
        OutputType: "JSON",
      }),
      [...ORDERS_1, ...ORDERS_2],
    );
    assert.deepEqual(
      mapResult(CHILDREN, RUN, { Transformation: "NONE" }),
      CHILDREN.map((c) => executionRecord(c, RUN)),
    );
  });

  test("writeResults with only a WriterConfig returns the preview and writes nothing", async () => {
    const s3 = new FakeS3();
    assert.deepEqual(await writeResults({ writerConfig: { Transformation: "FLATTEN" } }, CHILDREN, s3, RUN), [...ORDERS_1, ...ORDERS_2]);
    assert.equal(s3.puts.length, 0);
  });

  test('a failed child keeps its record under COMPACT and FLATTEN ("equivalent to having set Transformation to NONE")', () => {
    const failedRecord = executionRecord(FAILED, RUN);
    assert.deepEqual(mapResult([CHILDREN[0]!, FAILED], RUN), [ORDERS_1, failedRecord]);
    assert.deepEqual(mapResult([FAILED, CHILDREN[1]!], RUN, { Transformation: "FLATTEN" }), [failedRecord, ...ORDERS_2]);
  });
});

describe("exporting to Amazon S3", () => {
  const spec = deepFreeze({
    arguments: {
      Bucket: "amzn-s3-demo-destination-bucket",
      Prefix: "csvProcessJobs",
    },
  });
  const folder = "csvProcessJobs/ad9b5f27-090b-3ac6-9beb-243cd77144a7/";

  test("returns the Map Run ARN and the manifest's location (the page's example)", async () => {
    const output = await writeResults(spec, CHILDREN, new FakeS3(), RUN);
    assert.deepEqual(output, {
      MapRunArn: RUN.mapRunArn,
      ResultWriterDetails: {
        Bucket: "amzn-s3-demo-destination-bucket",
        Key: `${folder}manifest.json`,
      },
    });
  });

  test("executions with the same status go to their own file; the manifest lists each with its size", async () => {
    const s3 = new FakeS3();
    const pending: ChildResult = { status: "PENDING", input: { page: 4 } };
    await writeResults(spec, [...CHILDREN, FAILED, pending], s3, RUN);
    const bucket = "amzn-s3-demo-destination-bucket";
    assert.deepEqual(
      s3.puts.map((p) => p.key),
      [`${folder}SUCCEEDED_0.json`, `${folder}FAILED_0.json`, `${folder}PENDING_0.json`, `${folder}manifest.json`],
    );
    // Without a WriterConfig an export uses NONE: every file holds execution records.
    assert.deepEqual(
      JSON.parse(s3.text(bucket, `${folder}SUCCEEDED_0.json`)),
      CHILDREN.map((c) => executionRecord(c, RUN)),
    );
    assert.deepEqual(JSON.parse(s3.text(bucket, `${folder}FAILED_0.json`)), [executionRecord(FAILED, RUN)]);
    assert.deepEqual(JSON.parse(s3.text(bucket, `${folder}PENDING_0.json`)), [
      {
        Input: '{"page":4}',
        InputDetails: { Included: true },
        Status: "PENDING",
      },
    ]);
    const size = (key: string): number => Buffer.byteLength(s3.text(bucket, key), "utf8");
    assert.deepEqual(JSON.parse(s3.text(bucket, `${folder}manifest.json`)), {
      DestinationBucket: bucket,
      MapRunArn: RUN.mapRunArn,
      ResultFiles: {
        FAILED: [
          {
            Key: `${folder}FAILED_0.json`,
            Size: size(`${folder}FAILED_0.json`),
          },
        ],
        PENDING: [
          {
            Key: `${folder}PENDING_0.json`,
            Size: size(`${folder}PENDING_0.json`),
          },
        ],
        SUCCEEDED: [
          {
            Key: `${folder}SUCCEEDED_0.json`,
            Size: size(`${folder}SUCCEEDED_0.json`),
          },
        ],
      },
    });
  });

  test("a status without executions has no file and an empty list", async () => {
    const s3 = new FakeS3();
    await writeResults(spec, CHILDREN, s3, RUN);
    const manifest = JSON.parse(s3.text("amzn-s3-demo-destination-bucket", `${folder}manifest.json`)) as { ResultFiles: Record<string, unknown[]> };
    assert.deepEqual([manifest.ResultFiles.FAILED, manifest.ResultFiles.PENDING], [[], []]);
    assert.equal(manifest.ResultFiles.SUCCEEDED?.length, 1);
  });

  test("COMPACT and FLATTEN shape the succeeded file; failed children stay records", async () => {
    const s3 = new FakeS3();
    await writeResults({ ...spec, writerConfig: { Transformation: "FLATTEN" } }, [...CHILDREN, FAILED], s3, RUN);
    assert.deepEqual(JSON.parse(s3.text("amzn-s3-demo-destination-bucket", `${folder}SUCCEEDED_0.json`)), [...ORDERS_1, ...ORDERS_2]);
    assert.deepEqual(JSON.parse(s3.text("amzn-s3-demo-destination-bucket", `${folder}FAILED_0.json`)), [executionRecord(FAILED, RUN)]);
    const compact = new FakeS3();
    await writeResults({ ...spec, writerConfig: { Transformation: "COMPACT" } }, CHILDREN, compact, RUN);
    assert.deepEqual(JSON.parse(compact.text("amzn-s3-demo-destination-bucket", `${folder}SUCCEEDED_0.json`)), [ORDERS_1, ORDERS_2]);
  });

  test("OutputType JSONL writes one element per line", async () => {
    const s3 = new FakeS3();
    await writeResults(
      {
        ...spec,
        writerConfig: { OutputType: "JSONL", Transformation: "FLATTEN" },
      },
      CHILDREN,
      s3,
      RUN,
    );
    const lines = s3.text("amzn-s3-demo-destination-bucket", `${folder}SUCCEEDED_0.json`).split("\n");
    assert.deepEqual(
      lines.slice(0, -1).map((l) => JSON.parse(l)),
      [...ORDERS_1, ...ORDERS_2],
    );
    assert.equal(lines.at(-1), "");
  });

  test("the folder is <Prefix>/<map run id>/ whether or not Prefix ends in /; no Prefix means the bucket root", async () => {
    for (const [Prefix, key] of [
      ["jobs/", "jobs/ad9b5f27-090b-3ac6-9beb-243cd77144a7/manifest.json"],
      [undefined, "ad9b5f27-090b-3ac6-9beb-243cd77144a7/manifest.json"],
    ] as const) {
      const output = await writeResults(
        {
          arguments: Prefix === undefined ? { Bucket: "b" } : { Bucket: "b", Prefix },
        },
        CHILDREN,
        new FakeS3(),
        RUN,
      );
      assert.deepEqual(output, {
        MapRunArn: RUN.mapRunArn,
        ResultWriterDetails: { Bucket: "b", Key: key },
      });
    }
  });

  test("chunked maps write one part per chunk; the manifest lists the parts' files in order", async () => {
    const s3 = new FakeS3();
    const first = await writeResultPart(spec, 0, CHILDREN, s3, RUN);
    const second = await writeResultPart(spec, 1, [FAILED], s3, RUN);
    const third = await writeResultPart(spec, 2, [CHILDREN[1]!], s3, RUN);
    // A part is small, plain JSON: it travels through a durable checkpoint.
    assert.deepEqual(JSON.parse(JSON.stringify(second)), second);
    assert.deepEqual(second.counts, { SUCCEEDED: 0, FAILED: 1, PENDING: 0 });
    const output = await writeManifest(spec, [first, second, third], s3, RUN);
    assert.deepEqual(output, {
      MapRunArn: RUN.mapRunArn,
      ResultWriterDetails: {
        Bucket: "amzn-s3-demo-destination-bucket",
        Key: `${folder}manifest.json`,
      },
    });
    const manifest = JSON.parse(s3.text("amzn-s3-demo-destination-bucket", `${folder}manifest.json`)) as {
      ResultFiles: Record<string, Array<{ Key: string }>>;
    };
    assert.deepEqual(
      manifest.ResultFiles.SUCCEEDED?.map((f) => f.Key),
      [`${folder}SUCCEEDED_0.json`, `${folder}SUCCEEDED_2.json`],
    );
    assert.deepEqual(
      manifest.ResultFiles.FAILED?.map((f) => f.Key),
      [`${folder}FAILED_1.json`],
    );
  });

  test("failures are States.ResultWriterFailed", async () => {
    const failing = new FakeS3();
    failing.failPuts = true;
    await rejectsStates(writeResults(spec, CHILDREN, failing, RUN), "States.ResultWriterFailed", "AccessDenied");
    await rejectsStates(writeResults({ arguments: { Prefix: "p" } }, CHILDREN, new FakeS3(), RUN), "States.ResultWriterFailed", "Bucket");
    await rejectsStates(writeResults({ arguments: { Bucket: "b", Prefix: 3 } }, CHILDREN, new FakeS3(), RUN), "States.ResultWriterFailed", "Prefix");
    await rejectsStates(writeResults({ arguments: "b" }, CHILDREN, new FakeS3(), RUN), "States.ResultWriterFailed", "object");
    await rejectsStates(writeResults(spec, CHILDREN, undefined, RUN), "States.ResultWriterFailed", "no S3 client");
  });
});
