/**
 * The one place where text from a definition or a run (state names, error names, JSON values, rule summaries) enters a
 * report. HTML text and attribute values go through `escapeHtml`, fragment identifiers through `stateAnchor`, Mermaid
 * labels through `mermaidText` and Markdown text through `markdownText`. Property tests (test/report/escape.test.ts)
 * prove that no string can break out of any of them.
 */

/** Lone UTF-16 surrogates (a file written as UTF-8 cannot hold them). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const HTML_ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/**
 * Text safe as HTML (and inline SVG) character data and as a quoted attribute value: `& < > " '` become entities, so
 * the text can open no tag, end no attribute and form no character reference; lone surrogates become U+FFFD.
 */
export function escapeHtml(text: string): string {
  return text.replace(LONE_SURROGATE, "\ufffd").replace(/[&<>"']/g, (c) => HTML_ENTITIES[c] ?? c);
}

/**
 * The id of the code anchor of a state, `state-` and the name with every character other than `A-Z a-z 0-9 -` written
 * as `_<hex code point>_`. Injective (`_` itself is escaped), free of whitespace, and the same whether a browser
 * matches the fragment raw or percent-decoded.
 */
export function stateAnchor(name: string): string {
  let out = "state-";
  for (const ch of name) out += /^[A-Za-z0-9-]$/.test(ch) ? ch : `_${(ch.codePointAt(0) ?? 0).toString(16)}_`;
  return out;
}

/** Characters a Mermaid label may hold as they are; everything else becomes a `#<code point>;` entity code. */
const MERMAID_SAFE = /^[A-Za-z0-9 .,:?!_\-/+=()']$/;

/**
 * Text safe inside a double-quoted Mermaid label (`id["…"]`, `-->|"…"|`, `subgraph id["…"]`): every character outside
 * a small safe set (letters, digits, space, `.,:?!_-/+=()'`) is written as Mermaid's entity code `#<decimal>;`, which
 * Mermaid renders as that character. No quote, bracket, pipe, `#`, `;`, `%`, backtick, `<` or line break is left raw.
 */
export function mermaidText(text: string): string {
  let out = "";
  for (const ch of text) out += MERMAID_SAFE.test(ch) ? ch : `#${ch.codePointAt(0) ?? 0};`;
  return out;
}

/**
 * Text safe inline in Markdown (a paragraph, a heading, a GFM table cell), even at the start of a line: line breaks
 * become spaces; the characters that start inline syntax (backslash, backtick, `*`, `_`, `[`, `]`, `|`, `~`, `$`, `#`:
 * escapes, code spans, emphasis, links, cell separators, strikethrough, GitHub math, headings) are backslash-escaped,
 * as is a leading list or setext marker; leading blanks become `&#32;`/`&#9;` (no indented code block); `& < >` become
 * entities (no HTML, no character reference). Lone surrogates become U+FFFD.
 */
export function markdownText(text: string): string {
  return text
    .replace(LONE_SURROGATE, "\ufffd")
    .replace(/\r\n|[\r\n\u2028\u2029\u0085]/g, " ")
    .replace(/[\\`*_[\]|~$#]/g, (c) => `\\${c}`)
    .replace(/^([-+](?=[ \t-]|$)|=)/, "\\$1")
    .replace(/^(\d{1,9})([.)])(?=[ \t]|$)/, "$1\\$2")
    .replace(/[&<>]/g, (c) => HTML_ENTITIES[c] ?? c)
    .replace(/^[ \t]+/, (blanks) => blanks.replace(/ /g, "&#32;").replace(/\t/g, "&#9;"));
}
