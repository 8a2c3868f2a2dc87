import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { evaluateExpression, expressionBody, isNondeterministic, type StatesVariable } from "../../src/runtime/jsonata/engine.js";
import { evaluateJsonata, evaluateTyped } from "../../src/runtime/jsonata/template.js";
import { rejectsStates } from "../support/values.js";

/**
 * The runtime's JSONata engine (ASL-3.2): Step Functions' added functions, no `$eval`, no context item, and
 * States.QueryEvaluationError for undefined or unsupported results, with AWS's cause wording [obs].
 */
const states: StatesVariable = { input: { n: 2, xs: [1, 2, 3], text: "[1, 2]" }, context: { State: { Name: "S" } } };
const site = { state: "S", field: "Output" };
const run = (body: string, variables?: Record<string, never>): Promise<unknown> => evaluateExpression(body, states, variables, site);

describe("JSONata engine", () => {
  test("only a string that is exactly {% … %} is an expression (ASL-3.2)", () => {
    assert.equal(expressionBody("{% 1 %}"), " 1 ");
    assert.equal(expressionBody(" {% 1 %}"), undefined);
    assert.equal(expressionBody("{% 1 %} "), undefined);
    assert.equal(expressionBody("$.x"), undefined);
    assert.equal(expressionBody(7), undefined);
  });

  test("$states.input and $states.context are bound; there is no context item", async () => {
    assert.equal(await run("$states.input.n + 1"), 3);
    assert.equal(await run("$states.context.State.Name"), "S");
    await rejectsStates(run("$"), "States.QueryEvaluationError", /returned nothing \(undefined\)/);
  });

  test("$range includes the end and is a sequence: one value is unwrapped [obs: test_array_range]", async () => {
    assert.deepEqual(await run("$range(0, 9, 3)"), [0, 3, 6, 9]);
    assert.equal(await run("$range(1, 9, 9)"), 1);
    assert.deepEqual(await run("$range(5, 1, -2)"), [5, 3, 1]);
  });

  test("$partition chunks an array; the last chunk may be shorter [obs: test_array_partition]", async () => {
    assert.deepEqual(await run("$partition([0], 1)"), [[0]]);
    assert.deepEqual(await run("$partition([0, 1, 2], 2)"), [[0, 1], [2]]);
    assert.deepEqual(await run("$partition([0, 1, 2, 3], 5)"), [[0, 1, 2, 3]]);
    await rejectsStates(run("$partition([0], 0)"), "States.QueryEvaluationError", /positive integer/);
  });

  test("$hash gives the hex digest for each documented algorithm", async () => {
    assert.equal(await run("$hash('abc', 'MD5')"), "900150983cd24fb0d6963f7d28e17f72");
    assert.equal(await run("$hash('abc', 'SHA-1')"), "a9993e364706816aba3e25717850c26c9cd0d89d");
    assert.equal(await run("$hash('abc', 'SHA-256')"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    await rejectsStates(run("$hash('abc', 'CRC32')"), "States.QueryEvaluationError", /must be one of/);
  });

  test("$random(seed) is java.util.Random(seed).nextDouble(); $random() is in [0, 1)", async () => {
    // OpenJDK: new java.util.Random(42).nextDouble() == 0.7275636800328681
    assert.equal(await run("$random(42)"), 0.7275636800328681);
    const r = (await run("$random()")) as number;
    assert.ok(r >= 0 && r < 1);
  });

  test("$uuid gives a version 4 UUID; $parse reads JSON text [obs: test_parse]", async () => {
    assert.match((await run("$uuid()")) as string, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.deepEqual(await run("$parse($states.input.text)"), [1, 2]);
    assert.equal(await run("$parse('1.1')"), 1.1);
    await rejectsStates(run("$parse('{')"), "States.QueryEvaluationError", /could not parse/);
  });

  test("$eval and unknown functions are not callable: T1006 as AWS reports it [obs: test_math_random_seeded]", async () => {
    await rejectsStates(run("$eval('1')"), "States.QueryEvaluationError", /T1006: Attempted to invoke a non-function/);
    await rejectsStates(
      run("$randomSeeded(1)"),
      "States.QueryEvaluationError",
      /The JSONata expression '\$randomSeeded\(1\)' specified for the field 'Output' threw an error during evaluation\. T1006/,
    );
  });

  test("workflow variables are bound by name (ASL-8); an unassigned one is undefined [obs: test_undefined_reference]", async () => {
    assert.equal(await evaluateExpression("$price * 2", states, { price: 4 } as never, site), 8);
    await rejectsStates(run("$doesNotExist"), "States.QueryEvaluationError", /'\$doesNotExist' specified for the field 'Output' returned nothing \(undefined\)\./);
  });

  test("a function result is unsupported [obs: test_map_state_items_eval_jsonata_fail[function]]", async () => {
    await rejectsStates(run("function($x){$x}"), "States.QueryEvaluationError", /returned an unsupported result type/);
  });

  test("calls of $now, $millis, $random and $uuid are nondeterministic, anywhere in the expression", () => {
    assert.equal(isNondeterministic("$now()"), true);
    assert.equal(isNondeterministic("{'a': [1, $millis()]}"), true);
    assert.equal(isNondeterministic("$map([1], function($v){ $uuid() })"), true);
    assert.equal(isNondeterministic("$random(1)"), true);
    assert.equal(isNondeterministic("$states.input.now"), false);
    assert.equal(isNondeterministic("$sum([1])"), false);
  });
});

describe("JSONata field values", () => {
  const scope = { states, variables: undefined };

  test("expressions at any depth; nested fields named Output/a/0 in causes [obs: 'Output/FunctionResult']", async () => {
    assert.deepEqual(await evaluateJsonata({ a: ["{% $states.input.n %}", "$.n"], b: { c: "{% $count($states.input.xs) %}" } }, scope, site), { a: [2, "$.n"], b: { c: 3 } });
    await rejectsStates(evaluateJsonata({ a: [1, "{% $nothing %}"] }, scope, site), "States.QueryEvaluationError", /field 'Output\/a\/1'/);
  });

  test("typed fields: the wrong type is an error with AWS's wording [obs: test_map_state_items_eval_jsonata_fail]", async () => {
    await rejectsStates(
      evaluateTyped("{% 1 %}", scope, { state: "MapIterateState", field: "Items" }, "array"),
      "States.QueryEvaluationError",
      /The JSONata expression ' 1 ' specified for the field 'Items' returned an unexpected result type\. Expected 'array', but was 'number' for value: 1/,
    );
    assert.equal(await evaluateTyped("{% 3 %}", scope, { state: "S", field: "TimeoutSeconds" }, "integer"), 3);
    await rejectsStates(evaluateTyped("{% 1.5 %}", scope, { state: "S", field: "TimeoutSeconds" }, "integer"), "States.QueryEvaluationError", /Expected 'integer'/);
    assert.equal(await evaluateTyped(true, scope, { state: "S", field: "Condition" }, "boolean"), true);
  });
});
