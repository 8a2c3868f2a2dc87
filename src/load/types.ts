import type { Diagnostic, Position } from "../diagnostics/types.js";

export type SourceFormat = "json" | "yaml" | "object";

/** Source range of one node, for both its key (when it is an object member) and its value. */
export interface NodeRange {
  /** Range of the value. */
  start: Position;
  end: Position;
  /** Range of the member's key, when the node is an object member. */
  keyStart?: Position;
  keyEnd?: Position;
}

/** A parsed definition plus everything needed to point back into its source text. */
export interface LoadedSource {
  /** The parsed JSON value (a fresh value owned by the loader; never the caller's object). */
  value: unknown;
  format: SourceFormat;
  /** Display name of the source: a path, `<stdin>` or `<input>`; undefined for API objects. */
  file?: string;
  /** The original text, when the definition came from text. */
  text?: string;
  /** Range of the node at a JSON pointer, or undefined when unknown (objects have no ranges). */
  locate(pointer: string): NodeRange | undefined;
  /** Syntax problems (located). When any is an error, `value` is undefined. */
  diagnostics: Diagnostic[];
}
