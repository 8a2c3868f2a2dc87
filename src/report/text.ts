/**
 * Text measuring for the layout, without a browser: widths estimated from Arial/Helvetica metrics (the report's font
 * stack starts with them), a little generous so labels never overflow their boxes; and line wrapping for long names.
 */

/** Font stack of every graph label (the page's CSS uses the same). */
export const FONT_FAMILY = `-apple-system, "Segoe UI", Helvetica, Arial, "Liberation Sans", sans-serif`;

/** Estimated advance of one character, in em. */
function advance(ch: string): number {
  if (/^[ilIjtf.,:;'|!()[\]]$/.test(ch)) return 0.32;
  if (ch === " ") return 0.3;
  if (/^[mwMW@%]$/.test(ch)) return 0.9;
  if (/^[A-Z]$/.test(ch)) return 0.7;
  if (/^[a-z0-9]$/.test(ch)) return 0.58;
  if ((ch.codePointAt(0) ?? 0) < 0x2e80) return 0.65;
  // CJK, emoji and the like: full width.
  return 1.05;
}

/** Estimated width in pixels of one line of text at `fontSize`. */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += advance(ch);
  return Math.ceil(em * fontSize);
}

/**
 * Wraps text into at most `maxLines` lines of at most `maxChars` characters, breaking at spaces where it can and inside
 * a word when it must; a last line that cannot hold the rest ends with "…". Line breaks in the text count as spaces.
 */
export function wrapText(text: string, maxChars: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line: string[] = [];
  for (const word of text.split(/\s+/).filter((w) => w !== "")) {
    let chars = [...word];
    if (line.length > 0 && line.length + 1 + chars.length > maxChars) {
      lines.push(line.join(""));
      line = [];
    }
    // A word longer than a line is cut into whole lines.
    while (chars.length > maxChars) {
      lines.push(chars.slice(0, maxChars).join(""));
      chars = chars.slice(maxChars);
    }
    if (chars.length > 0) line = line.length > 0 ? [...line, " ", ...chars] : chars;
  }
  if (line.length > 0) lines.push(line.join(""));
  if (lines.length <= maxLines) return lines.length > 0 ? lines : [""];
  const kept = lines.slice(0, maxLines);
  const last = [...(kept[maxLines - 1] ?? "")];
  kept[maxLines - 1] = `${last.slice(0, Math.max(0, maxChars - 1)).join("")}…`;
  return kept;
}
