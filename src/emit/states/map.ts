import { distributedPlaceholders } from "../../ir/placeholders.js";
import type { DistributedConfig, MapState } from "../../ir/types.js";
import { commentText, literal } from "../escape.js";
import { placeholderNotes } from "../integrations.js";
import { dynamicProps, jsonataResultProps, pathProp, props, resultFlowProps, valueProp } from "../props.js";
import { withCatch } from "./catch.js";
import { varsProps, type StateEmitContext } from "./context.js";
import { heading } from "./heading.js";

/**
 * Map (ASL-6.8). Inline: `context.map` over the items, one child context per iteration; outputs in item order.
 * Distributed: `asl.distributedMap` (src/runtime/distributed-map.ts) with the dataset, batching and export fields,
 * and the S3 classes the module imports for them (see distributedImports).
 */
export function emitMap(state: MapState, ctx: StateEmitContext): string {
  const jsonata = state.queryLanguage === "JSONata";
  const limits = [
    ...dynamicProps("maxConcurrency", state.maxConcurrency.kind === "literal" && state.maxConcurrency.value === 0 ? undefined : state.maxConcurrency),
    ...dynamicProps("toleratedFailureCount", state.toleratedFailureCount),
    ...dynamicProps("toleratedFailurePercentage", state.toleratedFailurePercentage),
  ];
  const options = jsonata
    ? props(
        [
          ["state", literal(state.origin.name)],
          ["iteration", ctx.scopeFunction(state.processor.pointer)],
          ["items", valueProp(state.items)],
          ["itemSelector", valueProp(state.itemSelector)],
          ...limits,
          ...jsonataResultProps(state),
        ],
        varsProps(ctx),
      )
    : props(
    [
      ["state", literal(state.origin.name)],
      ["iteration", ctx.scopeFunction(state.processor.pointer)],
      ["inputPath", pathProp(state.inputPath)],
      ["itemsPath", state.itemsPath === "$" ? undefined : literal(state.itemsPath)],
      ["itemSelector", valueProp(state.itemSelector)],
      ...limits,
      ...resultFlowProps(state),
    ],
    varsProps(ctx),
  );
  const helper = state.distributed ? (jsonata ? "jsonata.distributedMap" : "distributedMap") : jsonata ? "jsonata.map" : "map";
  const call = `${state.distributed ? distributedComment(state.distributed) : ""}data = await asl.${helper}(run, ctx, data, ${withDistributed(options, state.distributed)});\n`;
  return `${heading(state)}${withCatch(call, state.origin.name, state.catch, ctx, state.queryLanguage === "JSONata")}${ctx.exit("next")}`;
}

/** The Distributed Map fields appended to the options literal (`{ …, label, itemReader, …, s3 }`). */
function withDistributed(options: string, d: DistributedConfig | undefined): string {
  if (d === undefined) return options;
  const s3 = s3Classes(d);
  const placeholders = distributedPlaceholders(d);
  const extra = props([
    ["label", d.label === undefined ? undefined : literal(d.label)],
    ["itemReader", valueProp(d.itemReader)],
    ["itemBatcher", valueProp(d.itemBatcher)],
    ["resultWriter", valueProp(d.resultWriter)],
    ["placeholders", placeholders.length > 0 ? literal(placeholders) : undefined],
    ["s3", s3.length === 0 ? undefined : `{ Client: S3Client, ${s3.map((c) => `${c.replace(/Command$/, "")}: ${c}`).join(", ")} }`],
  ]);
  if (extra === "{}") return options;
  return `${options.slice(0, -2)}, ${extra.slice(2)}`;
}

/** The S3 command classes a Distributed Map needs: the reader's and the writer's. */
function s3Classes(d: DistributedConfig): string[] {
  const out: string[] = [];
  if (d.itemReader !== undefined) out.push("GetObjectCommand", "ListObjectsV2Command");
  if (d.resultWriter !== undefined && (d.resultWriter["Parameters"] !== undefined || d.resultWriter["Arguments"] !== undefined)) out.push("PutObjectCommand");
  return out;
}

/** What a module with this Distributed Map imports from `@aws-sdk/client-s3`. */
export function distributedImports(d: DistributedConfig): string[] {
  const commands = s3Classes(d);
  return commands.length === 0 ? [] : ["S3Client", ...commands];
}

/** The comment above a Distributed Map's call: how Step Functions' child executions map to durable code. */
function distributedComment(d: DistributedConfig): string {
  const lines = [
    `Distributed Map (${d.executionType} child executions): each item runs as a child context of this execution, in chunks of`,
    "at most 1,000; the processor starts with no variables; failures count against the tolerated failures.",
  ];
  if (d.itemReader !== undefined) lines.push("The dataset is read from S3 in one durable step: it must fit in a 256 KiB checkpoint.");
  if (d.resultWriter !== undefined) lines.push("Results are exported to S3 one part per chunk, then the manifest.");
  lines.push(...placeholderNotes(distributedPlaceholders(d), "state"));
  return lines.map((l) => `// ${commentText(l)}\n`).join("");
}
