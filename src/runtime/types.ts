/** Values that flow through a state machine: plain JSON (ASL-3). */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * What a path can start from (ASL-4): `$` the current value, `$$` the context object (ASL-7), `$name` a workflow
 * variable (ASL-8). Values are treated as read-only.
 */
export interface PathRoots {
  input: unknown;
  context: unknown;
  variables?: Readonly<Record<string, unknown>>;
}
