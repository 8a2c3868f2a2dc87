import type { ResourceKind } from "../asl/integrations.js";

/**
 * The intermediate representation: one typed node per ASL state (a discriminated union on `kind`), each carrying its
 * origin, with every field normalised (defaults applied, mutually exclusive forms folded into one union). Lowering
 * (lower.ts) builds it from a validated definition; structuring and emission read it. JSONPath query language only:
 * JSONata states are reported as not supported yet by lowering.
 */
export interface Origin {
  /** The state's name, unique across the machine. */
  name: string;
  /** JSON pointer of the state object. */
  pointer: string;
}

/** Where control goes after a state: another state of the same scope, or the end of the scope. */
export type Transition = { kind: "next"; target: string } | { kind: "end" };

/** A JSONPath data-flow field: absent (the default `$`), `null`, or a path. */
export type PathField = string | null | undefined;

/** A value that is either written in the definition or read from the state input at run time (`…Path` fields). */
export type Dynamic<T> = { kind: "literal"; value: T } | { kind: "path"; path: string };

/** ASL-9 retrier, with defaults applied. */
export interface Retrier {
  errorEquals: string[];
  intervalSeconds: number;
  maxAttempts: number;
  backoffRate: number;
  maxDelaySeconds?: number;
  jitter: "FULL" | "NONE";
}

/** ASL-9 catcher. */
export interface Catcher {
  errorEquals: string[];
  resultPath: PathField;
  next: string;
}

/** Fields shared by the states that have an input/output data flow (ASL-3.1). */
export interface DataFlow {
  inputPath: PathField;
  outputPath: PathField;
}

/** Fields shared by Task, Parallel and Map. */
export interface ResultFlow extends DataFlow {
  resultSelector?: unknown;
  resultPath: PathField;
  retry: Retrier[];
  catch: Catcher[];
  transition: Transition;
}

export interface PassState extends DataFlow {
  kind: "pass";
  origin: Origin;
  parameters?: unknown;
  /** The literal `Result` (ASL-6.1), wrapped so that `null` can be told from "absent". */
  result?: { value: unknown };
  resultPath: PathField;
  transition: Transition;
}

export interface TaskState extends ResultFlow {
  kind: "task";
  origin: Origin;
  resource: string;
  integration: ResourceKind;
  parameters?: unknown;
  timeoutSeconds?: Dynamic<number>;
}

export interface ChoiceBranch {
  rule: Readonly<Record<string, unknown>>;
  next: string;
}

export interface ChoiceState extends DataFlow {
  kind: "choice";
  origin: Origin;
  choices: ChoiceBranch[];
  default?: string;
}

export type WaitDuration = { kind: "seconds"; value: Dynamic<number> } | { kind: "timestamp"; value: Dynamic<string> };

export interface WaitState extends DataFlow {
  kind: "wait";
  origin: Origin;
  duration: WaitDuration;
  transition: Transition;
}

export interface SucceedState extends DataFlow {
  kind: "succeed";
  origin: Origin;
}

/** Fail Error/Cause: a literal, a path or intrinsic read from the raw input (ASL-6.6), or absent. */
export type FailField = { kind: "literal"; value: string } | { kind: "path"; path: string } | undefined;

export interface FailState {
  kind: "fail";
  origin: Origin;
  error: FailField;
  cause: FailField;
}

export interface ParallelState extends ResultFlow {
  kind: "parallel";
  origin: Origin;
  parameters?: unknown;
  branches: ScopeIR[];
}

export interface MapState extends ResultFlow {
  kind: "map";
  origin: Origin;
  itemsPath: string;
  /** ItemSelector, or the legacy Parameters of a Map (same meaning). */
  itemSelector?: unknown;
  maxConcurrency: Dynamic<number>;
  toleratedFailureCount?: Dynamic<number>;
  toleratedFailurePercentage?: Dynamic<number>;
  processor: ScopeIR;
}

export type StateIR = PassState | TaskState | ChoiceState | WaitState | SucceedState | FailState | ParallelState | MapState;

export type StateKind = StateIR["kind"];

/** A closed scope: the machine, a Parallel branch, or a Map processor. States are in document order. */
export interface ScopeIR {
  /** Pointer of the object holding StartAt and States. */
  pointer: string;
  startAt: string;
  states: StateIR[];
}

export interface MachineIR {
  comment?: string;
  timeoutSeconds?: number;
  scope: ScopeIR;
}

/** Every transition target of a state (for the graph): Next, Choice rules and Default, Catch. */
export function successors(state: StateIR): string[] {
  switch (state.kind) {
    case "pass":
    case "wait":
      return state.transition.kind === "next" ? [state.transition.target] : [];
    case "task":
    case "parallel":
    case "map":
      return [...(state.transition.kind === "next" ? [state.transition.target] : []), ...state.catch.map((c) => c.next)];
    case "choice":
      return [...state.choices.map((c) => c.next), ...(state.default !== undefined ? [state.default] : [])];
    case "succeed":
    case "fail":
      return [];
  }
}
