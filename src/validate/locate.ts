import type { Diagnostic } from "../diagnostics/types.js";
import { parsePointer, toPointer } from "../load/pointer.js";
import type { LoadedSource } from "../load/types.js";

/**
 * Give every diagnostic its file and line/column. A pointer that names a node that does not exist
 * (a missing field) is located at its nearest existing ancestor.
 */
export function attachLocations(diagnostics: Diagnostic[], source: LoadedSource): Diagnostic[] {
  return diagnostics.map((d) => {
    const location = { ...d.location };
    if (source.file !== undefined && location.file === undefined) location.file = source.file;
    if (location.start === undefined) {
      const segments = parsePointer(location.pointer);
      for (let n = segments.length; n >= 0; n--) {
        const range = source.locate(toPointer(segments.slice(0, n)));
        if (!range) continue;
        const useKey = (location.key === true || n < segments.length) && range.keyStart !== undefined;
        location.start = useKey ? range.keyStart : range.start;
        location.end = useKey ? range.keyEnd : range.end;
        break;
      }
    }
    return { ...d, location };
  });
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Stable order: by position (unlocated last, by pointer), then severity, then code; exact duplicates dropped. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  const unique = diagnostics.filter((d) => {
    const key = `${d.code}\u0000${d.location.pointer}\u0000${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort((a, b) => {
    const la = a.location.start;
    const lb = b.location.start;
    if (la && lb && (la.line !== lb.line || la.column !== lb.column)) return la.line - lb.line || la.column - lb.column;
    if (la && !lb) return -1;
    if (!la && lb) return 1;
    if (!la && !lb && a.location.pointer !== b.location.pointer) return a.location.pointer < b.location.pointer ? -1 : 1;
    return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  });
}
