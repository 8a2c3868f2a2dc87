import type { ExitKey } from "../../structure/structure.js";

/** What a state emitter needs besides its state: the code of each exit, and the names of scope functions. */
export interface StateEmitContext {
  /** TypeScript statements that follow the state when it leaves through `key`. */
  exit(key: ExitKey): string;
  /** The function generated for a Parallel branch or Map processor, by its scope pointer. */
  scopeFunction(pointer: string): string;
  /**
   * The machine uses workflow variables (ASL-8): the scope's `vars` local exists and every helper that evaluates a
   * path receives it (see `varsArg` and `varsProps`).
   */
  variables: boolean;
}

/** The shorthand members to add to a helper's options: `vars` when the machine has variables. */
export function varsProps(ctx: StateEmitContext): string[] {
  return ctx.variables ? ["vars"] : [];
}

/** The trailing argument of the positional helpers (`test`, `inputPath`, `outputPath`): `, vars` or nothing. */
export function varsArg(ctx: StateEmitContext): string {
  return ctx.variables ? ", vars" : "";
}
