import type { Diagnostic } from "../diagnostics/types.js";
import { loadDefinition } from "../load/index.js";
import { applySubstitutions } from "../load/substitute.js";
import type { LoadedSource } from "../load/types.js";
import { buildModel } from "./model.js";
import { DEFAULT_VALIDATE_OPTIONS, type ValidateOptions } from "./options.js";
import { RULES } from "./rules/index.js";
import { createContext } from "./rules/rule.js";
import { checkSchema } from "./schema.js";
import { attachLocations, sortDiagnostics } from "./locate.js";

export type { ValidateOptions } from "./options.js";

export interface ValidationResult {
  /** True when there is no error diagnostic (warnings are fine). */
  ok: boolean;
  /** Every problem found, sorted by position, each with a code and a location. */
  diagnostics: Diagnostic[];
  /** The parsed definition (a copy: never the caller's object), after substitutions; undefined when it did not load. */
  definition: unknown;
}

/**
 * Validate an ASL definition: an object, or the text of a JSON or YAML definition.
 * Pure: no I/O, no console output, and the caller's object is never mutated.
 */
export function validate(input: unknown, options: ValidateOptions = {}): ValidationResult {
  const source = loadDefinition(input, options);
  return validateSource(source, options);
}

/** Validate an already loaded source (the CLI loads files itself so it can report I/O errors). */
export function validateSource(source: LoadedSource, options: ValidateOptions = {}): ValidationResult {
  const diagnostics: Diagnostic[] = [...source.diagnostics];
  if (source.value === undefined || diagnostics.some((d) => d.severity === "error")) {
    return finish(source, diagnostics, undefined, options);
  }
  let definition: unknown = source.value;
  if (options.substitutions) {
    const substituted = applySubstitutions(definition, options.substitutions);
    definition = substituted.value;
    for (const name of substituted.unresolved) {
      diagnostics.push({
        code: "ASL006",
        severity: "error",
        message: `Placeholder "\${${name}}" has no value in the substitutions`,
        location: { pointer: "" },
      });
    }
    for (const name of substituted.cyclic) {
      diagnostics.push({
        code: "ASL006",
        severity: "error",
        message: `Substitution "${name}" expands to itself without end`,
        location: { pointer: "" },
      });
    }
  }
  diagnostics.push(...checkSchema(definition));
  const model = buildModel(definition);
  const ruleOptions = {
    machineType: options.machineType ?? DEFAULT_VALIDATE_OPTIONS.machineType,
    checkArns: options.checkArns ?? DEFAULT_VALIDATE_OPTIONS.checkArns,
    checkPaths: options.checkPaths ?? DEFAULT_VALIDATE_OPTIONS.checkPaths,
  };
  for (const rule of RULES) {
    rule.check(createContext(definition, model, ruleOptions, diagnostics, rule.codes));
  }
  return finish(source, diagnostics, definition, options);
}

function finish(source: LoadedSource, diagnostics: Diagnostic[], definition: unknown, options: ValidateOptions): ValidationResult {
  const kept = options.includeInfo ? diagnostics : diagnostics.filter((d) => d.severity !== "info");
  const located = sortDiagnostics(attachLocations(kept, source));
  return { ok: !located.some((d) => d.severity === "error"), diagnostics: located, definition };
}
