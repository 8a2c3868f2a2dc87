import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import type { IntrinsicRandom } from "../../src/runtime/intrinsics.js";
import { evaluateTemplate } from "../../src/runtime/template.js";
import type { PathRoots } from "../../src/runtime/types.js";
import { SHARED } from "../support/shared.js";
import { deepFreeze, throwsStates } from "../support/values.js";

const input = deepFreeze({
  a: 1,
  s: "text",
  nested: { b: [10, 20, 30], flag: false, none: null },
  items: [
    { id: "x", n: 1 },
    { id: "y", n: 2 },
  ],
});
const context = deepFreeze({
  Execution: { Input: { original: true }, Name: "exec-1" },
  State: { Name: "MyState", RetryCount: 0 },
  Map: { Item: { Index: 3, Value: { sku: "A-1" } } },
});
const roots: PathRoots = { input, context, variables: deepFreeze({ limit: 5, order: { id: "o-7" } }) };

function evaluate(template: unknown, field = "Parameters"): unknown {
  return evaluateTemplate(deepFreeze(template), roots, field);
}

describe("evaluateTemplate: literal values are copied (ASL-3.3)", () => {
  const literals: [string, unknown][] = [
    ["string", "hello"],
    ["a string that looks like a path, without a .$ key", "$.a"],
    ["number", 1.5],
    ["boolean", true],
    ["null", null],
    ["empty object", {}],
    ["empty array", []],
    ["nested objects and arrays", { a: { b: [1, { c: "d" }, [null]] }, e: "$.a" }],
  ];
  for (const [label, template] of literals) {
    test(label, () => assert.deepEqual(evaluate(template), template));
  }

  test("objects and arrays are new values, the template is not modified", () => {
    const template = deepFreeze({ o: { k: 1 }, arr: [{ k: 2 }] });
    const out = evaluateTemplate(template, roots, "Parameters") as { o: unknown; arr: unknown[] };
    assert.deepEqual(out, template);
    assert.notEqual(out, template);
    assert.notEqual(out.o, template.o);
    assert.notEqual(out.arr, template.arr);
    assert.notEqual(out.arr[0], template.arr[0]);
  });

  test('a "__proto__" key (an own key after JSON.parse) stays an ordinary own key', () => {
    const template = JSON.parse('{"__proto__": {"x": 1}, "__proto__.$": "$.a"}') as unknown;
    const out = evaluate(template) as Record<string, unknown>;
    assert.equal(Object.getPrototypeOf(out), Object.prototype);
    assert.deepEqual(Object.getOwnPropertyDescriptor(out, "__proto__")?.value, 1);
    assert.equal(Object.keys(out).length, 1);
  });
});

describe("evaluateTemplate: keys ending in .$ (ASL-3.3)", () => {
  const cases: [string, unknown, unknown][] = [
    ["a path at the top level loses the .$ suffix", { "value.$": "$.a" }, { value: 1 }],
    ["$ is the whole input", { "all.$": "$" }, { all: input }],
    ["in a nested object", { outer: { "inner.$": "$.nested.b[1]" } }, { outer: { inner: 20 } }],
    [
      "in objects inside arrays",
      { list: [{ "x.$": "$.s" }, { y: 2 }, [{ "z.$": "$.a" }]] },
      { list: [{ x: "text" }, { y: 2 }, [{ z: 1 }]] },
    ],
    [
      "a selected object or array is taken whole",
      { "n.$": "$.nested", "b.$": "$.nested.b" },
      { n: input.nested, b: [10, 20, 30] },
    ],
    ["false and null values are values", { "f.$": "$.nested.flag", "z.$": "$.nested.none" }, { f: false, z: null }],
    ["an indefinite path gives an array (ASL-4)", { "ids.$": "$.items[*].id" }, { ids: ["x", "y"] }],
    ["an indefinite path that matches nothing gives [] [obs]", { "none.$": "$.items[?(@.n > 5)]" }, { none: [] }],
    ["a key that is just .$ gives the empty key", { ".$": "$.a" }, { "": 1 }],
    ["a value inside an array is never a path", { list: ["$.a", "States.UUID()"] }, { list: ["$.a", "States.UUID()"] }],
    ["a .$ key's value is not itself walked as a template", { "o.$": "$.items[0]" }, { o: { id: "x", n: 1 } }],
  ];
  for (const [label, template, expected] of cases) {
    test(label, () => assert.deepEqual(evaluate(template), expected));
  }

  test("the context object $$ is read from roots.context (ASL-7)", () => {
    const template = {
      "input.$": "$$.Execution.Input",
      "state.$": "$$.State.Name",
      "index.$": "$$.Map.Item.Index",
      "value.$": "$$.Map.Item.Value",
      "sku.$": "$$.Map.Item.Value.sku",
    };
    assert.deepEqual(evaluate(template, "ItemSelector"), {
      input: { original: true },
      state: "MyState",
      index: 3,
      value: { sku: "A-1" },
      sku: "A-1",
    });
  });

  test("variables $name are read from roots.variables (ASL-8)", () => {
    assert.deepEqual(evaluate({ "max.$": "$limit", "id.$": "$order.id" }), { max: 5, id: "o-7" });
  });

  test("intrinsic function calls States.… (ASL-5), with paths from every root", () => {
    const template = {
      "greeting.$": "States.Format('{} in {} for {}', $.s, $$.State.Name, $order.id)",
      "pair.$": "States.Array($.a, $limit)",
      nested: { "json.$": "States.JsonToString($.nested)" },
    };
    assert.deepEqual(evaluate(template), {
      greeting: "text in MyState for o-7",
      pair: [1, 5],
      nested: { json: '{"b":[10,20,30],"flag":false,"none":null}' },
    });
  });

  test("the random source is handed to intrinsic functions (States.UUID)", () => {
    const random: IntrinsicRandom = { uuid: () => "00000000-0000-4000-8000-000000000000", random: () => 0.5 };
    assert.deepEqual(evaluateTemplate({ "id.$": "States.UUID()" }, roots, "Parameters", random), {
      id: "00000000-0000-4000-8000-000000000000",
    });
  });

  test("output keys follow the template's key order", () => {
    const out = evaluate({ zeta: 1, "alpha.$": "$.a", mid: { "y.$": "$.s", x: 0 }, "beta.$": "$.s" }) as Record<
      string,
      Record<string, unknown>
    >;
    assert.deepEqual(Object.keys(out), ["zeta", "alpha", "mid", "beta"]);
    assert.deepEqual(Object.keys(out.mid ?? {}), ["y", "x"]);
  });

  test('"a" together with "a.$" (a definition error) is deterministic: the later one wins, at the first position', () => {
    assert.deepEqual(Object.entries(evaluate({ a: "literal", b: 0, "a.$": "$.a" }) as object), [
      ["a", 1],
      ["b", 0],
    ]);
    assert.deepEqual(Object.entries(evaluate({ "a.$": "$.a", b: 0, a: "literal" }) as object), [
      ["a", "literal"],
      ["b", 0],
    ]);
  });
});

describe("evaluateTemplate: failures", () => {
  test("a definite path that matches nothing raises States.Runtime [obs] (ASL-3.3), naming the key", () => {
    throwsStates(() => evaluate({ "x.$": "$.missing" }), "States.Runtime", "$.missing");
    throwsStates(() => evaluate({ deep: [{ "x.$": "$.nested.b[7]" }] }), "States.Runtime");
    throwsStates(() => evaluate({ "x.$": "$$.Task.Token" }), "States.Runtime");
    throwsStates(() => evaluate({ "x.$": "$unknownVariable" }), "States.Runtime");
  });

  const nonStrings: [string, unknown][] = [
    ["a number", 1],
    ["a boolean", true],
    ["null", null],
    ["an object", { "y.$": "$.a" }],
    ["an array", ["$.a"]],
  ];
  for (const [label, value] of nonStrings) {
    test(`a .$ value that is ${label} raises States.Runtime naming the key and field (ASL-3.3: it must be a string)`, () => {
      throwsStates(
        () => evaluate({ ok: 1, "bad.$": value }, "ResultSelector"),
        "States.Runtime",
        "'bad.$' in the field 'ResultSelector'",
      );
    });
  }

  for (const text of ["a.b", "", " $.a", "states.Format('x')", "Format('x')"]) {
    test(`a .$ value ${JSON.stringify(text)} that is neither a path nor an intrinsic call raises States.Runtime`, () => {
      throwsStates(() => evaluate({ "v.$": text }), "States.Runtime", "'v.$'");
    });
  }
});

// ── AWS-recorded executions ────────────────────────────────────────────────────────────────────────

interface TraceEvent {
  type: string;
  name?: string;
  input?: unknown;
  output?: unknown;
  parameters?: unknown;
  error?: string;
  cause?: unknown;
  assignedVariables?: Record<string, unknown>;
}

interface RecordedCase {
  id: string;
  category: string;
  features: string[];
  definition: { States?: Record<string, Record<string, unknown>> };
  expected: { status: string; output?: unknown };
  trace?: TraceEvent[];
}

const recorded: RecordedCase[] = readFileSync(`${SHARED}conformance/localstack-aws-recorded.jsonl`, "utf8")
  .trim()
  .split("\n")
  .map((line) => JSON.parse(line) as RecordedCase);

describe("Pass Result is a literal, not a template (ASL-3.1 step 4, ASL-6.1) [obs]", () => {
  // Every choice-operator case ends in a Pass state whose Result holds a `.$` key: AWS returned it verbatim. This is
  // why generated code must never hand a Pass `Result` to evaluateTemplate, which would evaluate the key.
  const cases = recorded.filter((c) => c.category === "choice-operator" && c.expected.status === "SUCCEEDED");
  test("choice-operator executions return the Result with its .$ key untouched", () => {
    assert.ok(cases.length >= 250, `only ${cases.length} choice-operator cases`);
    for (const c of cases) {
      const results = Object.values(c.definition.States ?? {}).flatMap((s) => ("Result" in s ? [s.Result] : []));
      assert.ok(
        results.some((r) => JSON.stringify(r) === JSON.stringify(c.expected.output)),
        `${c.id}: output ${JSON.stringify(c.expected.output)} is not a Result literal`,
      );
      assert.ok(
        Object.keys(c.expected.output as object).every((k) => k.endsWith(".$")),
        c.id,
      );
    }
    // The same literal as a template would be evaluated (and here fail: "ConditionTrue" is no path).
    throwsStates(() => evaluateTemplate({ "TestResult.$": "ConditionTrue" }, roots, "Parameters"), "States.Runtime");
  });
});

/**
 * A Pass state whose only JSONPath data-flow field is `Parameters` outputs exactly the template's value (ASL-3.1:
 * no InputPath, no Result, ResultPath and OutputPath `$`), so each recorded visit, from `PassStateEntered.input` to
 * `PassStateExited.output`, tests evaluateTemplate. A visit that ended the execution with a `States.*` error naming
 * the state must throw that error.
 *
 * `$$` is rebuilt from the trace for the values the recording keeps: `Execution.Input` (the ExecutionStarted input) and
 * `State.Name`. Templates that read anything else from `$$` (masked ARNs and timestamps) or call States.UUID /
 * States.MathRandom are left out. Variables (ASL-8) are replayed from the `assignedVariables` of earlier
 * `*StateExited` events.
 */
interface TemplateObservation {
  id: string;
  template: unknown;
  roots: PathRoots;
  expected: { output: unknown } | { error: string };
}

const REPRODUCIBLE_CONTEXT = /^\$\$\.(?:Execution\.Input|State\.Name)(?![\w])/;

function readsOnlyReproducibleValues(template: unknown): boolean {
  const text = JSON.stringify(template);
  if (/States\.(?:UUID|MathRandom)\b/.test(text)) return false;
  const contextPaths = text.match(/\$\$[^\s,)'"]*/g) ?? [];
  return contextPaths.every((p) => REPRODUCIBLE_CONTEXT.test(p));
}

function templateObservations(): { observations: TemplateObservation[]; skipped: string[] } {
  const observations: TemplateObservation[] = [];
  const skipped: string[] = [];
  for (const c of recorded) {
    if (c.trace === undefined || c.features.some((f) => f.startsWith("QueryLanguage:"))) continue;
    const states = collectStates(c.definition);
    const variables: Record<string, unknown> = {};
    let executionInput: unknown = null;
    c.trace.forEach((event, at) => {
      if (event.type === "ExecutionStarted") executionInput = event.input;
      if (event.type === "PassStateEntered" && event.name !== undefined) {
        const state = states.get(event.name);
        if (state === undefined || !("Parameters" in state)) return;
        if (["InputPath", "ResultPath", "OutputPath", "Result"].some((f) => f in state)) return;
        const id = `${c.id} @${at} ${event.name}`;
        if (!readsOnlyReproducibleValues(state.Parameters)) {
          skipped.push(id);
          return;
        }
        const expected = outcome(c.trace ?? [], at, event.name);
        if (expected === undefined) return;
        observations.push({
          id,
          template: state.Parameters,
          roots: {
            input: event.input,
            context: { Execution: { Input: executionInput }, State: { Name: event.name } },
            variables: { ...variables },
          },
          expected,
        });
      }
      if (event.assignedVariables !== undefined) Object.assign(variables, event.assignedVariables);
    });
  }
  return { observations, skipped };
}

/** The recorded outcome of the Pass visit entered at `at`: its output, or the States.* error that ended the run. */
function outcome(trace: TraceEvent[], at: number, name: string): { output: unknown } | { error: string } | undefined {
  for (const event of trace.slice(at + 1)) {
    if (event.name === name && event.type === "PassStateEntered") return undefined; // another visit first: ambiguous
    if (event.name === name && event.type === "PassStateExited") return { output: event.output };
    if (event.type === "ExecutionFailed") {
      const names = typeof event.cause === "string" && event.cause.includes(`executing the state '${name}'`);
      return names && event.error?.startsWith("States.") ? { error: event.error } : undefined;
    }
  }
  return undefined;
}

function collectStates(
  machine: unknown,
  into = new Map<string, Record<string, unknown>>(),
): Map<string, Record<string, unknown>> {
  const states = (machine as { States?: Record<string, Record<string, unknown>> }).States ?? {};
  for (const [name, state] of Object.entries(states)) {
    into.set(name, state);
    for (const branch of (state.Branches as unknown[] | undefined) ?? []) collectStates(branch, into);
    for (const key of ["ItemProcessor", "Iterator"]) if (key in state) collectStates(state[key], into);
  }
  return into;
}

/**
 * The snapshot library parsed payload strings that start with "{" (shared/conformance/README.md §1): do the same to
 * what we compute before comparing.
 */
function asRecorded(value: unknown): unknown {
  if (typeof value !== "string" || !value.startsWith("{")) return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

describe("Pass Parameters recorded on AWS (conformance traces)", () => {
  const { observations, skipped } = templateObservations();

  const errors = observations.filter((o) => "error" in o.expected).length;
  test(`reproduces ${observations.length} recorded visits (${errors} ending in an error); ${skipped.length} left out`, () => {
    assert.ok(observations.length >= 75, `only ${observations.length} recorded Pass Parameters visits`);
    assert.ok(skipped.length <= 10, `unexpectedly many skipped visits: ${skipped.join("; ")}`);
  });

  for (const o of observations) {
    test(o.id, () => {
      if ("error" in o.expected)
        throwsStates(() => evaluateTemplate(o.template, o.roots, "Parameters"), o.expected.error);
      else assert.deepEqual(asRecorded(evaluateTemplate(o.template, o.roots, "Parameters")), o.expected.output);
    });
  }
});
