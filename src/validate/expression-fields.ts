import { childPointer } from "../load/pointer.js";
import { fieldAt, isObject, type StateModel } from "./model.js";

/**
 * Where a field holding data-flow expressions sits in a state, and what it may read (ASL-3.2):
 * `result` — `$states.result` exists (Output/Assign of a Task, Parallel or Map after success);
 * `errorOutput` — `$states.errorOutput` exists (a Catcher's Output/Assign).
 */
export interface ExpressionField {
  /** Pointer of the field's value. */
  pointer: string;
  /** Label for messages: `Output`, `Catch[0].Assign`, `Choices[1].Condition`. */
  label: string;
  value: unknown;
  result: boolean;
  errorOutput: boolean;
  /** The field's value is an Assign object (its keys are variable names). */
  assign: boolean;
}

const WITH_RESULT = new Set(["Task", "Parallel", "Map"]);

/** Plain state fields that accept `{% %}` in JSONata states (ASL-3.2), besides Output and Assign. */
const INPUT_FIELDS: ReadonlyArray<readonly string[]> = [
  ["Arguments"], ["Items"], ["ItemSelector"], ["MaxConcurrency"], ["ToleratedFailurePercentage"], ["ToleratedFailureCount"],
  ["TimeoutSeconds"], ["HeartbeatSeconds"], ["Seconds"], ["Timestamp"], ["Error"], ["Cause"], ["Credentials"],
  ["ItemBatcher"], ["ItemReader", "Arguments"], ["ItemReader", "ReaderConfig", "MaxItems"], ["ResultWriter", "Arguments"],
];

/** Every field of a state that holds JSONata expressions (or, in JSONPath states, Assign values). */
export function expressionFields(state: StateModel): ExpressionField[] {
  const out: ExpressionField[] = [];
  const push = (path: ReadonlyArray<string | number>, value: unknown, label: string, flags: Partial<Pick<ExpressionField, "result" | "errorOutput" | "assign">> = {}): void => {
    if (value === undefined) return;
    out.push({ pointer: childPointer(state.pointer, ...path), label, value, result: false, errorOutput: false, assign: false, ...flags });
  };
  for (const path of INPUT_FIELDS) push(path, fieldAt(state, path), path.join("."));
  const hasResult = WITH_RESULT.has(state.type);
  push(["Output"], state.fields["Output"], "Output", { result: hasResult });
  push(["Assign"], state.fields["Assign"], "Assign", { result: hasResult, assign: true });
  const catchers = state.fields["Catch"];
  if (Array.isArray(catchers)) {
    catchers.forEach((c, i) => {
      if (!isObject(c)) return;
      push(["Catch", i, "Output"], c["Output"], `Catch[${i}].Output`, { errorOutput: true });
      push(["Catch", i, "Assign"], c["Assign"], `Catch[${i}].Assign`, { errorOutput: true, assign: true });
    });
  }
  const choices = state.fields["Choices"];
  if (state.type === "Choice" && Array.isArray(choices)) {
    choices.forEach((c, i) => {
      if (!isObject(c)) return;
      push(["Choices", i, "Condition"], c["Condition"], `Choices[${i}].Condition`);
      push(["Choices", i, "Output"], c["Output"], `Choices[${i}].Output`);
      push(["Choices", i, "Assign"], c["Assign"], `Choices[${i}].Assign`, { assign: true });
    });
  }
  return out;
}
