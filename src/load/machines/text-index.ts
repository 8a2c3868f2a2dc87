import type { Position } from "../../diagnostics/types.js";
import { LineIndex } from "../source-map.js";

/** Offsets ↔ 1-based line/column positions of one text (the same line breaks and columns as the loader's LineIndex). */
export class TextIndex {
  private readonly lines: LineIndex;
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    this.lines = new LineIndex(text);
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 10) this.starts.push(i + 1);
      else if (ch === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
  }

  offsetAt(position: Position): number {
    const lineStart = this.starts[position.line - 1] ?? this.text.length;
    return Math.min(this.text.length, lineStart + position.column - 1);
  }

  positionAt(offset: number): Position {
    return this.lines.positionAt(offset);
  }
}
