import type { ChoiceBranch } from "../ir/types.js";

/**
 * A one-line reading of a Choice rule (ASL-6.3) for an edge label: a JSONPath data test as `Variable op value`, `And` /
 * `Or` / `Not` as `and` / `or` / `not (…)`, a JSONata `Condition` as its expression.
 */
export function ruleText(branch: ChoiceBranch): string {
  if (branch.rule !== undefined) return testText(branch.rule, true);
  if (branch.condition !== undefined) return conditionText(branch.condition);
  return "rule";
}

function conditionText(condition: unknown): string {
  if (typeof condition === "string") {
    const match = /^\{%([\s\S]*)%\}$/.exec(condition);
    return (match?.[1] ?? condition).trim();
  }
  return JSON.stringify(condition) ?? String(condition);
}

const COMPARISONS: ReadonlyArray<readonly [suffix: string, symbol: string]> = [
  ["LessThanEquals", "<="],
  ["GreaterThanEquals", ">="],
  ["LessThan", "<"],
  ["GreaterThan", ">"],
  ["Equals", "=="],
  ["Matches", "matches"],
];

const TYPE_TESTS: Readonly<Record<string, readonly [yes: string, no: string]>> = {
  IsNull: ["is null", "is not null"],
  IsPresent: ["is present", "is absent"],
  IsNumeric: ["is numeric", "is not numeric"],
  IsString: ["is a string", "is not a string"],
  IsBoolean: ["is a boolean", "is not a boolean"],
  IsTimestamp: ["is a timestamp", "is not a timestamp"],
};

function testText(rule: Readonly<Record<string, unknown>>, top: boolean): string {
  const group = (text: string): string => (top ? text : `(${text})`);
  for (const [key, joiner] of [
    ["And", " and "],
    ["Or", " or "],
  ] as const) {
    const parts = rule[key];
    if (Array.isArray(parts)) return group(parts.map((p) => (isRecord(p) ? testText(p, false) : "?")).join(joiner));
  }
  const not = rule["Not"];
  if (isRecord(not)) return `not (${testText(not, true)})`;
  const variable = typeof rule["Variable"] === "string" ? rule["Variable"] : "?";
  for (const [operator, value] of Object.entries(rule)) {
    if (operator === "Variable") continue;
    const tests = TYPE_TESTS[operator];
    if (tests) return `${variable} ${value === true ? tests[0] : tests[1]}`;
    const isPath = operator.endsWith("Path");
    const base = isPath ? operator.slice(0, -"Path".length) : operator;
    const comparison = COMPARISONS.find(([suffix]) => base.endsWith(suffix));
    if (comparison) return `${variable} ${comparison[1]} ${isPath ? String(value) : JSON.stringify(value)}`;
  }
  return variable;
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
