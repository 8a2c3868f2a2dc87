import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, test } from "node:test";
import ts from "typescript";
import { generateTestFile, type TestFramework } from "../../src/companions/test-file.js";
import { transpile } from "../../src/index.js";
import { corpusText } from "../support/shared.js";

/**
 * The generated test files (src/companions/test-file.ts) must pass as generated: each definition below is transpiled
 * into a handler, its test is generated next to it under test/.generated/companions/<name>/, and the test is run
 * with Node's test runner in a child process, as a user would run it.
 */
const OUT = fileURLToPath(new URL("../.generated/companions/", import.meta.url));
const REPO = fileURLToPath(new URL("../../", import.meta.url));

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/transpile/${name}/definition.asl.json`, import.meta.url), "utf8");

const DEFINITIONS: ReadonlyArray<{ name: string; text: () => string; why: string }> = [
  { name: "order-processing", text: () => readFileSync(new URL("../../fixtures/order-processing.asl.json", import.meta.url), "utf8"), why: "Choices, a polling loop, Parallel, Map, retries" },
  { name: "optimised-services", text: () => fixture("optimised-services"), why: "DynamoDB, SNS, SQS, EventBridge integrations with a Catch" },
  { name: "sync", text: () => fixture("sync"), why: ".sync jobs replaced by mocks" },
  { name: "wait-for-task-token", text: () => fixture("wait-for-task-token"), why: "a callback Task replaced by a mock" },
  { name: "activity", text: () => fixture("activity"), why: "an activity Task replaced by a mock" },
  { name: "http", text: () => fixture("http"), why: "http:invoke without a connection resolver" },
  { name: "jsonata", text: () => fixture("jsonata"), why: "JSONata: Assign, Items, Condition, expressions" },
  { name: "credentials", text: () => fixture("credentials"), why: "Credentials.RoleArn read from the input" },
  { name: "fail", text: () => fixture("fail"), why: "a machine that always fails: the test expects the failure" },
  { name: "polling-loop-jsonata", text: () => corpusText("valid/agent-toolkit-for-aws/aws-step-functions--polling-loop-wait-check-choice.asl.json"), why: "a JSONata polling loop" },
  { name: "distributed-csv", text: () => corpusText("valid/step-functions-workflows-collection/distributed-map-csv-iterator--statemachine.asl.json"), why: "a Distributed Map reading CSV from S3" },
  { name: "distributed-json-jsonata", text: () => corpusText("valid/localstack/scenarios--map_item_reader_base_json_max_items_jsonata.json"), why: "a JSONata Distributed Map reading JSON" },
  { name: "either-or-parallel", text: () => corpusText("valid/step-functions-workflows-collection/either-or-parallel-pattern--statemachine.asl.json"), why: "success through a caught failure" },
];

/** Transpile, generate the test, write both; returns the test file's path. */
async function generate(name: string, text: string, framework: TestFramework = "node"): Promise<{ dir: string; test: string }> {
  const result = await transpile(text, { stateMachineName: name });
  assert.ok(result.ir !== undefined && result.code !== "", `${name} does not transpile`);
  const test = await generateTestFile(result.ir, { handlerImport: `./${name}.js`, framework, machineName: name });
  const dir = `${OUT}${name}/`;
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}${name}.ts`, result.code);
  return { dir, test };
}

/**
 * Run one generated test file as a user would. NODE_TEST_CONTEXT is removed from the child's environment: inherited
 * from this test process, it would make the child's runner skip its files ("run() is being called recursively").
 */
function run(file: string): Promise<{ code: number | null; output: string }> {
  const env = { ...process.env };
  delete env["NODE_TEST_CONTEXT"];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "--conditions=asl2durable-source", "--test", file], { cwd: REPO, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("close", (code) => resolve({ code, output }));
  });
}

describe("generated node:test files pass as generated", () => {
  test("every definition", { timeout: 600_000 }, async () => {
    const files: Array<{ name: string; file: string }> = [];
    for (const d of DEFINITIONS) {
      const { dir, test: source } = await generate(d.name, d.text());
      const file = `${dir}${d.name}.test.ts`;
      writeFileSync(file, source);
      files.push({ name: d.name, file });
    }
    // Two at a time: each child starts its own runtime and durable test environment.
    const failures: string[] = [];
    for (let i = 0; i < files.length; i += 2) {
      const batch = files.slice(i, i + 2);
      const results = await Promise.all(batch.map((f) => run(f.file)));
      results.forEach((r, j) => {
        // The child's summary proves that the test ran (and was not skipped).
        if (r.code !== 0 || !/^# pass 1$/m.test(r.output) || !/^# fail 0$/m.test(r.output)) failures.push(`${batch[j]?.name}: exit ${r.code}\n${r.output.split("\n").filter((l) => /not ok|error|expected|actual/.test(l)).slice(0, 12).join("\n")}`);
      });
    }
    assert.deepEqual(failures, []);
  });
});

describe("the generated test's content", () => {
  test("a mock for every Task, nested ones included; the planned calls; skipTime with nextTick and queueMicrotask restored", async () => {
    const { test: source } = await generate("order-processing", DEFINITIONS[0]?.text() ?? "");
    for (const state of ["Validate Order", "Charge Card", "Check Shipment", "Email Customer", "Mark Shipped"]) assert.ok(source.includes(JSON.stringify(state)), state);
    assert.match(source, /setupTestEnvironment\(\{ skipTime: true \}\)/);
    assert.match(source, /process\.nextTick = nextTick;/);
    assert.match(source, /globalThis\.queueMicrotask = queueMicrotask;/);
    assert.match(source, /teardownTestEnvironment\(\)/);
    assert.match(source, /import \{ makeHandler \} from "\.\/order-processing\.js";/);
    assert.match(source, /const expectedCalls: string\[\] = \["Charge Card", "Check Shipment", "Email Customer", "Mark Shipped", "Validate Order"\];/);
  });

  test("deterministic", async () => {
    const text = fixture("jsonata");
    const a = await generate("jsonata", text);
    const b = await generate("jsonata", text);
    assert.equal(a.test, b.test);
  });

  for (const framework of ["vitest", "jest"] as const) {
    test(`${framework}: its own imports and assertions, valid TypeScript (run by test-frameworks.test.ts)`, async () => {
      const { test: source } = await generate("order-processing", DEFINITIONS[0]?.text() ?? "", framework);
      const from = framework === "vitest" ? "vitest" : "@jest/globals";
      assert.ok(source.includes(`import { afterAll, beforeAll, expect, test } from "${from}";`));
      assert.ok(!source.includes("node:test") && !source.includes("node:assert"));
      assert.match(source, /expect\(execution\.getStatus\(\)\)\.toBe\("SUCCEEDED"\);/);
      assert.match(source, /expect\(\[\.\.\.called\]\.sort\(\)\)\.toEqual\(expectedCalls\);/);
      const out = ts.transpileModule(source, { reportDiagnostics: true, compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
      assert.deepEqual(out.diagnostics ?? [], []);
    });
  }

  test("state names and strings from the definition are escaped (TypeScript literals, comments)", async () => {
    const name = 'Quote " back\\slash */ `tick` ${x}\u2028';
    const definition = { StartAt: name, States: { [name]: { Type: "Task", Resource: "arn:aws:lambda:us-east-1:123456789012:function:f", Parameters: { [`${name}.$`]: "$.v" }, End: true } } };
    const result = await transpile(definition, { stateMachineName: "escape" });
    assert.ok(result.ir);
    const source = await generateTestFile(result.ir, { handlerImport: "./escape.js", framework: "node", machineName: 'machine "*/' });
    const out = ts.transpileModule(source, { reportDiagnostics: true, compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
    assert.deepEqual(out.diagnostics ?? [], []);
    // The mock table, as JavaScript, has exactly that state name as its key.
    const results = /const results: Record<string, unknown> = (\{.*?\});\n/s.exec(source)?.[1];
    assert.ok(results !== undefined);
    assert.deepEqual(Object.keys(new Function(`return (${results});`)() as object), [name]);
  });
});
