/**
 * Source maps shared by the JSON and YAML loaders: a tree of offset ranges that mirrors the parsed value, the
 * offset → line/column conversion, and pointer lookup.
 *
 * Positions are 1-based. Columns count UTF-16 code units (JavaScript string indices), as LSP and VS Code do: an
 * emoji outside the Basic Multilingual Plane takes two columns. `end` positions are exclusive (they point just past
 * the last character of the node).
 */
import type { Position, Severity } from "../diagnostics/types.js";
import { parsePointer } from "./pointer.js";
import type { NodeRange } from "./types.js";

/** A half-open range of UTF-16 offsets into the source text. */
export interface OffsetRange {
  start: number;
  end: number;
}

/** Ranges of one node of the parsed value and, for containers, of its children. */
export interface RangeNode {
  value: OffsetRange;
  /** The member's key, when the node is an object member. */
  key?: OffsetRange;
  /** Children of an object, by (unescaped) member name. */
  members?: Map<string, RangeNode>;
  /** Children of an array, by index. */
  items?: RangeNode[];
}

/** A problem found while parsing, located by offsets (the loader turns it into a Diagnostic). */
export interface Problem {
  code: string;
  severity: Severity;
  message: string;
  range: OffsetRange;
  /** JSON pointer of the node concerned ("" when unknown or the root). */
  pointer: string;
  /** The problem is about the member's key rather than its value. */
  key?: boolean;
}

/** What a text parser hands back to the loader. */
export interface ParseResult {
  /** The parsed value; meaningful only when no problem is an error. */
  value: unknown;
  /** Source ranges of `value`; undefined when the text could not be parsed. */
  tree: RangeNode | undefined;
  problems: Problem[];
}

/** Converts UTF-16 offsets to 1-based line/column positions. Line breaks are `\n`, `\r\n` and `\r`. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 10) this.starts.push(i + 1);
      else if (ch === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
  }

  /** The UTF-16 offset of a 1-based line/column position (clamped to the text). */
  offsetAt(position: Position, length: number): number {
    const lineStart = this.starts[position.line - 1] ?? length;
    return Math.min(length, lineStart + position.column - 1);
  }

  positionAt(offset: number): Position {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (this.starts[low] ?? 0) + 1 };
  }
}

/** Set an own enumerable property, including `__proto__` (which plain assignment would treat as the prototype). */
export function setMember(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[key] = value;
  }
}

/** The message of a duplicate-key problem (ASL003), shared by both text formats. */
export function duplicateKeyMessage(key: string, firstLine: number): string {
  return `Duplicate key ${JSON.stringify(key)} in object (the first one is at line ${firstLine})`;
}

const ARRAY_INDEX = /^(?:0|[1-9][0-9]*)$/;

/** Find the range node at a JSON pointer; undefined when the pointer is malformed or names no node. */
export function findRangeNode(root: RangeNode, pointer: string): RangeNode | undefined {
  let segments: string[];
  try {
    segments = parsePointer(pointer);
  } catch {
    return undefined;
  }
  let node: RangeNode | undefined = root;
  for (const segment of segments) {
    if (node === undefined) return undefined;
    if (node.members !== undefined) node = node.members.get(segment);
    else if (node.items !== undefined && ARRAY_INDEX.test(segment)) node = node.items[Number(segment)];
    else return undefined;
  }
  return node;
}

/** Turn a range node into line/column positions. */
export function toNodeRange(node: RangeNode, lines: LineIndex): NodeRange {
  const range: NodeRange = { start: lines.positionAt(node.value.start), end: lines.positionAt(node.value.end) };
  if (node.key !== undefined) {
    range.keyStart = lines.positionAt(node.key.start);
    range.keyEnd = lines.positionAt(node.key.end);
  }
  return range;
}
