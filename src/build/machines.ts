/**
 * How the build turns an input file into state machine definitions: a `LoadMachines` function. The default
 * (./template-machines.ts) reads a bare definition (JSON or YAML) or every machine of a CloudFormation / SAM / CDK /
 * serverless.yml / describe-state-machine file; bundler plugins and tests can pass their own.
 */
import type { Diagnostic } from "../diagnostics/types.js";
import type { LoadedSource } from "../load/types.js";

export interface LoadedMachine {
  /** The machine's id: the logical id inside a template; for a bare definition, the file name without extension. */
  id: string;
  /**
   * The definition: JSON or YAML text (diagnostics then carry line and column) or a JSON value. Given to `transpile`
   * unchanged.
   */
  definition: unknown;
  /**
   * The definition as loaded, with positions in the file it is written in (a template: the machine's node inside it).
   * When set, the build transpiles it instead of `definition`, so diagnostics point at that file's lines.
   */
  source?: LoadedSource;
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
