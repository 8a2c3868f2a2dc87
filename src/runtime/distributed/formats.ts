/**
 * Items of one S3 object by `ReaderConfig.InputType` (ASL-6.8; AWS developer guide, input-output-itemreader.html,
 * stored copy read 2026-11-26): a JSON file holds an array or an object (or `ItemsPointer` selects one), a JSON Lines file
 * holds one value per line, a text delimited file gives one object of strings per row.
 */
import { getAtPointer } from "../../load/pointer.js";
import { StatesError } from "../errors.js";
import { isJsonObject } from "../json.js";
import type { Json } from "../types.js";
import { objectText, isParquet } from "./content.js";
import { CSV_DELIMITERS, parseDelimited, recordsToItems } from "./csv.js";
import { DISTRIBUTED_MAP_LIMITS } from "./limits.js";
import type { ItemEntry, ReaderConfig } from "./types.js";

/** The items of one object's bytes; `source` is its `S3://bucket/key` URI (also used in failure causes). */
export function parseDataFile(bytes: Uint8Array, source: string, config: ReaderConfig): ItemEntry[] {
  switch (config.InputType) {
    case "JSON":
      return jsonItems(objectText(bytes, source), source, config.ItemsPointer);
    case "JSONL":
      return jsonLinesItems(objectText(bytes, source), source);
    case "CSV":
      return delimitedItems(objectText(bytes, source), config).map((value) => ({
        value,
        source,
      }));
    case "PARQUET":
      throw new StatesError(
        "States.ItemReaderFailed",
        `Cannot read ${source}${isParquet(bytes) ? "" : " (it does not start with the Parquet magic bytes)"}: InputType PARQUET is not supported by the asl2durable runtime, which has no maintained Parquet reader installed. Export the data as CSV, JSON or JSONL.`,
      );
    case "MANIFEST":
    case undefined:
      throw new StatesError(
        "States.ItemReaderFailed",
        `ReaderConfig.InputType ${config.InputType ?? "(missing)"} does not name a data file format for ${source}.`,
      );
  }
}

function jsonItems(text: string, source: string, pointer: string | undefined): ItemEntry[] {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new StatesError("States.ItemReaderFailed", `${source} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  let node = document;
  if (pointer !== undefined) {
    if (pointer !== "" && !pointer.startsWith("/"))
      throw new StatesError("States.ItemReaderFailed", `ItemsPointer ${JSON.stringify(pointer)} is not a JSON pointer.`);
    node = getAtPointer(document, pointer);
    if (node === undefined) throw new StatesError("States.ItemReaderFailed", `ItemsPointer ${JSON.stringify(pointer)} selects nothing in ${source}.`);
  }
  if (Array.isArray(node)) return (node as Json[]).map((value) => ({ value, source }));
  // "The JSON file must contain an array or JSON object" (ItemReader page); an object iterates over its key-value pairs.
  if (isJsonObject(node))
    return Object.entries(node).map(([key, value]) => ({
      value: value as Json,
      source,
      key,
    }));
  // The cause LocalStack's AWS-validated ItemReader JSON tests record for a file that holds neither.
  throw new StatesError("States.ItemReaderFailed", "Attempting to map over non-iterable node.");
}

function jsonLinesItems(text: string, source: string): ItemEntry[] {
  const entries: ItemEntry[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === "") return;
    try {
      entries.push({ value: JSON.parse(line) as Json, source });
    } catch (error) {
      throw new StatesError(
        "States.ItemReaderFailed",
        `Line ${index + 1} of ${source} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  });
  return entries;
}

/** Rows of a text delimited file as objects (the header is the first row unless `CSVHeaderLocation` is GIVEN). */
export function delimitedItems(text: string, config: ReaderConfig, givenHeaders?: readonly string[]): Json[] {
  const delimiter = CSV_DELIMITERS[config.CSVDelimiter ?? "COMMA"];
  const records = parseDelimited(text, delimiter);
  const headers = config.CSVHeaderLocation === "GIVEN" ? config.CSVHeaders : (givenHeaders ?? records.shift());
  if (config.CSVHeaderLocation === "GIVEN" && headers === undefined) {
    throw new StatesError("States.ItemReaderFailed", "CSVHeaderLocation is GIVEN but ReaderConfig has no CSVHeaders.");
  }
  if (headers === undefined) return [];
  if (Buffer.byteLength(headers.join(delimiter), "utf8") > DISTRIBUTED_MAP_LIMITS.csvHeaderBytes) {
    throw new StatesError("States.ItemReaderFailed", `The CSV header exceeds the ${DISTRIBUTED_MAP_LIMITS.csvHeaderBytes} bytes Step Functions supports.`);
  }
  return recordsToItems(records, headers);
}
