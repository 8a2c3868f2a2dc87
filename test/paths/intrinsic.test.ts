import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { looksLikeIntrinsic, parseIntrinsic, type IntrinsicCall } from "../../src/paths/intrinsic.js";
import {
  HASH_ALGORITHMS,
  INTRINSIC_FUNCTIONS,
  argumentKind,
  checkIntrinsic,
  intrinsicFunction,
  returnsString,
  type IntrinsicIssue,
} from "../../src/paths/intrinsic-functions.js";

function call(text: string): IntrinsicCall {
  const result = parseIntrinsic(text);
  if (!result.ok) assert.fail(`${text} should parse: ${result.message} (offset ${result.offset})`);
  return result.value;
}

function issues(text: string): IntrinsicIssue[] {
  return checkIntrinsic(call(text));
}

describe("looksLikeIntrinsic", () => {
  const cases: [string, boolean][] = [
    ["States.Format('x')", true],
    ["States.UUID()", true],
    ["States.Unknown(", true],
    ["$.a", false],
    [" States.UUID()", false],
    ["States.UUID ()", false],
    ["States.()", false],
    ["JsonToString($)", false],
  ];
  for (const [text, expected] of cases) {
    test(`${JSON.stringify(text)} → ${expected}`, () => assert.equal(looksLikeIntrinsic(text), expected));
  }
});

describe("parseIntrinsic accepts calls (ASL-5)", () => {
  test("arguments of every kind, with offsets into the call text", () => {
    const parsed = call("States.Array('a', -1.5e1, 7, true, false, null, $.x, $$.Execution.Id, $v[0], States.UUID())");
    assert.equal(parsed.name, "States.Array");
    assert.deepEqual([parsed.start, parsed.nameEnd, parsed.end], [0, 12, 91]);
    assert.deepEqual(
      parsed.args.map((a) => a.kind),
      ["string", "number", "number", "boolean", "boolean", "null", "path", "path", "path", "call"],
    );
    const [str, num, , yes, no] = parsed.args;
    assert.deepEqual(str, { kind: "string", value: "a", raw: "a", start: 13, end: 16 });
    assert.deepEqual(num, { kind: "number", value: -15, raw: "-1.5e1", start: 18, end: 24 });
    assert.deepEqual([yes?.kind === "boolean" && yes.value, no?.kind === "boolean" && no.value], [true, false]);
    const roots = parsed.args.flatMap((a) => (a.kind === "path" ? [a.path.root.kind] : []));
    assert.deepEqual(roots, ["input", "context", "variable"]);
    const contextPath = parsed.args[7];
    assert.equal(contextPath?.kind === "path" && contextPath.path.text, "$$.Execution.Id");
    assert.deepEqual([contextPath?.start, contextPath?.end], [53, 68]);
  });

  test("string escapes \\' \\{ \\} \\\\ (ASL-5): value unescaped, raw kept for States.Format", () => {
    const [arg] = call("States.Format('it\\'s \\{\\} {} \\\\ done', $.a)").args;
    assert.deepEqual(arg?.kind === "string" && [arg.value, arg.raw], ["it's {} {} \\ done", "it\\'s \\{\\} {} \\\\ done"]);
  });

  test("string literals may span lines and hold double quotes", () => {
    const [arg] = call("States.Format('\n\nHuman: \"{}\"\n', $.prompt)").args;
    assert.equal(arg?.kind === "string" && arg.value, '\n\nHuman: "{}"\n');
  });

  test("whitespace around arguments and after the call", () => {
    const parsed = call("States.Format( '{}' ,\n\t$.a )   ");
    assert.equal(parsed.args.length, 2);
    assert.equal(parsed.end, 28, "the call ends at its closing parenthesis");
  });

  test("nested calls (the 9-function example of the AWS intrinsic-functions page)", () => {
    const text =
      "States.Format('{}.{}.{}', States.ArrayGetItem(States.StringSplit(States.ArrayGetItem(States.StringSplit($.ImageRecipe.Arn, '/'), 2), '.'), 0), States.ArrayGetItem(States.StringSplit(States.ArrayGetItem(States.StringSplit($.ImageRecipe.Arn, '/'), 2), '.'), 1))";
    const count = (c: IntrinsicCall): number => 1 + c.args.reduce((n, a) => n + (a.kind === "call" ? count(a) : 0), 0);
    assert.equal(count(call(text)), 9);
    assert.deepEqual(checkIntrinsic(call(text)), []);
  });

  test("paths with brackets, filters and functions end at the argument boundary", () => {
    const parsed = call("States.ArrayGetItem($.r[?(@.k == 'a, b')].v, 0)");
    const [path, index] = parsed.args;
    assert.equal(path?.kind === "path" && path.path.text, "$.r[?(@.k == 'a, b')].v");
    assert.equal(index?.kind, "number");
    assert.equal(call("States.Format('{}', $.items.length())").args[1]?.kind, "path");
  });

  test("an unknown function name still parses (checkIntrinsic reports it)", () => {
    assert.equal(call("States.Nope(1)").name, "States.Nope");
  });
});

describe("parseIntrinsic rejects malformed calls", () => {
  // [text, why, offset, part of the message]
  const cases: [string, string, number, string][] = [
    ["  States.UUID()", "leading whitespace (amazon-states-language-service documentInvalidParametersIntrinsicFunction)", 0, 'start with "States."'],
    ["States.JsonToString($", "missing ) (same document)", 19, 'expected ")"'],
    ["States.StringToJson $.escaped)", "space before ( (same document)", 19, 'expected "("'],
    ["States. ", "no function name (same document)", 7, "function name"],
    ["States\nJsonToString($)", "no dot after States (same document)", 0, 'start with "States."'],
    ["States.Format('a \\\"b\\\"')", '\\" is an illegal escape: AWS rejected ESCAPE_SEQUENCES_ILLEGAL_INTRINSIC_FUNCTION_2', 17, "invalid escape"],
    ["States.Format('a \\n')", "\\n is not one of the four escapes", 17, "invalid escape"],
    ["States.Format('abc)", "unterminated string", 14, "unterminated string"],
    ['States.Format("x")', "double-quoted strings", 14, "single quotes"],
    ["States.Array(,)", "missing argument", 13, "expected an argument"],
    ["States.Array(1,)", "trailing comma", 15, "expected an argument"],
    ["States.Array(1 2)", "missing comma", 15, 'expected "," or ")"'],
    ["States.Array(.5)", "a number needs a leading digit", 13, "expected an argument"],
    ["States.Array(1.)", "a number cannot end with a dot", 13, "malformed number"],
    ["States.Array(007)", "JSON numbers have no leading zeros", 13, "cannot start with 0"],
    ["States.Array(abc)", "bare words are not arguments", 13, "expected an argument"],
    ["States.Array(TRUE)", "keywords are lower case", 13, "expected an argument"],
    ["States.UUID() x", "text after the call", 14, "after the end of the call"],
    ["States.Format($., 'x')", "a malformed path argument", 16, 'expected a name after "."'],
    ["States.Format($.a'x')", "a path glued to a string", 17, 'expected "," or ")"'],
    ["States.Format($$$)", "a malformed context path", 16, 'after "$$"'],
  ];
  for (const [text, why, offset, message] of cases) {
    test(`${JSON.stringify(text)} (${why})`, () => {
      const result = parseIntrinsic(text);
      assert.equal(result.ok, false);
      if (result.ok) return;
      assert.ok(result.message.includes(message), `message "${result.message}" should contain "${message}"`);
      assert.equal(result.offset, offset, result.message);
    });
  }
});

describe("function table (ASL-5)", () => {
  test("has the 18 functions", () => {
    assert.deepEqual(
      INTRINSIC_FUNCTIONS.map((f) => f.name),
      [
        "States.Format",
        "States.StringToJson",
        "States.JsonToString",
        "States.Array",
        "States.ArrayPartition",
        "States.ArrayContains",
        "States.ArrayRange",
        "States.ArrayGetItem",
        "States.ArrayLength",
        "States.ArrayUnique",
        "States.Base64Encode",
        "States.Base64Decode",
        "States.Hash",
        "States.JsonMerge",
        "States.MathRandom",
        "States.MathAdd",
        "States.StringSplit",
        "States.UUID",
      ],
    );
  });

  test("arities", () => {
    const arity = (name: string): [number, number] => {
      const fn = intrinsicFunction(name);
      assert.ok(fn, name);
      return [fn.minArgs, fn.maxArgs];
    };
    assert.deepEqual(arity("States.Format"), [1, Infinity]);
    assert.deepEqual(arity("States.Array"), [0, Infinity]);
    assert.deepEqual(arity("States.MathRandom"), [2, 3]);
    assert.deepEqual(arity("States.JsonMerge"), [3, 3]);
    assert.deepEqual(arity("States.UUID"), [0, 0]);
  });

  test("argument kinds, with the last one repeating for variadic functions", () => {
    const format = intrinsicFunction("States.Format");
    assert.ok(format);
    assert.deepEqual([0, 1, 5].map((i) => argumentKind(format, i)), ["string", "any", "any"]);
    const merge = intrinsicFunction("States.JsonMerge");
    assert.ok(merge);
    assert.deepEqual([0, 1, 2, 3].map((i) => argumentKind(merge, i)), ["object", "object", "false", undefined]);
  });

  test("string results for Fail ErrorPath/CausePath follow amazon-states-language-service (ASL-6.6)", () => {
    const stringResult = INTRINSIC_FUNCTIONS.filter((f) => f.stringResult).map((f) => f.name.slice("States.".length));
    assert.deepEqual(stringResult.sort(), ["ArrayGetItem", "Base64Decode", "Base64Encode", "Format", "Hash", "JsonToString", "UUID"]);
    assert.equal(returnsString(call("States.Format('{}', $.a)")), true);
    // corpus: invalid/amazon-states-language-service/documentFailErrorPathAndCausePathIntrinsicInvalid.json
    assert.equal(returnsString(call("States.StringToJson($.escapedJsonString)")), false);
    assert.equal(returnsString(call("States.MathAdd($.value1, $.step)")), false);
    assert.equal(returnsString(call("States.Nope()")), false);
  });

  test("hash algorithms", () => {
    assert.deepEqual([...HASH_ALGORITHMS], ["MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512"]);
  });
});

describe("checkIntrinsic", () => {
  test("accepts well-formed calls; path arguments always pass", () => {
    const valid = [
      "States.Format('Hello {}', $.name)",
      "States.Format($.template, $.a, 1, true, null)",
      "States.StringToJson('{\"a\": 1}')",
      "States.JsonToString($.a)",
      "States.Array()",
      "States.Array('Foo', 2020, $.someJson, null)",
      "States.ArrayPartition($.a, 4)",
      "States.ArrayContains($.a, 'x')",
      "States.ArrayRange(1, 9, 2)",
      "States.ArrayGetItem($.a, $.i)",
      "States.ArrayLength($.a)",
      "States.ArrayUnique($.a)",
      "States.Base64Encode('x')",
      "States.Base64Decode($.b)",
      "States.Hash($.data, 'SHA-256')",
      "States.Hash($.data, $.algorithm)",
      "States.JsonMerge($.a, $.b, false)",
      "States.MathRandom(1, 10)",
      "States.MathRandom($.a, $.b, 7)",
      "States.MathAdd(1.5, -1)",
      "States.MathAdd(States.ArrayLength($.a), -1)",
      "States.StringSplit($.s, ',')",
      "States.UUID()",
      "States.JsonMerge(States.StringToJson($.Body), States.StringToJson('{}'), false)",
    ];
    for (const text of valid) assert.deepEqual(issues(text), [], text);
  });

  test("unknown function, with a suggestion", () => {
    assert.deepEqual(issues("States.Formatt('x')"), [
      { kind: "unknown-function", message: 'unknown intrinsic function "States.Formatt"; did you mean "States.Format"?', start: 0, end: 14 },
    ]);
    assert.match(issues("States.jsonmerge($.a, $.b, false)")[0]?.message ?? "", /did you mean "States.JsonMerge"\?/);
    assert.equal(issues("States.Frobnicate()")[0]?.message, 'unknown intrinsic function "States.Frobnicate"');
  });

  test("arity", () => {
    const cases: [string, string][] = [
      ["States.UUID(1)", "States.UUID takes no arguments, but 1 was given"],
      ["States.Format()", "States.Format takes at least 1 argument, but 0 were given"],
      ["States.ArrayGetItem($.a)", "States.ArrayGetItem takes 2 arguments, but 1 was given"],
      ["States.MathRandom(1)", "States.MathRandom takes 2 or 3 arguments, but 1 was given"],
      ["States.StringToJson($.a, $.b)", "States.StringToJson takes 1 argument, but 2 were given"],
    ];
    for (const [text, message] of cases) {
      const found = issues(text);
      assert.deepEqual(found.map((i) => [i.kind, i.message]), [["arity", message]], text);
      assert.deepEqual([found[0]?.start, found[0]?.end], [0, text.length]);
    }
  });

  test("literal arguments of the wrong kind (a definition error, ASL-5)", () => {
    const cases: [string, string][] = [
      // corpus: invalid/asl-validator/invalid-math-add.json
      ["States.MathAdd(1,'-1')", "States.MathAdd expects a number as argument 2, but got the string '-1'"],
      ["States.ArrayGetItem($.a, 1.5)", "States.ArrayGetItem expects an integer as argument 2, but got the number 1.5"],
      ["States.ArrayLength('abc')", "States.ArrayLength expects an array as argument 1, but got the string 'abc'"],
      ["States.StringSplit($.s, null)", "States.StringSplit expects a string as argument 2, but got null"],
      ["States.Base64Encode(12)", "States.Base64Encode expects a string as argument 1, but got the number 12"],
      ["States.JsonToString('x')", "States.JsonToString expects a path as argument 1, not a literal"],
      ["States.JsonMerge($.a, $.b, true)", "States.JsonMerge expects the literal false as argument 3, but got true"],
      ["States.JsonMerge($.a, $.b, $.deep)", "States.JsonMerge expects the literal false as argument 3, not a path"],
      ["States.JsonMerge('a', $.b, false)", "States.JsonMerge expects an object as argument 1, but got the string 'a'"],
      ["States.Format(1)", "States.Format expects a string as argument 1, but got the number 1"],
    ];
    for (const [text, message] of cases) {
      assert.deepEqual(issues(text).map((i) => [i.kind, i.message]), [["argument-type", message]], text);
    }
    const [issue] = issues("States.MathAdd(1,'-1')");
    assert.deepEqual([issue?.start, issue?.end], [17, 21]);
  });

  test("nested calls whose result kind can never fit", () => {
    assert.deepEqual(issues("States.ArrayLength(States.Format('x'))").map((i) => i.message), [
      "States.ArrayLength expects an array as argument 1, but States.Format returns a string",
    ]);
    // AWS prints arrays and objects in States.Format as Java does ({Id=…, Name=…}) [obs: test_context_json_path].
    assert.deepEqual(issues("States.Format('{}', States.Array(1))"), []);
    assert.deepEqual(issues("States.Format(States.Array(1))").map((i) => i.message), [
      "States.Format expects a string as argument 1, but States.Array returns an array",
    ]);
    // ArrayGetItem and StringToJson return whatever the data holds, so they fit anywhere.
    assert.deepEqual(issues("States.ArrayLength(States.StringToJson($.s))"), []);
    assert.deepEqual(issues("States.MathAdd(States.ArrayGetItem($.a, 0), 1)"), []);
  });

  test("literal values that can never work (ASL-5)", () => {
    const cases: [string, string][] = [
      ["States.Hash($.a, 'SHA1')", "States.Hash does not support the algorithm 'SHA1' (did you mean 'SHA-1'?); use one of MD5, SHA-1, SHA-256, SHA-384, SHA-512"],
      ["States.Hash($.a, 'CRC32')", "States.Hash does not support the algorithm 'CRC32'; use one of MD5, SHA-1, SHA-256, SHA-384, SHA-512"],
      ["States.ArrayRange(1, 5, 0)", "the step of States.ArrayRange cannot be 0"],
      ["States.ArrayRange(0, 1000, 1)", "States.ArrayRange would return 1001 elements; it returns at most 1000"],
      ["States.ArrayPartition($.a, 0)", "the chunk size of States.ArrayPartition must be greater than 0"],
      ["States.MathAdd(2147483648, 1)", "States.MathAdd takes values between -2147483648 and 2147483647; 2147483648 is out of range"],
    ];
    for (const [text, message] of cases) {
      assert.deepEqual(issues(text).map((i) => [i.kind, i.message]), [["argument-type", message]], text);
    }
    assert.deepEqual(issues("States.ArrayRange(1, 1000, 1)"), [], "exactly 1000 elements is allowed");
    assert.deepEqual(issues("States.ArrayRange(10, 1, -1)"), [], "a negative step counts down");
  });

  test("nesting: 10 levels pass, the 11th is reported once (ASL-5)", () => {
    const nest = (levels: number): string => "States.Array(".repeat(levels) + ")".repeat(levels);
    assert.deepEqual(issues(nest(10)), []);
    const found = issues(nest(12));
    assert.deepEqual(found.map((i) => i.kind), ["nesting"]);
    assert.equal(found[0]?.message, "intrinsic functions can be nested at most 10 deep; States.Array is at depth 11");
    assert.equal(found[0]?.start, "States.Array(".length * 10);
  });

  test("issues of nested calls are reported in source order", () => {
    const found = issues("States.Format(States.Nope(), States.UUID(1))");
    assert.deepEqual(found.map((i) => i.kind), ["unknown-function", "arity"]);
    assert.deepEqual(found.map((i) => i.start), [14, 29]);
  });

  test("a literal format string whose {} count differs from the arguments is not reported", () => {
    // The AWS page says there must be as many arguments as {}; no recorded rejection shows it is checked when the
    // definition is created, so this stays a run-time matter.
    assert.deepEqual(issues("States.Format('{} and {}', $.a)"), []);
  });
});
