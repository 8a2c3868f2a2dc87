import type { PassState } from "../../ir/types.js";
import { templateUsesRandom } from "../../runtime/random.js";
import { literal } from "../escape.js";
import { pathProp, props, valueProp } from "../props.js";
import { varsProps, type StateEmitContext } from "./context.js";
import { heading } from "./heading.js";

/** Pass (ASL-6.1): plain code, no durable operation. */
export function emitPass(state: PassState, ctx: StateEmitContext): string {
  if (state.queryLanguage === "JSONata") {
    if (state.output === undefined && state.assign === undefined) return `${heading(state)}${ctx.exit("next")}`;
    const options = props([["state", literal(state.origin.name)], ["output", valueProp(state.output)], ["assign", valueProp(state.assign)]], varsProps(ctx));
    return `${heading(state)}data = await asl.jsonata.pass(run, ctx, data, ${options});\n${ctx.exit("next")}`;
  }
  const entries = [
    ["state", literal(state.origin.name)],
    ["inputPath", pathProp(state.inputPath)],
    ["parameters", valueProp(state.parameters)],
    ["result", state.result === undefined ? undefined : literal(state.result.value)],
    ["resultPath", pathProp(state.resultPath)],
    ["outputPath", pathProp(state.outputPath)],
    ["assign", valueProp(state.assign)],
  ] as const;
  // A Pass with none of these fields passes its input on and reads nothing: no code.
  const simple = props(entries) === `{ state: ${literal(state.origin.name)} }`;
  const options = props(entries, varsProps(ctx));
  // States.UUID / States.MathRandom must draw inside a durable step (replays then see the same values).
  const random = templateUsesRandom(state.parameters) || templateUsesRandom(state.assign);
  const call = random ? `await asl.passInStep(run, ctx, data, ${options})` : `asl.pass(run, data, ${options})`;
  return `${heading(state)}${simple ? "" : `data = ${call};\n`}${ctx.exit("next")}`;
}
