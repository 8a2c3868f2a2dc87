import type { Assign } from "../../ir/types.js";
import { templateUsesRandom } from "../../runtime/random.js";
import { literal } from "../escape.js";
import { props } from "../props.js";

/**
 * The statement that applies the Assign of a Choice rule, of a Choice's Default path or of a Catcher (ASL-8, ASL-6.3,
 * ASL-9), with `value` (a TypeScript expression) as `$`; empty when there is no Assign. An Assign that draws random
 * values (States.UUID, unseeded States.MathRandom) is evaluated in a durable step, so replays assign the same values.
 */
export function assignStatement(state: string, value: string, assign: Assign | undefined): string {
  if (assign === undefined) return "";
  const options = props([["state", literal(state)], ["assign", literal(assign)]], ["vars"]);
  return templateUsesRandom(assign) ? `await asl.assignInStep(run, ctx, ${value}, ${options});\n` : `asl.assign(run, ${value}, ${options});\n`;
}
