/**
 * ItemReader of a Distributed Map (ASL-6.8): the dataset a Map iterates over, read from Amazon S3. Behaviour follows
 * the AWS developer guide's ItemReader page (input-output-itemreader.html, stored copy read 2026-11-26, "updated Sep 11,
 * 2025"):
 *
 * - `s3:listObjectsV2` iterates over object metadata, one item per object of every page:
 *   `{"Etag", "Key", "LastModified" (epoch seconds), "Size", "StorageClass"}` (the page's child input example);
 *   with `Transformation: LOAD_AND_FLATTEN` it reads every listed object with `InputType` and iterates over their
 *   items instead.
 * - `s3:getObject` reads one object as `InputType` JSON, JSONL or CSV (see formats.ts), or a manifest: `MANIFEST` /
 *   `ManifestType: S3_INVENTORY` (an S3 inventory) or `ManifestType: ATHENA_DATA` (see manifests.ts).
 * - `MaxItems` keeps the first N items ("the interpreter passes only 100 rows"); 0 or absent means the 100,000,000 cap
 *   and larger values are clipped to it (LocalStack's AWS-validated `test_map_item_reader_csv_max_items*`); a negative
 *   or fractional value fails with "field MaxItems must be positive".
 *
 * Every failure, S3 errors included, is `States.ItemReaderFailed` ("A Map state failed to read all items as specified
 * by the ItemReader field", ASL spec Appendix A). Not a pure function: it performs S3 reads through `S3Access`.
 */
import { StatesError } from "../errors.js";
import { isJsonObject } from "../json.js";
import type { Json } from "../types.js";
import { parseDataFile } from "./formats.js";
import { DISTRIBUTED_MAP_LIMITS } from "./limits.js";
import { athenaItems, inventoryItems } from "./manifests.js";
import type { S3Access, S3Extra, S3ObjectSummary } from "./s3.js";
import type { ItemEntry, ItemReaderSpec, ReaderConfig } from "./types.js";

/** The items of the dataset, in order. */
export async function readItems(reader: ItemReaderSpec, s3: S3Access): Promise<Json[]> {
  return (await readItemEntries(reader, s3)).map((entry) => entry.value);
}

/** The items with their `$$.Map.Item.Source` (and `Key` for a JSON object's members). */
export async function readItemEntries(reader: ItemReaderSpec, s3: S3Access): Promise<ItemEntry[]> {
  const config = reader.readerConfig ?? {};
  const maxItems = maxItemsOf(config.MaxItems);
  const { bucket, rest } = requestOf(reader.arguments);
  if (reader.resource.endsWith("s3:listObjectsV2")) return listItems(s3, bucket, rest, config, maxItems);
  if (reader.resource.endsWith("s3:getObject")) return objectItems(s3, bucket, rest, config, maxItems);
  throw new StatesError("States.ItemReaderFailed", `The ItemReader resource ${JSON.stringify(reader.resource)} is neither s3:getObject nor s3:listObjectsV2.`);
}

/** `MaxItems` as a count: absent or 0 = the documented cap, larger values clipped to it. */
export function maxItemsOf(value: number | undefined): number {
  if (value === undefined || value === 0) return DISTRIBUTED_MAP_LIMITS.maxItems;
  if (!Number.isInteger(value) || value < 0) throw new StatesError("States.ItemReaderFailed", "field MaxItems must be positive");
  return Math.min(value, DISTRIBUTED_MAP_LIMITS.maxItems);
}

function requestOf(args: Json): { bucket: string; rest: Record<string, Json> } {
  if (!isJsonObject(args)) throw new StatesError("States.ItemReaderFailed", `The ItemReader arguments must be an object, got ${JSON.stringify(args)}.`);
  const { Bucket: bucket, ...rest } = args as Record<string, Json>;
  if (typeof bucket !== "string" || bucket === "") throw new StatesError("States.ItemReaderFailed", "The ItemReader arguments have no Bucket string.");
  return { bucket, rest };
}

async function objectItems(s3: S3Access, bucket: string, rest: Record<string, Json>, config: ReaderConfig, maxItems: number): Promise<ItemEntry[]> {
  const { Key: key, ...extra } = rest;
  if (typeof key !== "string" || key === "") throw new StatesError("States.ItemReaderFailed", "The s3:getObject ItemReader arguments have no Key string.");
  const source = `S3://${bucket}/${key}`;
  const bytes = await fetchObject(s3, bucket, key, extra);
  // Data files a manifest lists are read without the manifest's VersionId and other GetObject fields.
  const fetch = (dataBucket: string, dataKey: string): Promise<Uint8Array> => fetchObject(s3, dataBucket, dataKey, {});
  const manifestType = config.ManifestType ?? (config.InputType === "MANIFEST" ? "S3_INVENTORY" : undefined);
  if (manifestType === "S3_INVENTORY") return inventoryItems(bytes, bucket, source, config, maxItems, fetch);
  if (manifestType === "ATHENA_DATA") return athenaItems(bytes, source, config, maxItems, fetch);
  return parseDataFile(bytes, source, config).slice(0, maxItems);
}

async function listItems(s3: S3Access, bucket: string, rest: Record<string, Json>, config: ReaderConfig, maxItems: number): Promise<ItemEntry[]> {
  const { Prefix: prefix, ...extra } = rest;
  if (prefix !== undefined && typeof prefix !== "string") throw new StatesError("States.ItemReaderFailed", "The s3:listObjectsV2 Prefix must be a string.");
  const load = config.Transformation === "LOAD_AND_FLATTEN";
  if (load && (config.InputType === undefined || config.InputType === "MANIFEST")) {
    throw new StatesError("States.ItemReaderFailed", "Transformation LOAD_AND_FLATTEN needs InputType CSV, JSON, JSONL or PARQUET.");
  }
  const entries: ItemEntry[] = [];
  let token: string | undefined;
  do {
    const page = await listPage(s3, bucket, prefix, token, extra);
    for (const object of page.contents) {
      if (entries.length >= maxItems) return entries;
      if (!load) {
        entries.push({ value: metadataItem(object), source: `S3://${bucket}` });
      } else if (!object.Key.endsWith("/")) {
        // A key ending in "/" is a folder marker the S3 console creates: it holds no data to load.
        const source = `S3://${bucket}/${object.Key}`;
        const items = parseDataFile(await fetchObject(s3, bucket, object.Key, {}), source, config);
        entries.push(...items.slice(0, maxItems - entries.length));
      }
    }
    token = page.nextContinuationToken;
  } while (token !== undefined && entries.length < maxItems);
  return entries;
}

/** The child input for one ListObjectsV2 object, as the ItemReader page shows it (note `Etag`, not `ETag`). */
export function metadataItem(object: S3ObjectSummary): Json {
  const item: Record<string, Json> = {};
  if (object.ETag !== undefined) item.Etag = object.ETag;
  item.Key = object.Key;
  if (object.LastModified !== undefined) item.LastModified = epochSeconds(object.LastModified);
  if (object.Size !== undefined) item.Size = object.Size;
  if (object.StorageClass !== undefined) item.StorageClass = object.StorageClass;
  return item;
}

function epochSeconds(value: Date | string | number): number {
  if (typeof value === "number") return value;
  const millis = value instanceof Date ? value.getTime() : Date.parse(value);
  return Math.floor(millis / 1000);
}

async function fetchObject(s3: S3Access, bucket: string, key: string, extra: S3Extra): Promise<Uint8Array> {
  try {
    return await s3.getObject(bucket, key, extra);
  } catch (error) {
    throw s3Failure(error, `read S3://${bucket}/${key}`);
  }
}

async function listPage(
  s3: S3Access,
  bucket: string,
  prefix: string | undefined,
  token: string | undefined,
  extra: S3Extra,
): Promise<{ contents: S3ObjectSummary[]; nextContinuationToken?: string }> {
  try {
    return await s3.listObjects(bucket, prefix, token, extra);
  } catch (error) {
    throw s3Failure(error, `list S3://${bucket}/${prefix ?? ""}`);
  }
}

function s3Failure(error: unknown, what: string): StatesError {
  if (error instanceof StatesError) return error;
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new StatesError("States.ItemReaderFailed", `Could not ${what}: ${detail}`);
}
