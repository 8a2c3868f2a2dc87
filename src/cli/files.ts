import { stat } from "node:fs/promises";
import { glob, isDynamicPattern } from "tinyglobby";

const DEFINITION_GLOB = "**/*.{json,yaml,yml}";

export interface ExpandedFiles {
  files: string[];
  /** Arguments that named nothing: a missing path, or a glob without matches. */
  missing: string[];
}

/**
 * Turn command-line arguments into definition files: `-` (stdin), plain files, directories (every
 * .json/.yaml/.yml below them) and glob patterns. Order is stable: arguments in order, matches sorted.
 */
export async function expandFiles(args: readonly string[]): Promise<ExpandedFiles> {
  const files: string[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  const add = (f: string): void => {
    if (!seen.has(f)) {
      seen.add(f);
      files.push(f);
    }
  };
  for (const arg of args) {
    if (arg === "-") {
      add(arg);
      continue;
    }
    const info = await stat(arg).catch(() => undefined);
    if (info?.isFile()) {
      add(arg);
    } else if (info?.isDirectory()) {
      const found = await glob(DEFINITION_GLOB, { cwd: arg, ignore: ["**/node_modules/**"] });
      found.sort().forEach((f) => add(`${arg.replace(/\/+$/, "")}/${f}`));
    } else if (isDynamicPattern(arg)) {
      const found = await glob(arg, { ignore: ["**/node_modules/**"] });
      if (found.length === 0) missing.push(arg);
      found.sort().forEach(add);
    } else {
      missing.push(arg);
    }
  }
  return { files, missing };
}
