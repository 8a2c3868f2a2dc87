import type { ScopeIR, StateIR } from "../ir/types.js";
import { buildGraph, type ScopeGraph } from "./graph.js";
import { labelFor } from "./labels.js";

/**
 * Structured control flow for one scope, ready for emission: sequences, labelled blocks (left with `break`), loops
 * (re-entered with `continue`) and states whose exits hold the code that follows them. A scope whose graph is not
 * reducible becomes a `dispatch` loop over the state names instead.
 */
export type ExitKey = "next" | "default" | `catch:${number}` | `choice:${number}`;

export type Code =
  | { kind: "seq"; items: Code[] }
  | { kind: "state"; state: StateIR; exits: Map<ExitKey, Code> }
  | { kind: "block"; label: string; body: Code }
  /** `labelled`: some `continue`/`break` names the loop (set by the readability passes; an unnamed loop is `while (true)`). */
  | { kind: "loop"; label: string; body: Code; labelled?: boolean }
  | { kind: "break"; label: string }
  | { kind: "continue"; label: string }
  | { kind: "return" }
  | { kind: "dispatch"; label: string; entry: string; cases: Array<{ state: StateIR; body: Code }> }
  | { kind: "goto"; label: string; target: string };

/** The exits of a state, in the order its code takes them, with their targets (null = the end of the scope). */
export function exitsOf(state: StateIR): Array<{ key: ExitKey; target: string | null }> {
  switch (state.kind) {
    case "pass":
    case "wait":
      return [{ key: "next", target: state.transition.kind === "next" ? state.transition.target : null }];
    case "task":
    case "parallel":
    case "map":
      return [
        ...state.catch.map((c, i) => ({ key: `catch:${i}` as const, target: c.next })),
        { key: "next" as const, target: state.transition.kind === "next" ? state.transition.target : null },
      ];
    case "choice":
      return [
        ...state.choices.map((c, i) => ({ key: `choice:${i}` as const, target: c.next })),
        ...(state.default !== undefined ? [{ key: "default" as const, target: state.default }] : []),
      ];
    case "succeed":
      return [{ key: "next", target: null }];
    case "fail":
      return [];
  }
}

type Frame = { kind: "loop"; header: StateIR; label: string } | { kind: "block"; follow: StateIR; label: string };

/** Structure a scope (after "Beyond Relooper", N. Ramsey, ICFP 2022), falling back to a dispatch loop. */
export function structureScope(scope: ScopeIR): Code {
  const graph = buildGraph(scope);
  if (!graph.reducible) return dispatch(graph);
  const used = new Set<string>();
  const byName = new Map(scope.states.map((s) => [s.origin.name, s]));
  const label = (state: StateIR, kind: "loop" | "block"): string => labelFor(state.origin.name, kind, used);
  return simplify(doTree(graph.entry, []));

  function doTree(x: StateIR, context: Frame[]): Code {
    const merges = (graph.children.get(x) as StateIR[]).filter((c) => graph.mergeNodes.has(c)).sort((a, b) => rank(b) - rank(a));
    if (graph.loopHeaders.has(x)) {
      const loopLabel = label(x, "loop");
      return { kind: "loop", label: loopLabel, body: nodeWithin(x, merges, [{ kind: "loop", header: x, label: loopLabel }, ...context]) };
    }
    return nodeWithin(x, merges, context);
  }

  function nodeWithin(x: StateIR, merges: StateIR[], context: Frame[]): Code {
    const [y, ...rest] = merges;
    if (y === undefined) {
      const exits = new Map<ExitKey, Code>();
      for (const exit of exitsOf(x)) exits.set(exit.key, doBranch(x, exit.target, context));
      return { kind: "state", state: x, exits };
    }
    const blockLabel = label(y, "block");
    return {
      kind: "seq",
      items: [{ kind: "block", label: blockLabel, body: nodeWithin(x, rest, [{ kind: "block", follow: y, label: blockLabel }, ...context]) }, doTree(y, context)],
    };
  }

  function doBranch(source: StateIR, targetName: string | null, context: Frame[]): Code {
    if (targetName === null) return { kind: "return" };
    const target = byName.get(targetName) as StateIR;
    if (rank(target) <= rank(source)) {
      const frame = context.find((f) => f.kind === "loop" && f.header === target);
      if (!frame) throw new Error(`structure: no loop headed by ${targetName}`);
      return { kind: "continue", label: frame.label };
    }
    if (graph.mergeNodes.has(target)) {
      const frame = context.find((f) => f.kind === "block" && f.follow === target);
      if (!frame) throw new Error(`structure: no block followed by ${targetName}`);
      return { kind: "break", label: frame.label };
    }
    return doTree(target, context);
  }

  function rank(s: StateIR): number {
    return graph.rpo.get(s) as number;
  }
}

/** The fallback for irreducible scopes: `while (true) switch (next) { case "A": …; next = "B"; continue; }`. */
function dispatch(graph: ScopeGraph): Code {
  const label = "dispatch";
  return {
    kind: "dispatch",
    label,
    entry: graph.entry.origin.name,
    cases: graph.order.map((state) => {
      const exits = new Map<ExitKey, Code>();
      for (const exit of exitsOf(state)) exits.set(exit.key, exit.target === null ? { kind: "return" } : { kind: "goto", label, target: exit.target });
      return { state, body: { kind: "state", state, exits } };
    }),
  };
}

/**
 * Readability passes: drop a `break` in tail position of its own block and a `continue` in tail position of its own
 * loop (falling off the end does the same), then unwrap blocks nobody breaks out of and leave unnamed the loops nobody
 * names.
 */
function simplify(code: Code): Code {
  // Unwrapping a block can put another block's break in tail position, so two rounds.
  return unwrapUnused(dropTailJumps(unwrapUnused(dropTailJumps(code))));
}

function dropTailJumps(code: Code): Code {
  switch (code.kind) {
    case "seq":
      return { kind: "seq", items: code.items.map(dropTailJumps) };
    case "state":
      return { ...code, exits: new Map([...code.exits].map(([k, v]) => [k, dropTailJumps(v)])) };
    case "block":
      return { kind: "block", label: code.label, body: withoutTailJump(dropTailJumps(code.body), code.label) };
    case "loop":
      return { kind: "loop", label: code.label, body: withoutTailJump(dropTailJumps(code.body), code.label, "continue") };
    case "dispatch":
      return { ...code, cases: code.cases.map((c) => ({ state: c.state, body: dropTailJumps(c.body) })) };
    case "break":
    case "continue":
    case "return":
    case "goto":
      return code;
  }
}

/**
 * Replace `break label` (of a block) or `continue label` (of a loop) in tail position, where falling off the end has
 * the same effect, with nothing.
 */
function withoutTailJump(code: Code, label: string, jump: "break" | "continue" = "break"): Code {
  const empty: Code = { kind: "seq", items: [] };
  switch (code.kind) {
    case "break":
    case "continue":
      return code.kind === jump && code.label === label ? empty : code;
    case "seq": {
      const last = code.items[code.items.length - 1];
      return last ? { kind: "seq", items: [...code.items.slice(0, -1), withoutTailJump(last, label, jump)] } : code;
    }
    case "state": {
      // Exits that the emitters place in tail position: the normal exit of linear states, every exit of a Choice.
      const tail = code.state.kind === "choice" ? [...code.exits.keys()] : (["next"] as ExitKey[]);
      return { ...code, exits: new Map([...code.exits].map(([k, v]) => [k, tail.includes(k) ? withoutTailJump(v, label, jump) : v])) };
    }
    default:
      return code;
  }
}

function unwrapUnused(code: Code): Code {
  const targeted = new Set<string>();
  collectJumpTargets(code, targeted);
  const walk = (c: Code): Code => {
    switch (c.kind) {
      case "seq":
        return { kind: "seq", items: c.items.map(walk).flatMap((i) => (i.kind === "seq" ? i.items : [i])) };
      case "state":
        return { ...c, exits: new Map([...c.exits].map(([k, v]) => [k, walk(v)])) };
      case "block":
        return targeted.has(c.label) ? { kind: "block", label: c.label, body: walk(c.body) } : walk(c.body);
      case "loop":
        return { kind: "loop", label: c.label, body: walk(c.body), ...(targeted.has(c.label) ? { labelled: true } : {}) };
      case "dispatch":
        return { ...c, cases: c.cases.map((k) => ({ state: k.state, body: walk(k.body) })) };
      default:
        return c;
    }
  };
  return walk(code);
}

/** The labels some `break` or `continue` names (a dispatch loop's `goto`s name its own, always printed). */
function collectJumpTargets(code: Code, into: Set<string>): void {
  switch (code.kind) {
    case "break":
    case "continue":
      into.add(code.label);
      return;
    case "seq":
      code.items.forEach((i) => collectJumpTargets(i, into));
      return;
    case "state":
      code.exits.forEach((v) => collectJumpTargets(v, into));
      return;
    case "block":
    case "loop":
      collectJumpTargets(code.body, into);
      return;
    case "dispatch":
      code.cases.forEach((c) => collectJumpTargets(c.body, into));
      return;
    default:
      return;
  }
}
