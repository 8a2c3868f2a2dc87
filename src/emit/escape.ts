/**
 * The one place where text taken from a definition enters generated code. Every state name, path, template and
 * literal goes through `literal` (an expression) or `commentText` (inside a comment); property tests
 * (test/emit/escape.test.ts) prove that no value can break out of either.
 */

/** A TypeScript expression whose value is exactly `value` (a JSON value). */
export function literal(value: unknown): string {
  if (value === null || typeof value === "boolean") return String(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`literal: ${value} is not a JSON number`);
    return Object.is(value, -0) ? "-0" : String(value);
  }
  if (typeof value === "string") return stringLiteral(value);
  if (Array.isArray(value)) return `[${value.map(literal).join(", ")}]`;
  if (typeof value === "object") {
    const members = Object.entries(value as Record<string, unknown>).map(([k, v]) =>
      // In an object literal `"__proto__": x` would set the prototype instead of creating the key JSON has.
      k === "__proto__" ? `[${stringLiteral(k)}]: ${literal(v)}` : `${stringLiteral(k)}: ${literal(v)}`,
    );
    return `{ ${members.join(", ")} }`;
  }
  throw new Error(`literal: ${typeof value} is not a JSON value`);
}

/** A double-quoted string literal: JSON escaping plus the line separators JSON leaves raw. */
function stringLiteral(text: string): string {
  return JSON.stringify(text).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

/**
 * Text safe inside a `//` line comment or a `/** … *\/` block: line terminators become spaces, `*\/` cannot close
 * the block, and lone surrogates (which would make the file invalid UTF-8) are replaced.
 */
export function commentText(text: string): string {
  return text
    .replace(/\r\n|[\r\n\u2028\u2029\u0085]/g, " ")
    .replace(/\*\//g, "*\\/")
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");
}
