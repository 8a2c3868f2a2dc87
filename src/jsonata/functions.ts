/**
 * The functions a Step Functions JSONata expression can call (ASL-3.2).
 *
 * Names are stored without the leading `$`. The JSONata list is exactly the set of functions jsonata 2.0.6 binds in
 * its static frame plus the two it binds per expression (`$now`, `$millis`); test/jsonata/functions.test.ts checks it
 * against node_modules/jsonata/jsonata.js so it cannot drift from the pinned version.
 */

/** Built-ins of JSONata 2.0.6, in the order jsonata.js binds them. */
export const JSONATA_BUILTIN_FUNCTIONS: readonly string[] = [
  "sum",
  "count",
  "max",
  "min",
  "average",
  "string",
  "substring",
  "substringBefore",
  "substringAfter",
  "lowercase",
  "uppercase",
  "length",
  "trim",
  "pad",
  "match",
  "contains",
  "replace",
  "split",
  "join",
  "formatNumber",
  "formatBase",
  "formatInteger",
  "parseInteger",
  "number",
  "floor",
  "ceil",
  "round",
  "abs",
  "sqrt",
  "power",
  "random",
  "boolean",
  "not",
  "map",
  "zip",
  "filter",
  "single",
  "reduce",
  "sift",
  "keys",
  "lookup",
  "append",
  "exists",
  "spread",
  "merge",
  "reverse",
  "each",
  "error",
  "assert",
  "type",
  "sort",
  "shuffle",
  "distinct",
  "base64encode",
  "base64decode",
  "encodeUrlComponent",
  "encodeUrl",
  "decodeUrlComponent",
  "decodeUrl",
  "eval",
  "toMillis",
  "fromMillis",
  "clone",
  "now",
  "millis",
];

/**
 * Functions Step Functions adds to JSONata (ASL-3.2): `$partition(array, size)`, `$range(start, end, step)`,
 * `$hash(data, algorithm)`, `$random([seed])` (replaces the stock, unseedable `$random`), `$uuid()`, `$parse(json)`.
 */
export const AWS_ADDED_FUNCTIONS: readonly string[] = ["partition", "range", "hash", "random", "uuid", "parse"];

/** JSONata built-ins Step Functions does not provide (ASL-3.2: "All built-ins are supported except `$eval`"). */
export const AWS_UNSUPPORTED_FUNCTIONS: readonly string[] = ["eval"];

const BUILTINS: ReadonlySet<string> = new Set([...JSONATA_BUILTIN_FUNCTIONS, ...AWS_ADDED_FUNCTIONS]);
const UNSUPPORTED: ReadonlySet<string> = new Set(AWS_UNSUPPORTED_FUNCTIONS);

/** `$sum` and `sum` both name the function `sum`. Only one leading `$` is dropped. */
function bare(name: string): string {
  return name.startsWith("$") ? name.slice(1) : name;
}

/**
 * True when `name` (with or without its `$`) is a JSONata 2.0.6 built-in or a Step Functions addition.
 * `$eval` counts as a built-in here (it is one in JSONata); ask {@link isAwsUnsupportedFunction} whether AWS allows it.
 */
export function isBuiltinFunction(name: string): boolean {
  return BUILTINS.has(bare(name));
}

/** True for a JSONata built-in that Step Functions does not provide (`$eval`; use `$parse`). */
export function isAwsUnsupportedFunction(name: string): boolean {
  return UNSUPPORTED.has(bare(name));
}
