import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { found, LAMBDA, machine } from "../support/validate.js";

/**
 * ASL407–ASL409 (src/validate/rules/query-language.ts): each state uses only the fields of its own query language,
 * and a machine declared JSONata stays JSONata (ASL-2, ASL-3.1, ASL-3.2, ASL-6.3, ASL-6.8).
 */

const CODES = new Set(["ASL407", "ASL408", "ASL409"]);
/**
 * Only this rule's codes, sorted (the order of diagnostics is not what these tests are about), so a row states exactly
 * what the rule must say.
 */
const ql = (definition: unknown): string[] =>
  found(definition, {}, "info")
    .filter((d) => CODES.has(d.split(" ")[0] ?? ""))
    .sort();

const JSONATA = { QueryLanguage: "JSONata" } as const;
const inline = { StartAt: "I", States: { I: { Type: "Pass", End: true } } };
const distributed = { ...inline, ProcessorConfig: { Mode: "DISTRIBUTED", ExecutionType: "STANDARD" } };
const reader = (extra: Record<string, unknown>): Record<string, unknown> => ({ Resource: "arn:aws:states:::s3:getObject", ...extra });
const writer = (extra: Record<string, unknown>): Record<string, unknown> => ({ Resource: "arn:aws:states:::s3:putObject", ...extra });

describe("ASL407: a JSONata machine cannot switch a state back to JSONPath (ASL-2 [obs])", () => {
  test("a top-level state", () => {
    const def = machine({ Type: "Pass", QueryLanguage: "JSONPath", End: true }, {}, JSONATA);
    assert.deepEqual(found(def, {}, "error"), ["ASL407 /States/S/QueryLanguage"]);
  });

  test("a state nested in a Parallel branch, a Map ItemProcessor and a legacy Iterator", () => {
    const jp = { Type: "Pass", QueryLanguage: "JSONPath", End: true };
    const def = machine(
      { Type: "Parallel", Next: "M", Branches: [{ StartAt: "B", States: { B: jp } }] },
      {
        M: { Type: "Map", Next: "L", ItemProcessor: { StartAt: "I", States: { I: jp } } },
        L: { Type: "Map", End: true, Iterator: { StartAt: "J", States: { J: jp } } },
      },
      JSONATA,
    );
    assert.deepEqual(ql(def), [
      "ASL407 /States/L/Iterator/States/J/QueryLanguage",
      "ASL407 /States/M/ItemProcessor/States/I/QueryLanguage",
      "ASL407 /States/S/Branches/0/States/B/QueryLanguage",
    ]);
  });

  test("not reported: JSONata restated in a JSONata machine, JSONata states in a JSONPath machine, a JSONPath state in a JSONPath machine", () => {
    assert.deepEqual(ql(machine({ Type: "Pass", QueryLanguage: "JSONata", End: true }, {}, JSONATA)), []);
    assert.deepEqual(ql(machine({ Type: "Pass", QueryLanguage: "JSONata", End: true })), []);
    assert.deepEqual(ql(machine({ Type: "Pass", QueryLanguage: "JSONPath", End: true }, {}, { QueryLanguage: "JSONPath" })), []);
  });

  test("not reported: switching back to JSONPath inside a JSONata state of a JSONPath machine (only a JSONata machine forbids it, ASL-2)", () => {
    const def = machine({
      Type: "Parallel",
      QueryLanguage: "JSONata",
      End: true,
      Branches: [{ StartAt: "B", States: { B: { Type: "Pass", QueryLanguage: "JSONPath", End: true } } }],
    });
    assert.deepEqual(ql(def), []);
  });

  test("a Parallel branch or Map processor that declares JSONPath inside a JSONata machine switches its states back to JSONPath", () => {
    const def = machine(
      { Type: "Parallel", Next: "M", Branches: [{ QueryLanguage: "JSONPath", StartAt: "B", States: { B: { Type: "Pass", InputPath: "$.a", End: true } } }] },
      { M: { Type: "Map", End: true, ItemProcessor: { QueryLanguage: "JSONPath", StartAt: "I", States: { I: { Type: "Pass", End: true } } } } },
      JSONATA,
    );
    assert.deepEqual(ql(def), ["ASL407 /States/M/ItemProcessor/QueryLanguage", "ASL407 /States/S/Branches/0/QueryLanguage"]);
  });

  test("a downgraded state is then checked as JSONPath: its JSONPath fields are fine, only ASL407 is reported", () => {
    const def = machine({ Type: "Pass", QueryLanguage: "JSONPath", InputPath: "$.a", ResultPath: "$.b", End: true }, {}, JSONATA);
    assert.deepEqual(ql(def), ["ASL407 /States/S/QueryLanguage"]);
  });
});

describe("ASL408: JSONPath-only fields in a JSONata state (ASL-2)", () => {
  // ASL-2: InputPath/Parameters/ResultSelector/ResultPath/OutputPath/*Path are rejected in JSONata states.
  const rows: Array<[string, Record<string, unknown>, string]> = [
    ["InputPath", { Type: "Pass", End: true, InputPath: "$.a" }, "/States/S/InputPath"],
    ["OutputPath", { Type: "Pass", End: true, OutputPath: "$.a" }, "/States/S/OutputPath"],
    ["ResultPath", { Type: "Pass", End: true, ResultPath: "$.a" }, "/States/S/ResultPath"],
    // ASL-2: InputPath/OutputPath/ResultPath may be null in JSONPath; the field is still JSONPath-only.
    ["OutputPath: null", { Type: "Pass", End: true, OutputPath: null }, "/States/S/OutputPath"],
    ["ResultPath: null", { Type: "Task", Resource: LAMBDA, End: true, ResultPath: null }, "/States/S/ResultPath"],
    ["Parameters (Task)", { Type: "Task", Resource: LAMBDA, End: true, Parameters: { a: 1 } }, "/States/S/Parameters"],
    ["Parameters (Pass)", { Type: "Pass", End: true, Parameters: { a: 1 } }, "/States/S/Parameters"],
    ["ResultSelector", { Type: "Task", Resource: LAMBDA, End: true, ResultSelector: { a: 1 } }, "/States/S/ResultSelector"],
    ["TimeoutSecondsPath", { Type: "Task", Resource: LAMBDA, End: true, TimeoutSecondsPath: "$.t" }, "/States/S/TimeoutSecondsPath"],
    ["HeartbeatSecondsPath", { Type: "Task", Resource: LAMBDA, End: true, HeartbeatSecondsPath: "$.h" }, "/States/S/HeartbeatSecondsPath"],
    ["SecondsPath", { Type: "Wait", End: true, SecondsPath: "$.s" }, "/States/S/SecondsPath"],
    ["TimestampPath", { Type: "Wait", End: true, TimestampPath: "$.t" }, "/States/S/TimestampPath"],
    ["ErrorPath", { Type: "Fail", ErrorPath: "$.e" }, "/States/S/ErrorPath"],
    ["CausePath", { Type: "Fail", CausePath: "$.c" }, "/States/S/CausePath"],
    // ASL-6.8: JSONPath ItemsPath versus JSONata Items; MaxConcurrencyPath and the tolerance paths are JSONPath.
    ["ItemsPath", { Type: "Map", End: true, ItemProcessor: inline, ItemsPath: "$.items" }, "/States/S/ItemsPath"],
    ["MaxConcurrencyPath", { Type: "Map", End: true, ItemProcessor: inline, MaxConcurrencyPath: "$.m" }, "/States/S/MaxConcurrencyPath"],
    ["ToleratedFailureCountPath", { Type: "Map", End: true, ItemProcessor: distributed, ToleratedFailureCountPath: "$.c" }, "/States/S/ToleratedFailureCountPath"],
    ["ToleratedFailurePercentagePath", { Type: "Map", End: true, ItemProcessor: distributed, ToleratedFailurePercentagePath: "$.p" }, "/States/S/ToleratedFailurePercentagePath"],
    // ASL-6.8: legacy Map Parameters is the JSONPath spelling of ItemSelector.
    ["Map Parameters", { Type: "Map", End: true, ItemProcessor: inline, Parameters: { a: 1 } }, "/States/S/Parameters"],
    // ASL-3.2: "A JA Pass has no Result/Parameters".
    ["Pass Result", { Type: "Pass", End: true, Result: { a: 1 } }, "/States/S/Result"],
  ];
  for (const [label, state, pointer] of rows) {
    test(label, () => {
      assert.deepEqual(found(machine(state, {}, JSONATA), {}, "error"), [`ASL408 ${pointer}`]);
    });
  }

  test("inside ItemReader, ReaderConfig, ItemBatcher and ResultWriter of a distributed Map (ASL-6.8: Parameters (JP) / Arguments (JA))", () => {
    const state = {
      Type: "Map",
      End: true,
      ItemProcessor: distributed,
      ItemReader: reader({ Parameters: { Bucket: "b", Key: "k" }, ReaderConfig: { InputType: "JSON", MaxItemsPath: "$.m" } }),
      ItemBatcher: { MaxItemsPerBatchPath: "$.b", MaxInputBytesPerBatchPath: "$.y" },
      ResultWriter: writer({ Parameters: { Bucket: "b", Prefix: "p" } }),
    };
    assert.deepEqual(ql(machine(state, {}, JSONATA)), [
      "ASL408 /States/S/ItemBatcher/MaxInputBytesPerBatchPath",
      "ASL408 /States/S/ItemBatcher/MaxItemsPerBatchPath",
      "ASL408 /States/S/ItemReader/Parameters",
      "ASL408 /States/S/ItemReader/ReaderConfig/MaxItemsPath",
      "ASL408 /States/S/ResultWriter/Parameters",
    ]);
  });

  test("a Catcher's ResultPath (ASL-3.2 step 5: a JSONata catcher shapes its output with Output)", () => {
    const def = machine({ Type: "Task", Resource: LAMBDA, End: true, Catch: [{ ErrorEquals: ["States.ALL"], ResultPath: "$.err", Next: "H" }] }, { H: { Type: "Succeed" } }, JSONATA);
    assert.deepEqual(found(def, {}, "error"), ["ASL408 /States/S/Catch/0/ResultPath"]);
  });

  test("JSONPath Choice rule fields in a JSONata Choice: Variable, operators, And/Or/Not (ASL-6.3: there is no And/Or/Not/Variable in JA)", () => {
    const choice = (rule: Record<string, unknown>): Record<string, unknown> =>
      machine({ Type: "Choice", Choices: [{ Condition: "{% true %}", Next: "D", ...rule }], Default: "D" }, { D: { Type: "Succeed" } }, JSONATA);
    assert.deepEqual(ql(choice({ Variable: "$.x" })), ["ASL408 /States/S/Choices/0/Variable"]);
    assert.deepEqual(ql(choice({ StringEquals: "a" })), ["ASL408 /States/S/Choices/0/StringEquals"]);
    assert.deepEqual(ql(choice({ NumericGreaterThanPath: "$.n" })), ["ASL408 /States/S/Choices/0/NumericGreaterThanPath"]);
    assert.deepEqual(ql(choice({ IsPresent: true })), ["ASL408 /States/S/Choices/0/IsPresent"]);
    assert.deepEqual(ql(choice({ And: [{ Variable: "$.a", IsNull: true }] })), ["ASL408 /States/S/Choices/0/And"]);
    assert.deepEqual(ql(choice({ Or: [{ Variable: "$.a", IsNull: true }] })), ["ASL408 /States/S/Choices/0/Or"]);
    assert.deepEqual(ql(choice({ Not: { Variable: "$.a", IsNull: true } })), ["ASL408 /States/S/Choices/0/Not"]);
  });

  test("a JSONata state inside a JSONPath machine, nested in a Parallel branch and a Map processor", () => {
    const jaPass = { Type: "Pass", QueryLanguage: "JSONata", InputPath: "$.a", End: true };
    const def = machine({ Type: "Parallel", Next: "M", Branches: [{ StartAt: "B", States: { B: jaPass } }] }, {
      M: { Type: "Map", End: true, ItemProcessor: { StartAt: "I", States: { I: jaPass } } },
    });
    assert.deepEqual(ql(def), ["ASL408 /States/M/ItemProcessor/States/I/InputPath", "ASL408 /States/S/Branches/0/States/B/InputPath"]);
  });

  test("not reported: the fields JSONata states do have (ASL-2, ASL-3.2, ASL-6.8)", () => {
    const def = machine(
      {
        Type: "Task",
        Resource: LAMBDA,
        Next: "C",
        Arguments: { a: "{% $states.input.a %}" },
        Output: "{% $states.result %}",
        Assign: { v: "{% $states.result.v %}" },
        TimeoutSeconds: "{% 10 %}",
        HeartbeatSeconds: "{% 5 %}",
        Catch: [{ ErrorEquals: ["States.ALL"], Output: "{% $states.errorOutput %}", Assign: { e: "{% $states.errorOutput.Error %}" }, Next: "D" }],
      },
      {
        C: { Type: "Choice", Choices: [{ Condition: "{% $v > 1 %}", Output: { x: 1 }, Assign: { w: 1 }, Next: "M" }], Default: "D", Output: "{% $states.input %}" },
        M: {
          Type: "Map",
          Next: "W",
          Items: "{% $states.input.items %}",
          ItemSelector: { value: "{% $states.context.Map.Item.Value %}" },
          MaxConcurrency: "{% 2 %}",
          ItemProcessor: inline,
        },
        W: { Type: "Wait", Seconds: "{% 1 %}", Next: "F" },
        F: { Type: "Fail", Error: "{% 'E' %}", Cause: "{% 'C' %}" },
        D: { Type: "Succeed", Output: { done: true } },
      },
      JSONATA,
    );
    assert.deepEqual(found(def, {}, "error"), []);
  });
});

describe("ASL409: JSONata-only fields and {% %} values in a JSONPath state (ASL-2)", () => {
  // ASL-2: Arguments/Output/Items/Condition are rejected in JSONPath states.
  const rows: Array<[string, Record<string, unknown>, string]> = [
    ["Arguments", { Type: "Task", Resource: LAMBDA, End: true, Arguments: { a: 1 } }, "/States/S/Arguments"],
    ["Output (Pass)", { Type: "Pass", End: true, Output: { a: 1 } }, "/States/S/Output"],
    ["Output (Succeed)", { Type: "Succeed", Output: "x" }, "/States/S/Output"],
    ["Items", { Type: "Map", End: true, ItemProcessor: inline, Items: [1, 2] }, "/States/S/Items"],
  ];
  for (const [label, state, pointer] of rows) {
    test(label, () => {
      assert.deepEqual(found(machine(state), {}, "error"), [`ASL409 ${pointer}`]);
    });
  }

  test("a Catcher's Output, and a Choice rule's Condition and Output", () => {
    const task = machine({ Type: "Task", Resource: LAMBDA, End: true, Catch: [{ ErrorEquals: ["States.ALL"], Output: { e: 1 }, Next: "H" }] }, { H: { Type: "Succeed" } });
    assert.deepEqual(ql(task), ["ASL409 /States/S/Catch/0/Output"]);
    const choice = machine({ Type: "Choice", Choices: [{ Variable: "$.x", IsPresent: true, Condition: "{% true %}", Output: { a: 1 }, Next: "D" }], Default: "D" }, { D: { Type: "Succeed" } });
    assert.deepEqual(ql(choice), ["ASL409 /States/S/Choices/0/Condition", "ASL409 /States/S/Choices/0/Output"]);
  });

  test("ItemReader.Arguments and ResultWriter.Arguments of a JSONPath distributed Map (ASL-6.8)", () => {
    const state = {
      Type: "Map",
      End: true,
      ItemProcessor: distributed,
      ItemReader: reader({ Arguments: { Bucket: "b", Key: "k" }, ReaderConfig: { InputType: "JSON" } }),
      ResultWriter: writer({ Arguments: { Bucket: "b", Prefix: "p" } }),
    };
    assert.deepEqual(ql(machine(state)), ["ASL409 /States/S/ItemReader/Arguments", "ASL409 /States/S/ResultWriter/Arguments"]);
  });

  test("a {% %} expression in a typed field that takes an expression only in JSONata (ASL-3.2 field list)", () => {
    const rows: Array<[Record<string, unknown>, string]> = [
      [{ Type: "Task", Resource: LAMBDA, End: true, TimeoutSeconds: "{% 10 %}" }, "/States/S/TimeoutSeconds"],
      [{ Type: "Task", Resource: LAMBDA, End: true, HeartbeatSeconds: "{% 5 %}" }, "/States/S/HeartbeatSeconds"],
      [{ Type: "Task", Resource: LAMBDA, End: true, Credentials: "{% {'RoleArn': 'arn:aws:iam::1:role/r'} %}" }, "/States/S/Credentials"],
      [{ Type: "Wait", End: true, Seconds: "{% 1 %}" }, "/States/S/Seconds"],
      [{ Type: "Wait", End: true, Timestamp: "{% $now() %}" }, "/States/S/Timestamp"],
      [{ Type: "Map", End: true, ItemProcessor: inline, MaxConcurrency: "{% 2 %}" }, "/States/S/MaxConcurrency"],
      [{ Type: "Map", End: true, ItemProcessor: distributed, ToleratedFailureCount: "{% 2 %}" }, "/States/S/ToleratedFailureCount"],
      [{ Type: "Map", End: true, ItemProcessor: distributed, ToleratedFailurePercentage: "{% 2 %}" }, "/States/S/ToleratedFailurePercentage"],
      [{ Type: "Map", End: true, ItemProcessor: distributed, ItemBatcher: { MaxItemsPerBatch: "{% 2 %}" } }, "/States/S/ItemBatcher/MaxItemsPerBatch"],
      [{ Type: "Map", End: true, ItemProcessor: distributed, ItemBatcher: { MaxInputBytesPerBatch: "{% 2 %}" } }, "/States/S/ItemBatcher/MaxInputBytesPerBatch"],
      [
        { Type: "Map", End: true, ItemProcessor: distributed, ItemReader: reader({ Parameters: { Bucket: "b", Key: "k" }, ReaderConfig: { InputType: "JSON", MaxItems: "{% 2 %}" } }) },
        "/States/S/ItemReader/ReaderConfig/MaxItems",
      ],
    ];
    for (const [state, pointer] of rows) {
      assert.deepEqual(ql(machine(state)), [`ASL409 ${pointer}`], JSON.stringify(state));
    }
  });

  test("JSONPath states nested in a Parallel branch and a legacy Iterator of a JSONPath machine", () => {
    const jpPass = { Type: "Pass", Output: { a: 1 }, End: true };
    const def = machine({ Type: "Parallel", Next: "M", Branches: [{ StartAt: "B", States: { B: jpPass } }] }, {
      M: { Type: "Map", End: true, Iterator: { StartAt: "I", States: { I: jpPass } } },
    });
    assert.deepEqual(ql(def), ["ASL409 /States/M/Iterator/States/I/Output", "ASL409 /States/S/Branches/0/States/B/Output"]);
  });

  test("not reported: {% %} strings in JSONPath payload templates, Result, Assign, Error and Cause are plain literals (ASL-3.2, ASL-3.3)", () => {
    const def = machine(
      {
        Type: "Task",
        Resource: LAMBDA,
        Next: "P",
        Parameters: { a: "{% $states.input.a %}", nested: ["{% 1 + %}"] },
        ResultSelector: { r: "{% x %}" },
        Assign: { v: "{% $states.result %}" },
        Catch: [{ ErrorEquals: ["States.ALL"], Assign: { e: "{% 1 %}" }, Next: "F" }],
      },
      {
        P: { Type: "Pass", Result: "{% $states.input %}", Next: "F" },
        F: { Type: "Fail", Error: "{% 'E' %}", Cause: "{% 'C' %}" },
      },
    );
    assert.deepEqual(found(def, {}, "error"), []);
  });

  test("not reported: fields both query languages share (Assign in states, Choice rules and Catchers; ItemSelector) (ASL-2)", () => {
    const def = machine(
      { Type: "Choice", Assign: { a: 1 }, Choices: [{ Variable: "$.x", IsPresent: true, Assign: { b: 2 }, Next: "M" }], Default: "M" },
      {
        M: {
          Type: "Map",
          End: true,
          ItemSelector: { "v.$": "$$.Map.Item.Value" },
          ItemProcessor: inline,
          Catch: [{ ErrorEquals: ["States.ALL"], Assign: { c: 3 }, ResultPath: "$.err", Next: "H" }],
        },
        H: { Type: "Succeed" },
      },
    );
    assert.deepEqual(found(def, {}, "error"), []);
  });
});
