/**
 * Text delimited files of a Distributed Map ItemReader (ASL-6.8), parsed by the rules the AWS developer guide lists in
 * "How Step Functions parses input CSV files" (example-csv-parse-dist-map.html, stored copy read 2026-11-26):
 *
 * - the field delimiter is `CSVDelimiter` (COMMA by default); newlines separate records;
 * - fields are strings; double quotes are optional, and a quoted field may hold delimiters and newlines;
 * - a double quote is preserved by repeating it (`""`), inside or outside a quoted field;
 * - a backslash escapes another backslash, a double quote or the delimiter; a backslash before any other character is
 *   silently removed;
 * - a row with fewer fields than the header gets empty strings, extra fields are skipped.
 *
 * Not documented, chosen here: `\r\n` and a lone `\r` end a record like `\n`; an empty line (no character at all) is
 * skipped and the newline ending the file does not start a record; a quote that is never closed fails the read.
 */
import { StatesError } from "../errors.js";
import type { Json } from "../types.js";

/** The characters `CSVDelimiter` names. */
export const CSV_DELIMITERS = {
  COMMA: ",",
  PIPE: "|",
  SEMICOLON: ";",
  SPACE: " ",
  TAB: "\t",
} as const;

export type CsvDelimiterName = keyof typeof CSV_DELIMITERS;

/** Split delimited text into records of fields. Throws `States.ItemReaderFailed` for an unterminated quote. */
export function parseDelimited(text: string, delimiter: string): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let field = "";
  let fieldStarted = false;
  let recordStarted = false;
  let inQuotes = false;
  const endField = (): void => {
    fields.push(field);
    field = "";
    fieldStarted = false;
  };
  const endRecord = (): void => {
    if (recordStarted) {
      endField();
      records.push(fields);
    }
    fields = [];
    field = "";
    fieldStarted = false;
    recordStarted = false;
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    const next = text[i + 1];
    if (c === "\\") {
      recordStarted = fieldStarted = true;
      if (next === "\\" || next === '"' || next === delimiter) {
        field += next;
        i += 2;
      } else {
        i += 1;
      }
    } else if (inQuotes) {
      if (c === '"' && next === '"') {
        field += '"';
        i += 2;
      } else {
        if (c === '"') inQuotes = false;
        else field += c;
        i += 1;
      }
    } else if (c === '"') {
      recordStarted = true;
      if (fieldStarted && next === '"') {
        field += '"';
        i += 2;
      } else {
        inQuotes = fieldStarted = true;
        i += 1;
      }
    } else if (c === delimiter) {
      recordStarted = true;
      endField();
      i += 1;
    } else if (c === "\n" || c === "\r") {
      endRecord();
      i += c === "\r" && next === "\n" ? 2 : 1;
    } else {
      field += c;
      recordStarted = fieldStarted = true;
      i += 1;
    }
  }
  if (inQuotes) throw new StatesError("States.ItemReaderFailed", "The delimited file has a quoted field that is never closed.");
  endRecord();
  return records;
}

/**
 * One item per record: an object keyed by the headers with string values; missing fields are "" and extra fields are
 * dropped. Duplicate headers fail the read ("CSV headers cannot contain duplicates.", the cause LocalStack's
 * AWS-validated test `test_map_item_reader_csv_headers_decl_duplicate_headers` records).
 */
export function recordsToItems(records: readonly string[][], headers: readonly string[]): Json[] {
  if (new Set(headers).size < headers.length) throw new StatesError("States.ItemReaderFailed", "CSV headers cannot contain duplicates.");
  return records.map((record) => Object.fromEntries(headers.map((header, i) => [header, record[i] ?? ""])) as Json);
}
