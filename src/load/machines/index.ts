/**
 * Find the state machines in the files teams keep: a bare ASL definition, CloudFormation / SAM templates (JSON or
 * YAML with short-form tags), CDK synth output (`cdk.out/*.template.json`), serverless.yml (serverless-step-functions)
 * and `aws stepfunctions describe-state-machine` output. The kind is detected from the content (detect.ts).
 *
 * Every machine comes with a LoadedSource whose locate() gives, for a pointer of the definition, the position of that
 * node in the file where it is written:
 * - a definition written as an object (CloudFormation/SAM `Definition`, serverless `definition`): the node itself,
 *   also when DefinitionSubstitutions renamed a member (`${StateName}` as a state name);
 * - a definition written as JSON text (DefinitionString as a string, `!Sub`, `Fn::Join` parts; the describe output's
 *   `definition`): the characters of the node inside the string, through escapes, YAML block indentation, `Fn::Sub`
 *   variables and Join parts (an inserted value is located at its `${Name}`, a Join part that is an intrinsic at that
 *   intrinsic). Where a string cannot be followed (an unusual YAML escape), the rest of it is located at the whole scalar;
 * - a DefinitionUri / `${file(…)}` file: that file's own positions.
 * Pure: referenced files are read through `options.readFile`.
 */
import { basename } from "node:path";
import type { LoadedSource } from "../types.js";
import type { Search } from "./build.js";
import { SAM_TYPE, STEP_FUNCTIONS_TYPE, templateMachines } from "./cloudformation.js";
import { placeholdersIn } from "./definition.js";
import { describedMachine } from "./describe.js";
import { detectKind } from "./detect.js";
import { SearchedDocument } from "./document.js";
import { isPlainObject } from "./intrinsics.js";
import { serverlessMachines } from "./serverless.js";
import type { FindMachinesOptions, FindMachinesResult, FoundMachine, MachineProblem } from "./types.js";

export type { FindMachinesOptions, FindMachinesResult, FoundMachine, MachineKind, MachineProblem, MachineType } from "./types.js";

/**
 * The state machines of a loaded file. A file that is none of the containers (including one that did not load) is one
 * bare ASL machine whose source is `source` itself, so that validating it reports what is wrong with it.
 */
export function findMachines(source: LoadedSource, options: FindMachinesOptions = {}): FindMachinesResult {
  const value = source.value;
  const kind = value === undefined ? undefined : detectKind(value);
  if (kind === undefined || !isPlainObject(value)) return { machines: [aslMachine(source, options)], problems: [], kind: "asl" };
  const search: Search = { doc: new SearchedDocument(source), options, problems: [] };
  const machines: FoundMachine[] = [];
  if (kind === "describe-state-machine") {
    const found = describedMachine(search, value);
    if (found !== undefined) machines.push(found);
  } else if (kind === "serverless") {
    const found = serverlessMachines(search, value);
    machines.push(...found.machines);
    if (found.declared === 0) search.problems.push(noMachine("No state machine in this serverless.yml (stepFunctions.stateMachines is missing or empty)", "stepFunctions" in value ? "/stepFunctions" : ""));
  } else {
    const resources = value.Resources as Record<string, unknown>;
    machines.push(...templateMachines(search, resources, "/Resources", "Resources"));
    const declared = Object.values(resources).some((r) => isPlainObject(r) && (r.Type === STEP_FUNCTIONS_TYPE || r.Type === SAM_TYPE));
    if (!declared) search.problems.push(noMachine(`No state machine in this template (no resource of type ${STEP_FUNCTIONS_TYPE} or ${SAM_TYPE})`, "/Resources"));
  }
  return { machines, problems: search.problems, kind };
}

function noMachine(message: string, pointer: string): MachineProblem {
  return { severity: "error", message, pointer };
}

function aslMachine(source: LoadedSource, options: FindMachinesOptions): FoundMachine {
  const file = options.file ?? source.file;
  const id = file === undefined || file.startsWith("<") ? "definition" : basename(file).replace(/(\.asl)?\.(json|ya?ml)$/i, "") || "definition";
  return { id, where: file ?? "<input>", definition: source.value, source, unresolved: placeholdersIn(source.value) };
}

/**
 * The machine `--machine <id>` names: by id (logical id, serverless key, describe name) first, else by deployed name,
 * else (CDK) by construct path or its last segment (the construct id written in the CDK code). Undefined when nothing
 * matches, or when a name matches several machines.
 */
export function selectMachine(found: readonly FoundMachine[], id: string): FoundMachine | undefined {
  const byId = found.find((m) => m.id === id);
  if (byId !== undefined) return byId;
  const tests: Array<(m: FoundMachine) => boolean> = [
    (m) => m.name === id,
    (m) => m.constructPath === id,
    (m) => m.constructPath !== undefined && m.constructPath.split("/").pop() === id,
  ];
  for (const test of tests) {
    const matches = found.filter(test);
    if (matches.length === 1) return matches[0];
    if (matches.length > 1) return undefined;
  }
  return undefined;
}
