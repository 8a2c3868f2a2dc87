import { describe, test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { stringify } from "yaml";
import { loadText } from "../../src/load/index.js";

/** Codes the loader may add on text that JSON.parse accepts: duplicate keys (ASL003) and numbers beyond a double. */
function onlyStricterThanJsonParse(codes: string[], messages: string[]): boolean {
  return codes.every(
    (code, i) => code === "ASL003" || (code === "ASL001" && / is too large to represent$/.test(messages[i] ?? "")),
  );
}

describe("the JSON loader agrees with JSON.parse (RFC 8259)", () => {
  test("on any JSON value, pretty-printed or not", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, pretty) => {
        const text = JSON.stringify(value, null, pretty ? 2 : undefined);
        const loaded = loadText(text, { format: "json" });
        assert.deepEqual(loaded.diagnostics, []);
        assert.deepEqual(loaded.value, JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });

  test("on arbitrary near-JSON text: it rejects what JSON.parse rejects, and loads the rest identically", () => {
    const unit = fc.constantFrom(..."{}[],:\"' \n\t\r0123456789-+.eEtrufalsn\\u/x\u0001é".split(""));
    const pieces = fc.constantFrom(
      '"a"',
      '"b"',
      "1",
      "true",
      "null",
      "[]",
      "{}",
      '{"a":1}',
      "1e400",
      "01",
      "-0",
      '"\\u00e9"',
    );
    const soup = fc.array(fc.oneof(unit, pieces), { maxLength: 30 }).map((parts) => parts.join(""));
    // Valid JSON with one character inserted, deleted or replaced: near misses that exercise the edge cases.
    const mutated = fc
      .tuple(fc.jsonValue({ maxDepth: 3 }), fc.boolean(), fc.nat(), fc.nat(2), unit)
      .map(([value, pretty, at, kind, ch]) => {
        const valid = JSON.stringify(value, null, pretty ? 1 : undefined);
        const i = at % (valid.length + 1);
        const cut = kind === 0 ? i : i + 1;
        return valid.slice(0, i) + (kind === 1 ? "" : ch) + valid.slice(cut);
      });
    const text = fc.oneof(soup, mutated);
    fc.assert(
      fc.property(text, (source) => {
        let expected: { ok: true; value: unknown } | { ok: false };
        try {
          expected = { ok: true, value: JSON.parse(source) as unknown };
        } catch {
          expected = { ok: false };
        }
        const loaded = loadText(source, { format: "json" });
        const codes = loaded.diagnostics.map((d) => d.code);
        if (!expected.ok) {
          assert.ok(codes.includes("ASL001"), `accepted ${JSON.stringify(source)}`);
        } else if (codes.length > 0) {
          assert.ok(
            onlyStricterThanJsonParse(
              codes,
              loaded.diagnostics.map((d) => d.message),
            ),
            JSON.stringify(source),
          );
        } else {
          assert.deepEqual(loaded.value, expected.value, JSON.stringify(source));
        }
      }),
      { numRuns: 5000 },
    );
  });

  test("YAML loads the same JSON values (written as YAML) as JSON does", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const normalised = JSON.parse(JSON.stringify(value)) as unknown;
        const text = stringify(normalised, { version: "1.2" });
        const loaded = loadText(text, { format: "yaml" });
        assert.deepEqual(loaded.diagnostics, [], text);
        assert.deepEqual(loaded.value, normalised, text);
      }),
      { numRuns: 300 },
    );
  });
});
