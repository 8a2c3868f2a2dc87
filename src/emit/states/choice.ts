import type { ChoiceState } from "../../ir/types.js";
import { commentText, literal } from "../escape.js";
import type { StateEmitContext } from "./context.js";
import { heading } from "./heading.js";

/**
 * Choice (ASL-6.3): an if/else-if chain, one branch per rule, with Default (or States.NoChoiceMatched) as the final
 * else. Rules read the effective input; every branch continues with the output (after OutputPath).
 */
export function emitChoice(state: ChoiceState, ctx: StateEmitContext): string {
  const name = literal(state.origin.name);
  let code = heading(state);
  const subject = state.inputPath !== undefined ? "choiceInput" : "data";
  if (state.inputPath !== undefined) code += `const choiceInput = asl.inputPath(run, ${name}, data, ${literal(state.inputPath)});\n`;
  const output =
    state.outputPath !== undefined
      ? `data = asl.outputPath(run, ${name}, ${subject}, ${literal(state.outputPath)});\n`
      : state.inputPath !== undefined
        ? `data = choiceInput;\n`
        : "";
  // A branch whose target follows the Choice directly falls through; say where it goes.
  const exit = (key: "default" | `choice:${number}`, target: string): string => ctx.exit(key) || `// on to ${commentText(JSON.stringify(target))}\n`;
  const branches = state.choices.map((c, i) => `if (asl.test(run, ${name}, ${subject}, ${literal(withoutNext(c.rule))})) {\n${output}${exit(`choice:${i}`, c.next)}}`);
  const fallback = state.default !== undefined ? `${output}${ctx.exit("default")}` : `throw asl.noChoiceMatched(${name});\n`;
  // An empty Default branch falls through to the code that follows the Choice.
  return `${code}${branches.join(" else ")}${fallback === "" ? "" : ` else {\n${fallback}}`}\n`;
}

/** The rule as data for the runtime: `Next` is control flow, which the generated code holds. */
function withoutNext(rule: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const { Next: _next, ...test } = rule;
  return test;
}
