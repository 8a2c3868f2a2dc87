/** RFC 6901 JSON pointers: the one way every stage names a node of the definition. */

export function escapeSegment(segment: string | number): string {
  if (typeof segment === "number") return String(segment);
  // Most names need no escaping; pointers are built for every node a rule visits, so skip the regexes then.
  if (!segment.includes("~") && !segment.includes("/")) return segment;
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

export function unescapeSegment(segment: string): string {
  return segment.replace(/~1/g, "/").replace(/~0/g, "~");
}

/** Build a pointer from path segments: `["States", "a/b"]` → `/States/a~1b`. */
export function toPointer(segments: ReadonlyArray<string | number>): string {
  return segments.map((s) => "/" + escapeSegment(s)).join("");
}

/** Append segments to a pointer. */
export function childPointer(pointer: string, ...segments: Array<string | number>): string {
  return pointer + toPointer(segments);
}

/** Split a pointer into its unescaped segments: `/States/a~1b` → `["States", "a/b"]`. */
export function parsePointer(pointer: string): string[] {
  if (pointer === "") return [];
  if (!pointer.startsWith("/")) throw new Error(`Invalid JSON pointer: ${pointer}`);
  return pointer.slice(1).split("/").map(unescapeSegment);
}

/** The value at a pointer, or undefined. */
export function getAtPointer(root: unknown, pointer: string): unknown {
  let node: unknown = root;
  for (const seg of parsePointer(pointer)) {
    if (Array.isArray(node)) node = node[Number(seg)];
    else if (node !== null && typeof node === "object") node = (node as Record<string, unknown>)[seg];
    else return undefined;
  }
  return node;
}
