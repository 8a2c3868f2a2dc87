import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { formatPath, isDefinite, isReferencePath, parsePath } from "../../src/paths/jsonpath.js";
import type { FilterExpression, PathAst } from "../../src/paths/jsonpath-ast.js";

function parsed(text: string): PathAst {
  const result = parsePath(text);
  if (!result.ok) assert.fail(`${text} should parse: ${result.message} (offset ${result.offset})`);
  return result.value;
}

function filterOf(text: string): FilterExpression {
  const selector = parsed(text).segments.at(-1)?.selector;
  assert.equal(selector?.kind, "filter");
  return selector.expression;
}

describe("parsePath accepts Jayway paths (ASL-4)", () => {
  // [path, why it is valid, Jayway's normalised form]
  const cases: [string, string, string][] = [
    ["$", "the whole input", "$"],
    ["$$", "the whole context object (ASL-7)", "$$"],
    ["$$.Execution.Input.a", "a context-object path", "$$['Execution']['Input']['a']"],
    ["$myVar", "a workflow variable (ASL-8)", "$myVar"],
    ["$my_var2.items[0]", "a variable followed by steps", "$my_var2['items'][0]"],
    ["$.a.b", "dot notation", "$['a']['b']"],
    ["$['a']['b']", "bracket notation", "$['a']['b']"],
    ['$["a"]', "double-quoted bracket name", "$['a']"],
    ["$['a b']", "bracket notation allows spaces (ASL-4)", "$['a b']"],
    ["$['it\\'s']", "escaped quote inside a bracket name", "$['it\\'s']"],
    ["$['back\\\\slash']", "escaped backslash inside a bracket name", "$['back\\\\slash']"],
    ["$.detail-type", "Jayway reads dot names up to . [ or (, so hyphens are allowed (EventBridge samples)", "$['detail-type']"],
    ["$.a:b", "colons are part of a dot name in Jayway", "$['a:b']"],
    ["$.a[0]", "an index", "$['a'][0]"],
    ["$.a[-1]", "a negative index (asl-validator valid-pass-negativeIndex)", "$['a'][-1]"],
    ["$[ 0 ]", "whitespace inside brackets", "$[0]"],
    ["$.[0]", "Jayway accepts a dot before a bracket", "$[0]"],
    ["$.*", "wildcard in dot notation", "$[*]"],
    ["$[*]", "wildcard in bracket notation", "$[*]"],
    ["$..a", "deep scan of a name", "$..['a']"],
    ["$..*", "deep scan wildcard", "$..[*]"],
    ["$..[0]", "deep scan with a bracket", "$..[0]"],
    ["$.a[1:3]", "a slice", "$['a'][1:3]"],
    ["$.a[1:]", "a slice with only a start", "$['a'][1:]"],
    ["$.a[:2]", "a slice with only an end", "$['a'][:2]"],
    ["$.a[-2:]", "a slice from the end", "$['a'][-2:]"],
    ["$.a[0:6:2]", "a slice with a step (Jayway ignores the step when printing)", "$['a'][0:6]"],
    ["$.a[0,1]", "a union of indexes", "$['a'][0,1]"],
    ["$['a','b']", "a union of names", "$['a','b']"],
    ["$.[*].['bucket', 'key']", "union after a wildcard, with a space (aws-samples s3-glacier-multi-file-restore)", "$[*]['bucket','key']"],
    ["$.a[?(@.price < 10)]", "a filter", "$['a'][?]"],
    ["$.a[?(@.k)]", "an existence filter (ASL-4)", "$['a'][?]"],
    ["$.a.length()", "a trailing Jayway function", "$['a'].length()"],
    ["$.a.append(1, 'x')", "a function with arguments", "$['a'].append(...)"],
    ["$.a.concat($.b)", "a function with a path argument", "$['a'].concat(...)"],
    ["$.length()", "a function on the root", "$.length()"],
    ["$.a  ", "trailing whitespace (Jayway trims the path)", "$['a']"],
  ];
  for (const [text, why, normalised] of cases) {
    test(`${text} (${why})`, () => {
      assert.equal(formatPath(parsed(text)), normalised);
    });
  }
});

describe("parsePath rejects malformed paths", () => {
  // [path, why it is invalid, offset of the problem, part of the message]
  const cases: [string, string, number, string][] = [
    ["", "empty", 0, 'must start with "$"'],
    ["a.b", "no root", 0, 'must start with "$"'],
    [" $.a", "leading whitespace", 0, 'must start with "$"'],
    ["@.a", "@ is only meaningful inside a filter", 0, "only allowed inside a filter"],
    ["$.", "ends with a dot (Jayway: Path must not end with a '.')", 1, 'must not end with "."'],
    ["$..", "deep scan without a target", 3, 'after ".."'],
    ["$...a", "three dots", 3, 'after ".."'],
    ["$[", "unclosed bracket", 2, 'after "["'],
    ["$.a[", "unclosed bracket after a name", 4, 'after "["'],
    ["$['a", "unterminated quoted name", 2, "unterminated string"],
    ["$['a'", "quoted name without ]", 5, 'expected "]"'],
    ["$[0", "index without ]", 3, 'expected "]"'],
    ["$$$", "three dollars", 2, 'after "$$"'],
    ["$$x", "a context path needs . or [", 2, 'after "$$"'],
    ["$.a]", "stray ]", 3, 'unexpected "]"'],
    ["$.a b", "whitespace inside a dot name (Jayway: use bracket notation)", 3, "bracket notation"],
    ["$-a", "neither . nor [ after the root", 1, 'unexpected "-"'],
    ["$.a [0]", "whitespace between steps (Jayway stops at the space)", 3, "unexpected whitespace"],
    ["$[]", "empty brackets", 2, 'after "["'],
    ["$[:]", "a slice without start and end (Jayway ArraySliceOperation)", 3, "start or an end"],
    ["$[0,1:2]", "a slice inside an index list", 5, "cannot be combined"],
    ["$[0,]", "union with a missing index", 4, "an array index"],
    ["$['a',]", "union with a missing name", 6, "quoted name"],
    ["$[a]", "unquoted bracket name", 2, 'after "["'],
    ["$[99999999999]", "index out of Java int range", 2, "out of range"],
    ["$[(@.length-1)]", "script expressions are not Jayway", 2, "script expressions"],
    ["$.a.foo()", "not a Jayway function", 4, 'unknown path function "foo()"'],
    ["$.a.length().b", "a function must come last", 12, "must be the last"],
    ["$..length()", "a function right after a deep scan", 9, "cannot follow"],
    ["$.a.append(1", "unclosed function arguments", 10, 'expected ")"'],
    ["$[?(@.a ==)]", "comparison without a right operand", 10, "expected a path or a value"],
    ["$[?(@.a = 1)]", "single = is not an operator", 8, '"=="'],
    ["$[?(@.a === 1)]", "=== is not supported", 8, "not supported"],
    ["$[?(@.a like 'x')]", "unknown word operator", 8, 'unknown filter operator "like"'],
    ["$[?(@.a == 1]", "filter without its closing parenthesis", 12, 'expected ")"'],
    ["$[?@.a]", "filter without parentheses", 3, 'expected "("'],
    ["$[?()]", "empty filter", 4, "expected a path or a value"],
    ["$[?('x')]", "a literal alone is not a condition", 7, "comparison operator"],
    ["$[?(@.a =~ /x/q)]", "unknown regex flag", 14, 'flag "q"'],
    ["$[?(@.a =~ /x)]", "unterminated regex", 11, "unterminated regular expression"],
    ["$[?(@.a == 'x)]", "unterminated string literal", 11, "unterminated string"],
    ["$[?($$.a == 1)]", "no context object inside a filter", 5, "not available inside a filter"],
    ["$[?($v.a == 1)]", "no variables inside a filter", 5, "not available inside a filter"],
    ["$[?(@.a == [1, 2)]", "unclosed array literal", 16, '"," or "]"'],
  ];
  for (const [text, why, offset, message] of cases) {
    test(`${JSON.stringify(text)} (${why})`, () => {
      const result = parsePath(text);
      assert.equal(result.ok, false);
      if (result.ok) return;
      assert.ok(result.message.includes(message), `message "${result.message}" should contain "${message}"`);
      assert.equal(result.offset, offset, result.message);
    });
  }

  test("pathologically deep nesting fails instead of throwing", () => {
    const text = `$[?(${"(".repeat(20000)}@.a${")".repeat(20000)})]`;
    const result = parsePath(text);
    assert.equal(result.ok, false);
  });
});

describe("path syntax tree", () => {
  test("roots", () => {
    assert.deepEqual(parsed("$.a").root, { kind: "input" });
    assert.deepEqual(parsed("$$.a").root, { kind: "context" });
    assert.deepEqual(parsed("$counter").root, { kind: "variable", name: "counter" });
  });

  test("segments carry kind, notation, selector and offsets", () => {
    const path = parsed("$.a['b c'][2]..d[*]");
    assert.deepEqual(
      path.segments.map(({ kind, notation, selector, start, end }) => ({ kind, notation, selector, start, end })),
      [
        { kind: "child", notation: "dot", selector: { kind: "name", name: "a" }, start: 1, end: 3 },
        { kind: "child", notation: "bracket", selector: { kind: "name", name: "b c" }, start: 3, end: 10 },
        { kind: "child", notation: "bracket", selector: { kind: "index", index: 2 }, start: 10, end: 13 },
        { kind: "descendant", notation: "dot", selector: { kind: "name", name: "d" }, start: 13, end: 16 },
        { kind: "child", notation: "bracket", selector: { kind: "wildcard" }, start: 16, end: 19 },
      ],
    );
    assert.equal(path.text, "$.a['b c'][2]..d[*]");
    assert.deepEqual([path.start, path.end, path.fn], [0, 19, null]);
  });

  test("slices and unions", () => {
    assert.deepEqual(parsed("$[1:-1:2]").segments[0]?.selector, { kind: "slice", start: 1, end: -1, step: 2 });
    assert.deepEqual(parsed("$[:3]").segments[0]?.selector, { kind: "slice", start: null, end: 3, step: null });
    assert.deepEqual(parsed("$[0, -1]").segments[0]?.selector, { kind: "indexes", indexes: [0, -1] });
    assert.deepEqual(parsed(`$['a',"b"]`).segments[0]?.selector, { kind: "names", names: ["a", "b"] });
  });

  test("bracket-name escapes follow Jayway's unescape", () => {
    assert.deepEqual(parsed("$['a\\'b\\\\c\\u0041\\n']").segments[0]?.selector, { kind: "name", name: "a'b\\cA\n" });
  });

  test("a trailing function with a literal and a path argument", () => {
    const path = parsed("$.a.append(1.5, $.b[0])");
    assert.equal(path.fn?.name, "append");
    assert.deepEqual(path.fn?.args.map((a) => (a.kind === "literal" ? a.value : a.path.text)), [1.5, "$.b[0]"]);
    assert.equal(path.segments.length, 1);
  });

  test("filter: && binds tighter than ||, and ! negates", () => {
    const expression = filterOf("$.a[?(@.x == 1 || @.y > 2 && !@.z)]");
    assert.equal(expression.kind, "or");
    if (expression.kind !== "or") return;
    assert.equal(expression.operands[0]?.kind, "compare");
    const right = expression.operands[1];
    assert.equal(right?.kind, "and");
    if (right?.kind !== "and") return;
    assert.equal(right.operands[1]?.kind, "not");
  });

  test("filter: parentheses group", () => {
    const expression = filterOf("$[?((@.a || @.b) && @.c)]");
    assert.equal(expression.kind, "and");
    if (expression.kind === "and") assert.equal(expression.operands[0]?.kind, "or");
  });

  test("filter: existence test keeps the path (ASL-4)", () => {
    const expression = filterOf("$[?(@.k)]");
    assert.equal(expression.kind, "exists");
    if (expression.kind === "exists") assert.equal(expression.path.text, "@.k");
  });

  test("filter: operators and operands", () => {
    // [filter body, operator, right operand]
    const cases: [string, string, unknown][] = [
      ["@.a == 'x'", "==", { kind: "literal", value: "x" }],
      ['@.a != "x"', "!=", { kind: "literal", value: "x" }],
      ["@.a<=-1.5e2", "<=", { kind: "literal", value: -150 }],
      ["@.a >= 0", ">=", { kind: "literal", value: 0 }],
      ["@.a > true", ">", { kind: "literal", value: true }],
      ["@.a < null", "<", { kind: "literal", value: null }],
      ["@.a =~ /^ab+$/i", "=~", { kind: "regex", pattern: "^ab+$", flags: "i" }],
      ["@.a in ['x', \"y\"]", "in", { kind: "literal", value: ["x", "y"] }],
      ["@.a NIN [1, 2]", "nin", { kind: "literal", value: [1, 2] }],
      ["@.a subsetof ['x']", "subsetof", { kind: "literal", value: ["x"] }],
      ["@.a anyof ['x']", "anyof", { kind: "literal", value: ["x"] }],
      ["@.a noneof ['x']", "noneof", { kind: "literal", value: ["x"] }],
      ["@.a size 2", "size", { kind: "literal", value: 2 }],
      ["@.a empty false", "empty", { kind: "literal", value: false }],
      ["@.a == {'k': [1]}", "==", { kind: "literal", value: { k: [1] } }],
      ["@.a == $.b", "==", { kind: "path", text: "$.b" }],
      ["@.Name==Receipt", "==", { kind: "bareword", word: "Receipt" }],
    ];
    for (const [body, operator, right] of cases) {
      const expression = filterOf(`$[?(${body})]`);
      assert.equal(expression.kind, "compare", body);
      if (expression.kind !== "compare") continue;
      assert.equal(expression.operator, operator, body);
      const r = expression.right;
      const shape =
        r.kind === "path"
          ? { kind: r.kind, text: r.path.text }
          : r.kind === "literal"
            ? { kind: r.kind, value: r.value }
            : r.kind === "regex"
              ? { kind: r.kind, pattern: r.pattern, flags: r.flags }
              : { kind: r.kind, word: r.word };
      assert.deepEqual(shape, right, body);
    }
  });

  test("filter paths stop at operator characters", () => {
    const expression = filterOf("$[?(@.a.b>=@.c)]");
    assert.equal(expression.kind, "compare");
    if (expression.kind !== "compare") return;
    assert.deepEqual([expression.left.kind, expression.right.kind], ["path", "path"]);
    if (expression.left.kind === "path") assert.equal(expression.left.path.text, "@.a.b");
  });
});

describe("isDefinite and isReferencePath (ASL-4)", () => {
  // [path, definite, reference path, why]
  const cases: [string, boolean, boolean, string][] = [
    ["$", true, true, "the root"],
    ["$.a.b[0]", true, true, "names and an index"],
    ["$['a b'][1]", true, true, "bracket names"],
    ["$$.Execution.Id", true, true, "a context path (Choice Variable may use it)"],
    ["$var.a", true, true, "a variable path"],
    ["$.a[-1]", true, true, "a negative index still names one node"],
    ["$..a", false, false, "deep scan"],
    ["$.a[*]", false, false, "wildcard"],
    ["$.*", false, false, "wildcard in dot notation"],
    ["$.a[1:]", false, false, "slice"],
    ["$.a[0,1]", false, false, "index union"],
    ["$['a','b']", false, false, "name union"],
    ["$.a[?(@.b)]", false, false, "filter"],
    ["$.a.length()", false, false, "function"],
    ["$.a:b", true, false, "a : inside a dot name is one of the forbidden operators"],
    ["$.a?b", true, false, "a ? inside a dot name"],
    ["$.a@b", true, false, "an @ inside a dot name"],
    ["$.a*b", true, false, "a * inside a dot name"],
    ["$['a:b']", true, true, "a quoted name may hold any character"],
  ];
  for (const [text, definite, reference, why] of cases) {
    test(`${text}: definite=${definite}, reference=${reference} (${why})`, () => {
      const path = parsed(text);
      assert.equal(isDefinite(path), definite);
      assert.equal(isReferencePath(path), reference);
    });
  }
});

describe("formatPath", () => {
  test("matches the AWS-recorded Jayway messages", () => {
    // conformance: "Invalid path '$.NoSuchInputPath' : No results for path: $['NoSuchInputPath']"
    assert.equal(formatPath(parsed("$.NoSuchInputPath")), "$['NoSuchInputPath']");
    // conformance: "Invalid path '$.no.such.result.path' : Missing property in path $['no']"
    assert.equal(formatPath(parsed("$.no")), "$['no']");
  });

  test("escapes quotes and backslashes in names", () => {
    assert.equal(formatPath(parsed(`$["it's"]`)), "$['it\\'s']");
    assert.equal(formatPath(parsed(`$["a\\\\b"]`)), "$['a\\\\b']");
  });

  test("the normalised form parses back to the same steps", () => {
    for (const text of ["$.a['b c'][0]..d[*]", "$[1:2]['x','y'][0,1]", "$['it\\'s']"]) {
      const once = formatPath(parsed(text));
      assert.equal(formatPath(parsed(once)), once);
    }
  });
});
