import type { StateIR } from "../../ir/types.js";
import { commentText } from "../escape.js";

const TYPE_NAMES: Record<StateIR["kind"], string> = {
  pass: "Pass",
  task: "Task",
  choice: "Choice",
  wait: "Wait",
  succeed: "Succeed",
  fail: "Fail",
  parallel: "Parallel",
  map: "Map",
};

/** The comment above a state's code: its ASL name and type, so that code and definition can be read side by side. */
export function heading(state: StateIR, detail?: string): string {
  return `// ${commentText(`"${state.origin.name}" (${TYPE_NAMES[state.kind]})${detail ? ` — ${detail}` : ""}`)}\n`;
}
