import { childPointer } from "../load/pointer.js";
import { fieldAt, isObject, type StateModel } from "./model.js";
import { FAIL_PATH, PATH, REFERENCE_PATH, RESULT_PATH, type PathFieldKind } from "./path-checks.js";

/**
 * Where JSONPath states hold paths and payload templates (ASL-3.1, ASL-3.3, ASL-4, ASL-6), as data shared by the
 * path rules and the variable analysis.
 */
export const PATH_FIELDS: ReadonlyArray<{ path: readonly string[]; kind: PathFieldKind; types?: readonly string[] }> = [
  { path: ["InputPath"], kind: PATH },
  { path: ["OutputPath"], kind: PATH },
  { path: ["ResultPath"], kind: RESULT_PATH },
  { path: ["ItemsPath"], kind: REFERENCE_PATH },
  { path: ["TimeoutSecondsPath"], kind: REFERENCE_PATH },
  { path: ["HeartbeatSecondsPath"], kind: REFERENCE_PATH },
  { path: ["SecondsPath"], kind: REFERENCE_PATH },
  { path: ["TimestampPath"], kind: REFERENCE_PATH },
  { path: ["MaxConcurrencyPath"], kind: REFERENCE_PATH },
  { path: ["ToleratedFailureCountPath"], kind: REFERENCE_PATH },
  { path: ["ToleratedFailurePercentagePath"], kind: REFERENCE_PATH },
  { path: ["ItemReader", "ReaderConfig", "MaxItemsPath"], kind: REFERENCE_PATH },
  { path: ["ItemBatcher", "MaxItemsPerBatchPath"], kind: REFERENCE_PATH },
  { path: ["ItemBatcher", "MaxInputBytesPerBatchPath"], kind: REFERENCE_PATH },
  { path: ["ErrorPath"], kind: FAIL_PATH, types: ["Fail"] },
  { path: ["CausePath"], kind: FAIL_PATH, types: ["Fail"] },
];

/** Payload templates of JSONPath states: where `key.$` values are evaluated. */
const TEMPLATE_FIELDS: ReadonlyArray<readonly string[]> = [
  ["Parameters"], ["ResultSelector"], ["ItemSelector"], ["Credentials"], ["Assign"],
  ["ItemReader", "Parameters"], ["ResultWriter", "Parameters"],
];

/** Every path-valued string field of a state with its pointer, label and kind. */
export function forEachPathField(state: StateModel, fn: (text: string, pointer: string, label: string, kind: PathFieldKind) => void): void {
  for (const field of PATH_FIELDS) {
    if (field.types && !field.types.includes(state.type)) continue;
    const value = fieldAt(state, field.path);
    if (typeof value === "string") fn(value, childPointer(state.pointer, ...field.path), field.path.join("."), field.kind);
  }
}

/** Every payload template of a state (including Choice-rule and Catcher Assign), with its pointer and label. */
export function forEachTemplate(state: StateModel, fn: (value: unknown, pointer: string, label: string) => void): void {
  for (const path of TEMPLATE_FIELDS) {
    const value = fieldAt(state, path);
    if (value !== undefined) fn(value, childPointer(state.pointer, ...path), path.join("."));
  }
  const catchers = state.fields["Catch"];
  if (Array.isArray(catchers)) {
    catchers.forEach((c, i) => isObject(c) && c["Assign"] !== undefined && fn(c["Assign"], childPointer(state.pointer, "Catch", i, "Assign"), `Catch[${i}].Assign`));
  }
  const choices = state.fields["Choices"];
  if (state.type === "Choice" && Array.isArray(choices)) {
    choices.forEach((c, i) => isObject(c) && c["Assign"] !== undefined && fn(c["Assign"], childPointer(state.pointer, "Choices", i, "Assign"), `Choices[${i}].Assign`));
  }
}

/** Every `key.$` string value inside a template, at any depth. */
export function forEachTemplateValue(template: unknown, pointer: string, fn: (text: string, pointer: string) => void): void {
  if (Array.isArray(template)) {
    template.forEach((item, i) => forEachTemplateValue(item, childPointer(pointer, i), fn));
  } else if (isObject(template)) {
    for (const [key, value] of Object.entries(template)) {
      const at = childPointer(pointer, key);
      if (key.endsWith(".$") && typeof value === "string") fn(value, at);
      else forEachTemplateValue(value, at, fn);
    }
  }
}

/** Every `Variable` and `…Path` operand of a Choice state's rules, nested And/Or/Not included (ASL-6.3). */
export function forEachChoicePath(state: StateModel, fn: (text: string, pointer: string, label: string) => void): void {
  const choices = state.fields["Choices"];
  if (state.type !== "Choice" || !Array.isArray(choices)) return;
  const visit = (rule: unknown, pointer: string, label: string): void => {
    if (!isObject(rule)) return;
    for (const [key, value] of Object.entries(rule)) {
      if ((key === "Variable" || key.endsWith("Path")) && typeof value === "string") fn(value, childPointer(pointer, key), `${label}.${key}`);
    }
    if (rule["Not"] !== undefined) visit(rule["Not"], childPointer(pointer, "Not"), `${label}.Not`);
    for (const combinator of ["And", "Or"] as const) {
      const nested = rule[combinator];
      if (Array.isArray(nested)) nested.forEach((n, j) => visit(n, childPointer(pointer, combinator, j), `${label}.${combinator}[${j}]`));
    }
  };
  choices.forEach((rule, i) => visit(rule, childPointer(state.pointer, "Choices", i), `Choices[${i}]`));
}
