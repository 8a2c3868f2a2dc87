import { describe, test } from "node:test";
import assert from "node:assert/strict";
import type { Position } from "../../src/diagnostics/types.js";
import { CFN_TAG_NAMES, isCfnTag, longFormKey } from "../../src/load/cfn-tags.js";
import { loadText } from "../../src/load/index.js";

function textBetween(text: string, start: Position, end: Position): string {
  const lines = text.split("\n");
  const offset = (p: Position) => lines.slice(0, p.line - 1).reduce((n, l) => n + l.length + 1, 0) + p.column - 1;
  return text.slice(offset(start), offset(end));
}

function load(text: string): unknown {
  const loaded = loadText(text, { format: "yaml" });
  assert.deepEqual(loaded.diagnostics, []);
  return loaded.value;
}

// CloudFormation short forms (AWS CloudFormation User Guide, "Intrinsic function reference"): `!Ref` and
// `!Condition` keep their name as the key; every other function is `Fn::<Name>`.
describe("CloudFormation short-form tags load as the long form", () => {
  test("!Ref and !Condition", () => {
    assert.deepEqual(load("Resource: !Ref MyFunction\nWhen: !Condition IsProd\n"), {
      Resource: { Ref: "MyFunction" },
      When: { Condition: "IsProd" },
    });
  });

  test("!GetAtt on a scalar splits on the first dot only; on a sequence the list is kept", () => {
    assert.deepEqual(load("a: !GetAtt Fn.Arn\nb: !GetAtt a.b.c\nc: !GetAtt [Fn, Arn]\nd: !GetAtt NoDot\n"), {
      a: { "Fn::GetAtt": ["Fn", "Arn"] },
      b: { "Fn::GetAtt": ["a", "b.c"] },
      c: { "Fn::GetAtt": ["Fn", "Arn"] },
      d: { "Fn::GetAtt": ["NoDot"] },
    });
  });

  test("!Sub with a string and with a list (string plus variable map)", () => {
    const text = [
      "a: !Sub arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:f",
      "b: !Sub",
      "  - '${Fn}:live'",
      "  - Fn: !GetAtt Worker.Arn",
      "",
    ].join("\n");
    assert.deepEqual(load(text), {
      a: { "Fn::Sub": "arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:f" },
      b: { "Fn::Sub": ["${Fn}:live", { Fn: { "Fn::GetAtt": ["Worker", "Arn"] } }] },
    });
  });

  test("every other function becomes Fn::<Name>, on scalars, sequences and mappings", () => {
    const text = [
      "join: !Join [':', [a, b]]",
      "select: !Select [0, !GetAZs '']",
      "split: !Split [',', 'a,b']",
      "if: !If [IsProd, !Ref A, !Ref AWS::NoValue]",
      "equals: !Equals [a, b]",
      "and: !And [!Condition A, !Condition B]",
      "or: !Or [!Condition A, !Condition B]",
      "not: !Not [!Condition A]",
      "map: !FindInMap [M, k1, k2]",
      "b64: !Base64 text",
      "cidr: !Cidr [10.0.0.0/16, 4, 8]",
      "import: !ImportValue SharedArn",
      "azs: !GetAZs us-east-1",
      "transform: !Transform {Name: AWS::Include, Parameters: {Location: s3://b/k}}",
      "",
    ].join("\n");
    assert.deepEqual(load(text), {
      join: { "Fn::Join": [":", ["a", "b"]] },
      select: { "Fn::Select": [0, { "Fn::GetAZs": "" }] },
      split: { "Fn::Split": [",", "a,b"] },
      if: { "Fn::If": ["IsProd", { Ref: "A" }, { Ref: "AWS::NoValue" }] },
      equals: { "Fn::Equals": ["a", "b"] },
      and: { "Fn::And": [{ Condition: "A" }, { Condition: "B" }] },
      or: { "Fn::Or": [{ Condition: "A" }, { Condition: "B" }] },
      not: { "Fn::Not": [{ Condition: "A" }] },
      map: { "Fn::FindInMap": ["M", "k1", "k2"] },
      b64: { "Fn::Base64": "text" },
      cidr: { "Fn::Cidr": ["10.0.0.0/16", 4, 8] },
      import: { "Fn::ImportValue": "SharedArn" },
      azs: { "Fn::GetAZs": "us-east-1" },
      transform: { "Fn::Transform": { Name: "AWS::Include", Parameters: { Location: "s3://b/k" } } },
    });
  });

  test("a tagged scalar is always a string, whatever it looks like", () => {
    assert.deepEqual(load("a: !Ref 123\nb: !Base64 true\n"), { a: { Ref: "123" }, b: { "Fn::Base64": "true" } });
  });

  test("the tag list covers the 18 short forms", () => {
    assert.equal(CFN_TAG_NAMES.length, 18);
    assert.ok(isCfnTag("!GetAZs"));
    assert.ok(!isCfnTag("!Foo") && !isCfnTag("Ref") && !isCfnTag(undefined));
    assert.equal(longFormKey("Ref"), "Ref");
    assert.equal(longFormKey("ImportValue"), "Fn::ImportValue");
  });
});

describe("locating inside CloudFormation tags", () => {
  const text = ["Resource: !GetAtt Worker.Arn", "Arn: &arn !Sub", "  - '${Fn}:live'", "  - Fn: !Ref Worker", ""].join(
    "\n",
  );
  const loaded = loadText(text);

  test("the value of a tagged scalar includes the tag; its long-form key is the tag", () => {
    const value = loaded.locate("/Resource");
    assert.ok(value);
    assert.equal(textBetween(text, value.start, value.end), "!GetAtt Worker.Arn");
    const inner = loaded.locate("/Resource/Fn::GetAtt");
    assert.ok(inner?.keyStart && inner.keyEnd);
    assert.equal(textBetween(text, inner.keyStart, inner.keyEnd), "!GetAtt");
    assert.equal(textBetween(text, inner.start, inner.end), "Worker.Arn");
    const part = loaded.locate("/Resource/Fn::GetAtt/1");
    assert.ok(part);
    assert.equal(textBetween(text, part.start, part.end), "Worker.Arn");
    assert.equal(loaded.locate("/Resource/Fn::GetAtt/2"), undefined);
    assert.equal(loaded.locate("/Resource/Ref"), undefined);
  });

  test("a tagged block sequence (tag after an anchor, items on later lines)", () => {
    const inner = loaded.locate("/Arn/Fn::Sub");
    assert.ok(inner?.keyStart && inner.keyEnd);
    assert.equal(textBetween(text, inner.keyStart, inner.keyEnd), "!Sub");
    assert.deepEqual(inner.start, { line: 3, column: 3 });
    const ref = loaded.locate("/Arn/Fn::Sub/1/Fn/Ref");
    assert.ok(ref);
    assert.equal(textBetween(text, ref.start, ref.end), "Worker");
  });
});
