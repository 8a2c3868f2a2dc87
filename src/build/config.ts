/**
 * The build configuration (`asl2durable.config.{json,ts,mts,mjs,js}` or the `"asl2durable"` key of package.json): its
 * TypeScript types and the JSON Schema it is checked against. Every path in it is relative to the folder of the file
 * that holds it (the project root).
 */

export type SubstitutionValue = string | number | boolean;

export interface MachineEntry {
  /** A definition or template file, or a glob of them (relative to the project root). */
  input: string;
  /** The logical id (or name) of one state machine inside a template; without it every machine is built. */
  machine?: string;
  /** The generated module; default `<outDir>/<input stem>.ts` (`<input stem>.<machine id>.ts` for a template). */
  out?: string;
  /** `$$.StateMachine.Name` and the name in the generated header (default: the machine id or the file name). */
  name?: string;
  /** STANDARD (default) or EXPRESS: EXPRESS rejects `.sync` and `.waitForTaskToken` integrations. */
  type?: "STANDARD" | "EXPRESS";
  /** DefinitionSubstitutions for `${Name}` placeholders: an object, or a JSON file holding one. */
  substitutions?: Record<string, SubstitutionValue> | string;
}

export interface CompanionsConfig {
  /** A test file for each handler. */
  tests?: boolean;
  /** The generated tests' framework (default `node`: Node's built-in test runner, run through tsx). */
  testFramework?: "node" | "vitest" | "jest";
  /** A deployment snippet for each handler. */
  deployment?: "cdk" | "sam" | false;
  /** A migration report for each handler. */
  report?: boolean;
}

export interface BuildConfig {
  /** Where generated modules go when an entry has no `out` (default: next to each input). */
  outDir?: string;
  machines: MachineEntry[];
  companions?: CompanionsConfig;
}

/** An identity function that gives a `asl2durable.config.ts` its types: `export default defineConfig({ … })`. */
export function defineConfig(config: BuildConfig): BuildConfig {
  return config;
}

const NON_EMPTY_STRING = { type: "string", minLength: 1 } as const;

/** JSON Schema (draft-07, checked with ajv) of `BuildConfig`. */
export const BUILD_CONFIG_SCHEMA = {
  type: "object",
  additionalProperties: false,
  required: ["machines"],
  properties: {
    $schema: { type: "string" },
    outDir: NON_EMPTY_STRING,
    machines: {
      type: "array",
      minItems: 1,
      items: {
        type: "object",
        additionalProperties: false,
        required: ["input"],
        properties: {
          input: NON_EMPTY_STRING,
          machine: NON_EMPTY_STRING,
          out: NON_EMPTY_STRING,
          name: NON_EMPTY_STRING,
          type: { enum: ["STANDARD", "EXPRESS"] },
          // A string (a JSON file) or an object; `minLength` applies only to strings, `additionalProperties` only to objects.
          substitutions: { type: ["string", "object"], minLength: 1, additionalProperties: { type: ["string", "number", "boolean"] } },
        },
      },
    },
    companions: {
      type: "object",
      additionalProperties: false,
      properties: {
        tests: { type: "boolean" },
        testFramework: { enum: ["node", "vitest", "jest"] },
        deployment: { enum: ["cdk", "sam", false] },
        report: { type: "boolean" },
      },
    },
  },
} as const;

/** The companions a configuration asks for, with every flag spelled out. */
export interface CompanionRequest {
  tests: boolean;
  testFramework: "node" | "vitest" | "jest";
  deployment: "cdk" | "sam" | false;
  report: boolean;
}

export function companionRequest(config: BuildConfig): CompanionRequest {
  return {
    tests: config.companions?.tests ?? false,
    testFramework: config.companions?.testFramework ?? "node",
    deployment: config.companions?.deployment ?? false,
    report: config.companions?.report ?? false,
  };
}

export function wantsCompanions(request: CompanionRequest): boolean {
  return request.tests || request.deployment !== false || request.report;
}
