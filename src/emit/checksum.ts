import { createHash } from "node:crypto";

/**
 * Generated files carry a checksum of their own code (every line after the checksum line), so that the CLI can tell
 * a file it wrote and nobody touched (safe to regenerate) from one edited by hand (kept unless --force).
 */
const MARKER = "// asl2durable-checksum: sha256:";

export function withChecksum(header: string, body: string): string {
  return `${header}\n${MARKER}${sha256(body)}\n${body}`;
}

export type OutputState = "unmodified" | "modified" | "foreign";

export function outputState(text: string): OutputState {
  const lines = text.split("\n");
  const index = lines.findIndex((l) => l.startsWith(MARKER));
  if (index < 0 || !lines.slice(0, index).every((l) => l.startsWith("//"))) return "foreign";
  const expected = (lines[index] as string).slice(MARKER.length);
  return sha256(lines.slice(index + 1).join("\n")) === expected ? "unmodified" : "modified";
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
