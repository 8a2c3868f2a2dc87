/**
 * Turning a definition, wherever it is written, into a FoundMachine whose source maps the definition's pointers back
 * to where its nodes are written: an object in the searched file, a JSON string in it (a DefinitionString, the
 * `definition` of describe-state-machine), or a file it references (SAM DefinitionUri, serverless `${file(…)}`).
 */
import { dirname, isAbsolute, join, normalize } from "node:path";
import type { Diagnostic } from "../../diagnostics/types.js";
import { loadText } from "../index.js";
import { parseJson } from "../json.js";
import { getAtPointer } from "../pointer.js";
import { findRangeNode, LineIndex } from "../source-map.js";
import type { LoadedSource } from "../types.js";
import { placeholdersIn, rewriteDefinition, sourcePointer } from "./definition.js";
import { SearchedDocument } from "./document.js";
import { evaluateText, intrinsicName, type Evaluated } from "./intrinsics.js";
import { spanOf, type MappedText } from "./mapped-text.js";
import { cyclicProblems, substituteText, type SubstitutionTable } from "./substitutions.js";
import type { FindMachinesOptions, FoundMachine, MachineProblem, MachineType } from "./types.js";

/** What the file says about a machine besides its definition. */
export interface MachineHeader {
  id: string;
  where: string;
  type?: MachineType;
  name?: string;
  constructPath?: string;
}

/** The state of one search: the searched file, the caller's options and the problems met so far. */
export interface Search {
  doc: SearchedDocument;
  options: FindMachinesOptions;
  problems: MachineProblem[];
}

function machine(header: MachineHeader, source: LoadedSource): FoundMachine {
  const found: FoundMachine = {
    id: header.id,
    where: header.where,
    definition: source.value,
    source,
    unresolved: placeholdersIn(source.value),
  };
  if (header.type !== undefined) found.type = header.type;
  if (header.name !== undefined) found.name = header.name;
  if (header.constructPath !== undefined) found.constructPath = header.constructPath;
  return found;
}

/** A definition written as an object at `pointer` of `doc`. */
export function objectMachine(
  search: Search,
  doc: SearchedDocument,
  header: MachineHeader,
  value: unknown,
  pointer: string,
  table: SubstitutionTable,
  diagnostics: Diagnostic[] = [],
): FoundMachine {
  const rewritten = rewriteDefinition(doc, value, pointer, table, search.problems);
  search.problems.push(...cyclicProblems(table, rewritten.cyclic));
  const source: LoadedSource = {
    value: rewritten.value,
    format: doc.source.format,
    file: doc.source.file,
    text: doc.source.text,
    diagnostics,
    locate: (p) => doc.source.locate(pointer + sourcePointer(rewritten.value, rewritten.renames, p)),
  };
  return machine(header, source);
}

/**
 * A definition written as JSON text: a string, or an intrinsic producing one (`Fn::Sub`, `Fn::Join`), at `pointer`
 * of the searched file. `label` names it in problems ("DefinitionString of OrderFlow").
 */
export function textMachine(
  search: Search,
  header: MachineHeader,
  value: unknown,
  pointer: string,
  table: SubstitutionTable,
  label: string,
): FoundMachine | undefined {
  const { doc, problems } = search;
  const intrinsic = intrinsicName(value);
  const evaluated: Evaluated = typeof value === "string" || intrinsic !== undefined ? evaluateText(doc, value, pointer) : { unevaluable: "" };
  if (!("text" in evaluated)) {
    const what =
      intrinsic !== undefined
        ? `uses ${evaluated.unevaluable}, which cannot be evaluated without deploying`
        : `must be JSON text (a string, Fn::Sub or Fn::Join), not ${Array.isArray(value) ? "a list" : value === null ? "null" : typeof value === "object" ? "an object (use Definition for that)" : `a ${typeof value}`}`;
    problems.push(doc.problem("error", `${label} ${what}`, pointer, doc.span(pointer)));
    return undefined;
  }
  const substituted = substituteText(evaluated.text, table);
  problems.push(...cyclicProblems(table, substituted.cyclic));
  const mapped = substituted.text;
  const parsed = parseJson(mapped.text, new LineIndex(mapped.text));
  const error = parsed.problems.find((p) => p.severity === "error");
  if (error !== undefined || parsed.tree === undefined) {
    problems.push(jsonProblem(search, mapped, pointer, label, error));
    return undefined;
  }
  const tree = parsed.tree;
  const source: LoadedSource = {
    value: parsed.value,
    format: doc.source.format,
    file: doc.source.file,
    text: doc.source.text,
    diagnostics: [],
    locate: (p) => {
      const node = findRangeNode(tree, p);
      const span = node === undefined ? undefined : spanOf(mapped, node.value.start, node.value.end);
      if (node === undefined || span === undefined) return undefined;
      return doc.range(span, node.key === undefined ? undefined : spanOf(mapped, node.key.start, node.key.end));
    },
  };
  return machine(header, source);
}

function jsonProblem(
  search: Search,
  mapped: MappedText,
  pointer: string,
  label: string,
  error: { message: string; range: { start: number; end: number } } | undefined,
): MachineProblem {
  const length = mapped.text.length;
  if (error === undefined || length === 0) {
    return search.doc.problem("error", `${label} is empty`, pointer, search.doc.span(pointer));
  }
  const start = Math.min(error.range.start, length - 1);
  const end = Math.min(Math.max(error.range.end, start + 1), length);
  const reason = error.message.replace(/^JSON syntax error: /, "");
  const placeholder = mapped.text[start] === "$" ? " (a ${…} placeholder outside a JSON string is only valid once it is substituted)" : "";
  const span = spanOf(mapped, start, end) ?? search.doc.span(pointer);
  return search.doc.problem("error", `${label} is not valid JSON: ${reason}${placeholder}`, pointer, span);
}

/** The path of a file referenced from the searched file: relative to its folder (to the working folder for stdin). */
export function referencedPath(from: string | undefined, path: string): string {
  if (isAbsolute(path)) return path;
  if (from === undefined || from.startsWith("<")) return normalize(path);
  return join(dirname(from), path);
}

/**
 * A definition in a local file referenced at `pointer` of the searched file (`what`: "DefinitionUri"), optionally a
 * member of that file (`member`: a JSON pointer, for serverless `${file(path):key}`).
 */
export function fileMachine(
  search: Search,
  header: MachineHeader,
  reference: { path: string; pointer: string; what: string; member?: string },
  table: SubstitutionTable,
): FoundMachine | undefined {
  const { doc, options, problems } = search;
  const path = referencedPath(options.file ?? doc.source.file, reference.path);
  const label = `${reference.what} ${JSON.stringify(reference.path)} of ${header.id}`;
  const text = options.readFile?.(path);
  if (text === undefined) {
    problems.push(doc.problem("error", `${label} cannot be read (${path})`, reference.pointer, doc.span(reference.pointer)));
    return undefined;
  }
  const loaded = loadText(text, { file: path });
  const error = loaded.diagnostics.find((d) => d.severity === "error");
  if (error !== undefined) {
    const problem: MachineProblem = { severity: "error", message: `${label}: ${error.message}`, pointer: error.location.pointer, file: path };
    if (error.location.start !== undefined) problem.start = error.location.start;
    if (error.location.end !== undefined) problem.end = error.location.end;
    problems.push(problem);
    return undefined;
  }
  const member = reference.member ?? "";
  const value = getAtPointer(loaded.value, member);
  if (value === undefined) {
    problems.push(doc.problem("error", `${label}: the file has no ${member.slice(1).replaceAll("/", ".")}`, reference.pointer, doc.span(reference.pointer)));
    return undefined;
  }
  const fileDoc = new SearchedDocument(loaded, path);
  return objectMachine(search, fileDoc, header, value, member, table, loaded.diagnostics);
}
