/**
 * Text that remembers where each of its characters came from in a source file: the JSON text of a DefinitionString
 * is assembled from string scalars (with their escapes and YAML indentation removed), `Fn::Sub` variables,
 * `Fn::Join` parts and substitutions, and every character keeps the source range it stands for.
 */

export interface MappedText {
  text: string;
  /** Source offset where character i comes from; -1 when unknown. */
  starts: number[];
  /** Source offset just past what character i comes from (an escape sequence or a whole `${Name}` is several characters). */
  ends: number[];
}

/** A half-open range of source offsets. */
export interface SourceSpan {
  start: number;
  end: number;
}

/** Text whose characters have no known origin. */
export function unmapped(text: string): MappedText {
  return { text, starts: Array<number>(text.length).fill(-1), ends: Array<number>(text.length).fill(-1) };
}

/** Text whose every character stands for one source span (an inserted value stands for the `${Name}` it replaced). */
export function spanning(text: string, span: SourceSpan | undefined): MappedText {
  if (span === undefined) return unmapped(text);
  return { text, starts: Array<number>(text.length).fill(span.start), ends: Array<number>(text.length).fill(span.end) };
}

export function concat(parts: readonly MappedText[]): MappedText {
  return {
    text: parts.map((p) => p.text).join(""),
    starts: parts.flatMap((p) => p.starts),
    ends: parts.flatMap((p) => p.ends),
  };
}

export function slice(mapped: MappedText, from: number, to: number = mapped.text.length): MappedText {
  return { text: mapped.text.slice(from, to), starts: mapped.starts.slice(from, to), ends: mapped.ends.slice(from, to) };
}

/** The source span of the characters [from, to) (a position for an empty range); undefined when unknown. */
export function spanOf(mapped: MappedText, from: number, to: number): SourceSpan | undefined {
  const last = Math.max(from, to - 1);
  const start = mapped.starts[from] ?? mapped.starts[last];
  const end = mapped.ends[last] ?? mapped.ends[from];
  if (start === undefined || end === undefined || start < 0 || end < 0) return undefined;
  return { start, end: Math.max(start, to > from ? end : start) };
}

const ESCAPED_SPACE: Record<string, string> = { n: "\n", t: "\t", r: "\r" };

function isSpace(ch: string | undefined): boolean {
  return ch === " " || ch === "\t" || ch === "\n" || ch === "\r";
}

/** Where the characters of a scalar start: past an opening quote or a block scalar header (`|`, `>-`, `|2`…). */
function contentStart(source: string, start: number, end: number): number {
  const first = source[start];
  if (first === '"' || first === "'") return start + 1;
  if (first === "|" || first === ">") {
    const newline = source.indexOf("\n", start);
    return newline < 0 || newline >= end ? end : newline + 1;
  }
  return start;
}

/**
 * Map the characters of a string value to the scalar written at [start, end) of `source`: a JSON string token, or any
 * YAML scalar (plain, quoted, literal or folded block). The characters of the value are found in order in the source,
 * skipping only what a scalar's syntax adds (blanks, indentation, line breaks, quotes doubled in single-quoted YAML,
 * backslash escapes; `\uXXXX` is decoded). When a character cannot be found that way, it and every later one map to
 * the whole scalar: the location is then only as precise as the scalar itself.
 */
export function alignScalar(value: string, source: string, start: number, end: number): MappedText {
  const starts: number[] = [];
  const ends: number[] = [];
  let j = contentStart(source, start, end);
  for (let i = 0; i < value.length; i++) {
    const ch = value[i] ?? "";
    if (isSpace(ch)) {
      const at = Math.min(j, Math.max(start, end - 1));
      if (j < end && source[j] === ch) {
        starts.push(j);
        ends.push(++j);
      } else if (j + 1 < end && source[j] === "\\" && ESCAPED_SPACE[source[j + 1] ?? ""] === ch) {
        starts.push(j);
        j += 2;
        ends.push(j);
      } else {
        starts.push(at);
        ends.push(at + 1);
      }
      continue;
    }
    const found = findCharacter(ch, source, j, end);
    if (found === undefined) {
      for (let rest = i; rest < value.length; rest++) {
        starts.push(start);
        ends.push(end);
      }
      break;
    }
    starts.push(found.start);
    ends.push(found.end);
    j = found.end;
  }
  return { text: value, starts, ends };
}

function findCharacter(ch: string, source: string, from: number, end: number): { start: number; end: number } | undefined {
  let escapeAt = -1;
  for (let k = from; k < end; k++) {
    const s = source[k];
    if (s === ch) return { start: escapeAt === k - 1 ? escapeAt : k, end: k + 1 };
    if (s === "\\") {
      const hex = source[k + 1] === "u" ? source.slice(k + 2, k + 6) : "";
      if (/^[0-9A-Fa-f]{4}$/.test(hex)) {
        if (String.fromCharCode(Number.parseInt(hex, 16)) === ch) return { start: k, end: k + 6 };
        k += 5;
        continue;
      }
      escapeAt = k;
      continue;
    }
    if (isSpace(s)) continue;
    if (escapeAt === k - 1) continue; // the letter of an escape such as \n
    if (s === "'" && source[k - 1] === "'") continue; // '' in single-quoted YAML
    return undefined;
  }
  return undefined;
}
