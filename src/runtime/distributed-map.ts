import type { BatchResult, DurableContext } from "@aws/durable-execution-sdk-js";
import { retryPresets } from "@aws/durable-execution-sdk-js";
import { defaultClientCache, type ClientClass, type CommandClass } from "./aws/clients.js";
import { finish, jsonataItems, mapLimits, type MapOptions } from "./batch.js";
import {
  batchItems,
  planChunks,
  readItemEntries,
  s3Access,
  s3Writer,
  writeResultPart,
  writeManifest,
  mapResult,
  type ChildResult,
  type ItemEntry,
  type MapRunInfo,
  type ReaderConfig,
  type ResultPart,
  type WriterConfig,
} from "./distributed/index.js";
import { withPlaceholderValues } from "./deploy-time.js";
import { StatesError, aslError } from "./errors.js";
import type { Run } from "./execution.js";
import { effectiveInput, jsonataScope, outerRoots } from "./flow.js";
import { evaluateJsonata, usesNondeterminism } from "./jsonata/template.js";
import { selectPath } from "./jsonpath.js";
import { readJsonataNumber, readNumber } from "./numbers.js";
import { templateUsesRandom } from "./random.js";
import { withRetries } from "./retrying.js";
import { evaluateTemplate } from "./template.js";
import type { Json } from "./types.js";
import { variables } from "./variables.js";

/**
 * A Distributed Map (ASL-6.8) as durable code. Step Functions runs each item as a child workflow execution of a Map
 * Run; here each item runs as a child context of the function's own durable execution:
 *
 * 1. items: `ItemReader` reads the dataset from S3 in one durable step (checkpointed, so replays do not read it again);
 *    otherwise ItemsPath / Items, as an inline Map;
 * 2. `ItemSelector` per item (with `$$.Map.Item.Index`, `Value`, and `Source`/`Key` for dataset items), then
 *    `ItemBatcher` groups the selected items into child inputs `{Items, BatchInput}`;
 * 3. children run in chunks of at most 1,000 (one child context per chunk, `context.map` inside), so no single
 *    operation lists every child; the processor cannot read the Map's variables (ASL-8: a fresh scope);
 * 4. failures are counted against ToleratedFailureCount / ToleratedFailurePercentage (default 0): beyond them the state
 *    fails with `States.ExceedToleratedFailureThreshold`;
 * 5. `ResultWriter` writes the results to S3 (one part per chunk, then the manifest) and the state's result is the
 *    export summary; without it, the outputs in item order.
 *
 * Limits (durable-sdk.md §2): a checkpoint holds 256 KiB, so the dataset an ItemReader reads must fit in one step's
 * result, and an execution holds 25,000 operations — about a dozen thousand single-step items. The transpiler warns
 * where a definition can go beyond them (ASL9xx). EXPRESS child executions run the same way (the durable execution
 * gives them exactly-once steps, stronger than Express's at-least-once).
 */
export interface DistributedMapOptions extends MapOptions {
  /** Names the child executions (AWS: the Map Run's label); default the state name. */
  label?: string;
  /** The ItemReader as written: `{ Resource, Parameters | Arguments, ReaderConfig }`. */
  itemReader?: Readonly<Record<string, unknown>>;
  /** The ItemBatcher as written: MaxItemsPerBatch(Path), MaxInputBytesPerBatch(Path), BatchInput. */
  itemBatcher?: Readonly<Record<string, unknown>>;
  /** The ResultWriter as written: `{ Resource?, Parameters | Arguments, WriterConfig? }`. */
  resultWriter?: Readonly<Record<string, unknown>>;
  /** Deploy-time placeholders (`${Name}`) in the ItemReader, ItemBatcher or ResultWriter, replaced when the state runs. */
  placeholders?: readonly string[];
  /** The S3 classes the module imports for its ItemReader and ResultWriter (`@aws-sdk/client-s3`). */
  s3?: { Client: ClientClass; GetObject?: CommandClass; ListObjectsV2?: CommandClass; PutObject?: CommandClass };
}

/** How one child ended: its output, or its ASL error. */
type ChildOutcome = { ok: true; output: Json } | { ok: false; error: string; cause: string };

/** Items per chunk: one child context per chunk keeps every operation's child list bounded. */
const CHUNK = 1000;

export async function distributedMap(run: Run, ctx: DurableContext, input: Json, given: DistributedMapOptions): Promise<Json> {
  const options = withPlaceholderValues(run, given, ["itemReader", "itemBatcher", "resultWriter"]);
  const { state } = options;
  const label = options.label ?? state;
  const limits = await mapLimits(run, input, options);
  const raw = await withRetries(ctx, state, options.retry ?? [], async (retryCount) => {
    const jsonata = options.queryLanguage === "JSONata";
    const selected = jsonata ? input : effectiveInput(run, input, { state, inputPath: options.inputPath, vars: options.vars }, retryCount);
    const entries = await readEntries(run, ctx, input, selected, options, retryCount);
    // ItemSelector and BatchInput that draw random values (States.UUID, $uuid(), $now()…) are evaluated in a step.
    const nondeterministic = jsonata
      ? usesNondeterminism(options.itemSelector) || usesNondeterminism(options.itemBatcher)
      : templateUsesRandom(options.itemSelector) || templateUsesRandom(options.itemBatcher?.["BatchInput"]);
    const inputs = nondeterministic
      ? await ctx.step(`${state} (child inputs)`, async () => childInputsOf(run, input, selected, entries, options))
      : await childInputsOf(run, input, selected, entries, options);
    const startDate = await ctx.step(`${state} (started)`, async () => new Date().toISOString());
    const outcomes = await runChildren(run, ctx, label, inputs, entries, options, limits.maxConcurrency);
    const stopDate = await ctx.step(`${state} (stopped)`, async () => new Date().toISOString());
    checkTolerance(state, outcomes, limits.toleratedFailureCount, limits.toleratedFailurePercentage);
    const mapRun = mapRunInfo(run, label);
    const children: ChildResult[] = outcomes.map((o, i) =>
      o.ok
        ? { status: "SUCCEEDED", name: `${label}-${i}`, input: inputs[i] ?? null, output: o.output, startDate, stopDate }
        : { status: "FAILED", name: `${label}-${i}`, input: inputs[i] ?? null, error: o.error, cause: o.cause, startDate, stopDate },
    );
    return writeOrShape(run, ctx, input, selected, children, options, mapRun);
  });
  return finish(run, ctx, input, raw, options);
}

/** The dataset (ItemReader, in one step) or the items of the input (ItemsPath / Items). */
async function readEntries(run: Run, ctx: DurableContext, input: Json, selected: Json, options: DistributedMapOptions, retryCount: number): Promise<ItemEntry[]> {
  const { state, itemReader } = options;
  if (itemReader === undefined) {
    const items =
      options.queryLanguage === "JSONata"
        ? await jsonataItems(run, ctx, input, options, retryCount)
        : selectPath(options.itemsPath ?? "$", { ...outerRoots(run, options, retryCount), input: selected }, "ItemsPath");
    if (!Array.isArray(items)) throw new StatesError("States.Runtime", `Map state ${JSON.stringify(state)}: ItemsPath must select an array, got ${JSON.stringify(items)}`);
    return items.map((value) => ({ value, source: "" }));
  }
  const args = await fieldValue(run, input, selected, options, itemReader, "ItemReader");
  const readerConfig = await readerConfigOf(run, input, selected, options, itemReader);
  const s3 = options.s3;
  if (s3?.GetObject === undefined || s3.ListObjectsV2 === undefined) throw new StatesError("States.ItemReaderFailed", `Map state ${JSON.stringify(state)}: no S3 client to read items with`);
  const client = defaultClientCache().client(s3.Client);
  const access = s3Access(client, { GetObjectCommand: s3.GetObject as never, ListObjectsV2Command: s3.ListObjectsV2 as never });
  return ctx.step(
    `${state} (item reader)`,
    async () => {
      try {
        return await readItemEntries({ resource: String(itemReader["Resource"]), arguments: args, readerConfig }, access);
      } catch (e) {
        throw e instanceof StatesError ? e : new StatesError("States.ItemReaderFailed", e instanceof Error ? e.message : String(e));
      }
    },
    { retryStrategy: retryPresets.noRetry },
  );
}

/** ItemReader/ResultWriter Parameters (JSONPath template on the effective input) or Arguments (JSONata). */
async function fieldValue(run: Run, input: Json, selected: Json, options: DistributedMapOptions, field: Readonly<Record<string, unknown>>, name: string): Promise<Json> {
  if (options.queryLanguage === "JSONata") {
    return field["Arguments"] === undefined ? {} : evaluateJsonata(field["Arguments"], jsonataScope(run, input, options), { state: options.state, field: `${name}.Arguments` });
  }
  return field["Parameters"] === undefined ? {} : (evaluateTemplate(field["Parameters"], { ...outerRoots(run, options), input: selected }, `${name}.Parameters`) as Json);
}

/** ReaderConfig with MaxItems resolved from MaxItemsPath or an expression. */
async function readerConfigOf(run: Run, input: Json, selected: Json, options: DistributedMapOptions, itemReader: Readonly<Record<string, unknown>>): Promise<ReaderConfig | undefined> {
  const config = itemReader["ReaderConfig"] as Record<string, unknown> | undefined;
  if (config === undefined) return undefined;
  const { MaxItemsPath: path, MaxItems: value, ...rest } = config;
  const maxItems = await numberField(run, input, selected, options, "MaxItems", value, path);
  return { ...(rest as ReaderConfig), ...(maxItems !== undefined ? { MaxItems: maxItems } : {}) };
}

/** A numeric field of ItemReader/ItemBatcher: literal, `…Path` on the effective input (JSONPath) or expression. */
async function numberField(run: Run, input: Json, selected: Json, options: DistributedMapOptions, field: string, value: unknown, path: unknown): Promise<number | undefined> {
  if (options.queryLanguage === "JSONata") return readJsonataNumber(jsonataScope(run, input, options), options.state, field, value as number | string | undefined, "integer", { min: 0 });
  return readNumber(run, options.state, selected, field, { value: value as number | undefined, path: path as string | undefined }, "integer", { min: 0 }, options.vars);
}

/** ItemSelector per item, then ItemBatcher: the child inputs, in item order. */
async function childInputsOf(run: Run, input: Json, selected: Json, entries: readonly ItemEntry[], options: DistributedMapOptions): Promise<Json[]> {
  const jsonata = options.queryLanguage === "JSONata";
  const items: Json[] = [];
  for (const [index, entry] of entries.entries()) {
    if (options.itemSelector === undefined) {
      items.push(entry.value);
      continue;
    }
    const itemRun = run.forItem(index, entry.value, entry.source === "" ? undefined : { Source: entry.source, ...(entry.key !== undefined ? { Key: entry.key } : {}) });
    items.push(
      jsonata
        ? await evaluateJsonata(options.itemSelector, jsonataScope(itemRun, input, options), { state: options.state, field: "ItemSelector" })
        : (evaluateTemplate(options.itemSelector, { ...outerRoots(itemRun, options), input: selected }, "ItemSelector") as Json),
    );
  }
  const batcher = options.itemBatcher;
  if (batcher === undefined) return items;
  const batchInput = batcher["BatchInput"] === undefined ? undefined : await batchInputOf(run, input, selected, options, batcher["BatchInput"]);
  return batchItems(items, {
    ...optional("maxItemsPerBatch", await numberField(run, input, selected, options, "MaxItemsPerBatch", batcher["MaxItemsPerBatch"], batcher["MaxItemsPerBatchPath"])),
    ...optional("maxInputBytesPerBatch", await numberField(run, input, selected, options, "MaxInputBytesPerBatch", batcher["MaxInputBytesPerBatch"], batcher["MaxInputBytesPerBatchPath"])),
    ...(batchInput !== undefined ? { batchInput } : {}),
  });
}

function optional<K extends string>(key: K, value: number | undefined): { [P in K]?: number } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: number };
}

async function batchInputOf(run: Run, input: Json, selected: Json, options: DistributedMapOptions, value: unknown): Promise<Json> {
  if (options.queryLanguage === "JSONata") return evaluateJsonata(value, jsonataScope(run, input, options), { state: options.state, field: "ItemBatcher/BatchInput" });
  return evaluateTemplate(value, { ...outerRoots(run, options), input: selected }, "BatchInput") as Json;
}

/**
 * The children, in chunks of at most CHUNK items: a single chunk is one `context.map`; more are a `context.map` over
 * chunks whose items run in a `context.map` of their own. Each child gets a fresh variable scope (ASL-8).
 */
async function runChildren(run: Run, ctx: DurableContext, label: string, inputs: readonly Json[], entries: readonly ItemEntry[], options: DistributedMapOptions, maxConcurrency: number | undefined): Promise<ChildOutcome[]> {
  const child = async (c: DurableContext, item: Json, index: number): Promise<Json> => {
    const entry = entries[index];
    const itemRun = run.forItem(index, entry?.value ?? item, entry === undefined || entry.source === "" ? undefined : { Source: entry.source, ...(entry.key !== undefined ? { Key: entry.key } : {}) });
    return options.iteration(c, itemRun, item, variables());
  };
  // Every child runs to its end; the tolerance is applied to the counts afterwards.
  const runAll = { toleratedFailurePercentage: 100 };
  const concurrency = maxConcurrency ? { maxConcurrency } : {};
  const chunks = planChunks(inputs.length, { maxItemsPerChunk: CHUNK });
  if (chunks.length <= 1) {
    const batch = await ctx.map(label, [...inputs], child, { ...concurrency, completionConfig: runAll, itemNamer: (_item: Json, i: number) => `${label} [${i}]` });
    return outcomesOf(batch);
  }
  const batch = await ctx.map(
    `${label} (chunks)`,
    chunks,
    async (c: DurableContext, chunk) => {
      const part = await c.map(`${label} [${chunk.start}-${chunk.end - 1}]`, inputs.slice(chunk.start, chunk.end), (cc: DurableContext, item: Json, i: number) => child(cc, item, chunk.start + i), {
        ...concurrency,
        completionConfig: runAll,
        itemNamer: (_item: Json, i: number) => `${label} [${chunk.start + i}]`,
      });
      return outcomesOf(part) as unknown as Json;
    },
    { ...(maxConcurrency ? { maxConcurrency: 1 } : {}), itemNamer: (chunk: { start: number; end: number }) => `${label} [${chunk.start}-${chunk.end - 1}]` },
  );
  return batch.all.flatMap((r) => {
    if (r.status !== "SUCCEEDED") throw aslErrorOf(r.error);
    return r.result as unknown as ChildOutcome[];
  });
}

function outcomesOf(batch: BatchResult<Json>): ChildOutcome[] {
  return batch.all.map((r): ChildOutcome => {
    if (r.status === "SUCCEEDED") return { ok: true, output: (r.result ?? null) as Json };
    const e = aslError(r.error);
    return { ok: false, error: e.Error, cause: e.Cause };
  });
}

function aslErrorOf(error: unknown): StatesError {
  const e = aslError(error);
  return new StatesError(e.Error, e.Cause);
}

/**
 * ToleratedFailureCount / ToleratedFailurePercentage (ASL-6.8): the state fails with
 * `States.ExceedToleratedFailureThreshold` when the failures exceed either; with neither, the tolerance is 0.
 */
function checkTolerance(state: string, outcomes: readonly ChildOutcome[], count: number | undefined, percentage: number | undefined): void {
  const failed = outcomes.filter((o) => !o.ok).length;
  if (failed === 0) return;
  const rate = (failed / outcomes.length) * 100;
  const exceeded = count === undefined && percentage === undefined ? true : (count !== undefined && failed > count) || (percentage !== undefined && rate > percentage);
  if (exceeded) {
    throw new StatesError("States.ExceedToleratedFailureThreshold", `The specified tolerated failure threshold was exceeded: ${failed} of ${outcomes.length} child executions of Map state ${JSON.stringify(state)} failed`);
  }
}

/** The Map Run's ARN and the children's state machine ARN, derived from the execution (ResultWriter records). */
function mapRunInfo(run: Run, label: string): MapRunInfo {
  const machine = run.execution.stateMachine.id;
  return { mapRunArn: `${machine.replace(":stateMachine:", ":mapRun:")}/${label}:${run.execution.name}`, stateMachineArn: `${machine}/${label}` };
}

/** With a ResultWriter that exports: one part per chunk (each in a step), then the manifest; else the outputs. */
async function writeOrShape(run: Run, ctx: DurableContext, input: Json, selected: Json, children: readonly ChildResult[], options: DistributedMapOptions, mapRun: MapRunInfo): Promise<Json> {
  const writer = options.resultWriter;
  if (writer === undefined) return children.map((c) => (c.status === "SUCCEEDED" ? c.output : null));
  const writerConfig = writer["WriterConfig"] as WriterConfig | undefined;
  if (writer["Parameters"] === undefined && writer["Arguments"] === undefined) return mapResult(children, mapRun, writerConfig);
  const args = await fieldValue(run, input, selected, options, writer, "ResultWriter");
  const s3 = options.s3;
  if (s3?.PutObject === undefined) throw new StatesError("States.ResultWriterFailed", `Map state ${JSON.stringify(options.state)}: no S3 client to write results with`);
  const out = s3Writer(defaultClientCache().client(s3.Client), { PutObjectCommand: s3.PutObject as never });
  const spec = { arguments: args, ...(writerConfig !== undefined ? { writerConfig } : {}) };
  const parts: ResultPart[] = [];
  for (const [i, chunk] of planChunks(children.length, { maxItemsPerChunk: CHUNK }).entries()) {
    parts.push(await ctx.step(`${options.state} (results ${i})`, async () => writeResultPart(spec, i, children.slice(chunk.start, chunk.end), out, mapRun), { retryStrategy: retryPresets.noRetry }));
  }
  return ctx.step(`${options.state} (manifest)`, async () => writeManifest(spec, parts, out, mapRun), { retryStrategy: retryPresets.noRetry });
}

