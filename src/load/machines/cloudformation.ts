/**
 * State machines among the Resources of a CloudFormation, SAM or CDK template (also the `resources.Resources` of a
 * serverless.yml):
 * - `AWS::StepFunctions::StateMachine`: `Definition` (an object), `DefinitionString` (a string, `Fn::Sub`, `Fn::Join`),
 *   `DefinitionS3Location` (not local: reported as info), `DefinitionSubstitutions`, `StateMachineType`,
 *   `StateMachineName`;
 * - `AWS::Serverless::StateMachine` (SAM): `Definition`, `DefinitionUri` (a local file, or S3: info),
 *   `DefinitionSubstitutions`, `Type`, `Name`.
 */
import { childPointer } from "../pointer.js";
import { fileMachine, objectMachine, textMachine, type MachineHeader, type Search } from "./build.js";
import { intrinsicName, isPlainObject } from "./intrinsics.js";
import { readSubstitutions, type SubstitutionTable } from "./substitutions.js";
import type { FoundMachine, MachineType } from "./types.js";

export const STEP_FUNCTIONS_TYPE = "AWS::StepFunctions::StateMachine";
export const SAM_TYPE = "AWS::Serverless::StateMachine";

/** The machines among `resources` (at `pointer`; `where` is the dotted path of the same place, for messages). */
export function templateMachines(search: Search, resources: Record<string, unknown>, pointer: string, where: string): FoundMachine[] {
  const found: FoundMachine[] = [];
  for (const [logicalId, resource] of Object.entries(resources)) {
    if (!isPlainObject(resource)) continue;
    const at = childPointer(pointer, logicalId);
    const header: MachineHeader = { id: logicalId, where: `${where}.${logicalId}` };
    const cdkPath = isPlainObject(resource.Metadata) ? resource.Metadata["aws:cdk:path"] : undefined;
    if (typeof cdkPath === "string") header.constructPath = cdkPath.replace(/\/Resource$/, "");
    let machine: FoundMachine | undefined;
    if (resource.Type === STEP_FUNCTIONS_TYPE) machine = stepFunctionsMachine(search, header, resource.Properties, at);
    else if (resource.Type === SAM_TYPE) machine = samMachine(search, header, resource.Properties, at);
    else continue;
    if (machine !== undefined) found.push(machine);
  }
  return found;
}

function machineType(value: unknown): MachineType | undefined {
  const upper = typeof value === "string" ? value.toUpperCase() : undefined;
  return upper === "STANDARD" || upper === "EXPRESS" ? upper : undefined;
}

function literalName(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

function withDetails(header: MachineHeader, type: unknown, name: unknown): MachineHeader {
  const result = { ...header };
  const t = machineType(type);
  const n = literalName(name);
  if (t !== undefined) result.type = t;
  if (n !== undefined) result.name = n;
  return result;
}

/** The one definition property used, warning when several are set. */
function pickDefinition(search: Search, header: MachineHeader, properties: Record<string, unknown>, pointer: string, names: readonly string[]): string | undefined {
  const present = names.filter((name) => Object.hasOwn(properties, name));
  const [used, ...ignored] = present;
  if (used !== undefined && ignored.length > 0) {
    const message = `${header.id} sets ${present.join(" and ")}; only ${used} is used`;
    search.problems.push(search.doc.problem("warning", message, childPointer(pointer, ignored[0] ?? used)));
  }
  return used;
}

function propertiesOf(search: Search, header: MachineHeader, properties: unknown, pointer: string): Record<string, unknown> | undefined {
  if (isPlainObject(properties) && intrinsicName(properties) === undefined) return properties;
  const message = `State machine ${header.id} has no Properties with a definition`;
  search.problems.push(search.doc.problem("error", message, properties === undefined ? pointer : childPointer(pointer, "Properties")));
  return undefined;
}

function objectDefinition(search: Search, header: MachineHeader, value: unknown, pointer: string, table: SubstitutionTable): FoundMachine | undefined {
  if (isPlainObject(value) && intrinsicName(value) === undefined) return objectMachine(search, search.doc, header, value, pointer, table);
  const message = `Definition of ${header.id} must be an object (the state machine itself); use DefinitionString for JSON text`;
  search.problems.push(search.doc.problem("error", message, pointer));
  return undefined;
}

function stepFunctionsMachine(search: Search, base: MachineHeader, properties: unknown, pointer: string): FoundMachine | undefined {
  const props = propertiesOf(search, base, properties, pointer);
  if (props === undefined) return undefined;
  const header = withDetails(base, props.StateMachineType, props.StateMachineName);
  const at = (name: string): string => childPointer(pointer, "Properties", name);
  const table = readSubstitutions(search.doc, props.DefinitionSubstitutions, at("DefinitionSubstitutions"), search.problems);
  const used = pickDefinition(search, header, props, childPointer(pointer, "Properties"), ["Definition", "DefinitionString", "DefinitionS3Location"]);
  switch (used) {
    case "Definition":
      return objectDefinition(search, header, props.Definition, at(used), table);
    case "DefinitionString":
      return textMachine(search, header, props.DefinitionString, at(used), table, `DefinitionString of ${header.id}`);
    case "DefinitionS3Location":
      search.problems.push(search.doc.problem("info", `The definition of ${header.id} is in S3 (DefinitionS3Location${s3Text(props.DefinitionS3Location)}), not in this file; it is not checked`, at(used)));
      return undefined;
    default:
      search.problems.push(search.doc.problem("error", `State machine ${header.id} has no Definition, DefinitionString or DefinitionS3Location`, childPointer(pointer, "Properties")));
      return undefined;
  }
}

function samMachine(search: Search, base: MachineHeader, properties: unknown, pointer: string): FoundMachine | undefined {
  const props = propertiesOf(search, base, properties, pointer);
  if (props === undefined) return undefined;
  const header = withDetails(base, props.Type, props.Name);
  const at = (name: string): string => childPointer(pointer, "Properties", name);
  const table = readSubstitutions(search.doc, props.DefinitionSubstitutions, at("DefinitionSubstitutions"), search.problems);
  const used = pickDefinition(search, header, props, childPointer(pointer, "Properties"), ["Definition", "DefinitionUri"]);
  if (used === "Definition") return objectDefinition(search, header, props.Definition, at(used), table);
  if (used === undefined) {
    search.problems.push(search.doc.problem("error", `State machine ${header.id} has no Definition or DefinitionUri`, childPointer(pointer, "Properties")));
    return undefined;
  }
  const uri = props.DefinitionUri;
  if (typeof uri === "string" && !uri.startsWith("s3://")) {
    return fileMachine(search, header, { path: uri, pointer: at(used), what: "DefinitionUri" }, table);
  }
  const where = typeof uri === "string" ? ` ${uri}` : s3Text(uri);
  search.problems.push(search.doc.problem("info", `The definition of ${header.id} is in S3 (DefinitionUri${where}), not in this file; it is not checked`, at(used)));
  return undefined;
}

/** ` s3://bucket/key` for a literal S3 location object, else "". */
function s3Text(location: unknown): string {
  if (!isPlainObject(location)) return "";
  const bucket = location.Bucket;
  const key = location.Key;
  return typeof bucket === "string" && typeof key === "string" ? ` s3://${bucket}/${key}` : "";
}
