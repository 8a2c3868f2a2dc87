import type { SucceedState } from "../../ir/types.js";
import { literal } from "../escape.js";
import { props, valueProp } from "../props.js";
import { varsArg, varsProps, type StateEmitContext } from "./context.js";
import { heading } from "./heading.js";

/** Succeed (ASL-6.5): InputPath then OutputPath, then the scope ends. */
export function emitSucceed(state: SucceedState, ctx: StateEmitContext): string {
  const name = literal(state.origin.name);
  const vars = varsArg(ctx);
  let code = heading(state);
  if (state.queryLanguage === "JSONata") {
    if (state.output !== undefined) code += `data = await asl.jsonata.succeed(run, ctx, data, ${props([["state", name], ["output", valueProp(state.output)]], varsProps(ctx))});\n`;
    return code + ctx.exit("next");
  }
  if (state.inputPath !== undefined) code += `data = asl.inputPath(run, ${name}, data, ${literal(state.inputPath)}${vars});\n`;
  if (state.outputPath !== undefined) code += `data = asl.outputPath(run, ${name}, data, ${literal(state.outputPath)}${vars});\n`;
  return code + ctx.exit("next");
}
