import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { validate } from "../../src/index.js";
import { found, LAMBDA, machine } from "../support/validate.js";

/**
 * ASL301–ASL310 (src/validate/rules/paths.ts, src/validate/path-checks.ts): JSONPath syntax, Reference Paths, ResultPath
 * roots, payload templates and intrinsic function calls of JSONPath states (ASL-3.1, ASL-3.3, ASL-4, ASL-5, ASL-6.3,
 * ASL-6.6, ASL-6.8).
 */

const CODES = new Set(["ASL301", "ASL302", "ASL303", "ASL304", "ASL305", "ASL306", "ASL307", "ASL308", "ASL309", "ASL310"]);
/** Only this rule's codes, sorted. */
const paths = (definition: unknown, options: Parameters<typeof found>[1] = {}): string[] =>
  found(definition, options, "info")
    .filter((d) => CODES.has(d.split(" ")[0] ?? ""))
    .sort();

const inline = { StartAt: "I", States: { I: { Type: "Pass", End: true } } };
const distributed = { ...inline, ProcessorConfig: { Mode: "DISTRIBUTED", ExecutionType: "STANDARD" } };
const task = (extra: Record<string, unknown>): Record<string, unknown> => ({ Type: "Task", Resource: LAMBDA, End: true, ...extra });
const pass = (extra: Record<string, unknown>): Record<string, unknown> => ({ Type: "Pass", End: true, ...extra });
const map = (extra: Record<string, unknown>): Record<string, unknown> => ({ Type: "Map", End: true, ItemProcessor: inline, ...extra });
const dmap = (extra: Record<string, unknown>): Record<string, unknown> => ({ Type: "Map", End: true, ItemProcessor: distributed, ...extra });
const H = { H: { Type: "Succeed" } };
const D = { D: { Type: "Succeed" } };
const choice = (rule: Record<string, unknown>): Record<string, unknown> => machine({ Type: "Choice", Choices: [{ Next: "D", ...rule }], Default: "D" }, D);
const reader = { Resource: "arn:aws:states:::s3:getObject", Parameters: { Bucket: "b", Key: "k" } };

describe("ASL301: JSONPath syntax (ASL-4)", () => {
  test("InputPath and OutputPath: not starting with $, unclosed brackets, trailing dot, bad filters", () => {
    const bad = ["a.b", "", "$.a[", "$.a.", "$.a[?(@.x >)]", "$['a", "$.a]", " $.a"];
    for (const path of bad) {
      assert.deepEqual(paths(machine(pass({ InputPath: path }))), ["ASL301 /States/S/InputPath"], `InputPath ${JSON.stringify(path)}`);
      assert.deepEqual(paths(machine(pass({ OutputPath: path }))), ["ASL301 /States/S/OutputPath"], `OutputPath ${JSON.stringify(path)}`);
    }
  });

  test("every path-valued field is parsed", () => {
    const rows: Array<[Record<string, unknown>, Record<string, unknown>, string]> = [
      [pass({ ResultPath: "$.a[" }), {}, "/States/S/ResultPath"],
      [map({ ItemsPath: "$.a[" }), {}, "/States/S/ItemsPath"],
      [task({ TimeoutSecondsPath: "$.a[" }), {}, "/States/S/TimeoutSecondsPath"],
      [task({ HeartbeatSecondsPath: "$.a[" }), {}, "/States/S/HeartbeatSecondsPath"],
      [{ Type: "Wait", End: true, SecondsPath: "$.a[" }, {}, "/States/S/SecondsPath"],
      [{ Type: "Wait", End: true, TimestampPath: "$.a[" }, {}, "/States/S/TimestampPath"],
      [map({ MaxConcurrencyPath: "$.a[" }), {}, "/States/S/MaxConcurrencyPath"],
      [dmap({ ToleratedFailureCountPath: "$.a[" }), {}, "/States/S/ToleratedFailureCountPath"],
      [dmap({ ToleratedFailurePercentagePath: "$.a[" }), {}, "/States/S/ToleratedFailurePercentagePath"],
      [dmap({ ItemReader: { ...reader, ReaderConfig: { InputType: "JSON", MaxItemsPath: "$.a[" } } }), {}, "/States/S/ItemReader/ReaderConfig/MaxItemsPath"],
      [dmap({ ItemBatcher: { MaxItemsPerBatchPath: "$.a[" } }), {}, "/States/S/ItemBatcher/MaxItemsPerBatchPath"],
      [dmap({ ItemBatcher: { MaxInputBytesPerBatchPath: "$.a[" } }), {}, "/States/S/ItemBatcher/MaxInputBytesPerBatchPath"],
      [{ Type: "Fail", ErrorPath: "$.a[" }, {}, "/States/S/ErrorPath"],
      [{ Type: "Fail", CausePath: "$.a[" }, {}, "/States/S/CausePath"],
      [task({ Catch: [{ ErrorEquals: ["States.ALL"], ResultPath: "$.a[", Next: "H" }] }), H, "/States/S/Catch/0/ResultPath"],
    ];
    for (const [state, extra, pointer] of rows) {
      assert.deepEqual(paths(machine(state, extra)), [`ASL301 ${pointer}`], JSON.stringify(state));
    }
  });

  test("Choice Variable and …Path operands, nested in And/Or/Not", () => {
    assert.deepEqual(paths(choice({ Variable: "x", IsPresent: true })), ["ASL301 /States/S/Choices/0/Variable"]);
    assert.deepEqual(paths(choice({ Variable: "$.x", StringEqualsPath: "$.y[" })), ["ASL301 /States/S/Choices/0/StringEqualsPath"]);
    const nested = { And: [{ Variable: "$.a", IsNull: false }, { Not: { Variable: "$.b[", IsNull: true } }, { Or: [{ Variable: "$.c", NumericLessThanPath: "c" }] }] };
    assert.deepEqual(paths(choice(nested)), ["ASL301 /States/S/Choices/0/And/1/Not/Variable", "ASL301 /States/S/Choices/0/And/2/Or/0/NumericLessThanPath"]);
  });

  test("in nested states: a Parallel branch, a Map ItemProcessor, a legacy Iterator", () => {
    const bad = pass({ InputPath: "$.a[" });
    const def = machine({ Type: "Parallel", Next: "M", Branches: [{ StartAt: "B", States: { B: bad } }] }, {
      M: { Type: "Map", Next: "L", ItemProcessor: { StartAt: "I", States: { I: bad } } },
      L: { Type: "Map", End: true, Iterator: { StartAt: "J", States: { J: bad } } },
    });
    assert.deepEqual(paths(def), ["ASL301 /States/L/Iterator/States/J/InputPath", "ASL301 /States/M/ItemProcessor/States/I/InputPath", "ASL301 /States/S/Branches/0/States/B/InputPath"]);
  });

  test("not reported: Paths may use every Jayway form, the $$ context and $var roots; null is allowed (ASL-2, ASL-4)", () => {
    const good = [
      "$",
      "$.a.b",
      "$..name",
      "$.items[*].price",
      "$.items[1:]",
      "$.items[-1]",
      "$.items[0,2]",
      "$['a b']['c']",
      "$.items[?(@.price > 10 && @.qty < 5)]",
      "$.items[?(@.k)]",
      "$.items.length()",
      "$$.Execution.Input",
      "$$.Map.Item.Value",
      "$myVar",
      "$myVar.field[0]",
    ];
    for (const path of good) {
      assert.deepEqual(paths(machine(pass({ InputPath: path, OutputPath: path }), {}, {})), [], path);
    }
    assert.deepEqual(paths(machine(pass({ InputPath: null, OutputPath: null, ResultPath: null }))), []);
  });

  test("not checked in JSONata states (their JSONPath fields are ASL408), and not with checkPaths: false", () => {
    assert.deepEqual(paths(machine(pass({ QueryLanguage: "JSONata", InputPath: "a.b" }))), []);
    assert.deepEqual(paths(machine(pass({ InputPath: "a.b", Parameters: { "x.$": "nope" } })), { checkPaths: false }), []);
  });
});

describe("ASL302: fields that need a Reference Path (ASL-4: only .name, ['name'] and [n])", () => {
  const indefinite = ["$..a", "$.a[*]", "$.a.*", "$.a[0:2]", "$.a[0,1]", "$['a','b']", "$.a[?(@.x)]", "$.a.length()"];
  const rows: Array<[string, (p: string) => Record<string, unknown>, Record<string, unknown>, string]> = [
    ["ResultPath", (p) => pass({ ResultPath: p }), {}, "/States/S/ResultPath"],
    ["Catch ResultPath", (p) => task({ Catch: [{ ErrorEquals: ["States.ALL"], ResultPath: p, Next: "H" }] }), H, "/States/S/Catch/0/ResultPath"],
    ["ItemsPath", (p) => map({ ItemsPath: p }), {}, "/States/S/ItemsPath"],
    ["TimeoutSecondsPath", (p) => task({ TimeoutSecondsPath: p }), {}, "/States/S/TimeoutSecondsPath"],
    ["HeartbeatSecondsPath", (p) => task({ HeartbeatSecondsPath: p }), {}, "/States/S/HeartbeatSecondsPath"],
    ["SecondsPath", (p) => ({ Type: "Wait", End: true, SecondsPath: p }), {}, "/States/S/SecondsPath"],
    ["TimestampPath", (p) => ({ Type: "Wait", End: true, TimestampPath: p }), {}, "/States/S/TimestampPath"],
    ["MaxConcurrencyPath", (p) => map({ MaxConcurrencyPath: p }), {}, "/States/S/MaxConcurrencyPath"],
    ["ToleratedFailureCountPath", (p) => dmap({ ToleratedFailureCountPath: p }), {}, "/States/S/ToleratedFailureCountPath"],
    ["ToleratedFailurePercentagePath", (p) => dmap({ ToleratedFailurePercentagePath: p }), {}, "/States/S/ToleratedFailurePercentagePath"],
    ["ReaderConfig.MaxItemsPath", (p) => dmap({ ItemReader: { ...reader, ReaderConfig: { InputType: "JSON", MaxItemsPath: p } } }), {}, "/States/S/ItemReader/ReaderConfig/MaxItemsPath"],
    ["ItemBatcher.MaxItemsPerBatchPath", (p) => dmap({ ItemBatcher: { MaxItemsPerBatchPath: p } }), {}, "/States/S/ItemBatcher/MaxItemsPerBatchPath"],
    ["ItemBatcher.MaxInputBytesPerBatchPath", (p) => dmap({ ItemBatcher: { MaxInputBytesPerBatchPath: p } }), {}, "/States/S/ItemBatcher/MaxInputBytesPerBatchPath"],
    // ASL-6.6: ErrorPath/CausePath are reference paths (or $$ paths, variables, intrinsics).
    ["Fail ErrorPath", (p) => ({ Type: "Fail", ErrorPath: p }), {}, "/States/S/ErrorPath"],
    ["Fail CausePath", (p) => ({ Type: "Fail", CausePath: p }), {}, "/States/S/CausePath"],
    // ASL-4: "Choice Variable and …Path operands".
    ["Choice Variable", (p) => ({ Type: "Choice", Choices: [{ Variable: p, IsPresent: true, Next: "D" }], Default: "D" }), D, "/States/S/Choices/0/Variable"],
    ["Choice StringEqualsPath", (p) => ({ Type: "Choice", Choices: [{ Variable: "$.a", StringEqualsPath: p, Next: "D" }], Default: "D" }), D, "/States/S/Choices/0/StringEqualsPath"],
    ["Choice TimestampLessThanPath under Not", (p) => ({ Type: "Choice", Choices: [{ Not: { Variable: "$.a", TimestampLessThanPath: p }, Next: "D" }], Default: "D" }), D, "/States/S/Choices/0/Not/TimestampLessThanPath"],
    ["Choice Variable under Or", (p) => ({ Type: "Choice", Choices: [{ Or: [{ Variable: p, IsNull: true }], Next: "D" }], Default: "D" }), D, "/States/S/Choices/0/Or/0/Variable"],
  ];
  for (const [label, make, extra, pointer] of rows) {
    test(label, () => {
      for (const path of indefinite) {
        assert.deepEqual(paths(machine(make(path), extra)), [`ASL302 ${pointer}`], path);
      }
    });
  }

  test("$$ and $var roots need a Reference Path too", () => {
    assert.deepEqual(paths(machine(map({ ItemsPath: "$$.Execution.Input.items[*]" }))), ["ASL302 /States/S/ItemsPath"]);
    assert.deepEqual(paths(choice({ Variable: "$list[*]", IsPresent: true })), ["ASL302 /States/S/Choices/0/Variable"]);
  });

  test("not reported: Reference Paths, negative indexes and bracketed names (ASL-4); $$ and $var roots where readable (ASL-6.3, ASL-6.6)", () => {
    for (const path of ["$", "$.a.b", "$['a b'].c", "$.a[0]", "$.a[-1]", "$[0]", "$.a['x-y'][2].z"]) {
      assert.deepEqual(paths(machine(pass({ ResultPath: path }))), [], `ResultPath ${path}`);
      assert.deepEqual(paths(machine(map({ ItemsPath: path }))), [], `ItemsPath ${path}`);
      assert.deepEqual(paths(choice({ Variable: path, IsPresent: true })), [], `Variable ${path}`);
    }
    assert.deepEqual(paths(choice({ Variable: "$$.Execution.Input.x", StringEqualsPath: "$expected" })), []);
    assert.deepEqual(paths(machine(map({ ItemsPath: "$$.Execution.Input.items" }))), []);
    assert.deepEqual(paths(machine(map({ ItemsPath: "$items" }))), []);
    assert.deepEqual(paths(machine({ Type: "Wait", End: true, SecondsPath: "$delay" })), []);
    assert.deepEqual(paths(machine({ Type: "Fail", ErrorPath: "$$.State.Name", CausePath: "$cause.text" })), []);
  });
});

describe("ASL303: ResultPath writes into the state output, never $$ or a variable (ASL-3.1 step 7, ASL-8)", () => {
  test("state and Catcher ResultPath", () => {
    for (const path of ["$$", "$$.Execution.Id", "$myVar", "$myVar.field"]) {
      assert.deepEqual(paths(machine(task({ ResultPath: path }))), ["ASL303 /States/S/ResultPath"], path);
      const caught = machine(task({ Catch: [{ ErrorEquals: ["States.ALL"], ResultPath: path, Next: "H" }] }), H);
      assert.deepEqual(paths(caught), ["ASL303 /States/S/Catch/0/ResultPath"], path);
    }
  });

  test("in a Parallel, a Map and a Pass", () => {
    assert.deepEqual(paths(machine({ Type: "Parallel", End: true, Branches: [inline], ResultPath: "$$.x" })), ["ASL303 /States/S/ResultPath"]);
    assert.deepEqual(paths(machine(map({ ResultPath: "$v" }))), ["ASL303 /States/S/ResultPath"]);
    assert.deepEqual(paths(machine(pass({ ResultPath: "$$.x" }))), ["ASL303 /States/S/ResultPath"]);
  });
});

describe("payload templates (ASL-3.3)", () => {
  /** Every JSONPath payload template: Parameters, ResultSelector, ItemSelector, Credentials, Assign (ASL-8), ItemReader/ResultWriter Parameters. */
  function everyTemplate(template: Record<string, unknown>): Array<[string, Record<string, unknown>, Record<string, unknown>, string]> {
    return [
      ["Pass Parameters", pass({ Parameters: template }), {}, "/States/S/Parameters"],
      ["Task Parameters", task({ Parameters: template }), {}, "/States/S/Parameters"],
      ["Task ResultSelector", task({ ResultSelector: template }), {}, "/States/S/ResultSelector"],
      ["Task Credentials", task({ Credentials: template }), {}, "/States/S/Credentials"],
      ["Parallel Parameters", { Type: "Parallel", End: true, Branches: [inline], Parameters: template }, {}, "/States/S/Parameters"],
      ["Parallel ResultSelector", { Type: "Parallel", End: true, Branches: [inline], ResultSelector: template }, {}, "/States/S/ResultSelector"],
      ["Map ItemSelector", map({ ItemSelector: template }), {}, "/States/S/ItemSelector"],
      ["Map Parameters (legacy)", map({ Parameters: template }), {}, "/States/S/Parameters"],
      ["Map ResultSelector", map({ ResultSelector: template }), {}, "/States/S/ResultSelector"],
      ["Assign", pass({ Assign: template }), {}, "/States/S/Assign"],
      ["Choice Assign", { Type: "Choice", Assign: template, Choices: [{ Variable: "$.a", IsPresent: true, Next: "D" }], Default: "D" }, D, "/States/S/Assign"],
      ["Choice rule Assign", { Type: "Choice", Choices: [{ Variable: "$.a", IsPresent: true, Assign: template, Next: "D" }], Default: "D" }, D, "/States/S/Choices/0/Assign"],
      ["Catcher Assign", task({ Catch: [{ ErrorEquals: ["States.ALL"], Assign: template, Next: "H" }] }), H, "/States/S/Catch/0/Assign"],
      ["ItemReader Parameters", dmap({ ItemReader: { Resource: "arn:aws:states:::s3:getObject", Parameters: { Bucket: "b", Key: "k", ...template } } }), {}, "/States/S/ItemReader/Parameters"],
      ["ResultWriter Parameters", dmap({ ResultWriter: { Resource: "arn:aws:states:::s3:putObject", Parameters: { Bucket: "b", Prefix: "p", ...template } } }), {}, "/States/S/ResultWriter/Parameters"],
    ];
  }

  describe("ASL304: the value of a key.$ must be a string", () => {
    for (const [label, state, extra, pointer] of everyTemplate({ "v.$": 5 })) {
      test(label, () => {
        assert.deepEqual(paths(machine(state, extra)), [`ASL304 ${pointer}/v.$`]);
      });
    }

    test("numbers, booleans, null, objects and arrays; at any depth, arrays of objects included", () => {
      for (const value of [1, true, null, { a: "$.a" }, ["$.a"]]) {
        assert.deepEqual(paths(machine(pass({ Parameters: { "v.$": value } }))), ["ASL304 /States/S/Parameters/v.$"], JSON.stringify(value));
      }
      const deep = { outer: { list: [{ "x.$": 1 }, { inner: { "y.$": false } }] } };
      assert.deepEqual(paths(machine(task({ Parameters: deep }))), ["ASL304 /States/S/Parameters/outer/list/0/x.$", "ASL304 /States/S/Parameters/outer/list/1/inner/y.$"]);
    });

    test("not reported: Pass Result is a literal whose .$ keys are not evaluated (ASL-3.1 [obs]); JSONata states have no templates", () => {
      assert.deepEqual(paths(machine(pass({ Result: { "v.$": 5, nested: { "w.$": null } } }))), []);
      assert.deepEqual(paths(machine(task({ QueryLanguage: "JSONata", Arguments: { "v.$": 5 } }))), []);
    });
  });

  describe("ASL305: `key` and `key.$` in the same object", () => {
    for (const [label, state, extra, pointer] of everyTemplate({ v: 1, "v.$": "$.v" })) {
      test(label, () => {
        assert.deepEqual(paths(machine(state, extra)), [`ASL305 ${pointer}/v.$`]);
      });
    }

    test("nested objects and arrays of objects; the same name in different objects is fine", () => {
      const t = { a: { k: 1, "k.$": "$.k" }, list: [{ "k.$": "$.k", k: 2 }], b: { k: 1 }, "k.$": "$.k" };
      assert.deepEqual(paths(machine(pass({ Parameters: t }))), ["ASL305 /States/S/Parameters/a/k.$", "ASL305 /States/S/Parameters/list/0/k.$"]);
    });
  });

  describe("ASL306: a key.$ value that is neither a path nor an intrinsic call", () => {
    for (const [label, state, extra, pointer] of everyTemplate({ "v.$": "hello" })) {
      test(label, () => {
        assert.deepEqual(paths(machine(state, extra)), [`ASL306 ${pointer}/v.$`]);
      });
    }

    test("literal-looking values", () => {
      for (const value of ["", "a.b", "{% $states.input %}", "states.Format('x')", "Format('x')"]) {
        assert.deepEqual(paths(machine(pass({ Parameters: { "v.$": value } }))), ["ASL306 /States/S/Parameters/v.$"], value);
      }
    });

    test("a path that does not parse is ASL301", () => {
      assert.deepEqual(paths(machine(pass({ Parameters: { "v.$": "$.a[" } }))), ["ASL301 /States/S/Parameters/v.$"]);
    });
  });

  test("not reported: paths, context paths, variable paths and intrinsics in key.$; plain keys are literals (ASL-3.3, ASL-6.8)", () => {
    const template = {
      "input.$": "$",
      "deep.$": "$..name",
      "filtered.$": "$.items[?(@.price > 10)]",
      "ctx.$": "$$.Execution.Id",
      "variable.$": "$myVar",
      "variableField.$": "$myVar.x[0]",
      "intrinsic.$": "States.Format('{} and {}', $.a, $myVar.b)",
      "nested.$": "States.JsonToString(States.StringToJson($.json))",
      "literal": "$.not.evaluated",
      "jsonata": "{% $states.input %}",
      "list": [{ "x.$": "$.x" }, "$.y", 1],
    };
    for (const [label, state, extra] of everyTemplate(template)) {
      assert.deepEqual(paths(machine(state, extra)), [], label);
    }
    const item = map({ ItemSelector: { "value.$": "$$.Map.Item.Value", "index.$": "$$.Map.Item.Index", "all.$": "$" } });
    assert.deepEqual(paths(machine(item)), []);
  });
});

describe("intrinsic function calls (ASL-5)", () => {
  const at = (value: string): string[] => paths(machine(pass({ Parameters: { "v.$": value } })));

  test("ASL307: calls that do not parse", () => {
    const bad = [
      "States.Format('x'",
      "States.Format",
      "States.Format('x') trailing",
      "States.Format('unterminated)",
      "States.Format(\"double quotes\")",
      "States.Format('bad escape \\n')",
      "States.Array(1,)",
      "States.Array(,1)",
      "States.Array($.a[)",
      "States.",
    ];
    for (const value of bad) assert.deepEqual(at(value), ["ASL307 /States/S/Parameters/v.$"], value);
  });

  test("ASL308: names that are not one of the 18 functions (case-sensitive)", () => {
    for (const value of ["States.Foo()", "States.format('x')", "States.UUid()", "States.StringToJSON($.s)", "States.Array(States.Nope())"]) {
      assert.deepEqual(at(value), ["ASL308 /States/S/Parameters/v.$"], value);
    }
  });

  test("ASL309: arity, literal argument types, impossible literal values and nesting depth", () => {
    const bad = [
      // arity
      "States.UUID(1)",
      "States.Format()",
      "States.StringToJson()",
      "States.JsonToString($.a, $.b)",
      "States.ArrayPartition($.a)",
      "States.ArrayContains($.a)",
      "States.ArrayRange(1, 2)",
      "States.ArrayGetItem($.a)",
      "States.ArrayLength()",
      "States.ArrayUnique($.a, $.b)",
      "States.Base64Encode()",
      "States.Base64Decode('a', 'b')",
      "States.Hash($.a)",
      "States.JsonMerge($.a, $.b)",
      "States.MathRandom(1)",
      "States.MathRandom(1, 2, 3, 4)",
      "States.MathAdd(1)",
      "States.StringSplit($.s)",
      // literal of the wrong type
      "States.MathAdd('1', 2)",
      "States.ArrayLength('abc')",
      "States.ArrayRange(1.5, 3, 1)",
      "States.Base64Encode(42)",
      "States.StringSplit($.s, 1)",
      "States.JsonToString('literal')",
      "States.ArrayPartition($.a, 'two')",
      "States.Format(1)",
      // literal values that never work
      "States.JsonMerge($.a, $.b, true)",
      "States.Hash($.a, 'SHA-999')",
      "States.ArrayRange(1, 10, 0)",
      "States.ArrayRange(0, 5000, 1)",
      "States.ArrayPartition($.a, 0)",
      "States.MathAdd(3000000000, 1)",
      // a nested call returning the wrong kind
      "States.MathAdd(States.Format('1'), 2)",
    ];
    // AWS prints arrays and objects in States.Format the way Java does ({Id=…, Name=…}) [obs: test_context_json_path].
    assert.deepEqual(at("States.Format('{}', States.Array(1))"), []);
    for (const value of bad) assert.deepEqual(at(value), ["ASL309 /States/S/Parameters/v.$"], value);
  });

  test("ASL309: nesting is limited to 10 levels", () => {
    const nest = (depth: number): string => (depth === 1 ? "States.Array(1)" : `States.Array(${nest(depth - 1)})`);
    assert.deepEqual(at(nest(10)), []);
    assert.deepEqual(at(nest(11)), ["ASL309 /States/S/Parameters/v.$"]);
  });

  test("not reported: well-formed calls of all 18 functions, with literal, path, context, variable and nested arguments", () => {
    const good = [
      "States.Format('Hello {} and \\{\\} {}', $.name, $$.Execution.Name)",
      "States.Format('{}', $myVar.x)",
      "States.StringToJson($.s)",
      "States.JsonToString($.o)",
      "States.JsonToString($myVar)",
      "States.Array()",
      "States.Array(1, 'a', true, null, $.x, $myVar, States.UUID())",
      "States.ArrayPartition($.a, 2)",
      "States.ArrayContains($.a, 'x')",
      "States.ArrayRange(1, 9, 2)",
      "States.ArrayGetItem($.a, 0)",
      "States.ArrayLength($.a)",
      "States.ArrayUnique($.a)",
      "States.Base64Encode($.s)",
      "States.Base64Decode('aGk=')",
      "States.Hash($.data, 'SHA-256')",
      "States.JsonMerge($.a, $myVar, false)",
      "States.MathRandom(1, 10)",
      "States.MathRandom(1, 10, $.seed)",
      "States.MathAdd($.a, -1)",
      "States.MathAdd(States.ArrayLength($.a), 1)",
      "States.StringSplit($.s, ',')",
      "States.UUID()",
      "States.Format('{}', States.ArrayGetItem(States.StringSplit($.s, ','), 0))",
    ];
    for (const value of good) assert.deepEqual(at(value), [], value);
  });

  test("intrinsics are checked in every template: ResultSelector, ItemSelector, Assign, Catcher Assign", () => {
    assert.deepEqual(paths(machine(task({ ResultSelector: { "v.$": "States.Nope()" } }))), ["ASL308 /States/S/ResultSelector/v.$"]);
    assert.deepEqual(paths(machine(map({ ItemSelector: { "v.$": "States.UUID(1)" } }))), ["ASL309 /States/S/ItemSelector/v.$"]);
    assert.deepEqual(paths(machine(pass({ Assign: { "v.$": "States.Format(" } }))), ["ASL307 /States/S/Assign/v.$"]);
    const caught = machine(task({ Catch: [{ ErrorEquals: ["States.ALL"], Assign: { "v.$": "States.MathAdd(1)" }, Next: "H" }] }), H);
    assert.deepEqual(paths(caught), ["ASL309 /States/S/Catch/0/Assign/v.$"]);
  });
});

describe("Fail ErrorPath and CausePath intrinsics (ASL-5, ASL-6.6)", () => {
  const fail = (field: "ErrorPath" | "CausePath", value: string): string[] => paths(machine({ Type: "Fail", [field]: value }));

  test("not reported: the string-returning intrinsics (validation-anchors: INVALID_JSON_PATH_OR_INTRINSIC_STRING_ONLY)", () => {
    const good = [
      "States.Format('Order {} failed', $.id)",
      "States.JsonToString($.detail)",
      "States.ArrayGetItem($.errors, 0)",
      "States.Base64Encode($.s)",
      "States.Base64Decode($.s)",
      "States.Hash($.s, 'MD5')",
      "States.UUID()",
    ];
    for (const value of good) {
      assert.deepEqual(fail("ErrorPath", value), [], value);
      assert.deepEqual(fail("CausePath", value), [], value);
    }
  });

  test("ASL310: intrinsics that do not return a string", () => {
    const bad = ["States.Array('a')", "States.ArrayLength($.a)", "States.MathAdd(1, 2)", "States.ArrayContains($.a, 1)", "States.StringSplit($.s, ',')", "States.JsonMerge($.a, $.b, false)", "States.StringToJson($.s)", "States.MathRandom(1, 2)", "States.ArrayRange(1, 3, 1)", "States.ArrayPartition($.a, 2)", "States.ArrayUnique($.a)"];
    for (const value of bad) {
      assert.deepEqual(fail("ErrorPath", value), ["ASL310 /States/S/ErrorPath"], value);
      assert.deepEqual(fail("CausePath", value), ["ASL310 /States/S/CausePath"], value);
    }
  });

  test("a literal ErrorPath/CausePath is reported once, without advice about a .$ key that a Fail state does not have (ASL-6.6)", () => {
    const result = validate(machine({ Type: "Fail", ErrorPath: "MyError", CausePath: "card declined" }));
    const reported = result.diagnostics.filter((d) => CODES.has(d.code));
    assert.deepEqual(reported.map((d) => d.location.pointer).sort(), ["/States/S/CausePath", "/States/S/ErrorPath"]);
    for (const d of reported) {
      assert.ok(["ASL301", "ASL306"].includes(d.code), d.code);
      // The literal belongs in Error/Cause; "drop the .$ suffix from the key" is advice for payload templates only.
      assert.doesNotMatch(`${d.message} ${d.hint ?? ""}`, /\.\$ suffix/, d.hint);
    }
  });

  test("a broken intrinsic is ASL307/ASL308/ASL309 first", () => {
    assert.deepEqual(fail("ErrorPath", "States.Format('x'"), ["ASL307 /States/S/ErrorPath"]);
    assert.deepEqual(fail("ErrorPath", "States.Nope()"), ["ASL308 /States/S/ErrorPath"]);
    assert.deepEqual(fail("CausePath", "States.Format()"), ["ASL309 /States/S/CausePath"]);
  });

  test("not reported: an intrinsic elsewhere is not an ErrorPath (ResultPath or InputPath holding a call is ASL301)", () => {
    assert.deepEqual(paths(machine(pass({ InputPath: "States.UUID()" }))), ["ASL301 /States/S/InputPath"]);
    assert.deepEqual(paths(machine(task({ ResultPath: "States.UUID()" }))), ["ASL301 /States/S/ResultPath"]);
    assert.deepEqual(paths(machine({ Type: "Wait", End: true, SecondsPath: "States.ArrayLength($.a)" })), ["ASL301 /States/S/SecondsPath"]);
  });
});
