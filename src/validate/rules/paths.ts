import { childPointer } from "../../load/pointer.js";
import { fieldAt, isObject, subject, type StateModel } from "../model.js";
import { checkPathValue, FAIL_PATH, PATH, REFERENCE_PATH, RESULT_PATH, TEMPLATE_VALUE, type PathFieldKind } from "../path-checks.js";
import type { Rule, RuleContext } from "./rule.js";

/** Path-valued fields of JSONPath states, with what each accepts (ASL-3.1, ASL-4, ASL-6). */
const PATH_FIELDS: ReadonlyArray<{ path: readonly string[]; kind: PathFieldKind; types?: readonly string[] }> = [
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

/** ASL-4: every path of a JSONPath state parses, and is a Reference Path where the spec requires one. */
export const jsonPaths: Rule = {
  name: "JSONPaths parse, and fields that need a Reference Path get one",
  codes: ["ASL301", "ASL302", "ASL303", "ASL306", "ASL307", "ASL308", "ASL309", "ASL310"],
  check(ctx) {
    if (!ctx.options.checkPaths) return;
    for (const state of ctx.model.states) {
      if (state.queryLanguage !== "JSONPath") continue;
      for (const field of PATH_FIELDS) {
        if (field.types && !field.types.includes(state.type)) continue;
        const value = fieldAt(state, field.path);
        if (typeof value === "string") checkPathValue(ctx, state, value, childPointer(state.pointer, ...field.path), field.path.join("."), field.kind);
      }
      checkCatchers(ctx, state);
      checkChoices(ctx, state);
    }
  },
};

function checkCatchers(ctx: RuleContext, state: StateModel): void {
  const catchers = state.fields["Catch"];
  if (!Array.isArray(catchers)) return;
  catchers.forEach((c, i) => {
    if (isObject(c) && typeof c["ResultPath"] === "string") {
      checkPathValue(ctx, state, c["ResultPath"], childPointer(state.pointer, "Catch", i, "ResultPath"), `Catch[${i}].ResultPath`, RESULT_PATH);
    }
  });
}

function checkChoices(ctx: RuleContext, state: StateModel): void {
  const choices = state.fields["Choices"];
  if (state.type !== "Choice" || !Array.isArray(choices)) return;
  choices.forEach((rule, i) => checkChoiceRule(ctx, state, rule, childPointer(state.pointer, "Choices", i), `Choices[${i}]`));
}

/** ASL-6.3: `Variable` and every `…Path` operand are Reference Paths (`$`, `$$` or `$var` roots). */
function checkChoiceRule(ctx: RuleContext, state: StateModel, rule: unknown, pointer: string, label: string): void {
  if (!isObject(rule)) return;
  for (const [key, value] of Object.entries(rule)) {
    if ((key === "Variable" || key.endsWith("Path")) && typeof value === "string") {
      checkPathValue(ctx, state, value, childPointer(pointer, key), `${label}.${key}`, REFERENCE_PATH);
    }
  }
  const not = rule["Not"];
  if (not !== undefined) checkChoiceRule(ctx, state, not, childPointer(pointer, "Not"), `${label}.Not`);
  for (const combinator of ["And", "Or"] as const) {
    const nested = rule[combinator];
    if (Array.isArray(nested)) nested.forEach((n, j) => checkChoiceRule(ctx, state, n, childPointer(pointer, combinator, j), `${label}.${combinator}[${j}]`));
  }
}

/** Payload templates of JSONPath states (ASL-3.3): where `key.$` values are evaluated. */
const TEMPLATE_FIELDS: ReadonlyArray<readonly string[]> = [
  ["Parameters"], ["ResultSelector"], ["ItemSelector"], ["Credentials"], ["Assign"],
  ["ItemReader", "Parameters"], ["ResultWriter", "Parameters"],
];

/** ASL-3.3: in payload templates, `key.$` values are strings holding a path or an intrinsic, and keys do not collide. */
export const payloadTemplates: Rule = {
  name: "Payload templates hold a path or intrinsic in every key.$ and no key twice",
  codes: ["ASL304", "ASL305", "ASL301", "ASL306", "ASL307", "ASL308", "ASL309"],
  check(ctx) {
    for (const state of ctx.model.states) {
      const templates: Array<[readonly (string | number)[], unknown, string]> = [];
      if (state.queryLanguage === "JSONPath") {
        for (const path of TEMPLATE_FIELDS) templates.push([path, fieldAt(state, path), path.join(".")]);
        forEachHandlerAssign(state, (path, value, label) => templates.push([path, value, label]));
      } else if (state.queryLanguage === "JSONata") {
        // JSONata states have no `.$` keys; nothing to check here (the JSONata rules own these fields).
        continue;
      }
      for (const [path, value, label] of templates) {
        if (value !== undefined) walkTemplate(ctx, state, value, childPointer(state.pointer, ...path), label);
      }
    }
  },
};

function forEachHandlerAssign(state: StateModel, fn: (path: Array<string | number>, value: unknown, label: string) => void): void {
  const catchers = state.fields["Catch"];
  if (Array.isArray(catchers)) catchers.forEach((c, i) => isObject(c) && fn(["Catch", i, "Assign"], c["Assign"], `Catch[${i}].Assign`));
  const choices = state.fields["Choices"];
  if (state.type === "Choice" && Array.isArray(choices)) choices.forEach((c, i) => isObject(c) && fn(["Choices", i, "Assign"], c["Assign"], `Choices[${i}].Assign`));
}

function walkTemplate(ctx: RuleContext, state: StateModel, node: unknown, pointer: string, label: string): void {
  if (Array.isArray(node)) {
    node.forEach((item, i) => walkTemplate(ctx, state, item, childPointer(pointer, i), `${label}[${i}]`));
    return;
  }
  if (!isObject(node)) return;
  const keys = Object.keys(node);
  for (const key of keys) {
    const value = node[key];
    const childLabel = `${label}.${key}`;
    const at = childPointer(pointer, key);
    if (!key.endsWith(".$")) {
      walkTemplate(ctx, state, value, at, childLabel);
      continue;
    }
    const plain = key.slice(0, -2);
    if (keys.includes(plain)) {
      ctx.report("ASL305", at, `${subject(state)}, ${label}: has both "${plain}" and "${key}"; after ".$" is stripped only one can stay`, { key: true, state: state.name });
    }
    if (typeof value !== "string") {
      ctx.report("ASL304", at, `${subject(state)}, ${childLabel}: the value of a ".$" key must be a string holding a path or intrinsic function, got ${describe(value)}`, {
        state: state.name,
        hint: `Rename the key to "${plain}" to use the value as a literal.`,
      });
      continue;
    }
    if (ctx.options.checkPaths) checkPathValue(ctx, state, value, at, childLabel, TEMPLATE_VALUE);
  }
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  return `${typeof value} ${JSON.stringify(value)}`;
}
