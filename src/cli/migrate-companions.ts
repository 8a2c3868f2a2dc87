import { generateCdkConstruct, generateSamSnippet } from "../companions/deployment.js";
import { generateMigrationReport } from "../companions/migration-report.js";
import { generateTestFile, type TestFramework } from "../companions/test-file.js";
import type { Diagnostic } from "../diagnostics/types.js";
import type { MachineIR } from "../ir/types.js";

export interface CompanionOptions {
  /** File stem of the handler (`<stem>.ts`); companions are named after it. */
  stem: string;
  machineName: string;
  sourceFile: string;
  diagnostics: Diagnostic[];
  testFramework: TestFramework;
  deployment: "cdk" | "sam" | "none";
}

/** The files `migrate` writes beside a handler (issue #6 item 3): its test, its deployment snippet and its report. */
export async function companionsFor(machine: MachineIR, options: CompanionOptions): Promise<Array<{ path: string; text: string }>> {
  const files: Array<{ path: string; text: string }> = [];
  files.push({
    path: `${options.stem}.test.ts`,
    text: await generateTestFile(machine, { handlerImport: `./${options.stem}.js`, framework: options.testFramework, machineName: options.machineName }),
  });
  // Deployment with the least-privilege policy its Tasks need (derived by the snippet from the machine, with the
  // function's own name, region and account left to the deployment), and the migration report.
  if (options.deployment === "cdk") {
    files.push({ path: `${options.stem}.construct.ts`, text: generateCdkConstruct(machine, { handlerFile: `./${options.stem}.ts`, machineName: options.machineName }) });
  } else if (options.deployment === "sam") {
    files.push({ path: `${options.stem}.sam.yaml`, text: generateSamSnippet(machine, { handlerFile: `${options.stem}.ts`, machineName: options.machineName }) });
  }
  files.push({
    path: `${options.stem}.migration.md`,
    text: generateMigrationReport(machine, { diagnostics: options.diagnostics, machineName: options.machineName, sourceFile: options.sourceFile }),
  });
  return files;
}
