/** Shapes shared by the Distributed Map modules (ASL-6.8). */
import type { Json } from "../types.js";

export type ReaderInputType = "CSV" | "JSON" | "JSONL" | "MANIFEST" | "PARQUET";

/** `ItemReader.ReaderConfig` after evaluation (MaxItemsPath / JSONata already resolved to `MaxItems`). */
export interface ReaderConfig {
  InputType?: ReaderInputType;
  CSVHeaderLocation?: "FIRST_ROW" | "GIVEN";
  CSVHeaders?: readonly string[];
  CSVDelimiter?: "COMMA" | "PIPE" | "SEMICOLON" | "SPACE" | "TAB";
  MaxItems?: number;
  Transformation?: "NONE" | "LOAD_AND_FLATTEN";
  ManifestType?: "ATHENA_DATA" | "S3_INVENTORY";
  ItemsPointer?: string;
}

/**
 * An evaluated ItemReader: `resource` is `arn:aws:states:::s3:getObject` or `…:s3:listObjectsV2` (the short forms
 * `s3:getObject` / `s3:listObjectsV2` are accepted too); `arguments` is the evaluated Parameters (JSONPath) or
 * Arguments (JSONata) object: `{Bucket, Key, VersionId?, …}` or `{Bucket, Prefix?, …}`.
 */
export interface ItemReaderSpec {
  resource: string;
  arguments: Json;
  readerConfig?: ReaderConfig;
}

/**
 * One item read, with what the context object reports for it (input-output-contextobject.html, stored copy read 2026-11-26):
 * `source` is `$$.Map.Item.Source` (`S3://bucket` for ListObjectsV2 metadata, `S3://bucket/key` for items read from
 * an object) and `key` is `$$.Map.Item.Key` ("Only valid for JSON objects": set when a JSON file holds an object).
 */
export interface ItemEntry {
  value: Json;
  source: string;
  key?: string;
}
