import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { analyzeJsonata, type JsonataAnalysis } from "../../src/jsonata/analyze.js";
import { parseJsonata } from "../../src/jsonata/expression.js";

/**
 * Positions are JSONata's token END offsets in the body: in `$states.input`, `$states` ends at 7 and `input` at 13.
 * Each expected position below is the index just past the token it names.
 */
function analyze(body: string): JsonataAnalysis {
  const parsed = parseJsonata(body);
  if (!parsed.ok) throw new Error(`${body}: ${parsed.message}`);
  return analyzeJsonata(parsed.ast);
}

const names = (list: ReadonlyArray<{ name: string }>): string[] => list.map((r) => r.name);

/** The offset just past the `nth` (1-based) occurrence of `token` in `body`: where JSONata puts its position. */
function end(body: string, token: string, nth = 1): number {
  let at = -1;
  for (let i = 0; i < nth; i++) {
    at = body.indexOf(token, at + 1);
    if (at < 0) throw new Error(`${token} #${nth} not in ${body}`);
  }
  return at + token.length;
}

describe("$states members (ASL-3.2)", () => {
  const cases: Array<{ body: string; members: Array<{ member: string; path: string[]; position: number }> }> = [
    { body: "$states.input.a", members: [{ member: "input", path: ["input", "a"], position: 13 }] },
    { body: "$states.result", members: [{ member: "result", path: ["result"], position: 14 }] },
    {
      body: "$states.errorOutput.Error",
      members: [{ member: "errorOutput", path: ["errorOutput", "Error"], position: 19 }],
    },
    {
      body: "$states.context.Execution.Id",
      members: [{ member: "context", path: ["context", "Execution", "Id"], position: 15 }],
    },
    // Unknown members are reported too, so the validator can reject them (ASL404).
    { body: "$states.foo", members: [{ member: "foo", path: ["foo"], position: 11 }] },
    // The path stops after a step that filters: what follows is no longer a plain object path.
    { body: "$states.input.items[0].x", members: [{ member: "input", path: ["input", "items"], position: 13 }] },
    { body: "$states.input.items.$count()", members: [{ member: "input", path: ["input", "items"], position: 13 }] },
    {
      body: "$states.input.a & $states.context.Execution.Name",
      members: [
        { member: "input", path: ["input", "a"], position: 13 },
        { member: "context", path: ["context", "Execution", "Name"], position: 33 },
      ],
    },
    // Inside a lambda body and a predicate.
    {
      body: "$map($states.input.xs, function($v) { $v + $states.context.State.RetryCount })",
      members: [
        { member: "input", path: ["input", "xs"], position: end("$map($states.input", "input") },
        {
          member: "context",
          path: ["context", "State", "RetryCount"],
          position: end("$map($states.input.xs, function($v) { $v + $states.context", "context"),
        },
      ],
    },
  ];
  for (const c of cases) {
    test(c.body, () => {
      const a = analyze(c.body);
      assert.deepEqual(a.statesMembers, c.members);
      assert.deepEqual(a.bareStates, []);
      assert.deepEqual(a.freeVariables, []);
    });
  }

  const bare: Array<{ body: string; positions: number[] }> = [
    { body: "$states", positions: [7] },
    { body: "$keys($states)", positions: [13] },
    { body: "$states.*", positions: [7] },
    { body: "$states ~> $keys", positions: [7] },
  ];
  for (const c of bare) {
    test(`bare: ${c.body}`, () => {
      const a = analyze(c.body);
      assert.deepEqual(
        a.bareStates,
        c.positions.map((position) => ({ position })),
      );
      assert.deepEqual(a.statesMembers, []);
      assert.deepEqual(a.freeVariables, []);
    });
  }

  test("a locally rebound $states is not the reserved variable, and the binding is reported", () => {
    const a = analyze("($states := {'input': 1}; $states.input)");
    assert.deepEqual(a.statesMembers, []);
    assert.deepEqual(a.bareStates, []);
    assert.deepEqual(a.localBindings, [{ name: "states", position: 8, kind: "assignment" }]);
  });
});

describe("free variables and local bindings (ASL-8)", () => {
  const cases: Array<{ body: string; free: Array<{ name: string; position: number }>; why: string }> = [
    { body: "$customerName", free: [{ name: "customerName", position: 13 }], why: "a workflow variable" },
    { body: "($x := 1; $x + $y)", free: [{ name: "y", position: 17 }], why: "$x is bound by the block" },
    {
      body: "function($a, $b) { $a + $b + $c }(1, 2)",
      free: [{ name: "c", position: 31 }],
      why: "lambda parameters are bound in the body",
    },
    {
      body: "($x := 1; ($y := $x; $y + $z))",
      free: [{ name: "z", position: 28 }],
      why: "nested blocks see the bindings of enclosing blocks",
    },
    {
      body: "(($x := 1); $x)",
      free: [{ name: "x", position: 14 }],
      why: "a binding inside a block is not visible outside it",
    },
    {
      body: "($x := $x + 1; $x)",
      free: [{ name: "x", position: 9 }],
      why: "the right-hand side is evaluated before the binding",
    },
    {
      body: "[$x := 1, $x]",
      free: [{ name: "x", position: 12 }],
      why: "array members are evaluated concurrently: jsonata gives [1], not [1, 1]",
    },
    {
      body: "($f := function($n) { $n <= 1 ? 1 : $n * $f($n - 1) }; $f(5))",
      free: [],
      why: "a lambda sees its own binding at call time (recursion)",
    },
    {
      body: "($even := function($n) { $n = 0 ? true : $odd($n - 1) }; $odd := function($n) { $n = 0 ? false : $even($n - 1) }; $even(4))",
      free: [],
      why: "a lambda sees bindings made later in the frames it closes over (mutual recursion)",
    },
    {
      body: "$states.input.items@$item.($item.price)",
      free: [],
      why: "a focus binding is visible to the rest of its path",
    },
    {
      body: "$states.input.items#$i[$i < 2]",
      free: [],
      why: "an index binding is visible to the filters after it",
    },
    { body: "$states.input.x + $$.y + $", free: [], why: "$states, $$ and $ are not variables" },
    {
      body: "$sum($xs) + $foo(1)",
      free: [
        { name: "xs", position: 8 },
        { name: "foo", position: 16 },
      ],
      why: "a call of an unknown function is a free name; built-ins are not",
    },
    { body: "($count := 2; $count + 1)", free: [], why: "a local binding shadows a built-in name" },
  ];
  for (const c of cases) {
    test(`${c.body} — ${c.why}`, () => {
      assert.deepEqual(analyze(c.body).freeVariables, c.free);
    });
  }

  test("local bindings of every kind are listed", () => {
    const body = "($t := 1; function($p) { $p }(2); $states.input.xs@$o#$i.($o + $i))";
    // Focus and index bindings carry the position of the step they bind (the AST keeps no token for `$o` / `$i`).
    assert.deepEqual(analyze(body).localBindings, [
      { name: "t", position: end(body, "$t"), kind: "assignment" },
      { name: "p", position: end(body, "$p"), kind: "parameter" },
      { name: "o", position: end(body, "xs"), kind: "focus" },
      { name: "i", position: end(body, "xs"), kind: "index" },
    ]);
  });
});

describe("function calls and function values", () => {
  const cases: Array<{ body: string; calls: string[]; values: string[] }> = [
    { body: "$sum($states.input.x)", calls: ["sum"], values: [] },
    { body: "$states.input.s ~> $uppercase()", calls: ["uppercase"], values: [] },
    { body: "$states.input.s ~> $uppercase", calls: ["uppercase"], values: [] },
    { body: "$substring(?, 0, 2)", calls: ["substring"], values: [] },
    { body: '$eval("1 + 1")', calls: ["eval"], values: [] },
    { body: "$map($states.input.xs, $string)", calls: ["map"], values: ["string"] },
    { body: "$partition($states.input.xs, 2)", calls: ["partition"], values: [] },
    { body: "($f := function() { 1 }; $f())", calls: [], values: [] },
    { body: "$myFunction(1)", calls: ["myFunction"], values: [] },
    {
      body: "$map($states.input.xs, function($v) { $uppercase($v) })",
      calls: ["map", "uppercase"],
      values: [],
    },
  ];
  for (const c of cases) {
    test(c.body, () => {
      const a = analyze(c.body);
      assert.deepEqual(names(a.functionCalls), c.calls);
      assert.deepEqual(names(a.functionValues), c.values);
    });
  }

  test("call positions are those of the function name", () => {
    assert.deepEqual(analyze("$sum([1]) + $count([2])").functionCalls, [
      { name: "sum", position: 4 },
      { name: "count", position: 18 },
    ]);
  });
});

describe("context references (ASL-3.2: no context item at the top level)", () => {
  // The spec: "$" or an unqualified field name at the top level refers to the (absent) input document and MUST NOT be
  // used; nested inside an expression it refers to the current item and MAY be used. "$$" MUST NOT be used at all.
  const flagged: Array<{ body: string; refs: Array<{ kind: "$" | "$$" | "field"; position: number; name?: string }> }> =
    [
      { body: "foo", refs: [{ kind: "field", position: 3, name: "foo" }] },
      { body: "foo.bar", refs: [{ kind: "field", position: 3, name: "foo" }] },
      { body: "`foo bar`.x", refs: [{ kind: "field", position: 9, name: "foo bar" }] },
      { body: '"a".b', refs: [{ kind: "field", position: 3, name: "a" }] },
      { body: "$", refs: [{ kind: "$", position: 1 }] },
      { body: "$.x", refs: [{ kind: "$", position: 1 }] },
      { body: "$$", refs: [{ kind: "$$", position: 2 }] },
      { body: "$$.Execution.Id", refs: [{ kind: "$$", position: 2 }] },
      // "$$" is refused even where "$" would be fine.
      { body: "$states.input.items[$$.x]", refs: [{ kind: "$$", position: 22 }] },
      { body: "*", refs: [{ kind: "field", position: 1, name: "*" }] },
      { body: "**.x", refs: [{ kind: "field", position: 2, name: "**" }] },
      // Top level also means: function arguments, operands, constructors, conditions and blocks at the top.
      { body: "$count(items)", refs: [{ kind: "field", position: 12, name: "items" }] },
      { body: "price * 2", refs: [{ kind: "field", position: 5, name: "price" }] },
      { body: '{ "a": foo }', refs: [{ kind: "field", position: 10, name: "foo" }] },
      { body: "[foo, 1]", refs: [{ kind: "field", position: 4, name: "foo" }] },
      {
        body: "$states.input.x ? a : b",
        refs: [
          { kind: "field", position: 19, name: "a" },
          { kind: "field", position: 23, name: "b" },
        ],
      },
      { body: "($y := foo; $y)", refs: [{ kind: "field", position: 10, name: "foo" }] },
      { body: "-foo", refs: [{ kind: "field", position: 4, name: "foo" }] },
      { body: "foo ~> $string()", refs: [{ kind: "field", position: 3, name: "foo" }] },
      // A focus binding keeps its step's context for the next step: `b` is read from the top-level context too
      // (jsonata evaluates `a@$x.b` on {"a": 1, "b": 2} to 2).
      {
        body: "a@$x.b",
        refs: [
          { kind: "field", position: 1, name: "a" },
          { kind: "field", position: 6, name: "b" },
        ],
      },
    ];
  for (const c of flagged) {
    test(`flags ${c.body}`, () => {
      assert.deepEqual(analyze(c.body).contextReferences, c.refs);
    });
  }

  const allowed: Array<{ body: string; why: string }> = [
    { body: "$states.input.items[price > 10]", why: "a predicate is relative to the current item" },
    { body: "$states.input.items[$ > 10]", why: "`$` in a predicate is the current item" },
    { body: "$states.input.a.b.c", why: "steps after the first are relative" },
    { body: "$states.input.(a + b)", why: "a block used as a path step" },
    { body: '$states.input.{ "k": v }', why: "an object constructor used as a path step" },
    { body: "$states.input.items.($ * 2)", why: "`$` inside a later step" },
    { body: "$states.input.items^(>price)", why: "sort terms" },
    { body: "$states.input.items{ category: $sum(price) }", why: "a group-by" },
    { body: "$states.input.items[0].price", why: "an index predicate, then a step" },
    { body: "$map($states.input.items, function($v) { $v.x })", why: "a lambda parameter head" },
    {
      body: "$map($states.input.items, function($v) { price })",
      why: "a lambda body counts as nested (ASL-3.2 allows names nested inside an expression)",
    },
    { body: "$filter($states.input.items, function($v) { $.price > 1 })", why: "`$` inside a lambda body" },
    { body: '$states.input ~> | order | { "total": price * qty } |', why: "a transform is relative" },
    { body: "$xs[0].x", why: "a variable head" },
    { body: "$xs[name = 'a']", why: "a predicate on a variable" },
    { body: "$states.input.items@$o.($o.price)", why: "a focus-bound step" },
    { body: "1 + 2", why: "no context at all" },
  ];
  for (const c of allowed) {
    test(`allows ${c.body} — ${c.why}`, () => {
      assert.deepEqual(analyze(c.body).contextReferences, []);
    });
  }
});

describe("analysis output", () => {
  test("every list is sorted by position, lambda bodies included", () => {
    const body = "$f1($a, function($v) { $g1($b) }, $c)";
    assert.deepEqual(analyze(body).freeVariables, [
      { name: "f1", position: end(body, "$f1") },
      { name: "a", position: end(body, "$a") },
      { name: "g1", position: end(body, "$g1") },
      { name: "b", position: end(body, "$b") },
      { name: "c", position: end(body, "$c") },
    ]);
  });

  test("the AST is not modified, so a cached parse can be analysed again", () => {
    const parsed = parseJsonata("($x := 1; $x + $y)");
    assert.ok(parsed.ok);
    const before = JSON.stringify(parsed.ast);
    const first = analyzeJsonata(parsed.ast);
    assert.equal(JSON.stringify(parsed.ast), before);
    assert.deepEqual(analyzeJsonata(parsed.ast), first);
  });
});
