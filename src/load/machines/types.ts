import type { Position, Severity } from "../../diagnostics/types.js";
import type { LoadedSource } from "../types.js";

/** The kind of file a state machine was found in. */
export type MachineKind = "asl" | "cloudformation" | "sam" | "cdk" | "serverless" | "describe-state-machine";

export type MachineType = "STANDARD" | "EXPRESS";

/** One state machine found in a file. */
export interface FoundMachine {
  /** Logical id (CloudFormation/SAM/CDK), the serverless.yml key, or the name from describe-state-machine. */
  id: string;
  /** Where it was found, for messages: "Resources.OrderFlow" (template), "stepFunctions.stateMachines.orderFlow" … */
  where: string;
  /** The definition as a JSON value (after DefinitionSubstitutions / Fn::Sub variables are applied where they are literal). */
  definition: unknown;
  /**
   * The LoadedSource whose locate() maps the definition's pointers to line/column in the original file when the
   * definition is inline (a Definition object, or a DefinitionString parsed from a string of the template); for a
   * DefinitionUri (or a serverless `${file(…)}`) the referenced file's own source. Its `value` is `definition`.
   */
  source: LoadedSource;
  /**
   * Placeholders left in the definition, by name in order of first appearance: `${AWS::Region}`, an intrinsic value
   * (`!GetAtt ChargeFn.Arn` → `ChargeFn.Arn`, `!Ref Table` → `Table`), a serverless variable (`self:custom.table`)…
   */
  unresolved: string[];
  /** The state machine type when the file says it literally (STANDARD | EXPRESS). */
  type?: MachineType;
  /** The deployed name when the file says it literally (StateMachineName, SAM Name, serverless `name`, describe `name`). */
  name?: string;
  /** CDK: the construct path from `Metadata["aws:cdk:path"]` without its trailing `/Resource` (e.g. `OrderStack/OrderFlow`). */
  constructPath?: string;
}

/**
 * A problem met while looking for state machines. The caller maps it to a catalogue code. `pointer`, `start` and
 * `end` refer to the searched file, or to `file` when it is set (a file referenced by DefinitionUri).
 */
export interface MachineProblem {
  severity: Severity;
  message: string;
  pointer: string;
  /** The referenced file the problem is in, when it is not the searched file. */
  file?: string;
  /** The exact position when it is finer than the node at `pointer` (e.g. a JSON syntax error inside a DefinitionString). */
  start?: Position;
  end?: Position;
}

export interface FindMachinesOptions {
  /** Path of the searched file (DefinitionUri and `${file(…)}` are relative to its folder); defaults to `source.file`. */
  file?: string;
  /** Reads a referenced file (path as given to it: joined to the searched file's folder); undefined when unreadable. */
  readFile?: (path: string) => string | undefined;
}

export interface FindMachinesResult {
  machines: FoundMachine[];
  problems: MachineProblem[];
  kind: MachineKind;
}
