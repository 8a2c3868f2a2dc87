import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  BYTES_PER_GB,
  costPerMillion,
  estimateCost,
  formatCostTable,
  isKnown,
  RETENTION_DAYS,
} from "../../src/compare/cost.js";
import { DEFAULT_PRICES, loadPriceTable, PRICE_KEYS, PriceTableError } from "../../src/compare/prices.js";
import type { CostEstimate, CostLine, RunMetrics } from "../../src/compare/types.js";

/** Equal up to floating-point rounding (amounts are products of decimal prices that binary floats cannot hold exactly). */
function near(actual: number, expected: number, what: string): void {
  assert.ok(Math.abs(actual - expected) <= Math.abs(expected) * 1e-12, `${what}: ${actual} ≠ ${expected}`);
}

function metrics(overrides: Partial<RunMetrics>): RunMetrics {
  return {
    stateTransitions: 0,
    durableOperations: 0,
    checkpointedBytes: 0,
    invocations: 0,
    replays: 0,
    elapsedSeconds: 0,
    handlerMilliseconds: 0,
    ...overrides,
  };
}

function lineOf(lines: CostLine[], prefix: string): CostLine {
  const found = lines.find((l) => l.item.startsWith(prefix));
  assert.ok(found, `no line starting with ${JSON.stringify(prefix)} in ${lines.map((l) => l.item).join(" | ")}`);
  return found;
}

const MiB = 1024 * 1024;

describe("DEFAULT_PRICES", () => {
  test("every default names a unit, an https source and the date it was checked; none is unknown", () => {
    assert.equal(DEFAULT_PRICES.region, "us-east-1");
    for (const key of PRICE_KEYS) {
      const price = DEFAULT_PRICES[key];
      assert.equal(typeof price.value, "number", key);
      assert.ok(price.unit.length > 0, key);
      assert.match(price.source, /^https:\/\/aws\.amazon\.com\//, key);
      assert.match(price.checked, /^\d{4}-\d{2}-\d{2}$/, key);
    }
  });

  test("the published list prices, per single unit", () => {
    // Step Functions: $0.025 per 1,000 state transitions; Lambda: $0.20 per 1M requests, $0.0000166667 per GB-second
    // (x86, first tier); durable functions: $8.00 per 1M operations, $0.25 per GB written, $0.15 per GB-month retained.
    const value = (key: (typeof PRICE_KEYS)[number]) => DEFAULT_PRICES[key].value ?? NaN;
    near(value("stepFunctionsStateTransition"), 0.025 / 1000, "state transition");
    near(value("lambdaRequest"), 0.2 / 1_000_000, "request");
    near(value("lambdaDuration"), 0.0000166667, "GB-second");
    near(value("durableOperation"), 8 / 1_000_000, "durable operation");
    near(value("durableDataWritten"), 0.25, "GB written");
    near(value("durableDataRetained"), 0.15, "GB-month retained");
  });

  test("is frozen, so no caller can change the defaults for the next one", () => {
    assert.ok(Object.isFrozen(DEFAULT_PRICES));
    assert.ok(Object.isFrozen(DEFAULT_PRICES.durableOperation));
  });
});

describe("estimateCost", () => {
  test("10 state transitions against 7 durable operations in one invocation", () => {
    const e = estimateCost(metrics({ stateTransitions: 10, durableOperations: 7, invocations: 1 }));
    assert.equal(e.currency, "USD");
    assert.equal(e.region, "us-east-1");
    // 10 × $0.000025 = $0.00025
    assert.equal(e.stepFunctions.lines.length, 1);
    near(e.stepFunctions.lines[0]?.amount ?? NaN, 0.00025, "transitions");
    near(e.stepFunctions.total, 0.00025, "Step Functions total");
    // 7 × $0.000008 = $0.000056; 1 request × $0.0000002; no data, no duration
    near(lineOf(e.durable.lines, "durable operations").amount, 0.000056, "operations");
    near(lineOf(e.durable.lines, "Lambda requests").amount, 0.0000002, "requests");
    assert.equal(lineOf(e.durable.lines, "data written").amount, 0);
    assert.equal(lineOf(e.durable.lines, "Lambda duration").amount, 0);
    near(e.durable.total, 0.0000562, "durable total");
    // per million executions: $250.00 against $56.20
    const m = costPerMillion(e);
    near(m.stepFunctions.total, 250, "Step Functions per million");
    near(m.durable.total, 56.2, "durable per million");
  });

  test("checkpointed data is written once and retained for the 90-day retention period", () => {
    const e = estimateCost(metrics({ durableOperations: 3, checkpointedBytes: MiB, invocations: 1 }));
    assert.equal(RETENTION_DAYS, 90);
    // 1 MiB = 1/1024 GB; written: 0.0009765625 GB × $0.25 = $0.000244140625
    const written = lineOf(e.durable.lines, "data written");
    assert.equal(written.quantity, 1 / 1024);
    assert.equal(written.unit, "GB");
    near(written.amount, 0.000244140625, "written");
    // retained: 0.0009765625 GB × 90/30 months = 0.0029296875 GB-months × $0.15 = $0.000439453125
    const retained = lineOf(e.durable.lines, "data retained");
    assert.match(retained.item, /90-day retention/);
    assert.equal(retained.unit, "GB-month");
    near(retained.quantity, 0.0029296875, "GB-months");
    near(retained.amount, 0.000439453125, "retained");
  });

  test("a 2-day wait: the data is also retained while the execution runs; replays add requests; memory scales duration", () => {
    const e = estimateCost(
      metrics({
        durableOperations: 5,
        checkpointedBytes: MiB,
        invocations: 3,
        replays: 2,
        elapsedSeconds: 2 * 86_400,
        handlerMilliseconds: 1500,
      }),
      { memoryMB: 1024 },
    );
    // retained: (1/1024) GB × (2 + 90)/30 months = 0.0029947916… GB-months × $0.15
    near(lineOf(e.durable.lines, "data retained").quantity, ((1 / 1024) * 92) / 30, "GB-months");
    near(lineOf(e.durable.lines, "data retained").amount, (((1 / 1024) * 92) / 30) * 0.15, "retained");
    // requests: 3 × $0.0000002 = $0.0000006
    near(lineOf(e.durable.lines, "Lambda requests").amount, 0.0000006, "requests");
    // duration: 1 GB × 1.5 s = 1.5 GB-s × $0.0000166667 = $0.00002500005
    const duration = lineOf(e.durable.lines, "Lambda duration");
    assert.match(duration.item, /1024 MB/);
    assert.equal(duration.quantity, 1.5);
    near(duration.amount, 0.00002500005, "duration");
    // total: 5 × 0.000008 + 0.000244140625 + retained + 0.0000006 + 0.00002500005
    near(
      e.durable.total,
      0.00004 + 0.000244140625 + (((1 / 1024) * 92) / 30) * 0.15 + 0.0000006 + 0.00002500005,
      "durable total",
    );
  });

  test("duration defaults to 128 MB (0.125 GB): 50 ms is 0.00625 GB-seconds", () => {
    const duration = lineOf(
      estimateCost(metrics({ invocations: 1, handlerMilliseconds: 50 })).durable.lines,
      "Lambda duration",
    );
    assert.match(duration.item, /128 MB/);
    assert.equal(duration.quantity, 0.00625);
    near(duration.amount, 0.00625 * 0.0000166667, "duration");
  });

  test("reproduces the durable-function lines of AWS's worked example on the Lambda pricing page", () => {
    // 1M executions a month, 4 durable operations each, 104 GB written in all, a 7-day human review wait, the 14-day
    // default retention: $32.00 operations, $26.00 data written, $10.92 data retained.
    const perExecution = metrics({
      durableOperations: 4,
      checkpointedBytes: (104 * BYTES_PER_GB) / 1_000_000,
      invocations: 2,
      replays: 1,
      elapsedSeconds: 7 * 86_400,
    });
    const m = costPerMillion(estimateCost(perExecution, { retentionDays: 14 }));
    near(lineOf(m.durable.lines, "durable operations").amount, 32, "operations");
    near(lineOf(m.durable.lines, "data written").amount, 26, "data written");
    near(lineOf(m.durable.lines, "data retained").amount, 10.92, "data retained");
  });

  test("an unknown price makes its line and its side's total unknown (NaN, JSON null), never $0", () => {
    const prices = loadPriceTable({ durableDataRetained: null });
    const e = estimateCost(
      metrics({ stateTransitions: 4, durableOperations: 2, checkpointedBytes: 100, invocations: 1 }),
      { prices },
    );
    const retained = lineOf(e.durable.lines, "data retained");
    assert.ok(Number.isNaN(retained.unitPrice));
    assert.ok(Number.isNaN(retained.amount));
    assert.equal(isKnown(retained.amount), false);
    assert.ok(Number.isNaN(e.durable.total));
    near(e.stepFunctions.total, 0.0001, "the other side is still priced");
    const json = JSON.parse(JSON.stringify(e)) as CostEstimate;
    assert.equal(json.durable.total, null);
  });

  test("rejects a Region the price table is not for, bad memory and retention, and impossible metrics", () => {
    assert.throws(
      () => estimateCost(metrics({}), { region: "eu-west-1" }),
      /price table is for us-east-1, not eu-west-1/,
    );
    assert.throws(() => estimateCost(metrics({}), { memoryMB: 64 }), /memoryMB must be .* 128 to 10240, got 64/);
    assert.throws(() => estimateCost(metrics({}), { retentionDays: 91 }), /retentionDays must be .* 1 to 90, got 91/);
    assert.throws(
      () => estimateCost(metrics({ stateTransitions: -1 })),
      /metrics\.stateTransitions must be a finite number ≥ 0, got -1/,
    );
    assert.throws(() => estimateCost(metrics({ handlerMilliseconds: NaN })), /metrics\.handlerMilliseconds/);
  });
});

describe("costPerMillion", () => {
  test("scales quantities, amounts and totals by 10⁶ and keeps unit prices", () => {
    const e = estimateCost(
      metrics({ stateTransitions: 3, durableOperations: 2, invocations: 1, handlerMilliseconds: 8 }),
    );
    const m = costPerMillion(e);
    assert.equal(m.stepFunctions.lines[0]?.quantity, 3_000_000);
    assert.equal(m.stepFunctions.lines[0]?.unitPrice, e.stepFunctions.lines[0]?.unitPrice);
    e.durable.lines.forEach((l, i) => {
      near(m.durable.lines[i]?.amount ?? NaN, l.amount * 1e6, l.item);
      near(m.durable.lines[i]?.quantity ?? NaN, l.quantity * 1e6, l.item);
    });
    near(m.durable.total, e.durable.total * 1e6, "total");
  });
});

describe("loadPriceTable", () => {
  test("no overrides gives the defaults", () => {
    assert.equal(loadPriceTable(undefined), DEFAULT_PRICES);
    assert.deepEqual(loadPriceTable({}), DEFAULT_PRICES);
  });

  test("a number overrides one price and keeps the rest", () => {
    const t = loadPriceTable({ lambdaDuration: 0.0000133334 });
    assert.deepEqual(t.lambdaDuration, {
      value: 0.0000133334,
      unit: "GB-second",
      source: "override",
      checked: "unspecified",
    });
    assert.equal(t.durableOperation, DEFAULT_PRICES.durableOperation);
    assert.ok(Object.isFrozen(t) && Object.isFrozen(t.lambdaDuration));
    const duration = lineOf(
      estimateCost(metrics({ handlerMilliseconds: 1000 }), { prices: t }).durable.lines,
      "Lambda duration",
    );
    near(duration.amount, 0.125 * 0.0000133334, "Arm duration");
  });

  test("an object override keeps its source, date and note", () => {
    const t = loadPriceTable({
      durableOperation: {
        value: 0.00001,
        source: "https://example.com/contract",
        checked: "2026-10-01",
        note: "negotiated",
        unit: "durable operation",
      },
    });
    assert.deepEqual(t.durableOperation, {
      value: 0.00001,
      unit: "durable operation",
      source: "https://example.com/contract",
      checked: "2026-10-01",
      note: "negotiated",
    });
  });

  test("another Region: prices not given become unknown rather than us-east-1 prices", () => {
    const t = loadPriceTable({ region: "us-west-1", stepFunctionsStateTransition: 0.0279 / 1000 });
    assert.equal(t.region, "us-west-1");
    assert.equal(t.stepFunctionsStateTransition.value, 0.0000279);
    for (const key of PRICE_KEYS.filter((k) => k !== "stepFunctionsStateTransition")) {
      assert.equal(t[key].value, null, key);
      assert.match(t[key].note ?? "", /no default for us-west-1/);
    }
    const e = estimateCost(metrics({ stateTransitions: 10, durableOperations: 7 }), { prices: t, region: "us-west-1" });
    near(e.stepFunctions.total, 0.000279, "us-west-1 transitions");
    assert.ok(Number.isNaN(e.durable.total));
  });

  const invalid: [string, unknown, RegExp][] = [
    ["not an object", [1, 2], /^prices: expected a JSON object, got an array$/],
    ["null", null, /^prices: expected a JSON object, got null$/],
    [
      "an unknown key",
      { durableOps: 1 },
      /^prices\.durableOps: unknown key \(expected region, stepFunctionsStateTransition, /,
    ],
    [
      "an unknown key in a price",
      { lambdaRequest: { value: 1, cost: 2 } },
      /^prices\.lambdaRequest\.cost: unknown key \(expected value, unit, source, checked, note\)$/,
    ],
    [
      "a string price",
      { lambdaDuration: "0.0000166667" },
      /^prices\.lambdaDuration: expected a number \(USD per GB-second\), null \(unknown\) or an object/,
    ],
    [
      "a negative price",
      { durableOperation: -1 },
      /^prices\.durableOperation: expected a non-negative number \(USD per unit\) or null, got -1$/,
    ],
    [
      "a string value",
      { durableOperation: { value: "8" } },
      /^prices\.durableOperation\.value: expected a non-negative number .* got "8"$/,
    ],
    ["a missing value", { durableOperation: { source: "x" } }, /^prices\.durableOperation\.value: missing/],
    [
      "another unit",
      { stepFunctionsStateTransition: { value: 0.025, unit: "1,000 state transitions" } },
      /^prices\.stepFunctionsStateTransition\.unit: must be "state transition"/,
    ],
    [
      "a bad date",
      { lambdaRequest: { value: 0, checked: "yesterday" } },
      /^prices\.lambdaRequest\.checked: expected a date YYYY-MM-DD, got "yesterday"$/,
    ],
    [
      "an empty source",
      { lambdaRequest: { value: 0, source: "" } },
      /^prices\.lambdaRequest\.source: expected a non-empty string, got ""$/,
    ],
    [
      "a bad region",
      { region: "Virginia" },
      /^prices\.region: expected an AWS Region code such as "us-east-1", got "Virginia"$/,
    ],
  ];
  for (const [what, overrides, message] of invalid) {
    test(`rejects ${what}, naming the key`, () => {
      assert.throws(
        () => loadPriceTable(overrides),
        (error: unknown) => error instanceof PriceTableError && message.test(error.message),
      );
    });
  }

  test("the error's key is the dotted path of the offending entry", () => {
    try {
      loadPriceTable(JSON.parse('{"durableDataWritten": {"value": 0.25, "checked": 20261126}}'));
      assert.fail("expected a PriceTableError");
    } catch (error) {
      assert.ok(error instanceof PriceTableError);
      assert.equal(error.key, "prices.durableDataWritten.checked");
    }
  });
});

describe("formatCostTable", () => {
  test("prints both sides per execution (10 decimals) and per million executions (4 decimals), in USD", () => {
    const text = formatCostTable(estimateCost(metrics({ stateTransitions: 10, durableOperations: 7, invocations: 1 })));
    const lines = text.split("\n");
    assert.equal(lines[0], "Estimated cost in USD, us-east-1 (list prices, free tiers ignored)");
    assert.match(lines[1] ?? "", /quantity\s+unit\s+unit price\s+per execution\s+per 1M executions$/);
    const row = (prefix: string) => lines.find((l) => l.trimStart().startsWith(prefix)) ?? "";
    assert.match(
      row("state transitions"),
      /\b10\s+state transition\s+\$0\.0000250000\s+\$0\.0002500000\s+\$250\.0000$/,
    );
    assert.match(
      row("durable operations"),
      /\b7\s+durable operation\s+\$0\.0000080000\s+\$0\.0000560000\s+\$56\.0000$/,
    );
    const totals = lines.filter((l) => l.trimStart().startsWith("total"));
    assert.equal(totals.length, 2);
    assert.match(totals[0] ?? "", /\$0\.0002500000\s+\$250\.0000$/);
    assert.match(totals[1] ?? "", /\$0\.0000562000\s+\$56\.2000$/);
    assert.ok(lines.includes("Step Functions Standard") && lines.includes("Lambda durable functions"));
    assert.doesNotMatch(text, /unknown/);
  });

  test("columns line up: every amount ends at the same column", () => {
    const text = formatCostTable(
      estimateCost(
        metrics({
          stateTransitions: 123,
          durableOperations: 45,
          checkpointedBytes: 5000,
          invocations: 3,
          handlerMilliseconds: 77,
        }),
      ),
    );
    const ends = text
      .split("\n")
      .filter((l) => /\$\d+\.\d{4}$/.test(l))
      .map((l) => l.length);
    assert.ok(ends.length >= 8);
    assert.equal(new Set(ends).size, 1);
  });

  test("shows an unknown price as unknown, not $0, and says which line has no price", () => {
    const prices = loadPriceTable({ durableOperation: null });
    const text = formatCostTable(
      estimateCost(metrics({ stateTransitions: 10, durableOperations: 7, invocations: 1 }), { prices }),
    );
    const lines = text.split("\n");
    assert.match(
      lines.find((l) => l.trimStart().startsWith("durable operations")) ?? "",
      /\b7\s+durable operation\s+unknown\s+unknown\s+unknown$/,
    );
    const totals = lines.filter((l) => l.trimStart().startsWith("total"));
    assert.match(totals[1] ?? "", /^\s+total\s+unknown\s+unknown$/);
    assert.match(lines.at(-1) ?? "", /^unknown: no price for durable operations; .*durable \$0\.0000002000\)$/);
  });
});
