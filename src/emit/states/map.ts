import type { MapState } from "../../ir/types.js";
import { literal } from "../escape.js";
import { dynamicProps, jsonataResultProps, pathProp, props, resultFlowProps, valueProp } from "../props.js";
import { withCatch } from "./catch.js";
import { varsProps, type StateEmitContext } from "./context.js";
import { heading } from "./heading.js";

/** Inline Map (ASL-6.8): `context.map` over the items, one child context per iteration; outputs in item order. */
export function emitMap(state: MapState, ctx: StateEmitContext): string {
  const jsonata = state.queryLanguage === "JSONata";
  const limits = [
    ...dynamicProps("maxConcurrency", state.maxConcurrency.kind === "literal" && state.maxConcurrency.value === 0 ? undefined : state.maxConcurrency),
    ...dynamicProps("toleratedFailureCount", state.toleratedFailureCount),
    ...dynamicProps("toleratedFailurePercentage", state.toleratedFailurePercentage),
  ];
  const options = jsonata
    ? props(
        [
          ["state", literal(state.origin.name)],
          ["iteration", ctx.scopeFunction(state.processor.pointer)],
          ["items", valueProp(state.items)],
          ["itemSelector", valueProp(state.itemSelector)],
          ...limits,
          ...jsonataResultProps(state),
        ],
        varsProps(ctx),
      )
    : props(
    [
      ["state", literal(state.origin.name)],
      ["iteration", ctx.scopeFunction(state.processor.pointer)],
      ["inputPath", pathProp(state.inputPath)],
      ["itemsPath", state.itemsPath === "$" ? undefined : literal(state.itemsPath)],
      ["itemSelector", valueProp(state.itemSelector)],
      ...limits,
      ...resultFlowProps(state),
    ],
    varsProps(ctx),
  );
  const call = `data = await asl.${jsonata ? "jsonata.map" : "map"}(run, ctx, data, ${options});\n`;
  return `${heading(state)}${withCatch(call, state.origin.name, state.catch, ctx, state.queryLanguage === "JSONata")}${ctx.exit("next")}`;
}
