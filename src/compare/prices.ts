/**
 * The price table of `compare`'s cost model (issue #5): every price the model uses, with where it comes from and when it
 * was checked. The defaults are AWS list prices for US East (N. Virginia), x86, first duration tier, free tiers ignored
 * (Step Functions' 4,000 free transitions a month and Lambda's 1M free requests and 400,000 free GB-seconds a month are
 * account-wide, not per execution). A user can override any of them with a JSON object (`loadPriceTable`).
 *
 * A price nobody could establish is `value: null`; the estimate shows its line as unknown, never as $0.
 */

/** One price: USD per one `unit`. */
export interface Price {
  /** USD per one unit, or null when no source gives it (the estimate then shows the line as unknown). */
  readonly value: number | null;
  /** What one unit is, e.g. "state transition", "GB-month". */
  readonly unit: string;
  /** Where the price was read (a URL), or what overrode it. */
  readonly source: string;
  /** When the source was checked (YYYY-MM-DD), or "unspecified" for an override that does not say. */
  readonly checked: string;
  /** How the price appears at the source, and anything a reader should know about it. */
  readonly note?: string;
}

export interface PriceTable {
  /** The AWS Region every price is for. */
  readonly region: string;
  /** Step Functions Standard workflows: one state transition (every state entered, retries included). */
  readonly stepFunctionsStateTransition: Price;
  /** Lambda durable functions: one durable operation (execution start, step, wait, callback, context…). */
  readonly durableOperation: Price;
  /** Lambda durable functions: one GB of data written (checkpointed). */
  readonly durableDataWritten: Price;
  /** Lambda durable functions: one GB of data retained for one month. */
  readonly durableDataRetained: Price;
  /** Lambda: one request (every invocation of the durable function, first run and each replay). */
  readonly lambdaRequest: Price;
  /** Lambda: one GB-second of duration (configured memory × time the handler runs). */
  readonly lambdaDuration: Price;
}

export type PriceKey = Exclude<keyof PriceTable, "region">;

export const PRICE_KEYS: readonly PriceKey[] = [
  "stepFunctionsStateTransition",
  "durableOperation",
  "durableDataWritten",
  "durableDataRetained",
  "lambdaRequest",
  "lambdaDuration",
];

const CHECKED = "2026-11-26";
const LAMBDA_PRICING = "https://aws.amazon.com/lambda/pricing/";
const STEP_FUNCTIONS_PRICING = "https://aws.amazon.com/step-functions/pricing/";
const DURABLE_NOTE =
  "Lambda durable functions pricing (launched December 2025). The pricing page renders its rates client-side, so the " +
  "stored copy consulted did not show them; the rate is as transcribed from that page by independent write-ups, and " +
  "AWS's worked example there (1M executions: $32.00 durable operations, $26.00 data written, $10.92 data retained) " +
  "agrees with these rates.";

export const DEFAULT_PRICES: PriceTable = deepFreeze({
  region: "us-east-1",
  stepFunctionsStateTransition: {
    value: 0.000025,
    unit: "state transition",
    source: STEP_FUNCTIONS_PRICING,
    checked: CHECKED,
    note: "Standard workflows: $0.025 per 1,000 state transitions in US East (N. Virginia). Free tier (4,000 a month) ignored.",
  },
  durableOperation: {
    value: 0.000008,
    unit: "durable operation",
    source: LAMBDA_PRICING,
    checked: CHECKED,
    note: `$8.00 per million durable operations. ${DURABLE_NOTE}`,
  },
  durableDataWritten: {
    value: 0.25,
    unit: "GB",
    source: LAMBDA_PRICING,
    checked: CHECKED,
    note: `$0.25 per GB of data written. ${DURABLE_NOTE}`,
  },
  durableDataRetained: {
    value: 0.15,
    unit: "GB-month",
    source: LAMBDA_PRICING,
    checked: CHECKED,
    note: `$0.15 per GB-month of data retained. ${DURABLE_NOTE}`,
  },
  lambdaRequest: {
    value: 0.0000002,
    unit: "request",
    source: LAMBDA_PRICING,
    checked: CHECKED,
    note:
      "$0.20 per 1M requests (also https://docs.aws.amazon.com/whitepapers/latest/how-aws-pricing-works/lambda.html). " +
      "Free tier (1M requests a month) ignored.",
  },
  lambdaDuration: {
    value: 0.0000166667,
    unit: "GB-second",
    source: LAMBDA_PRICING,
    checked: CHECKED,
    note:
      "x86, first tier (up to 6 billion GB-seconds a month) in US East (N. Virginia); Arm is $0.0000133334. " +
      "Free tier (400,000 GB-seconds a month) ignored.",
  },
});

/** An override that is not a valid (partial) price table; `key` is the dotted path of the offending entry. */
export class PriceTableError extends Error {
  constructor(
    readonly key: string,
    message: string,
  ) {
    super(`${key}: ${message}`);
    this.name = "PriceTableError";
  }
}

const ROOT = "prices";
const PRICE_FIELDS = ["value", "unit", "source", "checked", "note"] as const;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The default table with `overrides` applied. `overrides` is a parsed JSON object (or undefined for none) with any of
 * `region` and the price keys; a price is either a number (USD per unit), null (unknown), or an object
 * `{ value, source?, checked?, note?, unit? }` whose `unit`, if given, must be the default's (the model's arithmetic
 * depends on it). When `region` is not the defaults' region, every price not overridden becomes unknown: a us-east-1
 * price is not silently used for another Region.
 */
export function loadPriceTable(overrides: unknown): PriceTable {
  if (overrides === undefined) return DEFAULT_PRICES;
  const entries = asObject(overrides, ROOT);
  for (const key of Object.keys(entries)) {
    if (key !== "region" && !isPriceKey(key)) {
      throw new PriceTableError(`${ROOT}.${key}`, `unknown key (expected region, ${PRICE_KEYS.join(", ")})`);
    }
  }
  const region = entries.region === undefined ? DEFAULT_PRICES.region : parseRegion(entries.region);
  const sameRegion = region === DEFAULT_PRICES.region;
  const prices = {} as Record<PriceKey, Price>;
  for (const key of PRICE_KEYS) {
    const fallback = DEFAULT_PRICES[key];
    const raw = entries[key];
    if (raw !== undefined) prices[key] = parsePrice(raw, fallback, `${ROOT}.${key}`);
    else if (sameRegion) prices[key] = fallback;
    else
      prices[key] = {
        ...fallback,
        value: null,
        note: `no default for ${region}: the defaults are ${DEFAULT_PRICES.region} prices`,
      };
  }
  return deepFreeze({ region, ...prices });
}

function parseRegion(raw: unknown): string {
  if (typeof raw !== "string" || !REGION.test(raw)) {
    throw new PriceTableError(`${ROOT}.region`, `expected an AWS Region code such as "us-east-1", got ${show(raw)}`);
  }
  return raw;
}

function parsePrice(raw: unknown, fallback: Price, key: string): Price {
  if (raw === null || typeof raw === "number") {
    return { value: parseValue(raw, key), unit: fallback.unit, source: "override", checked: "unspecified" };
  }
  if (typeof raw !== "object" || Array.isArray(raw)) {
    throw new PriceTableError(
      key,
      `expected a number (USD per ${fallback.unit}), null (unknown) or an object { value, source, checked, note }, got ${show(raw)}`,
    );
  }
  const fields = raw as Record<string, unknown>;
  for (const field of Object.keys(fields)) {
    if (!(PRICE_FIELDS as readonly string[]).includes(field)) {
      throw new PriceTableError(`${key}.${field}`, `unknown key (expected ${PRICE_FIELDS.join(", ")})`);
    }
  }
  if (!("value" in fields))
    throw new PriceTableError(`${key}.value`, "missing (a number, USD per unit, or null for unknown)");
  if (fields.unit !== undefined && fields.unit !== fallback.unit) {
    throw new PriceTableError(
      `${key}.unit`,
      `must be ${show(fallback.unit)} (prices are per ${fallback.unit}), got ${show(fields.unit)}`,
    );
  }
  const checked = optionalString(fields.checked, `${key}.checked`) ?? "unspecified";
  if (checked !== "unspecified" && !DATE.test(checked)) {
    throw new PriceTableError(`${key}.checked`, `expected a date YYYY-MM-DD, got ${show(checked)}`);
  }
  const note = optionalString(fields.note, `${key}.note`);
  return {
    value: parseValue(fields.value, `${key}.value`),
    unit: fallback.unit,
    source: optionalString(fields.source, `${key}.source`) ?? "override",
    checked,
    ...(note === undefined ? {} : { note }),
  };
}

function parseValue(raw: unknown, key: string): number | null {
  if (raw === null) return null;
  if (typeof raw !== "number" || !Number.isFinite(raw) || raw < 0) {
    throw new PriceTableError(key, `expected a non-negative number (USD per unit) or null, got ${show(raw)}`);
  }
  return raw;
}

function optionalString(raw: unknown, key: string): string | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== "string" || raw.length === 0)
    throw new PriceTableError(key, `expected a non-empty string, got ${show(raw)}`);
  return raw;
}

function asObject(raw: unknown, key: string): Record<string, unknown> {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new PriceTableError(key, `expected a JSON object, got ${show(raw)}`);
  }
  return raw as Record<string, unknown>;
}

function isPriceKey(key: string): key is PriceKey {
  return (PRICE_KEYS as readonly string[]).includes(key);
}

function show(raw: unknown): string {
  if (raw === null) return "null";
  if (Array.isArray(raw)) return "an array";
  if (typeof raw === "object") return "an object";
  if (typeof raw === "string") return JSON.stringify(raw);
  return String(raw);
}

function deepFreeze<T extends object>(value: T): T {
  for (const inner of Object.values(value)) {
    if (typeof inner === "object" && inner !== null) deepFreeze(inner as object);
  }
  return Object.freeze(value);
}
