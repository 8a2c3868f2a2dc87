import type { ChoiceState } from "../../ir/types.js";
import { commentText, literal } from "../escape.js";
import { assignStatement } from "./assign.js";
import { props, valueProp } from "../props.js";
import { varsArg, varsProps, type StateEmitContext } from "./context.js";
import { heading } from "./heading.js";

/**
 * Choice (ASL-6.3): an if/else-if chain, one branch per rule, with Default (or States.NoChoiceMatched) as the final
 * else. Rules read the effective input; every branch continues with the output (after OutputPath). The matching
 * rule's Assign, or the state's Assign on the Default path, applies after the OutputPath, which still reads the
 * variables as the state found them (ASL-8); both read the effective input as `$`.
 */
export function emitChoice(state: ChoiceState, ctx: StateEmitContext): string {
  if (state.queryLanguage === "JSONata") return emitJsonataChoice(state, ctx);
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
  // A branch whose target follows the Choice directly (or heads the loop it ends) falls through; say where it goes.
  const exit = (key: "default" | `choice:${number}`, target: string): string => ctx.exit(key) || `// on to ${commentText(JSON.stringify(target))}\n`;
  const branches = state.choices.map(
    (c, i) =>
      `if (asl.test(run, ${name}, ${subject}, ${literal(c.rule ?? {})}${vars})) {\n${output}${assignStatement(state.origin.name, subject, c.assign)}${exit(`choice:${i}`, c.next)}}`,
  );
  const fallback = state.default !== undefined ? `${output}${assignStatement(state.origin.name, subject, state.assign)}${exit("default", state.default)}` : `throw asl.noChoiceMatched(${name});\n`;
  return `${code}${branches.join(" else ")} else {\n${fallback}}\n`;
}

/**
 * A JSONata Choice (ASL-6.3, ASL-3.2 step 4): the same if/else chain over the rules' Conditions; the matching rule's
 * Output and Assign (or the state's own on the Default path) give the output.
 */
function emitJsonataChoice(state: ChoiceState, ctx: StateEmitContext): string {
  const name = literal(state.origin.name);
  const outcome = (output: unknown, assign: unknown): string =>
    output === undefined && assign === undefined
      ? ""
      : `data = await asl.jsonata.choice(run, ctx, data, ${props([["state", name], ["output", valueProp(output)], ["assign", valueProp(assign)]], varsProps(ctx))});\n`;
  const exit = (key: "default" | `choice:${number}`, target: string): string => ctx.exit(key) || `// on to ${commentText(JSON.stringify(target))}\n`;
  const branches = state.choices.map(
    (c, i) => `if (await asl.jsonata.condition(run, ctx, data, ${name}, ${literal(c.condition)}${varsArg(ctx)})) {\n${outcome(c.output, c.assign)}${exit(`choice:${i}`, c.next)}}`,
  );
  const fallback = state.default !== undefined ? `${outcome(state.output, state.assign)}${exit("default", state.default)}` : `throw asl.noChoiceMatched(${name});\n`;
  return `${heading(state)}${branches.join(" else ")} else {\n${fallback}}\n`;
}
