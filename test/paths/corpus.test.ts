/**
 * Corpus sweep: every JSONPath-mode path and intrinsic call in the valid corpus and in the AWS-recorded conformance
 * definitions (except those AWS rejected) must parse, and every intrinsic call must pass checkIntrinsic.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parsePath } from "../../src/paths/jsonpath.js";
import { parseIntrinsic } from "../../src/paths/intrinsic.js";
import { checkIntrinsic } from "../../src/paths/intrinsic-functions.js";

const SHARED = new URL("../../../shared/", import.meta.url).pathname;
const CORPUS = join(SHARED, "corpus", "valid");
const CONFORMANCE = join(SHARED, "conformance", "localstack-aws-recorded.jsonl");

interface Found {
  source: string;
  pointer: string;
  text: string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (v: Json | undefined): v is JsonObject => typeof v === "object" && v !== null && !Array.isArray(v);

/** Payload templates (ASL-3.3) and Assign: `.$` keys hold a path or an intrinsic call. */
const TEMPLATE_FIELDS = ["Parameters", "ResultSelector", "ItemSelector", "Assign", "Credentials"];

class Collector {
  readonly found: Found[] = [];
  constructor(private readonly source: string) {}

  machine(definition: Json): void {
    if (!isObject(definition)) return;
    const language = definition["QueryLanguage"] === "JSONata" ? "JSONata" : "JSONPath";
    this.states(definition["States"], language, "/States");
  }

  private states(states: Json | undefined, language: string, pointer: string): void {
    if (!isObject(states)) return;
    for (const [name, state] of Object.entries(states)) this.state(state, language, `${pointer}/${name}`);
  }

  private state(state: Json, topLanguage: string, pointer: string): void {
    if (!isObject(state)) return;
    for (const branch of Array.isArray(state["Branches"]) ? state["Branches"] : []) {
      if (isObject(branch)) this.states(branch["States"], topLanguage, `${pointer}/Branches/States`);
    }
    for (const processor of ["Iterator", "ItemProcessor"]) {
      const inner = state[processor];
      if (isObject(inner)) this.states(inner["States"], topLanguage, `${pointer}/${processor}/States`);
    }
    const language = typeof state["QueryLanguage"] === "string" ? state["QueryLanguage"] : topLanguage;
    if (language === "JSONata") return;
    this.pathFields(state, pointer);
    this.templates(state, pointer);
    for (const part of ["ItemReader", "ItemBatcher", "ResultWriter"]) {
      const sub = state[part];
      if (!isObject(sub)) continue;
      this.pathFields(sub, `${pointer}/${part}`);
      this.templates(sub, `${pointer}/${part}`);
      if (isObject(sub["ReaderConfig"])) this.pathFields(sub["ReaderConfig"], `${pointer}/${part}/ReaderConfig`);
      this.template(sub["BatchInput"], `${pointer}/${part}/BatchInput`);
    }
    const choices = Array.isArray(state["Choices"]) ? state["Choices"] : [];
    choices.forEach((rule, i) => this.rule(rule, `${pointer}/Choices/${i}`));
    const catchers = Array.isArray(state["Catch"]) ? state["Catch"] : [];
    catchers.forEach((catcher, i) => {
      if (!isObject(catcher)) return;
      this.pathFields(catcher, `${pointer}/Catch/${i}`);
      this.templates(catcher, `${pointer}/Catch/${i}`);
    });
  }

  private rule(rule: Json, pointer: string): void {
    if (!isObject(rule)) return;
    this.pathFields(rule, pointer);
    this.templates(rule, pointer);
    for (const combinator of ["And", "Or"]) {
      const list = rule[combinator];
      if (Array.isArray(list)) list.forEach((inner, i) => this.rule(inner, `${pointer}/${combinator}/${i}`));
    }
    this.rule(rule["Not"] ?? null, `${pointer}/Not`);
  }

  /** `Variable` and every field whose name ends in `Path` (InputPath, SecondsPath, StringEqualsPath, ErrorPath…). */
  private pathFields(node: JsonObject, pointer: string): void {
    for (const [key, value] of Object.entries(node)) {
      if ((key === "Variable" || key.endsWith("Path")) && typeof value === "string") this.add(value, `${pointer}/${key}`);
    }
  }

  private templates(node: JsonObject, pointer: string): void {
    for (const field of TEMPLATE_FIELDS) this.template(node[field], `${pointer}/${field}`);
  }

  private template(value: Json | undefined, pointer: string): void {
    if (Array.isArray(value)) value.forEach((item, i) => this.template(item, `${pointer}/${i}`));
    if (!isObject(value)) return;
    for (const [key, inner] of Object.entries(value)) {
      if (key.endsWith(".$") && typeof inner === "string") this.add(inner, `${pointer}/${key}`);
      else this.template(inner, `${pointer}/${key}`);
    }
  }

  private add(text: string, pointer: string): void {
    if (text.includes("${")) return; // deploy-time DefinitionSubstitutions placeholder
    this.found.push({ source: this.source, pointer, text });
  }
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return jsonFiles(full);
    return entry.name.endsWith(".json") ? [full] : [];
  });
}

function collectAll(): Found[] {
  const found: Found[] = [];
  for (const file of jsonFiles(CORPUS)) {
    const collector = new Collector(file.slice(CORPUS.length + 1));
    collector.machine(JSON.parse(readFileSync(file, "utf8")) as Json);
    found.push(...collector.found);
  }
  for (const line of readFileSync(CONFORMANCE, "utf8").split("\n")) {
    if (line.trim() === "") continue;
    const testCase = JSON.parse(line) as { id: string; category: string; definition: Json };
    if (testCase.category === "invalid-definition") continue;
    const collector = new Collector(testCase.id);
    collector.machine(testCase.definition);
    found.push(...collector.found);
  }
  return found;
}

/**
 * Strings of the sweep that do not parse, each with why it is right to reject it. Keyed by the string itself, since
 * the same string can appear in several sources.
 */
const EXPECTED_REJECTIONS: ReadonlyMap<string, string> = new Map([
  [
    "$[(@.length-1)].bar",
    // asl-validator fixture valid-path-array-context.json (accepted by asl-path-validator's special rule).
    "script expressions [(…)] are not Jayway JsonPath: PathCompiler fails with 'Could not parse token'",
  ],
  [
    "States.Format('He said, \\\"Hello, {}!\\\"', 'Test \\\"Name\\\" Here')",
    // LocalStack template scenarios--escape_sequences_illegal_intrinsic_function_2.json; AWS rejected it with
    // "must be a valid JSONPath or a valid intrinsic function call" (conformance case test_illegal_escapes[…_2]).
    "\\\" is not an intrinsic string escape; AWS rejects the definition (ASL-5)",
  ],
]);

describe("corpus sweep", () => {
  const found = collectAll();

  test("finds the paths and intrinsic calls of the corpus", () => {
    assert.ok(found.filter((f) => !f.text.startsWith("States.")).length > 1500);
    assert.ok(found.filter((f) => f.text.startsWith("States.")).length > 200);
  });

  test("every path parses", () => {
    const failures = found
      .filter((f) => !f.text.startsWith("States.") && !EXPECTED_REJECTIONS.has(f.text))
      .flatMap((f) => {
        const result = parsePath(f.text);
        return result.ok ? [] : [`${f.source} ${f.pointer}: ${JSON.stringify(f.text)}: ${result.message}`];
      });
    assert.deepEqual(failures, []);
  });

  test("every intrinsic call parses and passes checkIntrinsic", () => {
    const failures = found
      .filter((f) => f.text.startsWith("States.") && !EXPECTED_REJECTIONS.has(f.text))
      .flatMap((f) => {
        const result = parseIntrinsic(f.text);
        if (!result.ok) return [`${f.source} ${f.pointer}: ${JSON.stringify(f.text)}: ${result.message}`];
        return checkIntrinsic(result.value).map((issue) => `${f.source} ${f.pointer}: ${issue.message}`);
      });
    assert.deepEqual(failures, []);
  });

  test("the expected rejections are in the corpus and are rejected", () => {
    for (const [text, reason] of EXPECTED_REJECTIONS) {
      assert.ok(found.some((f) => f.text === text), `not found in the sweep: ${text}`);
      const result = text.startsWith("States.") ? parseIntrinsic(text) : parsePath(text);
      assert.equal(result.ok, false, `${text} should be rejected: ${reason}`);
    }
  });
});
