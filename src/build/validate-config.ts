/**
 * Checks a build configuration against `BUILD_CONFIG_SCHEMA` with ajv and words each problem with the key path it is
 * about (`machines[1].out`), so a user can find it in any of the config file formats.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import { closest } from "../diagnostics/suggest.js";
import { parsePointer } from "../load/pointer.js";
import { BUILD_CONFIG_SCHEMA, type BuildConfig } from "./config.js";

export interface ConfigError {
  /** Where the problem is, as a key path: `machines[0].input`, `companions.deployment`, or "" for the whole value. */
  keyPath: string;
  message: string;
}

export type ConfigCheck = { ok: true; config: BuildConfig } | { ok: false; errors: ConfigError[] };

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  compiled ??= new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(BUILD_CONFIG_SCHEMA);
  return compiled;
}

/**
 * Validate `value` as a build configuration. `prefix` is prepended to every key path (`asl2durable` for the key of
 * package.json). Errors are sorted by key path, then message, so the report is the same on every run.
 */
export function validateConfig(value: unknown, prefix = ""): ConfigCheck {
  const validate = validator();
  if (validate(value)) return { ok: true, config: value as BuildConfig };
  const seen = new Set<string>();
  const errors: ConfigError[] = [];
  for (const error of validate.errors ?? []) {
    const problem = describe(error, prefix);
    const key = `${problem.keyPath}\u0000${problem.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      errors.push(problem);
    }
  }
  errors.sort((a, b) => (a.keyPath < b.keyPath ? -1 : a.keyPath > b.keyPath ? 1 : a.message < b.message ? -1 : a.message > b.message ? 1 : 0));
  return { ok: false, errors };
}

/** `["machines", "0", "input"]` → `machines[0].input`; keys that are not identifiers are quoted: `substitutions["a b"]`. */
export function keyPath(segments: readonly string[], prefix = ""): string {
  let path = prefix;
  for (const segment of segments) {
    if (/^(0|[1-9]\d*)$/.test(segment)) path += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(segment)) path += path === "" ? segment : `.${segment}`;
    else path += `[${JSON.stringify(segment)}]`;
  }
  return path;
}

function describe(error: ErrorObject, prefix: string): ConfigError {
  const segments = parsePointer(error.instancePath);
  const at = keyPath(segments, prefix);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "required": {
      const missing = String(params["missingProperty"]);
      return { keyPath: keyPath([...segments, missing], prefix), message: `required key "${missing}" is missing` };
    }
    case "additionalProperties": {
      const extra = String(params["additionalProperty"]);
      const known = Object.keys(knownKeys(segments));
      const suggestion = closest(extra, known);
      return {
        keyPath: keyPath([...segments, extra], prefix),
        message: `unknown key "${extra}"${suggestion !== undefined ? ` (did you mean "${suggestion}"?)` : ""}; known keys: ${known.join(", ")}`,
      };
    }
    case "type":
      return { keyPath: at, message: `must be ${typeWords(params["type"], segments)}` };
    case "enum": {
      const allowed = Array.isArray(params["allowedValues"]) ? params["allowedValues"] : [];
      return { keyPath: at, message: `must be one of ${allowed.map((v) => JSON.stringify(v)).join(", ")}` };
    }
    case "minItems":
      return { keyPath: at, message: "must list at least one entry" };
    case "minLength":
      return { keyPath: at, message: "must not be empty" };
    default:
      return { keyPath: at, message: error.message ?? `fails the ${error.keyword} rule` };
  }
}

function typeWords(type: unknown, segments: readonly string[]): string {
  const last = segments[segments.length - 1];
  if (segments.length === 3 && last === "substitutions") return "a JSON file name or an object of name → string, number or boolean";
  if (segments.length === 4 && segments[2] === "substitutions") return "a string, number or boolean";
  const types = Array.isArray(type) ? type.map(String) : [String(type)];
  const words: Record<string, string> = { object: "an object", array: "an array", string: "a string", boolean: "a boolean", number: "a number" };
  return types.map((t) => words[t] ?? t).join(" or ");
}

/** The `properties` of the schema object at a key path (for unknown-key suggestions). */
function knownKeys(segments: readonly string[]): Record<string, unknown> {
  let schema: unknown = BUILD_CONFIG_SCHEMA;
  for (const segment of segments) {
    if (typeof schema !== "object" || schema === null) return {};
    const node = schema as { properties?: Record<string, unknown>; items?: unknown };
    schema = /^\d+$/.test(segment) && node.items !== undefined ? node.items : node.properties?.[segment];
  }
  const properties = (schema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {};
  return Object.fromEntries(Object.keys(properties).filter((k) => k !== "$schema").map((k) => [k, true]));
}
