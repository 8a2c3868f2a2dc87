import { isJsonataString } from "../../jsonata/expression.js";
import { childPointer, getAtPointer } from "../../load/pointer.js";
import { fieldAt, isObject, scopeSubject, subject, type StateModel } from "../model.js";
import { COMPARISON_OPERATORS } from "./choice.js";
import type { Rule, RuleContext } from "./rule.js";

/** State fields that exist only in JSONPath states (ASL-2). */
const JSONPATH_STATE_FIELDS = [
  "InputPath", "OutputPath", "Parameters", "ResultSelector", "ResultPath", "ItemsPath",
  "TimeoutSecondsPath", "HeartbeatSecondsPath", "SecondsPath", "TimestampPath", "ErrorPath", "CausePath",
  "MaxConcurrencyPath", "ToleratedFailureCountPath", "ToleratedFailurePercentagePath",
] as const;

/** State fields that exist only in JSONata states (ASL-2). */
const JSONATA_STATE_FIELDS = ["Arguments", "Output", "Items"] as const;

/** Nested objects with their own JSONPath-only / JSONata-only fields. */
const NESTED: ReadonlyArray<{ path: readonly string[]; jsonpath: readonly string[]; jsonata: readonly string[] }> = [
  { path: ["ItemReader"], jsonpath: ["Parameters"], jsonata: ["Arguments"] },
  { path: ["ItemReader", "ReaderConfig"], jsonpath: ["MaxItemsPath"], jsonata: [] },
  { path: ["ItemBatcher"], jsonpath: ["MaxItemsPerBatchPath", "MaxInputBytesPerBatchPath"], jsonata: [] },
  { path: ["ResultWriter"], jsonpath: ["Parameters"], jsonata: ["Arguments"] },
];

/** Typed fields that take a `{% %}` expression only in JSONata states (a JSONPath state needs the literal). */
const TYPED_EXPRESSION_FIELDS: ReadonlyArray<readonly string[]> = [
  ["TimeoutSeconds"], ["HeartbeatSeconds"], ["Seconds"], ["Timestamp"], ["MaxConcurrency"],
  ["ToleratedFailureCount"], ["ToleratedFailurePercentage"], ["Credentials"],
  ["ItemBatcher", "MaxItemsPerBatch"], ["ItemBatcher", "MaxInputBytesPerBatch"], ["ItemReader", "ReaderConfig", "MaxItems"],
];

const JSONPATH_RULE_FIELDS = ["Variable", "And", "Or", "Not", ...COMPARISON_OPERATORS];

/** ASL-2: each state uses the fields of its own query language, and a JSONata machine stays JSONata. */
export const queryLanguageFields: Rule = {
  name: "States use only the fields of their query language",
  codes: ["ASL407", "ASL408", "ASL409"],
  check(ctx) {
    const machineIsJsonata = ctx.model.root.queryLanguage === "JSONata";
    if (machineIsJsonata) {
      for (const scope of ctx.model.scopes) {
        if (!scope.owner || getAtPointer(ctx.definition, childPointer(scope.pointer, "QueryLanguage")) !== "JSONPath") continue;
        ctx.report("ASL407", childPointer(scope.pointer, "QueryLanguage"), `${scopeSubject(scope)}: "QueryLanguage" cannot be "JSONPath" when the whole state machine is "JSONata"`);
      }
    }
    for (const state of ctx.model.states) {
      if (machineIsJsonata && state.fields["QueryLanguage"] === "JSONPath") {
        ctx.report("ASL407", childPointer(state.pointer, "QueryLanguage"), `${subject(state)}: "QueryLanguage" cannot be "JSONPath" when the whole state machine is "JSONata"`, {
          state: state.name,
        });
      }
      if (state.queryLanguage === "JSONata") checkJsonataState(ctx, state);
      else checkJsonPathState(ctx, state);
    }
  },
};

function checkJsonataState(ctx: RuleContext, state: StateModel): void {
  const misplaced = (pointer: string, field: string, instead: string): void =>
    ctx.report("ASL408", pointer, `${subject(state)}: "${field}" is a JSONPath field, but the state uses JSONata${instead}`, { key: true, state: state.name, hint: jsonataHint(field) });
  for (const field of JSONPATH_STATE_FIELDS) {
    if (field in state.fields) misplaced(childPointer(state.pointer, field), field, "");
  }
  if (state.type === "Pass" && "Result" in state.fields) misplaced(childPointer(state.pointer, "Result"), "Result", "");
  for (const nested of NESTED) {
    const obj = fieldAt(state, nested.path);
    if (!isObject(obj)) continue;
    for (const field of nested.jsonpath) {
      if (field in obj) misplaced(childPointer(state.pointer, ...nested.path, field), `${nested.path.join(".")}.${field}`, "");
    }
  }
  forEachCatcher(state, (catcher, pointer) => {
    if ("ResultPath" in catcher) misplaced(childPointer(pointer, "ResultPath"), "ResultPath", " (use the catcher's Output)");
  });
  forEachChoiceRule(state, (rule, pointer) => {
    for (const field of JSONPATH_RULE_FIELDS) {
      if (field in rule) misplaced(childPointer(pointer, field), field, " (use Condition)");
    }
  });
}

function checkJsonPathState(ctx: RuleContext, state: StateModel): void {
  const misplaced = (pointer: string, field: string): void =>
    ctx.report("ASL409", pointer, `${subject(state)}: "${field}" is a JSONata field, but the state uses JSONPath`, {
      key: true,
      state: state.name,
      hint: `Set "QueryLanguage": "JSONata" on the state (or the machine) to use it.`,
    });
  for (const field of JSONATA_STATE_FIELDS) {
    if (field in state.fields) misplaced(childPointer(state.pointer, field), field);
  }
  for (const nested of NESTED) {
    const obj = fieldAt(state, nested.path);
    if (!isObject(obj)) continue;
    for (const field of nested.jsonata) {
      if (field in obj) misplaced(childPointer(state.pointer, ...nested.path, field), `${nested.path.join(".")}.${field}`);
    }
  }
  forEachCatcher(state, (catcher, pointer) => {
    if ("Output" in catcher) misplaced(childPointer(pointer, "Output"), "Output");
  });
  forEachChoiceRule(state, (rule, pointer) => {
    if ("Condition" in rule) misplaced(childPointer(pointer, "Condition"), "Condition");
    if ("Output" in rule) misplaced(childPointer(pointer, "Output"), "Output");
  });
  for (const path of TYPED_EXPRESSION_FIELDS) {
    if (isJsonataString(fieldAt(state, path))) {
      ctx.report("ASL409", childPointer(state.pointer, ...path), `${subject(state)}: "${path.join(".")}" holds a JSONata expression, but the state uses JSONPath`, {
        state: state.name,
        hint: `Set "QueryLanguage": "JSONata", or use "${path[path.length - 1]}Path" with a JSONPath.`,
      });
    }
  }
}

function jsonataHint(field: string): string {
  if (field === "Parameters") return "JSONata states take Arguments instead.";
  if (field === "ResultSelector" || field === "ResultPath" || field === "OutputPath") return "JSONata states shape their output with Output (and Assign).";
  if (field === "InputPath") return "JSONata states read $states.input directly.";
  if (field.endsWith("Path")) return `Use "${field.slice(0, -4)}" with a {% %} expression.`;
  return "See ASL-2 for the JSONata equivalents.";
}

function forEachCatcher(state: StateModel, fn: (catcher: Record<string, unknown>, pointer: string) => void): void {
  const catchers = state.fields["Catch"];
  if (!Array.isArray(catchers)) return;
  catchers.forEach((c, i) => {
    if (isObject(c)) fn(c, childPointer(state.pointer, "Catch", i));
  });
}

function forEachChoiceRule(state: StateModel, fn: (rule: Record<string, unknown>, pointer: string) => void): void {
  const choices = state.fields["Choices"];
  if (state.type !== "Choice" || !Array.isArray(choices)) return;
  choices.forEach((c, i) => {
    if (isObject(c)) fn(c, childPointer(state.pointer, "Choices", i));
  });
}
