import type { TaskState } from "../../ir/types.js";
import { literal } from "../escape.js";
import { pathProp, props, resultFlowProps, valueProp } from "../props.js";
import { withCatch } from "./catch.js";
import { varsProps, type StateEmitContext } from "./context.js";
import { heading } from "./heading.js";

/**
 * Task (ASL-6.2): one durable step per attempt; ASL Retry in orchestration code; `tasks[name]`, when given, replaces
 * the integration the runtime wires from the Resource (Lambda function ARNs and `lambda:invoke`; lowering rejects the
 * rest for now).
 */
export function emitTask(state: TaskState, ctx: StateEmitContext): string {
  const name = literal(state.origin.name);
  const options = props(
    [
      ["state", name],
      ["resource", literal(state.resource)],
      ["call", `tasks[${name}]`],
      ["inputPath", pathProp(state.inputPath)],
      ["parameters", valueProp(state.parameters)],
      ...resultFlowProps(state),
      ["timeoutSeconds", state.timeoutSeconds?.kind === "literal" ? literal(state.timeoutSeconds.value) : undefined],
      ["timeoutSecondsPath", state.timeoutSeconds?.kind === "path" ? literal(state.timeoutSeconds.path) : undefined],
    ],
    varsProps(ctx),
  );
  const call = `data = await asl.task(run, ctx, data, ${options});\n`;
  return `${heading(state)}${withCatch(call, state.origin.name, state.catch, ctx)}${ctx.exit("next")}`;
}
