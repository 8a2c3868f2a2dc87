import { readFile } from "node:fs/promises";
import { parseSubstitutions } from "../build/substitutions.js";

/** Read a DefinitionSubstitutions file (a JSON object of name → string, number or boolean); a string is the error. */
export async function readSubstitutions(path: string): Promise<Record<string, string | number | boolean> | string> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    return `cannot read substitutions file "${path}"`;
  }
  return parseSubstitutions(text, path);
}
