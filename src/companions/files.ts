import type { Diagnostic } from "../diagnostics/types.js";
import { commentStyleOf, withChecksum } from "../emit/checksum.js";
import type { WrittenFileRole } from "./dependencies.js";
import type { MachineIR } from "../ir/types.js";
import { generateCdkConstruct, generateSamSnippet } from "./deployment.js";
import { generateMigrationReport } from "./migration-report.js";
import { generateTestFile, type TestFramework } from "./test-file.js";
import { frameworkSupportFiles } from "./test-frameworks.js";

/** A generated file, and what it is (the packages a project needs depend on it: ./dependencies.ts). */
export interface CompanionFile {
  path: string;
  text: string;
  role: WrittenFileRole;
}

/** Which companions to write: `migrate` writes all three, `build` what its configuration's `companions` key asks for. */
export interface CompanionSelection {
  /** The generated test, for this framework; false for none. */
  test: TestFramework | false;
  deployment: "cdk" | "sam" | false;
  report: boolean;
}

export interface CompanionOptions {
  /** File stem of the handler (`<stem>.ts`); companions are written beside it and named after it. */
  stem: string;
  machineName: string;
  /** The definition's file, as the migration report names it. */
  sourceFile: string;
  /** The machine's validation and transpilation diagnostics (the report lists the warnings). */
  diagnostics: Diagnostic[];
  select: CompanionSelection;
}

/**
 * The files beside a handler (issue #6 item 3), paths relative to the handler's folder: its test, its deployment snippet
 * with the least-privilege policy its Tasks need (derived from the machine, with the function's name, region and account
 * left to the deployment), and its migration report. Deterministic, so `build --check` can compare them; each starts
 * with a checksum comment, so that `build` regenerates them until someone edits them (../emit/checksum.ts).
 */
export async function companionsFor(machine: MachineIR, options: CompanionOptions): Promise<CompanionFile[]> {
  const { stem, machineName, select } = options;
  const files: CompanionFile[] = [];
  if (select.test !== false) {
    files.push({ path: `${stem}.test.ts`, role: "test", text: await generateTestFile(machine, { handlerImport: `./${stem}.js`, framework: select.test, machineName }) });
  }
  if (select.deployment === "cdk") {
    files.push({ path: `${stem}.construct.ts`, role: "deployment", text: await generateCdkConstruct(machine, { handlerFile: `./${stem}.ts`, machineName }) });
  } else if (select.deployment === "sam") {
    files.push({ path: `${stem}.sam.yaml`, role: "deployment", text: generateSamSnippet(machine, { handlerFile: `${stem}.ts`, machineName }) });
  }
  if (select.report) {
    files.push({ path: `${stem}.migration.md`, role: "other", text: generateMigrationReport(machine, { diagnostics: options.diagnostics, machineName, sourceFile: options.sourceFile }) });
  }
  return files.map(stamped);
}

/**
 * The files a folder of companions needs once, whatever the number of handlers in it (paths relative to the folder):
 * the jest configuration of jest tests.
 */
export function folderCompanions(select: CompanionSelection): CompanionFile[] {
  return select.test === false ? [] : frameworkSupportFiles(select.test).map((file) => stamped({ ...file, role: "other" }));
}

function stamped(file: CompanionFile): CompanionFile {
  return { ...file, text: withChecksum("", file.text, commentStyleOf(file.path) ?? "ts") };
}
