/**
 * Limits of a Distributed Map (ASL-6.8) as the AWS Step Functions developer guide documents them (pages read
 * 2026-11-26 from stored copies: input-output-itemreader.html, input-output-itembatcher.html, input-output-resultwriter.html).
 */
export const DISTRIBUTED_MAP_LIMITS = {
  /** "You can specify a limit of up to 100,000,000 after which the Distributed Map stops reading items" (ItemReader). */
  maxItems: 100_000_000,
  /** "Step Functions supports CSV headers of up to 10 KiB" (ItemReader, CSVHeaderLocation). */
  csvHeaderBytes: 10 * 1024,
  /** "Specifies the maximum size of a batch in bytes, up to 256 KiB" (ItemBatcher); also the child input limit. */
  batchBytes: 256 * 1024,
} as const;
