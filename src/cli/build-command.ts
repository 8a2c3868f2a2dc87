import { resolve } from "node:path";
import type { Argv } from "yargs";
import { build, type BuildOutput, type BuildProblem, type BuildResult, type CompanionGenerator } from "../build/build.js";
import { loadConfigFile, resolveConfig, type ConfigFailure, type ConfigLoad } from "../build/load-config.js";
import type { LoadMachines } from "../build/machines.js";
import { displayPath } from "../build/paths.js";
import { watchBuild, type WatchEvent } from "../build/watch.js";
import { formatDiagnostic } from "../diagnostics/format.js";
import type { Diagnostic } from "../diagnostics/types.js";
import type { Output } from "./output.js";
import { EXIT } from "./validate-command.js";

export interface BuildCommandArgs {
  /** The configuration file (default: searched from the current folder up to the project root). */
  config?: string;
  check: boolean;
  watch: boolean;
  force: boolean;
  format: "text" | "json";
  warnings: boolean;
  color?: boolean;
}

/** What the command runs against; the CLI passes nothing, tests and embedders pass their own. */
export interface BuildEnvironment {
  /** The folder the command runs in (default `process.cwd()`). */
  cwd?: string;
  /** Stops `--watch` (default: SIGINT or SIGTERM). */
  signal?: AbortSignal;
  /** Turns an input into state machines (default: a definition, or every machine of a template; see build()). */
  loadMachines?: LoadMachines;
  /** Generates companion files when the configuration asks for them (default: build()'s). */
  companions?: CompanionGenerator;
  /** `--watch` quiet time before rebuilding, in milliseconds. */
  debounceMs?: number;
}

/** The `build` command's options, for `yargs().command("build", …, buildCommand, …)`. */
export function buildCommand<T>(y: Argv<T>) {
  return y
    .option("config", { alias: "c", type: "string", describe: "Configuration file (default: asl2durable.config.{json,ts,mts,mjs,js} or the \"asl2durable\" key of package.json, searched from here up to the project root)" })
    .option("check", { type: "boolean", describe: "Write nothing; list stale or missing files and exit 1 if there are any (for CI)" })
    .option("watch", { alias: "w", type: "boolean", describe: "Build, then rebuild whenever an input or the configuration changes" })
    .option("force", { type: "boolean", default: false, describe: "Overwrite generated files that were edited by hand" })
    .option("format", { choices: ["text", "json"] as const, default: "text" as const, describe: "Output format (json is for tools; one JSON object per build)" })
    .option("warnings", { type: "boolean", default: true, describe: "Show warnings of regenerated machines (--no-warnings for errors only)" })
    .option("color", { type: "boolean", describe: "Force colours on or off (default: on for a terminal)" })
    // No defaults for --check and --watch: yargs counts a default as "given" when checking conflicts.
    .conflicts("check", "watch")
    .example("$0 build", "Generate every handler the configuration lists")
    .example("$0 build --check", "In CI: fail when a generated file is stale or missing")
    .example("$0 build --watch", "Regenerate on every change");
}

/** The parsed `build` arguments as `runBuild` takes them. */
export function buildArgs(args: { config?: string | undefined; check?: boolean | undefined; watch?: boolean | undefined; force: boolean; format: "text" | "json"; warnings: boolean; color?: boolean | undefined }): BuildCommandArgs {
  return {
    check: args.check ?? false,
    watch: args.watch ?? false,
    force: args.force,
    format: args.format,
    warnings: args.warnings,
    ...(args.config !== undefined ? { config: args.config } : {}),
    ...(args.color !== undefined ? { color: args.color } : {}),
  };
}

/**
 * `asl2durable build [--config file] [--check] [--watch] [--force]`: generate every handler the build configuration
 * lists. Exit status: 0 all written or up to date; 1 an invalid definition, or (with --check) a stale or missing
 * file; 2 a usage, configuration or I/O error, or a file edited by hand that --force did not allow to replace.
 * With --watch, 0 once stopped.
 */
export async function runBuild(args: BuildCommandArgs, io: Output, env: BuildEnvironment = {}): Promise<number> {
  const cwd = resolve(env.cwd ?? process.cwd());
  const reporter = new Reporter(args, io, cwd);
  if (args.check && args.watch) {
    io.err("error: --check and --watch cannot be combined");
    return EXIT.usage;
  }
  const loaded = await resolveConfig(cwd, args.config);
  // A configuration that exists but is invalid is watched until it is fixed.
  const watchable = loaded.ok || loaded.missing !== true ? loaded.file : undefined;
  if (args.watch && watchable !== undefined) return watch(args, reporter, env, watchable);
  if (!loaded.ok) {
    reporter.configFailure(loaded);
    return EXIT.usage;
  }
  const result = await build(loaded.config, {
    cwd: loaded.root,
    check: args.check,
    force: args.force,
    ...(env.loadMachines ? { loadMachines: env.loadMachines } : {}),
    ...(env.companions ? { companions: env.companions } : {}),
  });
  reporter.result(result, loaded);
  return buildExitStatus(result);
}

/** 2 for configuration, I/O and hand-edited-file problems; 1 for invalid definitions and stale or missing files. */
export function buildExitStatus(result: BuildResult): number {
  const usage = result.problems.some((p) => p.kind !== "definition") || result.outputs.some((o) => o.status === "error" && o.errorKind !== "definition");
  if (usage) return EXIT.usage;
  return result.ok ? EXIT.ok : EXIT.invalid;
}

async function watch(args: BuildCommandArgs, reporter: Reporter, env: BuildEnvironment, file: string): Promise<number> {
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  const signals = env.signal === undefined ? (["SIGINT", "SIGTERM"] as const) : [];
  for (const s of signals) process.once(s, stop);
  env.signal?.addEventListener("abort", stop, { once: true });
  if (env.signal?.aborted === true) stop();
  reporter.note(`watching ${reporter.shown(file)} and its inputs (Ctrl-C to stop)`);
  try {
    await watchBuild({
      load: () => loadConfigFile(file),
      signal: controller.signal,
      force: args.force,
      onBuild: (event) => reporter.watchEvent(event),
      ...(env.debounceMs !== undefined ? { debounceMs: env.debounceMs } : {}),
      ...(env.loadMachines ? { loadMachines: env.loadMachines } : {}),
      ...(env.companions ? { companions: env.companions } : {}),
    });
  } finally {
    for (const s of signals) process.off(s, stop);
  }
  return EXIT.ok;
}

/** Everything the command prints. Paths are shown relative to the folder the command runs in. */
class Reporter {
  private readonly color: boolean;

  constructor(
    private readonly args: BuildCommandArgs,
    private readonly io: Output,
    private readonly cwd: string,
  ) {
    this.color = args.color ?? io.isTTY;
  }

  shown(file: string, root = this.cwd): string {
    return displayPath(this.cwd, resolve(root, file));
  }

  note(text: string): void {
    if (this.args.format === "text") this.io.err(text);
  }

  configFailure(failure: ConfigFailure): void {
    const where = failure.file !== undefined ? this.shown(failure.file) : undefined;
    if (this.args.format === "json") {
      const problems = failure.message !== undefined ? [{ kind: "config", keyPath: "", message: failure.message }] : failure.errors.map((e) => ({ kind: "config", ...e }));
      this.io.out(JSON.stringify({ ok: false, config: where ?? null, outputs: [], problems }));
      return;
    }
    const prefix = where !== undefined ? `${where}: ` : "";
    if (failure.message !== undefined) this.io.err(`error: ${prefix}${failure.message}`);
    for (const e of failure.errors) this.io.err(`error: ${prefix}${e.keyPath === "" ? "" : `${e.keyPath}: `}${e.message}`);
  }

  result(result: BuildResult, config: ConfigLoad & { ok: true }): void {
    const root = config.root;
    if (this.args.format === "json") {
      this.io.out(JSON.stringify(this.json(result, config)));
      return;
    }
    for (const problem of result.problems) this.problem(problem, config);
    for (const output of result.outputs) this.output(output, root);
    this.summary(result, root);
  }

  watchEvent(event: WatchEvent): void {
    if (!event.config.ok) {
      this.configFailure(event.config);
      return;
    }
    if (event.error !== undefined) {
      this.io.err(`error: the build failed unexpectedly: ${event.error}`);
      return;
    }
    const result = event.result;
    if (result === undefined) return;
    if (this.args.format === "json") {
      this.io.out(JSON.stringify({ ...this.json(result, event.config), changed: event.changed.map((f) => this.shown(f)) }));
      return;
    }
    if (event.changed.length > 0) this.io.err(`changed: ${event.changed.map((f) => this.shown(f)).join(", ")}`);
    for (const problem of result.problems) this.problem(problem, event.config);
    for (const output of result.outputs) this.output(output, event.config.root);
    const written = result.outputs.filter((o) => o.status === "written").length;
    const failed = result.outputs.filter((o) => o.status === "error").length + result.problems.length;
    this.io.err(`${written === 0 ? "nothing regenerated" : `regenerated ${written} file${written === 1 ? "" : "s"}`}${failed > 0 ? `, ${failed} error${failed === 1 ? "" : "s"}` : ""}; watching`);
  }

  private json(result: BuildResult, config: ConfigLoad & { ok: true }): Record<string, unknown> {
    return {
      ok: result.ok,
      config: this.shown(config.file),
      outputs: result.outputs.map(({ sourceText: _text, ...o }) => ({
        ...o,
        out: this.shown(o.out, config.root),
        input: this.shown(o.input, config.root),
        diagnostics: o.diagnostics.map((d) => this.relocate(d, config.root)),
      })),
      problems: result.problems.map((p) => ({ ...p, diagnostics: p.diagnostics.map((d) => this.relocate(d, config.root)) })),
    };
  }

  private problem(problem: BuildProblem, config: ConfigLoad & { ok: true }): void {
    for (const d of problem.diagnostics) this.io.err(formatDiagnostic(this.relocate(d, config.root), { color: this.color }));
    const at = problem.keyPath === "" ? "" : `${problem.keyPath}: `;
    this.io.err(`error: ${this.shown(config.file)}: ${at}${problem.message}`);
  }

  private output(output: BuildOutput, root: string): void {
    const out = this.shown(output.out, root);
    const input = this.shown(output.input, root);
    const showWarnings = this.args.warnings && output.status === "written";
    for (const d of output.diagnostics) {
      if (d.severity === "error" || showWarnings) {
        const text = output.sourceText !== undefined ? { text: output.sourceText } : {};
        this.io.err(formatDiagnostic(this.relocate(d, root), { color: this.color, ...text }) + "\n");
      }
    }
    switch (output.status) {
      case "written":
        this.io.err(`${input} → ${out}`);
        break;
      case "stale":
        this.io.out(`stale: ${out} (from ${input}${output.message !== undefined ? `; ${output.message}` : ""})`);
        break;
      case "missing":
        this.io.out(`missing: ${out} (from ${input})`);
        break;
      case "error":
        if (output.errorKind === "definition") {
          const errors = output.diagnostics.filter((d) => d.severity === "error").length;
          this.io.err(`${input}: no code generated for ${out} (${errors} error${errors === 1 ? "" : "s"})`);
        } else {
          this.io.err(`error: ${out}: ${output.message ?? "cannot be written"}`);
        }
        break;
      case "unchanged":
        break;
    }
  }

  private summary(result: BuildResult, root: string): void {
    const count = (status: BuildOutput["status"]): number => result.outputs.filter((o) => o.status === status).length;
    const total = result.outputs.length;
    if (this.args.check) {
      const outdated = count("stale") + count("missing");
      if (outdated > 0) this.io.err(`${outdated} of ${total} generated file${total === 1 ? " is" : "s are"} stale or missing: run asl2durable build`);
      else if (result.ok) this.io.out(`all ${total} generated file${total === 1 ? " is" : "s are"} up to date`);
    } else {
      const parts = [`${count("written")} written`, `${count("unchanged")} unchanged`];
      if (count("error") > 0) parts.push(`${count("error")} failed`);
      this.io.err(`build (${this.shown(".", root)}): ${parts.join(", ")}`);
    }
  }

  /** A diagnostic whose file is shown relative to the current folder rather than the project root. */
  private relocate(d: Diagnostic, root: string): Diagnostic {
    const file = d.location.file;
    if (file === undefined || file.startsWith("<")) return d;
    return { ...d, location: { ...d.location, file: this.shown(file, root) } };
  }
}
