import { describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  JSONATA_BODY_OFFSET,
  collectExpressions,
  expressionBody,
  isJsonataString,
  isPaddedJsonata,
  looksLikeBrokenJsonata,
  parseJsonata,
} from "../../src/jsonata/expression.js";

describe("isJsonataString / looksLikeBrokenJsonata / isPaddedJsonata (ASL-3.2)", () => {
  // ASL-3.2: "A JSON string that starts with `{%` and ends with `%}` (no whitespace outside them) is a JSONata
  // expression. Any other string is a literal, even "$.x" or "$var" [obs]."
  // Decision on spaces: the rule quoted above does not require spaces inside the delimiters, and AWS's own language
  // service uses the pattern ^{%(.*)%}$ (validation-anchors.md §2). asl-validator's stricter ^\{% .+ %\}$ is its own
  // invention, so "{%1%}" is an expression here.
  const cases: Array<{ text: string; expression: boolean; broken: boolean; padded: boolean }> = [
    { text: "{% 1 %}", expression: true, broken: false, padded: false },
    { text: "{%1%}", expression: true, broken: false, padded: false },
    { text: "{% \n10         %}", expression: true, broken: false, padded: false },
    { text: "{%%}", expression: true, broken: false, padded: false },
    // Whitespace outside the delimiters makes a literal; only its trimmed form is an expression.
    { text: " {% 1 %}", expression: false, broken: false, padded: true },
    { text: "{% 1 %}\n", expression: false, broken: false, padded: true },
    { text: "{% x", expression: false, broken: true, padded: false },
    { text: "x %}", expression: false, broken: true, padded: false },
    { text: "{% 10 %", expression: false, broken: true, padded: false },
    { text: "  {% x  ", expression: false, broken: true, padded: false },
    // The delimiters may not overlap.
    { text: "{%}", expression: false, broken: true, padded: false },
    { text: "$.x", expression: false, broken: false, padded: false },
    { text: "$var", expression: false, broken: false, padded: false },
    { text: "", expression: false, broken: false, padded: false },
    { text: "100% done", expression: false, broken: false, padded: false },
  ];
  for (const c of cases) {
    test(JSON.stringify(c.text), () => {
      assert.equal(isJsonataString(c.text), c.expression);
      assert.equal(looksLikeBrokenJsonata(c.text), c.broken);
      assert.equal(isPaddedJsonata(c.text), c.padded);
    });
  }

  test("non-strings are never expressions", () => {
    for (const value of [1, null, undefined, true, ["{% 1 %}"], { a: "{% 1 %}" }]) {
      assert.equal(isJsonataString(value), false);
    }
  });
});

describe("expressionBody", () => {
  test("returns the text between the delimiters, at JSONATA_BODY_OFFSET", () => {
    const s = "{% $states.input %}";
    const body = expressionBody(s);
    assert.equal(body, " $states.input ");
    assert.equal(JSONATA_BODY_OFFSET, 2);
    assert.equal(s.slice(JSONATA_BODY_OFFSET, JSONATA_BODY_OFFSET + body.length), body);
  });

  test("keeps an empty body and inner whitespace", () => {
    assert.equal(expressionBody("{%%}"), "");
    assert.equal(expressionBody("{%1%}"), "1");
    assert.equal(expressionBody("{% \n10 %}"), " \n10 ");
  });

  test("throws on a string that is not an expression", () => {
    assert.throws(() => expressionBody(" {% 1 %}"), /Not a JSONata expression string/);
    assert.throws(() => expressionBody("{%}"), /Not a JSONata expression string/);
  });
});

describe("parseJsonata", () => {
  test("parses valid bodies", () => {
    for (const body of [" 1 ", "$states.input.a", "($x := 1; $x + 2)", "function($a){ $a }(1)", "/ab+/i", " [1..3] "]) {
      const result = parseJsonata(body);
      assert.equal(result.ok, true, body);
    }
  });

  test("returns the AST the jsonata parser builds", () => {
    const result = parseJsonata("$states.input");
    assert.ok(result.ok);
    assert.equal(result.ast.type, "path");
    if (result.ast.type !== "path") return;
    assert.deepEqual(
      result.ast.steps.map((s) => [s.type, "value" in s ? s.value : undefined]),
      [
        ["variable", "states"],
        ["name", "input"],
      ],
    );
  });

  // Positions are JSONata's: the offset where the offending token ends (the end of the body for S0203/S0207).
  const failures: Array<{ body: string; code: string; position: number; message: string }> = [
    {
      body: "$sum($states.input.items.numbers",
      code: "S0203",
      position: 32,
      message: 'JSONata syntax error at position 32: expected ")" before end of expression',
    },
    { body: "10 + * 2", code: "S0201", position: 8, message: "JSONata syntax error at position 8: unexpected 2" },
    {
      body: "$.store.book[?(@.price < 10)].title",
      code: "S0211",
      position: 14,
      message: 'JSONata syntax error at position 14: the symbol "?" cannot be used as a unary operator',
    },
    {
      body: "",
      code: "S0207",
      position: 0,
      message: "JSONata syntax error at position 0: unexpected end of expression",
    },
    {
      body: "1 +",
      code: "S0207",
      position: 3,
      message: "JSONata syntax error at position 3: unexpected end of expression",
    },
    {
      body: '"abc',
      code: "S0101",
      position: 4,
      message: "JSONata syntax error at position 4: string literal must be terminated by a matching quote",
    },
    {
      body: "a[1,2)",
      code: "S0202",
      position: 4,
      message: 'JSONata syntax error at position 4: expected "]", got ","',
    },
    {
      body: "1 := 2",
      code: "S0212",
      position: 1,
      message: "JSONata syntax error at position 1: the left side of := must be a variable name (start with $)",
    },
  ];
  for (const f of failures) {
    test(`fails on ${JSON.stringify(f.body)} with ${f.code}`, () => {
      assert.deepEqual(parseJsonata(f.body), { ok: false, code: f.code, position: f.position, message: f.message });
    });
  }

  test("a regular expression JavaScript rejects is a syntax error without a position", () => {
    const result = parseJsonata('$match("a", /a**/)');
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.code, "regex");
    assert.equal(result.position, 0);
    assert.match(result.message, /^JSONata syntax error: invalid regular expression/);
  });

  test("caches each distinct body: the same result object comes back", () => {
    const body = "$states.input.cacheProbe";
    assert.equal(parseJsonata(body), parseJsonata(body));
    const bad = "cache probe (";
    assert.equal(parseJsonata(bad), parseJsonata(bad));
  });
});

describe("collectExpressions", () => {
  test("finds expressions at any depth with their pointers, in document order", () => {
    const value = {
      Arguments: {
        Payload: "{% $states.input %}",
        list: ["literal", "{% 1 %}", { deep: ["{%2%}"] }],
        "a/b~c": "{% 3 %}",
      },
      Output: "$.literal",
      Count: 3,
      Flag: null,
    };
    assert.deepEqual(collectExpressions(value, "/States/S"), [
      { pointer: "/States/S/Arguments/Payload", text: "{% $states.input %}" },
      { pointer: "/States/S/Arguments/list/1", text: "{% 1 %}" },
      { pointer: "/States/S/Arguments/list/2/deep/0", text: "{%2%}" },
      { pointer: "/States/S/Arguments/a~1b~0c", text: "{% 3 %}" },
    ]);
  });

  test("object keys are never expressions", () => {
    assert.deepEqual(collectExpressions({ "{% $x %}": "literal", k: { "{% y %}": 1 } }, ""), []);
  });

  test("the value itself may be the expression", () => {
    assert.deepEqual(collectExpressions("{% $x %}", "/States/S/Output"), [
      { pointer: "/States/S/Output", text: "{% $x %}" },
    ]);
    assert.deepEqual(collectExpressions("{% $x %}", ""), [{ pointer: "", text: "{% $x %}" }]);
  });

  test("broken and padded strings are not collected", () => {
    assert.deepEqual(collectExpressions(["{% x", "x %}", " {% 1 %}", "{%}"], ""), []);
  });
});
