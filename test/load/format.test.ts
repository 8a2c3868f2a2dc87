import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { detectFormat, loadText } from "../../src/load/index.js";

describe("format selection", () => {
  test("by file extension, case-insensitively", () => {
    for (const file of ["a.json", "a.asl.json", "dir.yaml/A.JSON"])
      assert.equal(detectFormat("x: 1", file), "json", file);
    for (const file of ["a.yaml", "a.yml", "a.asl.yaml", "a.asl.yml", "B.YML"])
      assert.equal(detectFormat("{}", file), "yaml", file);
  });

  test("other extensions (json5 included) and no file: sniffed from the first non-blank character", () => {
    assert.equal(detectFormat('  \n {"a": 1}', "a.json5"), "json");
    assert.equal(detectFormat("[1]"), "json");
    assert.equal(detectFormat("\uFEFF{}"), "json");
    assert.equal(detectFormat("StartAt: A"), "yaml");
    assert.equal(detectFormat("# {\nStartAt: A", "definition.txt"), "yaml");
    assert.equal(detectFormat(""), "yaml");
  });

  test("the format option wins over extension and content", () => {
    const loaded = loadText('{"a": 1}', { file: "x.json", format: "yaml" });
    assert.equal(loaded.format, "yaml");
    assert.deepEqual(loaded.value, { a: 1 }); // a JSON object is a YAML flow mapping
  });

  test("the extension decides even when the content looks like the other format", () => {
    const loaded = loadText("StartAt: A\n", { file: "machine.asl.json" });
    assert.equal(loaded.format, "json");
    assert.equal(loaded.value, undefined);
    assert.equal(loaded.diagnostics[0]?.code, "ASL001");
    assert.equal(loaded.diagnostics[0]?.location.file, "machine.asl.json");
  });

  test("YAML errors are ASL002, JSON errors ASL001", () => {
    assert.equal(loadText("a: [\n").diagnostics[0]?.code, "ASL002");
    assert.equal(loadText("[1,\n").diagnostics[0]?.code, "ASL001");
  });
});

describe("loadText", () => {
  test("a leading byte-order mark is dropped before parsing and from `text`", () => {
    const loaded = loadText('\uFEFF{"a": 1}');
    assert.deepEqual(loaded.diagnostics, []);
    assert.deepEqual(loaded.value, { a: 1 });
    assert.equal(loaded.text, '{"a": 1}');
    assert.deepEqual(loaded.locate("/a")?.keyStart, { line: 1, column: 2 });
  });

  test("the default source name is <input>", () => {
    const loaded = loadText("{}");
    assert.equal(loaded.file, "<input>");
    assert.equal(loadText("{").diagnostics[0]?.location.file, "<input>");
  });

  test("the loaded value is fresh on every call", () => {
    const text = '{"States": {"A": {"Type": "Pass"}}}';
    const first = loadText(text).value as { States: object };
    const second = loadText(text).value as { States: object };
    assert.deepEqual(first, second);
    assert.notEqual(first.States, second.States);
  });

  test("warnings do not suppress the value; errors do", () => {
    const warned = loadText("a: !Nope 1\n");
    assert.equal(warned.diagnostics[0]?.severity, "warning");
    assert.deepEqual(warned.value, { a: "1" });
    const failed = loadText("a: !Nope 1\na: 2\n");
    assert.equal(failed.value, undefined);
    assert.deepEqual(
      failed.diagnostics.map((d) => [d.code, d.severity]),
      [
        ["ASL002", "warning"],
        ["ASL003", "error"],
      ],
    );
  });
});
