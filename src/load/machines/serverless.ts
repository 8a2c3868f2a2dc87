/**
 * serverless.yml with the serverless-step-functions plugin: `stepFunctions.stateMachines.<key>` with `definition` (an
 * object, or `${file(path)}` / `${file(path):key}`), `name` and `type`. Serverless variables (`${self:…}`, `${opt:…}`,
 * `${sls:…}`) stay as written (they are placeholders of the definition); intrinsics (`Fn::GetAtt`, `Ref`, `!Sub`…)
 * become placeholders. State machines declared as CloudFormation under `resources.Resources` are found too.
 */
import { childPointer, toPointer } from "../pointer.js";
import { fileMachine, objectMachine, type MachineHeader, type Search } from "./build.js";
import { STEP_FUNCTIONS_TYPE, SAM_TYPE, templateMachines } from "./cloudformation.js";
import { intrinsicName, isPlainObject } from "./intrinsics.js";
import { emptyTable } from "./substitutions.js";
import type { FoundMachine } from "./types.js";

const FILE_VARIABLE = /^\$\{file\(\s*['"]?([^'")]+?)['"]?\s*\)(?::\s*([^}\s]+))?\s*\}$/;

export interface ServerlessResult {
  machines: FoundMachine[];
  /** How many state machines the file declares (found or not). */
  declared: number;
}

export function serverlessMachines(search: Search, root: Record<string, unknown>): ServerlessResult {
  const machines: FoundMachine[] = [];
  let declared = 0;
  const stepFunctions = root.stepFunctions;
  const stateMachines = isPlainObject(stepFunctions) ? stepFunctions.stateMachines : undefined;
  if (isPlainObject(stateMachines)) {
    for (const [key, entry] of Object.entries(stateMachines)) {
      declared++;
      const found = serverlessMachine(search, key, entry, toPointer(["stepFunctions", "stateMachines", key]));
      if (found !== undefined) machines.push(found);
    }
  }
  const resources = isPlainObject(root.resources) ? root.resources.Resources : undefined;
  if (isPlainObject(resources)) {
    declared += Object.values(resources).filter((r) => isPlainObject(r) && (r.Type === STEP_FUNCTIONS_TYPE || r.Type === SAM_TYPE)).length;
    machines.push(...templateMachines(search, resources, "/resources/Resources", "resources.Resources"));
  }
  return { machines, declared };
}

function serverlessMachine(search: Search, key: string, entry: unknown, pointer: string): FoundMachine | undefined {
  const where = `stepFunctions.stateMachines.${key}`;
  if (!isPlainObject(entry)) {
    search.problems.push(search.doc.problem("error", `${where} must be a state machine (an object with a definition)`, pointer));
    return undefined;
  }
  const header: MachineHeader = { id: key, where };
  const type = typeof entry.type === "string" ? entry.type.toUpperCase() : undefined;
  if (type === "STANDARD" || type === "EXPRESS") header.type = type;
  if (typeof entry.name === "string" && entry.name !== "" && !entry.name.includes("${")) header.name = entry.name;
  const definition = entry.definition;
  const at = childPointer(pointer, "definition");
  if (isPlainObject(definition) && intrinsicName(definition) === undefined) {
    return objectMachine(search, search.doc, header, definition, at, emptyTable());
  }
  const file = typeof definition === "string" ? FILE_VARIABLE.exec(definition.trim()) : null;
  if (file !== null) {
    const member = file[2] === undefined ? undefined : toPointer(file[2].split("."));
    const reference = { path: file[1] ?? "", pointer: at, what: "definition", ...(member === undefined ? {} : { member }) };
    return fileMachine(search, header, reference, emptyTable());
  }
  const message = definition === undefined ? `${where} has no definition` : `${where}.definition must be the state machine (an object) or \${file(path)}`;
  search.problems.push(search.doc.problem("error", message, definition === undefined ? pointer : at));
  return undefined;
}
