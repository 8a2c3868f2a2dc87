import { isPlainObject } from "./intrinsics.js";
import type { MachineKind } from "./types.js";

const SAM_TRANSFORM = "AWS::Serverless-2016-10-31";

/**
 * What kind of file a loaded value is, from its content; undefined when it is none of the containers (then it is
 * taken as a bare ASL definition, valid or not).
 * - describe-state-machine output: `stateMachineArn` and a `definition` string;
 * - a template: a `Resources` object; CDK synth output when it has CDK's marks (the `BootstrapVersion` parameter, an
 *   `AWS::CDK::Metadata` resource or `aws:cdk:path` metadata), SAM when it has the SAM transform or a SAM resource;
 * - serverless.yml: a `stepFunctions` object, or `service` with `provider` or `functions`.
 */
export function detectKind(value: unknown): Exclude<MachineKind, "asl"> | undefined {
  if (!isPlainObject(value)) return undefined;
  if (typeof value.stateMachineArn === "string" && typeof value.definition === "string") return "describe-state-machine";
  if (isPlainObject(value.Resources)) {
    if (isCdk(value, value.Resources)) return "cdk";
    if (isSam(value, value.Resources)) return "sam";
    return "cloudformation";
  }
  if (isPlainObject(value.stepFunctions)) return "serverless";
  if (value.service !== undefined && (isPlainObject(value.provider) || isPlainObject(value.functions))) return "serverless";
  return undefined;
}

function resourcesOf(resources: Record<string, unknown>): Array<Record<string, unknown>> {
  return Object.values(resources).filter(isPlainObject);
}

function isCdk(template: Record<string, unknown>, resources: Record<string, unknown>): boolean {
  if (isPlainObject(template.Parameters) && isPlainObject(template.Parameters.BootstrapVersion)) return true;
  return resourcesOf(resources).some(
    (r) => r.Type === "AWS::CDK::Metadata" || (isPlainObject(r.Metadata) && typeof r.Metadata["aws:cdk:path"] === "string"),
  );
}

function isSam(template: Record<string, unknown>, resources: Record<string, unknown>): boolean {
  const transform = template.Transform;
  const transforms = Array.isArray(transform) ? transform : [transform];
  if (transforms.includes(SAM_TRANSFORM)) return true;
  return resourcesOf(resources).some((r) => typeof r.Type === "string" && r.Type.startsWith("AWS::Serverless::"));
}
