import type { PlanValues } from "./simulate.js";
import { isPlainObject } from "./world.js";

/**
 * A Distributed Map's ItemReader (ASL-6.8) in a plan: the dataset it reads from Amazon S3 is part of the plan (an
 * array of items the processor's demands grow like the input), and the generated test serves it from a stubbed
 * `S3Client.send`. Supported: `s3:getObject` of a JSON, JSONL or CSV file, and `s3:listObjectsV2` (object metadata,
 * or with `Transformation: LOAD_AND_FLATTEN` the objects' items). Manifests and Parquet are not planned.
 */
export type DatasetFormat = "JSON" | "JSONL" | "CSV" | "listing" | "unsupported";

export interface DatasetRead {
  state: string;
  resource: "getObject" | "listObjectsV2";
  bucket: string;
  /** getObject: the object read. */
  key?: string;
  /** listObjectsV2: the prefix listed. */
  prefix?: string;
  format: DatasetFormat;
  /** With `format: "listing"` and LOAD_AND_FLATTEN: the format of each listed object. */
  loads?: Exclude<DatasetFormat, "listing" | "unsupported">;
  /** CSV: the delimiter and whether the header row is in the file (FIRST_ROW) or in the definition (GIVEN). */
  csv?: { delimiter: string; headers?: readonly string[] };
  items: unknown[];
}

const DELIMITERS: Readonly<Record<string, string>> = { COMMA: ",", PIPE: "|", SEMICOLON: ";", SPACE: " ", TAB: "\t" };

/** The key every listed object has in a plan. */
export const LISTED_KEY = "example.json";

/** The metadata item ListObjectsV2 yields for the one object a plan lists (src/runtime/distributed/reader.ts). */
export const LISTED_ITEM = { Etag: '"00000000000000000000000000000000"', Key: LISTED_KEY, LastModified: 1704067200, Size: 2, StorageClass: "STANDARD" };

export function readerRequest(state: string, reader: Readonly<Record<string, unknown>>, request: unknown, values: PlanValues): DatasetRead {
  const resource = String(reader["Resource"] ?? "").endsWith("listObjectsV2") ? "listObjectsV2" : "getObject";
  const config = isPlainObject(reader["ReaderConfig"]) ? reader["ReaderConfig"] : {};
  const args = isPlainObject(request) ? request : {};
  const bucket = typeof args["Bucket"] === "string" ? args["Bucket"] : "";
  const inputType = typeof config["InputType"] === "string" ? config["InputType"] : undefined;
  const fileFormat = inputType === "JSON" || inputType === "JSONL" || inputType === "CSV" ? inputType : undefined;
  const csv =
    fileFormat === "CSV"
      ? {
          delimiter: DELIMITERS[String(config["CSVDelimiter"] ?? "COMMA")] ?? ",",
          ...(config["CSVHeaderLocation"] === "GIVEN" && Array.isArray(config["CSVHeaders"]) ? { headers: config["CSVHeaders"].map(String) } : {}),
        }
      : undefined;
  if (resource === "listObjectsV2") {
    const prefix = typeof args["Prefix"] === "string" ? args["Prefix"] : "";
    if (config["Transformation"] !== "LOAD_AND_FLATTEN") return { state, resource, bucket, prefix, format: "listing", items: [LISTED_ITEM] };
    if (fileFormat === undefined) return { state, resource, bucket, prefix, format: "unsupported", items: [] };
    return { state, resource, bucket, prefix, format: "listing", loads: fileFormat, ...(csv ? { csv } : {}), items: dataset(state, values) };
  }
  const key = typeof args["Key"] === "string" ? args["Key"] : "";
  const manifest = inputType === "MANIFEST" || config["ManifestType"] !== undefined || config["ItemsPointer"] !== undefined;
  if (fileFormat === undefined || manifest) return { state, resource, bucket, key, format: "unsupported", items: [] };
  return { state, resource, bucket, key, format: fileFormat, ...(csv ? { csv } : {}), items: dataset(state, values) };
}

/** The plan's dataset of a Map state: one item to begin with, grown by the processor's demands. */
function dataset(state: string, values: PlanValues): unknown[] {
  if (!Array.isArray(values.datasets[state])) values.world.setRoot(values.datasets, state, [{}], "typed", "items");
  return values.datasets[state] as unknown[];
}

/** The text of an S3 object holding `items` in `format`. */
export function datasetText(format: Exclude<DatasetFormat, "listing" | "unsupported">, items: readonly unknown[], csv?: DatasetRead["csv"]): string {
  switch (format) {
    case "JSON":
      return JSON.stringify(items);
    case "JSONL":
      return items.map((item) => JSON.stringify(item)).join("\n");
    case "CSV": {
      const delimiter = csv?.delimiter ?? ",";
      // A row needs a column: items nothing reads a field of get one, named "value".
      const keys = [...new Set(items.flatMap((item) => (isPlainObject(item) ? Object.keys(item) : [])))];
      const headers = csv?.headers ?? (keys.length > 0 ? keys : ["value"]);
      const fallback = keys.length === 0 && csv?.headers === undefined;
      const cell = (value: unknown): string => {
        const text = typeof value === "string" ? value : value === undefined ? "" : JSON.stringify(value);
        return /[",\r\n|;\t ]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
      };
      const rows = items.map((item) => headers.map((h) => cell(fallback ? "value" : isPlainObject(item) ? item[h] : undefined)).join(delimiter));
      return [...(csv?.headers === undefined ? [headers.map(cell).join(delimiter)] : []), ...rows].join("\n");
    }
  }
}
