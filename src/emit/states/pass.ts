import type { PassState } from "../../ir/types.js";
import { templateUsesRandom } from "../../runtime/random.js";
import { literal } from "../escape.js";
import { pathProp, props, valueProp } from "../props.js";
import type { StateEmitContext } from "./context.js";
import { heading } from "./heading.js";

/** Pass (ASL-6.1): plain code, no durable operation. */
export function emitPass(state: PassState, ctx: StateEmitContext): string {
  const options = props([
    ["state", literal(state.origin.name)],
    ["inputPath", pathProp(state.inputPath)],
    ["parameters", valueProp(state.parameters)],
    ["result", state.result === undefined ? undefined : literal(state.result.value)],
    ["resultPath", pathProp(state.resultPath)],
    ["outputPath", pathProp(state.outputPath)],
  ]);
  const simple = options === `{ state: ${literal(state.origin.name)} }`;
  // States.UUID / States.MathRandom must draw inside a durable step (replays then see the same values).
  const call = templateUsesRandom(state.parameters) ? `await asl.passInStep(run, ctx, data, ${options})` : `asl.pass(run, data, ${options})`;
  return `${heading(state)}${simple ? "" : `data = ${call};\n`}${ctx.exit("next")}`;
}
