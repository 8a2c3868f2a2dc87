/**
 * `build`'s default companion generator: the files the configuration's `companions` key asks for, written beside each
 * handler and named after it (`<handler>.test.ts`, `<handler>.construct.ts` or `<handler>.sam.yaml`,
 * `<handler>.migration.md`, and `jest.config.mjs` once per folder of jest tests) — the same files `migrate` writes.
 */
import { posix } from "node:path";
import { companionsFor, folderCompanions, type CompanionSelection } from "../companions/files.js";
import type { CompanionGenerator } from "./build.js";

export const generateCompanions: CompanionGenerator = async ({ handler, input, name, result, request }) => {
  if (result.ir === undefined) return [];
  const folder = posix.dirname(handler);
  const stem = posix.basename(handler).replace(/\.[cm]?ts$/, "");
  const select: CompanionSelection = { test: request.tests ? request.testFramework : false, deployment: request.deployment, report: request.report };
  const files = await companionsFor(result.ir, { stem, machineName: name, sourceFile: input, diagnostics: result.diagnostics, select });
  // Folder files (the jest configuration) come with every handler of the folder; build writes them once.
  return [...files, ...folderCompanions(select)].map((file) => ({ path: posix.join(folder, file.path), text: file.text }));
};
