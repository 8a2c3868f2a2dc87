/**
 * alignScalar: each character of a string value is mapped to where it is written in the scalar, through JSON and
 * YAML escapes and YAML's block and flow styles.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { alignScalar, spanOf } from "../../src/load/machines/mapped-text.js";

/** The source text that value[from, to) maps to. */
function written(value: string, source: string, from: number, to: number): string | undefined {
  const mapped = alignScalar(value, source, 0, source.length);
  const span = spanOf(mapped, from, to);
  return span === undefined ? undefined : source.slice(span.start, span.end);
}

describe("alignScalar", () => {
  test("a JSON string token: escaped quotes, backslashes and \\uXXXX", () => {
    const source = String.raw`"{\"a\": \"x\\y\", \"b\": \"\u00e9t\u00e9\"}"`;
    const value = JSON.parse(source) as string;
    assert.equal(value, '{"a": "x\\y", "b": "été"}');
    assert.equal(written(value, source, value.indexOf('"x'), value.indexOf('y"') + 2), String.raw`\"x\\y\"`);
    assert.equal(written(value, source, value.indexOf("été"), value.indexOf("été") + 3), String.raw`\u00e9t\u00e9`);
  });

  test("escaped line breaks in JSON map to their escapes", () => {
    const source = String.raw`"{\n  \"a\": 1\n}"`;
    const value = JSON.parse(source) as string;
    assert.equal(written(value, source, 1, 2), String.raw`\n`);
    assert.equal(written(value, source, value.indexOf("1"), value.indexOf("1") + 1), "1");
  });

  test("a YAML literal block: the header and the indentation are skipped", () => {
    const source = '|\n    {\n      "a": [1,\n        2]\n    }\n';
    const value = '{\n  "a": [1,\n    2]\n}\n';
    assert.equal(written(value, source, value.indexOf("["), value.indexOf("]") + 1), "[1,\n        2]");
    assert.equal(source.indexOf("2"), alignScalar(value, source, 0, source.length).starts[value.indexOf("2")]);
  });

  test("a YAML folded block and single-quoted scalars with doubled quotes", () => {
    const folded = ">-\n  {\"a\":\n  \"b\"}";
    assert.equal(written('{"a": "b"}', folded, 6, 9), '"b"');
    const quoted = "'{\"a\": \"it''s\"}'";
    assert.equal(written('{"a": "it\'s"}', quoted, 6, 12), "\"it''s\"");
  });

  test("a character that cannot be followed maps it and the rest to the whole scalar", () => {
    const source = '"\\x41BC"'; // YAML's \x escape is not followed
    const mapped = alignScalar("ABC", source, 0, source.length);
    assert.deepEqual(mapped.starts, [0, 0, 0]);
    assert.deepEqual(mapped.ends, [source.length, source.length, source.length]);
  });
});
