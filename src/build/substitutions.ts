/** DefinitionSubstitutions of a build entry: inline, or a JSON file (relative to the project root). */
import type { SubstitutionValue } from "./config.js";

/** Parse a substitutions file's text: a JSON object of name → string, number or boolean. A string is the error. */
export function parseSubstitutions(text: string, file: string): Record<string, SubstitutionValue> | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return `substitutions file "${file}" is not valid JSON: ${(e as Error).message}`;
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return `substitutions file "${file}" must hold a JSON object of name → value`;
  }
  const out: Record<string, SubstitutionValue> = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== "string" && typeof v !== "number" && typeof v !== "boolean") {
      return `substitution "${k}" in "${file}" must be a string, number or boolean`;
    }
    out[k] = v;
  }
  return out;
}
