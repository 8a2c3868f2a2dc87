import type { Refined, Step } from "./world.js";

/**
 * What an intrinsic function (ASL-5) needs of a value beyond its kind, as refined needs (see World's `Need`): the
 * conditions src/runtime/intrinsics-*.ts checks, each with a readable example that meets it.
 */

/** A name fit to appear in an example: `key` without the characters in `avoid`, else the first fallback without them. */
function word(key: Step, avoid: string): string {
  const bad = new Set(avoid);
  const clean = (text: string): string => [...text].filter((c) => !bad.has(c)).join("");
  for (const candidate of [typeof key === "string" ? key : "", "value", "part", "x"]) {
    const cleaned = clean(candidate);
    if (cleaned !== "") return cleaned;
  }
  return "";
}

/** How many `{}` a States.Format template read from a path holds (such a template has no escapes). */
export function placeholderCount(template: string): number {
  let count = 0;
  for (let i = 0; i < template.length; i++) {
    if (template[i] === "{" && template[i + 1] === "}") {
      count++;
      i++;
    }
  }
  return count;
}

/** A States.Format template read from a path, for `count` arguments: exactly that many `{}`. */
export function formatTemplate(count: number): Refined {
  return {
    base: "string",
    accepts: (value) => typeof value === "string" && placeholderCount(value) === count,
    example: (key) => `${word(key, "{}")}${" {}".repeat(count)}`,
  };
}

/** The number of pieces States.StringSplit cuts `text` into: runs between any of the delimiter characters. */
export function pieceCount(text: string, delimiters: string): number {
  const split = new Set(delimiters);
  let count = 0;
  let inPiece = false;
  for (const c of text) {
    if (split.has(c)) inPiece = false;
    else if (!inPiece) {
      inPiece = true;
      count++;
    }
  }
  return count;
}

/** A text States.StringSplit cuts into at least `count` pieces at `delimiters` (e.g. for States.ArrayGetItem). */
export function splitsInto(delimiters: string, count: number): Refined {
  const separator = [...delimiters][0] ?? "";
  return {
    base: "string",
    accepts: (value) => typeof value === "string" && pieceCount(value, delimiters) >= count,
    example: (key) => {
      const name = word(key, delimiters);
      return Array.from({ length: count }, (_, i) => (i === 0 ? name : `${name}${i}`)).join(separator);
    },
  };
}

/** An integer above `bound` (States.MathRandom's end, above its start). */
export function integerAbove(bound: number): Refined {
  return { base: "integer", accepts: (value) => typeof value === "number" && value > bound, example: () => Math.floor(bound) + 1 };
}

/** An integer below `bound` (States.MathRandom's start, below its end). */
export function integerBelow(bound: number): Refined {
  return { base: "integer", accepts: (value) => typeof value === "number" && value < bound, example: () => Math.ceil(bound) - 1 };
}
