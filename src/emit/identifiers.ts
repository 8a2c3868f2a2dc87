/**
 * Identifiers derived from state names (scope functions): only ASCII letters and digits of the name are kept, so an
 * identifier can never carry anything else; reserved words and clashes get a suffix.
 */
import { camelCase } from "../structure/labels.js";

const RESERVED = new Set([
  "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else", "enum", "export",
  "extends", "false", "finally", "for", "function", "if", "import", "in", "instanceof", "new", "null", "return", "super",
  "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while", "with", "yield", "let", "static", "implements",
  "interface", "package", "private", "protected", "public", "await", "async", "arguments", "eval", "undefined",
  // names the generated module itself uses
  "asl", "ctx", "run", "data", "input", "tasks", "options", "handler", "makeHandler", "caught", "error", "next",
  "vars", "outer",
]);

export function identifierFor(name: string, used: Set<string>, fallback = "scope"): string {
  let base = camelCase(name) || fallback;
  if (/^[0-9]/.test(base)) base = `${fallback}${base}`;
  if (RESERVED.has(base)) base = `${base}Scope`;
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}${n}`;
  used.add(id);
  return id;
}
