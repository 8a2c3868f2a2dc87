import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Position } from "../../src/diagnostics/types.js";
import { loadText } from "../../src/load/index.js";
import { findMachines, type FindMachinesResult, type FoundMachine } from "../../src/load/machines/index.js";
import type { LoadedSource, NodeRange } from "../../src/load/types.js";

/** Absolute path of a file under fixtures/templates/. */
export function fixturePath(relative: string): string {
  return fileURLToPath(new URL(`../../fixtures/templates/${relative}`, import.meta.url));
}

/** Reads a referenced file from disk (what the CLI passes as `readFile`). */
export function readFromDisk(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

export function loadFixture(relative: string): LoadedSource {
  const path = fixturePath(relative);
  const source = loadText(readFileSync(path, "utf8"), { file: path });
  assert.deepEqual(source.diagnostics, [], `${relative} loads cleanly`);
  return source;
}

export function findInFixture(relative: string): FindMachinesResult {
  return findMachines(loadFixture(relative), { readFile: readFromDisk });
}

/** Find in a template given as text (named `file`), with referenced files from `files`. */
export function findInText(text: string, files: Record<string, string> = {}, file = "/project/template.yaml"): FindMachinesResult {
  const source = loadText(text, { file });
  assert.deepEqual(source.diagnostics.filter((d) => d.severity === "error"), [], "the template itself loads");
  return findMachines(source, { readFile: (path) => files[path] });
}

export function machineNamed(result: FindMachinesResult, id: string): FoundMachine {
  const found = result.machines.find((m) => m.id === id);
  assert.ok(found, `machine ${id} among ${result.machines.map((m) => m.id).join(", ")}`);
  return found;
}

function offsetOf(text: string, position: Position): number {
  const lines = text.split("\n");
  return lines.slice(0, position.line - 1).reduce((n, line) => n + line.length + 1, 0) + position.column - 1;
}

/** The text between two positions. */
export function textBetween(text: string, start: Position, end: Position): string {
  return text.slice(offsetOf(text, start), offsetOf(text, end));
}

/** Locate `pointer` in a machine's source: the range, the value's text and the key's text (when there is a key). */
export function located(machine: FoundMachine, pointer: string): { range: NodeRange; value: string; key?: string } {
  const range = machine.source.locate(pointer);
  assert.ok(range, `${pointer} is located`);
  const text = machine.source.text;
  assert.ok(text !== undefined, "the source has its text");
  const result: { range: NodeRange; value: string; key?: string } = { range, value: textBetween(text, range.start, range.end) };
  if (range.keyStart !== undefined && range.keyEnd !== undefined) result.key = textBetween(text, range.keyStart, range.keyEnd);
  return result;
}
