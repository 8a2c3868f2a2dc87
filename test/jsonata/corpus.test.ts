import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  collectExpressions,
  expressionBody,
  isJsonataString,
  looksLikeBrokenJsonata,
  parseJsonata,
} from "../../src/jsonata/expression.js";
import { analyzeJsonata } from "../../src/jsonata/analyze.js";

const SHARED = fileURLToPath(new URL("../../../shared/", import.meta.url));
const VALID = join(SHARED, "corpus/valid");
const INVALID_ASL_VALIDATOR = join(SHARED, "corpus/invalid/asl-validator");
const CONFORMANCE = join(SHARED, "conformance/localstack-aws-recorded.jsonl");

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return jsonFiles(path);
    return entry.name.endsWith(".json") ? [path] : [];
  });
}

interface Sample {
  source: string;
  pointer: string;
  text: string;
}

function samplesOf(source: string, definition: unknown): Sample[] {
  return collectExpressions(definition, "").map((found) => ({ source, ...found }));
}

describe("every JSONata expression of the valid corpus parses and analyses", () => {
  const samples: Sample[] = [];
  for (const file of jsonFiles(VALID)) {
    samples.push(...samplesOf(file, JSON.parse(readFileSync(file, "utf8")) as unknown));
  }
  const lines = readFileSync(CONFORMANCE, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "");
  for (const line of lines) {
    const testCase = JSON.parse(line) as { id: string; category: string; definition: unknown };
    if (testCase.category === "invalid-definition") continue;
    samples.push(...samplesOf(testCase.id, testCase.definition));
  }

  test("the sweep is not vacuous", () => {
    // 393 expressions at the time of writing: corpus/valid/**/*.json and the conformance definitions.
    assert.ok(samples.length > 300, `only ${samples.length} expressions found`);
  });

  test("each one parses, and the analysis runs on it", () => {
    const failures: string[] = [];
    for (const sample of samples) {
      const parsed = parseJsonata(expressionBody(sample.text));
      if (parsed.ok) analyzeJsonata(parsed.ast);
      else failures.push(`${sample.source} ${sample.pointer} ${sample.text}: ${parsed.message}`);
    }
    assert.deepEqual(failures, []);
  });
});

describe("the asl-validator JSONata-syntax fixtures of the invalid corpus", () => {
  /** How our functions treat the `Output` of each fixture (all hold one Pass state named X). */
  type Outcome = "parse-error" | "broken-delimiters" | "accepted";
  const expected: Record<string, Outcome> = {
    "invalid-jsonata-syntax-arithmetic.json": "parse-error", // {% 10 + * 2 %}
    "invalid-jsonata-syntax-jsonpath-in-jsonata-surround.json": "parse-error", // {% $.store.book[?(@.price < 10)].title %}
    "invalid-jsonata-syntax-mismatched-parens.json": "parse-error", // {% $sum($states.input.items.numbers %}
    "invalid-jsonata-surround-syntax-no-close.json": "broken-delimiters", // {% 10 %
    "invalid-jsonata-surround-syntax-no-open.json": "broken-delimiters", // 10 %}
    // Deliberately accepted. asl-validator's pattern ^\{% .+ %\}$ requires one space after `{%` and before `%}` and
    // no newline; ASL-3.2 only says the string "starts with {% and ends with %}" (no whitespace OUTSIDE them), which
    // AWS's own language service implements as ^{%(.*)%}$. "{%10%}" and "{% \n10         %}" are expressions whose
    // bodies ("10", " \n10         ") parse, so they are valid for us.
    "invalid-jsonata-surround-syntax-no-spaces.json": "accepted", // {%10%}
    "invalid-json-surround-syntax-extra-spaces.json": "accepted", // "{% \n10         %}"
  };

  test("the table covers every matching fixture", () => {
    const fixtures = readdirSync(INVALID_ASL_VALIDATOR).filter(
      (name) =>
        /^invalid-jsonata-syntax-.*\.json$/.test(name) || /^invalid-json.*-surround-syntax-.*\.json$/.test(name),
    );
    assert.deepEqual(fixtures.sort(), Object.keys(expected).sort());
  });

  for (const [file, outcome] of Object.entries(expected)) {
    test(`${file}: ${outcome}`, () => {
      const definition = JSON.parse(readFileSync(join(INVALID_ASL_VALIDATOR, file), "utf8")) as {
        States: { X: { Output: string } };
      };
      const output = definition.States.X.Output;
      let actual: Outcome;
      if (isJsonataString(output)) actual = parseJsonata(expressionBody(output)).ok ? "accepted" : "parse-error";
      else actual = looksLikeBrokenJsonata(output) ? "broken-delimiters" : "accepted";
      assert.equal(actual, outcome);
    });
  }
});
