import type { Dynamic, MapState } from "../../ir/types.js";
import { literal } from "../escape.js";
import { pathProp, props, resultFlowProps, valueProp } from "../props.js";
import { withCatch } from "./catch.js";
import { varsProps, type StateEmitContext } from "./context.js";
import { heading } from "./heading.js";

/** Inline Map (ASL-6.8): `context.map` over the items, one child context per iteration; outputs in item order. */
export function emitMap(state: MapState, ctx: StateEmitContext): string {
  const options = props(
    [
      ["state", literal(state.origin.name)],
      ["iteration", ctx.scopeFunction(state.processor.pointer)],
      ["inputPath", pathProp(state.inputPath)],
      ["itemsPath", state.itemsPath === "$" ? undefined : literal(state.itemsPath)],
      ["itemSelector", valueProp(state.itemSelector)],
      ...dynamic("maxConcurrency", state.maxConcurrency.kind === "literal" && state.maxConcurrency.value === 0 ? undefined : state.maxConcurrency),
      ...dynamic("toleratedFailureCount", state.toleratedFailureCount),
      ...dynamic("toleratedFailurePercentage", state.toleratedFailurePercentage),
      ...resultFlowProps(state),
    ],
    varsProps(ctx),
  );
  const call = `data = await asl.map(run, ctx, data, ${options});\n`;
  return `${heading(state)}${withCatch(call, state.origin.name, state.catch, ctx)}${ctx.exit("next")}`;
}

function dynamic(key: string, value: Dynamic<number> | undefined): Array<readonly [string, string | undefined]> {
  if (value === undefined) return [];
  return value.kind === "literal" ? [[key, literal(value.value)]] : [[`${key}Path`, literal(value.path)]];
}
