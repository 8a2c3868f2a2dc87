import { argumentKind, intrinsicFunction, type ArgumentKind } from "../../paths/intrinsic-functions.js";
import { parseIntrinsic, type IntrinsicCall } from "../../paths/intrinsic.js";
import type { PathRoots } from "../../runtime/types.js";
import { demandPath, demandSteps, locateSteps, parseJsonPath, pathSteps, rootDocument } from "./paths.js";
import { isPlainObject, type LeafKind, type World } from "./world.js";

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
export function demandDynamic(world: World, text: string, roots: PathRoots, kind: LeafKind): void {
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
    if (arg.kind === "call") {
      demandCall(world, arg, roots);
      continue;
    }
    if (arg.kind !== "path") continue;
    // States.ArrayGetItem($.list, n): the list needs an item at n.
    const index = call.args[1];
    if (call.name === "States.ArrayGetItem" && i === 0 && index?.kind === "number" && Number.isInteger(index.value) && index.value >= 0) {
      const { root, steps, rest } = pathSteps(arg.path);
      if (rest === undefined) demandSteps(world, rootDocument(root, roots), [...steps, index.value], "any");
      continue;
    }
    const kind = leafKindFor(call, i, argumentKind(spec, i));
    if (kind !== undefined) demandPath(world, arg.path.text, roots, kind);
  }
}

/** What a path argument of an intrinsic call must hold. */
function leafKindFor(call: IntrinsicCall, index: number, kind: ArgumentKind | undefined): LeafKind | undefined {
  if (call.name === "States.StringToJson") return "json-text";
  if (call.name === "States.Base64Decode") return "base64";
  if (call.name === "States.Hash" && index === 1) return "hash-algorithm";
  if (call.name === "States.Format" && index === 0) return "string";
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
