import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { found, LAMBDA, machine } from "../support/validate.js";

/**
 * ASL501–ASL504 (src/validate/rules/variables.ts, src/validate/variables.ts): workflow variable names, scopes, and reads
 * of variables no path has assigned (ASL-3.1 step 5, ASL-3.2 steps 3–5, ASL-6.3, ASL-8).
 */

const CODES = new Set(["ASL501", "ASL502", "ASL503", "ASL504"]);
/** Only this rule's codes, sorted; ASL503/ASL504 are warnings, so look at everything down to info. */
const vars = (definition: unknown): string[] =>
  found(definition, {}, "info")
    .filter((d) => CODES.has(d.split(" ")[0] ?? ""))
    .sort();

const JSONATA = { QueryLanguage: "JSONata" } as const;
/** A JSONata machine starting at "S". */
const jm = (states: Record<string, unknown>): Record<string, unknown> => ({ StartAt: "S", QueryLanguage: "JSONata", States: states });
/** A JSONPath machine starting at "S". */
const pm = (states: Record<string, unknown>): Record<string, unknown> => ({ StartAt: "S", States: states });

const assign = (values: Record<string, unknown>, next?: string): Record<string, unknown> => ({ Type: "Pass", Assign: values, ...(next ? { Next: next } : { End: true }) });
const reads = (expr: string, next?: string): Record<string, unknown> => ({ Type: "Pass", Output: expr, ...(next ? { Next: next } : { End: true }) });
const scope = (states: Record<string, unknown>, startAt = Object.keys(states)[0] ?? ""): Record<string, unknown> => ({ StartAt: startAt, States: states });
const distributed = (states: Record<string, unknown>): Record<string, unknown> => ({ ...scope(states), ProcessorConfig: { Mode: "DISTRIBUTED", ExecutionType: "STANDARD" } });
const task = (extra: Record<string, unknown>): Record<string, unknown> => ({ Type: "Task", Resource: LAMBDA, ...extra });

describe("ASL501: variable names (ASL-8: identifiers, no . or [ sub-paths, at most 80 characters; $states is reserved)", () => {
  test("invalid names in a JSONata Assign, located at the key", () => {
    const bad = ["my-var", "1abc", "a.b", "a[0]", "a b", "", "states", "x$", "$x", "x".repeat(81), "x.$"];
    for (const name of bad) {
      assert.deepEqual(vars(jm({ S: assign({ [name]: 1 }) })), [`ASL501 /States/S/Assign/${name}`], JSON.stringify(name));
    }
  });

  test("in JSONPath the .$ suffix is not part of the name (ASL-8: a key x.$ holding a path)", () => {
    assert.deepEqual(vars(pm({ S: assign({ "x.$": "$.a" }) })), []);
    assert.deepEqual(vars(pm({ S: assign({ "my-var.$": "$.a" }) })), ["ASL501 /States/S/Assign/my-var.$"]);
    assert.deepEqual(vars(pm({ S: assign({ "a.b.$": "$.a" }) })), ["ASL501 /States/S/Assign/a.b.$"]);
    assert.deepEqual(vars(pm({ S: assign({ "states.$": "$.a" }) })), ["ASL501 /States/S/Assign/states.$"]);
    assert.deepEqual(vars(pm({ S: assign({ "bad name": 1 }) })), ["ASL501 /States/S/Assign/bad name"]);
  });

  test("checked in Choice rule and Catcher Assign, and in nested scopes", () => {
    const def = jm({
      S: { Type: "Choice", Assign: { "a-1": 1 }, Choices: [{ Condition: "{% true %}", Assign: { "b-2": 2 }, Next: "T" }], Default: "T" },
      T: task({ End: true, Catch: [{ ErrorEquals: ["States.ALL"], Assign: { "c-3": 3 }, Next: "P" }] }),
      P: { Type: "Parallel", End: true, Branches: [scope({ B: assign({ "d-4": 4 }) })] },
    });
    assert.deepEqual(vars(def), [
      "ASL501 /States/P/Branches/0/States/B/Assign/d-4",
      "ASL501 /States/S/Assign/a-1",
      "ASL501 /States/S/Choices/0/Assign/b-2",
      "ASL501 /States/T/Catch/0/Assign/c-3",
    ]);
  });

  test("not reported: letters, digits after the first character, underscores, Unicode letters, exactly 80 characters", () => {
    for (const name of ["x", "_x", "_", "camelCase", "snake_case_2", "café", "名前", "x".repeat(80)]) {
      assert.deepEqual(vars(jm({ S: assign({ [name]: 1 }) })), [], name);
    }
  });
});

describe("ASL502: inner scopes cannot assign variables of an enclosing scope (ASL-8: no assignment of outer names, no shadowing)", () => {
  test("a Parallel branch assigning a name the machine assigns before it", () => {
    const def = jm({
      S: assign({ x: 1 }, "P"),
      P: { Type: "Parallel", End: true, Branches: [scope({ B: assign({ x: 2 }) })] },
    });
    assert.deepEqual(vars(def), ["ASL502 /States/P/Branches/0/States/B/Assign/x"]);
  });

  test("the outer assignment may come after the Parallel: the names clash all the same", () => {
    const def = jm({
      S: { Type: "Parallel", Next: "A", Branches: [scope({ B: assign({ x: 2 }) })] },
      A: assign({ x: 1 }),
    });
    assert.deepEqual(vars(def), ["ASL502 /States/S/Branches/0/States/B/Assign/x"]);
  });

  test("a Map ItemProcessor and a legacy Iterator", () => {
    const def = jm({
      S: assign({ x: 1, y: 1 }, "M"),
      M: { Type: "Map", Next: "L", Items: [1], ItemProcessor: scope({ I: assign({ x: 2 }) }) },
      L: { Type: "Map", End: true, Items: [1], Iterator: scope({ J: assign({ y: 2 }) }) },
    });
    assert.deepEqual(vars(def), ["ASL502 /States/L/Iterator/States/J/Assign/y", "ASL502 /States/M/ItemProcessor/States/I/Assign/x"]);
  });

  test("the owner's own Assign and its Catcher's Assign belong to the enclosing scope (ASL-8: a Catch Assign on a Parallel/Map assigns in the outer scope)", () => {
    const def = jm({
      S: {
        Type: "Parallel",
        End: true,
        Assign: { own: 1 },
        Catch: [{ ErrorEquals: ["States.ALL"], Assign: { caught: "{% $states.errorOutput %}" }, Next: "H" }],
        Branches: [scope({ B: assign({ own: 2 }, "C"), C: assign({ caught: 3 }) })],
      },
      H: { Type: "Succeed" },
    });
    assert.deepEqual(vars(def), ["ASL502 /States/S/Branches/0/States/B/Assign/own", "ASL502 /States/S/Branches/0/States/C/Assign/caught"]);
  });

  test("Choice rule and Catcher Assign inside a branch are assignments of the branch", () => {
    const def = jm({
      S: assign({ x: 1, y: 1 }, "P"),
      P: {
        Type: "Parallel",
        End: true,
        Branches: [
          scope({
            C: { Type: "Choice", Choices: [{ Condition: "{% true %}", Assign: { x: 2 }, Next: "T" }], Default: "T" },
            T: task({ End: true, Catch: [{ ErrorEquals: ["States.ALL"], Assign: { y: 2 }, Next: "F" }] }),
            F: { Type: "Fail" },
          }),
        ],
      },
    });
    assert.deepEqual(vars(def), ["ASL502 /States/P/Branches/0/States/C/Choices/0/Assign/x", "ASL502 /States/P/Branches/0/States/T/Catch/0/Assign/y"]);
  });

  test("deep nesting: a Map inside a branch cannot assign a machine variable nor a branch variable", () => {
    const def = jm({
      S: assign({ top: 1 }, "P"),
      P: {
        Type: "Parallel",
        End: true,
        Branches: [scope({ B: assign({ mid: 1 }, "M"), M: { Type: "Map", End: true, Items: [1], ItemProcessor: scope({ I: assign({ top: 2, mid: 2, own: 2 }) }) } })],
      },
    });
    assert.deepEqual(vars(def), ["ASL502 /States/P/Branches/0/States/M/ItemProcessor/States/I/Assign/mid", "ASL502 /States/P/Branches/0/States/M/ItemProcessor/States/I/Assign/top"]);
  });

  test("JSONPath x.$ and JSONata x name the same variable", () => {
    const def = pm({
      S: assign({ "x.$": "$.a" }, "P"),
      P: { Type: "Parallel", End: true, Branches: [scope({ B: { ...assign({ x: 2 }), QueryLanguage: "JSONata" } })] },
    });
    assert.deepEqual(vars(def), ["ASL502 /States/P/Branches/0/States/B/Assign/x"]);
  });

  test("a Distributed Map processor cannot shadow an outer name either", () => {
    const def = jm({ S: assign({ x: 1 }, "M"), M: { Type: "Map", End: true, Items: [1], ItemProcessor: distributed({ I: assign({ x: 2 }) }) } });
    assert.deepEqual(vars(def), ["ASL502 /States/M/ItemProcessor/States/I/Assign/x"]);
  });

  test("not reported: sibling branches and sibling Maps are isolated, so they may reuse a name (ASL-8)", () => {
    const def = jm({
      S: { Type: "Parallel", Next: "M", Branches: [scope({ A: assign({ x: 1 }) }), scope({ B: assign({ x: 2 }) })] },
      M: { Type: "Map", Next: "N", Items: [1], ItemProcessor: scope({ I: assign({ y: 1 }) }) },
      N: { Type: "Map", End: true, Items: [1], ItemProcessor: scope({ J: assign({ y: 2, x: 3 }) }) },
    });
    assert.deepEqual(vars(def), []);
  });

  test("not reported: one scope assigning a name in several states", () => {
    assert.deepEqual(vars(jm({ S: assign({ x: 1 }, "T"), T: assign({ x: "{% $x + 1 %}" }) })), []);
  });
});

describe("ASL503: reading a variable that no path from StartAt has assigned (ASL-8)", () => {
  describe("straight-line flow", () => {
    test("a variable assigned nowhere, read in Output, Arguments, Assign, Condition and Items", () => {
      const def = jm({
        S: task({ Arguments: { a: "{% $a %}" }, Next: "P" }),
        P: { Type: "Pass", Output: "{% $b %}", Assign: { c: "{% $c0 %}" }, Next: "C" },
        C: { Type: "Choice", Choices: [{ Condition: "{% $d %}", Next: "M" }], Default: "M" },
        M: { Type: "Map", End: true, Items: "{% $e %}", ItemProcessor: scope({ I: { Type: "Pass", End: true } }) },
      });
      assert.deepEqual(vars(def), [
        "ASL503 /States/C/Choices/0/Condition",
        "ASL503 /States/M/Items",
        "ASL503 /States/P/Assign/c",
        "ASL503 /States/P/Output",
        "ASL503 /States/S/Arguments/a",
      ]);
    });

    test("is a warning, not an error: Step Functions accepts the definition (ASL-8 [obs: test_undefined_reference])", () => {
      const result = found(jm({ S: reads("{% $nope %}") }), {}, "error");
      assert.deepEqual(result, []);
      assert.deepEqual(found(jm({ S: reads("{% $nope %}") })), ["ASL503 /States/S/Output"]);
    });

    test("not reported: a variable assigned in one state and read in the next (ASL-8: visible from the next state on)", () => {
      assert.deepEqual(vars(jm({ S: assign({ x: 1 }, "T"), T: reads("{% $x %}") })), []);
      assert.deepEqual(vars(jm({ S: assign({ x: 1 }, "A"), A: { Type: "Wait", Seconds: 1, Next: "T" }, T: reads("{% $x %}") })), []);
    });

    test("a state's own Assign is not visible in its own Output, Assign or Condition (ASL-3.2 step 3: both see the values from before the state)", () => {
      assert.deepEqual(vars(jm({ S: { Type: "Pass", Assign: { x: 1 }, Output: "{% $x %}", End: true } })), ["ASL503 /States/S/Output"]);
      assert.deepEqual(vars(jm({ S: { Type: "Pass", Assign: { x: 1, y: "{% $x %}" }, End: true } })), ["ASL503 /States/S/Assign/y"]);
      const choice = jm({ S: { Type: "Choice", Assign: { x: 1 }, Choices: [{ Condition: "{% $x > 0 %}", Next: "D" }], Default: "D" }, D: { Type: "Succeed" } });
      assert.deepEqual(vars(choice), ["ASL503 /States/S/Choices/0/Condition"]);
    });

    test("the swap x := $y, y := $x works when both exist; in the first state both reads are of unassigned variables (ASL-8)", () => {
      const swap = { x: "{% $y %}", y: "{% $x %}" };
      assert.deepEqual(vars(jm({ S: assign({ x: 1, y: 2 }, "T"), T: assign(swap) })), []);
      assert.deepEqual(vars(jm({ S: assign(swap) })), ["ASL503 /States/S/Assign/x", "ASL503 /States/S/Assign/y"]);
    });

    test("a variable assigned only later on the path", () => {
      assert.deepEqual(vars(jm({ S: reads("{% $x %}", "T"), T: assign({ x: 1 }) })), ["ASL503 /States/S/Output"]);
    });
  });

  describe("branching and loops (a forward may-be-assigned flow)", () => {
    test("not reported: assigned on one of two paths that join", () => {
      const def = jm({
        S: { Type: "Choice", Choices: [{ Condition: "{% $states.input.a %}", Next: "A" }], Default: "J" },
        A: assign({ x: 1 }, "J"),
        J: reads("{% $x %}"),
      });
      assert.deepEqual(vars(def), []);
    });

    test("reported: assigned on a branch that does not lead to the reader", () => {
      const def = jm({
        S: { Type: "Choice", Choices: [{ Condition: "{% $states.input.a %}", Next: "A" }], Default: "B" },
        A: assign({ x: 1 }),
        B: reads("{% $x %}"),
      });
      assert.deepEqual(vars(def), ["ASL503 /States/B/Output"]);
    });

    test("not reported: a loop head reading what the loop body assigns (a later iteration sees it)", () => {
      const def = jm({
        S: { Type: "Pass", Next: "Check" },
        Check: { Type: "Choice", Choices: [{ Condition: "{% $n < 3 %}", Next: "Body" }], Default: "Done" },
        Body: assign({ n: "{% $n + 1 %}" }, "Check"),
        Done: { Type: "Succeed" },
      });
      assert.deepEqual(vars(def), []);
    });

    test("reported: assigned after the loop, which never comes back", () => {
      const def = jm({
        S: { Type: "Choice", Choices: [{ Condition: "{% $n < 3 %}", Next: "S" }], Default: "After" },
        After: assign({ n: 1 }),
      });
      assert.deepEqual(vars(def), ["ASL503 /States/S/Choices/0/Condition"]);
    });

    test("through a Catch transition: a variable assigned before the Task is visible in the handler", () => {
      const def = jm({
        S: assign({ x: 1 }, "T"),
        T: task({ End: true, Catch: [{ ErrorEquals: ["States.ALL"], Next: "H" }] }),
        H: reads("{% $x %}"),
      });
      assert.deepEqual(vars(def), []);
    });
  });

  describe("Choice rule Assign (ASL-3.2 step 4, ASL-6.3)", () => {
    test("not reported: the matching rule's Assign is visible in the rule's Next", () => {
      const def = jm({
        S: { Type: "Choice", Choices: [{ Condition: "{% true %}", Assign: { x: 1 }, Next: "T" }], Default: "D" },
        T: reads("{% $x %}"),
        D: { Type: "Succeed" },
      });
      assert.deepEqual(vars(def), []);
    });

    test("not reported: the state-level Assign is the one used on the Default path", () => {
      const def = jm({
        S: { Type: "Choice", Assign: { x: 1 }, Choices: [{ Condition: "{% false %}", Next: "T" }], Default: "D" },
        T: { Type: "Succeed" },
        D: reads("{% $x %}"),
      });
      assert.deepEqual(vars(def), []);
    });

    test("reported: a rule's Assign does not run on the Default path, so the Default target cannot see it", () => {
      // ASL-3.2 step 4: "If no rule matches, the state-level Assign/Output are used and Default is followed".
      const def = jm({
        S: { Type: "Choice", Choices: [{ Condition: "{% $states.input.ok %}", Assign: { x: 1 }, Next: "T" }], Default: "D" },
        T: { Type: "Succeed" },
        D: reads("{% $x %}"),
      });
      assert.deepEqual(vars(def), ["ASL503 /States/D/Output"]);
    });

    test("reported: one rule's Assign is not visible in another rule's Next", () => {
      const def = jm({
        S: {
          Type: "Choice",
          Choices: [
            { Condition: "{% $states.input.a %}", Assign: { x: 1 }, Next: "A" },
            { Condition: "{% $states.input.b %}", Next: "B" },
          ],
          Default: "A",
        },
        A: { Type: "Succeed" },
        B: reads("{% $x %}"),
      });
      assert.deepEqual(vars(def), ["ASL503 /States/B/Output"]);
    });

    test(
      "reported: when a rule matches, its Assign replaces the state-level one, so a rule's Next cannot see the state-level Assign",
      () => {
        const def = jm({
          S: { Type: "Choice", Assign: { x: 1 }, Choices: [{ Condition: "{% $states.input.ok %}", Next: "T" }], Default: "D" },
          T: reads("{% $x %}"),
          D: { Type: "Succeed" },
        });
        assert.deepEqual(vars(def), ["ASL503 /States/T/Output"]);
      },
    );
  });

  describe("Catcher Assign (ASL-3.2 step 5, ASL-8)", () => {
    test("not reported: the catcher's Assign is visible in the catcher's Next", () => {
      const def = jm({
        S: task({ End: true, Catch: [{ ErrorEquals: ["States.ALL"], Assign: { err: "{% $states.errorOutput %}" }, Next: "H" }] }),
        H: reads("{% $err.Error %}"),
      });
      assert.deepEqual(vars(def), []);
    });

    test("reported: the catcher's Assign does not run when the Task succeeds, so its Next cannot see it", () => {
      const def = jm({
        S: task({ Next: "T", Catch: [{ ErrorEquals: ["States.ALL"], Assign: { err: "{% $states.errorOutput %}" }, Next: "H" }] }),
        T: reads("{% $err %}"),
        H: { Type: "Fail" },
      });
      assert.deepEqual(vars(def), ["ASL503 /States/T/Output"]);
    });

    test("reported: the state-level Assign is not evaluated when a catcher handles the error, so the handler cannot see it", () => {
      // ASL-3.2 step 5: "the Catcher's own Assign/Output are evaluated …; the state-level Assign is **not**".
      const def = jm({
        S: task({ Next: "T", Assign: { x: "{% $states.result %}" }, Catch: [{ ErrorEquals: ["States.ALL"], Next: "H" }] }),
        T: { Type: "Succeed" },
        H: reads("{% $x %}"),
      });
      assert.deepEqual(vars(def), ["ASL503 /States/H/Output"]);
    });

    test("reported: one catcher's Assign is not visible in another catcher's Next", () => {
      const def = jm({
        S: task({
          End: true,
          Catch: [
            { ErrorEquals: ["A"], Assign: { a: 1 }, Next: "HA" },
            { ErrorEquals: ["States.ALL"], Next: "HB" },
          ],
        }),
        HA: { Type: "Succeed" },
        HB: reads("{% $a %}"),
      });
      assert.deepEqual(vars(def), ["ASL503 /States/HB/Output"]);
    });
  });

  describe("nested scopes inherit what may be assigned at the owner state's entry (ASL-8)", () => {
    test("not reported: a Parallel branch reading a variable assigned before the Parallel", () => {
      const def = jm({ S: assign({ x: 1 }, "P"), P: { Type: "Parallel", End: true, Branches: [scope({ B: reads("{% $x %}") }), scope({ C: reads("{% $x + 1 %}") })] } });
      assert.deepEqual(vars(def), []);
    });

    test("not reported: a Map iteration (ItemProcessor and legacy Iterator) reading a variable assigned before the Map", () => {
      const def = jm({
        S: assign({ x: 1 }, "M"),
        M: { Type: "Map", Next: "L", Items: [1, 2], ItemProcessor: scope({ I: reads("{% $x %}") }) },
        L: { Type: "Map", End: true, Items: [1, 2], Iterator: scope({ J: reads("{% $x %}") }) },
      });
      assert.deepEqual(vars(def), []);
    });

    test("not reported: two levels down (a Map inside a branch), and a branch variable read in the branch's later states", () => {
      const def = jm({
        S: assign({ top: 1 }, "P"),
        P: {
          Type: "Parallel",
          End: true,
          Branches: [scope({ B: assign({ mid: 1 }, "M"), M: { Type: "Map", End: true, Items: [1], ItemProcessor: scope({ I: reads("{% $top + $mid %}") }) } })],
        },
      });
      assert.deepEqual(vars(def), []);
    });

    test("reported: the owner's own Assign runs after its branches/iterations, so they cannot see it", () => {
      const parallel = jm({ S: { Type: "Parallel", End: true, Assign: { x: 1 }, Branches: [scope({ B: reads("{% $x %}") })] } });
      assert.deepEqual(vars(parallel), ["ASL503 /States/S/Branches/0/States/B/Output"]);
      const map = jm({ S: { Type: "Map", End: true, Items: [1], Assign: { x: 1 }, ItemProcessor: scope({ I: reads("{% $x %}") }) } });
      assert.deepEqual(vars(map), ["ASL503 /States/S/ItemProcessor/States/I/Output"]);
    });

    test("reported: a variable the outer scope assigns only after the Parallel", () => {
      const def = jm({ S: { Type: "Parallel", Next: "A", Branches: [scope({ B: reads("{% $x %}") })] }, A: assign({ x: 1 }) });
      assert.deepEqual(vars(def), ["ASL503 /States/S/Branches/0/States/B/Output"]);
    });

    test("reported: a sibling branch's variable, and a branch variable read after the Parallel (ASL-8: isolated, gone when the branch ends)", () => {
      const def = jm({
        S: { Type: "Parallel", Next: "After", Output: "{% $inner %}", Branches: [scope({ A: assign({ inner: 1 }) }), scope({ B: reads("{% $inner %}") })] },
        After: reads("{% $inner %}"),
      });
      assert.deepEqual(vars(def), ["ASL503 /States/After/Output", "ASL503 /States/S/Branches/1/States/B/Output", "ASL503 /States/S/Output"]);
    });

    test("reported: a variable assigned inside an iteration, read after the Map", () => {
      const def = jm({ S: { Type: "Map", Next: "After", Items: [1], ItemProcessor: scope({ I: assign({ inner: 1 }) }) }, After: reads("{% $inner %}") });
      assert.deepEqual(vars(def), ["ASL503 /States/After/Output"]);
    });

    test("not reported: the owner is reached by two paths and one of them assigns the variable", () => {
      const def = jm({
        S: { Type: "Choice", Choices: [{ Condition: "{% $states.input.a %}", Next: "A" }], Default: "P" },
        A: assign({ x: 1 }, "P"),
        P: { Type: "Parallel", End: true, Branches: [scope({ B: reads("{% $x %}") })] },
      });
      assert.deepEqual(vars(def), []);
    });

    test("not reported: a Map's JSONata ItemSelector and Items are evaluated in the enclosing scope", () => {
      const def = jm({
        S: assign({ list: [1], k: 1 }, "M"),
        M: { Type: "Map", End: true, Items: "{% $list %}", ItemSelector: { k: "{% $k %}", v: "{% $states.context.Map.Item.Value %}" }, ItemProcessor: scope({ I: { Type: "Pass", End: true } }) },
      });
      assert.deepEqual(vars(def), []);
    });
  });

  describe("JSONPath reads: $var paths in .$ values, intrinsic arguments and *Path fields (ASL-3.3, ASL-4, ASL-5)", () => {
    const jpReaders: Array<[string, Record<string, unknown>, Record<string, unknown>, string]> = [
      ["Parameters .$", { Type: "Pass", End: true, Parameters: { "a.$": "$x" } }, {}, "/States/S/Parameters/a.$"],
      ["nested Parameters .$", task({ End: true, Parameters: { outer: [{ "a.$": "$x.field[0]" }] } }), {}, "/States/S/Parameters/outer/0/a.$"],
      ["intrinsic argument", { Type: "Pass", End: true, Parameters: { "a.$": "States.Format('{}', $x)" } }, {}, "/States/S/Parameters/a.$"],
      ["nested intrinsic argument", { Type: "Pass", End: true, Parameters: { "a.$": "States.Array(States.JsonToString($x))" } }, {}, "/States/S/Parameters/a.$"],
      ["ResultSelector .$", task({ End: true, ResultSelector: { "a.$": "$x" } }), {}, "/States/S/ResultSelector/a.$"],
      ["Assign .$", { Type: "Pass", End: true, Assign: { "y.$": "$x" } }, {}, "/States/S/Assign/y.$"],
      ["InputPath", { Type: "Pass", End: true, InputPath: "$x" }, {}, "/States/S/InputPath"],
      ["ItemsPath", { Type: "Map", End: true, ItemsPath: "$x", ItemProcessor: scope({ I: { Type: "Pass", End: true } }) }, {}, "/States/S/ItemsPath"],
      ["Map ItemSelector .$", { Type: "Map", End: true, ItemSelector: { "a.$": "$x" }, ItemProcessor: scope({ I: { Type: "Pass", End: true } }) }, {}, "/States/S/ItemSelector/a.$"],
      ["SecondsPath", { Type: "Wait", End: true, SecondsPath: "$x" }, {}, "/States/S/SecondsPath"],
      ["TimeoutSecondsPath", task({ End: true, TimeoutSecondsPath: "$x" }), {}, "/States/S/TimeoutSecondsPath"],
      ["Fail ErrorPath", { Type: "Fail", ErrorPath: "$x" }, {}, "/States/S/ErrorPath"],
      ["Fail CausePath intrinsic", { Type: "Fail", CausePath: "States.Format('{}', $x)" }, {}, "/States/S/CausePath"],
      ["Choice Variable", { Type: "Choice", Choices: [{ Variable: "$x", IsPresent: true, Next: "D" }], Default: "D" }, { D: { Type: "Succeed" } }, "/States/S/Choices/0/Variable"],
      ["Choice …Path operand", { Type: "Choice", Choices: [{ Variable: "$.a", NumericEqualsPath: "$x", Next: "D" }], Default: "D" }, { D: { Type: "Succeed" } }, "/States/S/Choices/0/NumericEqualsPath"],
      ["Choice Variable under And", { Type: "Choice", Choices: [{ And: [{ Variable: "$x", IsNull: false }], Next: "D" }], Default: "D" }, { D: { Type: "Succeed" } }, "/States/S/Choices/0/And/0/Variable"],
      ["Choice rule Assign .$", { Type: "Choice", Choices: [{ Variable: "$.a", IsPresent: true, Assign: { "y.$": "$x" }, Next: "D" }], Default: "D" }, { D: { Type: "Succeed" } }, "/States/S/Choices/0/Assign/y.$"],
      ["Catcher Assign .$", task({ End: true, Catch: [{ ErrorEquals: ["States.ALL"], Assign: { "e.$": "$x" }, Next: "D" }] }), { D: { Type: "Succeed" } }, "/States/S/Catch/0/Assign/e.$"],
    ];

    for (const [label, state, extra, pointer] of jpReaders) {
      test(`${label}: reported when unassigned, not when assigned in an earlier state`, () => {
        assert.deepEqual(vars(pm({ S: state, ...extra })), [`ASL503 ${pointer}`]);
        const before = pm({ Init: assign({ x: 1 }, "S"), S: state, ...extra });
        assert.deepEqual(vars({ ...before, StartAt: "Init" }), []);
      });
    }

    test("not reported: literals are not reads (Pass Result, keys without .$, {% %} in JSONPath, $$ and $ roots)", () => {
      const def = pm({
        S: {
          Type: "Pass",
          Result: { "a.$": "$x", b: "{% $y %}" },
          Next: "T",
        },
        T: {
          Type: "Pass",
          Parameters: { literal: "$x", jsonata: "{% $y %}", "ctx.$": "$$.Execution.Id", "in.$": "$.z", "fmt.$": "States.Format('$x {}', $.a)" },
          ResultPath: "$.r",
          End: true,
        },
      });
      assert.deepEqual(vars(def), []);
    });

    test("the JSONPath swap x.$ := $y, y.$ := $x (ASL-8)", () => {
      const swap = { "x.$": "$y", "y.$": "$x" };
      assert.deepEqual(vars(pm({ S: assign({ x: 1, y: 2 }, "T"), T: assign(swap) })), []);
      assert.deepEqual(vars(pm({ S: assign(swap) })), ["ASL503 /States/S/Assign/x.$", "ASL503 /States/S/Assign/y.$"]);
    });

    test("not reported: payload keys that merely look like path fields are copied literally (ASL-3.3: only key.$ is evaluated)", () => {
      const def = pm({
        S: task({
          End: true,
          Parameters: { Variable: "$notRead", OutputPath: "$notRead2", Payload: { S3KeyPath: "$notRead3", list: [{ Variable: "$notRead4" }] } },
          ResultSelector: { ErrorPath: "$notRead5" },
        }),
      });
      assert.deepEqual(vars(def), []);
    });

    test("a JSONata state reading a variable a JSONPath state assigned (one variable space, ASL-8)", () => {
      const def = pm({ S: assign({ "x.$": "$.a" }, "T"), T: { ...reads("{% $x %}"), QueryLanguage: "JSONata" } });
      assert.deepEqual(vars(def), []);
    });
  });

  describe("JSONata expressions: what is not a workflow variable (ASL-3.2)", () => {
    test("not reported: $states, built-ins, Step Functions functions, local bindings, lambda parameters, focus and index bindings", () => {
      const exprs = [
        "{% $states.input.a %}",
        "{% $states.context.Execution.Id %}",
        "{% $count($states.input.xs) %}",
        "{% $uuid() & $string($random()) & $string($now()) %}",
        "{% $partition($states.input.xs, 2) %}",
        "{% $parse('{}') %}",
        "{% ($y := 1; $y + 1) %}",
        "{% $map($states.input.xs, function($v, $i) { $v * $i }) %}",
        "{% $states.input.xs#$i.{ 'i': $i } %}",
        "{% $states.input.orders@$o.items.{ 'order': $o.id } %}",
        "{% $reduce($states.input.xs, function($acc, $v) { $acc + $v }, 0) %}",
      ];
      for (const expr of exprs) assert.deepEqual(vars(jm({ S: reads(expr) })), [], expr);
    });

    test("not reported: strings without {% %} are literals, even \"$x\" (ASL-3.2 [obs])", () => {
      assert.deepEqual(vars(jm({ S: { Type: "Pass", Output: { a: "$x", b: "$x.y" }, End: true } })), []);
    });

    test("reported: a free variable inside a larger expression, a lambda body and a predicate", () => {
      assert.deepEqual(vars(jm({ S: reads("{% $states.input.a + $limit %}") })), ["ASL503 /States/S/Output"]);
      assert.deepEqual(vars(jm({ S: reads("{% $map($states.input.xs, function($v) { $v * $factor }) %}") })), ["ASL503 /States/S/Output"]);
      assert.deepEqual(vars(jm({ S: reads("{% $states.input.items[price > $floorPrice] %}") })), ["ASL503 /States/S/Output"]);
    });
  });
});

describe("ASL504: Distributed Map processors cannot read outer variables (ASL-8)", () => {
  test("a variable assigned before the Map, read in the processor", () => {
    const def = jm({ S: assign({ x: 1 }, "M"), M: { Type: "Map", End: true, Items: [1], ItemProcessor: distributed({ I: reads("{% $x %}") }) } });
    assert.deepEqual(vars(def), ["ASL504 /States/M/ItemProcessor/States/I/Output"]);
  });

  test("in JSONPath: a $var path in an ItemProcessor Parameters", () => {
    const def = pm({
      S: assign({ "x.$": "$.a" }, "M"),
      M: { Type: "Map", End: true, ItemProcessor: distributed({ I: { Type: "Pass", Parameters: { "v.$": "$x" }, End: true } }) },
    });
    assert.deepEqual(vars(def), ["ASL504 /States/M/ItemProcessor/States/I/Parameters/v.$"]);
  });

  test("a variable of an enclosing Parallel branch", () => {
    const def = jm({
      S: {
        Type: "Parallel",
        End: true,
        Branches: [scope({ B: assign({ b: 1 }, "M"), M: { Type: "Map", End: true, Items: [1], ItemProcessor: distributed({ I: reads("{% $b %}") }) } })],
      },
    });
    assert.deepEqual(vars(def), ["ASL504 /States/S/Branches/0/States/M/ItemProcessor/States/I/Output"]);
  });

  test("a variable never assigned anywhere is ASL503, not ASL504", () => {
    const def = jm({ S: { Type: "Map", End: true, Items: [1], ItemProcessor: distributed({ I: reads("{% $nowhere %}") }) } });
    assert.deepEqual(vars(def), ["ASL503 /States/S/ItemProcessor/States/I/Output"]);
  });

  test(
    "an inline Map nested in a Distributed processor runs inside the child execution too: reading a machine variable there is ASL504",
    () => {
      const def = jm({
        S: assign({ x: 1 }, "M"),
        M: {
          Type: "Map",
          End: true,
          Items: [1],
          ItemProcessor: distributed({ N: { Type: "Map", End: true, Items: [1], ItemProcessor: scope({ I: reads("{% $x %}") }) } }),
        },
      });
      assert.deepEqual(vars(def), ["ASL504 /States/M/ItemProcessor/States/N/ItemProcessor/States/I/Output"]);
    },
  );

  test("not reported: the processor's own variables, inline Maps, and the Map's ItemSelector (evaluated in the parent, the documented way in)", () => {
    const def = jm({
      S: assign({ x: 1 }, "M"),
      M: {
        Type: "Map",
        Next: "N",
        Items: [1],
        ItemSelector: { x: "{% $x %}", item: "{% $states.context.Map.Item.Value %}" },
        ItemProcessor: distributed({ A: assign({ own: "{% $states.input.x %}" }, "B"), B: reads("{% $own %}") }),
      },
      N: { Type: "Map", End: true, Items: [1], ItemProcessor: scope({ I: reads("{% $x %}") }) },
    });
    assert.deepEqual(vars(def), []);
  });
});

describe("mixed machines", () => {
  test("a JSONPath machine with JSONata states in nested scopes", () => {
    const def = {
      StartAt: "S",
      States: {
        S: assign({ "x.$": "$.a" }, "P"),
        P: {
          Type: "Parallel",
          End: true,
          Branches: [scope({ B: { Type: "Pass", QueryLanguage: "JSONata", Assign: { y: "{% $x %}" }, Next: "C" }, C: { Type: "Pass", Parameters: { "v.$": "$y", "w.$": "$z" }, End: true } })],
        },
      },
    };
    assert.deepEqual(vars(def), ["ASL503 /States/P/Branches/0/States/C/Parameters/w.$"]);
  });

  test("JSONata machine helper sanity: the machine-level QueryLanguage applies to every state", () => {
    assert.deepEqual(vars(machine(reads("{% $nope %}"), {}, JSONATA)), ["ASL503 /States/S/Output"]);
  });
});
