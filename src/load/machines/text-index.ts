import type { Position } from "../../diagnostics/types.js";
import { LineIndex } from "../source-map.js";

/** Offsets ↔ 1-based line/column positions of one text (the same line breaks and columns as the loader's LineIndex). */
export class TextIndex {
  private readonly lines: LineIndex;

  constructor(readonly text: string) {
    this.lines = new LineIndex(text);
  }

  offsetAt(position: Position): number {
    return this.lines.offsetAt(position, this.text.length);
  }

  positionAt(offset: number): Position {
    return this.lines.positionAt(offset);
  }
}
