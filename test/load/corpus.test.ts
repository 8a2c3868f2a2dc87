import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Position } from "../../src/diagnostics/types.js";
import { loadText, type LoadedSource } from "../../src/load/index.js";
import { childPointer } from "../../src/load/pointer.js";

// The shared corpus (../shared/corpus from the repository root): 300 valid and 95 invalid real definitions.
// corpus/README.md §6: "every file must load". Invalid files are invalid ASL, not malformed JSON/YAML.
const CORPUS = fileURLToPath(new URL("../../../shared/corpus/", import.meta.url));

interface Entry {
  file: string;
  text: string;
}

function corpus(): Entry[] {
  const rows = readFileSync(`${CORPUS}MANIFEST.tsv`, "utf8").trim().split("\n").slice(1);
  return rows.map((row) => {
    const file = row.split("\t")[0] ?? "";
    return { file, text: readFileSync(CORPUS + file, "utf8") };
  });
}

function offsetOf(text: string, position: Position): number {
  let offset = 0;
  for (let line = 1; line < position.line; line++) offset = text.indexOf("\n", offset) + 1;
  return offset + position.column - 1;
}

function slice(text: string, start: Position, end: Position): string {
  return text.slice(offsetOf(text, start), offsetOf(text, end));
}

/** Every pointer of a value, with the member name when the node is an object member. */
function* nodes(
  value: unknown,
  pointer = "",
  key?: string,
): Generator<{ pointer: string; value: unknown; key?: string }> {
  yield key === undefined ? { pointer, value } : { pointer, value, key };
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) yield* nodes(item, childPointer(pointer, i));
  } else if (value !== null && typeof value === "object") {
    for (const [k, member] of Object.entries(value)) yield* nodes(member, childPointer(pointer, k), k);
  }
}

/** A YAML key as written: plain, quoted, or a CloudFormation tag standing for the long-form key (`!Sub` → `Fn::Sub`). */
function unquoteYamlKey(written: string): string {
  if (written.startsWith("!"))
    return ["!Ref", "!Condition"].includes(written) ? written.slice(1) : `Fn::${written.slice(1)}`;
  if (written.startsWith('"')) return JSON.parse(written) as string;
  if (written.startsWith("'")) return written.slice(1, -1).replace(/''/g, "'");
  return written;
}

/** Check that every node of the value is located, and that keys and scalars point at their own text. */
function checkLocations(loaded: LoadedSource, text: string): number {
  let count = 0;
  for (const node of nodes(loaded.value)) {
    const range = loaded.locate(node.pointer);
    assert.ok(range, `no range for ${node.pointer}`);
    count++;
    if (node.key !== undefined) {
      assert.ok(range.keyStart && range.keyEnd, `no key range for ${node.pointer}`);
      const written = slice(text, range.keyStart, range.keyEnd);
      const key = loaded.format === "json" ? (JSON.parse(written) as string) : unquoteYamlKey(written);
      assert.equal(key, node.key, `key text at ${node.pointer}`);
    }
    if (loaded.format === "json" && (node.value === null || typeof node.value !== "object")) {
      assert.deepEqual(JSON.parse(slice(text, range.start, range.end)), node.value, `value text at ${node.pointer}`);
    }
  }
  return count;
}

describe("corpus sweep", () => {
  const entries = corpus();

  test("the manifest lists 395 files, JSON and YAML", () => {
    assert.equal(entries.length, 395);
    assert.ok(entries.some((e) => e.file.endsWith(".yaml")));
  });

  test("every file loads with no diagnostic at all (none is malformed JSON or YAML)", () => {
    const failures = entries
      .map(({ file, text }) => ({ file, diagnostics: loadText(text, { file }).diagnostics }))
      .filter((r) => r.diagnostics.length > 0)
      .map((r) => `${r.file}: ${r.diagnostics.map((d) => `${d.code} ${d.message}`).join("; ")}`);
    assert.deepEqual(failures, []);
  });

  test("every JSON file loads to exactly what JSON.parse gives", () => {
    for (const { file, text } of entries.filter((e) => e.file.endsWith(".json"))) {
      const loaded = loadText(text, { file });
      assert.equal(loaded.format, "json", file);
      assert.deepEqual(loaded.value, JSON.parse(text), file);
    }
  });

  test("every node of every file is located; keys and JSON scalars point at their own text", (t) => {
    let total = 0;
    for (const { file, text } of entries) total += checkLocations(loadText(text, { file }), text);
    t.diagnostic(`${total} nodes located`);
    assert.ok(total > 10_000);
  });

  test("/States/<first state> points at a line that names the state (ASL-1)", () => {
    let checked = 0;
    for (const { file, text } of entries) {
      const loaded = loadText(text, { file });
      const states = (loaded.value as { States?: unknown } | undefined)?.States;
      if (states === null || typeof states !== "object" || Array.isArray(states)) continue;
      const [name] = Object.keys(states);
      if (name === undefined) continue;
      const range = loaded.locate(childPointer("/States", name));
      assert.ok(range?.keyStart, file);
      const line = text.split("\n")[range.keyStart.line - 1] ?? "";
      assert.ok(line.includes(name) || line.includes(JSON.stringify(name).slice(1, -1)), `${file}: ${line}`);
      assert.ok(range.start.line >= range.keyStart.line, file);
      checked++;
    }
    assert.ok(checked > 380, `only ${checked} files have States`);
  });

  test("loading the largest file and locating every node is fast", (t) => {
    const largest = [...entries].sort((a, b) => b.text.length - a.text.length)[0];
    assert.ok(largest);
    const pointers = [...nodes(JSON.parse(largest.text))].map((n) => n.pointer);
    const runs = 20;
    const started = performance.now();
    for (let i = 0; i < runs; i++) {
      const loaded = loadText(largest.text, { file: largest.file });
      for (const pointer of pointers) assert.ok(loaded.locate(pointer));
    }
    const perRun = (performance.now() - started) / runs;
    t.diagnostic(
      `${largest.file}: ${largest.text.length} chars, ${pointers.length} pointers, ${perRun.toFixed(2)} ms per load + locate-all`,
    );
    assert.ok(perRun < 100, `${perRun} ms`);
  });
});
