import { STATE_TYPES, type StateIR } from "../../ir/types.js";
import { commentText } from "../escape.js";

/** The comment above a state's code: its ASL name and type, so that code and definition can be read side by side. */
export function heading(state: StateIR, detail?: string): string {
  return `// ${commentText(`"${state.origin.name}" (${STATE_TYPES[state.kind]})${detail ? ` — ${detail}` : ""}`)}\n`;
}
