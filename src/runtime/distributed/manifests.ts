/**
 * ItemReader manifests (ASL-6.8; AWS developer guide, input-output-itemreader.html, stored copy read 2026-11-26):
 *
 * - an Amazon S3 inventory `manifest.json` (`InputType: MANIFEST`, or `ManifestType: S3_INVENTORY`): its `files` are
 *   gzip CSV data files in the `destinationBucket`, without a header row; the columns are named by `fileSchema`
 *   ("Bucket, Key, Size, LastModifiedDate"); every value stays a string. "The output format of your Amazon S3 inventory
 *   report must be CSV."
 * - an Athena UNLOAD manifest (`ManifestType: ATHENA_DATA`): "a structured CSV list of the data files", one S3 URI a
 *   line, all in the same `InputType` (CSV, JSONL or PARQUET); UNLOAD's CSV files have no header row, so such a reader
 *   usually sets `CSVHeaderLocation: GIVEN`.
 *
 * `$$.Map.Item.Source` of each item is the URI of the data file it came from.
 */
import { StatesError } from "../errors.js";
import { isJsonObject } from "../json.js";
import { objectText } from "./content.js";
import { delimitedItems, parseDataFile } from "./formats.js";
import { parseDelimited } from "./csv.js";
import type { ItemEntry, ReaderConfig } from "./types.js";

/** Read one object's bytes; the reader wraps S3 failures. */
export type FetchObject = (bucket: string, key: string) => Promise<Uint8Array>;

/** Items of every data file an S3 inventory manifest lists, stopping once `maxItems` are read. */
export async function inventoryItems(
  manifestBytes: Uint8Array,
  manifestBucket: string,
  source: string,
  config: ReaderConfig,
  maxItems: number,
  fetch: FetchObject,
): Promise<ItemEntry[]> {
  let manifest: unknown;
  try {
    manifest = JSON.parse(objectText(manifestBytes, source));
  } catch (error) {
    if (error instanceof StatesError) throw error;
    throw new StatesError(
      "States.ItemReaderFailed",
      `${source} is not a valid S3 inventory manifest: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (!isJsonObject(manifest) || !Array.isArray(manifest.files)) {
    throw new StatesError("States.ItemReaderFailed", `${source} is not an S3 inventory manifest (it has no "files" array).`);
  }
  if (manifest.fileFormat !== "CSV") {
    throw new StatesError(
      "States.ItemReaderFailed",
      `The output format of the S3 inventory report must be CSV, but ${source} has fileFormat ${JSON.stringify(manifest.fileFormat)}.`,
    );
  }
  const schema = typeof manifest.fileSchema === "string" ? manifest.fileSchema.split(",").map((name) => name.trim()) : undefined;
  if (schema === undefined && config.CSVHeaderLocation !== "GIVEN") {
    throw new StatesError("States.ItemReaderFailed", `${source} has no fileSchema to name the inventory columns.`);
  }
  const bucket = typeof manifest.destinationBucket === "string" ? manifest.destinationBucket.replace(/^arn:[^:]+:s3:::/, "") : manifestBucket;
  const csv: ReaderConfig = {
    ...config,
    CSVHeaderLocation: config.CSVHeaderLocation === "GIVEN" ? "GIVEN" : "FIRST_ROW",
  };
  const entries: ItemEntry[] = [];
  for (const file of manifest.files) {
    if (entries.length >= maxItems) break;
    if (!isJsonObject(file) || typeof file.key !== "string") throw new StatesError("States.ItemReaderFailed", `${source} lists a file without a "key".`);
    const dataSource = `S3://${bucket}/${file.key}`;
    const rows = delimitedItems(objectText(await fetch(bucket, file.key), dataSource), csv, schema);
    for (const value of rows.slice(0, maxItems - entries.length)) entries.push({ value, source: dataSource });
  }
  return entries;
}

/** Items of every data file an Athena UNLOAD manifest lists, stopping once `maxItems` are read. */
export async function athenaItems(manifestBytes: Uint8Array, source: string, config: ReaderConfig, maxItems: number, fetch: FetchObject): Promise<ItemEntry[]> {
  if (config.InputType !== "CSV" && config.InputType !== "JSONL" && config.InputType !== "PARQUET") {
    throw new StatesError("States.ItemReaderFailed", `ManifestType ATHENA_DATA needs InputType CSV, JSONL or PARQUET, not ${config.InputType ?? "(missing)"}.`);
  }
  const uris = parseDelimited(objectText(manifestBytes, source), ",")
    .map((record) => (record[0] ?? "").trim())
    .filter((uri) => uri !== "");
  const entries: ItemEntry[] = [];
  for (const uri of uris) {
    if (entries.length >= maxItems) break;
    const match = /^s3:\/\/([^/]+)\/(.+)$/i.exec(uri);
    if (match === null) throw new StatesError("States.ItemReaderFailed", `${source} lists ${JSON.stringify(uri)}, which is not an S3 URI.`);
    const [, bucket = "", key = ""] = match;
    const dataSource = `S3://${bucket}/${key}`;
    const items = parseDataFile(await fetch(bucket, key), dataSource, config);
    entries.push(...items.slice(0, maxItems - entries.length));
  }
  return entries;
}
