import { childPointer } from "../../load/pointer.js";
import { isObject, subject, type StateModel } from "../model.js";
import type { Rule, RuleContext } from "./rule.js";

/** ASL-6.3: the data-test comparison operators (each also has a `…Path` form except the Is* tests). */
const VALUE_OPERATORS = [
  "StringEquals", "StringLessThan", "StringGreaterThan", "StringLessThanEquals", "StringGreaterThanEquals",
  "NumericEquals", "NumericLessThan", "NumericGreaterThan", "NumericLessThanEquals", "NumericGreaterThanEquals",
  "BooleanEquals",
  "TimestampEquals", "TimestampLessThan", "TimestampGreaterThan", "TimestampLessThanEquals", "TimestampGreaterThanEquals",
] as const;

export const COMPARISON_OPERATORS: readonly string[] = [
  ...VALUE_OPERATORS,
  ...VALUE_OPERATORS.map((op) => `${op}Path`),
  "StringMatches",
  "IsNull", "IsPresent", "IsNumeric", "IsString", "IsBoolean", "IsTimestamp",
];

const COMBINATORS = ["And", "Or", "Not"] as const;

/** ASL-6.3: every JSONPath rule is one data test or one boolean combination; JSONata rules use Condition. */
export const choiceRules: Rule = {
  name: "Choice rules have exactly one comparison operator and well-formed And/Or/Not",
  codes: ["ASL206", "ASL207", "ASL208"],
  check(ctx) {
    for (const state of ctx.model.states) {
      if (state.type !== "Choice" || !Array.isArray(state.fields["Choices"])) continue;
      state.fields["Choices"].forEach((rule, i) => {
        const pointer = childPointer(state.pointer, "Choices", i);
        if (!isObject(rule)) return; // schema
        // A missing top-level Next and a Next inside And/Or/Not are schema errors (ASL010, ASL011).
        if (state.queryLanguage === "JSONata") {
          if (!("Condition" in rule)) {
            ctx.report("ASL207", pointer, `${subject(state)}, Choices[${i}]: a JSONata Choice rule needs "Condition"`, { key: true, state: state.name });
          }
          return; // JSONPath operators in a JSONata state are reported by the query-language rule
        }
        checkRule(ctx, state, rule, pointer, `Choices[${i}]`);
      });
    }
  },
};

function checkRule(ctx: RuleContext, state: StateModel, rule: Record<string, unknown>, pointer: string, label: string): void {
  const where = `${subject(state)}, ${label}`;
  const keys = Object.keys(rule);
  const combinators = keys.filter((k): k is (typeof COMBINATORS)[number] => (COMBINATORS as readonly string[]).includes(k));
  const operators = keys.filter((k) => COMPARISON_OPERATORS.includes(k));
  const count = combinators.length + operators.length;
  if (count === 0) {
    ctx.report("ASL206", pointer, `${where}: has no comparison operator (e.g. "StringEquals") and no "And", "Or" or "Not"`, { key: true, state: state.name });
    return;
  }
  if (count > 1) {
    const [first, second] = keys.filter((k) => combinators.includes(k as (typeof COMBINATORS)[number]) || operators.includes(k)) as [string, string];
    ctx.report("ASL206", childPointer(pointer, second), `${where}: has both "${first}" and "${second}"; a rule takes exactly one operator (combine tests with "And"/"Or")`, {
      key: true,
      state: state.name,
    });
    return;
  }
  if (operators.length === 1) {
    if (!("Variable" in rule)) {
      ctx.report("ASL206", pointer, `${where}: "${operators[0]}" needs a "Variable" to test`, { key: true, state: state.name });
    }
    if (typeof rule["StringMatches"] === "string") checkStringMatches(ctx, state, rule["StringMatches"], childPointer(pointer, "StringMatches"), where);
    return;
  }
  const combinator = combinators[0] as (typeof COMBINATORS)[number];
  if ("Variable" in rule) {
    ctx.report("ASL206", childPointer(pointer, "Variable"), `${where}: "Variable" cannot be combined with "${combinator}"; put it in the nested rules`, { key: true, state: state.name });
  }
  const value = rule[combinator];
  if (combinator === "Not") {
    if (isObject(value)) checkRule(ctx, state, value, childPointer(pointer, "Not"), `${label}.Not`);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((nested, j) => {
      if (isObject(nested)) checkRule(ctx, state, nested, childPointer(pointer, combinator, j), `${label}.${combinator}[${j}]`);
    });
  }
}

/** ASL-6.3: in StringMatches, `\` escapes `*` or `\`; a trailing open escape is an error. */
function checkStringMatches(ctx: RuleContext, state: StateModel, pattern: string, pointer: string, where: string): void {
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] !== "\\") continue;
    if (i === pattern.length - 1) {
      ctx.report("ASL208", pointer, `${where}: "StringMatches" pattern ends with an open escape "\\"; write "\\\\" for a literal backslash`, { state: state.name });
      return;
    }
    i++;
  }
}
