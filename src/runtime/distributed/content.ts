/**
 * The bytes of an S3 object as text. The ItemReader page of the AWS developer guide (stored copy read 2026-11-26) says input
 * files "support the following external compression types: GZIP, ZSTD" (for example `myObject.jsonl.gz`,
 * `myObject.csv.zstd`), and S3 inventory data files are `.csv.gz`. Compression is recognised here by its magic bytes
 * rather than the key's extension, so a renamed file still reads; plain UTF-8 text can never start with either magic.
 */
import * as zlib from "node:zlib";
import { StatesError } from "../errors.js";

const GZIP_MAGIC = [0x1f, 0x8b];
const ZSTD_MAGIC = [0x28, 0xb5, 0x2f, 0xfd];
const PARQUET_MAGIC = [0x50, 0x41, 0x52, 0x31]; // "PAR1"

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/** Does the object hold an Apache Parquet file ("PAR1" at the start)? */
export function isParquet(bytes: Uint8Array): boolean {
  return startsWith(bytes, PARQUET_MAGIC);
}

/** Decompress gzip or zstd content; other content is returned as it is. `where` names the object in a failure. */
export function decompress(bytes: Uint8Array, where: string): Uint8Array {
  try {
    if (startsWith(bytes, GZIP_MAGIC)) return zlib.gunzipSync(bytes);
    if (startsWith(bytes, ZSTD_MAGIC)) {
      // node:zlib has zstd from Node 22.15 / 23.8 on (the durable functions runtimes are nodejs22.x and nodejs24.x).
      const zstd = (zlib as { zstdDecompressSync?: (data: Uint8Array) => Uint8Array }).zstdDecompressSync;
      if (zstd === undefined) throw new Error("this Node.js version has no zstd decompression (node:zlib zstdDecompressSync)");
      return zstd(bytes);
    }
  } catch (error) {
    throw new StatesError("States.ItemReaderFailed", `Could not decompress ${where}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return bytes;
}

/** Decompressed UTF-8 text; TextDecoder drops a leading byte order mark. */
export function objectText(bytes: Uint8Array, where: string): string {
  return new TextDecoder("utf-8").decode(decompress(bytes, where));
}
