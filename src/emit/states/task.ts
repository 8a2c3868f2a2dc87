import { taskPlaceholders } from "../../ir/placeholders.js";
import type { TaskState } from "../../ir/types.js";
import { commentText, literal } from "../escape.js";
import { dynamicProps, jsonataResultProps, pathProp, props, resultFlowProps, valueProp } from "../props.js";
import { integrationNotes, wiringFor } from "../integrations.js";
import { withCatch } from "./catch.js";
import { varsProps, type StateEmitContext } from "./context.js";
import { heading } from "./heading.js";

/**
 * Task (ASL-6.2): one durable step per attempt; ASL Retry in orchestration code; `tasks[name]`, when given, replaces
 * the integration: the runtime's own for Lambda, else the `integration` the module wires from the Resource (AWS SDK
 * classes it imports, HTTP, activities). `.waitForTaskToken` and activities run as durable callbacks.
 */
/** `.sync` / `.sync:2` resources get their job's start and describe calls, the others one integration call. */
function isSync(state: TaskState): boolean {
  const kind = state.integration;
  return kind.kind === "optimised" && (kind.pattern === "sync" || kind.pattern === "sync:2");
}

export function emitTask(state: TaskState, ctx: StateEmitContext): string {
  const name = literal(state.origin.name);
  const jsonata = state.queryLanguage === "JSONata";
  const placeholders = taskPlaceholders(state);
  const options = props(
    [
      ["state", name],
      ["resource", literal(state.resource)],
      ["call", `tasks[${name}]`],
      [isSync(state) ? "sync" : "integration", wiringFor(state)?.expression],
      ["credentials", valueProp(state.credentials)],
      ["placeholders", placeholders.length > 0 ? literal(placeholders) : undefined],
      ...(jsonata
        ? [["arguments", valueProp(state.arguments)] as const, ...jsonataResultProps(state)]
        : [["inputPath", pathProp(state.inputPath)] as const, ["parameters", valueProp(state.parameters)] as const, ...resultFlowProps(state)]),
      ...dynamicProps("timeoutSeconds", state.timeoutSeconds),
      ...dynamicProps("heartbeatSeconds", state.heartbeatSeconds),
    ],
    varsProps(ctx),
  );
  const call = `data = await asl.${jsonata ? "jsonata.task" : "task"}(run, ctx, data, ${options});\n`;
  const notes = integrationNotes(state)
    .map((line) => `// ${commentText(line)}\n`)
    .join("");
  return `${heading(state)}${notes}${withCatch(call, state.origin.name, state.catch, ctx, state.queryLanguage === "JSONata")}${ctx.exit("next")}`;
}
