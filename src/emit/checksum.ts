import { createHash } from "node:crypto";

/**
 * Generated files carry a checksum of their own text (every line after the checksum line), so that the CLI can tell
 * a file it wrote and nobody touched (safe to regenerate) from one edited by hand (kept unless --force). The checksum
 * line is a comment in the file's own language: `//` in TypeScript, `#` in YAML, `<!-- … -->` in Markdown; only
 * comment lines may come before it.
 */
const MARKER = "asl2durable-checksum: sha256:";

/** Comment syntax of the files asl2durable writes. */
export type CommentStyle = "ts" | "yaml" | "md";

const COMMENT: Record<CommentStyle, { open: string; close: string }> = {
  ts: { open: "// ", close: "" },
  yaml: { open: "# ", close: "" },
  md: { open: "<!-- ", close: " -->" },
};

/** The comment style of a file, by its extension; undefined for a file type asl2durable does not stamp. */
export function commentStyleOf(path: string): CommentStyle | undefined {
  if (/\.[cm]?[jt]s$/i.test(path)) return "ts";
  if (/\.ya?ml$/i.test(path)) return "yaml";
  if (/\.md$/i.test(path)) return "md";
  return undefined;
}

/** `header` (comment lines), the checksum line of `body`, then `body`. */
export function withChecksum(header: string, body: string, style: CommentStyle = "ts"): string {
  const { open, close } = COMMENT[style];
  return `${header === "" ? "" : `${header}\n`}${open}${MARKER}${sha256(body)}${close}\n${body}`;
}

export type OutputState = "unmodified" | "modified" | "foreign";

export function outputState(text: string): OutputState {
  const lines = text.split("\n");
  const index = lines.findIndex((l) => checksumOf(l) !== undefined);
  if (index < 0 || !lines.slice(0, index).every(isComment)) return "foreign";
  return sha256(lines.slice(index + 1).join("\n")) === checksumOf(lines[index] as string) ? "unmodified" : "modified";
}

function checksumOf(line: string): string | undefined {
  for (const { open, close } of Object.values(COMMENT)) {
    if (line.startsWith(open + MARKER) && line.endsWith(close)) {
      const hash = line.slice(open.length + MARKER.length, line.length - close.length);
      if (/^[0-9a-f]{64}$/.test(hash)) return hash;
    }
  }
  return undefined;
}

function isComment(line: string): boolean {
  return line.startsWith("//") || line.startsWith("#") || (line.startsWith("<!--") && line.endsWith("-->"));
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
