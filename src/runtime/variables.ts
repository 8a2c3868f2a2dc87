import { StatesError } from "./errors.js";
import type { Json } from "./types.js";

/** Variable name → value: what one state's Assign produced, or what a scope can read. */
export type VariableValues = Readonly<Record<string, Json>>;

/**
 * The workflow variables of one scope (ASL-8): the machine's top level, one Parallel branch or one Map iteration.
 *
 * - `values` is every variable the scope can read: those of the enclosing scopes, as they were when this scope began
 *   (a Parallel or Map state does not change its own scope's variables while its branches run, and it assigns only
 *   after they end), then the scope's own.
 * - `assign(values)` applies one state's assignments at once. Their right-hand sides were all evaluated against
 *   `values` as the state found them, so `x := $y, y := $x` swaps; the next state sees the new values.
 * - `child()` is the scope of a Parallel branch or Map iteration: it reads this scope's variables and keeps its own
 *   assignments to itself, so siblings are isolated and a branch's variables end with it.
 *
 * `values` is replaced, never modified, by `assign`: a state that read it at entry keeps seeing the entry values.
 */
export class Variables {
  private own: VariableValues = empty();
  private visible: VariableValues;

  private constructor(private readonly inherited: VariableValues) {
    this.visible = inherited;
  }

  /** The top-level scope of an execution: no variables yet. */
  static root(): Variables {
    return new Variables(empty());
  }

  /** Every variable this scope can read, by name (read-only). */
  get values(): VariableValues {
    return this.visible;
  }

  /** The scope of one Parallel branch or Map iteration started from this scope (ASL-8 scopes). */
  child(): Variables {
    return new Variables(this.visible);
  }

  /**
   * Bind the values one state assigned. A name of an enclosing scope cannot be assigned from an inner one; the
   * validator rejects such a definition (ASL502), so meeting one here is a `States.Runtime` failure, not a shadow.
   */
  assign(values: VariableValues): void {
    const names = Object.keys(values);
    if (names.length === 0) return;
    for (const name of names) {
      if (Object.hasOwn(this.inherited, name)) {
        throw new StatesError("States.Runtime", `Cannot assign the variable '${name}': it belongs to an outer scope`);
      }
    }
    this.own = merge(this.own, values);
    this.visible = merge(this.inherited, this.own);
  }
}

/** The variables of a new execution's top-level scope (generated code: `const vars = asl.variables()`). */
export function variables(): Variables {
  return Variables.root();
}

/** A frozen map without a prototype: a variable named like an Object member (`constructor`) is just a name. */
function empty(): VariableValues {
  return Object.freeze(Object.create(null) as Record<string, Json>);
}

function merge(base: VariableValues, values: VariableValues): VariableValues {
  const out = Object.create(null) as Record<string, Json>;
  for (const [name, value] of Object.entries(base)) out[name] = value;
  for (const [name, value] of Object.entries(values)) out[name] = value;
  return Object.freeze(out);
}
