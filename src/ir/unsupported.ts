import { classifyResource, resourceText } from "../asl/integrations.js";
import { awsSdkBinding, optimisedBinding } from "../asl/services.js";
import { syncJobFor } from "../runtime/sync/jobs.js";
import type { Diagnostic } from "../diagnostics/types.js";
import { childPointer } from "../load/pointer.js";
import { buildModel, isObject, subject, type StateModel } from "../validate/model.js";

/**
 * Features a valid definition may use that this transpiler does not translate yet. Each gets an ASL801 error at the
 * node that uses it, so no handler is generated with different behaviour.
 */
export function unsupportedFeatures(definition: unknown): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (pointer: string, state: StateModel | undefined, what: string, hint?: string): void => {
    const d: Diagnostic = {
      code: "ASL801",
      severity: "error",
      message: `${state ? `${subject(state)}: ` : ""}${what} ${hint ? "cannot be translated" : "is not supported by the transpiler yet"}`,
      location: { pointer },
      hint: hint ?? "asl2durable has no AWS SDK binding for it (src/asl/services.ts lists the services it wires); tell us which you need.",
    };
    if (state) d.state = state.name;
    out.push(d);
  };
  const model = buildModel(definition);
  for (const state of model.states) {
    if (state.type === "Task") checkTask(state, report);
  }
  return out;
}

function checkTask(state: StateModel, report: (pointer: string, state: StateModel, what: string, hint?: string) => void): void {
  const resource = resourceText(state.fields["Resource"]);
  const pointer = childPointer(state.pointer, "Resource");
  if (resource === undefined) {
    report(pointer, state, "A Resource that is neither a string nor a Ref, Fn::GetAtt, Fn::Sub or Fn::Join", "Transpile the deployed definition (aws stepfunctions describe-state-machine).");
    return;
  }
  const kind = classifyResource(resource);
  switch (kind.kind) {
    case "lambda-arn":
    case "placeholder":
    case "activity":
    case "invalid":
      // Deploy-time placeholders are resolved when the handler runs (ASL904 warns; src/runtime/deploy-time.ts).
      break;
    case "optimised":
      if (kind.pattern === "sync" || kind.pattern === "sync:2") {
        if (syncJobFor(resource) === undefined) report(pointer, state, `The ${kind.service}:${kind.action} .${kind.pattern} integration`, "It has no AWS API to poll (eks:runJob polls the cluster's Kubernetes API); pass a tasks override or call the job yourself.");
      } else if (optimisedBinding(kind.service, kind.action) === undefined) {
        report(pointer, state, `The ${kind.service}:${kind.action} integration`);
      }
      break;
    case "aws-sdk":
      if (awsSdkBinding(kind.service, kind.action) === undefined) report(pointer, state, `The AWS SDK integration aws-sdk:${kind.service}:${kind.action} (a service without an SDK binding in src/asl/services.ts)`);
      break;
  }
}
