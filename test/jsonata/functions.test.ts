import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import jsonata from "jsonata";
import {
  AWS_ADDED_FUNCTIONS,
  AWS_UNSUPPORTED_FUNCTIONS,
  JSONATA_BUILTIN_FUNCTIONS,
  isAwsUnsupportedFunction,
  isBuiltinFunction,
} from "../../src/jsonata/functions.js";

const jsonataSource = readFileSync(createRequire(import.meta.url).resolve("jsonata"), "utf8");

/** Names bound with `<frame>.bind('name', …)` in jsonata.js. */
function boundNames(frame: string): string[] {
  const pattern = new RegExp(`${frame}\\.bind\\('([A-Za-z0-9_]+)'`, "g");
  return [...jsonataSource.matchAll(pattern)].map((m) => m[1]!);
}

describe("JSONata 2.0.6 built-ins", () => {
  test("the list is exactly what jsonata.js binds: its static frame plus $now and $millis", () => {
    const fromSource = [...boundNames("staticFrame"), ...boundNames("environment")];
    assert.ok(fromSource.includes("sum") && fromSource.includes("now"), "the source scan found the bindings");
    assert.deepEqual([...JSONATA_BUILTIN_FUNCTIONS].sort(), [...new Set(fromSource)].sort());
  });

  test("every listed name evaluates to a function in jsonata", async () => {
    for (const name of JSONATA_BUILTIN_FUNCTIONS) {
      assert.equal(await jsonata(`$type($${name})`).evaluate({}), "function", name);
    }
  });

  test("the Step Functions additions other than $random are not stock JSONata", async () => {
    for (const name of AWS_ADDED_FUNCTIONS.filter((n) => n !== "random")) {
      assert.equal(await jsonata(`$type($${name})`).evaluate({}), undefined, name);
    }
  });
});

describe("isBuiltinFunction / isAwsUnsupportedFunction (ASL-3.2)", () => {
  const cases: Array<{ name: string; builtin: boolean; unsupported: boolean }> = [
    { name: "$sum", builtin: true, unsupported: false },
    { name: "sum", builtin: true, unsupported: false },
    { name: "$count", builtin: true, unsupported: false },
    { name: "$map", builtin: true, unsupported: false },
    { name: "$string", builtin: true, unsupported: false },
    { name: "$now", builtin: true, unsupported: false },
    { name: "$millis", builtin: true, unsupported: false },
    // Step Functions additions.
    { name: "$partition", builtin: true, unsupported: false },
    { name: "$range", builtin: true, unsupported: false },
    { name: "$hash", builtin: true, unsupported: false },
    { name: "$random", builtin: true, unsupported: false },
    { name: "$uuid", builtin: true, unsupported: false },
    { name: "$parse", builtin: true, unsupported: false },
    // A JSONata built-in AWS does not provide.
    { name: "$eval", builtin: true, unsupported: true },
    { name: "eval", builtin: true, unsupported: true },
    // Not functions.
    { name: "$states", builtin: false, unsupported: false },
    { name: "$myVariable", builtin: false, unsupported: false },
    { name: "$$sum", builtin: false, unsupported: false },
    { name: "$", builtin: false, unsupported: false },
    { name: "$Sum", builtin: false, unsupported: false },
  ];
  for (const c of cases) {
    test(c.name, () => {
      assert.equal(isBuiltinFunction(c.name), c.builtin);
      assert.equal(isAwsUnsupportedFunction(c.name), c.unsupported);
    });
  }

  test("$eval is the only unsupported built-in", () => {
    assert.deepEqual(AWS_UNSUPPORTED_FUNCTIONS, ["eval"]);
  });
});
