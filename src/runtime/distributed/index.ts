/**
 * Distributed Map (ASL-6.8) building blocks for generated handlers: read the dataset (ItemReader), group it into child
 * inputs (ItemBatcher), plan the durable chunks, and export or shape the results (ResultWriter).
 */
export { readItems, readItemEntries, maxItemsOf, metadataItem } from "./reader.js";
export type { ItemEntry, ItemReaderSpec, ReaderConfig, ReaderInputType } from "./types.js";
export { s3Access, s3Writer, type S3Access, type S3Writer, type S3ClientLike, type S3Extra, type S3ListPage, type S3ObjectSummary } from "./s3.js";
export { parseDelimited, recordsToItems, CSV_DELIMITERS, type CsvDelimiterName } from "./csv.js";
export { batchItems, type BatchSpec } from "./batcher.js";
export { planChunks, estimateOperations, DURABLE_LIMITS, DEFAULT_MAX_ITEMS_PER_CHUNK, type Chunk } from "./chunks.js";
export { DISTRIBUTED_MAP_LIMITS } from "./limits.js";
export {
  executionRecord,
  executionArn,
  transformResults,
  type ChildResult,
  type SucceededChild,
  type FailedChild,
  type PendingChild,
  type MapRunInfo,
  type Transformation,
} from "./results.js";
export {
  mapResult,
  writeResults,
  writeResultPart,
  writeManifest,
  type ResultWriterSpec,
  type WriterConfig,
  type ResultPart,
  type ResultFile,
  type ResultStatus,
} from "./writer.js";
