/**
 * ItemReader (ASL-6.8) against an in-memory S3. Unless a comment says otherwise, datasets and expected child inputs come
 * from the AWS developer guide's ItemReader page (https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itemreader.html,
 * stored copy "updated Sep 11, 2025", read 2026-11-26) and `$$.Map.Item.Source` values from the context object page
 * (input-output-contextobject.html, same date).
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import * as zlib from "node:zlib";
import { readItemEntries, readItems, type ItemReaderSpec } from "../../src/runtime/distributed/index.js";
import { deepFreeze } from "../support/values.js";
import { FakeS3, rejectsStates } from "./fake-s3.js";

const GET = "arn:aws:states:::s3:getObject";
const LIST = "arn:aws:states:::s3:listObjectsV2";
const BUCKET = "amzn-s3-demo-bucket";

const FACTS = [
  { verdict: "true", statement_date: "6/11/2008", statement_source: "speech" },
  {
    verdict: "false",
    statement_date: "6/7/2022",
    statement_source: "television",
  },
  {
    verdict: "mostly-true",
    statement_date: "5/18/2016",
    statement_source: "news",
  },
];

function get(key: string, readerConfig: ItemReaderSpec["readerConfig"], extra: Record<string, string> = {}): ItemReaderSpec {
  return deepFreeze({
    resource: GET,
    arguments: { Bucket: BUCKET, Key: key, ...extra },
    ...(readerConfig ? { readerConfig } : {}),
  });
}

describe("InputType JSON", () => {
  test("a JSON array gives one item per element, with the object's S3 URI as Source; GetObject fields pass through", async () => {
    const s3 = new FakeS3().put(BUCKET, "jsonDataset/factcheck.json", JSON.stringify(FACTS));
    const entries = await readItemEntries(get("jsonDataset/factcheck.json", { InputType: "JSON" }, { VersionId: "BcK42coT2jE1234VHLUvBV1yLNod2OEt" }), s3);
    assert.deepEqual(
      entries.map((e) => e.value),
      FACTS,
    );
    assert.deepEqual(new Set(entries.map((e) => e.source)), new Set([`S3://${BUCKET}/jsonDataset/factcheck.json`]));
    assert.deepEqual(s3.gets[0]?.extra, {
      VersionId: "BcK42coT2jE1234VHLUvBV1yLNod2OEt",
    });
  });

  test("ItemsPointer selects a nested array (the page's /inventory/products/featured example)", async () => {
    const document = {
      inventory: {
        products: { featured: [{ id: 1 }, { id: 2 }], other: [{ id: 3 }] },
      },
    };
    const s3 = new FakeS3().put(BUCKET, "nested-data-file.json", JSON.stringify(document));
    assert.deepEqual(
      await readItems(
        get("nested-data-file.json", {
          InputType: "JSON",
          ItemsPointer: "/inventory/products/featured",
        }),
        s3,
      ),
      [{ id: 1 }, { id: 2 }],
    );
  });

  test('a JSON object iterates over its key-value pairs, with Map.Item.Key ("The JSON file must contain an array or JSON object")', async () => {
    const s3 = new FakeS3().put(BUCKET, "o.json", JSON.stringify({ a: 1, b: { c: 2 } }));
    const entries = await readItemEntries(get("o.json", { InputType: "JSON" }), s3);
    assert.deepEqual(
      entries.map((e) => [e.key, e.value]),
      [
        ["a", 1],
        ["b", { c: 2 }],
      ],
    );
  });

  test("failures: not JSON, neither array nor object (LocalStack's recorded cause), a pointer that selects nothing", async () => {
    const s3 = new FakeS3().put(BUCKET, "bad.json", "[1,").put(BUCKET, "scalar.json", "42").put(BUCKET, "doc.json", '{"a":[]}');
    await rejectsStates(readItems(get("bad.json", { InputType: "JSON" }), s3), "States.ItemReaderFailed", "not valid JSON");
    await rejectsStates(readItems(get("scalar.json", { InputType: "JSON" }), s3), "States.ItemReaderFailed", "Attempting to map over non-iterable node.");
    await rejectsStates(readItems(get("doc.json", { InputType: "JSON", ItemsPointer: "/b" }), s3), "States.ItemReaderFailed", "selects nothing");
  });
});

describe("InputType JSONL", () => {
  test("one item per line (the page's factcheck.jsonl); blank lines carry no item", async () => {
    const text = FACTS.map((f) => JSON.stringify(f)).join("\n") + "\n\n";
    const s3 = new FakeS3().put(BUCKET, "jsonlDataset/factcheck.jsonl", text);
    assert.deepEqual(await readItems(get("jsonlDataset/factcheck.jsonl", { InputType: "JSONL" }), s3), FACTS);
  });

  test("a line that is not JSON fails the read and is named", async () => {
    const s3 = new FakeS3().put(BUCKET, "x.jsonl", '{"a":1}\n{oops}\n');
    await rejectsStates(readItems(get("x.jsonl", { InputType: "JSONL" }), s3), "States.ItemReaderFailed", "Line 2");
  });

  test('a gzip-compressed file reads like the plain one ("Input files support … GZIP, ZSTD")', async () => {
    const s3 = new FakeS3().putGzip(BUCKET, "myObject.jsonl.gz", FACTS.map((f) => JSON.stringify(f)).join("\n"));
    assert.deepEqual(await readItems(get("myObject.jsonl.gz", { InputType: "JSONL" }), s3), FACTS);
  });
});

describe("compression and encoding", () => {
  test("zstd content decompresses where node:zlib has zstd, and fails as ItemReaderFailed where it has not", async () => {
    const zstd = (zlib as { zstdCompressSync?: (data: Uint8Array) => Uint8Array }).zstdCompressSync;
    if (zstd === undefined) {
      const s3 = new FakeS3().put(BUCKET, "a.json.zstd", new Uint8Array([0x28, 0xb5, 0x2f, 0xfd, 0, 0]));
      await rejectsStates(readItems(get("a.json.zstd", { InputType: "JSON" }), s3), "States.ItemReaderFailed", "zstd");
    } else {
      const s3 = new FakeS3().put(BUCKET, "a.json.zstd", new Uint8Array(zstd(new TextEncoder().encode("[1,2]"))));
      assert.deepEqual(await readItems(get("a.json.zstd", { InputType: "JSON" }), s3), [1, 2]);
    }
  });

  test("corrupt gzip fails the read; a UTF-8 byte order mark is ignored", async () => {
    const s3 = new FakeS3().put(BUCKET, "bad.gz", new Uint8Array([0x1f, 0x8b, 1, 2, 3])).put(BUCKET, "bom.json", "\uFEFF[1]");
    await rejectsStates(readItems(get("bad.gz", { InputType: "JSONL" }), s3), "States.ItemReaderFailed", "Could not decompress");
    assert.deepEqual(await readItems(get("bom.json", { InputType: "JSON" }), s3), [1]);
  });
});

describe("InputType CSV", () => {
  test("FIRST_ROW headers with CSVDelimiter PIPE (the page's ratings.csv example)", async () => {
    const s3 = new FakeS3().put(BUCKET, "csvDataset/ratings.csv", "userId|movieId|rating|timestamp\n1|307|3.5|1256677221\n1|481|3.5|1256677456\n");
    const items = await readItems(
      get("csvDataset/ratings.csv", {
        InputType: "CSV",
        CSVHeaderLocation: "FIRST_ROW",
        CSVDelimiter: "PIPE",
      }),
      s3,
    );
    assert.deepEqual(items[0], {
      rating: "3.5",
      movieId: "307",
      userId: "1",
      timestamp: "1256677221",
    });
    assert.equal(items.length, 2);
  });

  test("GIVEN headers for a file without a header row (the page's CSVHeaders example)", async () => {
    const s3 = new FakeS3().put(BUCKET, "r.csv", "1,307,3.5,1256677221\n1,481,3.5,1256677456\n1,1091,1.5,1256677471\n");
    const items = await readItems(
      get("r.csv", {
        InputType: "CSV",
        CSVHeaderLocation: "GIVEN",
        CSVHeaders: ["userId", "movieId", "rating", "timestamp"],
      }),
      s3,
    );
    assert.deepEqual(items[2], {
      userId: "1",
      movieId: "1091",
      rating: "1.5",
      timestamp: "1256677471",
    });
  });

  test("every value stays a string; short rows get empty strings, long rows lose extra fields (LocalStack's AWS-validated test_map_item_reader_base_csv_headers_first_line data)", async () => {
    const s3 = new FakeS3().put(BUCKET, "file.csv", "Col1,Col2,Col3\nValue1,Value2,Value3\n,,,\ntrue,1,'HelloWorld'\nNull,None,\n   \n");
    assert.deepEqual(await readItems(get("file.csv", { InputType: "CSV", CSVHeaderLocation: "FIRST_ROW" }), s3), [
      { Col1: "Value1", Col2: "Value2", Col3: "Value3" },
      { Col1: "", Col2: "", Col3: "" },
      { Col1: "true", Col2: "1", Col3: "'HelloWorld'" },
      { Col1: "Null", Col2: "None", Col3: "" },
      { Col1: "   ", Col2: "", Col3: "" },
    ]);
  });

  test("the parse example of example-csv-parse-dist-map.html, read with GIVEN headers", async () => {
    const text = 'abc,123,"This string contains commas, a double quotation marks (""), and a newline (\n)",{""MyKey"":""MyValue""},"[1,2,3]"';
    const s3 = new FakeS3().put(BUCKET, "myCSVInput.csv", text);
    const headers = ["MyLetters", "MyNumbers", "MyString", "MyObject", "MyArray"];
    const [item] = await readItems(
      get("myCSVInput.csv", {
        InputType: "CSV",
        CSVHeaderLocation: "GIVEN",
        CSVHeaders: headers,
      }),
      s3,
    );
    assert.deepEqual(item, {
      MyLetters: "abc",
      MyNumbers: "123",
      MyString: 'This string contains commas, a double quotation marks ("), and a newline (\n)',
      MyObject: '{"MyKey":"MyValue"}',
      MyArray: "[1,2,3]",
    });
  });

  test("TAB and SEMICOLON files", async () => {
    const s3 = new FakeS3().put(BUCKET, "t.tsv", "a\tb\n1\t2\n").put(BUCKET, "s.csv", "a;b\n1;2\n");
    assert.deepEqual(await readItems(get("t.tsv", { InputType: "CSV", CSVDelimiter: "TAB" }), s3), [{ a: "1", b: "2" }]);
    assert.deepEqual(await readItems(get("s.csv", { InputType: "CSV", CSVDelimiter: "SEMICOLON" }), s3), [{ a: "1", b: "2" }]);
  });

  test('failures: GIVEN without CSVHeaders, a header above 10 KiB ("CSV headers of up to 10 KiB")', async () => {
    const s3 = new FakeS3().put(BUCKET, "g.csv", "1,2\n").put(BUCKET, "wide.csv", `${"h".repeat(10 * 1024 + 1)}\nv\n`);
    await rejectsStates(readItems(get("g.csv", { InputType: "CSV", CSVHeaderLocation: "GIVEN" }), s3), "States.ItemReaderFailed", "CSVHeaders");
    await rejectsStates(readItems(get("wide.csv", { InputType: "CSV" }), s3), "States.ItemReaderFailed", "10240");
  });
});

describe("MaxItems", () => {
  // LocalStack's AWS-validated test_map_item_reader_csv_max_items[0|2|100000000] and …_max_items_paths[-1] use this file.
  const CSV = "Col1,Col2\nValue1,Value2\nValue3,Value4\nValue5,Value6\nValue7,Value8\n";
  const s3 = new FakeS3().put("b", "file.csv", CSV);
  const read = (MaxItems: number) =>
    readItems(
      deepFreeze({
        resource: GET,
        arguments: { Bucket: "b", Key: "file.csv" },
        readerConfig: { InputType: "CSV" as const, MaxItems },
      }),
      s3,
    );

  test("keeps the first N items, counted after the header row", async () => {
    assert.deepEqual(await read(2), [
      { Col1: "Value1", Col2: "Value2" },
      { Col1: "Value3", Col2: "Value4" },
    ]);
  });

  test("0 and 100,000,000 read everything; a negative value fails", async () => {
    assert.equal((await read(0)).length, 4);
    assert.equal((await read(100_000_000)).length, 4);
    await rejectsStates(read(-1), "States.ItemReaderFailed", "field MaxItems must be positive");
  });
});

describe("s3:listObjectsV2", () => {
  function listing(pageSize: number): FakeS3 {
    const s3 = new FakeS3(pageSize);
    for (const key of ["processData/a.jpg", "processData/b.jpg", "processData/c.json", "processData/d.csv", "processData/e.txt", "other/x"])
      s3.put(BUCKET, key, `body of ${key}`);
    return s3;
  }
  const list = (extra: Record<string, unknown> = {}): ItemReaderSpec =>
    deepFreeze({
      resource: LIST,
      arguments: { Bucket: BUCKET, Prefix: "processData" },
      ...extra,
    });

  test("one metadata item per object: Etag, Key, LastModified (epoch seconds), Size, StorageClass; Source is the bucket URI", async () => {
    const entries = await readItemEntries(list(), listing(1000));
    assert.equal(entries.length, 5);
    assert.deepEqual(entries[0], {
      value: {
        Etag: '"etag-processData/a.jpg"',
        Key: "processData/a.jpg",
        LastModified: 1668699881,
        Size: "body of processData/a.jpg".length,
        StorageClass: "STANDARD",
      },
      source: `S3://${BUCKET}`,
    });
  });

  test("follows continuation tokens across pages", async () => {
    const s3 = listing(2);
    const items = await readItems(list(), s3);
    assert.deepEqual(
      items.map((i) => (i as { Key: string }).Key),
      ["processData/a.jpg", "processData/b.jpg", "processData/c.json", "processData/d.csv", "processData/e.txt"],
    );
    assert.deepEqual(
      s3.lists.map((l) => l.token),
      [undefined, "2", "4"],
    );
    assert.ok(s3.lists.every((l) => l.prefix === "processData"));
  });

  test("MaxItems stops listing once enough objects are read", async () => {
    const s3 = listing(2);
    assert.equal((await readItems(list({ readerConfig: { MaxItems: 3 } }), s3)).length, 3);
    assert.equal(s3.lists.length, 2);
  });

  test("LOAD_AND_FLATTEN reads every listed object with InputType and iterates over their items (folder markers hold none)", async () => {
    const s3 = new FakeS3(1)
      .put(BUCKET, "logs/", "")
      .put(BUCKET, "logs/1.json", JSON.stringify([{ n: 1 }, { n: 2 }]))
      .put(BUCKET, "logs/2.json", JSON.stringify([{ n: 3 }]));
    const entries = await readItemEntries(
      deepFreeze({
        resource: LIST,
        arguments: { Bucket: BUCKET, Prefix: "logs/" },
        readerConfig: {
          InputType: "JSON" as const,
          Transformation: "LOAD_AND_FLATTEN" as const,
        },
      }),
      s3,
    );
    assert.deepEqual(entries, [
      { value: { n: 1 }, source: `S3://${BUCKET}/logs/1.json` },
      { value: { n: 2 }, source: `S3://${BUCKET}/logs/1.json` },
      { value: { n: 3 }, source: `S3://${BUCKET}/logs/2.json` },
    ]);
  });

  test("LOAD_AND_FLATTEN with CSV takes each file's own header row", async () => {
    const s3 = new FakeS3().put(BUCKET, "p/1.csv", "a,b\n1,2\n").put(BUCKET, "p/2.csv", "c\n3\n");
    const spec = deepFreeze({
      resource: LIST,
      arguments: { Bucket: BUCKET, Prefix: "p/" },
      readerConfig: {
        InputType: "CSV" as const,
        Transformation: "LOAD_AND_FLATTEN" as const,
      },
    });
    assert.deepEqual(await readItems(spec, s3), [{ a: "1", b: "2" }, { c: "3" }]);
  });

  test('LOAD_AND_FLATTEN without InputType fails ("When set to LOAD_AND_FLATTEN, you must also set InputType")', async () => {
    await rejectsStates(readItems(list({ readerConfig: { Transformation: "LOAD_AND_FLATTEN" } }), listing(10)), "States.ItemReaderFailed", "InputType");
  });
});

describe("manifests", () => {
  // The page's inventory manifest.json and data rows.
  const manifest = {
    sourceBucket: "amzn-s3-demo-source-bucket",
    destinationBucket: "arn:aws:s3:::amzn-s3-demo-inventory",
    version: "2016-11-30",
    creationTimestamp: "1668560400000",
    fileFormat: "CSV",
    fileSchema: "Bucket, Key, Size, LastModifiedDate",
    files: [
      {
        key: "amzn-s3-demo-bucket/destination-prefix/data/20e55de8-9c21-45d4-99b9-46c732000228.csv.gz",
        size: 7300,
        MD5checksum: "a7ff4a1d4164c3cd55851055ec8f6b20",
      },
    ],
  };
  const rows = [
    '"amzn-s3-demo-source-bucket","csvDataset/","0","2022-11-16T00:27:19.000Z"',
    '"amzn-s3-demo-source-bucket","csvDataset/titles.csv","3399671","2022-11-16T00:29:32.000Z"',
    '"amzn-s3-demo-source-bucket","imageDataset/","0","2022-11-15T20:00:44.000Z"',
  ].join("\n");
  const inventory = (): FakeS3 =>
    new FakeS3()
      .put("amzn-s3-demo-inventory", "prefix/manifest.json", JSON.stringify(manifest))
      .putGzip("amzn-s3-demo-inventory", manifest.files[0]!.key, rows);

  test("InputType MANIFEST reads the inventory's gzip CSV files; every value is a string named by fileSchema", async () => {
    const entries = await readItemEntries(
      deepFreeze({
        resource: GET,
        arguments: {
          Bucket: "amzn-s3-demo-inventory",
          Key: "prefix/manifest.json",
        },
        readerConfig: { InputType: "MANIFEST" as const },
      }),
      inventory(),
    );
    assert.equal(entries.length, 3);
    assert.deepEqual(entries[1]?.value, {
      LastModifiedDate: "2022-11-16T00:29:32.000Z",
      Bucket: "amzn-s3-demo-source-bucket",
      Size: "3399671",
      Key: "csvDataset/titles.csv",
    });
    assert.equal(entries[1]?.source, `S3://amzn-s3-demo-inventory/${manifest.files[0]!.key}`);
  });

  test("ManifestType S3_INVENTORY reads the same way, and MaxItems applies across the data files", async () => {
    const spec = deepFreeze({
      resource: GET,
      arguments: {
        Bucket: "amzn-s3-demo-inventory",
        Key: "prefix/manifest.json",
      },
      readerConfig: { ManifestType: "S3_INVENTORY" as const, MaxItems: 2 },
    });
    assert.deepEqual(
      (await readItems(spec, inventory())).map((i) => (i as { Key: string }).Key),
      ["csvDataset/", "csvDataset/titles.csv"],
    );
  });

  test('an inventory that is not CSV fails ("The output format of your Amazon S3 inventory report must be CSV")', async () => {
    const s3 = new FakeS3().put("inv", "manifest.json", JSON.stringify({ ...manifest, fileFormat: "ORC" }));
    await rejectsStates(
      readItems(
        {
          resource: GET,
          arguments: { Bucket: "inv", Key: "manifest.json" },
          readerConfig: { InputType: "MANIFEST" },
        },
        s3,
      ),
      "States.ItemReaderFailed",
      "must be CSV",
    );
  });

  test("ATHENA_DATA lists data files of InputType (UNLOAD CSV has no header row, so GIVEN headers)", async () => {
    const s3 = new FakeS3()
      .put("results", "q/abc-manifest.csv", "s3://results/q/data-1\ns3://results/q/data-2\n")
      .putGzip("results", "q/data-1", "1,a\n2,b\n")
      .put("results", "q/data-2", "3,c\n");
    const spec = deepFreeze({
      resource: GET,
      arguments: { Bucket: "results", Key: "q/abc-manifest.csv" },
      readerConfig: {
        ManifestType: "ATHENA_DATA" as const,
        InputType: "CSV" as const,
        CSVHeaderLocation: "GIVEN" as const,
        CSVHeaders: ["id", "name"],
      },
    });
    const entries = await readItemEntries(spec, s3);
    assert.deepEqual(
      entries.map((e) => e.value),
      [
        { id: "1", name: "a" },
        { id: "2", name: "b" },
        { id: "3", name: "c" },
      ],
    );
    assert.deepEqual(
      entries.map((e) => e.source),
      ["S3://results/q/data-1", "S3://results/q/data-1", "S3://results/q/data-2"],
    );
  });

  test("ATHENA_DATA with JSONL data files", async () => {
    const s3 = new FakeS3().put("r", "m.csv", "s3://r/d.json\n").put("r", "d.json", '{"x":1}\n{"x":2}\n');
    const spec = {
      resource: GET,
      arguments: { Bucket: "r", Key: "m.csv" },
      readerConfig: {
        ManifestType: "ATHENA_DATA" as const,
        InputType: "JSONL" as const,
      },
    };
    assert.deepEqual(await readItems(spec, s3), [{ x: 1 }, { x: 2 }]);
  });
});

describe("failures are States.ItemReaderFailed", () => {
  test("S3 errors keep their name in the cause", async () => {
    await rejectsStates(readItems(get("missing.json", { InputType: "JSON" }), new FakeS3()), "States.ItemReaderFailed", "NoSuchKey");
    await rejectsStates(readItems({ resource: LIST, arguments: { Bucket: "nope" } }, new FakeS3()), "States.ItemReaderFailed", "NoSuchBucket");
  });

  test("PARQUET is not supported: no maintained Parquet reader is installed", async () => {
    const s3 = new FakeS3().put(BUCKET, "p.parquet", new Uint8Array([0x50, 0x41, 0x52, 0x31, 0, 0]));
    await rejectsStates(readItems(get("p.parquet", { InputType: "PARQUET" }), s3), "States.ItemReaderFailed", "PARQUET is not supported");
  });

  test("malformed requests: no Bucket, no Key, arguments not an object, an unknown resource, no InputType", async () => {
    const s3 = new FakeS3().put(BUCKET, "k", "[]");
    await rejectsStates(readItems({ resource: GET, arguments: { Key: "k" } }, s3), "States.ItemReaderFailed", "Bucket");
    await rejectsStates(readItems({ resource: GET, arguments: { Bucket: BUCKET } }, s3), "States.ItemReaderFailed", "Key");
    await rejectsStates(readItems({ resource: GET, arguments: "k" }, s3), "States.ItemReaderFailed", "object");
    await rejectsStates(
      readItems(
        {
          resource: "arn:aws:states:::s3:putObject",
          arguments: { Bucket: BUCKET, Key: "k" },
        },
        s3,
      ),
      "States.ItemReaderFailed",
      "putObject",
    );
    await rejectsStates(readItems({ resource: GET, arguments: { Bucket: BUCKET, Key: "k" } }, s3), "States.ItemReaderFailed", "InputType");
  });
});
