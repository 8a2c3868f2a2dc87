/**
 * From a validated configuration to the list of machines to generate: expand input globs, read substitutions files,
 * load each input's machines, name each output, and refuse two entries that would write the same file.
 */
import { dirname, isAbsolute, join } from "node:path";
import { isDynamicPattern } from "tinyglobby";
import type { Diagnostic } from "../diagnostics/types.js";
import type { BuildProblem } from "./build.js";
import type { BuildConfig, MachineEntry, SubstitutionValue } from "./config.js";
import type { BuildFs } from "./fs.js";
import { BuildInputError, type LoadedMachine, type LoadMachines } from "./machines.js";
import { definitionStem, displayPath, fromRoot } from "./paths.js";
import { parseSubstitutions } from "./substitutions.js";

export interface BuildJob {
  /** Index of the entry in `machines`. */
  entry: number;
  /** The input file, relative to the project root. */
  input: string;
  /** The file the definition came from, relative to the project root (written in the generated header). */
  definitionFile: string;
  machine: LoadedMachine;
  /** The output file, absolute. */
  out: string;
  name: string;
  type?: "STANDARD" | "EXPRESS";
  substitutions?: Record<string, SubstitutionValue>;
}

export interface BuildPlan {
  jobs: BuildJob[];
  problems: BuildProblem[];
  sources: string[];
  globDirs: string[];
}

interface PlanContext {
  root: string;
  fs: BuildFs;
  loadMachines: LoadMachines;
}

export async function planBuild(config: BuildConfig, context: PlanContext): Promise<BuildPlan> {
  const plan: BuildPlan = { jobs: [], problems: [], sources: [], globDirs: [] };
  const sources = new Set<string>();
  const globDirs = new Set<string>();
  for (const [index, entry] of config.machines.entries()) {
    const at = `machines[${index}]`;
    const read = await entrySubstitutions(entry, context, sources);
    if (!read.ok) {
      plan.problems.push({ ...read.problem, keyPath: `${at}.substitutions` });
      continue;
    }
    const substitutions = read.value;
    const files = await expandInput(entry.input, context, globDirs);
    if (files.length === 0) {
      plan.problems.push({ kind: "io", keyPath: `${at}.input`, message: `"${entry.input}" matches no file`, diagnostics: [] });
      continue;
    }
    if (files.length > 1 && (entry.out !== undefined || entry.name !== undefined)) {
      const key = entry.out !== undefined ? "out" : "name";
      plan.problems.push({ kind: "config", keyPath: `${at}.${key}`, message: `"${key}" names one machine, but "${entry.input}" matches ${files.length} files`, diagnostics: [] });
      continue;
    }
    for (const file of files) {
      sources.add(file);
      const input = displayPath(context.root, file);
      let machines: LoadedMachine[];
      try {
        machines = await context.loadMachines(file, entry.machine);
      } catch (e) {
        const error = e instanceof BuildInputError ? e : new BuildInputError((e as Error).message, { kind: "io" });
        plan.problems.push({ kind: error.kind, keyPath: `${at}.input`, message: shorten(error.message, file, input), diagnostics: error.diagnostics.map((d) => shortenDiagnostic(d, context.root)) });
        continue;
      }
      if (machines.length === 0) {
        plan.problems.push({ kind: "config", keyPath: `${at}.input`, message: `${input} holds no state machine`, diagnostics: [] });
        continue;
      }
      if (machines.length > 1 && (entry.out !== undefined || entry.name !== undefined)) {
        const key = entry.out !== undefined ? "out" : "name";
        const ids = machines.map((m) => m.id).join(", ");
        plan.problems.push({ kind: "config", keyPath: `${at}.${key}`, message: `"${key}" names one machine, but ${input} holds ${machines.length} (${ids}); pick one with "machine"`, diagnostics: [] });
        continue;
      }
      // A bare definition (or the only machine of a file, without a selector) is named after the file; machines
      // picked from a template carry their id, so several entries can pick from the same template.
      const byFile = machines.length === 1 && entry.machine === undefined;
      for (const machine of machines) {
        const definitionFile = fromRoot(context.root, machine.file);
        sources.add(definitionFile);
        const stem = byFile ? definitionStem(file) : `${definitionStem(file)}.${machine.id}`;
        const out = entry.out !== undefined ? fromRoot(context.root, entry.out) : join(config.outDir !== undefined ? fromRoot(context.root, config.outDir) : dirname(file), `${stem}.ts`);
        plan.jobs.push({
          entry: index,
          input,
          definitionFile: displayPath(context.root, definitionFile),
          machine,
          out,
          name: entry.name ?? machine.name ?? machine.id,
          ...((entry.type ?? machine.type) !== undefined ? { type: entry.type ?? machine.type } : {}),
          ...(substitutions !== undefined ? { substitutions } : {}),
        });
      }
    }
  }
  plan.jobs = withoutCollisions(plan.jobs, sources, context.root, plan.problems);
  plan.sources = [...sources].sort();
  plan.globDirs = [...globDirs].sort();
  return plan;
}

/** Messages of loaders name the absolute path they were given; users read paths relative to the project root. */
function shorten(message: string, file: string, input: string): string {
  return message.split(file).join(input);
}

/** A diagnostic whose absolute file is shown relative to the project root. */
export function shortenDiagnostic(d: Diagnostic, root: string): Diagnostic {
  const file = d.location.file;
  if (file === undefined || !isAbsolute(file)) return d;
  const shown = displayPath(root, file);
  return { ...d, message: shorten(d.message, file, shown), location: { ...d.location, file: shown } };
}

type SubstitutionsOrProblem = { ok: true; value: Record<string, SubstitutionValue> | undefined } | { ok: false; problem: Omit<BuildProblem, "keyPath"> };

async function entrySubstitutions(entry: MachineEntry, context: PlanContext, sources: Set<string>): Promise<SubstitutionsOrProblem> {
  if (entry.substitutions === undefined || typeof entry.substitutions === "object") return { ok: true, value: entry.substitutions };
  const file = fromRoot(context.root, entry.substitutions);
  sources.add(file);
  let text: string | undefined;
  try {
    text = await context.fs.readFile(file);
  } catch (e) {
    return { ok: false, problem: { kind: "io", message: `cannot read substitutions file "${entry.substitutions}": ${(e as Error).message}`, diagnostics: [] } };
  }
  if (text === undefined) return { ok: false, problem: { kind: "io", message: `substitutions file "${entry.substitutions}" does not exist`, diagnostics: [] } };
  const parsed = parseSubstitutions(text, entry.substitutions);
  return typeof parsed === "string" ? { ok: false, problem: { kind: "config", message: parsed, diagnostics: [] } } : { ok: true, value: parsed };
}

/** The files an input names (absolute): itself, or a glob's matches in order. The glob's fixed folder goes to `globDirs`. */
async function expandInput(input: string, context: PlanContext, globDirs: Set<string>): Promise<string[]> {
  if (!isDynamicPattern(input)) return [fromRoot(context.root, input)];
  const segments = input.split("/");
  const fixed = segments.slice(0, segments.findIndex((s) => isDynamicPattern(s)));
  globDirs.add(fromRoot(context.root, fixed.join("/") || "."));
  const found = await context.fs.glob(input, context.root);
  return found.map((f) => fromRoot(context.root, f));
}

/** Keep the first job for each output file; a later one that would overwrite it (or an input) is a problem. */
function withoutCollisions(jobs: BuildJob[], sources: Set<string>, root: string, problems: BuildProblem[]): BuildJob[] {
  const owners = new Map<string, BuildJob>();
  const kept: BuildJob[] = [];
  for (const job of jobs) {
    const owner = owners.get(job.out);
    const out = displayPath(root, job.out);
    if (owner !== undefined) {
      problems.push({ kind: "config", keyPath: `machines[${job.entry}]`, message: `${job.input} would be written to ${out}, like ${owner.input} (machines[${owner.entry}]); give one of them "out"`, diagnostics: [] });
    } else if (sources.has(job.out)) {
      problems.push({ kind: "config", keyPath: `machines[${job.entry}]`, message: `${job.input} would be written to ${out}, which is an input`, diagnostics: [] });
    } else {
      owners.set(job.out, job);
      kept.push(job);
    }
  }
  return kept;
}
