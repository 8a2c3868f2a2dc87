import type { Catcher } from "../../ir/types.js";
import { literal } from "../escape.js";
import { pathProp, props, valueProp } from "../props.js";
import { assignStatement } from "./assign.js";
import { varsProps, type StateEmitContext } from "./context.js";

/**
 * Wrap a state's durable call in try/catch when it has catchers (ASL-9): the first matching catcher places the error
 * output with its ResultPath, applies its own Assign (with the error output as `$`; the state's Assign is not
 * evaluated, ASL-8) and takes its Next; an error no catcher matches propagates.
 */
export function withCatch(call: string, state: string, catchers: readonly Catcher[], ctx: StateEmitContext, jsonata = false): string {
  if (catchers.length === 0) return call;
  const list = `[${catchers.map((c) => props([["errorEquals", literal(c.errorEquals)], ["resultPath", pathProp(c.resultPath)]])).join(", ")}]`;
  // JSONata (ASL-3.2 step 5): the Catcher's Output (default the error output) and Assign, with `$states.errorOutput`.
  const jsonataOutcome = (c: Catcher | undefined): string =>
    c?.output === undefined && c?.assign === undefined
      ? `data = caught.errorOutput;\n`
      : `data = await asl.jsonata.caught(run, ctx, data, caught, ${props([["state", literal(state)], ["output", valueProp(c.output)], ["assign", valueProp(c.assign)]], varsProps(ctx))});\n`;
  const handler = (i: number): string =>
    jsonata ? `${jsonataOutcome(catchers[i])}${ctx.exit(`catch:${i}`)}` : `${assignStatement(state, "caught.errorOutput", catchers[i]?.assign)}${ctx.exit(`catch:${i}`)}`;
  const handlers =
    catchers.length === 1
      ? handler(0)
      : catchers
          .map((_, i) => {
            const body = handler(i);
            if (i === catchers.length - 1) return `{\n${body}}`;
            return `if (caught.index === ${i}) {\n${body}}`;
          })
          .join(" else ");
  return `try {\n${call}} catch (error) {\nconst caught = asl.catchError(error, data, ${list});\n${jsonata ? "" : "data = caught.output;\n"}${handlers}\n}\n`;
}
