import { statePlaceholders } from "../ir/placeholders.js";
import type { Dynamic, ResultFlow, Retrier, StateIR } from "../ir/types.js";
import { RETRY_DEFAULTS } from "../runtime/retry.js";
import type { Variables } from "../runtime/variables.js";

/**
 * The options object a state's runtime helper receives, built from the IR as values — the same fields the emitters
 * (src/emit/states/*.ts) write as literals into generated code, so that the interpreter and a generated handler
 * call the runtime identically. Absent fields are left out, as the emitters leave them out.
 */
export type HelperOptions = { state: string; vars: Variables } & Record<string, unknown>;

export function stateHelperOptions(state: StateIR, vars: Variables): HelperOptions {
  const o: HelperOptions = { state: state.origin.name, vars };
  const set = (key: string, value: unknown): void => {
    if (value !== undefined) o[key] = value;
  };
  const dynamic = (key: string, value: Dynamic<unknown> | undefined): void => {
    if (value === undefined) return;
    if (value.kind === "literal") o[key] = value.value;
    else if (value.kind === "expression") o[key] = value.expression;
    else o[`${key}Path`] = value.path;
  };
  const jsonata = state.queryLanguage === "JSONata";
  switch (state.kind) {
    case "pass":
      if (jsonata) {
        set("output", state.output);
      } else {
        set("inputPath", state.inputPath);
        set("parameters", state.parameters);
        if (state.result !== undefined) o["result"] = state.result.value;
        set("resultPath", state.resultPath);
        set("outputPath", state.outputPath);
      }
      set("assign", state.assign);
      return o;
    case "wait":
      dynamic(state.duration.kind, state.duration.value);
      if (jsonata) set("output", state.output);
      else {
        set("inputPath", state.inputPath);
        set("outputPath", state.outputPath);
      }
      set("assign", state.assign);
      return o;
    case "succeed":
      set("output", state.output);
      return o;
    case "fail": {
      const field = (key: "error" | "cause", value: (typeof state)["error"]): void => {
        if (value === undefined) return;
        if (value.kind === "literal") o[key] = value.value;
        else if (value.kind === "expression") o[key] = value.expression;
        else o[jsonata ? key : `${key}Path`] = value.path;
      };
      field("error", state.error);
      field("cause", state.cause);
      return o;
    }
    case "choice":
      return o;
    case "task":
      set("resource", state.resource);
      if (jsonata) set("arguments", state.arguments);
      else {
        set("inputPath", state.inputPath);
        set("parameters", state.parameters);
      }
      resultFlow(o, state, jsonata);
      dynamic("timeoutSeconds", state.timeoutSeconds);
      dynamic("heartbeatSeconds", state.heartbeatSeconds);
      set("credentials", state.credentials);
      if (statePlaceholders(state).length > 0) o["placeholders"] = statePlaceholders(state);
      return o;
    case "parallel":
      if (jsonata) set("arguments", state.arguments);
      else {
        set("inputPath", state.inputPath);
        set("parameters", state.parameters);
      }
      resultFlow(o, state, jsonata);
      return o;
    case "map":
      if (jsonata) set("items", state.items);
      else {
        set("inputPath", state.inputPath);
        if (state.itemsPath !== "$") o["itemsPath"] = state.itemsPath;
      }
      set("itemSelector", state.itemSelector);
      if (!(state.maxConcurrency.kind === "literal" && state.maxConcurrency.value === 0)) dynamic("maxConcurrency", state.maxConcurrency);
      dynamic("toleratedFailureCount", state.toleratedFailureCount);
      dynamic("toleratedFailurePercentage", state.toleratedFailurePercentage);
      resultFlow(o, state, jsonata);
      if (state.distributed) {
        set("label", state.distributed.label);
        set("itemReader", state.distributed.itemReader);
        set("itemBatcher", state.distributed.itemBatcher);
        set("resultWriter", state.distributed.resultWriter);
        if (statePlaceholders(state).length > 0) o["placeholders"] = statePlaceholders(state);
      }
      return o;
  }
}

/** Assign, then ResultSelector/ResultPath/OutputPath (JSONPath) or Output (JSONata), then Retry. */
function resultFlow(o: Record<string, unknown>, state: ResultFlow & { assign?: unknown }, jsonata: boolean): void {
  if (state.assign !== undefined) o["assign"] = state.assign;
  if (jsonata) {
    if (state.output !== undefined) o["output"] = state.output;
  } else {
    if (state.resultSelector !== undefined) o["resultSelector"] = state.resultSelector;
    if (state.resultPath !== undefined) o["resultPath"] = state.resultPath;
    if (state.outputPath !== undefined) o["outputPath"] = state.outputPath;
  }
  if (state.retry.length > 0) o["retry"] = state.retry.map(retrier);
}

function retrier(r: Retrier): Record<string, unknown> {
  const out: Record<string, unknown> = { errorEquals: r.errorEquals };
  if (r.intervalSeconds !== RETRY_DEFAULTS.intervalSeconds) out["intervalSeconds"] = r.intervalSeconds;
  if (r.maxAttempts !== RETRY_DEFAULTS.maxAttempts) out["maxAttempts"] = r.maxAttempts;
  if (r.backoffRate !== RETRY_DEFAULTS.backoffRate) out["backoffRate"] = r.backoffRate;
  if (r.maxDelaySeconds !== undefined) out["maxDelaySeconds"] = r.maxDelaySeconds;
  if (r.jitter !== RETRY_DEFAULTS.jitter) out["jitter"] = r.jitter;
  return out;
}
