/**
 * How the build turns an input file into state machine definitions. The default reads the file as one ASL definition
 * (JSON or YAML); template formats (CloudFormation, SAM, CDK output, serverless.yml) plug in through `LoadMachines`.
 */
import type { Diagnostic } from "../diagnostics/types.js";
import { readSource } from "../load/file.js";
import { definitionStem } from "./paths.js";

export interface LoadedMachine {
  /** The machine's id: the logical id inside a template; for a bare definition, the file name without extension. */
  id: string;
  /**
   * The definition: JSON or YAML text (diagnostics then carry line and column) or a JSON value. Given to `transpile`
   * unchanged.
   */
  definition: unknown;
  /** The file the definition was read from (absolute, or relative to the project root); may differ from the input. */
  file: string;
  /** The state machine's own name (a template's StateMachineName), used when the entry has no `name`. */
  name?: string;
  /** The state machine's type when its file says it, used when the entry has no `type`. */
  type?: "STANDARD" | "EXPRESS";
}

/**
 * Read the state machines of `file` (an absolute path); with `machineId`, only that one (by logical id or name).
 * Throw a `BuildInputError` for a file that cannot be read or understood, or that has no such machine.
 */
export type LoadMachines = (file: string, machineId?: string) => Promise<LoadedMachine[]>;

/** What kind of failure an input is: the CLI exits 2 for `io` and `config`, 1 for `definition`. */
export type InputErrorKind = "io" | "config" | "definition";

/** An input that yields no machine: unreadable, not understood, or without the machine asked for. */
export class BuildInputError extends Error {
  override name = "BuildInputError";
  readonly kind: InputErrorKind;
  readonly diagnostics: Diagnostic[];

  constructor(message: string, options: { kind?: InputErrorKind; diagnostics?: Diagnostic[] } = {}) {
    super(message);
    this.diagnostics = options.diagnostics ?? [];
    this.kind = options.kind ?? (this.diagnostics.some((d) => d.code !== "ASL005") ? "definition" : "io");
  }
}

/** The default `LoadMachines`: the file is one ASL definition, returned as text (so diagnostics are located). */
export const loadDefinitionFile: LoadMachines = async (file, machineId) => {
  if (machineId !== undefined) {
    throw new BuildInputError(`${file} is a single state machine definition; "machine" only selects a machine inside a template`, { kind: "config" });
  }
  const read = await readSource(file);
  if ("error" in read) throw new BuildInputError(read.error.message, { kind: "io", diagnostics: [read.error] });
  return [{ id: definitionStem(file), definition: read.text, file }];
};
