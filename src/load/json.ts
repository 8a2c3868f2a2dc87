/**
 * Strict JSON (RFC 8259) parsing with source ranges, on top of jsonc-parser's `parseTree` with comments and
 * trailing commas disallowed. The value is built from the tree here, so that every node keeps its offsets.
 */
import { findNodeAtOffset, parseTree, printParseErrorCode, type Node, type ParseError } from "jsonc-parser";
import { childPointer } from "./pointer.js";
import {
  duplicateKeyMessage,
  setMember,
  type LineIndex,
  type OffsetRange,
  type ParseResult,
  type Problem,
  type RangeNode,
} from "./source-map.js";

/** Parse JSON text. Reports the first syntax error (later ones are usually consequences of it) as ASL001. */
export function parseJson(text: string, lines: LineIndex): ParseResult {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false });
  const first = errors[0];
  if (first !== undefined) {
    return { value: undefined, tree: undefined, problems: [syntaxProblem(text, first, root)] };
  }
  if (root === undefined) {
    return {
      value: undefined,
      tree: undefined,
      problems: [problemAt({ start: 0, end: 0 }, "The definition is empty")],
    };
  }
  const problems: Problem[] = [];
  const built = build(root, "", { text, lines, problems });
  return { value: built.value, tree: built.range, problems };
}

interface Context {
  text: string;
  lines: LineIndex;
  problems: Problem[];
}

interface Built {
  value: unknown;
  range: RangeNode;
}

function span(node: Node): OffsetRange {
  return { start: node.offset, end: node.offset + node.length };
}

function build(node: Node, pointer: string, ctx: Context): Built {
  const children = node.children ?? [];
  switch (node.type) {
    case "object": {
      const value: Record<string, unknown> = {};
      const members = new Map<string, RangeNode>();
      for (const property of children) {
        const [keyNode, valueNode] = property.children ?? [];
        if (keyNode === undefined || valueNode === undefined) continue; // only on syntax errors, handled before
        const key = String(keyNode.value);
        const memberPointer = childPointer(pointer, key);
        const child = build(valueNode, memberPointer, ctx);
        child.range.key = span(keyNode);
        const previous = members.get(key);
        if (previous?.key !== undefined) {
          const firstLine = ctx.lines.positionAt(previous.key.start).line;
          ctx.problems.push({
            code: "ASL003",
            severity: "error",
            message: duplicateKeyMessage(key, firstLine),
            range: span(keyNode),
            pointer: memberPointer,
            key: true,
          });
        } else {
          members.set(key, child.range);
        }
        setMember(value, key, child.value);
      }
      return { value, range: { value: span(node), members } };
    }
    case "array": {
      const value: unknown[] = [];
      const items: RangeNode[] = [];
      children.forEach((item, index) => {
        const child = build(item, childPointer(pointer, index), ctx);
        value.push(child.value);
        items.push(child.range);
      });
      return { value, range: { value: span(node), items } };
    }
    case "number": {
      const value = node.value as number;
      if (!Number.isFinite(value)) {
        const written = ctx.text.slice(node.offset, node.offset + node.length);
        ctx.problems.push({ ...problemAt(span(node), `JSON number ${written} is too large to represent`), pointer });
      }
      return { value, range: { value: span(node) } };
    }
    default:
      // string, boolean, null (a "property" node never reaches here: objects unwrap their properties)
      return { value: node.value as unknown, range: { value: span(node) } };
  }
}

function problemAt(range: OffsetRange, message: string): Problem {
  return { code: "ASL001", severity: "error", message, range, pointer: "" };
}

const PHRASES: Record<string, string> = {
  InvalidSymbol: "unexpected character",
  InvalidNumberFormat: "invalid number",
  PropertyNameExpected: "expected a property name in double quotes",
  ValueExpected: "expected a value",
  ColonExpected: "expected a colon after the property name",
  CommaExpected: "expected a comma",
  CloseBraceExpected: "expected a closing brace",
  CloseBracketExpected: "expected a closing bracket",
  EndOfFileExpected: "unexpected content after the end of the JSON value",
  InvalidCommentToken: "comments are not allowed in JSON",
  UnexpectedEndOfComment: "unterminated comment",
  UnexpectedEndOfString: "unterminated string",
  UnexpectedEndOfNumber: "incomplete number",
  InvalidUnicode: "invalid unicode escape in string (\\u needs four hex digits)",
  InvalidEscapeCharacter: "invalid escape sequence in string",
  InvalidCharacter: "unescaped control character in string",
};

/** Kinds after which "(after …)" tells the reader where the parser stopped. */
const WITH_CONTEXT = new Set([
  "PropertyNameExpected",
  "ValueExpected",
  "ColonExpected",
  "CommaExpected",
  "CloseBraceExpected",
  "CloseBracketExpected",
]);

function syntaxProblem(text: string, error: ParseError, root: Node | undefined): Problem {
  const kind = printParseErrorCode(error.error);
  const token = text.slice(error.offset, error.offset + error.length);
  const before = previousNonBlank(text, error.offset);
  const closing = token === "}" || token === "]";
  if ((kind === "PropertyNameExpected" || kind === "ValueExpected") && closing && text[before] === ",") {
    return problemAt({ start: before, end: before + 1 }, `JSON syntax error: trailing comma before "${token}"`);
  }
  const whole = { start: error.offset, end: error.offset + error.length };
  const range =
    kind === "InvalidCharacter" || kind === "InvalidEscapeCharacter" ? refineInString(text, whole, kind) : whole;
  let phrase = PHRASES[kind] ?? kind;
  switch (kind) {
    case "CommaExpected":
      phrase += containerOf(root, error.offset) === "array" ? " or closing bracket" : " or closing brace";
      break;
    case "InvalidSymbol":
    case "EndOfFileExpected":
      phrase += ` ${quoteToken(token)}`;
      break;
    case "InvalidEscapeCharacter":
      phrase += ` ${JSON.stringify(text.slice(range.start, range.end))}`;
      break;
    case "InvalidCharacter": {
      const code = text.charCodeAt(range.start).toString(16).toUpperCase().padStart(4, "0");
      phrase += ` (U+${code}; write it as an escape such as \\t)`;
      break;
    }
  }
  if (error.offset >= text.length) phrase = `unexpected end of input, ${phrase}`;
  if (token.startsWith("'")) phrase += " (JSON strings use double quotes)";
  const after = WITH_CONTEXT.has(kind) && before >= 0 ? ` (after ${contextBefore(text, before + 1)})` : "";
  return problemAt(range, `JSON syntax error: ${phrase}${after}`);
}

function previousNonBlank(text: string, offset: number): number {
  let i = Math.min(offset, text.length) - 1;
  while (i >= 0 && /\s/.test(text[i] ?? "")) i--;
  return i;
}

/** The text of the line before `end`, trimmed and shortened to at most 40 characters. */
function contextBefore(text: string, end: number): string {
  const lineStart = Math.max(text.lastIndexOf("\n", end - 1), text.lastIndexOf("\r", end - 1)) + 1;
  const line = text.slice(lineStart, end).trim();
  return line.length > 40 ? `…${line.slice(-39)}` : line;
}

function quoteToken(token: string): string {
  const shown = token.length > 20 ? `${token.slice(0, 19)}…` : token;
  return shown.startsWith('"') ? shown : JSON.stringify(shown);
}

function containerOf(root: Node | undefined, offset: number): "object" | "array" | undefined {
  let node = root === undefined ? undefined : findNodeAtOffset(root, offset, true);
  while (node !== undefined && node.type !== "object" && node.type !== "array") node = node.parent;
  return node?.type === "array" ? "array" : node === undefined ? undefined : "object";
}

/** Point at the offending character inside a string token rather than at the token's opening quote. */
function refineInString(text: string, range: OffsetRange, kind: string): OffsetRange {
  for (let i = range.start + 1; i < range.end; i++) {
    const ch = text.charCodeAt(i);
    if (kind === "InvalidCharacter" && ch < 0x20) return { start: i, end: i + 1 };
    if (ch === 92 /* \ */) {
      if (kind === "InvalidEscapeCharacter" && !/["\\/bfnrtu]/.test(text[i + 1] ?? "")) return { start: i, end: i + 2 };
      i++;
    }
  }
  return range;
}
