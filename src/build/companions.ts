/**
 * `build`'s default companion generator: the files the configuration's `companions` key asks for, written beside each
 * handler and named after it (`<handler>.test.ts`, `<handler>.construct.ts` or `<handler>.sam.yaml`,
 * `<handler>.migration.md`) — the same files `migrate` writes.
 */
import { posix } from "node:path";
import { companionsFor } from "../companions/files.js";
import type { CompanionGenerator } from "./build.js";

export const generateCompanions: CompanionGenerator = async ({ handler, input, name, result, request }) => {
  if (result.ir === undefined) return [];
  const folder = posix.dirname(handler);
  const stem = posix.basename(handler).replace(/\.[cm]?ts$/, "");
  const files = await companionsFor(result.ir, {
    stem,
    machineName: name,
    sourceFile: input,
    diagnostics: result.diagnostics,
    select: { test: request.tests ? request.testFramework : false, deployment: request.deployment, report: request.report },
  });
  return files.map((file) => ({ path: posix.join(folder, file.path), text: file.text }));
};
