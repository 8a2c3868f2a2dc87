import { classifyResource } from "../../asl/integrations.js";
import { analyzeJsonata } from "../../jsonata/analyze.js";
import { collectExpressions, expressionBody, parseJsonata } from "../../jsonata/expression.js";
import { childPointer } from "../../load/pointer.js";
import { expressionFields } from "../expression-fields.js";
import { forEachPathField, forEachTemplate, forEachTemplateValue } from "../path-fields.js";
import { isObject, subject, type StateModel } from "../model.js";
import type { Rule, RuleContext } from "./rule.js";

/** DurableConfig.ExecutionTimeout is at most 31,622,400 s (../shared/reference/durable-sdk.md §2.6). */
export const MAX_DURABLE_EXECUTION_SECONDS = 31_622_400;

const NONDETERMINISTIC_INTRINSICS = ["States.UUID", "States.MathRandom"];
const NONDETERMINISTIC_JSONATA = ["uuid", "random", "now", "millis"];

/** What works in Step Functions but needs attention once the machine is a durable function. */
export const migrationNotes: Rule = {
  name: "Constructs that change meaning or limits after migration are flagged",
  codes: ["ASL903", "ASL905", "ASL906", "ASL907"],
  check(ctx) {
    const timeout = isObject(ctx.definition) ? ctx.definition["TimeoutSeconds"] : undefined;
    if (typeof timeout === "number" && timeout > MAX_DURABLE_EXECUTION_SECONDS) {
      ctx.report("ASL907", "/TimeoutSeconds", `State machine: TimeoutSeconds ${timeout} exceeds the longest durable execution (${MAX_DURABLE_EXECUTION_SECONDS} seconds, 366 days)`, {
        hint: "The durable function's ExecutionTimeout will be capped; split the workflow or shorten the waits.",
      });
    }
    for (const state of ctx.model.states) {
      distributedMap(ctx, state);
      heartbeat(ctx, state);
      nondeterminism(ctx, state);
    }
  },
};

function distributedMap(ctx: RuleContext, state: StateModel): void {
  if (state.type !== "Map" || !state.children.some((c) => c.distributed)) return;
  ctx.report("ASL903", childPointer(state.pointer, "ItemProcessor", "ProcessorConfig", "Mode"), `${subject(state)}: a Distributed Map runs child workflows over large data sets`, {
    state: state.name,
    hint: "As a durable function each item is a child context of one execution (25,000 operations at most, so about 12,000 single-step items) and results share 256 KiB checkpoints; items run in chunks of 1,000.",
  });
  const reader = state.fields["ItemReader"];
  if (isObject(reader)) {
    const config = isObject(reader["ReaderConfig"]) ? reader["ReaderConfig"] : {};
    const maxItems = typeof config["MaxItems"] === "number" ? config["MaxItems"] : undefined;
    ctx.report("ASL903", childPointer(state.pointer, "ItemReader"), `${subject(state)}: the ItemReader's dataset is read in one durable step${maxItems !== undefined ? ` (MaxItems ${maxItems})` : ""}`, {
      state: state.name,
      hint: "Its items must fit in one 256 KiB checkpoint; Step Functions reads up to 100 million. Split larger datasets (e.g. one execution per S3 prefix) or set ReaderConfig.MaxItems.",
    });
  }
}

function heartbeat(ctx: RuleContext, state: StateModel): void {
  if (state.type !== "Task") return;
  const field = "HeartbeatSeconds" in state.fields ? "HeartbeatSeconds" : "HeartbeatSecondsPath" in state.fields ? "HeartbeatSecondsPath" : undefined;
  if (!field) return;
  const resource = state.fields["Resource"];
  const kind = typeof resource === "string" ? classifyResource(resource) : undefined;
  const callback = kind && ((kind.kind === "optimised" || kind.kind === "aws-sdk") ? kind.pattern === "waitForTaskToken" : kind.kind === "activity" || kind.kind === "placeholder");
  if (callback || kind === undefined) return;
  ctx.report("ASL906", childPointer(state.pointer, field), `${subject(state)}: "${field}" has no durable equivalent outside callbacks`, {
    state: state.name,
    hint: "Durable steps have no heartbeat; only callbacks take a heartbeat timeout.",
  });
}

function nondeterminism(ctx: RuleContext, state: StateModel): void {
  const seen = new Set<string>();
  const note = (name: string, pointer: string): void => {
    if (seen.has(name)) return;
    seen.add(name);
    ctx.report("ASL905", pointer, `${subject(state)}: ${name} is not deterministic; the handler runs it inside a durable step so replays see the same value`, { state: state.name });
  };
  if (state.queryLanguage === "JSONata") {
    for (const field of expressionFields(state)) {
      for (const found of collectExpressions(field.value, field.pointer)) {
        const parsed = parseJsonata(expressionBody(found.text));
        if (!parsed.ok) continue;
        for (const call of analyzeJsonata(parsed.ast).functionCalls) {
          if (NONDETERMINISTIC_JSONATA.includes(call.name)) note(`$${call.name}()`, found.pointer);
        }
      }
    }
    return;
  }
  // Intrinsics stand in payload-template `key.$` values and in Fail ErrorPath/CausePath.
  const check = (text: string, pointer: string): void => {
    for (const name of NONDETERMINISTIC_INTRINSICS) if (text.includes(`${name}(`)) note(name, pointer);
  };
  forEachPathField(state, check);
  forEachTemplate(state, (template, pointer) => forEachTemplateValue(template, pointer, check));
}
