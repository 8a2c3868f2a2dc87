import { format } from "prettier";

/** Prettier settings for generated handlers: fixed here so that output never depends on the user's config. */
export const PRETTIER_OPTIONS = { parser: "typescript", printWidth: 120, trailingComma: "all", semi: true, singleQuote: false } as const;

/** Format generated TypeScript. A syntax error here is a bug in an emitter, reported as such. */
export async function formatTypeScript(code: string): Promise<string> {
  try {
    return await format(code, PRETTIER_OPTIONS);
  } catch (e) {
    throw new Error(`asl2durable generated code that does not parse (a bug; please report it): ${(e as Error).message}`);
  }
}
