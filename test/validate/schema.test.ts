import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { parse as parseYaml, type CollectionTag, type ScalarTag, YAMLMap, YAMLSeq } from "yaml";
import type { Diagnostic } from "../../src/diagnostics/types.js";
import { allowedFields, ASL_SCHEMA_ID, checkSchema, getSchema, isAslTimestamp, stateTypes } from "../../src/validate/schema.js";

// ── helpers ─────────────────────────────────────────────────────────────────────────────────────

type Json = Record<string, unknown>;

/** A state machine whose first state is the start state. */
function machine(states: Json, extra: Json = {}): Json {
  return { StartAt: Object.keys(states)[0], States: states, ...extra };
}

const task = (extra: Json = {}): Json => ({ Type: "Task", Resource: "arn:aws:lambda:us-east-1:123456789012:function:f", End: true, ...extra });
const pass = (extra: Json = {}): Json => ({ Type: "Pass", End: true, ...extra });

interface Expected {
  code: string;
  pointer: string;
  message: string;
  key?: true;
}

function shape(d: Diagnostic): Expected {
  return { code: d.code, pointer: d.location.pointer, message: d.message, ...(d.location.key ? { key: true as const } : {}) };
}

interface Case {
  name: string;
  definition: unknown;
  expected: Expected[];
}

function runCases(cases: readonly Case[]): void {
  for (const c of cases) {
    test(c.name, () => {
      const diagnostics = checkSchema(c.definition);
      assert.deepEqual(diagnostics.map(shape), c.expected);
      for (const d of diagnostics) assert.equal(d.severity, "error");
    });
  }
}

// ── one table per code, exact messages and pointers ────────────────────────────────────────────

describe("ASL010 required field missing", () => {
  runCases([
    {
      name: "root without StartAt (AWS: 'These fields are required: [StartAt] @ /')",
      definition: { States: { A: pass() } },
      expected: [{ code: "ASL010", pointer: "", message: 'State machine: missing required field "StartAt"' }],
    },
    {
      name: "Task without Resource (ASL-6.2)",
      definition: machine({ Charge: { Type: "Task", End: true } }),
      expected: [{ code: "ASL010", pointer: "/States/Charge", message: 'State "Charge" (Task): missing required field "Resource"' }],
    },
    {
      name: "Catcher without Next (ASL-9)",
      definition: machine({ Charge: task({ Catch: [{ ErrorEquals: ["States.ALL"] }] }) }),
      expected: [{ code: "ASL010", pointer: "/States/Charge/Catch/0", message: 'State "Charge" (Task), Catch[0]: missing required field "Next"' }],
    },
    {
      name: "empty Credentials (AWS: 'The field 'RoleArn' is required but was missing')",
      definition: machine({ Charge: task({ Credentials: {} }) }),
      expected: [{ code: "ASL010", pointer: "/States/Charge/Credentials", message: 'State "Charge" (Task), Credentials: missing required field "RoleArn" (or "RoleArn.$")' }],
    },
    {
      name: "Parallel branch without States (ASL-6.7)",
      definition: machine({ P: { Type: "Parallel", End: true, Branches: [{ StartAt: "X" }] } }),
      expected: [{ code: "ASL010", pointer: "/States/P/Branches/0", message: 'State "P" (Parallel), Branches[0]: missing required field "States"' }],
    },
    {
      name: "WriterConfig without OutputType",
      definition: machine({ M: { Type: "Map", End: true, ItemProcessor: { StartAt: "X", States: { X: pass() } }, ResultWriter: { WriterConfig: {} } } }),
      expected: [{ code: "ASL010", pointer: "/States/M/ResultWriter/WriterConfig", message: 'State "M" (Map), ResultWriter.WriterConfig: missing required field "OutputType"' }],
    },
  ]);
});

describe("ASL011 unknown field", () => {
  runCases([
    {
      name: "a typo of a required field is one problem: the did-you-mean replaces 'missing Resource'",
      definition: machine({ Charge: { Type: "Task", Resorce: "arn:aws:lambda:us-east-1:123456789012:function:f", End: true } }),
      expected: [{ code: "ASL011", pointer: "/States/Charge/Resorce", key: true, message: 'State "Charge" (Task): unknown field "Resorce" — did you mean "Resource"?' }],
    },
    {
      name: "a field of another state type says where it belongs (ASL-6.4)",
      definition: machine({ Charge: task({ Seconds: 5 }) }),
      expected: [{ code: "ASL011", pointer: "/States/Charge/Seconds", key: true, message: 'State "Charge" (Task): "Seconds" is not a field of a Task state; it belongs in a Wait state' }],
    },
    {
      name: "Assign is not allowed in Fail (ASL-6.6)",
      definition: machine({ F: { Type: "Fail", Assign: {} } }),
      expected: [
        { code: "ASL011", pointer: "/States/F/Assign", key: true, message: 'State "F" (Fail): "Assign" is not a field of a Fail state; it belongs in a Pass, Task, Choice, Wait, Parallel or Map state' },
      ],
    },
    {
      name: "case-insensitive match",
      definition: machine({ A: pass({ comment: "x" }) }),
      expected: [{ code: "ASL011", pointer: "/States/A/comment", key: true, message: 'State "A" (Pass): unknown field "comment" — did you mean "Comment"?' }],
    },
    {
      name: "no suggestion when nothing is close",
      definition: machine({ A: pass() }, { NewTopLevelField: 1 }),
      expected: [{ code: "ASL011", pointer: "/NewTopLevelField", key: true, message: 'State machine: unknown field "NewTopLevelField"' }],
    },
    {
      name: "typo inside a Retrier (Retriers are closed, unlike asl-validator's)",
      definition: machine({ A: task({ Retry: [{ ErrorEquals: ["States.ALL"], MaxAttempt: 2 }] }) }),
      expected: [{ code: "ASL011", pointer: "/States/A/Retry/0/MaxAttempt", key: true, message: 'State "A" (Task), Retry[0]: unknown field "MaxAttempt" — did you mean "MaxAttempts"?' }],
    },
    {
      name: "Next in a nested Choice rule (ASL-6.3)",
      definition: machine({
        C: { Type: "Choice", Choices: [{ Not: { Variable: "$.x", IsPresent: true, Next: "D" }, Next: "D" }] },
        D: pass(),
      }),
      expected: [
        { code: "ASL011", pointer: "/States/C/Choices/0/Not/Next", key: true, message: 'State "C" (Choice), Choices[0].Not: "Next" is not a field of a nested Choice rule; it belongs in a top-level Choice rule' },
      ],
    },
    {
      name: "End in a Choice rule is a state field, not a typo of And",
      definition: machine({ C: { Type: "Choice", Choices: [{ Variable: "$.x", IsPresent: true, End: true }] } }),
      expected: [
        { code: "ASL010", pointer: "/States/C/Choices/0", message: 'State "C" (Choice), Choices[0]: missing required field "Next"' },
        { code: "ASL011", pointer: "/States/C/Choices/0/End", key: true, message: 'State "C" (Choice), Choices[0]: "End" is not a field of a top-level Choice rule' },
      ],
    },
    {
      name: "ProcessorConfig belongs to a Map processor, not a Parallel branch",
      definition: machine({ P: { Type: "Parallel", End: true, Branches: [{ StartAt: "X", States: { X: pass() }, ProcessorConfig: {} }] } }),
      expected: [
        { code: "ASL011", pointer: "/States/P/Branches/0/ProcessorConfig", key: true, message: 'State "P" (Parallel), Branches[0]: "ProcessorConfig" is not a field of a Parallel branch; it belongs in an ItemProcessor or an Iterator' },
      ],
    },
    {
      name: "Credentials are closed (AWS: INVALID_CREDENTIALS_FIELD)",
      definition: machine({ A: task({ Credentials: { RoleArn: "arn:aws:iam::123456789012:role/r", Role: "x" } }) }),
      expected: [{ code: "ASL011", pointer: "/States/A/Credentials/Role", key: true, message: 'State "A" (Task), Credentials: unknown field "Role"' }],
    },
  ]);
});

describe("ASL012 wrong type", () => {
  runCases([
    {
      name: "integer-or-JSONata field given a word: one message, no anyOf noise (ASL-6.4)",
      definition: machine({ Wait: { Type: "Wait", Seconds: "ten", End: true } }),
      expected: [{ code: "ASL012", pointer: "/States/Wait/Seconds", message: 'State "Wait" (Wait): "Seconds" must be a non-negative integer or a JSONata {% %} expression, got string "ten"' }],
    },
    {
      name: "IntervalSeconds must be an integer (ASL-9)",
      definition: machine({ A: task({ Retry: [{ ErrorEquals: ["E"], IntervalSeconds: 2.5 }] }) }),
      expected: [{ code: "ASL012", pointer: "/States/A/Retry/0/IntervalSeconds", message: 'State "A" (Task), Retry[0]: "IntervalSeconds" must be an integer, got number 2.5' }],
    },
    {
      name: "InputPath may be a string or null (ASL-2)",
      definition: machine({ A: pass({ InputPath: 5 }) }),
      expected: [{ code: "ASL012", pointer: "/States/A/InputPath", message: 'State "A" (Pass): "InputPath" must be a path string or null, got number 5' }],
    },
    {
      name: "an ErrorEquals item that is not a string",
      definition: machine({ A: task({ Catch: [{ ErrorEquals: [true], Next: "A" }] }) }),
      expected: [{ code: "ASL012", pointer: "/States/A/Catch/0/ErrorEquals/0", message: 'State "A" (Task), Catch[0]: "ErrorEquals[0]" must be a string, got boolean true' }],
    },
    {
      name: "null Credentials",
      definition: machine({ A: task({ Credentials: null }) }),
      expected: [
        { code: "ASL012", pointer: "/States/A/Credentials", message: 'State "A" (Task): "Credentials" must be an object with "RoleArn" or "RoleArn.$", or a JSONata {% %} expression, got null' },
      ],
    },
    {
      name: "a Resource that is neither a string nor a CloudFormation intrinsic",
      definition: machine({ A: task({ Resource: { Arn: "x" } }) }),
      expected: [
        {
          code: "ASL012",
          pointer: "/States/A/Resource",
          message: 'State "A" (Task): "Resource" must be a resource ARN string or a CloudFormation intrinsic object such as {"Ref": …} or {"Fn::GetAtt": …}, got an object',
        },
      ],
    },
    {
      name: "Items given a plain string (ASL-6.8)",
      definition: machine({ M: { Type: "Map", End: true, Items: "$.items", ItemProcessor: { StartAt: "X", States: { X: pass() } } } }),
      expected: [{ code: "ASL012", pointer: "/States/M/Items", message: 'State "M" (Map): "Items" must be an array, an object or a JSONata {% %} expression, got string "$.items"' }],
    },
    {
      name: "Condition given a plain string (ASL-6.3)",
      definition: machine({ C: { Type: "Choice", QueryLanguage: "JSONata", Choices: [{ Condition: "$states.input.ok", Next: "D" }] }, D: pass() }),
      expected: [{ code: "ASL012", pointer: "/States/C/Choices/0/Condition", message: 'State "C" (Choice), Choices[0]: "Condition" must be a JSONata {% %} expression or a boolean, got string "$states.input.ok"' }],
    },
    {
      name: "a Parallel branch that is an array",
      definition: machine({ P: { Type: "Parallel", End: true, Branches: [[]] } }),
      expected: [{ code: "ASL012", pointer: "/States/P/Branches/0", message: 'State "P" (Parallel): "Branches[0]" must be an object, got an array' }],
    },
    {
      name: "a non-object inside States, with a hint for machine-level fields",
      definition: machine({ A: pass(), QueryLanguage: "JSONata" }),
      expected: [{ code: "ASL012", pointer: "/States/QueryLanguage", message: 'State "QueryLanguage": a state must be a JSON object, got string "JSONata"' }],
    },
    {
      name: "a definition that is not an object",
      definition: [],
      expected: [{ code: "ASL012", pointer: "", message: "State machine: the definition must be a JSON object, got an array" }],
    },
    {
      name: "a number for a Timestamp: one diagnostic although both the type and the if/else branch fail",
      definition: machine({ W: { Type: "Wait", Timestamp: 5, End: true } }),
      expected: [{ code: "ASL012", pointer: "/States/W/Timestamp", message: 'State "W" (Wait): "Timestamp" must be an RFC 3339 timestamp string or a JSONata {% %} expression, got number 5' }],
    },
    {
      name: "a string Credentials that is not a JSONata expression",
      definition: machine({ A: task({ Credentials: "arn:aws:iam::123456789012:role/r" }) }),
      expected: [
        {
          code: "ASL012",
          pointer: "/States/A/Credentials",
          message: 'State "A" (Task): "Credentials" must be an object with "RoleArn" or "RoleArn.$", or a JSONata {% %} expression, got string "arn:aws:iam::123456789012:role/r"',
        },
      ],
    },
    {
      name: "a number for Resource",
      definition: machine({ A: task({ Resource: 42 }) }),
      expected: [
        {
          code: "ASL012",
          pointer: "/States/A/Resource",
          message: 'State "A" (Task): "Resource" must be a resource ARN string or a CloudFormation intrinsic object such as {"Ref": …} or {"Fn::GetAtt": …}, got number 42',
        },
      ],
    },
    {
      name: "long values are shortened to 60 characters",
      definition: machine({ W: { Type: "Wait", Seconds: "x".repeat(100), End: true } }),
      expected: [{ code: "ASL012", pointer: "/States/W/Seconds", message: `State "W" (Wait): "Seconds" must be a non-negative integer or a JSONata {% %} expression, got string "${"x".repeat(59)}…` }],
    },
    {
      name: "a wrong type makes the enum check moot: one diagnostic",
      definition: machine({ A: pass({ QueryLanguage: 5 }) }),
      expected: [{ code: "ASL012", pointer: "/States/A/QueryLanguage", message: 'State "A" (Pass): "QueryLanguage" must be a string, got number 5' }],
    },
  ]);

  test("the hint for a machine-level field inside States", () => {
    const [d] = checkSchema(machine({ A: pass(), QueryLanguage: "JSONata" }));
    assert.equal(d?.hint, '"QueryLanguage" belongs next to "States", not inside it');
    assert.equal(d?.state, "QueryLanguage");
  });
});

describe("ASL013 value not allowed", () => {
  runCases([
    {
      name: "JitterStrategy is FULL or NONE (ASL-9), with a case-insensitive did-you-mean",
      definition: machine({ A: task({ Retry: [{ ErrorEquals: ["E"], JitterStrategy: "full" }] }) }),
      expected: [{ code: "ASL013", pointer: "/States/A/Retry/0/JitterStrategy", message: 'State "A" (Task), Retry[0]: "JitterStrategy" must be one of "FULL", "NONE", got "full" — did you mean "FULL"?' }],
    },
    {
      name: "QueryLanguage spelled wrong",
      definition: machine({ A: pass() }, { QueryLanguage: "JSONPATH" }),
      expected: [{ code: "ASL013", pointer: "/QueryLanguage", message: 'State machine: "QueryLanguage" must be one of "JSONPath", "JSONata", got "JSONPATH" — did you mean "JSONPath"?' }],
    },
    {
      name: "End can only be true (ASL-1)",
      definition: machine({ A: pass({ End: false }) }),
      expected: [{ code: "ASL013", pointer: "/States/A/End", message: 'State "A" (Pass): "End" must be true, got false' }],
    },
    {
      name: "ReaderConfig InputType, nothing close",
      definition: machine({
        M: {
          Type: "Map",
          End: true,
          ItemReader: { Resource: "arn:aws:states:::s3:getObject", ReaderConfig: { InputType: "XML" } },
          ItemProcessor: { ProcessorConfig: { Mode: "DISTRIBUTED" }, StartAt: "X", States: { X: pass() } },
        },
      }),
      expected: [
        { code: "ASL013", pointer: "/States/M/ItemReader/ReaderConfig/InputType", message: 'State "M" (Map), ItemReader.ReaderConfig: "InputType" must be one of "CSV", "JSON", "JSONL", "PARQUET", "MANIFEST", got "XML"' },
      ],
    },
    {
      name: "ProcessorConfig Mode in lower case",
      definition: machine({ M: { Type: "Map", End: true, ItemProcessor: { ProcessorConfig: { Mode: "inline" }, StartAt: "X", States: { X: pass() } } } }),
      expected: [{ code: "ASL013", pointer: "/States/M/ItemProcessor/ProcessorConfig/Mode", message: 'State "M" (Map), ItemProcessor.ProcessorConfig: "Mode" must be one of "INLINE", "DISTRIBUTED", got "inline" — did you mean "INLINE"?' }],
    },
  ]);
});

describe("ASL014 out of range", () => {
  runCases([
    {
      name: "MaxAttempts below 0 (ASL-9)",
      definition: machine({ A: task({ Retry: [{ ErrorEquals: ["E"], MaxAttempts: -1 }] }) }),
      expected: [{ code: "ASL014", pointer: "/States/A/Retry/0/MaxAttempts", message: 'State "A" (Task), Retry[0]: "MaxAttempts" must be ≥ 0, got -1' }],
    },
    {
      name: "BackoffRate below 1 (ASL-9)",
      definition: machine({ A: task({ Retry: [{ ErrorEquals: ["E"], BackoffRate: 0.5 }] }) }),
      expected: [{ code: "ASL014", pointer: "/States/A/Retry/0/BackoffRate", message: 'State "A" (Task), Retry[0]: "BackoffRate" must be ≥ 1, got 0.5' }],
    },
    {
      name: "an integer-or-JSONata field out of range reports the range, not the alternatives",
      definition: machine({ W: { Type: "Wait", Seconds: -1, End: true } }),
      expected: [{ code: "ASL014", pointer: "/States/W/Seconds", message: 'State "W" (Wait): "Seconds" must be ≥ 0, got -1' }],
    },
    {
      name: "a Task timeout must be positive (ASL-6.2)",
      definition: machine({ A: task({ TimeoutSeconds: 0 }) }),
      expected: [{ code: "ASL014", pointer: "/States/A/TimeoutSeconds", message: 'State "A" (Task): "TimeoutSeconds" must be ≥ 1, got 0' }],
    },
    {
      name: "ToleratedFailurePercentage above 100 (ASL-6.8)",
      definition: machine({ M: { Type: "Map", End: true, ToleratedFailurePercentage: 105, Iterator: { StartAt: "X", States: { X: pass() } } } }),
      expected: [{ code: "ASL014", pointer: "/States/M/ToleratedFailurePercentage", message: 'State "M" (Map): "ToleratedFailurePercentage" must be ≤ 100, got 105' }],
    },
    {
      name: "empty Choices (ASL-6.3)",
      definition: machine({ C: { Type: "Choice", Choices: [], Default: "D" }, D: pass() }),
      expected: [{ code: "ASL014", pointer: "/States/C/Choices", message: 'State "C" (Choice): "Choices" must not be empty' }],
    },
    {
      name: "empty ErrorEquals (ASL-9)",
      definition: machine({ A: task({ Retry: [{ ErrorEquals: [] }] }) }),
      expected: [{ code: "ASL014", pointer: "/States/A/Retry/0/ErrorEquals", message: 'State "A" (Task), Retry[0]: "ErrorEquals" must not be empty' }],
    },
    {
      name: "a batch larger than 256 KiB (ASL-6.8)",
      definition: machine({
        M: { Type: "Map", End: true, ItemBatcher: { MaxInputBytesPerBatch: 300000 }, ItemProcessor: { ProcessorConfig: { Mode: "DISTRIBUTED" }, StartAt: "X", States: { X: pass() } } },
      }),
      expected: [{ code: "ASL014", pointer: "/States/M/ItemBatcher/MaxInputBytesPerBatch", message: 'State "M" (Map), ItemBatcher: "MaxInputBytesPerBatch" must be ≤ 262144, got 300000' }],
    },
    {
      name: "MaxDelaySeconds above a year of seconds (ASL-9)",
      definition: machine({ A: task({ Retry: [{ ErrorEquals: ["E"], MaxDelaySeconds: 31622401 }] }) }),
      expected: [{ code: "ASL014", pointer: "/States/A/Retry/0/MaxDelaySeconds", message: 'State "A" (Task), Retry[0]: "MaxDelaySeconds" must be ≤ 31622400, got 31622401' }],
    },
    {
      name: "root TimeoutSeconds below 0 (ASL-1)",
      definition: machine({ A: pass() }, { TimeoutSeconds: -5 }),
      expected: [{ code: "ASL014", pointer: "/TimeoutSeconds", message: 'State machine: "TimeoutSeconds" must be ≥ 0, got -5' }],
    },
  ]);
});

describe("ASL015 bad format", () => {
  runCases([
    {
      name: "Wait Timestamp with a space instead of T (ASL-6.4)",
      definition: machine({ W: { Type: "Wait", Timestamp: "2016-03-14 01:59:00", End: true } }),
      expected: [{ code: "ASL015", pointer: "/States/W/Timestamp", message: 'State "W" (Wait): "Timestamp" must be an RFC 3339 timestamp with an uppercase T and Z or an offset, got "2016-03-14 01:59:00"' }],
    },
    {
      name: "a Timestamp operator in lower case (ASL-6.3)",
      definition: machine({ C: { Type: "Choice", Choices: [{ Variable: "$.t", TimestampLessThan: "2016-03-14t01:59:00z", Next: "D" }] }, D: pass() }),
      expected: [
        { code: "ASL015", pointer: "/States/C/Choices/0/TimestampLessThan", message: 'State "C" (Choice), Choices[0]: "TimestampLessThan" must be an RFC 3339 timestamp with an uppercase T and Z or an offset, got "2016-03-14t01:59:00z"' },
      ],
    },
  ]);

  test("a JSONata Timestamp is not checked as a timestamp", () => {
    assert.deepEqual(checkSchema(machine({ W: { Type: "Wait", QueryLanguage: "JSONata", Timestamp: "{% $states.input.at %}", End: true } })), []);
  });
});

describe("ASL016 unknown or missing state Type", () => {
  const valid = "(valid types: Pass, Task, Choice, Wait, Succeed, Fail, Parallel, Map)";
  runCases([
    {
      name: "a misspelt Type: one diagnostic with a did-you-mean, none for the state's other fields",
      definition: machine({ A: { Type: "Tsk", Resource: "x", Seconds: 1, Bogus: true, End: true } }),
      expected: [{ code: "ASL016", pointer: "/States/A/Type", message: `State "A": unknown state type "Tsk" — did you mean "Task"? ${valid}` }],
    },
    {
      name: "a Type in the wrong case",
      definition: machine({ A: { Type: "parallel", End: true } }),
      expected: [{ code: "ASL016", pointer: "/States/A/Type", message: `State "A": unknown state type "parallel" — did you mean "Parallel"? ${valid}` }],
    },
    {
      name: "no Type at all",
      definition: machine({ A: { End: true } }),
      expected: [{ code: "ASL016", pointer: "/States/A", message: `State "A": missing required field "Type" ${valid}` }],
    },
    {
      name: "a Type that is not a string",
      definition: machine({ A: { Type: 5, End: true } }),
      expected: [{ code: "ASL016", pointer: "/States/A/Type", message: `State "A": "Type" must be a string naming the state type, got number 5 ${valid}` }],
    },
    {
      name: "a Type nothing resembles",
      definition: machine({ A: { Type: "Lambda", End: true } }),
      expected: [{ code: "ASL016", pointer: "/States/A/Type", message: `State "A": unknown state type "Lambda" ${valid}` }],
    },
  ]);
});

// ── subjects, ordering, purity ──────────────────────────────────────────────────────────────────

describe("subjects of nested parts", () => {
  test("a typo in a Retrier of a Task in a Parallel branch inside a Map names the innermost state", () => {
    const definition = machine({
      M: {
        Type: "Map",
        End: true,
        ItemProcessor: {
          StartAt: "P",
          States: {
            P: {
              Type: "Parallel",
              End: true,
              Branches: [
                { StartAt: "Quick", States: { Quick: pass() } },
                { StartAt: "Inner", States: { Inner: task({ Retry: [{ ErrorEquals: ["States.ALL"], BackofRate: 2 }] }) } },
              ],
            },
          },
        },
      },
    });
    const diagnostics = checkSchema(definition);
    assert.deepEqual(diagnostics.map(shape), [
      {
        code: "ASL011",
        pointer: "/States/M/ItemProcessor/States/P/Branches/1/States/Inner/Retry/0/BackofRate",
        key: true,
        message: 'State "Inner" (Task), Retry[0]: unknown field "BackofRate" — did you mean "BackoffRate"?',
      },
    ]);
    assert.equal(diagnostics[0]?.state, "Inner");
  });

  test("the parts between a state and the field are spelt out (Choices[1].And[0].Not, Branches[0], ItemProcessor)", () => {
    const definition = machine({
      C: {
        Type: "Choice",
        Choices: [
          { Variable: "$.a", IsPresent: true, Next: "P" },
          { And: [{ Not: { Variable: "$.b", NumericEquals: "1" } }], Next: "P" },
        ],
      },
      P: { Type: "Parallel", Next: "M", Branches: [{ StartAt: "X", States: { X: pass() }, Extra: 1 }] },
      M: { Type: "Map", End: true, ItemProcessor: { StartAt: "Y", States: { Y: pass() }, Labl: "x" } },
    });
    assert.deepEqual(
      checkSchema(definition).map((d) => d.message),
      [
        'State "C" (Choice), Choices[1].And[0].Not: "NumericEquals" must be a number, got string "1"',
        'State "P" (Parallel), Branches[0]: unknown field "Extra"',
        'State "M" (Map), ItemProcessor: unknown field "Labl"',
      ],
    );
  });

  test("a state whose Type is invalid is named without a type; fields of valid siblings keep theirs", () => {
    const messages = checkSchema(machine({ A: { Type: "Nope", End: true }, B: pass({ Bad: 1 }) })).map((d) => d.message);
    assert.equal(messages.length, 2);
    assert.match(messages[0] ?? "", /^State "A": unknown state type "Nope"/);
    assert.equal(messages[1], 'State "B" (Pass): unknown field "Bad"');
  });
});

test("diagnostics come in document order, not schema order", () => {
  const definition = machine({
    B: pass({ Zzz: 1, InputPath: 5 }),
    A: task({ Retry: [{ ErrorEquals: ["E"], MaxAttempts: -1 }], Aaa: 2 }),
  });
  assert.deepEqual(
    checkSchema(definition).map((d) => d.location.pointer),
    ["/States/B/Zzz", "/States/B/InputPath", "/States/A/Retry/0/MaxAttempts", "/States/A/Aaa"],
  );
});

test("a deep-frozen definition is checked without being mutated", () => {
  const deepFreeze = <T>(value: T): T => {
    if (typeof value === "object" && value !== null) {
      for (const child of Object.values(value)) deepFreeze(child);
      Object.freeze(value);
    }
    return value;
  };
  const definition = machine({ A: task({ Resorce: "x", Retry: [{ ErrorEquals: [], JitterStrategy: "full" }] }), W: { Type: "Wait", Seconds: "x", End: true } });
  const before = JSON.stringify(definition);
  const diagnostics = checkSchema(deepFreeze(definition));
  assert.deepEqual(diagnostics.map((d) => d.code), ["ASL011", "ASL014", "ASL013", "ASL012"]);
  assert.equal(JSON.stringify(definition), before);
});

test("accepted shapes: both query languages' fields, CloudFormation Resources, JSONata numbers", () => {
  const definition = machine({
    A: task({ Resource: { "Fn::GetAtt": ["Fn", "Arn"] }, Parameters: { "a.$": "$.x" }, ResultSelector: {}, ResultPath: null, OutputPath: null }),
    B: task({ QueryLanguage: "JSONata", Arguments: "{% $states.input %}", Output: { x: 1 }, TimeoutSeconds: "{% 5 %}", Credentials: "{% $role %}" }),
    C: task({ Resource: { Ref: "Fn" }, Credentials: { "RoleArn.$": "$.role" }, Retry: [{ ErrorEquals: ["States.ALL"], IntervalSeconds: 1, MaxAttempts: 0, BackoffRate: 1.5, MaxDelaySeconds: 10, JitterStrategy: "FULL" }] }),
    W: { Type: "Wait", Timestamp: "2016-03-14T01:59:00.123+05:30", End: true },
    M: {
      Type: "Map",
      End: true,
      Items: [1, 2],
      MaxConcurrency: "{% 2 %}",
      ToleratedFailurePercentage: 12.5,
      ItemBatcher: { MaxItemsPerBatch: 10, MaxInputBytesPerBatch: 262144, BatchInput: { a: 1 } },
      Iterator: { StartAt: "X", States: { X: pass() }, ProcessorConfig: { Mode: "DISTRIBUTED", ExecutionType: "STANDARD" } },
    },
  });
  assert.deepEqual(checkSchema(definition), []);
});

describe("isAslTimestamp (ASL-6.3, ASL-6.4)", () => {
  const cases: ReadonlyArray<[string, boolean]> = [
    ["2016-03-14T01:59:00Z", true],
    ["2016-03-14T01:59:00.123456Z", true],
    ["2016-03-14T01:59:00+05:30", true],
    ["2016-03-14T01:59:00-00:00", true],
    ["2016-12-31T23:59:60Z", true],
    ["2016-02-29T00:00:00Z", true],
    ["2000-02-29T00:00:00Z", true],
    ["1900-02-29T00:00:00Z", false],
    ["2016-04-31T00:00:00Z", false],
    ["2015-02-29T00:00:00Z", false],
    ["2016-03-14T01:59:00", false],
    ["2016-03-14t01:59:00z", false],
    ["2016-03-14 01:59:00Z", false],
    ["05-12-2016T21:29:29Z", false],
    ["2016-13-01T00:00:00Z", false],
    ["2016-03-14T24:00:00Z", false],
    ["2016-03-14T01:59:60Z", false],
    ["2016-03-14T01:59:00+0530", false],
    ["2016-03-14T01:59:00+24:00", false],
  ];
  for (const [value, expected] of cases) {
    test(`${value} → ${String(expected)}`, () => assert.equal(isAslTimestamp(value), expected));
  }
});

// ── the schema itself ────────────────────────────────────────────────────────────────────────────

describe("schema API", () => {
  test("getSchema returns the draft-07 schema with our $id", () => {
    const schema = getSchema();
    assert.equal(schema["$id"], ASL_SCHEMA_ID);
    assert.equal(schema["$schema"], "http://json-schema.org/draft-07/schema#");
    assert.ok(Object.isFrozen(schema) && Object.isFrozen(schema["definitions"]));
    assert.equal(getSchema(), schema);
  });

  test("stateTypes lists the eight types of ASL-2 (a fresh array each time)", () => {
    assert.deepEqual(stateTypes(), ["Pass", "Task", "Choice", "Wait", "Succeed", "Fail", "Parallel", "Map"]);
    stateTypes().pop();
    assert.equal(stateTypes().length, 8);
  });

  test("allowedFields is the union of a type's JSONPath and JSONata fields (ASL-2 table)", () => {
    const taskFields = allowedFields("Task");
    for (const f of ["Type", "Comment", "QueryLanguage", "Resource", "Parameters", "ResultSelector", "ResultPath", "Arguments", "Output", "Assign", "Retry", "Catch", "Credentials"]) {
      assert.ok(taskFields.includes(f), f);
    }
    assert.ok(!taskFields.includes("Seconds"));
    assert.deepEqual(allowedFields("Fail"), ["Type", "Comment", "QueryLanguage", "Error", "ErrorPath", "Cause", "CausePath"]);
    assert.deepEqual(allowedFields("Succeed"), ["Type", "Comment", "QueryLanguage", "InputPath", "OutputPath", "Output"]);
    assert.deepEqual(allowedFields("Nope"), []);
    allowedFields("Task").push("mutated");
    assert.ok(!allowedFields("Task").includes("mutated"));
  });

  test("every alternative and conditional says in words what it expects, and every closed object has a kind", () => {
    const problems: string[] = [];
    const visit = (node: unknown, path: string, expected: boolean): void => {
      if (Array.isArray(node)) return node.forEach((item, i) => visit(item, `${path}/${i}`, expected));
      if (typeof node !== "object" || node === null) return;
      const schema = node as Json;
      const own = typeof schema["x-expected"] === "string" || expected;
      const requiredOnly = Array.isArray(schema["anyOf"]) && (schema["anyOf"] as Json[]).every((b) => Array.isArray(b["required"]));
      if ((schema["anyOf"] !== undefined && !requiredOnly) || schema["if"] !== undefined) {
        if (typeof schema["x-expected"] !== "string") problems.push(`${path}: anyOf/if without x-expected`);
      }
      if (schema["pattern"] !== undefined && !own && !path.endsWith("/propertyNames")) problems.push(`${path}: pattern outside an x-expected`);
      if (schema["additionalProperties"] === false && typeof schema["x-kind"] !== "string") problems.push(`${path}: closed object without x-kind`);
      for (const [key, child] of Object.entries(schema)) {
        const descends = key === "properties" || key === "items" || key === "additionalProperties" || key === "definitions";
        if (key === "properties" || key === "definitions") {
          for (const [name, sub] of Object.entries(child as Json)) visit(sub, `${path}/${key}/${name}`, false);
        } else visit(child, `${path}/${key}`, descends ? false : own);
      }
    };
    visit(getSchema(), "#", false);
    assert.deepEqual(problems, []);
  });
});

// ── corpus ───────────────────────────────────────────────────────────────────────────────────────

const CORPUS = new URL("../../../shared/corpus/", import.meta.url);
const CONFORMANCE = new URL("../../../shared/conformance/localstack-aws-recorded.jsonl", import.meta.url);
// ../shared sits beside the repository on every developer machine and in CI: a missing corpus is a failure, not a skip.
assert.ok(existsSync(CORPUS) && existsSync(CONFORMANCE), "../shared/corpus and ../shared/conformance must sit beside the repository");

/** CloudFormation short-form tags (`!Ref x`, `!GetAtt a.b`, `!Sub …`) as their long-form objects. */
const CFN_TAGS: Array<ScalarTag | CollectionTag> = ["Ref", "Condition", "GetAtt", "Sub", "Join", "Select", "Split", "If", "ImportValue", "FindInMap", "Base64", "GetAZs", "Equals", "Not", "And", "Or", "Cidr", "Transform", "ToJsonString", "Length"].flatMap((name) => {
  const key = name === "Ref" || name === "Condition" ? name : `Fn::${name}`;
  const scalar: ScalarTag = { tag: `!${name}`, resolve: (value: string) => ({ [key]: name === "GetAtt" ? value.split(/\.(.*)/s, 2) : value }) };
  const collections = (["seq", "map"] as const).map(
    (collection): CollectionTag => ({ tag: `!${name}`, collection, resolve: (node: YAMLMap.Parsed | YAMLSeq.Parsed) => ({ [key]: node.toJSON() }) }),
  );
  return [scalar, ...collections];
});

function loadCorpusFile(file: string): unknown {
  const text = readFileSync(new URL(file, CORPUS), "utf8");
  return file.endsWith(".json") ? JSON.parse(text) : parseYaml(text, { customTags: CFN_TAGS });
}

function manifest(): Array<{ file: string; expectedError: string }> {
  const [, ...rows] = readFileSync(new URL("MANIFEST.tsv", CORPUS), "utf8").trimEnd().split("\n");
  return rows.map((row) => {
    const cells = row.split("\t");
    return { file: cells[0] ?? "", expectedError: cells[7] ?? "" };
  });
}

const pairs = (diagnostics: readonly Diagnostic[]): string[] => diagnostics.map((d) => `${d.code} ${d.location.pointer}`);

describe("valid corpus: no schema diagnostics", () => {
  /** Files of valid/ that really are invalid for AWS, with the diagnostics we expect and why. */
  const KNOWN_INVALID: Readonly<Record<string, { reason: string; expected: string[] }>> = {
    "valid/asl-validator/valid-task-credentials.json": {
      reason: "Credentials without RoleArn: asl-validator treats Credentials as a free payload template, but AWS rejects it (invalid/localstack/…EMPTY_CREDENTIALS and …INVALID_CREDENTIALS_FIELD)",
      expected: ["ASL010 /States/X/Credentials", "ASL011 /States/X/Credentials/flag", "ASL011 /States/X/Credentials/parts", "ASL011 /States/X/Credentials/baz"],
    },
    "valid/step-functions-workflows-collection/shared-fallback-state-jsonata--statemachine.asl.json": {
      reason: 'malformed upstream: "QueryLanguage": "JSONata" sits inside States, where every value must be a state (corpus README §5)',
      expected: ["ASL012 /States/QueryLanguage"],
    },
  };
  const files = existsSync(CORPUS) ? manifest().filter((row) => row.file.startsWith("valid/")) : [];

  test("the manifest lists the 300 valid files", () => assert.equal(files.length, 300));

  for (const { file } of files) {
    test(file, () => {
      const diagnostics = checkSchema(loadCorpusFile(file));
      const known = KNOWN_INVALID[file];
      assert.deepEqual(pairs(diagnostics), known?.expected ?? [], known?.reason);
    });
  }
});

describe("AWS-accepted conformance definitions: no schema diagnostics", () => {
  const cases = existsSync(CONFORMANCE)
    ? readFileSync(CONFORMANCE, "utf8")
        .trimEnd()
        .split("\n")
        .map((line) => JSON.parse(line) as { id: string; category: string; definition: unknown })
    : [];
  // The snapshot tool masked recorded timestamps as the literal "date", also inside the definitions of some
  // Timestamp-operator cases (placeholder_note); those definitions are not what AWS received.
  const masked = (definition: unknown): boolean => /"Timestamp\w*":"date"/.test(JSON.stringify(definition));

  test("every accepted definition passes the schema", () => {
    const failures = cases
      .filter((c) => c.category !== "invalid-definition" && !masked(c.definition))
      .map((c) => ({ id: c.id, diagnostics: pairs(checkSchema(c.definition)) }))
      .filter((c) => c.diagnostics.length > 0);
    assert.deepEqual(failures, []);
  });
});

describe("invalid corpus: schema-type problems get the right code at the right pointer", () => {
  /**
   * Reviewed table: each invalid file whose expected_error (MANIFEST) is a schema-type problem, with the diagnostics
   * we report. Every other invalid file is a semantic problem (transitions, reachability, exclusive fields, path or
   * JSONata syntax, ARNs, query-language mixing, …) left to the rules, so the schema stage must stay silent on it.
   */
  const SCHEMA_PROBLEMS: Readonly<Record<string, string[]>> = {
    // asl-validator: "must be string" / "must have required property 'ErrorEquals'" / additional properties / "must be object" / "<= 100"
    "invalid/asl-validator/invalid-error-equals-type.json": ["ASL012 /States/Testing/Catch/0/ErrorEquals/0"],
    "invalid/asl-validator/invalid-error-equals.json": ["ASL011 /States/Testing/Catch/0/Error Equals"], // did-you-mean "ErrorEquals" stands for the missing field
    "invalid/asl-validator/invalid-exercise-ajv-additional-properties.asl.json": ["ASL011 /States/PassState/bugInputPath"],
    "invalid/asl-validator/invalid-parallel-branch-type.json": ["ASL012 /States/A/Branches/0"],
    "invalid/asl-validator/invalid-map-tolerated-value.json": ["ASL014 /States/Map/ToleratedFailurePercentage"],
    "invalid/asl-validator/invalid-parallel-missing-branches.json": ["ASL010 /States/Parallel"],
    "invalid/asl-validator/invalid-choice-state.json": ["ASL010 /States/ChoiceState/Choices/0", "ASL011 /States/ChoiceState/Choices/0/End"],
    "invalid/asl-validator/invalid-task-credentials-null.json": ["ASL012 /States/X/Credentials"],
    "invalid/asl-validator/invalid-task-credentials-object.json": ["ASL010 /States/X/Credentials", "ASL011 /States/X/Credentials/flag", "ASL011 /States/X/Credentials/expectPath.$", "ASL011 /States/X/Credentials/baz"],
    // amazon-states-language-service: "Field is not supported." / "Missing property …" / "Incorrect type" / "Value is below the minimum"
    "invalid/amazon-states-language-service/documentInvalidFailWithAssign.json": ["ASL011 /States/HelloWorld/Assign"],
    "invalid/amazon-states-language-service/documentInvalidSuccessWithAssign.json": ["ASL011 /States/HelloWorld/Assign"],
    "invalid/amazon-states-language-service/documentInvalidPropertiesCatch.json": [
      "ASL011 /States/HelloWorld/Catch/0/OneInvalid",
      "ASL011 /States/HelloWorld/Catch/1/TwoInvalid",
      "ASL011 /States/HelloWorld/Catch/1/ThreeInvalid",
    ],
    "invalid/amazon-states-language-service/documentInvalidPropertiesChoices.json": [
      "ASL011 /States/ChoiceState/Choices/0/Not/FirstInvalidProp",
      "ASL011 /States/ChoiceState/Choices/1/SecondInvalidProp",
      "ASL011 /States/ChoiceState/Choices/1/And/0/Not/ThirdInvalidProp",
      "ASL011 /States/ChoiceState/Choices/1/And/0/Not/Next",
      "ASL011 /States/ChoiceState/Choices/1/And/1/Or/0/FourthInvalidProp",
      "ASL011 /States/ChoiceState/Choices/1/And/1/Or/0/Next",
      "ASL011 /States/ChoiceState/Choices/1/And/2/Next",
    ],
    "invalid/amazon-states-language-service/documentInvalidPropertiesRoot.json": ["ASL011 /NewTopLevelField"],
    "invalid/amazon-states-language-service/documentInvalidPropertiesRootNested.json": ["ASL011 /States/Map/Iterator/InvalidProp"],
    "invalid/amazon-states-language-service/documentInvalidPropertiesState.json": ["ASL011 /States/FirstState/SomethingInvalid1", "ASL011 /States/FirstState/SomethingInvalid2"],
    "invalid/amazon-states-language-service/documentMapInvalidItemProcessorConfig.json": ["ASL010 /States/Map/ItemProcessor", "ASL010 /States/Map/ItemProcessor"],
    "invalid/amazon-states-language-service/documentMapResultWriterMissingOutputType.json": ["ASL010 /States/Map/ResultWriter/WriterConfig"],
    "invalid/amazon-states-language-service/documentTaskJSONataInvalid.json": [
      "ASL013 /States/Lambda Invoke/QueryLanguage",
      "ASL012 /States/Lambda Invoke/TimeoutSeconds",
      "ASL012 /States/Lambda Invoke/HeartbeatSeconds",
    ],
    "invalid/amazon-states-language-service/documentTaskRetryInvalid.json": [
      "ASL014 /States/HelloWorld/Retry/0/MaxAttempts",
      "ASL012 /States/HelloWorld/Retry/1/IntervalSeconds",
      "ASL014 /States/HelloWorld/Retry/2/BackoffRate",
      "ASL012 /States/HelloWorld/Retry/3/MaxAttempts",
      "ASL014 /States/HelloWorld/Retry/4/MaxDelaySeconds",
      "ASL012 /States/HelloWorld/Retry/5/MaxDelaySeconds",
      "ASL014 /States/HelloWorld/Retry/6/MaxDelaySeconds",
      "ASL013 /States/HelloWorld/Retry/7/JitterStrategy",
      "ASL014 /States/HelloWorld/Retry/8/MaxDelaySeconds",
      "ASL013 /States/HelloWorld/Retry/8/JitterStrategy",
    ],
    // localstack, recorded from AWS
    "invalid/localstack/test_sfn_api_validation--test_validate_state_machine_definition_type_express--INVALID_BASE_NO_STARTAT.json": ["ASL010 "],
    "invalid/localstack/test_sfn_api_validation--test_validate_state_machine_definition_type_standard--INVALID_BASE_NO_STARTAT.json": ["ASL010 "],
    "invalid/localstack/test_credentials_base--test_invalid_credentials_field--EMPTY_CREDENTIALS.json": ["ASL010 /States/State0/Credentials"],
    "invalid/localstack/test_credentials_base--test_invalid_credentials_field--INVALID_CREDENTIALS_FIELD.json": ["ASL010 /States/State0/Credentials", "ASL011 /States/State0/Credentials/InvalidField"],
    "invalid/localstack/test_base_scenarios--test_wait_timestamp_invalid--INVALID_ISO.json": ["ASL015 /States/WaitUntil/Timestamp"],
    "invalid/localstack/test_base_scenarios--test_wait_timestamp_invalid--NO_Z.json": ["ASL015 /States/WaitUntil/Timestamp"],
  };
  const rows = existsSync(CORPUS) ? manifest().filter((row) => row.file.startsWith("invalid/")) : [];

  test("every file of the table is in the manifest", () => {
    const listed = new Set(rows.map((r) => r.file));
    assert.deepEqual(Object.keys(SCHEMA_PROBLEMS).filter((f) => !listed.has(f)), []);
  });

  for (const { file, expectedError } of rows) {
    test(`${file}: ${expectedError.slice(0, 100)}`, () => {
      assert.deepEqual(pairs(checkSchema(loadCorpusFile(file))), SCHEMA_PROBLEMS[file] ?? []);
    });
  }
});
