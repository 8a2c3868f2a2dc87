import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { after, afterEach, before, beforeEach, describe, test } from "node:test";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { withDurableExecution } from "@aws/durable-execution-sdk-js";
import { LocalDurableTestRunner, type TestResult } from "@aws/durable-execution-sdk-js-testing";
import { transpile } from "../../src/index.js";
import { Variables, type Json, type TaskOverride } from "../../src/runtime/index.js";
import { setupSkipTime, teardownSkipTime } from "../support/skip-time.js";

/**
 * Workflow variables in JSONPath state machines (ASL-8, ASL-3.1 step 5), end to end: each definition is transpiled,
 * written under test/.generated/variables/, run in the durable SDK's LocalDurableTestRunner (skipTime) with `tasks`
 * overrides, and its result compared with what ../shared/reference/asl-semantics.md says. The variables themselves are
 * not observable from outside, so each machine ends with a state that shows them through `$name` paths.
 */
const GENERATED_DIR = fileURLToPath(new URL("../.generated/variables/", import.meta.url));
const LAMBDA = "arn:aws:lambda:us-east-1:123456789012:function:worker";

type HandlerModule = { makeHandler: (options: { tasks: Record<string, TaskOverride> }) => ReturnType<typeof withDurableExecution> };

/** An ASL error as a task raises it: Error = name, Cause = message. */
function taskError(name: string, cause: string): Error {
  const error = new Error(cause);
  error.name = name;
  return error;
}

async function generate(definition: unknown): Promise<string> {
  const result = await transpile(definition);
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  assert.deepEqual(errors.map((d) => `${d.code} ${d.message}`), [], "the definition must transpile");
  return result.code;
}

/** Transpile, write the module (named by content), import it and run it once. */
async function runMachine(definition: unknown, payload: Json, tasks: Record<string, TaskOverride> = {}): Promise<TestResult> {
  const code = await generate(definition);
  mkdirSync(GENERATED_DIR, { recursive: true });
  const file = `${GENERATED_DIR}machine-${createHash("sha1").update(code).digest("hex").slice(0, 12)}.ts`;
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, code);
  renameSync(temporary, file);
  const module = (await import(pathToFileURL(file).href)) as HandlerModule;
  const runner = new LocalDurableTestRunner({ handlerFunction: module.makeHandler({ tasks }) });
  return runner.run({ payload });
}

function outcome(execution: TestResult): { output: Json } | { error: string | undefined; cause: string | undefined } {
  if (execution.getStatus() === "SUCCEEDED") return { output: (execution.getResult() ?? null) as Json };
  const error = execution.getError();
  return { error: error.errorType, cause: error.errorMessage };
}

interface Case {
  name: string;
  definition: Record<string, unknown>;
  input?: Json;
  tasks?: Record<string, TaskOverride>;
  expected: { output: Json } | { error: string; cause?: string };
}

const pass = (fields: Record<string, unknown>): Record<string, unknown> => ({ Type: "Pass", ...fields });

/** Every case's expectation is derived by hand from the ASL section its name cites. */
const CASES: Case[] = [
  {
    name: "ASL-8: every right-hand side reads the values at state entry, so x := $y, y := $x swaps",
    definition: {
      StartAt: "Init",
      States: {
        Init: pass({ Assign: { x: 1, y: 2 }, Next: "Swap" }),
        Swap: pass({ Assign: { "x.$": "$y", "y.$": "$x" }, Next: "Show" }),
        Show: pass({ Parameters: { "x.$": "$x", "y.$": "$y" }, End: true }),
      },
    },
    expected: { output: { x: 2, y: 1 } },
  },
  {
    name: "ASL-8: new values are visible from the next state; the assigning state's own paths read the entry values",
    // BASE_EVALUATION_ORDER_PASS_STATE [obs]: InputPath and OutputPath of the state that reassigns $answer read 42.
    definition: {
      StartAt: "Init",
      States: {
        Init: pass({ Assign: { n: 1 }, Next: "Reassign" }),
        Reassign: pass({ Parameters: { "during.$": "$n" }, Assign: { n: 2 }, OutputPath: "$n", ResultPath: "$.r", Next: "Show" }),
        Show: pass({ Parameters: { "output.$": "$", "after.$": "$n" }, End: true }),
      },
    },
    expected: { output: { output: 1, after: 2 } },
  },
  {
    name: "ASL-8: literal values stay literal (even path-like strings); `.$` values and nested objects are templates",
    definition: {
      StartAt: "Init",
      States: {
        Init: pass({
          Assign: { literal: "$.not.a.path", list: [1, "$x"], "picked.$": "$.a", nested: { "deep.$": "$.a", plain: "$.a" } },
          Next: "Show",
        }),
        Show: pass({ Parameters: { "literal.$": "$literal", "list.$": "$list", "picked.$": "$picked", "nested.$": "$nested" }, End: true }),
      },
    },
    input: { a: "A" },
    expected: { output: { literal: "$.not.a.path", list: [1, "$x"], picked: "A", nested: { deep: "A", plain: "$.a" } } },
  },
  {
    name: "ASL-3.1 step 5: a Task's Assign reads the raw result, before ResultSelector; ResultPath places the selected result",
    definition: {
      StartAt: "T",
      States: {
        T: {
          Type: "Task",
          Resource: LAMBDA,
          ResultSelector: { "picked.$": "$.b" },
          Assign: { "raw.$": "$", "a.$": "$.a" },
          ResultPath: "$.result",
          Next: "Show",
        },
        Show: pass({ Parameters: { "raw.$": "$raw", "a.$": "$a", "out.$": "$" }, End: true }),
      },
    },
    input: { in: 0 },
    tasks: { T: () => ({ a: 1, b: 2 }) },
    expected: { output: { raw: { a: 1, b: 2 }, a: 1, out: { in: 0, result: { picked: 2 } } } },
  },
  {
    name: "ASL-3.1 step 5: a Pass's Assign reads its result: the effective input after InputPath and Parameters, or Result",
    definition: {
      StartAt: "FromParameters",
      States: {
        FromParameters: pass({ InputPath: "$.sub", Parameters: { "doubled.$": "States.MathAdd($.n, $.n)" }, Assign: { "p.$": "$.doubled" }, Next: "FromResult" }),
        FromResult: pass({ Result: { r: "literal result" }, Assign: { "r.$": "$.r" }, ResultPath: null, Next: "Show" }),
        Show: pass({ Parameters: { "p.$": "$p", "r.$": "$r" }, End: true }),
      },
    },
    input: { sub: { n: 4 } },
    expected: { output: { p: 8, r: "literal result" } },
  },
  {
    name: "ASL-3.1 step 5: a Wait's Assign reads the state input after InputPath",
    definition: {
      StartAt: "W",
      States: {
        W: { Type: "Wait", Seconds: 5, InputPath: "$.w", Assign: { "seen.$": "$" }, Next: "Show" },
        Show: pass({ Parameters: { "seen.$": "$seen", "out.$": "$" }, End: true }),
      },
    },
    input: { w: { v: "wait input" }, other: 1 },
    expected: { output: { seen: { v: "wait input" }, out: { v: "wait input" } } },
  },
  {
    name: "ASL-6.3: a Choice rule's Assign reads the input after InputPath, and OutputPath still reads the entry values",
    definition: {
      StartAt: "Init",
      States: {
        Init: pass({ Assign: { tag: "before" }, Next: "C" }),
        C: {
          Type: "Choice",
          InputPath: "$.c",
          OutputPath: "$tag",
          Choices: [{ Variable: "$.v", IsPresent: true, Assign: { "seen.$": "$", tag: "after" }, Next: "Show" }],
        },
        Show: pass({ Parameters: { "seen.$": "$seen", "tag.$": "$tag", "out.$": "$" }, End: true }),
      },
    },
    input: { c: { v: "choice input" } },
    expected: { output: { seen: { v: "choice input" }, tag: "after", out: "before" } },
  },
  {
    name: "ASL-6.3: without InputPath, a rule's Assign reads the state input although OutputPath shapes the output",
    definition: {
      StartAt: "C",
      States: {
        C: { Type: "Choice", OutputPath: "$.keep", Choices: [{ Variable: "$.keep", IsPresent: true, Assign: { "seen.$": "$" }, Next: "Show" }] },
        Show: pass({ Parameters: { "seen.$": "$seen", "out.$": "$" }, End: true }),
      },
    },
    input: { keep: "kept", other: 1 },
    expected: { output: { seen: { keep: "kept", other: 1 }, out: "kept" } },
  },
  {
    name: "ASL-8, ASL-7: an Assign reads the context object ($$) of its state",
    definition: {
      StartAt: "Init",
      States: {
        Init: pass({ Assign: { "name.$": "$$.State.Name", "input.$": "$$.Execution.Input.a" }, Next: "Show" }),
        Show: pass({ Parameters: { "name.$": "$name", "input.$": "$input" }, End: true }),
      },
    },
    input: { a: "A" },
    expected: { output: { name: "Init", input: "A" } },
  },
  ...[
    { n: 1, route: "rule 1", why: "the matching rule's Assign replaces the state-level one" },
    { n: 2, route: "none", why: "a matching rule without Assign assigns nothing: the state-level Assign is for Default" },
    { n: 3, route: "default", why: "no rule matches: Default is taken with the state-level Assign" },
  ].map(
    ({ n, route, why }): Case => ({
      name: `ASL-6.3, ASL-8: n = ${n}: ${why}`,
      definition: {
        StartAt: "Init",
        States: {
          Init: pass({ Assign: { route: "none" }, Next: "C" }),
          C: {
            Type: "Choice",
            Assign: { route: "default" },
            Choices: [
              { Variable: "$.n", NumericEquals: 1, Assign: { route: "rule 1" }, Next: "Show" },
              { Variable: "$.n", NumericEquals: 2, Next: "Show" },
            ],
            Default: "Show",
          },
          Show: pass({ Parameters: { "route.$": "$route" }, End: true }),
        },
      },
      input: { n },
      expected: { output: { route } },
    }),
  ),
  {
    name: "ASL-9, ASL-8: a Catcher's Assign reads the error output {Error, Cause}; the state-level Assign is not evaluated",
    definition: {
      StartAt: "Init",
      States: {
        Init: pass({ Assign: { stateLevel: "not assigned" }, Next: "T" }),
        T: {
          Type: "Task",
          Resource: LAMBDA,
          Assign: { stateLevel: "assigned" },
          Catch: [{ ErrorEquals: ["States.ALL"], Assign: { "error.$": "$.Error", "whole.$": "$" }, ResultPath: "$.caught", Next: "Show" }],
          End: true,
        },
        Show: pass({ Parameters: { "stateLevel.$": "$stateLevel", "error.$": "$error", "whole.$": "$whole", "out.$": "$" }, End: true }),
      },
    },
    input: { in: 1 },
    tasks: {
      T: () => {
        throw taskError("Custom.Error", "boom");
      },
    },
    expected: {
      output: {
        stateLevel: "not assigned",
        error: "Custom.Error",
        whole: { Error: "Custom.Error", Cause: "boom" },
        out: { in: 1, caught: { Error: "Custom.Error", Cause: "boom" } },
      },
    },
  },
  {
    name: "ASL-9: a Task that succeeds after a retry assigns once, from the successful attempt's raw result",
    definition: {
      StartAt: "T",
      States: {
        T: { Type: "Task", Resource: LAMBDA, Retry: [{ ErrorEquals: ["Flaky"] }], Assign: { "attempt.$": "$.attempt" }, Next: "Show" },
        Show: pass({ Parameters: { "attempt.$": "$attempt" }, End: true }),
      },
    },
    tasks: {
      T: (_input, info) => {
        if (info.retryCount === 0) throw taskError("Flaky", "first attempt");
        return { attempt: info.retryCount + 1 };
      },
    },
    expected: { output: { attempt: 2 } },
  },
  {
    name: "ASL-8 scopes: Map iterations read outer variables; their own do not reach siblings or the enclosing scope",
    definition: {
      StartAt: "Init",
      States: {
        Init: pass({ Assign: { prefix: "item" }, Next: "M" }),
        M: {
          Type: "Map",
          MaxConcurrency: 1,
          ItemsPath: "$.items",
          ItemProcessor: {
            StartAt: "Seen",
            States: {
              // Iterations run one after the other: the second would see the first one's $local if it leaked.
              Seen: { Type: "Choice", Choices: [{ Variable: "$local", IsPresent: true, Next: "Leaked" }], Default: "SetLocal" },
              Leaked: pass({ Result: "a sibling's variable leaked", End: true }),
              SetLocal: pass({ Assign: { "local.$": "States.Format('{}-{}', $prefix, $)" }, Next: "Use" }),
              Use: pass({ Parameters: { "v.$": "$local" }, OutputPath: "$.v", End: true }),
            },
          },
          ResultPath: "$.results",
          Next: "After",
        },
        After: { Type: "Choice", Choices: [{ Variable: "$local", IsPresent: true, Next: "LeakedOut" }], Default: "Done" },
        LeakedOut: { Type: "Fail", Error: "Leaked", Cause: "an iteration's variable reached the enclosing scope" },
        Done: { Type: "Succeed" },
      },
    },
    input: { items: [1, 2, 3] },
    expected: { output: { items: [1, 2, 3], results: ["item-1", "item-2", "item-3"] } },
  },
  {
    name: "ASL-8 scopes, ASL-3.1 step 5: Parallel branches read outer variables, keep their own; the Parallel's Assign reads the raw result",
    definition: {
      StartAt: "Init",
      States: {
        Init: pass({ Assign: { base: 10 }, Next: "P" }),
        P: {
          Type: "Parallel",
          Branches: [
            {
              StartAt: "B1",
              States: { B1: pass({ Assign: { "mine.$": "States.MathAdd($base, 1)" }, Next: "B1 show" }), "B1 show": pass({ Parameters: { "v.$": "$mine" }, End: true }) },
            },
            {
              StartAt: "B2",
              States: { B2: pass({ Assign: { "mine.$": "States.MathAdd($base, 2)" }, Next: "B2 show" }), "B2 show": pass({ Parameters: { "v.$": "$mine" }, End: true }) },
            },
          ],
          Assign: { "first.$": "$[0].v" },
          ResultSelector: { "second.$": "$[1].v" },
          Next: "Show",
        },
        Show: pass({ Parameters: { "first.$": "$first", "base.$": "$base", "out.$": "$" }, End: true }),
      },
    },
    expected: { output: { first: 11, base: 10, out: { second: 12 } } },
  },
  {
    name: "ASL-8, ASL-9: a Catcher's Assign on a Map assigns in the enclosing scope",
    definition: {
      StartAt: "M",
      States: {
        M: {
          Type: "Map",
          ItemProcessor: { StartAt: "Boom", States: { Boom: { Type: "Fail", Error: "Item.Failed", Cause: "no" } } },
          Catch: [{ ErrorEquals: ["States.ALL"], Assign: { "failedWith.$": "$.Error" }, Next: "Show" }],
          End: true,
        },
        Show: pass({ Parameters: { "failedWith.$": "$failedWith" }, End: true }),
      },
    },
    input: [1],
    expected: { output: { failedWith: "Item.Failed" } },
  },
  {
    name: "ASL-4, ASL-8: $name in InputPath, OutputPath, Choice Variable and …Path operands, ItemsPath and intrinsic arguments",
    definition: {
      StartAt: "Init",
      States: {
        Init: pass({ Assign: { cfg: { x: "from cfg", list: ["a", "b"] }, limit: 2, two: 2 }, Next: "In" }),
        In: pass({ InputPath: "$cfg", OutputPath: "$cfg.x", Next: "C" }),
        C: { Type: "Choice", Choices: [{ Variable: "$limit", NumericEqualsPath: "$two", Next: "M" }], Default: "Wrong" },
        Wrong: { Type: "Fail", Error: "Wrong" },
        M: {
          Type: "Map",
          ItemsPath: "$cfg.list",
          ItemSelector: { "label.$": "States.Format('{} of {}', $$.Map.Item.Value, $limit)" },
          ItemProcessor: { StartAt: "Id", States: { Id: pass({ End: true }) } },
          ResultPath: "$",
          End: true,
        },
      },
    },
    input: "ignored",
    expected: { output: [{ label: "a of 2" }, { label: "b of 2" }] },
  },
  {
    name: "ASL-6.5, ASL-8: Succeed InputPath and OutputPath read variables",
    definition: {
      StartAt: "Init",
      States: {
        Init: pass({ Assign: { box: { inner: "value" }, key: "ignored" }, Next: "Done" }),
        Done: { Type: "Succeed", InputPath: "$box", OutputPath: "$box.inner" },
      },
    },
    expected: { output: "value" },
  },
  {
    name: "ASL-6.6, ASL-8: Fail ErrorPath and CausePath read variables (a path, and an intrinsic argument)",
    // BASE_REFERENCE_IN_FAIL [obs]: ErrorPath "$errorVar" and CausePath "$causeVar".
    definition: {
      StartAt: "Init",
      States: {
        Init: pass({ Assign: { code: "Custom.Code", n: 3 }, Next: "F" }),
        F: { Type: "Fail", ErrorPath: "$code", CausePath: "States.Format('failed {} times', $n)" },
      },
    },
    expected: { error: "Custom.Code", cause: "failed 3 times" },
  },
  {
    name: "ASL-6.4, ASL-6.2: SecondsPath and TimeoutSecondsPath read variables",
    definition: {
      StartAt: "Init",
      States: {
        Init: pass({ Assign: { delay: 3, timeout: 60 }, Next: "W" }),
        W: { Type: "Wait", SecondsPath: "$delay", Next: "T" },
        T: { Type: "Task", Resource: LAMBDA, TimeoutSecondsPath: "$timeout", End: true },
      },
    },
    tasks: { T: () => "done" },
    expected: { output: "done" },
  },
  {
    name: "ASL-8: reading a variable that was never assigned fails with States.Runtime (ASL503 warns at validation)",
    definition: { StartAt: "Show", States: { Show: pass({ Parameters: { "x.$": "$neverAssigned" }, End: true }) } },
    expected: { error: "States.Runtime" },
  },
];

describe("workflow variables (ASL-8), end to end", () => {
  before(setupSkipTime);
  after(() => teardownSkipTime());

  for (const c of CASES) {
    test(c.name, async () => {
      const execution = await runMachine(c.definition, c.input ?? {}, c.tasks);
      const actual = outcome(execution);
      if ("output" in c.expected) assert.deepEqual(actual, c.expected);
      else {
        assert.ok("error" in actual, `expected a failure, got ${JSON.stringify(actual)}`);
        assert.equal(actual.error, c.expected.error);
        if (c.expected.cause !== undefined) assert.equal(actual.cause, c.expected.cause);
      }
    });
  }

  test("ASL-6.4: the Wait of SecondsPath $delay lasted the variable's 3 seconds", async () => {
    const definition = CASES.find((c) => c.name.startsWith("ASL-6.4, ASL-6.2"))?.definition;
    const execution = await runMachine(definition, {}, { T: () => "done" });
    const waits = execution.getOperations().filter((o) => o.getType() === "WAIT" && o.getName() === "W");
    assert.deepEqual(waits.map((o) => o.getWaitDetails()?.waitSeconds), [3]);
  });
});

/**
 * States.UUID (and an unseeded States.MathRandom) in an Assign must draw once: the values live in a durable step's
 * checkpoint, so when the execution is replayed (here: after a 1000 s Wait, longer than the invocation's remaining
 * time, so the next invocation replays the orchestration code from the start) the variable keeps the value the first
 * run drew. "Record" is a Task called once with the variable before the wait; the final state shows it after.
 */
describe("random values in Assign are stable across replays (durable-sdk.md §3)", () => {
  // A fresh environment per test: skipTime's fake clock starts at the real time. The local checkpoint server dates a
  // wait's end with the real clock, and the SDK compares it with the fake one, so once an earlier test has moved the
  // fake clock 1000 s ahead a new 1000 s wait looks due at once and runs in-process instead of suspending.
  beforeEach(setupSkipTime);
  afterEach(() => teardownSkipTime());

  const replayed = (first: Record<string, unknown>, firstName: string): Record<string, unknown> => ({
    StartAt: firstName,
    States: {
      ...first,
      Record: { Type: "Task", Resource: LAMBDA, Parameters: { "id.$": "$id" }, ResultPath: null, Next: "Later" },
      Later: { Type: "Wait", Seconds: 1000, Next: "Show" },
      Show: pass({ Parameters: { "id.$": "$id" }, End: true }),
    },
  });

  const variants: Array<{ name: string; definition: Record<string, unknown>; tasks?: Record<string, TaskOverride> }> = [
    { name: "a Pass's Assign", definition: replayed({ Draw: pass({ Assign: { "id.$": "States.UUID()" }, Next: "Record" }) }, "Draw") },
    {
      name: "a Task's Assign (evaluated in the Task's own step)",
      definition: replayed({ Draw: { Type: "Task", Resource: LAMBDA, Assign: { "id.$": "States.UUID()" }, Next: "Record" } }, "Draw"),
      tasks: { Draw: () => "result" },
    },
    {
      name: "a Catcher's Assign",
      definition: replayed(
        { Draw: { Type: "Task", Resource: LAMBDA, Catch: [{ ErrorEquals: ["States.ALL"], Assign: { "id.$": "States.UUID()" }, Next: "Record" }], End: true } },
        "Draw",
      ),
      tasks: {
        Draw: () => {
          throw taskError("Failed", "on purpose");
        },
      },
    },
    {
      name: "a Wait's Assign",
      definition: replayed({ Draw: { Type: "Wait", Seconds: 1, Assign: { "id.$": "States.UUID()" }, Next: "Record" } }, "Draw"),
    },
    {
      name: "a Map's Assign",
      definition: replayed(
        {
          Items: pass({ Result: [1, 2], Next: "Draw" }),
          Draw: { Type: "Map", ItemProcessor: { StartAt: "Id", States: { Id: pass({ End: true }) } }, Assign: { "id.$": "States.UUID()" }, Next: "Record" },
        },
        "Items",
      ),
    },
    {
      name: "a Choice rule's Assign",
      definition: replayed({ Draw: { Type: "Choice", Choices: [{ Variable: "$", IsPresent: true, Assign: { "id.$": "States.UUID()" }, Next: "Record" }] } }, "Draw"),
    },
  ];

  for (const v of variants) {
    test(`States.UUID() in ${v.name}`, async () => {
      const recorded: Json[] = [];
      const execution = await runMachine(v.definition, {}, {
        ...v.tasks,
        Record: (input) => {
          recorded.push(input);
          return null;
        },
      });
      assert.ok(execution.getInvocations().length >= 2, `expected a replay, got ${execution.getInvocations().length} invocation(s)`);
      const result = outcome(execution);
      assert.ok("output" in result, JSON.stringify(result));
      assert.equal(recorded.length, 1, "Record runs once: replays read its checkpoint");
      const id = (recorded[0] as { id: unknown }).id;
      assert.match(String(id), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      assert.deepEqual(result.output, { id }, "after the replay the variable holds the value drawn before it");
    });
  }
});

describe("generated code", () => {
  test("a machine without Assign or $name paths has no variable plumbing", async () => {
    const code = await generate({
      StartAt: "P",
      States: {
        P: { Type: "Parallel", Branches: [{ StartAt: "A", States: { A: pass({ Parameters: { "v.$": "$.v" }, End: true }) } }], Next: "S" },
        S: { Type: "Succeed", InputPath: "$[0]" },
      },
    });
    assert.doesNotMatch(code, /\bvars\b|asl\.variables|outer/);
  });

  test("a machine with variables holds one scope at the top level and a child scope per branch", async () => {
    const code = await generate({
      StartAt: "Init",
      States: {
        Init: pass({ Assign: { x: 1 }, Next: "P" }),
        P: { Type: "Parallel", Branches: [{ StartAt: "A", States: { A: pass({ Parameters: { "v.$": "$x" }, End: true }) } }], End: true },
      },
    });
    assert.match(code, /const vars = asl\.variables\(\);/);
    assert.match(code, /outer: asl\.Variables,?\s*\): Promise<Json> \{\s*let data: Json = input;\s*\/\/ [^\n]*\s*const vars = outer\.child\(\);/);
    assert.match(code, /assign: \{ x: 1 \},\s*vars,?\s*\}/);
  });
});

describe("Variables (src/runtime/variables.ts)", () => {
  test("assign replaces the values: a snapshot read before keeps the entry values (ASL-8)", () => {
    const vars = Variables.root();
    vars.assign({ x: 1 });
    const entry = vars.values;
    vars.assign({ x: 2, y: 3 });
    assert.deepEqual({ ...entry }, { x: 1 });
    assert.deepEqual({ ...vars.values }, { x: 2, y: 3 });
  });

  test("a child reads the parent as it was when the child began; its own names stay in it; siblings are isolated", () => {
    const top = Variables.root();
    top.assign({ outer: "o" });
    const a = top.child();
    const b = top.child();
    a.assign({ local: "a" });
    assert.deepEqual({ ...a.values }, { outer: "o", local: "a" });
    assert.deepEqual({ ...b.values }, { outer: "o" });
    assert.deepEqual({ ...top.values }, { outer: "o" });
  });

  test("an inner scope cannot assign an outer name (ASL502 at validation; States.Runtime if it ever happened)", () => {
    const top = Variables.root();
    top.assign({ x: 1 });
    assert.throws(() => top.child().assign({ x: 2 }), { name: "States.Runtime" });
  });

  test("names are plain keys: constructor and __proto__ are variables like any other", () => {
    const vars = Variables.root();
    assert.equal(Object.hasOwn(vars.values, "constructor"), false);
    vars.assign(JSON.parse('{"__proto__": 1, "constructor": 2}') as Record<string, Json>);
    assert.equal(Object.hasOwn(vars.values, "__proto__"), true);
    assert.equal(vars.values["constructor"], 2);
  });
});
