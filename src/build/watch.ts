/**
 * `build --watch`: build once, then rebuild whenever an input, a definition file, a substitutions file or the
 * configuration changes (and when a file appears in a folder an input glob reads). Folders are watched rather than
 * files, so editors that save by writing a new file and renaming it over the old one are seen too. Events are
 * debounced; a build that fails (an invalid definition, an invalid configuration) keeps the watch going.
 * Folders are watched one level deep: a new file in a subfolder of a `**` glob is picked up by the next rebuild.
 */
import { existsSync, watch as watchFs, type FSWatcher } from "node:fs";
import { basename, dirname, join } from "node:path";
import { build, type BuildOptions, type BuildResult } from "./build.js";
import type { ConfigLoad } from "./load-config.js";
import { fromRoot } from "./paths.js";

export interface WatchEvent {
  /** The files whose change started this build (absolute), empty for the first build. */
  changed: string[];
  /** The configuration as loaded for this build; on failure no build ran. */
  config: ConfigLoad;
  /** The build's result, when the configuration loaded. */
  result?: BuildResult;
  /** The build threw (a bug in asl2durable or in a plugged-in loader or generator): what it threw. */
  error?: string;
}

export interface WatchOptions extends Omit<BuildOptions, "cwd" | "check"> {
  /** Loads the configuration; called before every build, so edits to it take effect. */
  load: () => Promise<ConfigLoad>;
  /** Stops the watch; `watchBuild` resolves once it is stopped and the build in progress (if any) has finished. */
  signal: AbortSignal;
  /** Quiet time after the last change before rebuilding, in milliseconds (default 100). */
  debounceMs?: number;
  /** Called after every build (and every failed configuration load). */
  onBuild: (event: WatchEvent) => void;
}

export async function watchBuild(options: WatchOptions): Promise<void> {
  const { signal } = options;
  if (signal.aborted) return;
  const watchers = new Map<string, FSWatcher>();
  /** Files whose change means a rebuild. */
  let relevant = new Set<string>();
  /** Folders where any new file may be an input (glob folders). */
  let openDirs = new Set<string>();
  /** Files the build writes: their events are our own. */
  let written = new Set<string>();
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  /** What `onBuild` threw: it ends the watch, and `watchBuild` rejects with it. */
  let failure: { error: unknown } | undefined;
  let stop: () => void = () => undefined;

  const runOnce = async (changed: string[]): Promise<void> => {
    let config: ConfigLoad;
    try {
      config = await options.load();
    } catch (e) {
      config = { ok: false, message: `cannot load the configuration: ${(e as Error).message}`, errors: [] };
    }
    let result: BuildResult | undefined;
    let error: string | undefined;
    if (config.ok) {
      try {
        result = await build(config.config, {
          cwd: config.root,
          ...(options.force !== undefined ? { force: options.force } : {}),
          ...(options.loadMachines ? { loadMachines: options.loadMachines } : {}),
          ...(options.companions ? { companions: options.companions } : {}),
          ...(options.fs ? { fs: options.fs } : {}),
        });
      } catch (e) {
        error = e instanceof Error ? (e.stack ?? e.message) : String(e);
      }
    }
    if (signal.aborted) return;
    options.onBuild({ changed, config, ...(result ? { result } : {}), ...(error !== undefined ? { error } : {}) });
    if (result !== undefined && config.ok) {
      relevant = new Set([config.file, ...result.sources]);
      openDirs = new Set(result.globDirs);
      written = new Set(result.outputs.map((o) => fromRoot(config.root, o.out)));
    } else if (config.file !== undefined) {
      // No build ran: keep watching what the last one read, and the configuration.
      relevant.add(config.file);
    }
    syncWatchers();
  };

  const syncWatchers = (): void => {
    const dirs = new Set<string>([...[...relevant].map((f) => dirname(f)), ...openDirs]);
    for (const [dir, watcher] of watchers) {
      if (!dirs.has(dir)) {
        watcher.close();
        watchers.delete(dir);
      }
    }
    for (const dir of dirs) {
      if (watchers.has(dir)) continue;
      try {
        const watcher = watchFs(dir, { persistent: true }, (_event, name) => onEvent(dir, name));
        watcher.on("error", () => {
          watcher.close();
          watchers.delete(dir);
        });
        watchers.set(dir, watcher);
      } catch {
        // The folder does not exist (yet): the next build, after a change elsewhere, tries again.
      }
    }
  };

  const onEvent = (dir: string, name: string | Buffer | null): void => {
    if (signal.aborted || failure !== undefined) return;
    const file = name === null ? dir : join(dir, name.toString());
    if (written.has(file) || isTemporary(basename(file))) return;
    if (name !== null && !relevant.has(file) && !openDirs.has(dir)) return;
    pending.add(file);
    clearTimeout(timer);
    timer = setTimeout(flush, options.debounceMs ?? 100);
  };

  const flush = (): void => {
    if (running !== undefined || pending.size === 0 || signal.aborted) return;
    // In a glob's folder any file counts, but an editor's short-lived temporary file is gone by now: not a change.
    const changed = [...pending].filter((f) => relevant.has(f) || existsSync(f)).sort();
    pending.clear();
    if (changed.length === 0) return;
    running = runOnce(changed)
      .catch((error: unknown) => {
        failure = { error };
        stop();
      })
      .finally(() => {
        running = undefined;
        if (pending.size > 0 && failure === undefined) timer = setTimeout(flush, options.debounceMs ?? 100);
      });
  };

  const stopped = new Promise<void>((resolve) => {
    stop = resolve;
    signal.addEventListener("abort", () => resolve(), { once: true });
  });
  try {
    await runOnce([]);
    if (!signal.aborted) await stopped;
  } finally {
    clearTimeout(timer);
    for (const watcher of watchers.values()) watcher.close();
    watchers.clear();
    await running;
  }
  if (failure !== undefined) throw failure.error;
}

/** The temporary sibling `writeFileAtomic` writes before renaming it over the output. */
function isTemporary(name: string): boolean {
  return /^\..+\.\d+\.tmp$/.test(name);
}
