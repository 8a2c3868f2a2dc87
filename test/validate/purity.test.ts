import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { validate } from "../../src/index.js";
import { corpusManifest, corpusText } from "../support/shared.js";
import { deepFreeze } from "../support/values.js";

const example = readFileSync(new URL("../../fixtures/order-processing.asl.json", import.meta.url), "utf8");
const broken = readFileSync(new URL("../../fixtures/invalid/order-processing-mistakes.asl.json", import.meta.url), "utf8");

describe("validate() is pure", () => {
  test("never mutates the caller's object (deep-frozen inputs work; a copy is returned)", () => {
    for (const text of [example, broken]) {
      const input = JSON.parse(text) as Record<string, unknown>;
      const snapshot = JSON.stringify(input);
      const result = validate(deepFreeze(input));
      assert.equal(JSON.stringify(input), snapshot);
      assert.notEqual(result.definition, input, "the result holds a copy, not the caller's object");
      assert.deepEqual(result.definition, input);
    }
  });

  test("never mutates any corpus definition", () => {
    for (const row of corpusManifest().filter((r) => r.file.endsWith(".json"))) {
      const input = JSON.parse(corpusText(row.file)) as unknown;
      const before = JSON.stringify(input);
      validate(deepFreeze(input));
      assert.equal(JSON.stringify(input), before, row.file);
    }
  });

  test("is deterministic: the same input gives the same diagnostics, object or text", () => {
    const first = validate(broken, { file: "x.json" });
    const second = validate(broken, { file: "x.json" });
    assert.deepEqual(first, second);
    const fromObject = validate(JSON.parse(broken) as unknown);
    const key = (r: typeof first): string[] => r.diagnostics.map((d) => `${d.location.pointer} ${d.code} ${d.message}`).sort();
    assert.deepEqual(key(fromObject), key(first), "an object and its text get the same diagnostics");
  });

  test("reports syntax errors instead of throwing, for text of any shape", () => {
    for (const text of ["", "   ", "{", "[1, 2]", "null", "42", '"x"', "{ \"StartAt\": }", "a: [", "\u0000"]) {
      const result = validate(text);
      assert.equal(result.ok, false, JSON.stringify(text));
      assert.ok(result.diagnostics.length > 0);
      for (const d of result.diagnostics) assert.match(d.code, /^ASL\d{3}$/);
    }
  });
});
