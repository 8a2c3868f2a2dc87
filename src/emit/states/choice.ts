import type { ChoiceState } from "../../ir/types.js";
import { commentText, literal } from "../escape.js";
import { assignStatement } from "./assign.js";
import { varsArg, type StateEmitContext } from "./context.js";
import { heading } from "./heading.js";

/**
 * Choice (ASL-6.3): an if/else-if chain, one branch per rule, with Default (or States.NoChoiceMatched) as the final
 * else. Rules read the effective input; every branch continues with the output (after OutputPath). The matching
 * rule's Assign, or the state's Assign on the Default path, applies after the OutputPath, which still reads the
 * variables as the state found them (ASL-8); both read the effective input as `$`.
 */
export function emitChoice(state: ChoiceState, ctx: StateEmitContext): string {
  const name = literal(state.origin.name);
  const vars = varsArg(ctx);
  let code = heading(state);
  const assigns = state.assign !== undefined || state.choices.some((c) => c.assign !== undefined);
  // An Assign reads the effective input after OutputPath has replaced `data`: keep it in a constant then.
  const keepInput = state.inputPath !== undefined || (assigns && state.outputPath !== undefined);
  const subject = keepInput ? "choiceInput" : "data";
  if (state.inputPath !== undefined) code += `const choiceInput = asl.inputPath(run, ${name}, data, ${literal(state.inputPath)}${vars});\n`;
  else if (keepInput) code += `const choiceInput = data;\n`;
  const output =
    state.outputPath !== undefined
      ? `data = asl.outputPath(run, ${name}, ${subject}, ${literal(state.outputPath)}${vars});\n`
      : state.inputPath !== undefined
        ? `data = choiceInput;\n`
        : "";
  // A branch whose target follows the Choice directly falls through; say where it goes.
  const exit = (key: "default" | `choice:${number}`, target: string): string => ctx.exit(key) || `// on to ${commentText(JSON.stringify(target))}\n`;
  const branches = state.choices.map(
    (c, i) =>
      `if (asl.test(run, ${name}, ${subject}, ${literal(withoutNext(c.rule))}${vars})) {\n${output}${assignStatement(state.origin.name, subject, c.assign)}${exit(`choice:${i}`, c.next)}}`,
  );
  const fallback = state.default !== undefined ? `${output}${assignStatement(state.origin.name, subject, state.assign)}${ctx.exit("default")}` : `throw asl.noChoiceMatched(${name});\n`;
  // An empty Default branch falls through to the code that follows the Choice.
  return `${code}${branches.join(" else ")}${fallback === "" ? "" : ` else {\n${fallback}}`}\n`;
}

/** The rule as data for the runtime: `Next` is control flow, which the generated code holds. */
function withoutNext(rule: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const { Next: _next, ...test } = rule;
  return test;
}
