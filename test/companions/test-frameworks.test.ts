import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { companionsFor, folderCompanions } from "../../src/companions/files.js";
import { planHappyPath } from "../../src/companions/happy-path/plan.js";
import { renderTestFile, type TestFramework } from "../../src/companions/test-file.js";
import { frameworkSupportFiles, JEST_CONFIG_FILE, runInstructions } from "../../src/companions/test-frameworks.js";
import { transpile } from "../../src/index.js";
import { corpusText } from "../support/shared.js";

/**
 * The generated vitest and jest tests (src/companions/test-file.ts) pass as generated, run by the real framework CLI
 * in a child process as a user would run them: each machine below is transpiled, and its handler, its generated test
 * and the framework's support files (src/companions/test-frameworks.ts) are written, as `migrate` writes them, into a
 * temporary folder inside the repository (so that node_modules resolves), removed afterwards.
 *
 * Inside the repository `asl2durable/runtime` is the package itself: the node:test runs (test-file.test.ts, the
 * migrate tests) select its source with `--conditions=asl2durable-source`; here each framework is given the same
 * condition through its own configuration (vite's `ssr.resolve.conditions`, jest's `customExportConditions`), the only
 * thing added to what a user runs.
 */
const REPO = fileURLToPath(new URL("../../", import.meta.url));
const VITEST = `${REPO}node_modules/vitest/vitest.mjs`;
const JEST = `${REPO}node_modules/jest/bin/jest.js`;

const readFixture = (path: string) => readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), "utf8");

/** The machines, and the title of the test generated for each: it names the outcome the definition leads to. */
const MACHINES: ReadonlyArray<{ name: string; text: () => string; title: string }> = [
  // The bundled example: Choices, a Wait polling loop, retries, a Parallel with a Map in a branch; a path to Succeed.
  { name: "order-processing", text: () => readFixture("order-processing.asl.json"), title: "order-processing: the happy path succeeds" },
  // A Distributed Map reading a CSV object from S3 (ASL-6.8 ItemReader): the generated S3 stub serves it.
  {
    name: "distributed-csv",
    text: () => corpusText("valid/step-functions-workflows-collection/distributed-map-csv-iterator--statemachine.asl.json"),
    title: "distributed-csv: the happy path succeeds",
  },
  // A Map whose iteration is a Parallel, one of whose branches is a Map; Pass states only.
  { name: "nested", text: () => readFixture("transpile/nested/definition.asl.json"), title: "nested: the happy path succeeds" },
  // A fixed Pass result sends a branch to its Fail state: the Parallel, and the execution, fail with the branch's
  // error name (ASL-6.7), whatever the input.
  { name: "parallel-failure", text: () => readFixture("transpile/parallel-failure/definition.asl.json"), title: "parallel-failure: the planned path fails with OutOfStock" },
  // Pass, then a Fail state with Error "OrderRejected" (ASL-6.6): no path succeeds.
  { name: "fail", text: () => readFixture("transpile/fail/definition.asl.json"), title: "fail: the planned path fails with OrderRejected" },
];

/** A copy of the bundled example whose planned "Validate Order" result is changed: its test must fail. */
const BROKEN = { name: "order-processing", state: "Validate Order", result: { valid: false }, title: "order-processing: the happy path succeeds" };

/** The framework's JSON report (vitest's `json` reporter writes jest's format). */
interface Report {
  numTotalTests: number;
  numPassedTests: number;
  numFailedTests: number;
  testResults: Array<{ name: string; message?: string; assertionResults: Array<{ title: string; status: string; failureMessages: string[] }> }>;
}

interface Run {
  code: number | null;
  output: string;
  report: Report | undefined;
}

/** The configuration the repository adds to what a user runs: `asl2durable/runtime` resolved to its source. */
function harnessFiles(framework: Exclude<TestFramework, "node">, cacheDirectory: string): Array<{ path: string; text: string }> {
  if (framework === "vitest") {
    // This replaces vitest's default server conditions ("node", "development|production"): they follow the repository's.
    return [{ path: "vitest.config.mjs", text: 'export default { ssr: { resolve: { conditions: ["asl2durable-source", "node", "development|production"] } } };\n' }];
  }
  return [
    {
      path: "jest.harness.mjs",
      text: [
        `import config from "./${JEST_CONFIG_FILE}";`,
        `export default { ...config, cacheDirectory: ${JSON.stringify(cacheDirectory)}, testEnvironmentOptions: { customExportConditions: ["asl2durable-source", "node", "node-addons"] } };`,
        "",
      ].join("\n"),
    },
  ];
}

/** Write files into a folder. */
function writeAll(dir: string, files: ReadonlyArray<{ path: string; text: string }>): void {
  mkdirSync(dir, { recursive: true });
  for (const file of files) writeFileSync(`${dir}/${file.path}`, file.text);
}

/** Transpile a machine; its handler and generated test, as `migrate` writes them (src/companions/files.ts). */
async function migrated(name: string, text: string, framework: TestFramework): Promise<Array<{ path: string; text: string }>> {
  const result = await transpile(text, { stateMachineName: name });
  assert.ok(result.ir !== undefined && result.code !== "", `${name} transpiles`);
  const companions = await companionsFor(result.ir, { stem: name, machineName: name, sourceFile: `${name}.asl.json`, diagnostics: [], select: { test: framework, deployment: false, report: false } });
  return [{ path: `${name}.ts`, text: result.code }, ...companions];
}

/** The bundled example with one planned Task result changed, rendered by the generator itself. */
async function broken(framework: TestFramework): Promise<Array<{ path: string; text: string }>> {
  const result = await transpile(readFixture("order-processing.asl.json"), { stateMachineName: BROKEN.name });
  assert.ok(result.ir !== undefined);
  const plan = await planHappyPath(result.ir, { stateMachineName: BROKEN.name });
  assert.ok(BROKEN.state in plan.mocks, `the plan has a result for ${BROKEN.state}`);
  const changed = { ...plan, mocks: { ...plan.mocks, [BROKEN.state]: BROKEN.result } };
  const test = await renderTestFile(result.ir, changed, { handlerImport: `./${BROKEN.name}.js`, framework, machineName: BROKEN.name });
  return [{ path: `${BROKEN.name}.ts`, text: result.code }, { path: `${BROKEN.name}.test.ts`, text: test }];
}

/** Run the framework's CLI on the tests of one folder, as the generated header says, with a JSON report. */
function runFramework(framework: Exclude<TestFramework, "node">, dir: string): Promise<Run> {
  const reportFile = `${dir}/report.json`;
  const env = { ...process.env };
  delete env["NODE_TEST_CONTEXT"];
  delete env["NODE_OPTIONS"];
  const args =
    framework === "vitest"
      ? [VITEST, "run", "--root", dir, "--config", `${dir}/vitest.config.mjs`, "--reporter=json", `--outputFile=${reportFile}`]
      : [JEST, "--config", `${dir}/jest.harness.mjs`, "--no-watchman", "--json", `--outputFile=${reportFile}`];
  // jest runs ES modules only with Node's VM modules (the header's NODE_OPTIONS=--experimental-vm-modules).
  if (framework === "jest") env["NODE_OPTIONS"] = "--experimental-vm-modules";
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: dir, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("close", (code) => {
      const report = existsSync(reportFile) ? (JSON.parse(readFileSync(reportFile, "utf8")) as Report) : undefined;
      resolve({ code, output, report });
    });
  });
}

/** Each test's title and status, sorted by title. */
function outcomes(report: Report): Array<[string, string]> {
  return report.testResults.flatMap((file) => file.assertionResults.map((a): [string, string] => [a.title, a.status])).sort(([a], [b]) => a.localeCompare(b));
}

/** The end of the output, for an assertion's message. */
const tail = (run: Run) => `exit ${run.code}\n${run.output.slice(-4000)}`;

const ROOT = (() => {
  mkdirSync(`${REPO}test/.generated`, { recursive: true });
  return mkdtempSync(`${REPO}test/.generated/frameworks-`);
})();

const FRAMEWORKS = ["vitest", "jest"] as const;

/** Per framework: the run of the generated tests, then (sharing jest's transform cache) the run of the broken copy. */
const runs = new Map<string, Promise<{ passing: Run; failing: Run }>>();

before(async () => {
  for (const framework of FRAMEWORKS) {
    const passingDir = `${ROOT}/${framework}`;
    const failingDir = `${ROOT}/${framework}-broken`;
    const cache = `${ROOT}/${framework}-cache`;
    for (const m of MACHINES) writeAll(passingDir, await migrated(m.name, m.text(), framework));
    // The folder's files as migrate and build write them (checksum comment included).
    const folder = folderCompanions({ test: framework, deployment: false, report: false });
    writeAll(passingDir, [...folder, ...harnessFiles(framework, cache)]);
    writeAll(failingDir, [...(await broken(framework)), ...folder, ...harnessFiles(framework, cache)]);
    runs.set(
      framework,
      runFramework(framework, passingDir).then(async (passing) => ({ passing, failing: await runFramework(framework, failingDir) })),
    );
  }
});

after(() => {
  rmSync(ROOT, { recursive: true, force: true });
});

for (const framework of FRAMEWORKS) {
  describe(`generated ${framework} tests`, () => {
    test("the header says how to run them; only jest needs a configuration file", () => {
      const files = frameworkSupportFiles(framework);
      const header = runInstructions(framework).join("\n");
      const generated = readFileSync(`${ROOT}/${framework}/order-processing.test.ts`, "utf8");
      assert.ok(generated.split("\n").slice(0, 5).join("\n").includes(header), generated.slice(0, 600));
      if (framework === "vitest") {
        assert.deepEqual(files, []);
        assert.match(header, /npx vitest run /);
      } else {
        assert.deepEqual(
          files.map((f) => f.path),
          [JEST_CONFIG_FILE],
        );
        assert.match(header, /NODE_OPTIONS=--experimental-vm-modules npx jest --config .*jest\.config\.mjs/);
        const config = files[0]?.text ?? "";
        assert.match(config, /preset: "ts-jest\/presets\/default-esm"/);
        assert.ok(config.includes('moduleNameMapper: { "^(\\\\.{1,2}/.*)\\\\.js$": "$1" }'), config);
      }
    });

    test(
      "pass as generated: the bundled example, a Distributed Map reading S3, nested Map/Parallel, planned failures",
      { timeout: 120_000 },
      async () => {
        const { passing } = (await runs.get(framework)) ?? assert.fail("not started");
        assert.equal(passing.code, 0, tail(passing));
        assert.ok(passing.report !== undefined, tail(passing));
        assert.equal(passing.report.numTotalTests, MACHINES.length, tail(passing));
        assert.equal(passing.report.numPassedTests, MACHINES.length, tail(passing));
        assert.equal(passing.report.numFailedTests, 0);
        assert.deepEqual(
          outcomes(passing.report),
          MACHINES.map((m): [string, string] => [m.title, "passed"]).sort(([a], [b]) => a.localeCompare(b)),
        );
      },
    );

    test("can fail: a changed Task result ends the execution elsewhere, the test fails and the framework exits non-zero", { timeout: 120_000 }, async () => {
      const { failing } = (await runs.get(framework)) ?? assert.fail("not started");
      assert.notEqual(failing.code, 0, tail(failing));
      assert.ok(failing.report !== undefined, tail(failing));
      assert.equal(failing.report.numTotalTests, 1);
      assert.equal(failing.report.numFailedTests, 1, tail(failing));
      assert.deepEqual(outcomes(failing.report), [[BROKEN.title, "failed"]]);
      // It fails on the expected status (ASL-6.3: `valid: false` makes "Is Order Valid?" take its Default, the Fail
      // state "Reject Order"), not on a module or setup error.
      const message = failing.report.testResults.flatMap((f) => f.assertionResults.flatMap((a) => a.failureMessages)).join("\n");
      assert.match(message, /SUCCEEDED/);
      assert.match(message, /FAILED/);
    });
  });
}
