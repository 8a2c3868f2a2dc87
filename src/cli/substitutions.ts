import { readFile } from "node:fs/promises";

/** Read a DefinitionSubstitutions file (a JSON object of name → string, number or boolean); a string is the error. */
export async function readSubstitutions(path: string): Promise<Record<string, string | number | boolean> | string> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    return `cannot read substitutions file "${path}"`;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return `substitutions file "${path}" is not valid JSON: ${(e as Error).message}`;
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return `substitutions file "${path}" must hold a JSON object of name → value`;
  }
  const out: Record<string, string | number | boolean> = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== "string" && typeof v !== "number" && typeof v !== "boolean") {
      return `substitution "${k}" in "${path}" must be a string, number or boolean`;
    }
    out[k] = v;
  }
  return out;
}
