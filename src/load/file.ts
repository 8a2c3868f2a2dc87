/**
 * The only I/O of the LOAD stage: read a definition from a file, or from standard input for `-`.
 * Text is decoded as UTF-8 and a leading byte-order mark is removed.
 */
import { readFile } from "node:fs/promises";
import type { Diagnostic } from "../diagnostics/types.js";

export type ReadSourceResult = { text: string; file: string } | { error: Diagnostic };

export interface ReadSourceOptions {
  /** The stream read for `-` (defaults to `process.stdin`; tests pass their own). */
  stdin?: AsyncIterable<unknown>;
}

export const STDIN_NAME = "<stdin>";

/** Read `path` (or stdin for `-`). Never throws: a failure is an ASL005 diagnostic without a stack trace. */
export async function readSource(path: string, options: ReadSourceOptions = {}): Promise<ReadSourceResult> {
  const file = path === "-" ? STDIN_NAME : path;
  try {
    const text = path === "-" ? await readStream(options.stdin ?? process.stdin) : await readFile(path, "utf8");
    return { text: text.startsWith("\uFEFF") ? text.slice(1) : text, file };
  } catch (error) {
    return { error: unreadable(file, error) };
  }
}

async function readStream(stream: AsyncIterable<unknown>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    chunks.push(chunk instanceof Uint8Array ? Buffer.from(chunk) : Buffer.from(String(chunk), "utf8"));
  }
  return Buffer.concat(chunks).toString("utf8");
}

const REASONS: Record<string, string> = {
  ENOENT: "no such file",
  ENOTDIR: "no such file (a parent is not a directory)",
  EISDIR: "it is a directory",
  EACCES: "permission denied",
  EPERM: "permission denied",
  ELOOP: "too many symbolic links",
  ENAMETOOLONG: "the name is too long",
  EMFILE: "too many open files",
};

function unreadable(file: string, error: unknown): Diagnostic {
  const code = (error as { code?: unknown } | null)?.code;
  const reason =
    typeof code === "string" && REASONS[code] !== undefined
      ? REASONS[code]
      : error instanceof Error
        ? error.message
        : String(error);
  return {
    code: "ASL005",
    severity: "error",
    message: `Cannot read ${JSON.stringify(file)}: ${reason}`,
    location: { pointer: "", file },
  };
}
