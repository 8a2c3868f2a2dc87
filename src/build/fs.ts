/**
 * The build's file I/O, behind a small facade so the build logic stays testable (and usable by bundler plugins with
 * their own file systems). Paths are absolute.
 */
import { mkdir, readFile } from "node:fs/promises";
import { dirname } from "node:path";
import { glob } from "tinyglobby";
import { writeFileAtomic } from "../cli/write-atomic.js";

export interface BuildFs {
  /** The file's text (UTF-8), or undefined when it does not exist. Other failures throw. */
  readFile(path: string): Promise<string | undefined>;
  /** Write the file so that readers never see half of it, creating missing parent folders. */
  writeFile(path: string, text: string): Promise<void>;
  /** Files (relative to `cwd`, `/`-separated) matching a glob pattern, `node_modules` excluded, sorted. */
  glob(pattern: string, cwd: string): Promise<string[]>;
}

export const nodeFs: BuildFs = {
  async readFile(path) {
    try {
      return await readFile(path, "utf8");
    } catch (e) {
      if ((e as { code?: unknown }).code === "ENOENT") return undefined;
      throw e;
    }
  },
  async writeFile(path, text) {
    await mkdir(dirname(path), { recursive: true });
    await writeFileAtomic(path, text);
  },
  async glob(pattern, cwd) {
    const found = await glob(pattern, { cwd, ignore: ["**/node_modules/**"], onlyFiles: true });
    return found.sort();
  },
};
