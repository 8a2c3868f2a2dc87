import { NormalizedSchema } from "@smithy/core/schema";
import type { Json } from "../types.js";
import type { SdkCommand } from "./clients.js";

/**
 * Between Step Functions' JSON and the AWS SDK v3 command input and output (ASL-6.2), driven by the operation schema
 * SDK v3 clients carry on each command (`command.schema`, clients published from late 2025 on; older clients carry
 * none and their values pass unchanged).
 *
 * Names. "Parameters in Step Functions are expressed in PascalCase, even if the native service API is in camelCase"
 * and "API fields for equals will be referred to in your state machines as: EqualsValue" (developer guide, "Learning to
 * use AWS service SDK integrations", checked 2026-11). So a parameter matches the member of the same name, else the
 * member whose name with a capital first letter equals it, else one that differs only in case; results name each
 * structure member with a capital first letter (`executionArn` → `ExecutionArn`, recorded for `aws-sdk:sfn:
 * startExecution`). Map keys (DynamoDB attribute names, tags, S3 metadata) are data and keep their case.
 *
 * Values. A string member given another JSON value receives its JSON text (recorded: `aws-sdk:sfn:startExecution` with
 * an object `Input`, LocalStack snapshot test_sfn_start_execution_implicit_json_serialisation, 2024-02-05).
 *
 * Where the names come from (`Shape`): the operation schema; else a `CasingFallback` that says how the client's model
 * cases its members; else nothing, and names pass unchanged.
 */

export interface OperationSchemas {
  input: NormalizedSchema;
  output: NormalizedSchema;
}

/**
 * How an SDK v3 client cases the members of its structures: Glue, Athena, SageMaker, EMR, DataBrew and MediaConvert
 * use PascalCase (`JobRun.JobRunState`); Step Functions, Batch, ECS, CodeBuild, EKS, EMR on EKS, EMR Serverless and
 * Bedrock use camelCase (`jobs[0].status`), as their models do.
 */
export type MemberCase = "pascal" | "camel";

/**
 * The member names of a call whose operation schema is not at hand: a `.sync` job's command of a client published
 * before the schemas (such as @aws-sdk/client-emr-containers 3.623), or a caller of src/runtime/sync that gives no
 * command classes (src/runtime/sync/spec.ts `syncShapes`; where the schemas are at hand, they are used instead). Step
 * Functions writes every structure member in PascalCase whatever the service's casing ("Parameters in Step Functions
 * are expressed in PascalCase", connect-batch and every connect-* page of the developer guide; the ECS runTask.sync
 * result recorded against AWS is PascalCase down to `EphemeralStorage.SizeInGiB` and
 * `Containers[].NetworkInterfaces[].PrivateIpv4Address`, LocalStack
 * tests/aws/services/stepfunctions/v2/services/test_ecs_task_service.snapshot.json, recorded 2024-02-23).
 *
 * Maps are not structures: their keys are user data (Batch `parameters` and `tags`, Bedrock `hyperParameters`) and keep
 * their spelling, while their values are converted. `maps` names those members as the SDK spells them: `name` is a map
 * wherever it occurs, `/name` only as a member of the operation's input or output itself (Bedrock's top-level
 * `hyperParameters` is a map, `customizationConfig.rftConfig.hyperParameters` a structure). Only names change: with no
 * schema, values are sent as given, and blobs in results are base64 (the AWS JSON form of blob members).
 */
export interface CasingFallback {
  memberCase: MemberCase;
  maps: ReadonlySet<string>;
}

/** Where member names come from: the operation's schema, a casing fallback, or nowhere (names pass unchanged). */
export type Shape = NormalizedSchema | CasingFallback | undefined;

function isFallback(shape: Shape): shape is CasingFallback {
  return shape !== undefined && typeof (shape as Partial<CasingFallback>).memberCase === "string";
}

/** The input and output schemas of a command, when its client carries them. */
export function operationSchemas(command: SdkCommand): OperationSchemas | undefined {
  const op: unknown = (command as { schema?: unknown }).schema;
  if (Array.isArray(op) && op[0] === 9 && op.length >= 6) {
    return { input: NormalizedSchema.of(op[4] as Parameters<typeof NormalizedSchema.of>[0]), output: NormalizedSchema.of(op[5] as Parameters<typeof NormalizedSchema.of>[0]) };
  }
  return undefined;
}

/**
 * How blobs are sent:
 * - `aws-sdk`: a payload or streaming blob (S3 PutObject `Body`, Lambda Invoke `Payload`) receives the JSON text of
 *   whatever value it is given, a string included (recorded: `aws-sdk:s3:putObject` with Body "text data" stores the 11
 *   bytes `"text data"`, with `{"Dict":"Value"}` stores `{"Dict":"Value"}`; LocalStack snapshot test_s3_put_object,
 *   2024-12-13, verified by the ETags, the MD5s of those bytes). Any other blob given a string takes it as base64 (the
 *   form such blobs have in results); given another value, its JSON text. [choice: not recorded]
 * - `raw`: a string is sent as its UTF-8 bytes, another value as its JSON text (the optimised integrations' adapters
 *   prepare their blobs themselves).
 */
export type BlobMode = "aws-sdk" | "raw";

/**
 * How timestamps are returned: `iso` as ISO-8601 UTC text the way Java's `Instant.toString` writes it (no fraction when
 * it is zero), the AWS SDK integrations' form (Step Functions runs the AWS SDK for Java 2.x; e.g. CloudFormation
 * `CreationTime` "2013-08-23T01:02:15.422Z" seen in AWS SDK task output, sam-goodwin/functionless#489); `epoch-millis`
 * as milliseconds since the epoch, the optimised integrations' form (Jackson's default for java.util.Date). [choice:
 * neither is recorded in the available references]
 */
export type DateMode = "iso" | "epoch-millis";

/** The command input for Step Functions parameters. */
export function toSdkInput(params: { [key: string]: Json }, shape: CasingFallback): { [key: string]: Json };
export function toSdkInput(params: { [key: string]: Json }, shape: Shape, blobs: BlobMode): Record<string, unknown>;
export function toSdkInput(params: { [key: string]: Json }, shape: Shape, blobs: BlobMode = "raw"): Record<string, unknown> {
  if (shape === undefined) return { ...params };
  if (isFallback(shape)) return casedToSdk(params, shape, "root") as { [key: string]: Json };
  return structToSdk(params, shape, blobs);
}

/** Where a value sits for a casing fallback: the operation's input or output itself, a structure member, a map. */
type FallbackPlace = "root" | "member" | "map";

/** Where the value of `key` (in either casing) of an object at `place` sits; a map's values are structures. */
function fallbackMember(casing: CasingFallback, key: string, place: FallbackPlace): FallbackPlace {
  if (place === "map") return "member";
  const member = uncapitalise(key);
  return casing.maps.has(member) || (place === "root" && casing.maps.has(`/${member}`)) ? "map" : "member";
}

/** Where the items of a list at `place` sit: where the list is, unless it is a map's value. */
function fallbackItem(place: FallbackPlace): FallbackPlace {
  return place === "map" ? "member" : place;
}

/** Step Functions' names → the client's, by its casing (names only, see CasingFallback). */
function casedToSdk(value: Json, casing: CasingFallback, place: FallbackPlace): Json {
  if (casing.memberCase === "pascal") return value;
  if (Array.isArray(value)) return value.map((item) => casedToSdk(item, casing, fallbackItem(place)));
  if (!isObject(value)) return value;
  // Object.fromEntries defines own properties, so a member named "__proto__" stays a member.
  return Object.fromEntries(
    Object.entries(value).map(([key, member]): [string, Json] => [place === "map" ? key : uncapitalise(key), casedToSdk(member, casing, fallbackMember(casing, key, place))]),
  );
}

function structToSdk(value: { [key: string]: Json }, schema: NormalizedSchema, blobs: BlobMode): Record<string, unknown> {
  const members = schema.getMemberSchemas();
  const names = Object.keys(members);
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const name = memberFor(names, key);
    if (name === undefined) {
      // Not a member: passed on unchanged, and the SDK leaves it out of the request.
      out[key] = v;
      continue;
    }
    const member = members[name] as NormalizedSchema;
    if (v === null && !member.isDocumentSchema()) continue; // null stands for "absent" in AWS JSON
    out[name] = valueToSdk(v, member, blobs);
  }
  return out;
}

function valueToSdk(value: Json, schema: NormalizedSchema, blobs: BlobMode): unknown {
  if (schema.isDocumentSchema()) return value;
  if (schema.isStructSchema() || schema.isUnionSchema()) return isObject(value) ? structToSdk(value, schema, blobs) : value;
  if (schema.isListSchema()) return Array.isArray(value) ? value.map((item) => valueToSdk(item, schema.getValueSchema(), blobs)) : value;
  if (schema.isMapSchema()) {
    if (!isObject(value)) return value;
    const valueSchema = schema.getValueSchema();
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, valueToSdk(v, valueSchema, blobs)]));
  }
  if (schema.isBlobSchema()) return blobToSdk(value, schema, blobs);
  if (schema.isTimestampSchema()) return timestampToSdk(value);
  if (schema.isStringSchema()) return typeof value === "string" ? value : JSON.stringify(value);
  return value;
}

function blobToSdk(value: Json, schema: NormalizedSchema, blobs: BlobMode): Uint8Array {
  const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
  if (blobs === "raw") return utf8(typeof value === "string" ? value : JSON.stringify(value));
  if (isPayloadBlob(schema)) return utf8(JSON.stringify(value));
  return typeof value === "string" ? new Uint8Array(Buffer.from(value, "base64")) : utf8(JSON.stringify(value));
}

/** A timestamp parameter: ISO-8601 text, or a number of epoch seconds (the AWS JSON convention). Anything else as is. */
function timestampToSdk(value: Json): unknown {
  if (typeof value === "number") return new Date(value * 1000);
  if (typeof value === "string") {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? value : date;
  }
  return value;
}

/** The member a parameter key names: exact, `EqualsValue` for `Equals`, capitalised member name, then any case. */
export function memberFor(names: readonly string[], key: string): string | undefined {
  if (names.includes(key)) return key;
  const wanted = key === "EqualsValue" ? "Equals" : key;
  return names.find((n) => capitalise(n) === wanted) ?? names.find((n) => n.toLowerCase() === wanted.toLowerCase());
}

/** A result member's name as Step Functions writes it. */
export function resultName(member: string): string {
  const name = capitalise(member);
  return name === "Equals" ? "EqualsValue" : name;
}

function capitalise(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function uncapitalise(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

function isPayloadBlob(schema: NormalizedSchema): boolean {
  const traits = schema.getMergedTraits();
  return schema.isStreaming() || traits.httpPayload !== undefined;
}

/**
 * Read streaming members of a command output (S3 GetObject `Body`, …) into bytes. SDK v3 streams carry
 * `transformToByteArray()`; a stream is read once, so this runs before the output is shaped.
 */
export async function readStreams(output: unknown): Promise<unknown> {
  if (!isRecord(output)) return output;
  const entries = await Promise.all(
    Object.entries(output).map(async ([k, v]): Promise<[string, unknown]> => {
      if (isRecord(v) && typeof v.transformToByteArray === "function") return [k, await (v.transformToByteArray as () => Promise<Uint8Array>)()];
      return [k, v];
    }),
  );
  return Object.fromEntries(entries);
}

/**
 * A command output as Step Functions returns it: without `$metadata`, undefined members dropped, structure members
 * renamed (see above), timestamps per `dates`, payload and streaming blobs as UTF-8 text (recorded: `aws-sdk:s3:
 * getObject` returns Body "binary data" for the bytes of "binary data", LocalStack snapshot test_s3_get_object,
 * 2024-05-23), other blobs as base64 (the AWS JSON form) [choice]. Numbers that JSON cannot hold (NaN, ±Infinity)
 * become null, as JSON.stringify writes them [choice]. Applied to its own result it changes nothing, so JSON read back
 * from a checkpoint may pass through it again.
 */
export function fromSdkOutput(output: unknown, shape: Shape, dates: DateMode): Json {
  if (!isRecord(output)) return {};
  const { $metadata: _metadata, ...rest } = output;
  return fromSdk(rest, isFallback(shape) ? fallbackPlace(shape, "root") : schemaPlace(shape), dates) ?? {};
}

/** What the output walk knows of where a value sits in the operation's output. */
interface OutputPlace {
  /** Bytes here are a payload or streaming blob (UTF-8 text), not a blob member (base64). */
  payload(): boolean;
  /** Where the items of a list here sit. */
  items(): OutputPlace;
  /** A member of an object here: its name in Step Functions' JSON and where its value sits. */
  member(key: string): [string, OutputPlace];
}

/** A place described by the operation schema; without one, bytes are taken for a payload and names are kept. */
function schemaPlace(schema: NormalizedSchema | undefined): OutputPlace {
  let members: Record<string, NormalizedSchema> | undefined;
  return {
    payload: () => !schema || isPayloadBlob(schema),
    items: () => schemaPlace(schema?.isListSchema() ? schema.getValueSchema() : undefined),
    member(key) {
      if (schema && (schema.isStructSchema() || schema.isUnionSchema())) {
        members ??= schema.getMemberSchemas();
        return Object.hasOwn(members, key) ? [resultName(key), schemaPlace(members[key])] : [key, schemaPlace(undefined)];
      }
      return [key, schemaPlace(schema?.isMapSchema() ? schema.getValueSchema() : undefined)];
    },
  };
}

/** A place described by a casing fallback: structure members capitalised, map keys kept, blobs base64. */
function fallbackPlace(casing: CasingFallback, place: FallbackPlace): OutputPlace {
  return {
    payload: () => false,
    items: () => fallbackPlace(casing, fallbackItem(place)),
    member: (key) => [place === "map" || casing.memberCase === "pascal" ? key : capitalise(key), fallbackPlace(casing, fallbackMember(casing, key, place))],
  };
}

function fromSdk(value: unknown, place: OutputPlace, dates: DateMode): Json | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "bigint") return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (value instanceof Date) return formatDate(value, dates);
  if (value instanceof Uint8Array) return place.payload() ? new TextDecoder().decode(value) : Buffer.from(value).toString("base64");
  if (Array.isArray(value)) {
    const items = place.items();
    return value.map((v) => fromSdk(v, items, dates) ?? null);
  }
  if (!isRecord(value)) return undefined; // a function or a symbol: no JSON form
  const entries: Array<[string, Json]> = [];
  for (const [k, v] of Object.entries(value)) {
    const [name, member] = place.member(k);
    const shaped = fromSdk(v, member, dates);
    if (shaped !== undefined) entries.push([name, shaped]);
  }
  // Object.fromEntries defines own properties, so a member named "__proto__" stays a member.
  return Object.fromEntries(entries);
}

/** A Date as Step Functions writes it (see DateMode); an invalid Date becomes null. */
export function formatDate(date: Date, dates: DateMode): Json {
  const ms = date.getTime();
  if (Number.isNaN(ms)) return null;
  if (dates === "epoch-millis") return ms;
  return date.toISOString().replace(/\.000Z$/, "Z");
}

function isObject(value: Json): value is { [key: string]: Json } {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
