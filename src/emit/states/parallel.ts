import type { ParallelState } from "../../ir/types.js";
import { literal } from "../escape.js";
import { jsonataResultProps, pathProp, props, resultFlowProps, valueProp } from "../props.js";
import { withCatch } from "./catch.js";
import { varsProps, type StateEmitContext } from "./context.js";
import { heading } from "./heading.js";

/** Parallel (ASL-6.7): `context.parallel` with one named branch per scope function; outputs in branch order. */
export function emitParallel(state: ParallelState, ctx: StateEmitContext): string {
  // Each branch is a child context named "<state> [i]", like Map iterations.
  const branches = `[${state.branches.map((b, i) => props([["name", literal(`${state.origin.name} [${i}]`)], ["run", ctx.scopeFunction(b.pointer)]])).join(", ")}]`;
  const jsonata = state.queryLanguage === "JSONata";
  const options = props(
    jsonata
      ? [["state", literal(state.origin.name)], ["branches", branches], ["arguments", valueProp(state.arguments)], ...jsonataResultProps(state)]
      : [
          ["state", literal(state.origin.name)],
          ["branches", branches],
          ["inputPath", pathProp(state.inputPath)],
          ["parameters", valueProp(state.parameters)],
          ...resultFlowProps(state),
        ],
    varsProps(ctx),
  );
  const call = `data = await asl.${jsonata ? "jsonata.parallel" : "parallel"}(run, ctx, data, ${options});\n`;
  return `${heading(state)}${withCatch(call, state.origin.name, state.catch, ctx, state.queryLanguage === "JSONata")}${ctx.exit("next")}`;
}
