import { classifyResource, hasPlaceholder } from "../../asl/integrations.js";
import { childPointer } from "../../load/pointer.js";
import { isObject, subject } from "../model.js";
import type { Rule } from "./rule.js";

/** ASL-6.2: a Task Resource is a Lambda, activity or Step Functions integration ARN. */
export const taskResources: Rule = {
  name: "Task resources are Lambda, activity or Step Functions integration ARNs",
  codes: ["ASL209", "ASL210", "ASL211", "ASL901", "ASL902", "ASL904"],
  check(ctx) {
    for (const state of ctx.model.states) {
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
