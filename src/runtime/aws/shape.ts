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
 */

export interface OperationSchemas {
  input: NormalizedSchema;
  output: NormalizedSchema;
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
export function toSdkInput(params: { [key: string]: Json }, schema: NormalizedSchema | undefined, blobs: BlobMode): Record<string, unknown> {
  if (!schema) return { ...params };
  return structToSdk(params, schema, blobs);
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
 * 2024-05-23), other blobs as base64 (the AWS JSON form) [choice].
 */
export function fromSdkOutput(output: unknown, schema: NormalizedSchema | undefined, dates: DateMode): Json {
  if (!isRecord(output)) return {};
  const { $metadata: _metadata, ...rest } = output;
  return fromSdk(rest, schema, dates) ?? {};
}

function fromSdk(value: unknown, schema: NormalizedSchema | undefined, dates: DateMode): Json | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
  if (typeof value === "bigint") return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (value instanceof Date) return formatDate(value, dates);
  if (value instanceof Uint8Array) {
    return !schema || isPayloadBlob(schema) ? new TextDecoder().decode(value) : Buffer.from(value).toString("base64");
  }
  if (Array.isArray(value)) {
    const item = schema?.isListSchema() ? schema.getValueSchema() : undefined;
    return value.map((v) => fromSdk(v, item, dates) ?? null);
  }
  if (!isRecord(value)) return String(value);
  const out: { [key: string]: Json } = {};
  if (schema && (schema.isStructSchema() || schema.isUnionSchema())) {
    const members = schema.getMemberSchemas();
    for (const [k, v] of Object.entries(value)) {
      const member = Object.hasOwn(members, k) ? members[k] : undefined;
      const shaped = fromSdk(v, member, dates);
      if (shaped !== undefined) out[member ? resultName(k) : k] = shaped;
    }
    return out;
  }
  const valueSchema = schema?.isMapSchema() ? schema.getValueSchema() : undefined;
  for (const [k, v] of Object.entries(value)) {
    const shaped = fromSdk(v, valueSchema, dates);
    if (shaped !== undefined) out[k] = shaped;
  }
  return out;
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
