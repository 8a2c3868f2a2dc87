/** Severity of a diagnostic. Only `error` makes a definition invalid. */
export type Severity = "error" | "warning" | "info";

/** A 1-based line/column position in the source text. */
export interface Position {
  line: number;
  column: number;
}

/** Where a diagnostic points: a JSON pointer into the definition, and, when the source text is known, a range. */
export interface Location {
  /** RFC 6901 JSON pointer of the offending node, e.g. `/States/Charge/Resource` ("" is the root). */
  pointer: string;
  /** Point at the member's key rather than its value (e.g. an unknown field name). */
  key?: boolean;
  /** File the definition came from (`<stdin>`, `<input>` for API strings, undefined for objects). */
  file?: string;
  start?: Position;
  end?: Position;
}

export interface Diagnostic {
  /** Stable code from the catalogue (src/diagnostics/catalog.ts), e.g. `ASL102`. */
  code: string;
  severity: Severity;
  /** One-line, self-contained message. */
  message: string;
  location: Location;
  /** Name of the state the diagnostic is about, when there is one. */
  state?: string;
  /** A short suggestion (the fix, or what changes after migration). */
  hint?: string;
}

export function isError(d: Diagnostic): boolean {
  return d.severity === "error";
}
