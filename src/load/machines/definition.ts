/**
 * A definition given as an object (a CloudFormation/SAM `Definition`, a serverless `definition`, a DefinitionUri
 * file): intrinsic functions become `${…}` placeholders, DefinitionSubstitutions are applied to every string (member
 * names included), and renamed members are remembered so that pointers of the result still find their source node.
 */
import { childPointer, parsePointer, toPointer } from "../pointer.js";
import { setMember } from "../source-map.js";
import type { SearchedDocument } from "./document.js";
import { evaluateText, intrinsicName, isPlainObject } from "./intrinsics.js";
import { substituteString, type SubstitutionTable } from "./substitutions.js";
import type { MachineProblem } from "./types.js";

/** For objects of a rewritten definition: new member name → the name written in the source. */
export type Renames = WeakMap<object, Map<string, string>>;

export interface Rewritten {
  value: unknown;
  renames: Renames;
  cyclic: string[];
}

/** Rewrite the definition `value` found at `pointer` of `doc`. */
export function rewriteDefinition(
  doc: SearchedDocument,
  value: unknown,
  pointer: string,
  table: SubstitutionTable,
  problems: MachineProblem[],
): Rewritten {
  const renames: Renames = new WeakMap();
  const cyclic: string[] = [];
  const text = (s: string): string => {
    const result = substituteString(s, table);
    cyclic.push(...result.cyclic);
    return result.text;
  };
  const walk = (node: unknown, at: string): unknown => {
    if (typeof node === "string") return text(node);
    if (Array.isArray(node)) return node.map((item: unknown, index) => walk(item, childPointer(at, index)));
    if (!isPlainObject(node)) return node;
    const intrinsic = intrinsicName(node);
    if (intrinsic !== undefined) {
      const evaluated = evaluateText(doc, node, at);
      if ("text" in evaluated) return evaluated.text.text;
      problems.push(doc.problem("warning", `${evaluated.unevaluable} cannot be evaluated without deploying; the value is left as written`, at));
      return structuredClone(node);
    }
    const copy: Record<string, unknown> = {};
    const renamed = new Map<string, string>();
    for (const [key, member] of Object.entries(node)) {
      const name = text(key);
      setMember(copy, name, walk(member, childPointer(at, key)));
      if (name !== key) renamed.set(name, key);
    }
    if (renamed.size > 0) renames.set(copy, renamed);
    return copy;
  };
  return { value: walk(value, pointer), renames, cyclic };
}

/** The pointer, in the source, of the node at `pointer` of a rewritten value. */
export function sourcePointer(value: unknown, renames: Renames, pointer: string): string {
  let segments: string[];
  try {
    segments = parsePointer(pointer);
  } catch {
    return pointer;
  }
  const written: string[] = [];
  let node: unknown = value;
  for (const segment of segments) {
    if (isPlainObject(node)) {
      written.push(renames.get(node)?.get(segment) ?? segment);
      node = Object.hasOwn(node, segment) ? node[segment] : undefined;
    } else {
      written.push(segment);
      node = Array.isArray(node) ? node[Number(segment)] : undefined;
    }
  }
  return toPointer(written);
}

const PLACEHOLDER = /\$\{([^{}]*)\}/g;

/** Names of the `${…}` placeholders left in a value (member names included), in order of first appearance. */
export function placeholdersIn(value: unknown): string[] {
  const names = new Set<string>();
  const scan = (text: string): void => {
    for (const match of text.matchAll(PLACEHOLDER)) {
      const name = match[1] ?? "";
      if (!name.startsWith("!")) names.add(name);
    }
  };
  const walk = (node: unknown): void => {
    if (typeof node === "string") scan(node);
    else if (Array.isArray(node)) node.forEach(walk);
    else if (isPlainObject(node)) {
      for (const [key, member] of Object.entries(node)) {
        scan(key);
        walk(member);
      }
    }
  };
  walk(value);
  return [...names];
}
