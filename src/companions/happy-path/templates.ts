import { argumentKind, intrinsicFunction, type ArgumentKind } from "../../paths/intrinsic-functions.js";
import { parseIntrinsic, type IntrinsicArgument, type IntrinsicCall } from "../../paths/intrinsic.js";
import { selectPath } from "../../runtime/jsonpath.js";
import type { PathRoots } from "../../runtime/types.js";
import { formatTemplate, integerAbove, integerBelow, splitsInto } from "./intrinsic-needs.js";
import { demandPath, demandSteps, locateSteps, parseJsonPath, pathSteps, rootDocument, rootSlot } from "./paths.js";
import { isPlainObject, type LeafKind, type Need, type World } from "./world.js";

/**
 * The demands of a JSONPath payload template (ASL-3.3: Parameters, ResultSelector, ItemSelector, Credentials, Assign):
 * every `key.$` path must resolve, and every path argument of an intrinsic function (ASL-5) must hold a value of the
 * kind the function needs.
 */
export function demandTemplate(world: World, template: unknown, roots: PathRoots, kind: LeafKind = "any"): void {
  if (Array.isArray(template)) {
    for (const item of template) demandTemplate(world, item, roots, kind);
    return;
  }
  if (template === null || typeof template !== "object") return;
  for (const [key, value] of Object.entries(template)) {
    if (key.endsWith(".$") && typeof value === "string") demandDynamic(world, value, roots, kind);
    else demandTemplate(world, value, roots, kind);
  }
}

/** A `.$` value (or a …Path field): a path or an intrinsic call. */
export function demandDynamic(world: World, text: string, roots: PathRoots, kind: Need): void {
  if (text.startsWith("States.")) {
    const parsed = parseIntrinsic(text);
    if (parsed.ok) demandCall(world, parsed.value, roots);
  } else if (text.startsWith("$")) {
    demandPath(world, text, roots, kind);
  }
}

function demandCall(world: World, call: IntrinsicCall, roots: PathRoots): void {
  const spec = intrinsicFunction(call.name);
  if (spec === undefined) return;
  for (const [i, arg] of call.args.entries()) {
    if (arg.kind === "call") demandCall(world, arg, roots);
    else if (arg.kind === "path") {
      const kind = leafKindFor(call, i, argumentKind(spec, i));
      if (kind !== undefined) demandPath(world, arg.path.text, roots, kind);
    }
  }
  relateArguments(world, call, roots);
}

/**
 * The conditions between a call's arguments, once each has a value of its kind (src/runtime/intrinsics-*.ts checks
 * them): States.ArrayGetItem's array has an item at the index (directly, or as the pieces of States.StringSplit),
 * States.MathRandom's start is below its end.
 */
function relateArguments(world: World, call: IntrinsicCall, roots: PathRoots): void {
  const [first, second] = call.args;
  if (call.name === "States.ArrayGetItem" && first !== undefined && second !== undefined) {
    const index = argumentValue(second, roots);
    if (typeof index !== "number" || !Number.isInteger(index) || index < 0) return;
    if (first.kind === "path") {
      const { root, steps, rest } = pathSteps(first.path);
      if (rest === undefined && steps.length === first.path.segments.length) demandSteps(world, rootDocument(root, roots), [...steps, index], "any", rootSlot(root, roots));
    } else if (first.kind === "call" && first.name === "States.StringSplit") {
      const [text, delimiters] = first.args;
      const separators = delimiters === undefined ? undefined : argumentValue(delimiters, roots);
      if (text?.kind === "path" && typeof separators === "string") demandPath(world, text.path.text, roots, splitsInto(separators, index + 1));
    }
  } else if (call.name === "States.MathRandom" && first !== undefined && second !== undefined) {
    const start = argumentValue(first, roots);
    const end = argumentValue(second, roots);
    if (typeof start !== "number" || typeof end !== "number" || start < end) return;
    if (second.kind === "path") demandPath(world, second.path.text, roots, integerAbove(start));
    else if (first.kind === "path") demandPath(world, first.path.text, roots, integerBelow(end));
  }
}

/** The value of a literal or path argument (undefined for a nested call or a path that does not resolve). */
function argumentValue(arg: IntrinsicArgument, roots: PathRoots): unknown {
  switch (arg.kind) {
    case "string":
    case "number":
    case "boolean":
      return arg.value;
    case "null":
      return null;
    case "call":
      return undefined;
    case "path":
      try {
        return selectPath(arg.path.text, roots);
      } catch {
        return undefined;
      }
  }
}

/** What a path argument of an intrinsic call must hold. */
function leafKindFor(call: IntrinsicCall, index: number, kind: ArgumentKind | undefined): Need | undefined {
  if (call.name === "States.StringToJson") return "json-text";
  if (call.name === "States.Base64Decode") return "base64";
  if (call.name === "States.Hash" && index === 1) return "hash-algorithm";
  // A template read from a path has exactly one `{}` per argument after it.
  if (call.name === "States.Format" && index === 0) return formatTemplate(call.args.length - 1);
  switch (kind) {
    case "string":
    case "integer":
    case "number":
    case "array":
    case "object":
    case "any":
      return kind;
    case "path":
      return "any";
    case "false":
    case undefined:
      return undefined;
  }
}

/**
 * Tie each member of a template's output that a definite path selected to where it was read from (World.link), so
 * that a value the next states need to be different is changed at its source.
 */
export function linkTemplate(world: World, template: unknown, output: unknown, roots: PathRoots): void {
  if (Array.isArray(template) && Array.isArray(output)) {
    template.forEach((item: unknown, i) => linkTemplate(world, item, output[i], roots));
    return;
  }
  if (!isPlainObject(template) || !isPlainObject(output)) return;
  for (const [key, value] of Object.entries(template)) {
    if (!key.endsWith(".$")) {
      linkTemplate(world, value, output[key], roots);
      continue;
    }
    if (typeof value === "string" && value.startsWith("States.StringToJson(")) {
      viewParsedJson(world, value, output, key.slice(0, -2), roots);
      continue;
    }
    if (typeof value !== "string" || !value.startsWith("$")) continue;
    const path = parseJsonPath(value);
    if (path === undefined) continue;
    const { root, steps, rest, fn } = pathSteps(path);
    if (rest !== undefined || fn !== undefined || steps.length !== path.segments.length) continue;
    const document = rootDocument(root, roots);
    const source = steps.length === 0 ? world.holderOf(document) : locateSteps(document, steps)?.slot;
    if (source !== undefined) world.link(output, key.slice(0, -2), source);
  }
}

/**
 * `"key.$": "States.StringToJson($.text)"`: the parsed member becomes the plan's view of the text (World.jsonView), so
 * that fields later states need are created in it and written back into the text.
 */
function viewParsedJson(world: World, text: string, output: Record<string, unknown>, key: string, roots: PathRoots): void {
  const parsed = parseIntrinsic(text);
  const arg = parsed.ok ? parsed.value.args[0] : undefined;
  if (arg?.kind !== "path") return;
  const { root, steps, rest } = pathSteps(arg.path);
  if (rest !== undefined || steps.length !== arg.path.segments.length) return;
  const document = rootDocument(root, roots);
  const source = steps.length === 0 ? world.holderOf(document) : locateSteps(document, steps)?.slot;
  const view = source === undefined ? undefined : world.jsonView(source);
  if (view === undefined || JSON.stringify(view) !== JSON.stringify(output[key])) return;
  Object.defineProperty(output, key, { value: view, enumerable: true, writable: true, configurable: true });
}
