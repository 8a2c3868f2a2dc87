import { heading } from "../emit/states/heading.js";
import type { StateNode } from "./graph.js";

/** One line of the generated module, and the state whose code it starts (its first `// "Name" (Type)` heading). */
export interface CodeLine {
  text: string;
  state?: string;
}

export interface AnchoredCode {
  lines: CodeLine[];
  /** Names of the states whose heading was found. */
  anchored: ReadonlySet<string>;
}

/**
 * Finds the heading comment the emitter writes above each state's code (src/emit/states/heading.ts: the name and type,
 * optionally followed by ` — ` and a detail). The first heading of each state gets its anchor; when one line could be
 * the heading of two states (a name that contains another's heading), the longer heading wins.
 */
export function anchorCode(code: string, states: readonly StateNode[]): AnchoredCode {
  const headings = states.map((s) => ({ name: s.name, text: heading(s.state).trimEnd() })).sort((a, b) => b.text.length - a.text.length);
  const anchored = new Set<string>();
  const lines = (code === "" ? [] : code.replace(/\n$/, "").split("\n")).map((text): CodeLine => {
    const trimmed = text.trim();
    if (!trimmed.startsWith("// ")) return { text };
    const found = headings.find((h) => trimmed === h.text || trimmed.startsWith(`${h.text} — `));
    if (!found || anchored.has(found.name)) return { text };
    anchored.add(found.name);
    return { text, state: found.name };
  });
  return { lines, anchored };
}
