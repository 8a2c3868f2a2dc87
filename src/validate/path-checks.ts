import { checkIntrinsic, returnsString } from "../paths/intrinsic-functions.js";
import { looksLikeIntrinsic, parseIntrinsic } from "../paths/intrinsic.js";
import { isReferencePath, parsePath } from "../paths/jsonpath.js";
import { subject, type StateModel } from "./model.js";
import type { RuleContext } from "./rules/rule.js";

/** What a path-valued field accepts (ASL-4, ASL-5, ASL-6.6). */
export interface PathFieldKind {
  /** Only `.name`, `['name']` and `[n]` steps (a Reference Path). */
  reference: boolean;
  /** `$$…` context paths and `$var…` variable paths are allowed (not for ResultPath). */
  otherRoots: boolean;
  /** An intrinsic function call is allowed instead of a path (payload templates, Fail ErrorPath/CausePath). */
  intrinsic: "no" | "any" | "string";
}

export const PATH: PathFieldKind = { reference: false, otherRoots: true, intrinsic: "no" };
export const REFERENCE_PATH: PathFieldKind = { reference: true, otherRoots: true, intrinsic: "no" };
export const RESULT_PATH: PathFieldKind = { reference: true, otherRoots: false, intrinsic: "no" };
export const TEMPLATE_VALUE: PathFieldKind = { reference: false, otherRoots: true, intrinsic: "any" };
export const FAIL_PATH: PathFieldKind = { reference: true, otherRoots: true, intrinsic: "string" };

/**
 * Check one path-valued string and report the first problem: ASL301 (syntax), ASL302 (reference path required),
 * ASL303 (ResultPath into `$$` or a variable), ASL306 (neither path nor intrinsic), ASL307–ASL310 (intrinsics).
 */
export function checkPathValue(ctx: RuleContext, state: StateModel, text: string, pointer: string, label: string, kind: PathFieldKind): void {
  const where = `${subject(state)}, ${label}`;
  const report = (code: string, message: string, hint?: string): void =>
    ctx.report(code, pointer, `${where}: ${message}`, { state: state.name, ...(hint ? { hint } : {}) });

  if (kind.intrinsic !== "no" && text.startsWith("States.")) {
    checkIntrinsicValue(text, kind, report);
    return;
  }
  if (!text.startsWith("$")) {
    if (kind.intrinsic === "any") {
      report("ASL306", `${JSON.stringify(text)} is neither a path (starting with "$") nor an intrinsic function call (States.…)`, "Drop the .$ suffix from the key to use the value as a literal.");
    } else if (kind.intrinsic === "string") {
      const literal = label.replace(/Path$/, "");
      report("ASL301", `${JSON.stringify(text)} is neither a path (starting with "$") nor an intrinsic function call (States.…)`, `Use "${literal}" for a literal value.`);
    } else {
      report("ASL301", `${JSON.stringify(text)} is not a JSONPath: a path starts with "$"`);
    }
    return;
  }
  const parsed = parsePath(text);
  if (!parsed.ok) {
    report("ASL301", `invalid JSONPath ${JSON.stringify(text)}: ${parsed.message} (at character ${parsed.offset + 1})`);
    return;
  }
  const root = parsed.value.root.kind;
  if (!kind.otherRoots && root !== "input") {
    report("ASL303", `${JSON.stringify(text)} cannot write into ${root === "context" ? "the context object ($$)" : "a variable"}; ResultPath is a path into the state's output ($…)`, "Use Assign to set a variable.");
    return;
  }
  if (kind.reference && !isReferencePath(parsed.value)) {
    report("ASL302", `${JSON.stringify(text)} must be a Reference Path that names a single node (only .name, ['name'] and [n] steps; no .., *, filters, slices, unions or functions)`);
  }
}

function checkIntrinsicValue(text: string, kind: PathFieldKind, report: (code: string, message: string) => void): void {
  if (!looksLikeIntrinsic(text)) {
    report("ASL307", `${JSON.stringify(text)} is not an intrinsic function call (States.Name(arguments))`);
    return;
  }
  const parsed = parseIntrinsic(text);
  if (!parsed.ok) {
    report("ASL307", `invalid intrinsic function call ${JSON.stringify(text)}: ${parsed.message} (at character ${parsed.offset + 1})`);
    return;
  }
  const issues = checkIntrinsic(parsed.value);
  const first = issues[0];
  if (first) {
    report(first.kind === "unknown-function" ? "ASL308" : "ASL309", first.message);
    return;
  }
  if (kind.intrinsic === "string" && !returnsString(parsed.value)) {
    report("ASL310", `${parsed.value.name} does not return a string; ErrorPath and CausePath accept a path or one of States.Format, States.JsonToString, States.ArrayGetItem, States.Base64Encode, States.Base64Decode, States.Hash and States.UUID`);
  }
}
