/**
 * Output of `aws stepfunctions describe-state-machine` (or describe-state-machine-for-execution):
 * `{ "stateMachineArn", "name", "definition": "<JSON text>", "type", … }`. The definition is parsed from the string,
 * and its nodes are located inside that string in the file.
 */
import { textMachine, type MachineHeader, type Search } from "./build.js";
import { emptyTable } from "./substitutions.js";
import type { FoundMachine } from "./types.js";

export function describedMachine(search: Search, root: Record<string, unknown>): FoundMachine | undefined {
  const arn = typeof root.stateMachineArn === "string" ? root.stateMachineArn : "";
  const name = typeof root.name === "string" && root.name !== "" ? root.name : undefined;
  const header: MachineHeader = { id: name ?? (arn.split(":").pop() || "definition"), where: "definition" };
  if (name !== undefined) header.name = name;
  if (root.type === "STANDARD" || root.type === "EXPRESS") header.type = root.type;
  return textMachine(search, header, root.definition, "/definition", emptyTable(), `definition of ${header.id}`);
}
