/**
 * Schema stage: asl2durable's own JSON Schema for ASL (`schemas/asl.schema.json`), checked with ajv and turned into
 * one clear diagnostic per problem (ASL010–ASL016). The schema covers structure, field names, JSON types, enumerations
 * and ranges only; query-language exclusivity, exclusive fields, path/JSONata syntax and transitions are semantic rules.
 */
import { readFileSync } from "node:fs";
import { Ajv, type ValidateFunction } from "ajv";
import type { Diagnostic } from "../diagnostics/types.js";
import { schemaErrorsToDiagnostics, type SchemaFacts } from "./schema-errors.js";

/** The `$id` of the schema. */
export const ASL_SCHEMA_ID = "https://asl2durable.dev/schemas/asl.schema.json";

interface Compiled {
  schema: JsonObject;
  validate: ValidateFunction;
  facts: SchemaFacts;
}

let compiled: Compiled | undefined;

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/**
 * True for an ASL timestamp (ASL-6.3, ASL-6.4): RFC 3339 `date-time` with an uppercase `T` and either `Z` or a
 * `±hh:mm` offset, with a real calendar date. Second 60 (a leap second) is accepted only at 23:59, as RFC 3339 allows.
 */
export function isAslTimestamp(value: string): boolean {
  const m = TIMESTAMP.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (daysInMonth === undefined || day < 1 || day > daysInMonth) return false;
  if (hour > 23 || minute > 59 || second > 60 || (second === 60 && (hour !== 23 || minute !== 59))) return false;
  if (m[7] !== undefined && (Number(m[7]) > 23 || Number(m[8]) > 59)) return false;
  return true;
}

type JsonObject = Record<string, unknown>;

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Facts the error translator needs, read from the schema itself so the two never disagree. */
function readFacts(schema: JsonObject): SchemaFacts {
  const stateTypes: string[] = [];
  const fieldsByKind = new Map<string, readonly string[]>();
  const kindOfType = new Map<string, string>();
  const collect = (node: unknown): void => {
    if (!isJsonObject(node)) return;
    const kind = node["x-kind"];
    const properties = node["properties"];
    if (typeof kind === "string" && isJsonObject(properties)) {
      fieldsByKind.set(kind, Object.keys(properties));
      const typeSchema = properties["Type"];
      const type = isJsonObject(typeSchema) ? typeSchema["const"] : undefined;
      if (typeof type === "string") {
        stateTypes.push(type);
        kindOfType.set(type, kind);
      }
    }
    collect(node["then"]);
    collect(node["else"]);
  };
  collect(schema);
  const definitions = schema["definitions"];
  if (isJsonObject(definitions)) Object.values(definitions).forEach(collect);
  return { stateTypes, fieldsByKind, kindOfType };
}

function compile(): Compiled {
  const text = readFileSync(new URL("../../schemas/asl.schema.json", import.meta.url), "utf8");
  const parsed: unknown = JSON.parse(text);
  if (!isJsonObject(parsed) || parsed["$id"] !== ASL_SCHEMA_ID) throw new Error("schemas/asl.schema.json is not the asl2durable schema");
  const ajv = new Ajv({ allErrors: true, discriminator: true, strict: true, allowUnionTypes: true, verbose: true });
  // Annotation keywords: read back from `parentSchema` when errors are translated.
  ajv.addKeyword({ keyword: "x-expected", schemaType: "string" });
  ajv.addKeyword({ keyword: "x-kind", schemaType: "string" });
  ajv.addFormat("asl-timestamp", { type: "string", validate: isAslTimestamp });
  const validate = ajv.compile(parsed);
  return { schema: deepFreeze(parsed), validate, facts: readFacts(parsed) };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

function ensureCompiled(): Compiled {
  compiled ??= compile();
  return compiled;
}

/**
 * Check a parsed definition against the ASL schema. Pure: the input is never mutated (deep-frozen objects work).
 * Diagnostics carry only `location.pointer` (plus `key: true` for unknown fields); the caller adds file positions.
 */
export function checkSchema(definition: unknown): Diagnostic[] {
  const { validate, facts } = ensureCompiled();
  if (validate(definition)) return [];
  return schemaErrorsToDiagnostics(validate.errors ?? [], definition, facts);
}

/** The parsed schema (the same deep-frozen object on every call), e.g. for generated documentation. */
export function getSchema(): Readonly<Record<string, unknown>> {
  return ensureCompiled().schema;
}

/** The eight state types, in schema order. */
export function stateTypes(): string[] {
  return [...ensureCompiled().facts.stateTypes];
}

/**
 * Every field the schema allows in a state of this type (JSONPath and JSONata fields together, `Type` included),
 * in schema order; an empty array for an unknown type.
 */
export function allowedFields(stateType: string): string[] {
  const { facts } = ensureCompiled();
  const kind = facts.kindOfType.get(stateType);
  return kind === undefined ? [] : [...(facts.fieldsByKind.get(kind) ?? [])];
}
