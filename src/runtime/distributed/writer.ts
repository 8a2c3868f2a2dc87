/**
 * ResultWriter of a Distributed Map (ASL-6.8; AWS developer guide, input-output-resultwriter.html, stored copy read
 * 2026-11-26). The field combinations the page documents:
 *
 * - no ResultWriter: the Map's result is the array of child outputs (COMPACT); see `mapResult`.
 * - `WriterConfig` only: "to preview the formatted output, without saving the results to Amazon S3": the result is the
 *   transformed array (`Transformation` defaults to COMPACT, as without a ResultWriter).
 * - `Resource` + `Parameters`/`Arguments` (`{Bucket, Prefix}`), with or without `WriterConfig`: the children's results
 *   are exported under `<Prefix>/<map run id>/` and the Map's result is
 *   `{"MapRunArn": …, "ResultWriterDetails": {"Bucket": …, "Key": "<Prefix>/<map run id>/manifest.json"}}`.
 *   `Transformation` defaults to NONE there ("Default when exporting … and WriterConfig is not specified").
 *
 * Exported files: `SUCCEEDED_n.json` (succeeded children, transformed), `FAILED_n.json` (failed, timed out and aborted
 * children, always as NONE records), `PENDING_n.json` (children never started), and `manifest.json`
 * `{"DestinationBucket", "MapRunArn", "ResultFiles": {"FAILED": [{"Key", "Size"}], "PENDING": […], "SUCCEEDED": […]}}`
 * (the manifest shape AWS writes; the page describes its content: "export location, Map Run ARN, and information about
 * the result files"). A file of OutputType JSON holds one JSON array; JSONL one element per line.
 *
 * Large maps write their results in parts (one per chunk of children, see chunks.ts): part n writes `SUCCEEDED_n`,
 * `FAILED_n` and `PENDING_n` files for the statuses it has, and `writeManifest` lists every part's files in part order.
 * The page numbers files from 0 and starts a new one past 5 GB; here the index is the part's, so an index can be
 * missing for a status a part did not have. Every S3 failure is `States.ResultWriterFailed`. Not pure: it writes to
 * S3 through `S3Writer`.
 */
import { StatesError } from "../errors.js";
import { isJsonObject } from "../json.js";
import type { Json } from "../types.js";
import { transformResults, type ChildResult, type MapRunInfo, type Transformation } from "./results.js";
import type { S3Writer } from "./s3.js";

export interface WriterConfig {
  OutputType?: "JSON" | "JSONL";
  Transformation?: Transformation;
}

/** An evaluated ResultWriter: `arguments` is the evaluated Parameters/Arguments `{Bucket, Prefix}`, absent when only WriterConfig is given. */
export interface ResultWriterSpec {
  arguments?: Json;
  writerConfig?: WriterConfig;
}

export type ResultStatus = "SUCCEEDED" | "FAILED" | "PENDING";

export interface ResultFile {
  Key: string;
  Size: number;
}

/** What one part wrote: small and JSON, so a durable child context can return it through its checkpoint. */
export interface ResultPart {
  files: { [S in ResultStatus]?: ResultFile };
  counts: { [S in ResultStatus]: number };
}

/** The Map's result without a ResultWriter (COMPACT) or with a WriterConfig-only ResultWriter (the preview). */
export function mapResult(results: readonly ChildResult[], run: MapRunInfo, writerConfig?: WriterConfig): Json[] {
  return transformResults(results, writerConfig?.Transformation ?? "COMPACT", run);
}

/** Write every child's results as one part, then the manifest; returns the Map's result. */
export async function writeResults(spec: ResultWriterSpec, results: readonly ChildResult[], s3: S3Writer | undefined, run: MapRunInfo): Promise<Json> {
  if (spec.arguments === undefined) return mapResult(results, run, spec.writerConfig);
  const part = await writeResultPart(spec, 0, results, s3, run);
  return writeManifest(spec, [part], s3, run);
}

/** Write the files of part `index` (a chunk of children, in item order). */
export async function writeResultPart(
  spec: ResultWriterSpec,
  index: number,
  results: readonly ChildResult[],
  s3: S3Writer | undefined,
  run: MapRunInfo,
): Promise<ResultPart> {
  const { bucket, folder } = destination(spec, run);
  const writer = requireWriter(s3);
  const transformation = spec.writerConfig?.Transformation ?? "NONE";
  const jsonl = spec.writerConfig?.OutputType === "JSONL";
  const groups: Record<ResultStatus, ChildResult[]> = {
    SUCCEEDED: [],
    FAILED: [],
    PENDING: [],
  };
  for (const child of results) groups[child.status === "SUCCEEDED" || child.status === "PENDING" ? child.status : "FAILED"].push(child);
  const part: ResultPart = {
    files: {},
    counts: {
      SUCCEEDED: groups.SUCCEEDED.length,
      FAILED: groups.FAILED.length,
      PENDING: groups.PENDING.length,
    },
  };
  for (const status of ["SUCCEEDED", "FAILED", "PENDING"] as const) {
    if (groups[status].length === 0) continue;
    const elements = transformResults(groups[status], status === "SUCCEEDED" ? transformation : "NONE", run);
    const body = jsonl ? elements.map((e) => `${JSON.stringify(e)}\n`).join("") : JSON.stringify(elements);
    const key = `${folder}${status}_${index}.json`;
    await put(writer, bucket, key, body);
    part.files[status] = { Key: key, Size: Buffer.byteLength(body, "utf8") };
  }
  return part;
}

/** Write `manifest.json` listing the parts' files; returns the Map's result `{MapRunArn, ResultWriterDetails}`. */
export async function writeManifest(spec: ResultWriterSpec, parts: readonly ResultPart[], s3: S3Writer | undefined, run: MapRunInfo): Promise<Json> {
  const { bucket, folder } = destination(spec, run);
  const files = (status: ResultStatus): Json[] => parts.flatMap((part) => (part.files[status] ? [{ ...part.files[status] }] : []));
  const manifest = {
    DestinationBucket: bucket,
    MapRunArn: run.mapRunArn,
    ResultFiles: {
      FAILED: files("FAILED"),
      PENDING: files("PENDING"),
      SUCCEEDED: files("SUCCEEDED"),
    },
  };
  const key = `${folder}manifest.json`;
  await put(requireWriter(s3), bucket, key, JSON.stringify(manifest));
  return {
    MapRunArn: run.mapRunArn,
    ResultWriterDetails: { Bucket: bucket, Key: key },
  };
}

/** The bucket and the `<Prefix>/<map run id>/` folder the files go in. */
function destination(spec: ResultWriterSpec, run: MapRunInfo): { bucket: string; folder: string } {
  const args = spec.arguments;
  if (!isJsonObject(args))
    throw new StatesError("States.ResultWriterFailed", `The ResultWriter arguments must be an object, got ${JSON.stringify(args) ?? "nothing"}.`);
  const { Bucket: bucket, Prefix: prefix = "" } = args;
  if (typeof bucket !== "string" || bucket === "") throw new StatesError("States.ResultWriterFailed", "The ResultWriter arguments have no Bucket string.");
  if (typeof prefix !== "string") throw new StatesError("States.ResultWriterFailed", "The ResultWriter Prefix must be a string.");
  const id = run.mapRunArn.slice(run.mapRunArn.lastIndexOf(":") + 1);
  const base = prefix === "" || prefix.endsWith("/") ? prefix : `${prefix}/`;
  return { bucket, folder: `${base}${id}/` };
}

function requireWriter(s3: S3Writer | undefined): S3Writer {
  if (s3 === undefined) throw new StatesError("States.ResultWriterFailed", "The ResultWriter exports to Amazon S3 but no S3 client was given.");
  return s3;
}

async function put(s3: S3Writer, bucket: string, key: string, body: string): Promise<void> {
  try {
    await s3.putObject(bucket, key, body);
  } catch (error) {
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw new StatesError("States.ResultWriterFailed", `Could not write S3://${bucket}/${key}: ${detail}`);
  }
}
