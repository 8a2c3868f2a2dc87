/** Options of `validate()`; every field is optional and documented. */
export interface ValidateOptions {
  /** Display name of the source, used in diagnostics (`<input>` for API text by default). */
  file?: string;
  /** Force the text format instead of detecting it from the file name or content. */
  format?: "json" | "yaml";
  /** STANDARD (default) or EXPRESS: EXPRESS rejects `.sync` and `.waitForTaskToken` integrations. */
  machineType?: "STANDARD" | "EXPRESS";
  /** `${Name}` DefinitionSubstitutions applied before validation. */
  substitutions?: Record<string, string | number | boolean>;
  /** Check Task `Resource` ARNs (default true). */
  checkArns?: boolean;
  /** Check JSONPath, payload-template, intrinsic and JSONata syntax (default true). */
  checkPaths?: boolean;
  /** Also report `info` diagnostics (default false). */
  includeInfo?: boolean;
}

export const DEFAULT_VALIDATE_OPTIONS = {
  machineType: "STANDARD",
  checkArns: true,
  checkPaths: true,
  includeInfo: false,
} as const satisfies ValidateOptions;
