import type { Output } from "../../src/cli/output.js";

/** An Output that records what the CLI writes, for in-process CLI tests. */
export function captureOutput(isTTY = false): Output & { stdout(): string; stderr(): string } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out: (text) => void out.push(text + "\n"),
    err: (text) => void err.push(text + "\n"),
    isTTY,
    stdout: () => out.join(""),
    stderr: () => err.join(""),
  };
}
