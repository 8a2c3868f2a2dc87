import { classifyResource, hasPlaceholder } from "../../asl/integrations.js";
import { childPointer } from "../../load/pointer.js";
import { isObject, subject, type StateModel } from "../model.js";
import { environmentVariable, placeholderNames } from "../../runtime/placeholders.js";
import type { Rule, RuleContext } from "./rule.js";

/** ASL-6.2: a Task Resource is a Lambda, activity or Step Functions integration ARN. */
export const taskResources: Rule = {
  name: "Task resources are Lambda, activity or Step Functions integration ARNs",
  codes: ["ASL209", "ASL210", "ASL211", "ASL901", "ASL902", "ASL904"],
  check(ctx) {
    for (const state of ctx.model.states) {
      if (state.type === "Map") reportValuePlaceholders(ctx, state, ["ItemReader", "ItemBatcher", "ResultWriter"]);
      if (state.type !== "Task" || !("Resource" in state.fields)) continue;
      const resource = state.fields["Resource"];
      const pointer = childPointer(state.pointer, "Resource");
      if (isObject(resource)) {
        ctx.report("ASL904", pointer, `${subject(state)}: "Resource" is a CloudFormation intrinsic (${Object.keys(resource).join(", ")}); it is resolved at deploy time`, {
          state: state.name,
          hint: "Pass --substitutions or transpile the deployed definition so the handler calls the real resource.",
        });
        continue;
      }
      reportValuePlaceholders(ctx, state, ["Parameters", "Arguments", "Credentials"]);
      if (typeof resource !== "string") continue; // schema
      if (hasPlaceholder(resource)) {
        ctx.report("ASL904", pointer, `${subject(state)}: "Resource" ${JSON.stringify(resource)} holds a deploy-time placeholder`, {
          state: state.name,
          hint: "Pass --substitutions file.json (DefinitionSubstitutions) to check and migrate the real ARN.",
        });
      }
      const kind = classifyResource(resource);
      switch (kind.kind) {
        case "placeholder":
          break;
        case "invalid":
          if (ctx.options.checkArns) {
            ctx.report(kind.unknownIntegration ? "ASL210" : "ASL209", pointer, `${subject(state)}: "Resource" ${JSON.stringify(resource)} is not valid: ${kind.reason}`, {
              state: state.name,
            });
          }
          break;
        case "activity":
          ctx.report("ASL902", pointer, `${subject(state)}: activity "${kind.name}" has no durable equivalent`, {
            state: state.name,
            hint: "The activity becomes a durable callback; its workers must complete it with SendDurableExecutionCallbackSuccess/Failure.",
          });
          break;
        case "optimised":
        case "aws-sdk":
          if (ctx.options.machineType === "EXPRESS" && kind.pattern !== "request-response") {
            ctx.report("ASL211", pointer, `${subject(state)}: EXPRESS state machines do not support the .${kind.pattern} integration pattern`, { state: state.name });
          }
          if (kind.pattern === "waitForTaskToken") {
            ctx.report("ASL901", pointer, `${subject(state)}: .waitForTaskToken becomes a durable callback`, {
              state: state.name,
              hint: "Workers must call SendDurableExecutionCallbackSuccess/Failure/Heartbeat with the callback id instead of SendTaskSuccess/Failure/Heartbeat.",
            });
          }
          break;
        case "lambda-arn":
          break;
      }
    }
  },
};

/**
 * Deploy-time placeholders in a Task's Parameters, Arguments or Credentials, or a Map's ItemReader, ItemBatcher or
 * ResultWriter (DefinitionSubstitutions, a Ref/GetAtt the template left): Step Functions replaced them when the machine
 * was deployed; the handler replaces them when the state runs. One warning per field, at its first placeholder, naming them all and where their values come from.
 */
function reportValuePlaceholders(ctx: RuleContext, state: StateModel, fields: readonly string[]): void {
  for (const field of fields) {
    if (!(field in state.fields)) continue;
    const found: Array<{ pointer: string; names: string[] }> = [];
    const visit = (value: unknown, pointer: string): void => {
      if (typeof value === "string") {
        const names = placeholderNames(value);
        if (names.length > 0) found.push({ pointer, names });
      } else if (Array.isArray(value)) value.forEach((v, i) => visit(v, childPointer(pointer, String(i))));
      else if (isObject(value)) for (const [k, v] of Object.entries(value)) visit(v, childPointer(pointer, k));
    };
    visit(state.fields[field], childPointer(state.pointer, field));
    const first = found[0];
    if (first === undefined) continue;
    const names = [...new Set(found.flatMap((f) => f.names))].sort();
    const variables = names.filter((n) => !n.startsWith("AWS::")).map(environmentVariable);
    ctx.report("ASL904", first.pointer, `${subject(state)}: "${field}" holds deploy-time placeholder${names.length === 1 ? "" : "s"} ${names.map((n) => `\${${n}}`).join(", ")}`, {
      state: state.name,
      hint:
        `The handler replaces ${names.length === 1 ? "it" : "them"} when the ${state.type === "Map" ? "state" : "Task"} runs` +
        (variables.length > 0 ? `: from makeHandler({ substitutions }), else the environment variable${variables.length === 1 ? "" : "s"} ${variables.join(", ")}` : " from the function's ARN") +
        " (the generated deployment sets them); or pass --substitutions to fix the values now.",
    });
  }
}
