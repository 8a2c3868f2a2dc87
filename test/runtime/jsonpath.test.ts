/**
 * The JSONPath evaluator (ASL-4): AWS-recorded executions first (case ids from
 * /work/shared/conformance/localstack-aws-recorded.jsonl), then Jayway JsonPath's own documentation and test suite
 * (github.com/json-path/JsonPath: README "Path Examples", FilterTest, DeepScanTest, ArraySlicingTest, the function
 * tests), which AWS Step Functions evaluates paths with.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { parsePath } from "../../src/paths/jsonpath.js";
import { StatesError } from "../../src/runtime/errors.js";
import { evaluatePath, pathExists, selectPath, setPath } from "../../src/runtime/jsonpath.js";
import type { PathRoots } from "../../src/runtime/types.js";
import { deepFreeze } from "../support/values.js";

const rootsOf = (input: unknown, extra: Partial<PathRoots> = {}): PathRoots =>
  deepFreeze({ input, context: {}, ...extra });
const select = (text: string, input: unknown, field?: string): unknown => selectPath(text, rootsOf(input), field);

function statesError(run: () => unknown): StatesError {
  try {
    run();
  } catch (error) {
    if (error instanceof StatesError) return error;
    throw error;
  }
  return assert.fail("expected a StatesError");
}

/** The state runner prefixes causes with "An error occurred while executing the state 'x' (entered at the event id #n). ". */
const causeTail = (cause: string): string =>
  cause.replace(/^An error occurred while executing the state '[^']*' \(entered at the event id #\d+\)\. /, "");

/** Placeholders such as `<json-input:1>` stand for any text (conformance README §4). */
const matchesRecorded = (actual: string, recorded: string): boolean =>
  new RegExp(`^${recorded.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/<json-input:\d+>/g, ".+")}$`).test(actual);

// ── AWS-recorded executions ─────────────────────────────────────────────────────────────────────────

interface RecordedCase {
  id: string;
  /** The field the path is written in (it shapes the error cause). */
  field: string;
  path: string;
  roots: PathRoots;
  expect: { value: unknown } | { error: string; cause: string };
}

/** The context object recorded by test_context_object.py (PassStateExited.output of `InputPath: "$$"`). */
const RECORDED_CONTEXT = {
  Execution: {
    Id: "arn:<partition>:states:<region>:111111111111:execution:<ArnPart_0idx>:<ExecArnPart_0idx>",
    Input: { "input-value": 0 },
    StartTime: "date",
    Name: "<ExecArnPart_0idx>",
    RoleArn: "snf_role_arn",
    RedriveCount: 0,
  },
  StateMachine: {
    Id: "arn:<partition>:states:<region>:111111111111:stateMachine:<ArnPart_0idx>",
    Name: "<ArnPart_0idx>",
  },
  State: { Name: "TestState", EnteredTime: "date" },
};

const SHIPPING = {
  detail: { "delivery-partner": "UQS", shipped: ["A", "B", "C"] },
};

const RECORDED: RecordedCase[] = [
  // Pass states whose only data-flow fields are InputPath/OutputPath: PassStateEntered.input → PassStateExited.output.
  {
    id: "v2/assign/test_assign_reference_variables.py::TestAssignReferenceVariables::test_reference_assign[BASE_REFERENCE_IN_INPUTPATH]",
    field: "InputPath",
    path: "$theAnswer",
    roots: rootsOf({}, { variables: { theAnswer: 42 } }),
    expect: { value: 42 },
  },
  {
    id: "v2/assign/test_assign_reference_variables.py::TestAssignReferenceVariables::test_reference_assign[BASE_REFERENCE_IN_OUTPUTPATH]",
    field: "OutputPath",
    path: "$theAnswer",
    roots: rootsOf({ answer: 42 }, { variables: { theAnswer: 42 } }),
    expect: { value: 42 },
  },
  {
    id: "v2/context_object/test_context_object.py::TestSnfBase::test_input_path[$$]",
    field: "InputPath",
    path: "$$",
    roots: rootsOf({ "input-value": 0 }, { context: RECORDED_CONTEXT }),
    expect: { value: RECORDED_CONTEXT },
  },
  {
    id: "v2/context_object/test_context_object.py::TestSnfBase::test_input_path[$$.Execution.Input]",
    field: "InputPath",
    path: "$$.Execution.Input",
    roots: rootsOf({ "input-value": 0 }, { context: RECORDED_CONTEXT }),
    expect: { value: { "input-value": 0 } },
  },
  {
    id: "v2/context_object/test_context_object.py::TestSnfBase::test_output_path[$$.Execution.Input]",
    field: "OutputPath",
    path: "$$.Execution.Input",
    roots: rootsOf({ "input-value": 0 }, { context: RECORDED_CONTEXT }),
    expect: { value: { "input-value": 0 } },
  },
  {
    id: "v2/scenarios/test_base_scenarios.py::TestBaseScenarios::test_invalid_jsonpath[ST.INVALID_JSONPATH_IN_INPUTPATH]",
    field: "InputPath",
    path: "$.NoSuchInputPath",
    roots: rootsOf({ "int-literal": 0 }),
    expect: {
      error: "States.Runtime",
      cause:
        "An error occurred while executing the state 'pass' (entered at the event id #2). Invalid path '$.NoSuchInputPath' : No results for path: $['NoSuchInputPath']",
    },
  },
  {
    id: "v2/scenarios/test_base_scenarios.py::TestBaseScenarios::test_invalid_jsonpath[ST.INVALID_JSONPATH_IN_OUTPUTPATH]",
    field: "OutputPath",
    path: "$.NoSuchOutputPath",
    roots: rootsOf({ "int-literal": 0 }),
    expect: {
      error: "States.Runtime",
      cause:
        "An error occurred while executing the state 'pass' (entered at the event id #2). Invalid path '$.NoSuchOutputPath' : No results for path: $['NoSuchOutputPath']",
    },
  },
  // A Task's OutputPath over the Lambda result {} (LambdaFunctionSucceeded.output).
  {
    id: "v2/scenarios/test_base_scenarios.py::TestBaseScenarios::test_catch_states_runtime",
    field: "OutputPath",
    path: "$.no.such.result.path",
    roots: rootsOf({}),
    expect: {
      error: "States.Runtime",
      cause:
        "An error occurred while executing the state 'RaiseRuntime' (entered at the event id #2). Invalid path '$.no.such.result.path' : Missing property in path $['no']",
    },
  },
  // A Fail state's ErrorPath over FailStateEntered.input.
  {
    id: "v2/scenarios/test_base_scenarios.py::TestBaseScenarios::test_invalid_jsonpath[INVALID_JSONPATH_IN_ERRORPATH]",
    field: "ErrorPath",
    path: "$.ErrorX",
    roots: rootsOf({ Error: "error-value" }),
    expect: {
      error: "States.Runtime",
      cause:
        "An error occurred while executing the state 'fail' (entered at the event id #4). The JSONPath '$.ErrorX' specified for the field 'ErrorPath' could not be found in the input '<json-input:1>'",
    },
  },
  // Pass states with Parameters {"item.$": <path>}: PassStateExited.output.item.
  {
    id: "v2/base/test_base.py::TestSnfBase::test_json_path_array_access[$.items[10]]",
    field: "item.$",
    path: "$.items[10]",
    roots: rootsOf({
      items: Array.from({ length: 11 }, (_, i) => ({ item_key: i })),
    }),
    expect: { value: { item_key: 10 } },
  },
  ...["$[*]", "$.item.items[:1]", "$.item.items[1:5]", "$.items[:1].itemValue", "$.item.items[1:5].itemValue"].map(
    (path): RecordedCase => ({
      id: `v2/base/test_base.py::TestSnfBase::test_json_path_array_wildcard_or_slice_with_no_input[${path}]`,
      field: "item.$",
      path,
      roots: rootsOf({}),
      expect: { value: [] },
    }),
  ),
  // Map: InputPath, ItemsPath (over the InputPath result), ItemSelector paths (a dot name with "-", $$.Map.Item.Value).
  {
    id: "v2/scenarios/test_base_scenarios.py::TestBaseScenarios::test_map_state_item_selector_singleton (InputPath)",
    field: "InputPath",
    path: "$.detail",
    roots: rootsOf(SHIPPING),
    expect: { value: SHIPPING.detail },
  },
  {
    id: "v2/scenarios/test_base_scenarios.py::TestBaseScenarios::test_map_state_item_selector_singleton (ItemsPath)",
    field: "ItemsPath",
    path: "$.shipped",
    roots: rootsOf(SHIPPING.detail),
    expect: { value: ["A", "B", "C"] },
  },
  {
    id: "v2/scenarios/test_base_scenarios.py::TestBaseScenarios::test_map_state_item_selector_singleton (from_input_constant.$)",
    field: "from_input_constant.$",
    path: "$.delivery-partner",
    roots: rootsOf(SHIPPING.detail),
    expect: { value: "UQS" },
  },
  {
    id: "v2/scenarios/test_base_scenarios.py::TestBaseScenarios::test_map_state_item_selector_singleton (iteration_input_value.$)",
    field: "iteration_input_value.$",
    path: "$$.Map.Item.Value",
    roots: rootsOf(SHIPPING.detail, {
      context: { Map: { Item: { Index: 1, Value: "B" } } },
    }),
    expect: { value: "B" },
  },
  // Choice rules: the Variable read from ChoiceStateEntered.input (the branch taken confirms the value).
  {
    id: "v2/context_object/test_context_object.py::TestSnfBase::test_variable",
    field: "Variable",
    path: "$$.Execution.Input.input-value",
    roots: rootsOf({ "input-value": 0 }, { context: { Execution: { Input: { "input-value": 0 } } } }),
    expect: { value: 0 },
  },
  {
    id: "v2/assign/test_assign_reference_variables.py::TestAssignReferenceVariables::test_reference_assign[BASE_REFERENCE_IN_CHOICE] (Variable)",
    field: "Variable",
    path: "$guess",
    roots: rootsOf({}, { variables: { answer: "the_answer", guess: "the_guess" } }),
    expect: { value: "the_guess" },
  },
  {
    id: "v2/assign/test_assign_reference_variables.py::TestAssignReferenceVariables::test_reference_assign[BASE_REFERENCE_IN_CHOICE] (StringEqualsPath)",
    field: "StringEqualsPath",
    path: "$answer",
    roots: rootsOf({}, { variables: { answer: "the_answer", guess: "the_guess" } }),
    expect: { value: "the_answer" },
  },
  {
    id: "v2/scenarios/test_base_scenarios.py::TestBaseScenarios::test_choice_aws_docs_scenario[CHOICE_STATE_AWS_SCENARIO]",
    field: "Variable",
    path: "$.value",
    roots: rootsOf({ type: "Private", value: 22 }),
    expect: { value: 22 },
  },
  {
    id: "v2/scenarios/test_base_scenarios.py::TestBaseScenarios::test_choice_unsorted_parameters_negative[CHOICE_STATE_UNSORTED_CHOICE_PARAMETERS]",
    field: "Variable",
    path: "$.result.done",
    roots: rootsOf({ result: { done: false } }),
    expect: { value: false },
  },
  {
    id: "v2/scenarios/test_base_scenarios.py::TestBaseScenarios::test_map_state_break_condition",
    field: "Variable",
    path: "$",
    roots: rootsOf(3.3),
    expect: { value: 3.3 },
  },
];

describe("recorded AWS executions", () => {
  for (const c of RECORDED) {
    test(c.id, () => {
      if ("value" in c.expect) {
        assert.deepEqual(selectPath(c.path, c.roots, c.field), c.expect.value);
        return;
      }
      const error = statesError(() => selectPath(c.path, c.roots, c.field));
      assert.equal(error.name, c.expect.error);
      const recorded = causeTail(c.expect.cause);
      assert.ok(
        matchesRecorded(error.message, recorded),
        `cause ${JSON.stringify(error.message)} ≠ ${JSON.stringify(recorded)}`,
      );
    });
  }

  // Choice IsPresent on `$.Variable`: ConditionTrue was taken exactly when IsPresent equals "the path exists" — every
  // recorded input holds Variable, so null, false, "", [] and {} all exist.
  const IS_PRESENT = "v2/choice_operators/test_is_operators.py::TestIsOperators::test_is_present#cases";
  const isPresentCases: {
    index: number;
    variable: unknown;
    isPresent: boolean;
    matched: boolean;
  }[] = [
    { index: 0, variable: null, isPresent: true, matched: true },
    { index: 2, variable: 0, isPresent: true, matched: true },
    { index: 3, variable: 0, isPresent: false, matched: false },
    { index: 9, variable: 1.1, isPresent: false, matched: false },
    { index: 11, variable: "", isPresent: false, matched: false },
    { index: 14, variable: "HelloWorld", isPresent: true, matched: true },
    { index: 24, variable: [], isPresent: true, matched: true },
    { index: 29, variable: {}, isPresent: false, matched: false },
    { index: 30, variable: { A: 0 }, isPresent: true, matched: true },
    { index: 33, variable: false, isPresent: true, matched: true },
  ];
  for (const c of isPresentCases) {
    test(`${IS_PRESENT}[${c.index}]`, () => {
      const exists = pathExists("$.Variable", rootsOf({ Variable: c.variable, Value: c.isPresent }));
      assert.equal(exists === c.isPresent, c.matched);
    });
  }

  test("v2/scenarios/test_base_scenarios.py::TestBaseScenarios::test_map_state_item_selector_singleton (ResultPath)", () => {
    const outputs = ["A", "B", "C"].map((value, index) => ({
      iteration_input_value: value,
      iteration_index: index,
    }));
    assert.deepEqual(setPath(deepFreeze(structuredClone(SHIPPING)), "$.detail.shipped_output", outputs), {
      detail: {
        "delivery-partner": "UQS",
        shipped: ["A", "B", "C"],
        shipped_output: outputs,
      },
    });
  });

  test("v2/scenarios/test_base_scenarios.py::TestBaseScenarios::test_map_state_break_condition (StartState ResultPath)", () => {
    const result = [1, "Hello", {}, 3.3, 3, 4, 5];
    assert.deepEqual(setPath(deepFreeze({}), "$.arr", result), { arr: result });
  });
});

// ── Jayway's documented behaviour ───────────────────────────────────────────────────────────────────

/** The document of Jayway's README "Path Examples". */
const STORE = deepFreeze({
  store: {
    book: [
      {
        category: "reference",
        author: "Nigel Rees",
        title: "Sayings of the Century",
        price: 8.95,
      },
      {
        category: "fiction",
        author: "Evelyn Waugh",
        title: "Sword of Honour",
        price: 12.99,
      },
      {
        category: "fiction",
        author: "Herman Melville",
        title: "Moby Dick",
        isbn: "0-553-21311-3",
        price: 8.99,
      },
      {
        category: "fiction",
        author: "J. R. R. Tolkien",
        title: "The Lord of the Rings",
        isbn: "0-395-19395-8",
        price: 22.99,
      },
    ],
    bicycle: { color: "red", price: 19.95 },
  },
  expensive: 10,
});
const [BOOK0, BOOK1, BOOK2, BOOK3] = STORE.store.book;

describe("Jayway README path examples", () => {
  const cases: [string, unknown][] = [
    ["$.store.book[*].author", ["Nigel Rees", "Evelyn Waugh", "Herman Melville", "J. R. R. Tolkien"]],
    ["$..author", ["Nigel Rees", "Evelyn Waugh", "Herman Melville", "J. R. R. Tolkien"]],
    ["$.store.*", [STORE.store.book, STORE.store.bicycle]],
    ["$.store..price", [8.95, 12.99, 8.99, 22.99, 19.95]],
    ["$..book[2]", [BOOK2]],
    ["$..book[-2]", [BOOK2]],
    ["$..book[0,1]", [BOOK0, BOOK1]],
    ["$..book[:2]", [BOOK0, BOOK1]],
    ["$..book[1:2]", [BOOK1]],
    ["$..book[-2:]", [BOOK2, BOOK3]],
    ["$..book[2:]", [BOOK2, BOOK3]],
    ["$..book[?(@.isbn)]", [BOOK2, BOOK3]],
    ["$.store.book[?(@.price < 10)]", [BOOK0, BOOK2]],
    ["$..book[?(@.price <= $['expensive'])]", [BOOK0, BOOK2]],
    ["$..book[?(@.author =~ /.*REES/i)]", [BOOK0]],
    ["$..book.length()", 4],
  ];
  for (const [path, expected] of cases) {
    test(path, () => assert.deepEqual(select(path, STORE), expected));
  }

  test("$..* lists every node: a node's members, then each member's descendants, depth first", () => {
    const all = select("$..*", STORE) as unknown[];
    assert.deepEqual(all.slice(0, 4), [STORE.store, 10, STORE.store.book, STORE.store.bicycle]);
    assert.deepEqual(all.slice(4, 8), [BOOK0, BOOK1, BOOK2, BOOK3]);
    assert.deepEqual(all.slice(8, 12), ["reference", "Nigel Rees", "Sayings of the Century", 8.95]);
    assert.deepEqual(all.slice(-2), ["red", 19.95]);
    assert.equal(all.length, 4 + 4 + 4 + 4 + 5 + 5 + 2);
  });
});

describe("roots ($, $$, $name)", () => {
  test("$ is the input, whatever its type", () => {
    for (const input of [{ a: 1 }, [1, 2], "HelloWorld", 0, true, null]) assert.deepEqual(select("$", input), input);
  });

  test("$$ reads the context object and $name a variable", () => {
    const roots = rootsOf({ a: 1 }, { context: { State: { Name: "S" } }, variables: { v: { x: [5, 6] } } });
    assert.equal(selectPath("$$.State.Name", roots), "S");
    assert.deepEqual(selectPath("$v", roots), { x: [5, 6] });
    assert.equal(selectPath("$v.x[1]", roots), 6);
  });

  test("a missing variable is States.Runtime", () => {
    const error = statesError(() => selectPath("$nope.x", rootsOf({}, { variables: { other: 1 } })));
    assert.equal(error.name, "States.Runtime");
    assert.match(error.message, /\$nope/);
  });

  test("a path below a null input fails (AWS: 'Unable to apply Path transformation to null or empty input.')", () => {
    const error = statesError(() => select("$.a", null));
    assert.equal(error.name, "States.Runtime");
    assert.equal(error.message, "Unable to apply Path transformation to null or empty input.");
  });

  test("$ inside a filter is the root of the document the path reads (here a variable)", () => {
    const roots = rootsOf({}, { variables: { v: { limit: 2, xs: [{ n: 1 }, { n: 3 }] } } });
    assert.deepEqual(selectPath("$v.xs[?(@.n < $.limit)]", roots), [{ n: 1 }]);
  });
});

describe("names and indexes (definite paths)", () => {
  const doc = deepFreeze({
    a: { b: [10, 20, 30] },
    "a b": 1,
    "x.y": 2,
    n: null,
    f: false,
  });

  test(".name, ['name'], names with special characters, [n] and negative [-n]", () => {
    assert.deepEqual(select("$.a", doc), { b: [10, 20, 30] });
    assert.deepEqual(select("$['a']['b']", doc), [10, 20, 30]);
    assert.equal(select("$['a b']", doc), 1);
    assert.equal(select("$['x.y']", doc), 2);
    assert.equal(select("$.a.b[0]", doc), 10);
    assert.equal(select("$.a.b[-1]", doc), 30);
    assert.equal(select("$.a.b[-3]", doc), 10);
  });

  test("null and false values are found", () => {
    assert.equal(select("$.n", doc), null);
    assert.equal(select("$.f", doc), false);
  });

  test("Jayway's messages when a definite path fails (InputPath form)", () => {
    const cases: [string, string][] = [
      ["$.zz", "No results for path: $['zz']"],
      ["$.a.zz", "No results for path: $['a']['zz']"],
      ["$.zz.b", "Missing property in path $['zz']"],
      ["$.a.b[3]", "No results for path: $['a']['b'][3]"],
      ["$.a.b[-4]", "No results for path: $['a']['b'][-4]"],
      ["$.n[0]", "The path $['n'] is null"],
      ["$.a[0]", 'Filter: [0] can only be applied to arrays. Current context is: {"b":[10,20,30]}'],
      [
        "$.a.b.c",
        "Expected to find an object with property ['c'] in path $['a']['b'] but found 'net.minidev.json.JSONArray'. " +
          "This is not a json object according to the JsonProvider: 'com.jayway.jsonpath.spi.json.JsonSmartJsonProvider'.",
      ],
      [
        "$.f.c",
        "Expected to find an object with property ['c'] in path $['f'] but found 'java.lang.Boolean'. " +
          "This is not a json object according to the JsonProvider: 'com.jayway.jsonpath.spi.json.JsonSmartJsonProvider'.",
      ],
    ];
    for (const [path, detail] of cases) {
      const error = statesError(() => select(path, doc, "InputPath"));
      assert.equal(error.name, "States.Runtime", path);
      assert.equal(error.message, `Invalid path '${path}' : ${detail}`);
    }
  });

  test("DeepScanTest.definite_upstream_illegal_array_access_throws", () => {
    for (const [doc2, path] of [
      [{ foo: { bar: null } }, "$.foo.bar.[5]"],
      [{ foo: { bar: null } }, "$.foo.bar.[5, 10]"],
      [{ foo: { bar: 4 } }, "$.foo.bar.[5]"],
      [{ foo: { bar: [] } }, "$.foo.bar.[5]"],
    ] as const) {
      if (path.includes(",")) assert.deepEqual(select(path, doc2), [], "an indefinite path gives [] instead");
      else assert.equal(statesError(() => select(path, doc2)).name, "States.Runtime", path);
    }
  });

  test("evaluatePath takes a parsed path", () => {
    const parsed = parsePath("$.a.b[1]");
    assert.ok(parsed.ok);
    assert.equal(evaluatePath(parsed.value, rootsOf(doc)), 20);
  });

  test("a syntax error is States.Runtime", () => {
    assert.equal(statesError(() => select("$.a[", doc)).name, "States.Runtime");
  });
});

describe("wildcards", () => {
  test("[*] and .* select array elements and object values (in key order)", () => {
    const doc = { arr: [1, 2], obj: { z: 1, a: 2 } };
    assert.deepEqual(select("$.arr[*]", doc), [1, 2]);
    assert.deepEqual(select("$.arr.*", doc), [1, 2]);
    assert.deepEqual(select("$.obj[*]", doc), [1, 2]);
    assert.deepEqual(select("$.obj.*", doc), [1, 2]);
  });

  test("indefinite paths skip what does not match and give [] when nothing does [obs]", () => {
    assert.deepEqual(select("$.arr[*].x", { arr: [{ x: 1 }, { y: 2 }, 3, { x: null }] }), [1, null]);
    assert.deepEqual(select("$.items[1:]", {}), []);
    assert.deepEqual(select("$[*]", "text"), []);
    assert.deepEqual(select("$.a[*]", { a: 5 }), []);
  });
});

describe("deep scan (Jayway DeepScanTest)", () => {
  test("the node itself before its descendants, depth first", () => {
    const a = { a: "aa" };
    const b = { b: "bb" };
    const doc = [a, b, { b, ab: { a, b } }];
    assert.deepEqual(select("$..['a']", doc), ["aa", a, "aa"]); // scan_for_single_property
    const x = { x: "xx" };
    assert.deepEqual(select("$..['a'].x", [a, x, { a: x }, { z: { a: x } }]), ["xx", "xx"]); // scan_for_property_path
  });

  test("illegal steps below a scan are ignored", () => {
    const doc = { x: { foo: { bar: 4 } }, y: { foo: 1 } };
    assert.equal((select("$..foo", doc) as unknown[]).length, 2);
    assert.deepEqual(select("$..foo.bar", doc), [4]);
    assert.deepEqual(select("$..[*].foo.bar", doc), [4]);
    assert.deepEqual(select("$..[*].foo.bar", { x: { foo: { baz: 4 } }, y: { foo: 1 } }), []);
    assert.deepEqual(select("$..foo[?(@.bar)].bar", doc), [4]);
  });

  test("array subscripts below a scan", () => {
    assert.deepEqual(select("$..[2][3]", { x: [0, 1, [0, 1, 2, 3, null], null] }), [3]);
    assert.deepEqual(select("$..[2][3]", { x: [0, 1, [0, 1, 2], null], y: [0, 1, 2] }), []);
    assert.deepEqual(select("$..[4]", { x: [0, 1, [0, 1, 2, 3, 10], null] }), [10]);
  });

  test("a multi-member step after a scan keeps the objects holding every member, merged", () => {
    const doc = [{ a: "a-val", b: "b-val", c: "c-val" }, [1, 5], { a: "a-val" }];
    assert.deepEqual(select("$..['a', 'c']", doc), [{ a: "a-val", c: "c-val" }]);
  });

  test("scans can be filtered", () => {
    const brown = { val: "brown" };
    const white = { val: "white" };
    const animals = [{ mammal: true, color: brown }, { mammal: true, color: white }, { mammal: false }];
    assert.deepEqual(select("$..[?(@.mammal == true)].color", animals), [brown, white]);
  });
});

describe("slices (Jayway ArraySliceToken; the step is ignored)", () => {
  const nums = [1, 3, 5, 7, 8, 13, 20];
  const cases: [string, unknown][] = [
    ["$[3]", 7],
    ["$[:3]", [1, 3, 5]],
    ["$[1:5]", [3, 5, 7, 8]],
    ["$[0:1]", [1]],
    ["$[1:15]", [3, 5, 7, 8, 13, 20]],
    ["$[-3:]", [8, 13, 20]],
    ["$[3:]", [7, 8, 13, 20]],
    ["$[0,1,2]", [1, 3, 5]],
    ["$[:-5]", [1, 3]],
    ["$[-20:]", nums],
    ["$[9:]", []],
    ["$[4:2]", []],
    ["$[1:6:2]", [3, 5, 7, 8, 13]],
    // `[a:b]` keeps a negative start and resolves each index like `[n]` (sliceBetween + handleArrayIndex).
    ["$[-2:2]", [13, 20, 1, 3]],
  ];
  for (const [path, expected] of cases) {
    test(path, () => assert.deepEqual(select(path, nums), expected));
  }
});

describe("unions", () => {
  const doc = {
    arr: ["a", "b", "c"],
    obj: { a: 1, b: 2, c: 3 },
    list: [{ a: 1, b: 2 }, { a: 3 }],
  };

  test("[i,j] selects several elements, skipping those out of range", () => {
    assert.deepEqual(select("$.arr[0,2]", doc), ["a", "c"]);
    assert.deepEqual(select("$.arr[2,0,7]", doc), ["c", "a"]);
  });

  test("['a','b'] as the last step merges the members present into one object (Jayway multiPropertyMergeCase)", () => {
    assert.deepEqual(select("$.obj['a','c']", doc), { a: 1, c: 3 });
    assert.deepEqual(select("$.obj['a','zz']", doc), { a: 1 });
    assert.deepEqual(select("$.list[*]['a','b']", doc), [{ a: 1, b: 2 }, { a: 3 }]);
  });

  test("['a','b'] before another step selects each member in turn", () => {
    assert.deepEqual(select("$['obj','arr'][0]", doc), ["a"]);
  });
});

describe("filters (Jayway FilterTest / EvaluatorFactory)", () => {
  const ITEMS = [
    { id: 1, price: 8.95, tags: ["a", "b"], name: "apple", ok: true },
    { id: 2, price: 12.99, tags: [], name: "Banana", ok: false, note: null },
    { id: 3, price: "10", name: "cherry" },
    { id: 4, name: "", tags: ["c"] },
  ] as const;
  const doc = deepFreeze({ limit: 10, wanted: [2, 3], items: ITEMS });
  const ids = (path: string): unknown => (select(path, doc) as { id: number }[]).map((item) => item.id);

  const cases: [string, number[]][] = [
    ["$.items[?(@.price < 10)]", [1]],
    ["$.items[?(@.price > 10)]", [2]],
    ["$.items[?(@.price <= $.limit)]", [1]],
    // ordering compares two numbers or two strings only: the string "10" is neither < 11 nor >= 10
    ["$.items[?(@.price < 11)]", [1]],
    ["$.items[?(@.price >= 10)]", [2]],
    ["$.items[?(@.id >= 2 && @.id < 4)]", [2, 3]],
    ["$.items[?(@.id == 1 || @.id == 4)]", [1, 4]],
    ["$.items[?(!(@.id == 1))]", [2, 3, 4]],
    ["$.items[?((@.id == 1 || @.id == 2) && @.ok == false)]", [2]],
    // existence keeps elements whose member exists, even false or null
    ["$.items[?(@.ok)]", [1, 2]],
    ["$.items[?(@.note)]", [2]],
    ["$.items[?(!@.note)]", [1, 3, 4]],
    ["$.items[?(@.ok == true)]", [1]],
    ["$.items[?(@.ok != true)]", [2, 3, 4]],
    ["$.items[?(@.note == null)]", [2]],
    // a number equals a string with the same value (FilterTest.int_eq_string_evals: `1 == '1'`)
    ["$.items[?(@.id == '2')]", [2]],
    ["$.items[?(@.price == '10')]", [3]],
    ["$.items[?(@.price == 10)]", [3]],
    ["$.items[?(@.name == 'apple')]", [1]],
    ["$.items[?(@.name == apple)]", [1]],
    ["$.items[?(@.name > 'b')]", [3]],
    // =~ must match the whole text; i ignores case
    ["$.items[?(@.name =~ /b.*/i)]", [2]],
    ["$.items[?(@.name =~ /an/)]", []],
    ["$.items[?(@.name =~ /.*an.*/)]", [2]],
    ["$.items[?(@.id =~ /[13]/)]", [1, 3]],
    ["$.items[?(@.name in ['apple', 'cherry'])]", [1, 3]],
    ["$.items[?(@.name nin ['apple', 'cherry'])]", [2, 4]],
    ["$.items[?(@.id in $.wanted)]", [2, 3]],
    ["$.items[?(@.tags subsetof ['a', 'b', 'c'])]", [1, 2, 4]],
    ["$.items[?(@.tags anyof ['b', 'c'])]", [1, 4]],
    ["$.items[?(@.tags noneof ['b', 'c'])]", [2]],
    ["$.items[?(@.tags size 2)]", [1]],
    ["$.items[?(@.name size 6)]", [2, 3]],
    ["$.items[?(@.tags empty true)]", [2]],
    ["$.items[?(@.tags empty false)]", [1, 4]],
    ["$.items[?(@.name empty true)]", [4]],
    // operands of the wrong kind reject the element (InvalidPathException), for `nin` too
    ["$.items[?(@.id in 5)]", []],
    ["$.items[?(@.id nin 5)]", []],
    ["$.items[?(@.tags size 'x')]", []],
    ["$.items[?(@.tags.length() >= 1)]", [1, 4]],
  ];
  for (const [path, expected] of cases) {
    test(path, () => assert.deepEqual(ids(path), expected));
  }

  test("the AWS documentation example: $.jar[?(@.a >= 5)]", () => {
    const input = {
      foo: 123,
      bar: ["a", "b", "c"],
      car: { cdr: true },
      jar: [{ a: 1 }, { a: 5 }, { a: 2 }, { a: 7 }, { a: 3 }],
    };
    assert.deepEqual(select("$.jar[?(@.a >= 5)]", input), [{ a: 5 }, { a: 7 }]);
  });

  test("AWS: '@' does not match scalar values, only objects", () => {
    assert.deepEqual(select("$.bar[?(@ == 'a')]", { bar: ["a", "b"] }), []);
    assert.deepEqual(select("$.bar[?(@)]", { bar: ["a", 1] }), []);
  });

  test("a filter on an object tests the object itself", () => {
    assert.deepEqual(select("$.o[?(@.x)]", { o: { x: 1 } }), [{ x: 1 }]);
    assert.deepEqual(select("$.o[?(@.y)]", { o: { x: 1 } }), []);
  });

  test("JSON operands compare structurally (FilterTest.json_evals)", () => {
    assert.deepEqual(select("$[?(@.foo == [1,2])]", [{ foo: [1, 2] }, { foo: [2, 1] }]), [{ foo: [1, 2] }]);
  });

  test("a filter on a primitive after a definite path fails", () => {
    const error = statesError(() => select("$.n[?(@.x)]", { n: 5 }, "InputPath"));
    assert.equal(error.name, "States.Runtime");
    assert.equal(
      error.message,
      "Invalid path '$.n[?(@.x)]' : Filter: [?] can not be applied to primitives. Current context is: 5",
    );
  });

  test("`empty` on an object fails the evaluation, as Jayway's cast to Collection does", () => {
    assert.equal(statesError(() => select("$[?(@.o empty true)]", [{ o: {} }])).name, "States.Runtime");
  });
});

describe("path functions", () => {
  const doc = deepFreeze({
    numbers: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    empty: [],
    text: ["a", "b", "c", "d", "e", "f"],
    obj: { a: 1, b: 2 },
    name: "x",
    one: [7],
    dups: [1, 2, 1, { a: 1 }, { a: 1 }],
    batches: {
      minBatchSize: 10,
      results: [
        { productId: 23, values: [2, 45, 34, 23, 3, 5, 4, 3, 2, 1] },
        { productId: 23, values: [52, 3, 12, 11, 18, 22, 1] },
      ],
    },
  });

  const cases: [string, unknown][] = [
    ["$.numbers.length()", 10],
    ["$['text'].size()", 6],
    ["$.batches.length()", 2],
    ["$.name.length()", null],
    ["$.numbers.sum()", 55],
    ["$.numbers.avg()", 5.5],
    ["$.numbers.min()", 1],
    ["$.numbers.max()", 10],
    ["$.numbers.stddev()", 2.8722813232690143],
    ["$.numbers.sum(1, 10)", 66],
    ["$.text.concat()", "abcdef"],
    ["$.text.concat('-', 'g')", "abcdef-g"],
    ["$.name.concat('y')", "y"],
    ["$.text.append('g')", ["a", "b", "c", "d", "e", "f", "g"]],
    ["$.name.append(1)", "x"],
    ["$.obj.keys()", ["a", "b"]],
    ["$.numbers.keys()", null],
    ["$.numbers.first()", 1],
    ["$.numbers.last()", 10],
    ["$.numbers.index(1)", 2],
    ["$.numbers.index(-1)", 10],
    ["$.text.first()", "a"],
    ["$.dups.distinct()", [1, 2, { a: 1 }]],
    // after an indefinite path a function applies to each match (JSONEntityPathFunctionTest)
    ["$.batches.results[?(@.values.length() >= 3)].values.avg()", [12.2, 17]],
    ["$.batches.results[?(@.values.length() >= $.batches.minBatchSize)].values.avg()", [12.2]],
    ["$.batches.results[*].values.length()", [10, 7]],
    // …except after a leading `..`, where it applies once to all matches
    ["$..values.length()", 17],
    ["$..productId.sum()", 46],
  ];
  for (const [path, expected] of cases) {
    test(path, () => assert.deepEqual(select(path, doc), expected));
  }

  test("failures: empty aggregation, last() of one element (Jayway's realIndex > 0), missing node", () => {
    const cases: [string, string][] = [
      ["$.empty.sum()", "Aggregation function attempted to calculate value using empty array"],
      ["$.name.first()", "Aggregation function attempted to calculate value using empty array"],
      ["$.one.last()", "Target index:-1 larger than object count:1"],
      ["$.numbers.index(12)", "Index 12 out of bounds for length 10"],
      ["$.missing.length()", "Missing property in path $['missing']"],
    ];
    for (const [path, detail] of cases) {
      const error = statesError(() => select(path, doc, "OutputPath"));
      assert.equal(error.name, "States.Runtime");
      assert.equal(error.message, `Invalid path '${path}' : ${detail}`);
    }
  });
});

describe("causes by field", () => {
  test("payload-template keys and other fields: 'The JSONPath … specified for the field … could not be found in the input …'", () => {
    const error = statesError(() => select("$.application.address", { flagged: false }, "address.$"));
    assert.equal(error.name, "States.Runtime");
    assert.equal(
      error.message,
      "The JSONPath '$.application.address' specified for the field 'address.$' could not be found in the input '{\"flagged\":false}'",
    );
  });

  test("Choice rules: \"Invalid path '…': The choice state's condition path references an invalid value.\"", () => {
    for (const field of ["Variable", "NumericEqualsPath"]) {
      const error = statesError(() => select("$.x", {}, field));
      assert.equal(error.message, "Invalid path '$.x': The choice state's condition path references an invalid value.");
    }
  });
});

describe("pathExists", () => {
  test("a definite path exists when it resolves, whatever the value", () => {
    const roots = rootsOf({ a: { b: null }, arr: [0] }, { variables: { v: false } });
    for (const path of ["$", "$.a", "$.a.b", "$.arr[0]", "$.arr[-1]", "$v"])
      assert.equal(pathExists(path, roots), true, path);
    for (const path of ["$.zz", "$.a.b.c", "$.arr[1]", "$.a[0]", "$nope", "$$.zz"])
      assert.equal(pathExists(path, roots), false, path);
  });

  test("an indefinite path exists when it matches something", () => {
    assert.equal(pathExists("$.arr[*]", rootsOf({ arr: [1] })), true);
    assert.equal(pathExists("$.arr[*]", rootsOf({ arr: [] })), false);
  });
});

describe("setPath (ResultPath, ASL-3.1 step 7)", () => {
  test("sets or overwrites a member in a copy, creating missing objects", () => {
    const input = deepFreeze({ a: 1, keep: { x: 1 } });
    assert.deepEqual(setPath(input, "$.b", 2), { a: 1, keep: { x: 1 }, b: 2 });
    assert.deepEqual(setPath(input, "$.a", { n: 1 }), {
      a: { n: 1 },
      keep: { x: 1 },
    });
    assert.deepEqual(setPath(input, "$.keep.y.z", true), {
      a: 1,
      keep: { x: 1, y: { z: true } },
    });
    assert.deepEqual(setPath(input, "$['a b']", 3), {
      a: 1,
      keep: { x: 1 },
      "a b": 3,
    });
    assert.deepEqual(input, { a: 1, keep: { x: 1 } });
  });

  test("$ replaces the whole value", () => {
    assert.equal(setPath({ a: 1 }, "$", "result"), "result");
    assert.equal(setPath("text", "$", null), null);
  });

  test("index steps set existing elements only", () => {
    const input = deepFreeze({ list: [1, 2] });
    assert.deepEqual(setPath(input, "$.list[1]", 9), { list: [1, 9] });
    assert.deepEqual(setPath(input, "$.list[-2]", 9), { list: [9, 2] });
    for (const path of ["$.list[2]", "$.other[0]"]) {
      assert.equal(statesError(() => setPath(input, path, 9)).name, "States.ResultPathMatchFailure", path);
    }
  });

  test("a value that is not an object where a member must be set is States.ResultPathMatchFailure", () => {
    for (const [input, path] of [
      ["HelloWorld", "$.a"],
      [[1], "$.a"],
      [null, "$.a"],
      [{ a: 5 }, "$.a.b"],
      [{ a: null }, "$.a.b"],
      [{ a: [] }, "$.a.b"],
    ] as const) {
      assert.equal(
        statesError(() => setPath(input, path, 1)).name,
        "States.ResultPathMatchFailure",
        `${path} on ${JSON.stringify(input)}`,
      );
    }
  });

  test("only Reference Paths into $ can be written", () => {
    for (const path of ["$$.a", "$v.a", "$.a[*]", "$..a", "$.a["]) {
      assert.equal(statesError(() => setPath({}, path, 1)).name, "States.Runtime", path);
    }
  });
});
