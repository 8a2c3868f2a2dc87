import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import type { withDurableExecution } from "@aws/durable-execution-sdk-js";
import type { HandlerOptions } from "../runtime/task.js";

/** What a generated module exports. */
export interface HandlerModule {
  makeHandler(options?: HandlerOptions): ReturnType<typeof withDurableExecution>;
}

/** A module that could not be loaded: its imports do not resolve here, or it does not compile. */
export class ModuleLoadError extends Error {
  override name = "ModuleLoadError";
}

/**
 * Load a generated handler module from its TypeScript text, in this process: the code is compiled to JavaScript with
 * the `typescript` compiler's transpiler (types erased, nothing else changed), its bare imports (`asl2durable/runtime`,
 * the durable SDK, `@aws-sdk/client-*`) are resolved from asl2durable's own installation, and the result is written
 * under the system's temp folder, named by its content, and imported.
 */
export async function loadHandlerModule(code: string): Promise<HandlerModule> {
  const js = ts.transpileModule(code, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false } }).outputText;
  const resolved = js.replace(/(from\s+|import\s*\(\s*)(["'])([^"'./][^"']*)\2/g, (match, lead: string, quote: string, specifier: string) => {
    try {
      return `${lead}${quote}${import.meta.resolve(specifier)}${quote}`;
    } catch {
      throw new ModuleLoadError(`the generated handler imports ${specifier}, which is not installed here: npm install ${packageOf(specifier)}`);
    }
  });
  const dir = join(tmpdir(), "asl2durable-compare");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `handler-${createHash("sha256").update(resolved).digest("hex").slice(0, 16)}.mjs`);
  writeFileSync(file, resolved);
  return (await import(pathToFileURL(file).href)) as HandlerModule;
}

function packageOf(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] as string);
}
