/**
 * CloudFormation intrinsic functions evaluated to text, as far as a template alone allows. What is only known at deploy
 * time becomes a `${…}` placeholder written the way `Fn::Sub` writes it (and the way the transpiler reads Task
 * Resources, src/asl/integrations.ts resourceText): `{"Ref": "X"}` → `${X}`, `{"Fn::GetAtt": ["X", "Arn"]}` → `${X.Arn}`.
 * `Fn::Sub` applies its literal variables and keeps the others as placeholders; `${!Literal}` gives `${Literal}`.
 * `Fn::Join` joins its parts. Anything else (`Fn::If`, `Fn::ImportValue`, `Fn::Select`, …) cannot be evaluated.
 */
import { childPointer } from "../pointer.js";
import type { SearchedDocument } from "./document.js";
import { concat, slice, spanning, spanOf, unmapped, type MappedText } from "./mapped-text.js";

export type Evaluated = { text: MappedText } | { unevaluable: string };

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** The function name of an intrinsic (`Ref`, `Fn::GetAtt`, …): an object with one member named so; else undefined. */
export function intrinsicName(value: unknown): string | undefined {
  if (!isPlainObject(value)) return undefined;
  const keys = Object.keys(value);
  const [name] = keys;
  return keys.length === 1 && name !== undefined && (name === "Ref" || name.startsWith("Fn::")) ? name : undefined;
}

/** The text of a string, number, boolean or intrinsic written at `pointer` of `doc`. */
export function evaluateText(doc: SearchedDocument, value: unknown, pointer: string): Evaluated {
  if (typeof value === "string") return { text: doc.scalarText(value, pointer) };
  if (typeof value === "number" || typeof value === "boolean") return { text: spanning(String(value), doc.span(pointer)) };
  const name = intrinsicName(value);
  if (name === undefined || !isPlainObject(value)) return { unevaluable: describe(value) };
  const argument = value[name];
  const argumentPointer = childPointer(pointer, name);
  switch (name) {
    case "Ref":
      return typeof argument === "string" ? placeholder(doc, argument, pointer) : { unevaluable: name };
    case "Fn::GetAtt":
      if (typeof argument === "string") return placeholder(doc, argument, pointer);
      if (Array.isArray(argument) && argument.length >= 2 && argument.every((a) => typeof a === "string")) {
        return placeholder(doc, argument.join("."), pointer);
      }
      return { unevaluable: name };
    case "Fn::Sub":
      return evaluateSub(doc, argument, argumentPointer);
    case "Fn::Join":
      return evaluateJoin(doc, argument, argumentPointer);
    default:
      return { unevaluable: name };
  }
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  return typeof value === "object" ? "an object" : typeof value;
}

function placeholder(doc: SearchedDocument, name: string, pointer: string): Evaluated {
  return { text: spanning(`\${${name}}`, doc.span(pointer)) };
}

const SUB_VARIABLE = /\$\{([^}]*)\}/g;

function evaluateSub(doc: SearchedDocument, argument: unknown, pointer: string): Evaluated {
  let body: MappedText;
  let variables: Record<string, unknown> = {};
  let variablesPointer = "";
  if (typeof argument === "string") {
    body = doc.scalarText(argument, pointer);
  } else if (Array.isArray(argument) && typeof argument[0] === "string" && (argument.length === 1 || isPlainObject(argument[1]))) {
    body = doc.scalarText(argument[0], childPointer(pointer, 0));
    if (isPlainObject(argument[1])) variables = argument[1];
    variablesPointer = childPointer(pointer, 1);
  } else {
    return { unevaluable: "Fn::Sub" };
  }
  const parts: MappedText[] = [];
  let last = 0;
  for (const match of body.text.matchAll(SUB_VARIABLE)) {
    const at = match.index;
    const end = at + match[0].length;
    const name = match[1] ?? "";
    parts.push(slice(body, last, at));
    last = end;
    if (name.startsWith("!")) {
      // ${!Literal} is written as ${Literal}: drop the "!"
      parts.push(slice(body, at, at + 2), slice(body, at + 3, end));
      continue;
    }
    const variable = Object.hasOwn(variables, name) ? evaluateText(doc, variables[name], childPointer(variablesPointer, name)) : undefined;
    if (variable !== undefined && "text" in variable) parts.push(spanning(variable.text.text, spanOf(body, at, end)));
    else parts.push(slice(body, at, end));
  }
  parts.push(slice(body, last));
  return { text: concat(parts) };
}

function evaluateJoin(doc: SearchedDocument, argument: unknown, pointer: string): Evaluated {
  if (!Array.isArray(argument) || typeof argument[0] !== "string" || !Array.isArray(argument[1])) return { unevaluable: "Fn::Join" };
  const delimiter = doc.scalarText(argument[0], childPointer(pointer, 0));
  const parts: MappedText[] = [];
  const items: unknown[] = argument[1];
  for (const [index, item] of items.entries()) {
    const part = evaluateText(doc, item, childPointer(pointer, 1, index));
    if (!("text" in part)) return part;
    if (index > 0) parts.push(delimiter);
    parts.push(part.text);
  }
  return { text: parts.length === 0 ? unmapped("") : concat(parts) };
}
