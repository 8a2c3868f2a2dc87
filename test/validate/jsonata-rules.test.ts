import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { found, LAMBDA, machine } from "../support/validate.js";

/**
 * ASL401–ASL406 (src/validate/rules/jsonata.ts): the `{% %}` expressions of JSONata states parse, are delimited exactly,
 * and read only what exists where they stand (ASL-3.2).
 */

const CODES = new Set(["ASL401", "ASL402", "ASL403", "ASL404", "ASL405", "ASL406"]);
/** Only this rule's codes, sorted. */
const ja = (definition: unknown): string[] =>
  found(definition, {}, "info")
    .filter((d) => CODES.has(d.split(" ")[0] ?? ""))
    .sort();

const JSONATA = { QueryLanguage: "JSONata" } as const;
/** A one-state JSONata machine (plus extra states). */
const jm = (state: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> => machine(state, extra, JSONATA);
const inline = { StartAt: "I", States: { I: { Type: "Pass", End: true } } };
const distributed = { ...inline, ProcessorConfig: { Mode: "DISTRIBUTED", ExecutionType: "STANDARD" } };
const task = (extra: Record<string, unknown>): Record<string, unknown> => ({ Type: "Task", Resource: LAMBDA, End: true, ...extra });
const catcher = (extra: Record<string, unknown>): Record<string, unknown> => ({ ErrorEquals: ["States.ALL"], Next: "H", ...extra });
const H = { H: { Type: "Succeed" } };
const choice = (rule: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> =>
  jm({ Type: "Choice", Choices: [{ Condition: "{% true %}", Next: "D", ...rule }], Default: "D", ...extra }, { D: { Type: "Succeed" } });

/**
 * Every field of ASL-3.2's list that accepts an expression, as [label, state, extra states, pointer of `expr`], with
 * `expr` placed in that field.
 */
function everyExpressionField(expr: string): Array<[string, Record<string, unknown>, Record<string, unknown>, string]> {
  return [
    ["Task Arguments", task({ Arguments: expr }), {}, "/States/S/Arguments"],
    ["Task Arguments, nested in objects and arrays", task({ Arguments: { a: [{ b: expr }] } }), {}, "/States/S/Arguments/a/0/b"],
    ["Parallel Arguments", { Type: "Parallel", End: true, Arguments: { x: expr }, Branches: [inline] }, {}, "/States/S/Arguments/x"],
    ["Task Output", task({ Output: { o: expr } }), {}, "/States/S/Output/o"],
    ["Pass Output", { Type: "Pass", End: true, Output: expr }, {}, "/States/S/Output"],
    ["Succeed Output", { Type: "Succeed", Output: expr }, {}, "/States/S/Output"],
    ["Assign value", { Type: "Pass", End: true, Assign: { v: expr } }, {}, "/States/S/Assign/v"],
    ["Task TimeoutSeconds", task({ TimeoutSeconds: expr }), {}, "/States/S/TimeoutSeconds"],
    ["Task HeartbeatSeconds", task({ HeartbeatSeconds: expr }), {}, "/States/S/HeartbeatSeconds"],
    ["Task Credentials.RoleArn", task({ Credentials: { RoleArn: expr } }), {}, "/States/S/Credentials/RoleArn"],
    ["Wait Seconds", { Type: "Wait", End: true, Seconds: expr }, {}, "/States/S/Seconds"],
    ["Wait Timestamp", { Type: "Wait", End: true, Timestamp: expr }, {}, "/States/S/Timestamp"],
    ["Fail Error", { Type: "Fail", Error: expr }, {}, "/States/S/Error"],
    ["Fail Cause", { Type: "Fail", Cause: expr }, {}, "/States/S/Cause"],
    ["Map Items", { Type: "Map", End: true, ItemProcessor: inline, Items: expr }, {}, "/States/S/Items"],
    ["Map ItemSelector", { Type: "Map", End: true, ItemProcessor: inline, ItemSelector: { v: expr } }, {}, "/States/S/ItemSelector/v"],
    ["Map MaxConcurrency", { Type: "Map", End: true, ItemProcessor: inline, MaxConcurrency: expr }, {}, "/States/S/MaxConcurrency"],
    ["Map ToleratedFailureCount", { Type: "Map", End: true, ItemProcessor: distributed, ToleratedFailureCount: expr }, {}, "/States/S/ToleratedFailureCount"],
    ["Map ToleratedFailurePercentage", { Type: "Map", End: true, ItemProcessor: distributed, ToleratedFailurePercentage: expr }, {}, "/States/S/ToleratedFailurePercentage"],
    ["Map ItemBatcher.MaxItemsPerBatch", { Type: "Map", End: true, ItemProcessor: distributed, ItemBatcher: { MaxItemsPerBatch: expr } }, {}, "/States/S/ItemBatcher/MaxItemsPerBatch"],
    ["Map ItemBatcher.MaxInputBytesPerBatch", { Type: "Map", End: true, ItemProcessor: distributed, ItemBatcher: { MaxInputBytesPerBatch: expr } }, {}, "/States/S/ItemBatcher/MaxInputBytesPerBatch"],
    ["Map ItemBatcher.BatchInput", { Type: "Map", End: true, ItemProcessor: distributed, ItemBatcher: { MaxItemsPerBatch: 2, BatchInput: { k: expr } } }, {}, "/States/S/ItemBatcher/BatchInput/k"],
    [
      "Map ItemReader.Arguments",
      { Type: "Map", End: true, ItemProcessor: distributed, ItemReader: { Resource: "arn:aws:states:::s3:getObject", Arguments: { Bucket: expr, Key: "k" } } },
      {},
      "/States/S/ItemReader/Arguments/Bucket",
    ],
    [
      "Map ItemReader.ReaderConfig.MaxItems",
      { Type: "Map", End: true, ItemProcessor: distributed, ItemReader: { Resource: "arn:aws:states:::s3:getObject", Arguments: { Bucket: "b", Key: "k" }, ReaderConfig: { InputType: "JSON", MaxItems: expr } } },
      {},
      "/States/S/ItemReader/ReaderConfig/MaxItems",
    ],
    [
      "Map ResultWriter.Arguments",
      { Type: "Map", End: true, ItemProcessor: distributed, ResultWriter: { Resource: "arn:aws:states:::s3:putObject", Arguments: { Bucket: expr, Prefix: "p" } } },
      {},
      "/States/S/ResultWriter/Arguments/Bucket",
    ],
    ["Choice rule Condition", { Type: "Choice", Choices: [{ Condition: expr, Next: "D" }], Default: "D" }, { D: { Type: "Succeed" } }, "/States/S/Choices/0/Condition"],
    ["Choice rule Output", { Type: "Choice", Choices: [{ Condition: "{% true %}", Output: expr, Next: "D" }], Default: "D" }, { D: { Type: "Succeed" } }, "/States/S/Choices/0/Output"],
    ["Choice rule Assign", { Type: "Choice", Choices: [{ Condition: "{% true %}", Assign: { v: expr }, Next: "D" }], Default: "D" }, { D: { Type: "Succeed" } }, "/States/S/Choices/0/Assign/v"],
    ["Catcher Output", task({ Catch: [catcher({ Output: expr })] }), H, "/States/S/Catch/0/Output"],
    ["Catcher Assign", task({ Catch: [catcher({ Assign: { v: expr } })] }), H, "/States/S/Catch/0/Assign/v"],
  ];
}

describe("ASL401: a {% %} expression that does not parse (ASL-3.2)", () => {
  for (const [label, state, extra, pointer] of everyExpressionField("{% $states.input.a + %}")) {
    test(label, () => {
      assert.deepEqual(ja(jm(state, extra)), [`ASL401 ${pointer}`]);
    });
  }

  test("more syntax errors: unclosed call, unclosed string, a bad regex, an empty body", () => {
    for (const expr of ["{% $string($states.input %}", "{% 'abc %}", "{% $match($states.input.s, /[/) %}", "{% %}"]) {
      assert.deepEqual(ja(jm({ Type: "Pass", End: true, Output: expr })), ["ASL401 /States/S/Output"], expr);
    }
  });

  test("in states nested in Parallel branches, Map ItemProcessors and legacy Iterators", () => {
    const bad = { Type: "Pass", End: true, Output: "{% 1 + %}" };
    const def = jm({ Type: "Parallel", Next: "M", Branches: [{ StartAt: "B", States: { B: bad } }] }, {
      M: { Type: "Map", Next: "L", ItemProcessor: { StartAt: "I", States: { I: bad } } },
      L: { Type: "Map", End: true, Iterator: { StartAt: "J", States: { J: bad } } },
    });
    assert.deepEqual(ja(def), [
      "ASL401 /States/L/Iterator/States/J/Output",
      "ASL401 /States/M/ItemProcessor/States/I/Output",
      "ASL401 /States/S/Branches/0/States/B/Output",
    ]);
  });

  test("a JSONata state of a JSONPath machine is checked too", () => {
    assert.deepEqual(ja(machine({ Type: "Pass", QueryLanguage: "JSONata", End: true, Output: "{% 1 + %}" })), ["ASL401 /States/S/Output"]);
  });

  test("not reported: {% %} strings of JSONPath states are literals (ASL-3.2), and fields that are never expressions", () => {
    const jp = machine({ Type: "Task", Resource: LAMBDA, End: true, Parameters: { a: "{% 1 + %}" }, ResultSelector: { b: "{% ) %}" }, Assign: { c: "{% ( %}" } });
    assert.deepEqual(ja(jp), []);
    // ASL-3.2: Type, Resource, Next and state names are never expressions; Comment is ignored (ASL-2).
    assert.deepEqual(ja(jm({ Type: "Pass", End: true, Comment: "{% 1 + %}" })), []);
  });

  test("not reported: valid expressions, including the Step Functions additions (ASL-3.2)", () => {
    const exprs = [
      "{% $states.input.a + 1 %}",
      "{%1%}",
      "{% $partition($states.input.xs, 2) %}",
      "{% $range(0, 10, 2) %}",
      "{% $hash($states.input.s, 'SHA-256') %}",
      "{% $random(7) %}",
      "{% $uuid() %}",
      "{% $parse($states.input.json) %}",
      "{% ($x := 1; $x + 1) %}",
      "{% $map($states.input.xs, function($v) { $v * 2 }) %}",
    ];
    for (const expr of exprs) assert.deepEqual(ja(jm({ Type: "Pass", End: true, Output: { v: expr } })), [], expr);
  });

  test("checkPaths: false turns the syntax check off (ValidateOptions)", () => {
    assert.deepEqual(found(jm({ Type: "Pass", End: true, Output: "{% 1 + %}" }), { checkPaths: false }, "info"), []);
  });
});

describe("ASL402: a string with only one of the two delimiters (ASL-3.2: it would be a literal)", () => {
  test("opening without closing, closing without opening, and the overlapping {%}", () => {
    for (const text of ["{% $states.input.a", "{% $states.input.a %", "$states.input.a %}", "{%}"]) {
      assert.deepEqual(ja(jm({ Type: "Pass", End: true, Output: { v: text } })), ["ASL402 /States/S/Output/v"], text);
    }
  });

  for (const [label, state, extra, pointer] of everyExpressionField("{% $states.input.a")) {
    test(label, () => {
      assert.deepEqual(ja(jm(state, extra)), [`ASL402 ${pointer}`]);
    });
  }

  test("not reported: ordinary strings that merely contain the delimiters, and JSONPath states", () => {
    for (const text of ["100% sure", "a {% b %} c", "{ % x % }", "%"]) {
      assert.deepEqual(ja(jm({ Type: "Pass", End: true, Output: { v: text } })), [], text);
    }
    assert.deepEqual(ja(machine({ Type: "Pass", End: true, Parameters: { v: "{% $states.input.a" } })), []);
  });
});

describe("ASL403: $states.result and $states.errorOutput where they do not exist (ASL-3.2)", () => {
  test("$states.result is available in the Output and Assign of Task, Parallel and Map (not reported)", () => {
    const result = "{% $states.result %}";
    assert.deepEqual(ja(jm(task({ Output: result, Assign: { r: result } }))), []);
    assert.deepEqual(ja(jm({ Type: "Parallel", End: true, Branches: [inline], Output: { all: result }, Assign: { r: "{% $states.result[0] %}" } })), []);
    assert.deepEqual(ja(jm({ Type: "Map", End: true, ItemProcessor: inline, Items: [1], Output: result, Assign: { n: "{% $count($states.result) %}" } })), []);
  });

  test("$states.result anywhere else: inputs of the work, states without a result, Choice rules and Catchers", () => {
    const result = "{% $states.result %}";
    const rows: Array<[Record<string, unknown>, Record<string, unknown>, string]> = [
      // Evaluated before the work (ASL-3.2 step 1).
      [task({ Arguments: { a: result } }), {}, "/States/S/Arguments/a"],
      [task({ TimeoutSeconds: result }), {}, "/States/S/TimeoutSeconds"],
      [{ Type: "Parallel", End: true, Branches: [inline], Arguments: result }, {}, "/States/S/Arguments"],
      [{ Type: "Map", End: true, ItemProcessor: inline, Items: result }, {}, "/States/S/Items"],
      [{ Type: "Map", End: true, ItemProcessor: inline, Items: [1], ItemSelector: { v: result } }, {}, "/States/S/ItemSelector/v"],
      [{ Type: "Map", End: true, ItemProcessor: inline, Items: [1], MaxConcurrency: result }, {}, "/States/S/MaxConcurrency"],
      // "$states.result exists only after a Task/Parallel/Map succeeds".
      [{ Type: "Pass", End: true, Output: result }, {}, "/States/S/Output"],
      [{ Type: "Pass", End: true, Assign: { r: result } }, {}, "/States/S/Assign/r"],
      [{ Type: "Wait", Seconds: 1, End: true, Output: result }, {}, "/States/S/Output"],
      [{ Type: "Succeed", Output: result }, {}, "/States/S/Output"],
      [{ Type: "Fail", Cause: result }, {}, "/States/S/Cause"],
      [{ Type: "Choice", Choices: [{ Condition: "{% $states.result.ok %}", Next: "D" }], Default: "D" }, { D: { Type: "Succeed" } }, "/States/S/Choices/0/Condition"],
      [{ Type: "Choice", Choices: [{ Condition: "{% true %}", Output: result, Next: "D" }], Default: "D" }, { D: { Type: "Succeed" } }, "/States/S/Choices/0/Output"],
      [{ Type: "Choice", Choices: [{ Condition: "{% true %}", Assign: { r: result }, Next: "D" }], Default: "D" }, { D: { Type: "Succeed" } }, "/States/S/Choices/0/Assign/r"],
      [{ Type: "Choice", Choices: [{ Condition: "{% true %}", Next: "D" }], Default: "D", Output: result }, { D: { Type: "Succeed" } }, "/States/S/Output"],
      // A Catcher runs because the work failed: there is no result, only errorOutput (ASL-3.2 step 5).
      [task({ Catch: [catcher({ Output: result })] }), H, "/States/S/Catch/0/Output"],
      [task({ Catch: [catcher({ Assign: { r: result } })] }), H, "/States/S/Catch/0/Assign/r"],
    ];
    for (const [state, extra, pointer] of rows) {
      assert.deepEqual(ja(jm(state, extra)), [`ASL403 ${pointer}`], JSON.stringify(state));
    }
  });

  test("$states.errorOutput is available in a Catcher's Output and Assign (not reported)", () => {
    const err = "{% $states.errorOutput %}";
    assert.deepEqual(ja(jm(task({ Catch: [catcher({ Output: err, Assign: { e: "{% $states.errorOutput.Cause %}" } })] }), H)), []);
    const parallel = { Type: "Parallel", End: true, Branches: [inline], Catch: [catcher({ Output: { error: err } })] };
    assert.deepEqual(ja(jm(parallel, H)), []);
  });

  test("$states.errorOutput outside a Catcher", () => {
    const err = "{% $states.errorOutput %}";
    const rows: Array<[Record<string, unknown>, Record<string, unknown>, string]> = [
      [task({ Output: err, Catch: [catcher({})] }), H, "/States/S/Output"],
      [task({ Assign: { e: err } }), {}, "/States/S/Assign/e"],
      [task({ Arguments: { e: err } }), {}, "/States/S/Arguments/e"],
      [{ Type: "Pass", End: true, Output: err }, {}, "/States/S/Output"],
      [{ Type: "Fail", Error: "{% $states.errorOutput.Error %}" }, {}, "/States/S/Error"],
      [{ Type: "Choice", Choices: [{ Condition: "{% $exists($states.errorOutput) %}", Next: "D" }], Default: "D" }, { D: { Type: "Succeed" } }, "/States/S/Choices/0/Condition"],
    ];
    for (const [state, extra, pointer] of rows) {
      assert.deepEqual(ja(jm(state, extra)), [`ASL403 ${pointer}`], JSON.stringify(state));
    }
  });

  test("in a nested state: a Pass inside a Parallel branch has no result of its own", () => {
    const def = jm({ Type: "Parallel", End: true, Branches: [{ StartAt: "B", States: { B: { Type: "Pass", End: true, Output: "{% $states.result %}" } } }] });
    assert.deepEqual(ja(def), ["ASL403 /States/S/Branches/0/States/B/Output"]);
  });

  test("not reported: input, context, and member names that only look alike", () => {
    const exprs = [
      "{% $states.input.result %}",
      "{% $states.input.errorOutput %}",
      "{% $states.context.Execution.Id %}",
      "{% $states.context.State.Name & $states.input.x %}",
      "{% {'result': $states.input.r} %}",
    ];
    for (const expr of exprs) assert.deepEqual(ja(jm({ Type: "Pass", End: true, Output: expr })), [], expr);
  });
});

describe("ASL404: $states has only input, result, errorOutput and context (ASL-3.2)", () => {
  test("unknown members, wrong case included", () => {
    for (const expr of ["{% $states.foo %}", "{% $states.Input.a %}", "{% $states.inputs %}", "{% $states.error %}"]) {
      assert.deepEqual(ja(jm(task({ Output: expr }))), ["ASL404 /States/S/Output"], expr);
    }
  });

  test("inside a larger expression and a Catcher", () => {
    assert.deepEqual(ja(jm(task({ Arguments: { a: "{% $states.input.a & $states.contxt.Execution.Id %}" } }))), ["ASL404 /States/S/Arguments/a"]);
    assert.deepEqual(ja(jm(task({ Catch: [catcher({ Output: "{% $states.errorOuput %}" })] }), H)), ["ASL404 /States/S/Catch/0/Output"]);
  });
});

describe("ASL405: no context item in JSONata states (ASL-3.2: top-level $, $$ and unqualified field names)", () => {
  test("reported once per expression", () => {
    const rows = ["{% $ %}", "{% $.orderId %}", "{% $$ %}", "{% $$.orderId %}", "{% orderId %}", "{% order.id %}", "{% a + b %}", "{% * %}", "{% ** %}", "{% $string(orderId) %}"];
    for (const expr of rows) {
      assert.deepEqual(ja(jm({ Type: "Pass", End: true, Output: { v: expr } })), ["ASL405 /States/S/Output/v"], expr);
    }
  });

  test("in every kind of field: Arguments, Assign, Condition, Items", () => {
    assert.deepEqual(ja(jm(task({ Arguments: "{% id %}" }))), ["ASL405 /States/S/Arguments"]);
    assert.deepEqual(ja(jm({ Type: "Pass", End: true, Assign: { v: "{% $.x %}" } })), ["ASL405 /States/S/Assign/v"]);
    assert.deepEqual(ja(choice({ Condition: "{% count > 1 %}" })), ["ASL405 /States/S/Choices/0/Condition"]);
    assert.deepEqual(ja(jm({ Type: "Map", End: true, ItemProcessor: inline, Items: "{% items %}" })), ["ASL405 /States/S/Items"]);
  });

  test("not reported: field names after $states…, inside predicates, sort terms, object constructors and lambdas", () => {
    const exprs = [
      "{% $states.input.items[price > 10] %}",
      "{% $states.input.items[price > 10].name %}",
      "{% $states.input.items^(price) %}",
      "{% $states.input.items.(price * quantity) %}",
      "{% $states.input.items{category: $sum(price)} %}",
      "{% $states.input.items[$.price > 10] %}",
      "{% $map($states.input.items, function($i) { $i.price }) %}",
      "{% {'id': $states.input.id, 'n': 1} %}",
      "{% $states.context.Map.Item.Value %}",
    ];
    for (const expr of exprs) assert.deepEqual(ja(jm({ Type: "Pass", End: true, Output: { v: expr } })), [], expr);
  });
});

describe("ASL406: $eval is not available in Step Functions (ASL-3.2)", () => {
  test("called, or passed as a function value", () => {
    assert.deepEqual(ja(jm({ Type: "Pass", End: true, Output: "{% $eval($states.input.code) %}" })), ["ASL406 /States/S/Output"]);
    assert.deepEqual(ja(jm({ Type: "Pass", End: true, Output: "{% $map($states.input.codes, $eval) %}" })), ["ASL406 /States/S/Output"]);
    assert.deepEqual(ja(jm(task({ Arguments: { p: "{% $states.input.code ~> $eval %}" } }))), ["ASL406 /States/S/Arguments/p"]);
  });

  test("not reported: $parse, its documented replacement, and a local function that happens to be called eval", () => {
    assert.deepEqual(ja(jm({ Type: "Pass", End: true, Output: "{% $parse($states.input.json) %}" })), []);
    assert.deepEqual(ja(jm({ Type: "Pass", End: true, Output: "{% ($eval := function($x) { $x }; $eval(1)) %}" })), []);
  });
});

describe("several problems in one machine", () => {
  test("each string is reported at its own pointer", () => {
    const def = jm(
      task({
        Arguments: { a: "{% $states.result %}", b: "{% $states.nope %}", c: "{% id %}", d: "{% $eval('1') %}", e: "{% 1 + %}", f: "{% open" },
        Output: "{% $states.result %}",
        Catch: [catcher({ Output: "{% $states.errorOutput %}" })],
      }),
      H,
    );
    assert.deepEqual(ja(def), [
      "ASL401 /States/S/Arguments/e",
      "ASL402 /States/S/Arguments/f",
      "ASL403 /States/S/Arguments/a",
      "ASL404 /States/S/Arguments/b",
      "ASL405 /States/S/Arguments/c",
      "ASL406 /States/S/Arguments/d",
    ]);
  });
});

describe("ASL410: whitespace around a {% %} expression (ASL-3.2)", () => {
  test("a padded expression is a literal for Step Functions, so it is flagged; an exact one is not", () => {
    const padded = machine({ Type: "Pass", QueryLanguage: "JSONata", End: true, Output: { a: " {% 1 + 1 %}", b: "{% 1 + 1 %}" } });
    assert.deepEqual(found(padded), ["ASL410 /States/S/Output/a"]);
  });
});
