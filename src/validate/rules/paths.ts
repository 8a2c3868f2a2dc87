import { childPointer } from "../../load/pointer.js";
import { isObject, subject, type StateModel } from "../model.js";
import { checkPathValue, REFERENCE_PATH, RESULT_PATH, TEMPLATE_VALUE } from "../path-checks.js";
import { forEachChoicePath, forEachPathField, forEachTemplate } from "../path-fields.js";
import type { Rule, RuleContext } from "./rule.js";

/** ASL-4: every path of a JSONPath state parses, and is a Reference Path where the spec requires one. */
export const jsonPaths: Rule = {
  name: "JSONPaths parse, and fields that need a Reference Path get one",
  codes: ["ASL301", "ASL302", "ASL303", "ASL306", "ASL307", "ASL308", "ASL309", "ASL310"],
  check(ctx) {
    if (!ctx.options.checkPaths) return;
    for (const state of ctx.model.states) {
      if (state.queryLanguage !== "JSONPath") continue;
      forEachPathField(state, (text, pointer, label, kind) => checkPathValue(ctx, state, text, pointer, label, kind));
      checkCatchers(ctx, state);
      // ASL-6.3: `Variable` and every `…Path` operand are Reference Paths (`$`, `$$` or `$var` roots).
      forEachChoicePath(state, (text, pointer, label) => checkPathValue(ctx, state, text, pointer, label, REFERENCE_PATH));
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

/** ASL-3.3: in payload templates, `key.$` values are strings holding a path or an intrinsic, and keys do not collide. */
export const payloadTemplates: Rule = {
  name: "Payload templates hold a path or intrinsic in every key.$ and no key twice",
  codes: ["ASL304", "ASL305", "ASL301", "ASL306", "ASL307", "ASL308", "ASL309"],
  check(ctx) {
    for (const state of ctx.model.states) {
      // JSONata states have no `.$` keys: the JSONata rules own their fields.
      if (state.queryLanguage !== "JSONPath") continue;
      forEachTemplate(state, (value, pointer, label) => walkTemplate(ctx, state, value, pointer, label));
    }
  },
};

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
