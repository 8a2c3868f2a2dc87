import { analyzeJsonata } from "../../jsonata/analyze.js";
import { collectExpressions, expressionBody, isPaddedJsonata, looksLikeBrokenJsonata, parseJsonata } from "../../jsonata/expression.js";
import { isAwsUnsupportedFunction } from "../../jsonata/functions.js";
import { childPointer } from "../../load/pointer.js";
import { expressionFields, type ExpressionField } from "../expression-fields.js";
import { subject, type StateModel } from "../model.js";
import type { Rule, RuleContext } from "./rule.js";

const STATES_MEMBERS = ["input", "result", "errorOutput", "context"];

/** ASL-3.2: every `{% %}` expression of a JSONata state parses and reads only what exists where it stands. */
export const jsonataExpressions: Rule = {
  name: "JSONata expressions parse and read only the $states members available where they stand",
  codes: ["ASL401", "ASL402", "ASL403", "ASL404", "ASL405", "ASL406", "ASL410"],
  check(ctx) {
    if (!ctx.options.checkPaths) return;
    for (const state of ctx.model.states) {
      if (state.queryLanguage !== "JSONata") continue;
      for (const field of expressionFields(state)) checkField(ctx, state, field);
    }
  },
};

function checkField(ctx: RuleContext, state: StateModel, field: ExpressionField): void {
  const where = `${subject(state)}, ${field.label}`;
  forEachString(field.value, field.pointer, (text, pointer) => {
    if (isPaddedJsonata(text)) {
      ctx.report("ASL410", pointer, `${where}: ${JSON.stringify(truncate(text))} has whitespace outside "{%" and "%}", so it is a literal string, not an expression`, {
        state: state.name,
        hint: "Remove the surrounding whitespace to evaluate it.",
      });
    } else if (looksLikeBrokenJsonata(text)) {
      ctx.report("ASL402", pointer, `${where}: ${JSON.stringify(truncate(text))} looks like a JSONata expression but is not wrapped exactly in "{%" and "%}"; it would be a literal string`, {
        state: state.name,
      });
    }
  });
  for (const found of collectExpressions(field.value, field.pointer)) {
    const parsed = parseJsonata(expressionBody(found.text));
    if (!parsed.ok) {
      ctx.report("ASL401", found.pointer, `${where}: ${parsed.message}`, { state: state.name });
      continue;
    }
    const analysis = analyzeJsonata(parsed.ast);
    for (const access of analysis.statesMembers) {
      if (!STATES_MEMBERS.includes(access.member)) {
        ctx.report("ASL404", found.pointer, `${where}: "$states.${access.member}" does not exist; $states has input, result, errorOutput and context`, { state: state.name });
      } else if (access.member === "result" && !field.result) {
        ctx.report("ASL403", found.pointer, `${where}: "$states.result" is only available in the Output and Assign of a Task, Parallel or Map state`, { state: state.name });
      } else if (access.member === "errorOutput" && !field.errorOutput) {
        ctx.report("ASL403", found.pointer, `${where}: "$states.errorOutput" is only available in a Catcher's Output and Assign`, { state: state.name });
      }
    }
    const context = analysis.contextReferences[0];
    if (context) {
      const what = context.kind === "field" ? `the field "${context.name ?? ""}"` : `"${context.kind}"`;
      ctx.report("ASL405", found.pointer, `${where}: reads ${what} of the context item, but JSONata states have none`, {
        state: state.name,
        hint: "Read the state input as $states.input (e.g. $states.input.orderId) and the context object as $states.context.",
      });
    }
    for (const call of [...analysis.functionCalls, ...analysis.functionValues]) {
      if (isAwsUnsupportedFunction(call.name)) {
        ctx.report("ASL406", found.pointer, `${where}: "$${call.name}" is not available in Step Functions; use $parse`, { state: state.name });
      }
    }
  }
}

function forEachString(value: unknown, pointer: string, fn: (text: string, pointer: string) => void): void {
  if (typeof value === "string") fn(value, pointer);
  else if (Array.isArray(value)) value.forEach((v, i) => forEachString(v, childPointer(pointer, i), fn));
  else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) forEachString(v, childPointer(pointer, k), fn);
  }
}

function truncate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
