/**
 * YAML parsing with source ranges, on top of the `yaml` package (YAML 1.2, core schema, so `2024-01-01` stays a string
 * and `yes` stays a string). CloudFormation short-form tags load as their long form (see cfn-tags.ts). Aliases load
 * as a copy of their anchor's value. Merge keys (`<<`) are not special (YAML 1.2 has none).
 */
import {
  isAlias,
  isMap,
  isNode,
  isScalar,
  isSeq,
  parseAllDocuments,
  type Document,
  type Node,
  type YAMLError,
  type YAMLMap,
  type YAMLSeq,
} from "yaml";
import { cfnTags, isCfnTag } from "./cfn-tags.js";
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

/** At most this many nodes may be produced by expanding aliases (guards against "billion laughs" documents). */
export const MAX_ALIAS_NODES = 10_000;

const OPTIONS = {
  version: "1.2",
  schema: "core",
  customTags: cfnTags,
  resolveKnownTags: false, // `!!timestamp`, `!!binary`, … would produce non-JSON values
  stringKeys: true, // `1.0: x` has the key "1.0"; a collection as a key is an error
  uniqueKeys: false, // duplicates are reported below, with the position of the first one
  merge: false,
  prettyErrors: false,
  strict: true,
} as const;

/** Parse YAML text. Reports the first syntax error of the document as ASL002. */
export function parseYaml(text: string, lines: LineIndex): ParseResult {
  const documents = parseAllDocuments(text, OPTIONS);
  const [document, second] = documents;
  if (document === undefined) {
    const empty = "The definition is empty (the YAML text holds only comments)";
    return failure({ ...problem({ start: 0, end: 0 }, empty), code: "ASL001" });
  }
  const warnings = document.warnings.map(toWarning);
  const firstError = document.errors[0];
  if (firstError !== undefined) return failure(syntaxProblem(firstError), warnings);
  if (second !== undefined) {
    const start = second.range[0];
    const message = "YAML syntax error: expected a single YAML document, found a second one";
    return failure(problem({ start, end: Math.min(start + 3, text.length) }, message), warnings);
  }
  const walker = new Walker(text, lines, document, warnings);
  const built = walker.walk(document.contents, "", { start: 0, end: 0 });
  return { value: built.value, tree: built.range, problems: walker.problems };
}

function failure(first: Problem, warnings: Problem[] = []): ParseResult {
  return { value: undefined, tree: undefined, problems: [first, ...warnings] };
}

function problem(range: OffsetRange, message: string, pointer = "", severity: Problem["severity"] = "error"): Problem {
  return { code: "ASL002", severity, message, range, pointer };
}

function sentence(message: string): string {
  return /^[A-Z][a-z]/.test(message) ? message[0]?.toLowerCase() + message.slice(1) : message;
}

function syntaxProblem(error: YAMLError): Problem {
  return problem({ start: error.pos[0], end: error.pos[1] }, `YAML syntax error: ${sentence(error.message)}`);
}

function toWarning(warning: YAMLError): Problem {
  const range = { start: warning.pos[0], end: warning.pos[1] };
  const unresolved = /^Unresolved tag: (.*)$/.exec(warning.message);
  const message = unresolved
    ? `Unknown YAML tag ${(unresolved[1] ?? "").replace(/^tag:yaml\.org,2002:/, "!!")}; the value is loaded as if it had no tag`
    : `YAML warning: ${sentence(warning.message)}`;
  return problem(range, message, "", "warning");
}

interface Built {
  value: unknown;
  range: RangeNode;
}

class Walker {
  readonly problems: Problem[];
  private readonly expanding = new Set<Node>();
  private aliasDepth = 0;
  private aliasNodes = 0;

  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
    private readonly document: Document.Parsed,
    warnings: Problem[],
  ) {
    this.problems = [...warnings];
  }

  walk(node: Node | null, pointer: string, fallback: OffsetRange): Built {
    if (node === null || node.range == null) return { value: null, range: { value: fallback } };
    if (this.aliasDepth > 0 && ++this.aliasNodes > MAX_ALIAS_NODES) {
      if (this.aliasNodes === MAX_ALIAS_NODES + 1) {
        const message = `YAML aliases expand to more than ${MAX_ALIAS_NODES} nodes`;
        this.problems.push(problem(this.span(node), message, pointer));
      }
      return { value: null, range: { value: fallback } };
    }
    if (isAlias(node)) {
      const target = node.resolve(this.document);
      const here = this.span(node);
      if (target === undefined || this.expanding.has(target)) {
        const why = target === undefined ? "has no anchor before it" : "refers to a node that contains it";
        this.problems.push(problem(here, `YAML alias *${node.source} ${why}`, pointer));
        return { value: null, range: { value: here } };
      }
      this.aliasDepth++;
      const built = this.walk(target, pointer, here);
      this.aliasDepth--;
      return { value: built.value, range: { ...built.range, value: here } };
    }
    this.expanding.add(node);
    try {
      if (isMap(node)) return this.walkMap(node, pointer);
      if (isSeq(node)) return this.walkSeq(node, pointer);
      return this.walkScalar(node, pointer);
    } finally {
      this.expanding.delete(node);
    }
  }

  private walkMap(node: YAMLMap, pointer: string): Built {
    const value: Record<string, unknown> = {};
    const members = new Map<string, RangeNode>();
    const tagRange = this.tagRange(node);
    let end = this.span(node).start;
    for (const pair of node.items) {
      const keyNode = isNode(pair.key) ? pair.key : null;
      const key = isScalar(keyNode) ? String(keyNode.value) : "";
      const keyRange = keyNode?.range ? this.span(keyNode) : (tagRange ?? { start: end, end });
      const memberPointer = childPointer(pointer, key);
      const child = this.walk(isNode(pair.value) ? pair.value : null, memberPointer, {
        start: keyRange.end,
        end: keyRange.end,
      });
      child.range.key = keyRange;
      end = Math.max(end, keyRange.end, child.range.value.end);
      const previous = members.get(key);
      if (previous?.key !== undefined) {
        const message = duplicateKeyMessage(key, this.lines.positionAt(previous.key.start).line);
        this.problems.push({
          code: "ASL003",
          severity: "error",
          message,
          range: keyRange,
          pointer: memberPointer,
          key: true,
        });
      } else {
        members.set(key, child.range);
      }
      setMember(value, key, child.value);
    }
    return { value, range: { value: this.collectionSpan(node, end), members } };
  }

  private walkSeq(node: YAMLSeq, pointer: string): Built {
    const value: unknown[] = [];
    const ranges: RangeNode[] = [];
    let end = this.span(node).start;
    node.items.forEach((item, index) => {
      const child = this.walk(isNode(item) ? item : null, childPointer(pointer, index), { start: end, end });
      value.push(child.value);
      ranges.push(child.range);
      end = Math.max(end, child.range.value.end);
    });
    return { value, range: { value: this.collectionSpan(node, end), items: ranges } };
  }

  private walkScalar(node: Node, pointer: string): Built {
    const value: unknown = isScalar(node) ? node.value : null;
    const range = this.span(node);
    const written: OffsetRange = { start: node.range?.[0] ?? range.start, end: range.end };
    if (typeof value === "number" && !Number.isFinite(value)) {
      const source = isScalar(node) ? String(node.source) : String(value);
      const message = `YAML value ${source} is not a finite number; JSON has no Infinity or NaN`;
      this.problems.push(problem(range, message, pointer));
    }
    if (value !== null && typeof value === "object") {
      // A CloudFormation short-form tag on a scalar: the long form lives entirely inside this scalar.
      return { value, range: { ...uniformTree(value, written, this.tagRange(node) ?? written), value: range } };
    }
    return { value, range: { value: range } };
  }

  /** The node's range, widened to include its CloudFormation tag, without trailing blanks. */
  private span(node: Node): OffsetRange {
    const [start = 0, end = start] = node.range ?? [];
    const tag = this.tagRange(node);
    return { start: tag?.start ?? start, end: Math.max(start, this.trimEnd(end)) };
  }

  private collectionSpan(node: Node, lastChildEnd: number): OffsetRange {
    const span = this.span(node);
    const flow = (isMap(node) || isSeq(node)) && node.flow === true;
    return flow ? span : { start: span.start, end: Math.max(span.start, lastChildEnd) };
  }

  private trimEnd(end: number): number {
    let e = Math.min(end, this.text.length);
    while (e > 0 && /\s/.test(this.text[e - 1] ?? "")) e--;
    return e;
  }

  /** Where a CloudFormation tag such as `!GetAtt` is written, just before the node (past blanks and an anchor). */
  private tagRange(node: Node): OffsetRange | undefined {
    if (!isCfnTag(node.tag) || node.tag === undefined || node.range == null) return undefined;
    const windowStart = Math.max(0, node.range[0] - 256);
    const found = this.text.slice(windowStart, node.range[0]).lastIndexOf(node.tag);
    if (found < 0) return undefined;
    const start = windowStart + found;
    const between = this.text.slice(start + node.tag.length, node.range[0]);
    return /^(?:\s|&\S+|#[^\n\r]*)*$/.test(between) ? { start, end: start + node.tag.length } : undefined;
  }
}

/**
 * Ranges for a JSON value written entirely inside one scalar (the long form of a tagged scalar): every node gets
 * the scalar's range, and object members get the tag's range as their key.
 */
function uniformTree(value: unknown, range: OffsetRange, keyRange: OffsetRange): RangeNode {
  const node: RangeNode = { value: range };
  if (Array.isArray(value)) node.items = value.map((item) => uniformTree(item, range, keyRange));
  else if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).map(([k, v]): [string, RangeNode] => [k, memberTree(v, range, keyRange)]);
    node.members = new Map(entries);
  }
  return node;
}

function memberTree(value: unknown, range: OffsetRange, keyRange: OffsetRange): RangeNode {
  return { ...uniformTree(value, range, keyRange), key: keyRange };
}
