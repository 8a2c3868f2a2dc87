import { catalogEntry } from "../../diagnostics/catalog.js";
import type { Diagnostic } from "../../diagnostics/types.js";
import type { MachineModel } from "../model.js";
import type { ValidateOptions } from "../options.js";

/** What a rule sees: the definition (never to be mutated), its model, the options, and a reporter. */
export interface RuleContext {
  readonly definition: unknown;
  readonly model: MachineModel;
  readonly options: Required<Pick<ValidateOptions, "machineType" | "checkArns" | "checkPaths">>;
  report(code: string, pointer: string, message: string, extra?: ReportExtra): void;
}

export interface ReportExtra {
  key?: boolean;
  state?: string;
  hint?: string;
}

/** A semantic rule: a sentence-like name, the codes it can emit, and the check itself. */
export interface Rule {
  name: string;
  codes: readonly string[];
  check(ctx: RuleContext): void;
}

export function createContext(
  definition: unknown,
  model: MachineModel,
  options: RuleContext["options"],
  sink: Diagnostic[],
  allowed: readonly string[],
): RuleContext {
  return {
    definition,
    model,
    options,
    report(code, pointer, message, extra = {}) {
      if (!allowed.includes(code)) throw new Error(`Rule reported ${code}, which it does not declare`);
      const d: Diagnostic = { code, severity: catalogEntry(code).severity, message, location: { pointer } };
      if (extra.key) d.location.key = true;
      if (extra.state !== undefined) d.state = extra.state;
      if (extra.hint !== undefined) d.hint = extra.hint;
      sink.push(d);
    },
  };
}
