/** Numbers and labels of the reports (src/report/format.ts, text.ts, rule.ts). */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { comparisonText, quantity, usd } from "../../src/report/format.js";
import { ruleText } from "../../src/report/rule.js";
import { textWidth, wrapText } from "../../src/report/text.js";

describe("usd", () => {
  test("two decimals, or enough to show two significant digits of a small amount", () => {
    assert.equal(usd(0), "$0.00");
    assert.equal(usd(375), "$375.00");
    assert.equal(usd(1234.5), "$1,234.50");
    assert.equal(usd(0.025), "$0.03");
    assert.equal(usd(0.000025), "$0.000025");
    assert.equal(usd(0.000375), "$0.00038");
    assert.equal(usd(0.0000002), "$0.0000002");
    assert.equal(usd(0.000008), "$0.000008");
    assert.equal(usd(-0.5), "-$0.50");
    assert.equal(usd(1e-13), "$1.0e-13");
    // An unknown price (NaN; null once the result went through JSON) is never shown as $0.
    assert.equal(usd(Number.NaN), "unknown");
    assert.equal(usd(null as unknown as number), "unknown");
  });

  test("a non-zero amount never prints as zero", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-15, max: 1e9, noNaN: true }), (amount) => {
        assert.match(usd(amount), /[1-9]/);
      }),
      { seed: 7, numRuns: 500 },
    );
  });
});

test("quantity: separators, and small quantities to two significant digits", () => {
  assert.equal(quantity(1184), "1,184");
  assert.equal(quantity(0.041), "0.041");
  assert.equal(quantity(1184 / 1024 ** 3), "0.0000011");
  assert.equal(quantity(0), "0");
});

test("comparisonText", () => {
  const cost = (sf: number, durable: number) => ({
    currency: "USD" as const,
    region: "r",
    stepFunctions: { lines: [], total: sf },
    durable: { lines: [], total: durable },
  });
  assert.equal(comparisonText(cost(0.0004, 0.0001)), "Durable functions cost 25% of Step Functions for this run.");
  assert.equal(comparisonText(cost(1, 0.012)), "Durable functions cost 1.2% of Step Functions for this run.");
  assert.equal(comparisonText(cost(0, 0)), "Both cost nothing for this run.");
  assert.equal(comparisonText(cost(Number.NaN, 0.1)), "A price is unknown, so the two totals cannot be compared.");
});

describe("wrapText", () => {
  test("breaks at spaces, cuts long words, ends a cut-off text with an ellipsis", () => {
    assert.deepEqual(wrapText("Wait For Shipment", 10, 3), ["Wait For", "Shipment"]);
    assert.deepEqual(wrapText("abcdefghijkl", 5, 3), ["abcde", "fghij", "kl"]);
    assert.deepEqual(wrapText("one two three four five", 7, 2), ["one two", "three…"]);
    assert.deepEqual(wrapText("", 5, 2), [""]);
    assert.deepEqual(wrapText("a\nb", 5, 2), ["a b"]);
  });

  test("never more lines or longer lines than asked", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 120 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 4 }), (text, chars, lines) => {
        const out = wrapText(text, chars, lines);
        assert.ok(out.length <= lines);
        for (const line of out) assert.ok([...line].length <= chars, JSON.stringify(line));
      }),
      { seed: 11, numRuns: 300 },
    );
  });
});

test("textWidth grows with the text and the font size", () => {
  assert.ok(textWidth("Validate Order", 13) > textWidth("Validate", 13));
  assert.ok(textWidth("MMMM", 13) > textWidth("iiii", 13));
  assert.ok(Math.abs(textWidth("ab", 26) - 2 * textWidth("ab", 13)) <= 1, "proportional to the size (rounded up)");
});

test("ruleText reads every JSONPath operator family (ASL-6.3)", () => {
  const read = (rule: Record<string, unknown>) => ruleText({ rule, next: "X" });
  assert.equal(read({ Variable: "$.a", StringEquals: "x" }), '$.a == "x"');
  assert.equal(read({ Variable: "$.a", StringEqualsPath: "$.b" }), "$.a == $.b");
  assert.equal(read({ Variable: "$.a", NumericLessThanEquals: 3 }), "$.a <= 3");
  assert.equal(read({ Variable: "$.a", TimestampGreaterThan: "2024-01-01T00:00:00Z" }), '$.a > "2024-01-01T00:00:00Z"');
  assert.equal(read({ Variable: "$.a", StringMatches: "a*" }), '$.a matches "a*"');
  assert.equal(read({ Variable: "$.a", BooleanEquals: false }), "$.a == false");
  assert.equal(read({ Variable: "$.a", IsNull: false }), "$.a is not null");
  assert.equal(read({ Variable: "$.a", IsTimestamp: true }), "$.a is a timestamp");
  assert.equal(
    read({
      Or: [
        { Variable: "$.a", IsPresent: false },
        {
          And: [
            { Variable: "$.b", NumericEquals: 1 },
            { Variable: "$.c", NumericGreaterThan: 2 },
          ],
        },
      ],
    }),
    "$.a is absent or ($.b == 1 and $.c > 2)",
  );
  assert.equal(read({ Not: { Variable: "$.a", StringLessThan: "m" } }), 'not ($.a < "m")');
  assert.equal(ruleText({ condition: "{% $x = 1 %}", next: "X" }), "$x = 1");
  assert.equal(ruleText({ condition: true, next: "X" }), "true");
});
