import { readFileSync } from "node:fs";
import type { Diagnostic } from "../diagnostics/types.js";
import { readSource } from "../load/file.js";
import { loadText } from "../load/index.js";
import { attachLocations } from "../validate/locate.js";
import { BuildInputError, type LoadedMachine } from "./machines.js";
import { findMachines, selectMachine, type FoundMachine, type MachineKind } from "../load/machines/index.js";

/**
 * The state machines of an input file, for `build` and the CLI commands (issue #6): a bare definition, or every machine of a
 * CloudFormation / SAM / CDK / serverless / describe-state-machine file (src/load/machines), narrowed to `--machine`.
 * Problems come back as located diagnostics (code ASL001 for what makes a file unusable, ASL904 for what stays a
 * deploy-time placeholder); DefinitionUri and `${file(…)}` references are read relative to the file.
 */
export interface InputMachines {
  kind: MachineKind;
  machines: FoundMachine[];
  diagnostics: Diagnostic[];
  /** The text of every file read, by path (the input and the files it references), for code frames. */
  texts: ReadonlyMap<string, string>;
}

/** The text a diagnostic of these machines points into (its file's, else the input's), for a code frame. */
export function frameText(found: InputMachines, d: Diagnostic, input: string): string | undefined {
  return found.texts.get(d.location.file ?? input);
}

export function machinesOf(text: string, file: string, machine?: string): InputMachines {
  const source = loadText(text, { file });
  const texts = new Map<string, string>([[file, text]]);
  const readFile = (path: string): string | undefined => {
    const read = readFileSafe(path);
    if (read !== undefined) texts.set(path, read);
    return read;
  };
  const found = findMachines(source, { file, readFile });
  const diagnostics: Diagnostic[] = found.problems.map((p) => {
    const d: Diagnostic = {
      code: p.severity === "error" ? "ASL001" : "ASL904",
      severity: p.severity,
      message: p.message,
      location: { pointer: p.pointer, file: p.file ?? file, ...(p.start ? { start: p.start } : {}), ...(p.end ? { end: p.end } : {}) },
    };
    return p.start === undefined && p.file === undefined ? (attachLocations([d], source)[0] as Diagnostic) : d;
  });
  if (machine === undefined) return { kind: found.kind, machines: found.machines, diagnostics, texts };
  const selected = selectMachine(found.machines, machine);
  if (selected === undefined) {
    diagnostics.push({
      code: "ASL001",
      severity: "error",
      message: `no state machine ${JSON.stringify(machine)} in ${file}; it holds: ${found.machines.map((m) => m.id).join(", ") || "none"}`,
      location: { pointer: "", file },
    });
    return { kind: found.kind, machines: [], diagnostics, texts };
  }
  return { kind: found.kind, machines: [selected], diagnostics, texts };
}

function readFileSafe(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

/**
 * `build`'s default machine loader (./machines.ts LoadMachines): every state machine of a definition or template file,
 * or the one named. Each machine keeps its located source, so build diagnostics point at the line of the template (or of
 * the DefinitionUri file) where the state is written.
 */
export async function loadTemplateMachines(file: string, machineId?: string): Promise<LoadedMachine[]> {
  const read = await readSource(file);
  if ("error" in read) throw new BuildInputError(read.error.message, { kind: "io", diagnostics: [read.error] });
  const text = read.text;
  const found = machinesOf(text, file, machineId);
  if (found.kind === "asl" && machineId !== undefined) {
    throw new BuildInputError(`${file} is a single state machine definition; "machine" only selects a machine inside a template`, { kind: "config" });
  }
  const errors = found.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0 || found.machines.length === 0) {
    throw new BuildInputError(errors[0]?.message ?? `${file}: no state machine found`, { kind: "definition", diagnostics: found.diagnostics });
  }
  return found.machines.map((m) => ({
    id: m.id,
    definition: found.kind === "asl" ? text : m.definition,
    source: m.source,
    file: m.source.file ?? file,
    ...(m.name !== undefined ? { name: m.name } : {}),
    ...(m.type !== undefined ? { type: m.type } : {}),
  }));
}
