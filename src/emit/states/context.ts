import type { ExitKey } from "../../structure/structure.js";

/** What a state emitter needs besides its state: the code of each exit, and the names of scope functions. */
export interface StateEmitContext {
  /** TypeScript statements that follow the state when it leaves through `key`. */
  exit(key: ExitKey): string;
  /** The function generated for a Parallel branch or Map processor, by its scope pointer. */
  scopeFunction(pointer: string): string;
}
