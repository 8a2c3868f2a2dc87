import { describe, test } from "node:test";
import assert from "node:assert/strict";
import type { Diagnostic, Position } from "../../src/diagnostics/types.js";
import { loadText } from "../../src/load/index.js";
import { toPointer } from "../../src/load/pointer.js";

/** The source text between two 1-based positions (lines split on \n; columns in UTF-16 code units). */
function textBetween(text: string, start: Position, end: Position): string {
  const lines = text.split("\n");
  const offset = (p: Position) => lines.slice(0, p.line - 1).reduce((n, l) => n + l.length + 1, 0) + p.column - 1;
  return text.slice(offset(start), offset(end));
}

function onlyDiagnostic(text: string): Diagnostic {
  const loaded = loadText(text, { format: "json" });
  assert.equal(loaded.value, undefined, "an error leaves no value");
  assert.equal(loaded.diagnostics.length, 1, JSON.stringify(loaded.diagnostics));
  const [diagnostic] = loaded.diagnostics;
  assert.ok(diagnostic);
  return diagnostic;
}

const MACHINE = `{
  "Comment": "demo",
  "StartAt": "First",
  "States": {
    "First": {
      "Type": "Parallel",
      "Branches": [
        { "StartAt": "In", "States": { "In": { "Type": "Succeed" } } }
      ],
      "End": true
    }
  }
}`;

describe("JSON locate()", () => {
  const loaded = loadText(MACHINE, { file: "m.asl.json" });

  test("loads with no diagnostics and the same value as JSON.parse", () => {
    assert.deepEqual(loaded.diagnostics, []);
    assert.deepEqual(loaded.value, JSON.parse(MACHINE));
    assert.equal(loaded.format, "json");
    assert.equal(loaded.file, "m.asl.json");
    assert.equal(loaded.text, MACHINE);
  });

  test("the root spans the whole text and has no key", () => {
    const root = loaded.locate("");
    assert.deepEqual(root, { start: { line: 1, column: 1 }, end: { line: 13, column: 2 } });
  });

  test("a top-level member: key and value ranges", () => {
    const range = loaded.locate("/StartAt");
    assert.ok(range?.keyStart && range.keyEnd);
    assert.deepEqual(range.keyStart, { line: 3, column: 3 });
    assert.equal(textBetween(MACHINE, range.keyStart, range.keyEnd), '"StartAt"');
    assert.deepEqual(range.start, { line: 3, column: 14 });
    assert.equal(textBetween(MACHINE, range.start, range.end), '"First"');
  });

  test("a state object (ASL-1: States maps names to states)", () => {
    const range = loaded.locate("/States/First");
    assert.ok(range?.keyStart);
    assert.deepEqual(range.keyStart, { line: 5, column: 5 });
    assert.deepEqual(range.start, { line: 5, column: 14 });
    assert.deepEqual(range.end, { line: 11, column: 6 });
  });

  test("array items have a value range and no key range", () => {
    const item = loaded.locate("/States/First/Branches/0");
    assert.ok(item);
    assert.equal(item.keyStart, undefined);
    assert.deepEqual(item.start, { line: 8, column: 9 });
    const nested = loaded.locate("/States/First/Branches/0/States/In/Type");
    assert.ok(nested);
    assert.equal(textBetween(MACHINE, nested.start, nested.end), '"Succeed"');
  });

  test("pointers that name no node give undefined", () => {
    for (const pointer of [
      "/Nope",
      "/States/First/Branches/1",
      "/States/First/Branches/01",
      "/States/First/Branches/-",
      "/StartAt/0",
      "States",
      "/States/First/Branches/0/States/In/Type/x",
    ]) {
      assert.equal(loaded.locate(pointer), undefined, pointer);
    }
  });

  test("keys containing / and ~ are found through escaped pointers (RFC 6901)", () => {
    const text = '{"a/b": {"c~d": {"~1": 1}}}';
    const source = loadText(text);
    const pointer = toPointer(["a/b", "c~d", "~1"]);
    assert.equal(pointer, "/a~1b/c~0d/~01");
    const range = source.locate(pointer);
    assert.ok(range?.keyStart && range.keyEnd);
    assert.equal(textBetween(text, range.keyStart, range.keyEnd), '"~1"');
    assert.equal(textBetween(text, range.start, range.end), "1");
    assert.equal(source.locate("/a/b"), undefined);
  });

  test("columns count UTF-16 code units: an emoji state name takes two columns", () => {
    // ASL-1: state names are Unicode strings. "🎉" is U+1F389, one code point but two UTF-16 code units.
    const text = '{"🎉": {"Type": "Pass"}, "x": 2}';
    const source = loadText(text);
    const party = source.locate(toPointer(["🎉"]));
    assert.deepEqual(party?.keyStart, { line: 1, column: 2 });
    assert.deepEqual(party?.keyEnd, { line: 1, column: 6 }); // quote + 2 units + quote
    const x = source.locate("/x");
    assert.deepEqual(x?.keyStart, { line: 1, column: 26 });
    assert.deepEqual(x?.start, { line: 1, column: 31 });
  });

  test("CRLF line endings count as one line break", () => {
    const text = '{\r\n  "a": 1,\r\n  "b": 2\r\n}';
    const range = loadText(text).locate("/b");
    assert.deepEqual(range?.keyStart, { line: 3, column: 3 });
    assert.deepEqual(range?.start, { line: 3, column: 8 });
  });

  test("a __proto__ member is an ordinary own property, as with JSON.parse", () => {
    const text = '{"__proto__": {"polluted": true}}';
    const source = loadText(text);
    assert.deepEqual(source.value, JSON.parse(text));
    assert.equal(Object.getPrototypeOf(source.value), Object.prototype);
    assert.ok(source.locate("/__proto__/polluted"));
  });
});

describe("JSON syntax errors (ASL001)", () => {
  test("missing comma: located at the next member, message says where the parser stopped", () => {
    const text = [
      "{",
      '  "StartAt": "A",',
      '  "States": {',
      '    "A": {',
      '      "Type": "Pass",',
      '      "Next": "B"',
      '      "End": true',
      "    }",
      "  }",
      "}",
    ].join("\n");
    const d = onlyDiagnostic(text);
    assert.equal(d.code, "ASL001");
    assert.equal(d.severity, "error");
    assert.equal(d.message, 'JSON syntax error: expected a comma or closing brace (after "Next": "B")');
    assert.deepEqual(d.location.start, { line: 7, column: 7 });
    assert.deepEqual(d.location.end, { line: 7, column: 12 });
    assert.equal(d.location.file, "<input>");
    assert.equal(d.location.pointer, "");
  });

  test("missing comma in an array mentions the closing bracket", () => {
    const d = onlyDiagnostic('{"Branches": [\n  1\n  2\n]}');
    assert.equal(d.message, "JSON syntax error: expected a comma or closing bracket (after 1)");
    assert.deepEqual(d.location.start, { line: 3, column: 3 });
  });

  test("trailing comma in an object: located at the comma", () => {
    const d = onlyDiagnostic('{\n  "End": true,\n}');
    assert.equal(d.message, 'JSON syntax error: trailing comma before "}"');
    assert.deepEqual(d.location.start, { line: 2, column: 14 });
    assert.deepEqual(d.location.end, { line: 2, column: 15 });
  });

  test("trailing comma in an array", () => {
    const d = onlyDiagnostic('{"ErrorEquals": ["States.ALL",\n  ]}');
    assert.equal(d.message, 'JSON syntax error: trailing comma before "]"');
    assert.deepEqual(d.location.start, { line: 1, column: 30 });
  });

  test("unterminated string", () => {
    const d = onlyDiagnostic('{\n  "Type": "Pass\n}');
    assert.equal(d.message, "JSON syntax error: unterminated string");
    assert.deepEqual(d.location.start, { line: 2, column: 11 });
  });

  test("unterminated object at the end of input", () => {
    const d = onlyDiagnostic('{"Type": "Pass"');
    assert.equal(
      d.message,
      'JSON syntax error: unexpected end of input, expected a closing brace (after {"Type": "Pass")',
    );
    assert.deepEqual(d.location.start, { line: 1, column: 16 });
  });

  test("single-quoted strings", () => {
    const d = onlyDiagnostic("{'Type': 'Pass'}");
    assert.equal(d.message, `JSON syntax error: unexpected character "'Type'" (JSON strings use double quotes)`);
    assert.deepEqual(d.location.start, { line: 1, column: 2 });
  });

  test("comments are not JSON", () => {
    const d = onlyDiagnostic('{\n  // the first state\n  "StartAt": "A"\n}');
    assert.equal(d.message, "JSON syntax error: comments are not allowed in JSON");
    assert.deepEqual(d.location.start, { line: 2, column: 3 });
  });

  test("a raw tab inside a string is located at the tab itself", () => {
    const d = onlyDiagnostic('{"Comment": "a\tb"}');
    assert.match(d.message, /^JSON syntax error: unescaped control character in string \(U\+0009/);
    assert.deepEqual(d.location.start, { line: 1, column: 15 });
  });

  test("an invalid escape is located at the backslash", () => {
    const d = onlyDiagnostic('{"Comment": "a\\qb"}');
    assert.equal(d.message, 'JSON syntax error: invalid escape sequence in string "\\\\q"');
    assert.deepEqual(d.location.start, { line: 1, column: 15 });
  });

  test("content after the value", () => {
    const d = onlyDiagnostic('{"a": 1}\n{"b": 2}');
    assert.equal(d.message, 'JSON syntax error: unexpected content after the end of the JSON value "{"');
    assert.deepEqual(d.location.start, { line: 2, column: 1 });
  });

  test("NaN and numbers too large for a double are rejected", () => {
    assert.equal(onlyDiagnostic("[NaN]").message, 'JSON syntax error: unexpected character "NaN"');
    const big = onlyDiagnostic('{"Seconds": 1e400}');
    assert.equal(big.message, "JSON number 1e400 is too large to represent");
    assert.equal(big.location.pointer, "/Seconds");
  });

  test("empty or blank text", () => {
    for (const text of ["", "  \n\t "]) {
      const d = onlyDiagnostic(text);
      assert.equal(d.code, "ASL001");
      assert.equal(d.message, "The definition is empty");
      assert.deepEqual(d.location.start, { line: 1, column: 1 });
    }
  });

  test("deep nesting is a diagnostic, not a crash", () => {
    const depth = 200_000;
    const d = onlyDiagnostic("[".repeat(depth) + "]".repeat(depth));
    assert.equal(d.code, "ASL001");
    assert.equal(d.message, "The definition is nested too deeply to load");
  });
});

describe("JSON duplicate keys (ASL003)", () => {
  test("located at the second key, naming the line of the first", () => {
    // ASL-1: state names are unique; JSON.parse would silently keep only the last duplicate.
    const text =
      '{\n  "States": {\n    "A": {\n      "Next": "B",\n      "Type": "Pass",\n      "Next": "C"\n    }\n  }\n}';
    const loaded = loadText(text);
    assert.equal(loaded.value, undefined);
    assert.equal(loaded.diagnostics.length, 1);
    const [d] = loaded.diagnostics;
    assert.equal(d?.code, "ASL003");
    assert.equal(d?.severity, "error");
    assert.equal(d?.message, 'Duplicate key "Next" in object (the first one is at line 4)');
    assert.equal(d?.location.pointer, "/States/A/Next");
    assert.equal(d?.location.key, true);
    assert.deepEqual(d?.location.start, { line: 6, column: 7 });
    assert.deepEqual(d?.location.end, { line: 6, column: 13 });
  });

  test("every duplicate is reported; equal keys in different objects are fine", () => {
    const loaded = loadText('{"a": {"x": 1}, "b": {"x": 2}, "a": 3, "a": 4}');
    assert.deepEqual(
      loaded.diagnostics.map((d) => [d.code, d.location.pointer, d.location.start?.column]),
      [
        ["ASL003", "/a", 32],
        ["ASL003", "/a", 40],
      ],
    );
  });
});
