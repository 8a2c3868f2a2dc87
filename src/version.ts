import { readFileSync } from "node:fs";

/** asl2durable's package.json, read once (one level up from both src/ and dist/). */
const PACKAGE = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string; dependencies?: Record<string, string> };

/** The package version. */
export const VERSION: string = PACKAGE.version;

/** The exact versions asl2durable depends on, by package name. */
export const DEPENDENCIES: Readonly<Record<string, string>> = PACKAGE.dependencies ?? {};
