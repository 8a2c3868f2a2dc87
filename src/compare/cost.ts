import { DEFAULT_PRICES, type Price, type PriceTable } from "./prices.js";
import type { CostEstimate, CostLine, RunMetrics } from "./types.js";

/**
 * The cost model of `compare` (issue #5): one execution of the state machine on Step Functions Standard against one
 * durable execution of the generated handler, both priced with one `PriceTable`. Amounts keep full precision (a single
 * execution costs fractions of a cent); rounding is the renderer's. A line whose price is unknown has NaN as its unit
 * price and amount (JSON: null), and so does its side's total: it is shown as unknown, never as $0.
 *
 * Assumptions, each named in the line it affects:
 * - Lambda memory: 128 MB unless given (the generated module does not set it).
 * - Retention: the generated module's `RetentionPeriodInDays: 90` (templates/module.ts.hbs). Checkpointed data is
 *   retained while the execution runs and for the retention period after it ends, at 30 days a month; AWS's worked
 *   example on the Lambda pricing page (104 GB, a 7-day wait, the 14-day default retention: 104 × 21/30 GB-months ×
 *   $0.15 = $10.92) is consistent with exactly this.
 * - 1 GB = 1024³ bytes, as Lambda's GB-seconds count memory (128 MB = 0.125 GB).
 * - Duration is the handler time measured locally across all invocations; Lambda rounds each invocation up to 1 ms.
 * - What Task states call (Lambda functions, SDK integrations) is the same on both sides and priced on neither.
 * - Prices are linear: free tiers and volume tiers are ignored, so N executions cost N times one.
 */

export const DEFAULT_MEMORY_MB = 128;
export const RETENTION_DAYS = 90;
export const BYTES_PER_GB = 1024 ** 3;
export const DAYS_PER_MONTH = 30;
const SECONDS_PER_DAY = 86_400;
const MILLION = 1_000_000;

export interface CostOptions {
  prices?: PriceTable;
  /** Lambda memory of the durable function, 128–10,240 MB. */
  memoryMB?: number;
  /** Must be the price table's Region (the default); prices are per Region. */
  region?: string;
  /** Days the execution's data is kept after it ends, 1–90 (DurableConfig.RetentionPeriodInDays). */
  retentionDays?: number;
}

export function estimateCost(metrics: RunMetrics, options: CostOptions = {}): CostEstimate {
  checkMetrics(metrics);
  const prices = options.prices ?? DEFAULT_PRICES;
  const region = options.region ?? prices.region;
  if (region !== prices.region) {
    throw new RangeError(
      `the price table is for ${prices.region}, not ${region}: give a price table for ${region} (an override with "region": "${region}" and its prices)`,
    );
  }
  const memoryMB = options.memoryMB ?? DEFAULT_MEMORY_MB;
  if (!Number.isInteger(memoryMB) || memoryMB < 128 || memoryMB > 10_240) {
    throw new RangeError(`memoryMB must be a whole number of MB from 128 to 10240, got ${memoryMB}`);
  }
  const retentionDays = options.retentionDays ?? RETENTION_DAYS;
  if (!Number.isInteger(retentionDays) || retentionDays < 1 || retentionDays > 90) {
    throw new RangeError(`retentionDays must be a whole number of days from 1 to 90, got ${retentionDays}`);
  }

  const gbWritten = metrics.checkpointedBytes / BYTES_PER_GB;
  const daysRetained = metrics.elapsedSeconds / SECONDS_PER_DAY + retentionDays;
  const gbSeconds = (memoryMB / 1024) * (metrics.handlerMilliseconds / 1000);

  return {
    currency: "USD",
    region,
    stepFunctions: side([
      line("state transitions (Standard workflow)", metrics.stateTransitions, prices.stepFunctionsStateTransition),
    ]),
    durable: side([
      line("durable operations", metrics.durableOperations, prices.durableOperation),
      line("data written (checkpoints)", gbWritten, prices.durableDataWritten),
      line(
        `data retained (while running + ${retentionDays}-day retention)`,
        (gbWritten * daysRetained) / DAYS_PER_MONTH,
        prices.durableDataRetained,
      ),
      line("Lambda requests (first invocation + replays)", metrics.invocations, prices.lambdaRequest),
      line(`Lambda duration (${memoryMB} MB × handler time)`, gbSeconds, prices.lambdaDuration),
    ]),
  };
}

/** The same estimate for one million executions: quantities and amounts × 10⁶ (prices are linear, see above). */
export function costPerMillion(estimate: CostEstimate): CostEstimate {
  const scale = (lines: CostLine[]) =>
    side(lines.map((l) => ({ ...l, quantity: l.quantity * MILLION, amount: l.amount * MILLION })));
  return { ...estimate, stepFunctions: scale(estimate.stepFunctions.lines), durable: scale(estimate.durable.lines) };
}

/** Whether a line (or total) has a price: an unknown price makes the amount NaN. */
export function isKnown(amount: number): boolean {
  return !Number.isNaN(amount);
}

/**
 * A plain-text table of an estimate for the CLI: per execution (10 decimals) and per million executions (4 decimals),
 * in USD. Unknown amounts read "unknown", with a footnote naming the lines without a price.
 */
export function formatCostTable(estimate: CostEstimate): string {
  const million = costPerMillion(estimate);
  const rows: Row[] = [["", "quantity", "unit", "unit price", "per execution", "per 1M executions"]];
  const sections = [
    ["Step Functions Standard", estimate.stepFunctions, million.stepFunctions],
    ["Lambda durable functions", estimate.durable, million.durable],
  ] as const;
  const unknown: string[] = [];
  for (const [title, one, many] of sections) {
    rows.push([title]);
    one.lines.forEach((l, i) => {
      if (!isKnown(l.amount)) unknown.push(l.item);
      rows.push([
        `  ${l.item}`,
        quantity(l.quantity),
        l.unit,
        usd(l.unitPrice, 10),
        usd(l.amount, 10),
        usd(many.lines[i]?.amount ?? NaN, 4),
      ]);
    });
    rows.push(["  total", "", "", "", usd(one.total, 10), usd(many.total, 4)]);
  }
  const lines = [
    `Estimated cost in ${estimate.currency}, ${estimate.region} (list prices, free tiers ignored)`,
    ...table(rows),
  ];
  if (unknown.length > 0) {
    const known = (s: { lines: CostLine[] }) =>
      s.lines.reduce((sum, l) => (isKnown(l.amount) ? sum + l.amount : sum), 0);
    lines.push(
      `unknown: no price for ${unknown.join(", ")}; a total with an unknown line is unknown ` +
        `(known lines per execution: Step Functions ${usd(known(estimate.stepFunctions), 10)}, durable ${usd(known(estimate.durable), 10)})`,
    );
  }
  return lines.join("\n");
}

function line(item: string, quantity: number, price: Price): CostLine {
  const unitPrice = price.value ?? NaN;
  return { item, quantity, unit: price.unit, unitPrice, amount: quantity * unitPrice };
}

function side(lines: CostLine[]): { lines: CostLine[]; total: number } {
  return { lines, total: lines.reduce((sum, l) => sum + l.amount, 0) };
}

function checkMetrics(metrics: RunMetrics): void {
  for (const [key, value] of Object.entries(metrics) as [keyof RunMetrics, number][]) {
    if (!Number.isFinite(value) || value < 0)
      throw new RangeError(`metrics.${key} must be a finite number ≥ 0, got ${value}`);
  }
}

type Row = readonly string[];
/** The item and unit columns are left-aligned, the numbers right-aligned. */
const LEFT = new Set([0, 2]);

function table(rows: readonly Row[]): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    if (row.length === 1) continue; // a section title spans the table
    row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  }
  return rows.map((row) =>
    row.length === 1
      ? (row[0] ?? "")
      : row
          .map((cell, i) => (LEFT.has(i) ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
          .join("  ")
          .trimEnd(),
  );
}

function usd(amount: number, decimals: number): string {
  return isKnown(amount) ? `$${amount.toFixed(decimals)}` : "unknown";
}

function quantity(value: number): string {
  if (Number.isInteger(value)) return String(value);
  if (value >= 0.001) return String(Number(value.toPrecision(6)));
  return value.toExponential(3);
}
