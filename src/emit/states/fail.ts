import type { FailState } from "../../ir/types.js";
import { literal } from "../escape.js";
import { props } from "../props.js";
import { varsProps, type StateEmitContext } from "./context.js";
import { heading } from "./heading.js";

/** Fail (ASL-6.6): throws the ASL error; Catch, Parallel and Map see its name and cause. */
export function emitFail(state: FailState, ctx: StateEmitContext): string {
  if (state.queryLanguage === "JSONata") {
    const text = (field: FailState["error"]): string | undefined =>
      field === undefined ? undefined : literal(field.kind === "literal" ? field.value : field.kind === "expression" ? field.expression : field.path);
    const options = props([["state", literal(state.origin.name)], ["error", text(state.error)], ["cause", text(state.cause)]], varsProps(ctx));
    return `${heading(state)}throw await asl.jsonata.fail(run, ctx, data, ${options});\n`;
  }
  const options = props(
    [
    ["state", literal(state.origin.name)],
    ["error", state.error?.kind === "literal" ? literal(state.error.value) : undefined],
    ["errorPath", state.error?.kind === "path" ? literal(state.error.path) : undefined],
    ["cause", state.cause?.kind === "literal" ? literal(state.cause.value) : undefined],
    ["causePath", state.cause?.kind === "path" ? literal(state.cause.path) : undefined],
    ],
    varsProps(ctx),
  );
  return `${heading(state)}throw asl.fail(run, data, ${options});\n`;
}
