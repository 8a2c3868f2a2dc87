import type { WaitState } from "../../ir/types.js";
import { literal } from "../escape.js";
import { dynamicProps, pathProp, props, valueProp } from "../props.js";
import { varsProps, type StateEmitContext } from "./context.js";
import { heading } from "./heading.js";

/** Wait (ASL-6.4): a durable wait; the function suspends and costs nothing meanwhile. */
export function emitWait(state: WaitState, ctx: StateEmitContext): string {
  const d = state.duration;
  if (state.queryLanguage === "JSONata") {
    const options = props(
      [["state", literal(state.origin.name)], ...dynamicProps(d.kind, d.value), ["output", valueProp(state.output)], ["assign", valueProp(state.assign)]],
      varsProps(ctx),
    );
    return `${heading(state)}data = await asl.jsonata.wait(run, ctx, data, ${options});\n${ctx.exit("next")}`;
  }
  const options = props(
    [
      ["state", literal(state.origin.name)],
      ["inputPath", pathProp(state.inputPath)],
      ["outputPath", pathProp(state.outputPath)],
      ["seconds", d.kind === "seconds" && d.value.kind === "literal" ? literal(d.value.value) : undefined],
      ["secondsPath", d.kind === "seconds" && d.value.kind === "path" ? literal(d.value.path) : undefined],
      ["timestamp", d.kind === "timestamp" && d.value.kind === "literal" ? literal(d.value.value) : undefined],
      ["timestampPath", d.kind === "timestamp" && d.value.kind === "path" ? literal(d.value.path) : undefined],
      ["assign", valueProp(state.assign)],
    ],
    varsProps(ctx),
  );
  return `${heading(state)}data = await asl.wait(run, ctx, data, ${options});\n${ctx.exit("next")}`;
}
