/**
 * Finding and reading the build configuration. The candidates, in each folder from the current one upwards (stopping
 * at the first folder that has a package.json, the project root):
 *
 *   asl2durable.config.json   JSON
 *   asl2durable.config.ts     a default export, loaded with tsx's `tsImport` (tsx must be installed: it is resolved
 *   asl2durable.config.mts    from asl2durable's installation, then from the project's)
 *   asl2durable.config.mjs    a default export, imported by Node
 *   asl2durable.config.js     a default export (ESM, or CommonJS `module.exports`)
 *   package.json              its "asl2durable" key
 *
 * A folder with more than one of them is an error (which one would win is not obvious). Paths inside the
 * configuration are relative to the folder of the file that holds it.
 */
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { basename, dirname, extname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { BuildConfig } from "./config.js";
import { nodeFs, type BuildFs } from "./fs.js";
import { validateConfig, type ConfigError } from "./validate-config.js";

export const CONFIG_FILES = ["asl2durable.config.json", "asl2durable.config.ts", "asl2durable.config.mts", "asl2durable.config.mjs", "asl2durable.config.js"] as const;

/** The key of package.json that can hold the configuration. */
export const PACKAGE_KEY = "asl2durable";

export interface LoadedConfig {
  ok: true;
  config: BuildConfig;
  /** The file it came from, absolute. */
  file: string;
  /** The project root (the file's folder), absolute: configuration paths are relative to it. */
  root: string;
}

export interface ConfigFailure {
  ok: false;
  /** The configuration file, when one was found. */
  file?: string;
  /** What is wrong with the file as a whole (not found, unreadable, not JSON, no default export…). */
  message?: string;
  /** Schema errors, by key path. */
  errors: ConfigError[];
  /** The file does not exist (a `--config` path, or one deleted while watching). */
  missing?: boolean;
}

export type ConfigLoad = LoadedConfig | ConfigFailure;

/** Find the configuration from `cwd` upwards (or take `explicit`, relative to `cwd`) and load it. */
export async function resolveConfig(cwd: string, explicit?: string, fs: BuildFs = nodeFs): Promise<ConfigLoad> {
  if (explicit !== undefined) return loadConfigFile(resolve(cwd, explicit), fs);
  const found = await findConfigFile(cwd, fs);
  return "file" in found ? loadConfigFile(found.file, fs) : { ok: false, message: found.error, errors: [] };
}

/** The configuration file for `cwd`: see the module comment for the search. */
export async function findConfigFile(cwd: string, fs: BuildFs = nodeFs): Promise<{ file: string } | { error: string }> {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const present: string[] = [];
    for (const name of CONFIG_FILES) {
      if ((await readOrUndefined(fs, join(dir, name))) !== undefined) present.push(join(dir, name));
    }
    const pkgText = await readOrUndefined(fs, join(dir, "package.json"));
    if (pkgText !== undefined && hasPackageKey(pkgText)) present.push(join(dir, "package.json"));
    if (present.length > 1) {
      return { error: `${dir} has several build configurations (${present.map((f) => basename(f)).join(", ")}); keep one` };
    }
    if (present[0] !== undefined) return { file: present[0] };
    if (pkgText !== undefined || dirname(dir) === dir) break;
  }
  return {
    error: `no build configuration found from ${resolve(cwd)} up to the project root: create asl2durable.config.json (or .ts, .mjs), or add an "${PACKAGE_KEY}" key to package.json`,
  };
}

/** Read and validate one configuration file (its format from its name). */
export async function loadConfigFile(file: string, fs: BuildFs = nodeFs): Promise<ConfigLoad> {
  const fail = (message: string): ConfigFailure => ({ ok: false, file, message, errors: [] });
  let text: string | undefined;
  try {
    text = await fs.readFile(file);
  } catch (e) {
    return fail(`cannot read it: ${(e as Error).message}`);
  }
  if (text === undefined) return { ...fail("no such file"), missing: true };
  const isPackage = basename(file) === "package.json";
  let value: unknown;
  const extension = extname(file).toLowerCase();
  if (extension === ".json") {
    try {
      value = JSON.parse(text.replace(/^\uFEFF/, ""));
    } catch (e) {
      return fail(`not valid JSON: ${(e as Error).message}`);
    }
    if (isPackage) {
      if (value === null || typeof value !== "object" || !Object.hasOwn(value, PACKAGE_KEY)) return fail(`no "${PACKAGE_KEY}" key`);
      value = (value as Record<string, unknown>)[PACKAGE_KEY];
    }
  } else if ([".ts", ".mts", ".mjs", ".js"].includes(extension)) {
    const imported = await importDefault(file, text, extension);
    if ("error" in imported) return fail(imported.error);
    value = imported.value;
  } else {
    return fail("unsupported configuration file type (use .json, .ts, .mts, .mjs, .js, or package.json)");
  }
  const checked = validateConfig(value, isPackage ? PACKAGE_KEY : "");
  if (!checked.ok) return { ok: false, file, errors: checked.errors };
  return { ok: true, config: checked.config, file, root: dirname(file) };
}

function hasPackageKey(text: string): boolean {
  try {
    const pkg: unknown = JSON.parse(text.replace(/^\uFEFF/, ""));
    return pkg !== null && typeof pkg === "object" && Object.hasOwn(pkg, PACKAGE_KEY);
  } catch {
    return false;
  }
}

async function readOrUndefined(fs: BuildFs, file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file);
  } catch {
    return undefined;
  }
}

/**
 * The default export of a JavaScript or TypeScript configuration module. The URL carries a hash of the text so that a
 * watcher re-reading an edited configuration gets the new module, not Node's cached one.
 */
async function importDefault(file: string, text: string, extension: string): Promise<{ value: unknown } | { error: string }> {
  const url = `${pathToFileURL(file).href}?v=${createHash("sha256").update(text).digest("hex").slice(0, 16)}`;
  let module: unknown;
  try {
    if (extension === ".ts" || extension === ".mts") {
      const tsImport = await findTsImport(file);
      if (tsImport === undefined) {
        return { error: "loading a TypeScript configuration needs tsx (npm install --save-dev tsx); or use asl2durable.config.mjs or .json" };
      }
      module = await tsImport(url, import.meta.url);
    } else {
      module = await import(url);
    }
  } catch (e) {
    return { error: `cannot load it: ${(e as Error).message}` };
  }
  let value = (module as { default?: unknown } | null)?.default;
  // A TypeScript file outside an ESM package is compiled to CommonJS: its `export default` arrives one level down.
  if (value !== null && typeof value === "object" && (value as { __esModule?: unknown }).__esModule === true) value = (value as { default?: unknown }).default;
  if (value === undefined) return { error: "it has no default export (export default { machines: [ … ] })" };
  return { value };
}

type TsImport = (specifier: string, parentURL: string) => Promise<unknown>;

/** tsx's `tsImport`, from asl2durable's own dependencies or else from the project's; undefined when tsx is not installed. */
async function findTsImport(configFile: string): Promise<TsImport | undefined> {
  // A variable specifier: tsx is optional, so neither TypeScript nor a bundler should require it.
  const specifier = "tsx/esm/api";
  const candidates: Array<() => string> = [() => specifier, () => pathToFileURL(createRequire(configFile).resolve(specifier)).href];
  for (const candidate of candidates) {
    try {
      const api = (await import(candidate())) as { tsImport?: unknown };
      if (typeof api.tsImport === "function") return api.tsImport as TsImport;
    } catch {
      // not installed there
    }
  }
  return undefined;
}
