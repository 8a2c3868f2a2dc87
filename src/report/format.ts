import type { CostEstimate, CostLine, Outcome, RunMetrics } from "../compare/types.js";

/** Numbers and values as both reports print them (plain text: each renderer escapes it). */

/**
 * A USD amount with two decimals, or as many more as it takes to show two significant digits of a small amount
 * ($0.000025 rather than $0.00; trailing zeros dropped), up to 12 (a smaller amount in exponent form).
 */
export function usd(amount: number): string {
  // The cost model gives NaN (JSON: null) for a price it does not know: never shown as $0.
  if (typeof amount !== "number" || Number.isNaN(amount)) return "unknown";
  if (!Number.isFinite(amount)) return String(amount);
  const magnitude = Math.abs(amount);
  if (magnitude !== 0 && magnitude < 1e-11) return `${amount < 0 ? "-" : ""}$${magnitude.toExponential(1)}`;
  const decimals = magnitude === 0 || magnitude >= 0.01 ? 2 : Math.min(12, Math.ceil(-Math.log10(magnitude)) + 1);
  const text = magnitude.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: decimals });
  return `${amount < 0 ? "-" : ""}$${text}`;
}

/** A count or quantity with thousands separators: up to 6 decimals, or two significant digits of a smaller one. */
export function quantity(value: number): string {
  if (typeof value !== "number" || Number.isNaN(value)) return "unknown";
  if (!Number.isFinite(value)) return String(value);
  if (value !== 0 && Math.abs(value) < 0.001) return value.toLocaleString("en-US", { maximumSignificantDigits: 2 });
  return value.toLocaleString("en-US", { maximumFractionDigits: 6 });
}

/** The verdict of a whole comparison in one sentence. */
export function verdictText(runs: ReadonlyArray<{ verdict: "same" | "different" }>): string {
  const differing = runs.filter((r) => r.verdict === "different").length;
  const all = `${runs.length} run${runs.length === 1 ? "" : "s"}`;
  if (runs.length === 0) return "No runs.";
  if (differing === 0) return `${all}: the interpreter and the durable handler agree.`;
  return `${differing} of ${all} ${differing === 1 ? "differs" : "differ"}: the interpreter and the durable handler disagree.`;
}

/** A JSON value on one line; `undefined` (absent) as "(absent)". */
export function jsonText(value: unknown): string {
  if (value === undefined) return "(absent)";
  return JSON.stringify(value) ?? String(value);
}

/** An outcome in a few words: the status, and the error and cause of a failure. */
export function outcomeText(outcome: Outcome): string {
  return outcome.status === "SUCCEEDED" ? "SUCCEEDED" : `FAILED: ${outcome.error}${outcome.cause !== "" ? ` (${outcome.cause})` : ""}`;
}

/** The measured counts, with what each one measures; the first one is Step Functions', the others the handler's. */
export function metricRows(metrics: RunMetrics): Array<{ label: string; side: "Step Functions" | "Durable handler"; value: string }> {
  return [
    { label: "State transitions", side: "Step Functions", value: quantity(metrics.stateTransitions) },
    { label: "Durable operations", side: "Durable handler", value: quantity(metrics.durableOperations) },
    { label: "Checkpointed bytes", side: "Durable handler", value: quantity(metrics.checkpointedBytes) },
    { label: "Invocations", side: "Durable handler", value: quantity(metrics.invocations) },
    { label: "Replays", side: "Durable handler", value: quantity(metrics.replays) },
    { label: "Elapsed (virtual) seconds", side: "Durable handler", value: quantity(metrics.elapsedSeconds) },
    { label: "Handler milliseconds", side: "Durable handler", value: quantity(metrics.handlerMilliseconds) },
  ];
}

export interface CostRow {
  side: "Step Functions" | "Durable functions";
  line: CostLine;
}

/** Every priced line of both sides, Step Functions first. */
export function costRows(cost: CostEstimate): CostRow[] {
  return [
    ...cost.stepFunctions.lines.map((line): CostRow => ({ side: "Step Functions", line })),
    ...cost.durable.lines.map((line): CostRow => ({ side: "Durable functions", line })),
  ];
}

/** Executions the per-million column is for. */
export const EXECUTIONS = 1_000_000;

/** How the two totals compare, in words ("durable functions cost 38% of Step Functions"). */
export function comparisonText(cost: CostEstimate): string {
  const sf = cost.stepFunctions.total;
  const durable = cost.durable.total;
  if (!Number.isFinite(sf) || !Number.isFinite(durable)) return "A price is unknown, so the two totals cannot be compared.";
  if (sf === 0 && durable === 0) return "Both cost nothing for this run.";
  if (sf === 0) return "Step Functions costs nothing for this run; durable functions do.";
  const percent = (durable / sf) * 100;
  const shown = percent >= 10 ? Math.round(percent).toString() : percent.toPrecision(2);
  return `Durable functions cost ${shown}% of Step Functions for this run.`;
}
