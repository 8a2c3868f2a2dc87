import type { ResourceKind } from "../asl/integrations.js";

/**
 * The intermediate representation: one typed node per ASL state (a discriminated union on `kind`), each carrying its
 * origin, with every field normalised (defaults applied, mutually exclusive forms folded into one union). Lowering
 * (lower.ts) builds it from a validated definition; structuring and emission read it. Paths may read workflow
 * variables (`$name`, ASL-8).
 *
 * Query languages (ASL-3.2): a state written in JSONata carries `queryLanguage: "JSONata"` and its JSONata fields
 * (`arguments`, `output`, `items`, a rule's `condition`); its JSONPath fields are then absent. Absent means JSONPath.
 * Values of JSONata fields are kept as written: any JSON in which a string that is exactly `{% … %}` is an expression.
 */
export type QueryLanguage = "JSONata";

/** The JSONata fields a state may have (ASL-3.2); present only on JSONata states. */
export interface JsonataFields {
  queryLanguage?: QueryLanguage;
  /** Output: the state output (default `$states.result`, or `$states.input` for states without a result). */
  output?: unknown;
}
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

/**
 * A value that is written in the definition, read from the state input at run time (`…Path` fields, JSONPath), or
 * computed by a `{% %}` expression (JSONata).
 */
export type Dynamic<T> = { kind: "literal"; value: T } | { kind: "path"; path: string } | { kind: "expression"; expression: string };

/**
 * A JSONPath `Assign` (ASL-8): variable name → value, a payload template (ASL-3.3) whose `name.$` members hold a path
 * or an intrinsic call. Lowering leaves out an empty Assign, which assigns nothing.
 */
export type Assign = Readonly<Record<string, unknown>>;

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
  /** Evaluated against the error output `{Error, Cause}`; the state's own Assign is not (ASL-9, ASL-8). */
  assign?: Assign;
  /** JSONata: the Catcher's Output (default the error output). */
  output?: unknown;
}

/** Fields shared by the states that have an input/output data flow (ASL-3.1). */
export interface DataFlow {
  inputPath: PathField;
  outputPath: PathField;
}

/** Fields shared by Task, Parallel and Map. */
export interface ResultFlow extends DataFlow, JsonataFields {
  resultSelector?: unknown;
  resultPath: PathField;
  retry: Retrier[];
  catch: Catcher[];
  transition: Transition;
  /** Evaluated against the raw result, before ResultSelector (ASL-3.1 step 5). */
  assign?: Assign;
}

export interface PassState extends DataFlow, JsonataFields {
  kind: "pass";
  origin: Origin;
  parameters?: unknown;
  /** The literal `Result` (ASL-6.1), wrapped so that `null` can be told from "absent". */
  result?: { value: unknown };
  resultPath: PathField;
  transition: Transition;
  /** Evaluated against the Pass result: Result, else the effective input (ASL-3.1 step 5). */
  assign?: Assign;
}

export interface TaskState extends ResultFlow {
  kind: "task";
  origin: Origin;
  resource: string;
  integration: ResourceKind;
  parameters?: unknown;
  /** JSONata Arguments. */
  arguments?: unknown;
  timeoutSeconds?: Dynamic<number>;
  /** HeartbeatSeconds / HeartbeatSecondsPath (ASL-6.2): the heartbeat timeout of a callback or activity. */
  heartbeatSeconds?: Dynamic<number>;
  /** Credentials (ASL-6.2): `{RoleArn}` as written (JSONPath: a payload template; JSONata: expressions allowed). */
  credentials?: unknown;
}

export interface ChoiceBranch {
  /** JSONPath: the rule as written, without its Next, Assign and Output. */
  rule?: Readonly<Record<string, unknown>>;
  /** JSONata: the Condition, a boolean or an expression giving one. */
  condition?: unknown;
  next: string;
  /** Applied when this rule matches, instead of the state's Assign (ASL-6.3, ASL-8). */
  assign?: Assign;
  /** JSONata: the Output when this rule matches, instead of the state's (ASL-3.2 step 4). */
  output?: unknown;
}

export interface ChoiceState extends DataFlow, JsonataFields {
  kind: "choice";
  origin: Origin;
  choices: ChoiceBranch[];
  default?: string;
  /** Applied only when Default is taken (ASL-6.3); evaluated against the input after InputPath. */
  assign?: Assign;
}

export type WaitDuration = { kind: "seconds"; value: Dynamic<number> } | { kind: "timestamp"; value: Dynamic<string> };

export interface WaitState extends DataFlow, JsonataFields {
  kind: "wait";
  origin: Origin;
  duration: WaitDuration;
  transition: Transition;
  /** Evaluated against the input after InputPath (ASL-3.1 step 5). */
  assign?: Assign;
}

export interface SucceedState extends DataFlow, JsonataFields {
  kind: "succeed";
  origin: Origin;
}

/** Fail Error/Cause: a literal, a path or intrinsic read from the raw input (ASL-6.6), an expression, or absent. */
export type FailField = { kind: "literal"; value: string } | { kind: "path"; path: string } | { kind: "expression"; expression: string } | undefined;

export interface FailState {
  queryLanguage?: QueryLanguage;
  kind: "fail";
  origin: Origin;
  error: FailField;
  cause: FailField;
}

export interface ParallelState extends ResultFlow {
  kind: "parallel";
  origin: Origin;
  parameters?: unknown;
  /** JSONata Arguments. */
  arguments?: unknown;
  branches: ScopeIR[];
}

export interface MapState extends ResultFlow {
  kind: "map";
  origin: Origin;
  itemsPath: string;
  /** JSONata Items: an array or an expression giving one (default the state input). */
  items?: unknown;
  /** ItemSelector, or the legacy Parameters of a Map (same meaning). */
  itemSelector?: unknown;
  maxConcurrency: Dynamic<number>;
  toleratedFailureCount?: Dynamic<number>;
  toleratedFailurePercentage?: Dynamic<number>;
  processor: ScopeIR;
  /** ProcessorConfig.Mode DISTRIBUTED (ASL-6.8): the dataset, batching and export fields, as written. */
  distributed?: DistributedConfig;
}

/** The Distributed Map fields (ASL-6.8), kept as written: the runtime evaluates their templates and expressions. */
export interface DistributedConfig {
  executionType: "STANDARD" | "EXPRESS";
  label?: string;
  itemReader?: Readonly<Record<string, unknown>>;
  itemBatcher?: Readonly<Record<string, unknown>>;
  resultWriter?: Readonly<Record<string, unknown>>;
}

export type StateIR = PassState | TaskState | ChoiceState | WaitState | SucceedState | FailState | ParallelState | MapState;

export type StateKind = StateIR["kind"];

/** The ASL `Type` of each kind of state. */
export type StateType = "Pass" | "Task" | "Choice" | "Wait" | "Succeed" | "Fail" | "Parallel" | "Map";

export const STATE_TYPES: Readonly<Record<StateKind, StateType>> = {
  pass: "Pass",
  task: "Task",
  choice: "Choice",
  wait: "Wait",
  succeed: "Succeed",
  fail: "Fail",
  parallel: "Parallel",
  map: "Map",
};

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
  /**
   * Set when some state assigns or reads workflow variables (ASL-8): the generated code then holds a variable scope
   * per scope function. Absent otherwise, and the code has no variable plumbing.
   */
  usesVariables?: true;
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
