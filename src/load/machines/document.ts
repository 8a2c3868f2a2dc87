import type { Position } from "../../diagnostics/types.js";
import type { LoadedSource, NodeRange } from "../types.js";
import { alignScalar, unmapped, type MappedText, type SourceSpan } from "./mapped-text.js";
import { TextIndex } from "./text-index.js";
import type { MachineProblem } from "./types.js";

/** A loaded file being searched for state machines (a template, or a file it references), with offset lookups. */
export class SearchedDocument {
  private readonly index: TextIndex | undefined;

  /**
   * @param source the loaded file
   * @param problemFile set for a referenced file: problems about it name it (the searched file's problems do not)
   */
  constructor(
    readonly source: LoadedSource,
    readonly problemFile?: string,
  ) {
    this.index = source.text === undefined ? undefined : new TextIndex(source.text);
  }

  /** The source span of the value at `pointer`. */
  span(pointer: string): SourceSpan | undefined {
    const range = this.source.locate(pointer);
    if (range === undefined || this.index === undefined) return undefined;
    return { start: this.index.offsetAt(range.start), end: this.index.offsetAt(range.end) };
  }

  /** The characters of the string value at `pointer`, each mapped to where it is written. */
  scalarText(value: string, pointer: string): MappedText {
    const span = this.span(pointer);
    const text = this.source.text;
    if (span === undefined || text === undefined) return unmapped(value);
    return alignScalar(value, text, span.start, span.end);
  }

  position(offset: number): Position | undefined {
    return this.index?.positionAt(offset);
  }

  /** A NodeRange for source spans of a value and, optionally, of its key. */
  range(value: SourceSpan, key?: SourceSpan): NodeRange | undefined {
    if (this.index === undefined) return undefined;
    const range: NodeRange = { start: this.index.positionAt(value.start), end: this.index.positionAt(value.end) };
    if (key !== undefined) {
      range.keyStart = this.index.positionAt(key.start);
      range.keyEnd = this.index.positionAt(key.end);
    }
    return range;
  }

  problem(severity: MachineProblem["severity"], message: string, pointer: string, span?: SourceSpan): MachineProblem {
    const problem: MachineProblem = { severity, message, pointer };
    if (this.problemFile !== undefined) problem.file = this.problemFile;
    if (span !== undefined && this.index !== undefined) {
      problem.start = this.index.positionAt(span.start);
      problem.end = this.index.positionAt(span.end);
    }
    return problem;
  }
}
