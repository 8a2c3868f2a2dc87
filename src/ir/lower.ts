import { classifyResource, resourceText } from "../asl/integrations.js";
import type { Diagnostic } from "../diagnostics/types.js";
import { childPointer } from "../load/pointer.js";
import { buildModel, isObject } from "../validate/model.js";
import { assignmentsOf, readsOf } from "../validate/variables.js";
import type {
  Assign,
  Catcher,
  ChoiceBranch,
  ChoiceState,
  DistributedConfig,
  Dynamic,
  FailField,
  MachineIR,
  MapState,
  ParallelState,
  PassState,
  PathField,
  Retrier,
  ScopeIR,
  StateIR,
  TaskState,
  Transition,
  WaitState,
} from "./types.js";
import { unsupportedFeatures } from "./unsupported.js";

type Fields = Readonly<Record<string, unknown>>;

export interface LowerResult {
  machine?: MachineIR;
  diagnostics: Diagnostic[];
}

/**
 * Lower a definition that passed validation into the IR. Features this stage does not translate yet are reported
 * (ASL801) and no IR is returned, so no wrong code can be emitted for them.
 */
export function lower(definition: unknown): LowerResult {
  const diagnostics = unsupportedFeatures(definition);
  if (diagnostics.length > 0 || !isObject(definition)) return { diagnostics };
  const languages = new Map(buildModel(definition).states.map((st) => [st.pointer, st.queryLanguage]));
  const machine: MachineIR = { scope: lowerScope(definition, "", (pointer) => languages.get(pointer) === "JSONata") };
  if (typeof definition["Comment"] === "string") machine.comment = definition["Comment"];
  if (typeof definition["TimeoutSeconds"] === "number") machine.timeoutSeconds = definition["TimeoutSeconds"];
  if (usesVariables(definition)) machine.usesVariables = true;
  return { machine, diagnostics };
}

/** Does any state assign a workflow variable, or read one through a `$name` path (ASL-8)? */
function usesVariables(definition: unknown): boolean {
  return buildModel(definition).states.some((state) => assignmentsOf(state).length > 0 || readsOf(state).length > 0);
}

/** Is the state at this pointer written in JSONata (its own QueryLanguage, else its scope's, ASL-3.2)? */
type IsJsonata = (pointer: string) => boolean;

function lowerScope(obj: Fields, pointer: string, isJsonata: IsJsonata): ScopeIR {
  const states = isObject(obj["States"]) ? obj["States"] : {};
  return {
    pointer,
    startAt: String(obj["StartAt"]),
    states: Object.entries(states).map(([name, raw]) => {
      const statePointer = childPointer(pointer, "States", name);
      const state = lowerState(name, isObject(raw) ? raw : {}, statePointer, isJsonata);
      return isJsonata(statePointer) ? withJsonata(state, isObject(raw) ? raw : {}) : state;
    }),
  };
}

/**
 * The JSONata fields of a state (ASL-3.2): lowering reads the fields both languages share the same way (an
 * expression in a numeric field becomes a Dynamic `expression`), and this adds what only JSONata has.
 */
function withJsonata(state: StateIR, f: Fields): StateIR {
  state.queryLanguage = "JSONata";
  if (state.kind !== "fail" && "Output" in f) state.output = f["Output"];
  if ((state.kind === "task" || state.kind === "parallel") && "Arguments" in f) state.arguments = f["Arguments"];
  if (state.kind === "map" && "Items" in f) state.items = f["Items"];
  return state;
}

function lowerState(name: string, f: Fields, pointer: string, isJsonata: IsJsonata): StateIR {
  const origin = { name, pointer };
  const type = f["Type"];
  switch (type) {
    case "Pass": {
      const state: PassState = { kind: "pass", origin, ...dataFlow(f), resultPath: pathField(f, "ResultPath"), transition: transition(f) };
      if ("Parameters" in f) state.parameters = f["Parameters"];
      if ("Result" in f) state.result = { value: f["Result"] };
      return withAssign(state, f);
    }
    case "Task": {
      // A CloudFormation intrinsic becomes the `${…}` placeholder it stands for, resolved when the handler runs.
      const resource = resourceText(f["Resource"]) ?? String(f["Resource"]);
      const state: TaskState = { kind: "task", origin, resource, integration: classifyResource(resource), ...resultFlow(f) };
      if ("Parameters" in f) state.parameters = f["Parameters"];
      const timeout = dynamic<number>(f, "TimeoutSeconds");
      if (timeout) state.timeoutSeconds = timeout;
      const heartbeat = dynamic<number>(f, "HeartbeatSeconds");
      if (heartbeat) state.heartbeatSeconds = heartbeat;
      if (isObject(f["Credentials"])) state.credentials = f["Credentials"];
      return state;
    }
    case "Choice": {
      const choices = Array.isArray(f["Choices"]) ? f["Choices"] : [];
      const state: ChoiceState = { kind: "choice", origin, ...dataFlow(f), choices: choices.filter(isObject).map(choiceBranch) };
      if (typeof f["Default"] === "string") state.default = f["Default"];
      return withAssign(state, f);
    }
    case "Wait": {
      const seconds = dynamic<number>(f, "Seconds");
      const timestamp = dynamic<string>(f, "Timestamp");
      const duration: WaitState["duration"] = seconds ? { kind: "seconds", value: seconds } : { kind: "timestamp", value: timestamp as Dynamic<string> };
      return withAssign<WaitState>({ kind: "wait", origin, ...dataFlow(f), duration, transition: transition(f) }, f);
    }
    case "Succeed":
      return { kind: "succeed", origin, ...dataFlow(f) };
    case "Fail":
      return { kind: "fail", origin, error: failField(f, "Error"), cause: failField(f, "Cause") };
    case "Parallel": {
      const branches = Array.isArray(f["Branches"]) ? f["Branches"] : [];
      const state: ParallelState = {
        kind: "parallel",
        origin,
        ...resultFlow(f),
        branches: branches.map((b, i) => lowerScope(isObject(b) ? b : {}, childPointer(pointer, "Branches", i), isJsonata)),
      };
      if ("Parameters" in f) state.parameters = f["Parameters"];
      return state;
    }
    case "Map": {
      const key = "ItemProcessor" in f ? "ItemProcessor" : "Iterator";
      const processor = isObject(f[key]) ? (f[key] as Fields) : {};
      const state: MapState = {
        kind: "map",
        origin,
        ...resultFlow(f),
        itemsPath: typeof f["ItemsPath"] === "string" ? f["ItemsPath"] : "$",
        maxConcurrency: dynamic<number>(f, "MaxConcurrency") ?? { kind: "literal", value: 0 },
        processor: lowerScope(processor, childPointer(pointer, key), isJsonata),
      };
      const selector = "ItemSelector" in f ? f["ItemSelector"] : f["Parameters"];
      if (selector !== undefined) state.itemSelector = selector;
      const config = isObject(processor["ProcessorConfig"]) ? processor["ProcessorConfig"] : {};
      if (config["Mode"] === "DISTRIBUTED") {
        const distributed: DistributedConfig = { executionType: config["ExecutionType"] === "EXPRESS" ? "EXPRESS" : "STANDARD" };
        if (typeof f["Label"] === "string") distributed.label = f["Label"];
        if (isObject(f["ItemReader"])) distributed.itemReader = f["ItemReader"];
        if (isObject(f["ItemBatcher"])) distributed.itemBatcher = f["ItemBatcher"];
        if (isObject(f["ResultWriter"])) distributed.resultWriter = f["ResultWriter"];
        state.distributed = distributed;
      }
      const count = dynamic<number>(f, "ToleratedFailureCount");
      if (count) state.toleratedFailureCount = count;
      const percentage = dynamic<number>(f, "ToleratedFailurePercentage");
      if (percentage) state.toleratedFailurePercentage = percentage;
      return state;
    }
    default:
      throw new Error(`lower: state ${JSON.stringify(name)} has type ${JSON.stringify(type)}; validation must run first`);
  }
}

function pathField(f: Fields, key: string): PathField {
  const value = f[key];
  return value === null ? null : typeof value === "string" ? value : undefined;
}

function dataFlow(f: Fields): { inputPath: PathField; outputPath: PathField } {
  return { inputPath: pathField(f, "InputPath"), outputPath: pathField(f, "OutputPath") };
}

function resultFlow(f: Fields): Omit<TaskState, "kind" | "origin" | "resource" | "integration"> {
  const flow: Omit<TaskState, "kind" | "origin" | "resource" | "integration"> = {
    ...dataFlow(f),
    resultPath: pathField(f, "ResultPath"),
    retry: (Array.isArray(f["Retry"]) ? f["Retry"] : []).filter(isObject).map(retrier),
    catch: (Array.isArray(f["Catch"]) ? f["Catch"] : []).filter(isObject).map(catcher),
    transition: transition(f),
  };
  if ("ResultSelector" in f) flow.resultSelector = f["ResultSelector"];
  return withAssign(flow, f);
}

/** The Assign of a state, rule or catcher (ASL-8), when it assigns anything: an empty one is a no-op. */
function withAssign<T extends { assign?: Assign }>(target: T, f: Fields): T {
  const assign = f["Assign"];
  if (isObject(assign) && Object.keys(assign).length > 0) target.assign = assign;
  return target;
}

/**
 * A Choice rule: JSONPath — the rule as written (Next and Assign taken out); JSONata — its Condition and Output;
 * both — its Next and its Assign.
 */
function choiceBranch(raw: Fields): ChoiceBranch {
  const { Next: next, Assign: _assign, Output: output, Condition: condition, ...rule } = raw;
  const branch: ChoiceBranch = { next: String(next) };
  if ("Condition" in raw) branch.condition = condition;
  else branch.rule = rule;
  if ("Output" in raw) branch.output = output;
  return withAssign(branch, raw);
}

function transition(f: Fields): Transition {
  return typeof f["Next"] === "string" ? { kind: "next", target: f["Next"] } : { kind: "end" };
}

/** ASL-9 defaults: IntervalSeconds 1, MaxAttempts 3, BackoffRate 2.0, JitterStrategy NONE. */
function retrier(r: Fields): Retrier {
  const out: Retrier = {
    errorEquals: strings(r["ErrorEquals"]),
    intervalSeconds: typeof r["IntervalSeconds"] === "number" ? r["IntervalSeconds"] : 1,
    maxAttempts: typeof r["MaxAttempts"] === "number" ? r["MaxAttempts"] : 3,
    backoffRate: typeof r["BackoffRate"] === "number" ? r["BackoffRate"] : 2,
    jitter: r["JitterStrategy"] === "FULL" ? "FULL" : "NONE",
  };
  if (typeof r["MaxDelaySeconds"] === "number") out.maxDelaySeconds = r["MaxDelaySeconds"];
  return out;
}

function catcher(c: Fields): Catcher {
  const out = withAssign<Catcher>({ errorEquals: strings(c["ErrorEquals"]), resultPath: pathField(c, "ResultPath"), next: String(c["Next"]) }, c);
  if ("Output" in c) out.output = c["Output"];
  return out;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/** `Name` (a literal or, in JSONata, a `{% %}` expression) or `NamePath` (read at run time). */
function dynamic<T>(f: Fields, key: string): Dynamic<T> | undefined {
  if (typeof f[`${key}Path`] === "string") return { kind: "path", path: f[`${key}Path`] as string };
  if (isExpression(f[key])) return { kind: "expression", expression: f[key] };
  if (f[key] !== undefined) return { kind: "literal", value: f[key] as T };
  return undefined;
}

function failField(f: Fields, key: string): FailField {
  if (typeof f[`${key}Path`] === "string") return { kind: "path", path: f[`${key}Path`] as string };
  if (isExpression(f[key])) return { kind: "expression", expression: f[key] };
  if (typeof f[key] === "string") return { kind: "literal", value: f[key] as string };
  return undefined;
}

/** A JSONata expression: a string that is exactly `{% … %}` (ASL-3.2). JSONPath states never hold one (the validator). */
function isExpression(value: unknown): value is string {
  return typeof value === "string" && value.startsWith("{%") && value.endsWith("%}");
}
