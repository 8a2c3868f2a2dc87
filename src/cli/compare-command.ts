import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { compare, CompareBuildError, type CompareRun } from "../compare/compare.js";
import { formatCostTable } from "../compare/cost.js";
import { teardownSkipTime } from "../compare/environment.js";
import { HistoryError, parseHistoriesText, replayMocks } from "../compare/history.js";
import { ModuleLoadError } from "../compare/module-loader.js";
import { loadPriceTable, PriceTableError } from "../compare/prices.js";
import type { CompareResult, RunComparison } from "../compare/types.js";
import { formatDiagnostic } from "../diagnostics/format.js";
import { readSource } from "../load/file.js";
import { checkMockSpec, mocksToTasks, type MockSpec } from "../mocks/mocks.js";
import type { Json, TaskOverride } from "../runtime/index.js";
import { machinesOf } from "../build/template-machines.js";
import type { Output } from "./output.js";
import { EXIT } from "./validate-command.js";
import { readSubstitutions } from "./substitutions.js";
import { writeFileAtomic } from "./write-atomic.js";

export interface CompareCommandArgs {
  file: string;
  input?: string;
  mocks?: string;
  history?: string;
  report?: string;
  prices?: string;
  memory?: number;
  name?: string;
  format: "text" | "json";
  /** In a template holding several state machines, the one to compare (logical id or name). */
  machine?: string;
  /** A JSON file of DefinitionSubstitutions for the definition's `${Name}` placeholders. */
  substitutions?: string;
}

/** A usage or I/O problem: exit status 2, with this message. */
class UsageError extends Error {}

/**
 * `asl2durable compare <definition> [--input in.json] [--mocks mocks.json|mocks.js] [--history history.json]
 * [--report out.html|out.md] [--format json]`: run the reference interpreter and the generated handler side by side
 * (src/compare) and print the verdict, the state path beside the durable operations, and the operations and cost.
 * Exit status: 0 every run agrees, 1 a run differs or the handler cannot be built, 2 usage or I/O error.
 */
export async function runCompare(args: CompareCommandArgs, io: Output): Promise<number> {
  try {
    const read = await readSource(args.file);
    if ("error" in read) {
      io.err(formatDiagnostic(read.error, { color: false }));
      return EXIT.usage;
    }
    const found = machinesOf(read.text, read.file, args.machine);
    const machine = found.machines.length === 1 ? found.machines[0] : undefined;
    if (machine === undefined) {
      for (const d of found.diagnostics) io.err(formatDiagnostic(d, { color: false }));
      throw new UsageError(found.machines.length > 1 ? `${read.file} holds ${found.machines.length} state machines (${found.machines.map((m) => m.id).join(", ")}): pick one with --machine` : `${read.file}: no state machine found`);
    }
    const runs = await buildRuns(args);
    const prices = args.prices === undefined ? undefined : loadPriceTable(await readJson(args.prices, "--prices"));
    const cost = { ...(prices !== undefined ? { prices } : {}), ...(args.memory !== undefined ? { memoryMB: args.memory } : {}) };
    const substitutions = args.substitutions === undefined ? undefined : await readSubstitutions(args.substitutions);
    if (typeof substitutions === "string") throw new UsageError(substitutions);
    const result = await compare(found.kind === "asl" ? read.text : machine.definition, {
      runs,
      stateMachineName: args.name ?? (found.kind === "asl" ? nameOf(args.file) : (machine.name ?? machine.id)),
      cost,
      ...(substitutions !== undefined ? { substitutions } : {}),
    });
    if (args.report !== undefined) await writeReport(args.report, result);
    const { machineIR: _ir, code: _code, ...structured } = result;
    io.out(args.format === "json" ? JSON.stringify(structured, null, 2) : formatText(structured));
    return result.exitCode;
  } catch (e) {
    if (e instanceof CompareBuildError || e instanceof ModuleLoadError) {
      io.err(`error: ${e.message}`);
      return 1;
    }
    if (e instanceof UsageError || e instanceof HistoryError || e instanceof PriceTableError) {
      io.err(`error: ${e.message}`);
      return EXIT.usage;
    }
    throw e;
  } finally {
    await teardownSkipTime();
  }
}

/** The runs: one per recorded execution (--history), else one on --input (default {}) with --mocks. */
async function buildRuns(args: CompareCommandArgs): Promise<CompareRun[]> {
  if (args.history !== undefined) {
    if (args.input !== undefined || args.mocks !== undefined) throw new UsageError("--history brings its own input and Task results: leave out --input and --mocks");
    const text = await readText(args.history, "--history");
    return parseHistoriesText(text, args.history).map((execution) => ({
      name: execution.name,
      input: execution.input,
      tasks: () => replayMocks(execution),
      recorded: execution.outcome,
    }));
  }
  const input = args.input === undefined ? {} : await readJson(args.input, "--input");
  const tasks = args.mocks === undefined ? () => ({}) : await loadMocks(args.mocks);
  return [{ name: "input", input, tasks }];
}

/**
 * `--mocks`: a JSON file of outcomes per Task (src/mocks: `{"return": …}`, `{"throw": {name, message}}`,
 * `{"echo": true}`, or a list used in call order), or a JavaScript module exporting `tasks`: a function returning the
 * overrides (called once per side, so state starts over) or the overrides object itself.
 */
async function loadMocks(file: string): Promise<() => Record<string, TaskOverride>> {
  if (/\.(m?js|cjs)$/.test(file)) {
    let module: { tasks?: unknown; default?: unknown };
    try {
      module = (await import(pathToFileURL(resolve(file)).href)) as { tasks?: unknown; default?: unknown };
    } catch (e) {
      throw new UsageError(`--mocks ${file}: ${(e as Error).message}`);
    }
    const tasks = module.tasks ?? module.default;
    if (typeof tasks === "function") return () => (tasks as () => Record<string, TaskOverride>)();
    if (tasks !== null && typeof tasks === "object") return () => tasks as Record<string, TaskOverride>;
    throw new UsageError(`--mocks ${file}: export \`tasks\`, a function returning { stateName: (input) => result } or that object`);
  }
  const spec = await readJson(file, "--mocks");
  const problems = checkMockSpec(spec);
  if (problems.length > 0) throw new UsageError(`--mocks ${file}: ${problems.join("; ")}`);
  return () => mocksToTasks(spec as MockSpec);
}

async function readText(file: string, option: string): Promise<string> {
  try {
    return await readFile(file, "utf8");
  } catch (e) {
    throw new UsageError(`${option} ${file}: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message}`);
  }
}

async function readJson(file: string, option: string): Promise<Json> {
  const text = await readText(file, option);
  try {
    return JSON.parse(text) as Json;
  } catch (e) {
    throw new UsageError(`${option} ${file}: not JSON (${(e as Error).message})`);
  }
}

function nameOf(file: string): string {
  if (file === "-") return "StateMachine";
  return (file.split(/[\\/]/).pop() ?? file).replace(/\.(asl\.)?(json|ya?ml)$/i, "") || "StateMachine";
}

async function writeReport(file: string, result: Awaited<ReturnType<typeof compare>>): Promise<void> {
  const context = { machine: result.machineIR, code: result.code, title: result.machine.name };
  const { machineIR: _ir, code: _code, ...structured } = result;
  const { renderHtml } = await import("../report/html.js");
  const { renderMarkdown } = await import("../report/markdown.js");
  if (/\.html?$/i.test(file)) await writeFileAtomic(file, renderHtml(structured, context));
  else if (/\.(md|markdown)$/i.test(file)) await writeFileAtomic(file, renderMarkdown(structured, context));
  else throw new UsageError(`--report ${file}: name an .html or .md file`);
}

/** The text verdict: per run, the outcome on each side, the differences, the path beside the operations, the cost. */
export function formatText(result: CompareResult): string {
  const lines: string[] = [`${result.machine.name}: ${result.machine.states} states, ${result.runs.length} run(s)`];
  for (const run of result.runs) lines.push("", ...formatRun(run));
  const differing = result.runs.filter((r) => r.verdict === "different").length;
  lines.push("", differing === 0 ? "verdict: the handler matches the state machine on every run" : `verdict: ${differing} of ${result.runs.length} run(s) differ`);
  return lines.join("\n");
}

function formatRun(run: RunComparison): string[] {
  const show = (o: RunComparison["handler"]["outcome"]): string => (o.status === "SUCCEEDED" ? `SUCCEEDED ${truncate(JSON.stringify(o.output))}` : `FAILED ${o.error}: ${truncate(o.cause)}`);
  const lines = [`run ${run.name}: ${run.verdict === "same" ? "same" : "DIFFERENT"}`, `  state machine  ${show(run.interpreter.outcome)}`, `  handler        ${show(run.handler.outcome)}`];
  if (run.recorded !== undefined) lines.push(`  recorded       ${show(run.recorded)}`);
  for (const d of run.differences) lines.push(`  ≠ ${d.path}: ${truncate(JSON.stringify(d.interpreter) ?? "(absent)")} vs ${truncate(JSON.stringify(d.handler) ?? "(absent)")}`);
  const width = Math.max(12, ...run.interpreter.path.map((s) => s.length)) + 2;
  lines.push(`  ${"states entered".padEnd(width)}durable operations`);
  const operations = run.handler.operations.map((o) => `${o.type} ${o.name}`);
  for (let i = 0; i < Math.max(run.interpreter.path.length, operations.length); i++) {
    lines.push(`  ${(run.interpreter.path[i] ?? "").padEnd(width)}${operations[i] ?? ""}`.trimEnd());
  }
  const m = run.metrics;
  lines.push(
    `  ${m.stateTransitions} state transitions | ${m.durableOperations} durable operations, ${m.checkpointedBytes} bytes checkpointed, ${m.invocations} invocations (${m.replays} replays), ${m.elapsedSeconds} s of waits`,
    ...formatCostTable(run.cost)
      .split("\n")
      .map((l) => `  ${l}`),
  );
  return lines;
}

function truncate(text: string, max = 160): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
