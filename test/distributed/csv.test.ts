/**
 * Text delimited parsing (ASL-6.8). Expectations follow "How Step Functions parses input CSV files"
 * (https://docs.aws.amazon.com/step-functions/latest/dg/example-csv-parse-dist-map.html, stored copy read 2026-11-26)
 * unless a comment says otherwise.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { CSV_DELIMITERS, parseDelimited, recordsToItems } from "../../src/runtime/distributed/csv.js";
import { throwsStates } from "../support/values.js";

describe("parseDelimited", () => {
  test("the page's example row: quoted commas, doubled quotes inside and outside quotes, a quoted newline", () => {
    const text = 'abc,123,"This string contains commas, a double quotation marks (""), and a newline (\n)",{""MyKey"":""MyValue""},"[1,2,3]"';
    assert.deepEqual(parseDelimited(text, ","), [
      ["abc", "123", 'This string contains commas, a double quotation marks ("), and a newline (\n)', '{"MyKey":"MyValue"}', "[1,2,3]"],
    ]);
  });

  test("newlines separate records; the final newline starts none", () => {
    assert.deepEqual(parseDelimited("a,b\nc,d\n", ","), [
      ["a", "b"],
      ["c", "d"],
    ]);
    // Not documented: CRLF and a lone CR end records too (files written on Windows).
    assert.deepEqual(parseDelimited("a,b\r\nc,d\re,f", ","), [
      ["a", "b"],
      ["c", "d"],
      ["e", "f"],
    ]);
  });

  test("backslashes escape a backslash, a double quote and the delimiter; before anything else they vanish", () => {
    // The page's example: `C:\\Program Files\\MyApp.exe` reads as `C:\Program Files\MyApp.exe`.
    assert.deepEqual(parseDelimited("C:\\\\Program Files\\\\MyApp.exe,6534512", ","), [["C:\\Program Files\\MyApp.exe", "6534512"]]);
    assert.deepEqual(parseDelimited('a\\,b,say \\"hi\\"', ","), [["a,b", 'say "hi"']]);
    assert.deepEqual(parseDelimited("a\\xb|c\\|d", "|"), [["axb", "c|d"]]);
  });

  test("empty fields and a quoted empty field", () => {
    assert.deepEqual(parseDelimited(",,,", ","), [["", "", "", ""]]);
    assert.deepEqual(parseDelimited('"",x', ","), [["", "x"]]);
  });

  test("a whitespace-only line is a record; an empty line is skipped (not documented, chosen)", () => {
    assert.deepEqual(parseDelimited("a\n   \n\nb", ","), [["a"], ["   "], ["b"]]);
  });

  test("each CSVDelimiter splits on its own character only", () => {
    const cases: Array<[keyof typeof CSV_DELIMITERS, string]> = [
      ["COMMA", "1,2;3|4 5\t6"],
      ["SEMICOLON", "1;2,3|4 5\t6"],
      ["PIPE", "1|2,3;4 5\t6"],
      ["SPACE", "1 2,3;4|5\t6"],
      ["TAB", "1\t2,3;4|5 6"],
    ];
    for (const [name, text] of cases) {
      const [record] = parseDelimited(text, CSV_DELIMITERS[name]);
      assert.equal(record?.length, 2, name);
      assert.equal(record?.[0], "1", name);
    }
  });

  test("a quote that is never closed fails the read", () => {
    throwsStates(() => parseDelimited('a,"open\nmore', ","), "States.ItemReaderFailed", "never closed");
  });
});

describe("recordsToItems", () => {
  test("fewer fields than headers give empty strings; more fields are skipped", () => {
    assert.deepEqual(recordsToItems([["1"], ["1", "2", "3", "4"]], ["a", "b", "c"]), [
      { a: "1", b: "", c: "" },
      { a: "1", b: "2", c: "3" },
    ]);
  });

  test("duplicate headers fail (cause recorded by LocalStack's AWS-validated test_map_item_reader_csv_headers_decl_duplicate_headers)", () => {
    throwsStates(() => recordsToItems([["1", "2"]], ["H1", "H1"]), "States.ItemReaderFailed", "CSV headers cannot contain duplicates.");
  });

  test("a header named __proto__ is an ordinary key", () => {
    const [item] = recordsToItems([["x"]], ["__proto__"]);
    assert.deepEqual(Object.keys(item as object), ["__proto__"]);
    assert.equal(Object.getPrototypeOf(item), Object.prototype);
  });
});
