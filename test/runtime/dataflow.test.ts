import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import {
  applyInputPath,
  applyOutputPath,
  applyResultPath,
  applyResultSelector,
  checkPayloadSize,
  errorOutput,
} from "../../src/runtime/dataflow.js";
import { StatesError, errorMatches } from "../../src/runtime/errors.js";
import { selectPath } from "../../src/runtime/jsonpath.js";
import { evaluateTemplate } from "../../src/runtime/template.js";
import type { PathRoots } from "../../src/runtime/types.js";
import { SHARED } from "../support/shared.js";
import { deepFreeze, throwsStates } from "../support/values.js";

const raw = deepFreeze({ a: { b: 1, c: [1, 2, 3] }, list: [{ k: 1 }, { k: 2 }], s: "text" });
const outer: Omit<PathRoots, "input"> = deepFreeze({
  context: { Execution: { Input: { first: true } }, State: { Name: "S", RetryCount: 2 } },
  variables: { limit: 3 },
});

describe("applyInputPath (ASL-3.1 step 2)", () => {
  const cases: [string, unknown, string | null | undefined, unknown][] = [
    ["absent selects the whole input", raw, undefined, raw],
    ["$ selects the whole input", raw, "$", raw],
    ["null gives {}", raw, null, {}],
    ["null gives {} for a non-object input too", "HelloWorld", null, {}],
    ["a definite path selects one value", raw, "$.a.b", 1],
    ["an object is selected whole", raw, "$.a", raw.a],
    ["an indefinite path gives an array", raw, "$.list[*].k", [1, 2]],
    ["an indefinite path that matches nothing gives [] [obs]", raw, "$.list[?(@.k > 5)]", []],
    ["$ on a non-object input (ASL-10 [obs])", 0, "$", 0],
    [
      "$$ paths read the context object (ASL-7) [obs: test_input_path[$$.Execution.Input]]",
      raw,
      "$$.Execution.Input",
      { first: true },
    ],
    ["$name paths read variables (ASL-8)", raw, "$limit", 3],
  ];
  for (const [label, input, path, expected] of cases) {
    test(label, () => assert.deepEqual(applyInputPath(input, path, outer), expected));
  }

  test("a definite path that matches nothing raises States.Runtime [obs: test_invalid_jsonpath[ST.INVALID_JSONPATH_IN_INPUTPATH]]", () => {
    throwsStates(() => applyInputPath(raw, "$.NoSuchInputPath", outer), "States.Runtime", "$.NoSuchInputPath");
  });
});

describe("applyResultSelector (ASL-3.1 step 6)", () => {
  const result = deepFreeze({ Payload: { v: 7 }, StatusCode: 200 });

  test("absent keeps the raw result", () => assert.equal(applyResultSelector(result, undefined, outer), result));

  test("a payload template evaluated against the raw result, with $$ and variables", () => {
    const selector = {
      "value.$": "$.Payload.v",
      "code.$": "$.StatusCode",
      "input.$": "$$.Execution.Input",
      "max.$": "$limit",
      fixed: "x",
    };
    assert.deepEqual(applyResultSelector(result, selector, outer), {
      value: 7,
      code: 200,
      input: { first: true },
      max: 3,
      fixed: "x",
    });
  });

  test("$ inside the selector is the raw result, not the state input", () => {
    assert.deepEqual(applyResultSelector(result, { "all.$": "$" }, outer), { all: result });
  });

  test("a definite path that matches nothing raises States.Runtime", () => {
    throwsStates(() => applyResultSelector(result, { "x.$": "$.Missing" }, outer), "States.Runtime");
  });

  test("errors in its own checks name the field ResultSelector", () => {
    throwsStates(() => applyResultSelector(result, { "x.$": 1 }, outer), "States.Runtime", "ResultSelector");
  });
});

describe("applyResultPath (ASL-3.1 step 7)", () => {
  const result = deepFreeze({ r: true });
  const cases: [string, unknown, string | null | undefined, unknown][] = [
    ["absent: the output is the result", raw, undefined, result],
    ["$: the output is the result", raw, "$", result],
    ["$ replaces even a non-object input", "HelloWorld", "$", result],
    ["null: the output is the raw input, the result is discarded", raw, null, raw],
    ["$.x adds a field to a copy of the raw input", { k: 1 }, "$.x", { k: 1, x: result }],
    ["$.k overwrites an existing field", { k: 1, j: 2 }, "$.k", { k: result, j: 2 }],
    ["$.a.b creates missing intermediate objects", {}, "$.a.b", { a: { b: result } }],
    [
      "$.a.b keeps the siblings of existing intermediates",
      { a: { c: 3 }, d: 4 },
      "$.a.b",
      { a: { c: 3, b: result }, d: 4 },
    ],
    ["$['x y'] bracket notation", {}, "$['x y']", { "x y": result }],
  ];
  for (const [label, input, path, expected] of cases) {
    test(label, () => assert.deepEqual(applyResultPath(deepFreeze(input), result, path), expected));
  }

  test("the raw input is not modified and the copy is a new object", () => {
    const input = deepFreeze({ a: { c: 3 } });
    const out = applyResultPath(input, 1, "$.a.b") as { a: unknown };
    assert.notEqual(out, input);
    assert.notEqual(out.a, input.a);
    assert.deepEqual(input, { a: { c: 3 } });
  });

  for (const [label, input] of [
    ["a string", "HelloWorld"],
    ["a number", 0],
    ["a boolean", true],
    ["null", null],
  ] as const) {
    test(`a field cannot be set on ${label}: States.ResultPathMatchFailure`, () => {
      throwsStates(() => applyResultPath(input, 1, "$.x"), "States.ResultPathMatchFailure");
    });
  }

  test("an intermediate that is not an object: States.ResultPathMatchFailure", () => {
    throwsStates(() => applyResultPath({ a: "text" }, 1, "$.a.b"), "States.ResultPathMatchFailure");
  });
});

describe("applyOutputPath (ASL-3.1 step 8)", () => {
  const cases: [string, unknown, string | null | undefined, unknown][] = [
    ["absent keeps the value", raw, undefined, raw],
    ["$ keeps the value", raw, "$", raw],
    ["null gives {}", raw, null, {}],
    ["a path selects from the value", raw, "$.a.c[2]", 3],
    ["an indefinite path gives an array", raw, "$.a.c[1:]", [2, 3]],
    [
      "$$ paths read the context object [obs: test_output_path[$$.Execution.Input]]",
      raw,
      "$$.Execution.Input",
      { first: true },
    ],
  ];
  for (const [label, value, path, expected] of cases) {
    test(label, () => assert.deepEqual(applyOutputPath(value, path, outer), expected));
  }

  test("a definite path that matches nothing raises States.Runtime [obs: test_invalid_jsonpath[ST.INVALID_JSONPATH_IN_OUTPUTPATH]]", () => {
    throwsStates(() => applyOutputPath(raw, "$.NoSuchOutputPath", outer), "States.Runtime", "$.NoSuchOutputPath");
  });
});

describe("errorOutput (ASL-9)", () => {
  test("is { Error, Cause } in that order", () => {
    const out = errorOutput("States.TaskFailed", "it broke");
    assert.deepEqual(out, { Error: "States.TaskFailed", Cause: "it broke" });
    assert.deepEqual(Object.keys(out), ["Error", "Cause"]);
  });

  test("matches StatesError.toErrorOutput", () => {
    assert.deepEqual(errorOutput("Custom", ""), new StatesError("Custom", "").toErrorOutput());
  });

  test("placed by a Catcher's ResultPath on the raw input", () => {
    assert.deepEqual(applyResultPath({ k: 1 }, errorOutput("E", "C"), "$.error"), {
      k: 1,
      error: { Error: "E", Cause: "C" },
    });
  });
});

describe("checkPayloadSize (ASL-3.1 step 9): 256 KiB of UTF-8 JSON text", () => {
  const LIMIT = 262_144;
  // A JSON string of n ASCII characters is n + 2 bytes of text (the quotes).
  const ascii = (bytes: number): string => "x".repeat(bytes - 2);

  test("small values of every type pass", () => {
    for (const value of [null, 0, "", [], {}, { a: [1, "é", true] }])
      checkPayloadSize(value, "The output of the state 'S'");
  });

  test("exactly 262,144 bytes passes; one more fails with States.DataLimitExceeded naming the payload", () => {
    checkPayloadSize(ascii(LIMIT), "The output of the state 'S'");
    throwsStates(
      () => checkPayloadSize(ascii(LIMIT + 1), "The output of the state 'S'"),
      "States.DataLimitExceeded",
      "The output of the state 'S'",
    );
  });

  test("bytes are counted in UTF-8, not characters", () => {
    // "é" is 2 bytes: 131,071 of them plus the quotes make 262,144 bytes (but only 131,073 characters).
    checkPayloadSize("é".repeat(131_071), "payload");
    throwsStates(() => checkPayloadSize("é".repeat(131_072), "payload"), "States.DataLimitExceeded");
    // "😀" is 4 bytes (2 UTF-16 units): 65,536 of them are 262,146 bytes.
    throwsStates(() => checkPayloadSize("😀".repeat(65_536), "payload"), "States.DataLimitExceeded");
  });

  test("the size is that of the whole JSON text, structure included", () => {
    const value = { k: ascii(LIMIT - 8) }; // {"k":"…"} adds 6 bytes of structure to the quoted string
    checkPayloadSize(value, "payload");
    throwsStates(() => checkPayloadSize({ k: ascii(LIMIT - 5) }, "payload"), "States.DataLimitExceeded");
  });

  test("States.DataLimitExceeded is terminal: States.ALL does not catch it (ASL-9)", () => {
    assert.equal(errorMatches(["States.ALL"], "States.DataLimitExceeded"), false);
  });
});

// ── AWS-recorded executions ────────────────────────────────────────────────────────────────────────
//
// Each `trace` in shared/conformance/localstack-aws-recorded.jsonl is an AWS execution history. For every JSONPath
// state visit whose data flow these functions fully determine, the test below rebuilds the recorded value from the
// recorded input (and the recorded task result, iteration outputs or error), the way generated code chains the steps:
//
//   Pass                   entered input → exited output (or the States.* error that ended the execution)
//   Choice, Wait, Succeed  entered input → exited output (InputPath, then OutputPath)
//   Task                   entered input → each scheduled payload (InputPath + Parameters, `$$.State.RetryCount`);
//                          entered input + task result → exited output (ResultSelector, ResultPath, OutputPath) or
//                          the States.* error; entered input + task error → caught output (errorOutput + the
//                          Catcher's ResultPath)
//   Map                    entered input → each iteration's first input (InputPath, ItemsPath, ItemSelector with
//                          `$$.Map.Item`); iteration outputs → exited output; a Fail state's error → caught output
//   Parallel               entered input → each branch's first input; branch outputs → exited output
//
// `$$` is rebuilt for the values the recording keeps (Execution.Input, State.Name, State.RetryCount, Map.Item.Index and
// Value); visits whose fields read other context values (ARNs and timestamps the snapshot masked) or call States.UUID
// or States.MathRandom are left out, as are visits that cannot be told apart in the history (the same state entered
// again before it exited) and distributed Map runs, whose iterations are not in the history. Variables are replayed
// from the `assignedVariables` of earlier `*StateExited` events.

interface TraceEvent {
  type: string;
  name?: string;
  input?: unknown;
  output?: unknown;
  parameters?: unknown;
  error?: string;
  cause?: unknown;
  index?: number;
  assignedVariables?: Record<string, unknown>;
}

interface RecordedCase {
  id: string;
  features: string[];
  definition: unknown;
  trace?: TraceEvent[];
}

type StateDef = Readonly<Record<string, unknown>>;
type Scope = Readonly<Record<string, StateDef>>;

type Kind =
  | "Pass output"
  | "Pass error"
  | "Choice/Wait/Succeed output"
  | "Task payload"
  | "Task output"
  | "Task error"
  | "Task caught"
  | "Map item input"
  | "Map output"
  | "Map caught"
  | "Parallel branch input"
  | "Parallel output"
  | "Parallel caught";

interface Observation {
  id: string;
  kind: Kind;
  run: () => unknown;
  expected: { output: unknown } | { error: string };
  /** Error outputs: compare each `Cause` as parsed JSON (AWS formats Lambda causes with or without spaces). */
  looseCauses?: boolean;
}

const recorded: RecordedCase[] = readFileSync(`${SHARED}conformance/localstack-aws-recorded.jsonl`, "utf8")
  .trim()
  .split("\n")
  .map((line) => JSON.parse(line) as RecordedCase);

function statesOf(scope: unknown): Scope {
  return ((scope as { States?: Scope } | null)?.States ?? {}) as Scope;
}

function collectStates(scope: unknown, into = new Map<string, StateDef>()): Map<string, StateDef> {
  for (const [name, state] of Object.entries(statesOf(scope))) {
    into.set(name, state);
    for (const branch of branchesOf(state)) collectStates(branch, into);
    const processor = processorOf(state);
    if (processor !== undefined) collectStates(processor, into);
  }
  return into;
}

function branchesOf(state: StateDef): unknown[] {
  return Array.isArray(state.Branches) ? state.Branches : [];
}

function processorOf(state: StateDef): unknown {
  return state.ItemProcessor ?? state.Iterator;
}

function pathField(state: StateDef, key: string): string | null | undefined {
  const value = state[key];
  if (value === undefined || value === null || typeof value === "string") return value;
  throw new Error(`${key} is not a path: ${JSON.stringify(value)}`);
}

/** The fields whose evaluation these tests rebuild, per state type. */
const EVALUATED_FIELDS = ["InputPath", "Parameters", "ResultSelector", "OutputPath", "ItemsPath", "ItemSelector"];

function readsOnlyReproducibleValues(state: StateDef): boolean {
  const text = JSON.stringify(EVALUATED_FIELDS.map((f) => state[f]));
  if (/States\.(?:UUID|MathRandom)\b/.test(text)) return false;
  const allowed =
    state.Type === "Map"
      ? /^\$\$\.(?:Execution\.Input|State\.(?:Name|RetryCount)|Map\.Item\.(?:Index|Value))(?!\w)/
      : /^\$\$\.(?:Execution\.Input|State\.(?:Name|RetryCount))(?!\w)/;
  return (text.match(/\$\$[^\s,)'"]*/g) ?? []).every((p) => allowed.test(p));
}

/** A state's output after its work (ASL-3.1 steps 6–8): ResultSelector, ResultPath on the raw input, OutputPath. */
function afterWork(state: StateDef, rawInput: unknown, result: unknown, roots: Omit<PathRoots, "input">): unknown {
  const selected = applyResultSelector(result, state.ResultSelector, roots);
  return applyOutputPath(
    applyResultPath(rawInput, selected, pathField(state, "ResultPath")),
    pathField(state, "OutputPath"),
    roots,
  );
}

/** InputPath then Parameters (ASL-3.1 steps 2–3): the effective input of Pass, Task and Parallel. */
function effectiveInput(state: StateDef, rawInput: unknown, roots: Omit<PathRoots, "input">): unknown {
  const selected = applyInputPath(rawInput, pathField(state, "InputPath"), roots);
  return "Parameters" in state
    ? evaluateTemplate(state.Parameters, { ...roots, input: selected }, "Parameters")
    : selected;
}

function passOutput(state: StateDef, rawInput: unknown, roots: Omit<PathRoots, "input">): unknown {
  // Result is a literal, never a template (ASL-6.1 [obs]).
  const result = "Result" in state ? state.Result : effectiveInput(state, rawInput, roots);
  return applyOutputPath(
    applyResultPath(rawInput, result, pathField(state, "ResultPath")),
    pathField(state, "OutputPath"),
    roots,
  );
}

function caughtOutput(state: StateDef, rawInput: unknown, error: string, cause: string): unknown {
  const catchers = Array.isArray(state.Catch) ? (state.Catch as StateDef[]) : [];
  const catcher = catchers.find((c) => errorMatches(c.ErrorEquals as string[], error));
  if (catcher === undefined) throw new Error(`no Catcher matches ${error}`);
  return applyResultPath(rawInput, errorOutput(error, cause), pathField(catcher, "ResultPath"));
}

/** The snapshot library parsed payload strings that start with "{" (conformance README §1): mirror it. */
function asRecorded(value: unknown): unknown {
  if (typeof value !== "string" || !value.startsWith("{")) return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

function causeText(cause: unknown): string {
  return cause === undefined ? "" : typeof cause === "string" ? cause : JSON.stringify(cause);
}

function parseCauses(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(parseCauses);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, k === "Cause" && typeof v === "string" ? asRecorded(v) : parseCauses(v)]),
  );
}

function isTerminal(state: StateDef | undefined): boolean {
  return state !== undefined && (state.End === true || state.Type === "Succeed");
}

/** The output of a branch or iteration: the last exit, within `events`, of a terminal state of `scope`. */
function scopeOutput(scope: unknown, events: readonly TraceEvent[]): { output: unknown } | undefined {
  const states = statesOf(scope);
  const exits = events.filter(
    (e) => e.type.endsWith("StateExited") && e.name !== undefined && isTerminal(states[e.name]),
  );
  const last = exits[exits.length - 1];
  return last === undefined ? undefined : { output: last.output };
}

/** The first literal error a Fail state raised within `events`. */
function failStateError(
  states: Map<string, StateDef>,
  events: readonly TraceEvent[],
): { error: string; cause: string } | undefined {
  const entered = events.find((e) => e.type === "FailStateEntered");
  const state = entered?.name === undefined ? undefined : states.get(entered.name);
  if (state === undefined || typeof state.Error !== "string") return undefined;
  return { error: state.Error, cause: typeof state.Cause === "string" ? state.Cause : "" };
}

interface Extraction {
  observations: Observation[];
  skipped: string[];
}

function extract(): Extraction {
  const observations: Observation[] = [];
  const skipped: string[] = [];
  for (const c of recorded) {
    if (c.trace === undefined || c.features.some((f) => f.startsWith("QueryLanguage:"))) continue;
    extractCase(c, c.trace, observations, skipped);
  }
  return { observations, skipped };
}

function extractCase(
  c: RecordedCase,
  trace: readonly TraceEvent[],
  observations: Observation[],
  skipped: string[],
): void {
  const states = collectStates(c.definition);
  const variables: Record<string, unknown> = {};
  let executionInput: unknown = null;

  trace.forEach((event, at) => {
    if (event.type === "ExecutionStarted") executionInput = event.input;
    const name = event.name;
    const type = event.type.endsWith("StateEntered") ? event.type.slice(0, -"StateEntered".length) : undefined;
    const state = name === undefined ? undefined : states.get(name);
    if (type !== undefined && type !== "Fail" && name !== undefined && state !== undefined) {
      const id = `${c.id} @${at} ${name}`;
      const visit = findVisit(trace, at, type, name);
      if (visit === undefined) skipped.push(`${id}: entered again before it exited`);
      else if (!readsOnlyReproducibleValues(state))
        skipped.push(`${id}: reads masked context values or random intrinsics`);
      else {
        const snapshot = { ...variables };
        const roots = (retryCount: number, extra: object = {}): Omit<PathRoots, "input"> => ({
          context: { Execution: { Input: executionInput }, State: { Name: name, RetryCount: retryCount }, ...extra },
          variables: snapshot,
        });
        const add = (
          kind: Kind,
          suffix: string,
          run: () => unknown,
          expected: Observation["expected"],
          looseCauses = false,
        ): void => {
          observations.push({ id: `${id}${suffix}`, kind, run, expected, looseCauses });
        };
        visitObservations(type, state, states, event.input, visit, roots, add);
      }
    }
    if (event.assignedVariables !== undefined) Object.assign(variables, event.assignedVariables);
  });
}

interface Visit {
  /** Events after the Entered event, up to (not including) the Exited event or the end of the trace. */
  span: readonly TraceEvent[];
  exited: TraceEvent | undefined;
  /** The States.* error that ended the execution, when its cause names this state and the state did not exit. */
  failure: string | undefined;
}

function findVisit(trace: readonly TraceEvent[], at: number, type: string, name: string): Visit | undefined {
  const rest = trace.slice(at + 1);
  const end = rest.findIndex((e) => e.type === `${type}StateExited` && e.name === name);
  const span = end === -1 ? rest : rest.slice(0, end);
  if (span.some((e) => e.type === `${type}StateEntered` && e.name === name)) return undefined;
  const last = span[span.length - 1];
  const failure =
    end === -1 &&
    last?.type === "ExecutionFailed" &&
    last.error?.startsWith("States.") === true &&
    typeof last.cause === "string" &&
    last.cause.includes(`executing the state '${name}'`)
      ? last.error
      : undefined;
  return { span, exited: end === -1 ? undefined : rest[end], failure };
}

type Add = (
  kind: Kind,
  suffix: string,
  run: () => unknown,
  expected: Observation["expected"],
  looseCauses?: boolean,
) => void;
type RootsFor = (retryCount: number, extra?: object) => Omit<PathRoots, "input">;

function visitObservations(
  type: string,
  state: StateDef,
  states: Map<string, StateDef>,
  rawInput: unknown,
  visit: Visit,
  roots: RootsFor,
  add: Add,
): void {
  switch (type) {
    case "Pass":
      if (visit.exited !== undefined)
        add("Pass output", "", () => passOutput(state, rawInput, roots(0)), { output: visit.exited.output });
      else if (visit.failure !== undefined)
        add("Pass error", "", () => passOutput(state, rawInput, roots(0)), { error: visit.failure });
      return;
    case "Choice":
    case "Wait":
    case "Succeed":
      if (visit.exited !== undefined) {
        const run = (): unknown =>
          applyOutputPath(
            applyInputPath(rawInput, pathField(state, "InputPath"), roots(0)),
            pathField(state, "OutputPath"),
            roots(0),
          );
        add("Choice/Wait/Succeed output", "", run, { output: visit.exited.output });
      }
      return;
    case "Task":
      taskObservations(state, rawInput, visit, roots, add);
      return;
    case "Map":
      mapObservations(state, states, rawInput, visit, roots, add);
      return;
    case "Parallel":
      parallelObservations(state, states, rawInput, visit, roots, add);
      return;
  }
}

function taskObservations(state: StateDef, rawInput: unknown, visit: Visit, roots: RootsFor, add: Add): void {
  if (visit.span.some((e) => e.type.endsWith("StateEntered"))) return; // interleaved with other states: ambiguous
  const scheduled = visit.span.filter((e) => e.type === "TaskScheduled" || e.type === "LambdaFunctionScheduled");
  scheduled.forEach((e, attempt) => {
    const payload = e.type === "TaskScheduled" ? e.parameters : e.input;
    add("Task payload", ` attempt ${attempt}`, () => asRecorded(effectiveInput(state, rawInput, roots(attempt))), {
      output: payload,
    });
  });
  const retryCount = Math.max(0, scheduled.length - 1);
  const outcome = [...visit.span].reverse().find((e) => /^(Task|LambdaFunction)(Succeeded|Failed)$/.test(e.type));
  if (outcome === undefined) {
    if (visit.failure !== undefined)
      add("Task error", " before scheduling", () => effectiveInput(state, rawInput, roots(0)), {
        error: visit.failure,
      });
    return;
  }
  if (outcome.type.endsWith("Succeeded")) {
    const run = (): unknown => afterWork(state, rawInput, outcome.output, roots(retryCount));
    if (visit.exited !== undefined) add("Task output", "", run, { output: visit.exited.output });
    else if (visit.failure !== undefined) add("Task error", " after the result", run, { error: visit.failure });
  } else if (visit.exited !== undefined && outcome.error !== undefined) {
    const error = outcome.error;
    add(
      "Task caught",
      "",
      () => caughtOutput(state, rawInput, error, causeText(outcome.cause)),
      { output: visit.exited.output },
      true,
    );
  }
}

function mapObservations(
  state: StateDef,
  states: Map<string, StateDef>,
  rawInput: unknown,
  visit: Visit,
  roots: RootsFor,
  add: Add,
): void {
  if (visit.span.some((e) => e.type === "MapRunStarted")) return; // distributed: the iterations are not in this history
  const processor = processorOf(state);
  const startAt = (processor as { StartAt?: string } | undefined)?.StartAt;
  // A retried Map starts again: only the last run counts.
  const lastStart = visit.span.map((e) => e.type).lastIndexOf("MapStateStarted");
  const run = visit.span.slice(lastStart + 1);
  const iterations: { index: number; events: readonly TraceEvent[]; succeeded: boolean }[] = [];
  for (let i = 0; i < run.length; i++) {
    const e = run[i];
    if (e?.type !== "MapIterationStarted" || e.index === undefined) continue;
    const end = run.findIndex(
      (x, j) => j > i && /^MapIteration(Succeeded|Failed)$/.test(x.type) && x.index === e.index,
    );
    const events = run.slice(i + 1, end === -1 ? run.length : end);
    if (events.some((x) => x.type === "MapIterationStarted")) return; // iterations interleave: ambiguous
    iterations.push({ index: e.index, events, succeeded: run[end]?.type === "MapIterationSucceeded" });
  }
  const items = (): unknown[] => {
    const selected = applyInputPath(rawInput, pathField(state, "InputPath"), roots(0));
    const itemsPath = pathField(state, "ItemsPath");
    const value = itemsPath ? selectPath(itemsPath, { ...roots(0), input: selected }, "ItemsPath") : selected;
    if (!Array.isArray(value)) throw new Error("the items are not an array");
    return value;
  };
  const selector = state.ItemSelector ?? state.Parameters;
  for (const iteration of iterations) {
    const first = iteration.events.find((e) => e.type.endsWith("StateEntered") && e.name === startAt);
    if (first === undefined) continue;
    const itemInput = (): unknown => {
      const selected = applyInputPath(rawInput, pathField(state, "InputPath"), roots(0));
      const value = items()[iteration.index];
      const item = { Map: { Item: { Index: iteration.index, Value: value } } };
      // ItemSelector's `$` is the Map's input after InputPath; the item itself is `$$.Map.Item.Value` (ASL-6.8).
      return selector === undefined
        ? value
        : evaluateTemplate(selector, { ...roots(0, item), input: selected }, "ItemSelector");
    };
    add("Map item input", ` item ${iteration.index}`, itemInput, { output: first.input });
  }
  if (visit.exited === undefined) return;
  if (iterations.every((i) => i.succeeded)) {
    const outputs = iterations.map((i) => scopeOutput(processor, i.events));
    if (outputs.some((o) => o === undefined)) return;
    add(
      "Map output",
      "",
      () =>
        afterWork(
          state,
          rawInput,
          outputs.map((o) => o?.output),
          roots(0),
        ),
      { output: visit.exited.output },
    );
  } else {
    const failed = failStateError(states, run);
    if (failed !== undefined)
      add(
        "Map caught",
        "",
        () => caughtOutput(state, rawInput, failed.error, failed.cause),
        { output: visit.exited.output },
        true,
      );
  }
}

function parallelObservations(
  state: StateDef,
  states: Map<string, StateDef>,
  rawInput: unknown,
  visit: Visit,
  roots: RootsFor,
  add: Add,
): void {
  const branches = branchesOf(state);
  branches.forEach((branch, b) => {
    const startAt = (branch as { StartAt?: string }).StartAt;
    const first = visit.span.find((e) => e.type.endsWith("StateEntered") && e.name === startAt);
    if (first !== undefined)
      add("Parallel branch input", ` branch ${b}`, () => effectiveInput(state, rawInput, roots(0)), {
        output: first.input,
      });
  });
  if (visit.exited === undefined) return;
  const outputs = branches.map((branch) => scopeOutput(branch, visit.span));
  if (outputs.every((o) => o !== undefined)) {
    add(
      "Parallel output",
      "",
      () =>
        afterWork(
          state,
          rawInput,
          outputs.map((o) => o?.output),
          roots(0),
        ),
      { output: visit.exited.output },
    );
  } else {
    const failed = failStateError(states, visit.span);
    if (failed !== undefined)
      add(
        "Parallel caught",
        "",
        () => caughtOutput(state, rawInput, failed.error, failed.cause),
        { output: visit.exited.output },
        true,
      );
  }
}

describe("state data flow recorded on AWS (conformance traces)", () => {
  const { observations, skipped } = extract();
  const counts = new Map<Kind, number>();
  for (const o of observations) counts.set(o.kind, (counts.get(o.kind) ?? 0) + 1);
  const summary = [...counts].map(([kind, n]) => `${kind} ${n}`).join(", ");

  test(`reproduces ${observations.length} recorded values (${summary}); ${skipped.length} visits left out`, () => {
    const minimum: [Kind, number][] = [
      ["Pass output", 150],
      ["Pass error", 2],
      ["Choice/Wait/Succeed output", 15],
      ["Task payload", 20],
      ["Task output", 10],
      ["Task error", 1],
      ["Task caught", 4],
      ["Map item input", 40],
      ["Map output", 10],
      ["Parallel branch input", 8],
      ["Parallel output", 2],
    ];
    for (const [kind, n] of minimum)
      assert.ok((counts.get(kind) ?? 0) >= n, `${kind}: ${counts.get(kind) ?? 0} < ${n}`);
    assert.ok(skipped.length <= 25, `unexpectedly many visits left out:\n${skipped.join("\n")}`);
  });

  for (const o of observations) {
    test(`${o.kind}: ${o.id}`, () => {
      if ("error" in o.expected) {
        throwsStates(o.run, o.expected.error);
      } else if (o.looseCauses === true) {
        assert.deepEqual(parseCauses(asRecorded(o.run())), parseCauses(o.expected.output));
      } else {
        assert.deepEqual(asRecorded(o.run()), o.expected.output);
      }
    });
  }
});
