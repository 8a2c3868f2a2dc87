import { describe, test } from "node:test";
import assert from "node:assert/strict";
import type { Diagnostic, Position } from "../../src/diagnostics/types.js";
import { loadText } from "../../src/load/index.js";
import { toPointer } from "../../src/load/pointer.js";
import { MAX_ALIAS_NODES } from "../../src/load/yaml.js";

function textBetween(text: string, start: Position, end: Position): string {
  const lines = text.split("\n");
  const offset = (p: Position) => lines.slice(0, p.line - 1).reduce((n, l) => n + l.length + 1, 0) + p.column - 1;
  return text.slice(offset(start), offset(end));
}

function errorsOf(text: string): Diagnostic[] {
  const loaded = loadText(text, { format: "yaml" });
  assert.equal(loaded.value, undefined, "an error leaves no value");
  return loaded.diagnostics.filter((d) => d.severity === "error");
}

function onlyError(text: string): Diagnostic {
  const errors = errorsOf(text);
  assert.equal(errors.length, 1, JSON.stringify(errors));
  const [error] = errors;
  assert.ok(error);
  return error;
}

const MACHINE = `# a state machine
StartAt: First
States:
  First:
    Type: Parallel   # runs branches
    Branches:
      - StartAt: In
        States:
          In: {Type: Succeed}
    End: true

`;

describe("YAML locate()", () => {
  const loaded = loadText(MACHINE, { file: "m.asl.yaml" });

  test("loads with no diagnostics", () => {
    assert.deepEqual(loaded.diagnostics, []);
    assert.equal(loaded.format, "yaml");
    assert.deepEqual(loaded.value, {
      StartAt: "First",
      States: {
        First: {
          Type: "Parallel",
          Branches: [{ StartAt: "In", States: { In: { Type: "Succeed" } } }],
          End: true,
        },
      },
    });
  });

  test("the root starts at its first key and ends at its last value (no trailing blank lines)", () => {
    assert.deepEqual(loaded.locate(""), { start: { line: 2, column: 1 }, end: { line: 10, column: 14 } });
  });

  test("a member: key and value ranges", () => {
    const range = loaded.locate("/StartAt");
    assert.ok(range?.keyStart && range.keyEnd);
    assert.equal(textBetween(MACHINE, range.keyStart, range.keyEnd), "StartAt");
    assert.deepEqual(range.start, { line: 2, column: 10 });
    assert.equal(textBetween(MACHINE, range.start, range.end), "First");
  });

  test("a block mapping value starts on the line after its key; its end excludes trailing comments", () => {
    const range = loaded.locate("/States/First");
    assert.deepEqual(range?.keyStart, { line: 4, column: 3 });
    assert.deepEqual(range?.start, { line: 5, column: 5 });
    assert.deepEqual(range?.end, { line: 10, column: 14 });
    const type = loaded.locate("/States/First/Type");
    assert.ok(type);
    assert.equal(textBetween(MACHINE, type.start, type.end), "Parallel");
  });

  test("sequence items and flow mappings", () => {
    const item = loaded.locate("/States/First/Branches/0");
    assert.ok(item);
    assert.equal(item.keyStart, undefined);
    assert.deepEqual(item.start, { line: 7, column: 9 });
    const flow = loaded.locate("/States/First/Branches/0/States/In");
    assert.ok(flow);
    assert.equal(textBetween(MACHINE, flow.start, flow.end), "{Type: Succeed}");
    const inner = loaded.locate("/States/First/Branches/0/States/In/Type");
    assert.ok(inner);
    assert.equal(textBetween(MACHINE, inner.start, inner.end), "Succeed");
  });

  test("pointers that name no node give undefined", () => {
    for (const pointer of ["/Nope", "/States/First/Branches/1", "/States/First/Branches/00", "/StartAt/x", "x"]) {
      assert.equal(loaded.locate(pointer), undefined, pointer);
    }
  });

  test("keys containing / and ~, quoted or plain", () => {
    const text = "\"a/b\":\n  c~d: 1\n  'e/~': 2\n";
    const source = loadText(text);
    assert.deepEqual(source.value, { "a/b": { "c~d": 1, "e/~": 2 } });
    const cd = source.locate(toPointer(["a/b", "c~d"]));
    assert.ok(cd?.keyStart && cd.keyEnd);
    assert.equal(textBetween(text, cd.keyStart, cd.keyEnd), "c~d");
    const quoted = source.locate("/a~1b/e~1~0");
    assert.ok(quoted?.keyStart && quoted.keyEnd);
    assert.equal(textBetween(text, quoted.keyStart, quoted.keyEnd), "'e/~'");
  });

  test("columns count UTF-16 code units: an emoji key takes two columns", () => {
    const text = "States:\n  🎉: {Type: Pass}\n  x: 1\n";
    const source = loadText(text);
    const party = source.locate(toPointer(["States", "🎉"]));
    assert.deepEqual(party?.keyStart, { line: 2, column: 3 });
    assert.deepEqual(party?.keyEnd, { line: 2, column: 5 });
    assert.deepEqual(party?.start, { line: 2, column: 7 });
  });

  test("an alias is located where it is written; inside it, at the anchored original", () => {
    const text = "Retry: &retry\n  - ErrorEquals: [States.ALL]\nAgain: *retry\n";
    const source = loadText(text);
    assert.deepEqual(source.value, {
      Retry: [{ ErrorEquals: ["States.ALL"] }],
      Again: [{ ErrorEquals: ["States.ALL"] }],
    });
    const again = source.locate("/Again");
    assert.ok(again);
    assert.equal(textBetween(text, again.start, again.end), "*retry");
    const inside = source.locate("/Again/0/ErrorEquals/0");
    assert.deepEqual(inside?.start, { line: 2, column: 19 });
  });

  test("the loaded value never shares objects between an anchor and its aliases", () => {
    const source = loadText("a: &x {k: [1]}\nb: *x\n");
    const value = source.value as { a: { k: number[] }; b: { k: number[] } };
    assert.notEqual(value.a, value.b);
    assert.notEqual(value.a.k, value.b.k);
  });
});

describe("YAML data model: JSON values only (YAML 1.2 core schema)", () => {
  test("dates, yes/no/on/off stay strings; ~ and null are null; 0o and 0x are integers", () => {
    const source = loadText("a: 2024-01-01\nb: yes\nc: off\nd: ~\ne: null\nf: 0o17\ng: 0x1F\nh: 1.5\ni: 'true'\n");
    assert.deepEqual(source.diagnostics, []);
    assert.deepEqual(source.value, {
      a: "2024-01-01",
      b: "yes",
      c: "off",
      d: null,
      e: null,
      f: 15,
      g: 31,
      h: 1.5,
      i: "true",
    });
  });

  test("non-string scalar keys keep their written form", () => {
    const source = loadText("1.0: a\n200: b\ntrue: c\n~: d\n");
    assert.deepEqual(source.value, { "1.0": "a", "200": "b", true: "c", "~": "d" });
  });

  test("an explicit !!timestamp tag is not applied (warning), the value stays a string", () => {
    const source = loadText("Timestamp: !!timestamp 2024-01-01T00:00:00Z\n");
    assert.deepEqual(source.value, { Timestamp: "2024-01-01T00:00:00Z" });
    assert.equal(source.diagnostics.length, 1);
    assert.equal(source.diagnostics[0]?.severity, "warning");
    assert.equal(
      source.diagnostics[0]?.message,
      "Unknown YAML tag !!timestamp; the value is loaded as if it had no tag",
    );
  });

  test("an unknown local tag is a warning located at the tag", () => {
    const source = loadText("Resource: !Reff MyFunction\n");
    assert.deepEqual(source.value, { Resource: "MyFunction" });
    const [warning] = source.diagnostics;
    assert.equal(warning?.code, "ASL002");
    assert.equal(warning?.severity, "warning");
    assert.deepEqual(warning?.location.start, { line: 1, column: 11 });
  });

  test(".inf and .nan have no JSON form", () => {
    const d = onlyError("Seconds: .inf\n");
    assert.equal(d.code, "ASL002");
    assert.equal(d.message, "YAML value .inf is not a finite number; JSON has no Infinity or NaN");
    assert.equal(d.location.pointer, "/Seconds");
    assert.equal(onlyError("x: [.nan]\n").location.pointer, "/x/0");
  });

  test("a collection as a key is an error", () => {
    assert.equal(onlyError("? [a, b]\n: c\n").code, "ASL002");
  });

  test("merge keys are not special in YAML 1.2", () => {
    const source = loadText("base: &b {x: 1}\nderived:\n  <<: *b\n  y: 2\n");
    assert.deepEqual(source.value, { base: { x: 1 }, derived: { "<<": { x: 1 }, y: 2 } });
  });
});

describe("YAML syntax errors (ASL002)", () => {
  test("bad indentation", () => {
    const d = onlyError("StartAt: A\nStates:\n  A:\n    Type: Pass\n   End: true\n");
    assert.equal(d.code, "ASL002");
    assert.equal(d.severity, "error");
    assert.equal(d.message, "YAML syntax error: all mapping items must start at the same column");
    assert.deepEqual(d.location.start, { line: 5, column: 1 });
  });

  test("tab indentation", () => {
    const d = onlyError("StartAt: A\nStates:\n\tA:\n    Type: Pass\n");
    assert.equal(d.message, "YAML syntax error: tabs are not allowed as indentation");
    assert.deepEqual(d.location.start, { line: 3, column: 1 });
  });

  test("unterminated quoted string", () => {
    const d = onlyError("StartAt: A\nComment: 'oops\nStates: {}\n");
    assert.equal(d.message, "YAML syntax error: missing closing 'quote");
    assert.deepEqual(d.location.start, { line: 4, column: 1 });
  });

  test("a mapping on one line after a key", () => {
    const d = onlyError("Type: Next: B\n");
    assert.equal(d.message, "YAML syntax error: nested mappings are not allowed in compact mappings");
    assert.deepEqual(d.location.start, { line: 1, column: 7 });
  });

  test("only the first error is reported (later ones tend to be consequences)", () => {
    assert.equal(errorsOf("- a\nb: 1\n").length, 1);
  });

  test("a second document is an error at its marker", () => {
    const d = onlyError("StartAt: A\n---\nStartAt: B\n");
    assert.equal(d.message, "YAML syntax error: expected a single YAML document, found a second one");
    assert.deepEqual(d.location.start, { line: 2, column: 1 });
  });

  test("a document of comments only is empty (ASL001, like empty text)", () => {
    const d = onlyError("# nothing here\n");
    assert.equal(d.code, "ASL001");
    assert.equal(d.message, "The definition is empty (the YAML text holds only comments)");
  });

  test("aliases: unknown anchor, self-containing alias, exponential expansion", () => {
    assert.equal(onlyError("a: *nope\n").message, "YAML alias *nope has no anchor before it");
    const cycle = onlyError("a: &x [1, *x]\n");
    assert.equal(cycle.message, "YAML alias *x refers to a node that contains it");
    assert.equal(cycle.location.pointer, "/a/1");
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 8; i++)
      levels.push(`${"abcdefgh"[i]}: &${"abcdefgh"[i]} [${`*${"abcdefgh"[i - 1]}, `.repeat(9)}*${"abcdefgh"[i - 1]}]`);
    const bomb = onlyError(levels.join("\n") + "\n");
    assert.equal(bomb.message, `YAML aliases expand to more than ${MAX_ALIAS_NODES} nodes`);
  });
});

describe("YAML duplicate keys (ASL003)", () => {
  test("located at the second key, naming the line of the first", () => {
    const d = onlyError("States:\n  A:\n    Next: B\n    Type: Pass\n    Next: C\n");
    assert.equal(d.code, "ASL003");
    assert.equal(d.message, 'Duplicate key "Next" in object (the first one is at line 3)');
    assert.equal(d.location.pointer, "/States/A/Next");
    assert.equal(d.location.key, true);
    assert.deepEqual(d.location.start, { line: 5, column: 5 });
    assert.deepEqual(d.location.end, { line: 5, column: 9 });
  });

  test("keys that differ in YAML but not in JSON collide", () => {
    const d = onlyError("1: a\n'1': b\n");
    assert.equal(d.message, 'Duplicate key "1" in object (the first one is at line 1)');
  });
});
