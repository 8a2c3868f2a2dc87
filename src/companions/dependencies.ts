import { DEPENDENCIES, VERSION } from "../version.js";

/**
 * The npm packages a migrated project needs, read from the import specifiers of the files `migrate` wrote: what the
 * handlers import is a dependency of the function; what the tests and deployment import (and the runners of the
 * tests) are development dependencies. asl2durable and the durable SDK packages are pinned to the versions this
 * asl2durable was built and tested with (its runtime calls into them); other packages are left to the project.
 */
export interface ProjectDependencies {
  /** `name` or `name@version`, sorted. */
  dependencies: string[];
  devDependencies: string[];
}

export type WrittenFileRole = "handler" | "test" | "deployment" | "other";

/** Packages whose version must match the one asl2durable was built against. */
const PINNED = ["@aws/durable-execution-sdk-js", "@aws/durable-execution-sdk-js-testing"];

/** What runs a generated test besides what it imports, per framework. */
const RUNNERS: Record<string, string[]> = { node: ["tsx"], vitest: ["vitest"], jest: ["jest", "ts-jest", "@jest/globals"] };

export function projectDependencies(files: ReadonlyArray<{ role: WrittenFileRole; text: string }>, framework?: "node" | "vitest" | "jest"): ProjectDependencies {
  const runtime = new Set<string>();
  const development = new Set<string>();
  for (const file of files) {
    const into = file.role === "handler" ? runtime : development;
    for (const name of importedPackages(file.text)) into.add(name);
  }
  if (framework !== undefined && files.some((f) => f.role === "test")) for (const name of RUNNERS[framework] ?? []) development.add(name);
  // SAM's esbuild build method and CDK's NodejsFunction bundle the handler with the project's esbuild.
  if (files.some((f) => f.role === "deployment")) development.add("esbuild");
  for (const name of runtime) development.delete(name);
  return { dependencies: [...runtime].sort().map(pinned), devDependencies: [...development].sort().map(pinned) };
}

/** The package names a module imports (static `import … from "x"`, `export … from "x"`): no relative or `node:` ones. */
export function importedPackages(text: string): string[] {
  const names = new Set<string>();
  for (const m of text.matchAll(/^\s*(?:import|export)\b[^;'"]*?\bfrom\s+["']([^"']+)["']|^\s*import\s+["']([^"']+)["']/gm)) {
    const specifier = (m[1] ?? m[2]) as string;
    if (specifier.startsWith(".") || specifier.startsWith("/") || specifier.startsWith("node:")) continue;
    const parts = specifier.split("/");
    names.add(specifier.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] as string));
  }
  return [...names];
}

function pinned(name: string): string {
  if (name === "asl2durable") return `asl2durable@${VERSION}`;
  const version = PINNED.includes(name) ? DEPENDENCIES[name] : undefined;
  return version === undefined ? name : `${name}@${version}`;
}
