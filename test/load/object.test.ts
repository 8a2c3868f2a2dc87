import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { loadObject } from "../../src/load/index.js";

function rejected(value: unknown): { pointer: string; message: string } {
  const loaded = loadObject(value);
  assert.equal(loaded.value, undefined);
  assert.equal(loaded.diagnostics.length, 1);
  const [d] = loaded.diagnostics;
  assert.equal(d?.code, "ASL004");
  assert.equal(d?.severity, "error");
  return { pointer: d?.location.pointer ?? "?", message: d?.message ?? "" };
}

describe("loadObject", () => {
  const machine = {
    StartAt: "A",
    States: { A: { Type: "Pass", Result: { list: [1, "two", true, null, { deep: [] }] }, End: true } },
  };

  test("returns an equal, deep-copied value; the caller's object is neither shared nor mutated", () => {
    const before = structuredClone(machine);
    const loaded = loadObject(machine);
    assert.deepEqual(loaded.diagnostics, []);
    assert.deepEqual(loaded.value, machine);
    const value = loaded.value as typeof machine;
    assert.notEqual(value, machine);
    assert.notEqual(value.States.A.Result.list, machine.States.A.Result.list);
    value.States.A.Type = "Changed";
    assert.deepEqual(machine, before);
  });

  test("format is object, there is no text and locate() knows nothing", () => {
    const loaded = loadObject(machine, { file: "api" });
    assert.equal(loaded.format, "object");
    assert.equal(loaded.file, "api");
    assert.equal(loaded.text, undefined);
    assert.equal(loaded.locate(""), undefined);
    assert.equal(loaded.locate("/States/A"), undefined);
    assert.equal(loadObject({}).file, undefined);
  });

  test("shared (non-cyclic) sub-objects are fine and are copied separately", () => {
    const retry = [{ ErrorEquals: ["States.ALL"] }];
    const loaded = loadObject({ A: { Retry: retry }, B: { Retry: retry } });
    const value = loaded.value as { A: { Retry: unknown }; B: { Retry: unknown } };
    assert.deepEqual(value.A.Retry, retry);
    assert.notEqual(value.A.Retry, value.B.Retry);
  });

  test("object members that are undefined are dropped, as JSON.stringify does", () => {
    assert.deepEqual(loadObject({ a: 1, b: undefined }).value, { a: 1 });
  });

  test("null-prototype objects and a __proto__ own property are plain JSON", () => {
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { a: 1 });
    assert.deepEqual(loadObject(bare).value, { a: 1 });
    const proto = JSON.parse('{"__proto__": {"x": 1}}') as unknown;
    const loaded = loadObject(proto);
    assert.deepEqual(loaded.value, proto);
    assert.equal(Object.getPrototypeOf(loaded.value), Object.prototype);
  });

  test("non-JSON values are ASL004 errors at the pointer of the first one", () => {
    const cases: Array<[unknown, string, RegExp]> = [
      [{ States: { A: { Next: () => "B" } } }, "/States/A/Next", /a function/],
      [{ list: [1, undefined] }, "/list/1", /undefined/],
      [{ list: [1, , 3] }, "/list/1", /an array hole/],
      [{ s: Symbol("x") }, "/s", /a symbol/],
      [{ n: 10n }, "/n", /a bigint/],
      [{ n: Number.NaN }, "/n", /the number NaN/],
      [{ n: -Infinity }, "/n", /the number -Infinity/],
      [{ when: new Date(0) }, "/when", /an instance of Date/],
      [{ m: new Map() }, "/m", /an instance of Map/],
      [{ "a/b": { "c~d": [new (class Step {})()] } }, "/a~1b/c~0d/0", /an instance of Step/],
      [undefined, "", /undefined at the root/],
    ];
    for (const [value, pointer, message] of cases) {
      const found = rejected(value);
      assert.equal(found.pointer, pointer, String(message));
      assert.match(found.message, message);
    }
  });

  test("the first offending node in document order is reported", () => {
    assert.equal(rejected({ a: [1, { b: Number.NaN }], c: () => 0 }).pointer, "/a/1/b");
  });

  test("cycles are reported where the object refers back to an ancestor", () => {
    const state: Record<string, unknown> = { Type: "Pass" };
    const root = { States: { A: state } };
    state.Self = root;
    const found = rejected(root);
    assert.equal(found.pointer, "/States/A/Self");
    assert.match(found.message, /a cycle/);
  });

  test("a getter that throws is reported, not thrown", () => {
    const found = rejected({
      get Broken(): never {
        throw new Error("boom");
      },
    });
    assert.match(found.message, /cannot be read \(boom\)/);
    assert.equal(found.pointer, "/Broken");
  });
});
