import { setupSkipTime, teardownSkipTime } from "../support/skip-time.js";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { fileURLToPath, pathToFileURL } from "node:url";
import { isDeepStrictEqual } from "node:util";
import type { withDurableExecution } from "@aws/durable-execution-sdk-js";
import { LocalDurableTestRunner, OperationType } from "@aws/durable-execution-sdk-js-testing";
import type { MachineIR, ScopeIR, StateIR } from "../../src/ir/types.js";
import type { Json, TaskOverride } from "../../src/runtime/index.js";
import { fixtureFile, fixtureNames, GOLDEN_FILES, transpileFixture, type FixtureTranspile } from "../../scripts/update-goldens.js";

/**
 * Golden fixtures of the transpiler (fixtures/transpile/<name>/): for each, the IR (ir.json, what lowering produced)
 * and the generated module (handler.ts, what emission produced) must match byte for byte, so a change in either shows
 * up as a reviewable diff; then the generated handler is EXECUTED in the durable SDK's LocalDurableTestRunner with the
 * fixture's task mocks (tasks.json) and its result compared with expected.json, which was worked out by hand from
 * ../shared/reference/asl-semantics.md (each expected.json cites its sections in "why").
 *
 * tasks.json: { "<Task state name>": [outcome, …] }, outcome = { "input"?: JSON, "return": JSON } or
 * { "input"?: JSON, "throw": { "name", "message" } }. Each call takes the first unused outcome whose "input" (when
 * given) deep-equals the Task's effective input; a call with no such outcome, or an outcome never used, fails the
 * fixture. Outcomes with "input" make calls from concurrent Map iterations independent of their order.
 *
 * expected.json: { "why", "status": "SUCCEEDED", "output" } or { "why", "status": "FAILED", "error", "cause"? } (no
 * "cause" where the reference does not fix the text, ASL-10), plus "controlFlow" ("straight": no loop at all; "loop":
 * a `while (true)`, labelled where a `continue` names it; "dispatch": the fallback for irreducible graphs) and
 * "waitSeconds" (the duration of every durable wait, in order; not checked when absent) and "knownBug" (a bug the
 * fixture found: the test then insists that the run still differs, and reports the bug as a diagnostic).
 */
const GENERATED_DIR = fileURLToPath(new URL("../.generated/transpile-goldens/", import.meta.url));
const UPDATE_HINT = "run npm run goldens:update and review the diff";

type Outcome = { input?: Json; return: Json } | { input?: Json; throw: { name: string; message: string } };
type TaskMocks = Record<string, Outcome[]>;
type Expected = {
  why: string | string[];
  controlFlow: "straight" | "loop" | "dispatch";
  waitSeconds?: number[];
  /** A bug this fixture found, not fixed yet: the run must still differ from the expectation. */
  knownBug?: string;
} & ({ status: "SUCCEEDED"; output: Json } | { status: "FAILED"; error: string; cause?: string });

type HandlerModule = { makeHandler: (options: { tasks: Record<string, TaskOverride> }) => ReturnType<typeof withDurableExecution> };

function readJson(name: string, file: string): unknown {
  return JSON.parse(readFileSync(fixtureFile(name, file), "utf8")) as unknown;
}

function readOptionalJson(name: string, file: string): unknown {
  try {
    return readJson(name, file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw e;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** expected.json, checked for shape (a malformed fixture fails here rather than passing vacuously). */
function readExpected(name: string): Expected {
  const e = readJson(name, "expected.json");
  assert.ok(isRecord(e), "expected.json must be an object");
  const why = Array.isArray(e["why"]) ? e["why"].join(" ") : e["why"];
  assert.ok(typeof why === "string" && /ASL-\d+(\.\d+)?/.test(why), `${name}: "why" must cite the reference (ASL-x.y)`);
  assert.ok(["straight", "loop", "dispatch"].includes(e["controlFlow"] as string), `${name}: controlFlow`);
  const waits = e["waitSeconds"];
  assert.ok(waits === undefined || (Array.isArray(waits) && waits.every((s) => typeof s === "number")), `${name}: waitSeconds`);
  assert.ok(e["knownBug"] === undefined || typeof e["knownBug"] === "string", `${name}: knownBug`);
  if (e["status"] === "SUCCEEDED") assert.ok("output" in e, `${name}: a SUCCEEDED expectation needs "output"`);
  else {
    assert.equal(e["status"], "FAILED", `${name}: status must be SUCCEEDED or FAILED`);
    assert.equal(typeof e["error"], "string", `${name}: a FAILED expectation needs "error"`);
    assert.ok(e["cause"] === undefined || typeof e["cause"] === "string", `${name}: "cause" must be a string`);
  }
  return e as Expected;
}

/** tasks.json (absent = no Task is ever called), checked for shape. */
function readMocks(name: string): TaskMocks {
  const raw = readOptionalJson(name, "tasks.json") ?? {};
  assert.ok(isRecord(raw), `${name}: tasks.json must be an object`);
  for (const [state, outcomes] of Object.entries(raw)) {
    assert.ok(Array.isArray(outcomes), `${name}: tasks.json "${state}" must be a list of outcomes`);
    for (const o of outcomes) {
      assert.ok(isRecord(o) && ("return" in o) !== ("throw" in o), `${name}: each outcome of "${state}" has exactly one of "return" and "throw"`);
      if ("throw" in o) {
        const t = o["throw"];
        assert.ok(isRecord(t) && typeof t["name"] === "string" && typeof t["message"] === "string", `${name}: "${state}" throw needs name and message`);
      }
    }
  }
  return raw as TaskMocks;
}

function statesOf(scope: ScopeIR): StateIR[] {
  return scope.states.flatMap((s) => [
    s,
    ...(s.kind === "parallel" ? s.branches.flatMap(statesOf) : []),
    ...(s.kind === "map" ? statesOf(s.processor) : []),
  ]);
}

/** A machine of only Pass/Choice/Succeed/Fail states: it must run as plain code (ASL-6.1, 6.3, 6.5, 6.6). */
function isPlainCode(machine: MachineIR): boolean {
  return statesOf(machine.scope).every((s) => s.kind === "pass" || s.kind === "choice" || s.kind === "succeed" || s.kind === "fail");
}

interface Mocks {
  tasks: Record<string, TaskOverride>;
  /** Calls that matched no outcome. */
  problems: string[];
  /** Outcomes never used, as "<state> #<index>". */
  unused(): string[];
}

/** `tasks` overrides for every Task of the machine, driven by tasks.json. */
function mockTasks(machine: MachineIR, mocks: TaskMocks): Mocks {
  const problems: string[] = [];
  const used = new Map<string, boolean[]>();
  const tasks: Record<string, TaskOverride> = {};
  const taskNames = statesOf(machine.scope)
    .filter((s) => s.kind === "task")
    .map((s) => s.origin.name);
  for (const state of Object.keys(mocks)) assert.ok(taskNames.includes(state), `tasks.json names "${state}", which is not a Task state`);
  for (const state of taskNames) {
    const outcomes = mocks[state] ?? [];
    const flags = outcomes.map(() => false);
    used.set(state, flags);
    // Every Task gets an override, so a fixture can never reach the real Lambda client.
    tasks[state] = (input: Json) => {
      const index = outcomes.findIndex((o, i) => !flags[i] && (o.input === undefined || isDeepStrictEqual(o.input, input)));
      const outcome = outcomes[index];
      if (outcome === undefined) {
        problems.push(`unexpected call of "${state}" with ${JSON.stringify(input)}`);
        const error = new Error(`no outcome in tasks.json for this call of "${state}"`);
        error.name = "Fixture.UnexpectedCall";
        throw error;
      }
      flags[index] = true;
      if ("throw" in outcome) {
        const error = new Error(outcome.throw.message);
        error.name = outcome.throw.name;
        throw error;
      }
      return outcome.return;
    };
  }
  const unused = (): string[] => [...used].flatMap(([state, flags]) => flags.flatMap((f, i) => (f ? [] : [`${state} #${i}`])));
  return { tasks, problems, unused };
}

const names = fixtureNames();

describe("transpiler goldens (fixtures/transpile)", () => {
  before(setupSkipTime);
  after(() => teardownSkipTime());

  test("the fixture set covers every state type, and the plain-code check is not vacuous", async () => {
    const kinds = new Set<string>();
    const plain: string[] = [];
    for (const name of names) {
      const t = await transpileFixture(name);
      assert.ok(t.ok, `${name} does not transpile`);
      statesOf(t.ir.scope).forEach((s) => kinds.add(s.kind));
      if (isPlainCode(t.ir)) plain.push(name);
    }
    assert.deepEqual([...kinds].sort(), ["choice", "fail", "map", "parallel", "pass", "succeed", "task", "wait"]);
    assert.ok(plain.length >= 3, `plain-code fixtures: ${plain.join(", ")}`);
    for (const shape of ["straight", "loop", "dispatch"]) {
      assert.ok(names.some((n) => readExpected(n).controlFlow === shape), `no fixture has controlFlow ${shape}`);
    }
  });

  test("order-processing is the bundled example, unchanged", () => {
    assert.equal(
      readFileSync(fixtureFile("order-processing", "definition.asl.json"), "utf8"),
      readFileSync(fileURLToPath(new URL("../../fixtures/order-processing.asl.json", import.meta.url)), "utf8"),
      "fixtures/transpile/order-processing/definition.asl.json must be a copy of fixtures/order-processing.asl.json",
    );
  });

  for (const name of names) describe(name, () => fixtureTests(name));
});

/** The tests of one fixture. Lowering and emission are compared separately, so a failure says which stage changed. */
function fixtureTests(name: string): void {
  let first: FixtureTranspile | undefined;
  const transpiled = async (): Promise<Extract<FixtureTranspile, { ok: true }>> => {
    first ??= await transpileFixture(name);
    if (!first.ok) assert.fail(`${name} does not transpile: ${first.errors.map((d) => `${d.code} ${d.location.pointer} ${d.message}`).join("; ")}`);
    return first;
  };

  test("ir.json matches the IR (lowering)", async () => {
    const t = await transpiled();
    assert.equal(t.goldens["ir.json"], readFileSync(fixtureFile(name, "ir.json"), "utf8"), `fixtures/transpile/${name}/ir.json is out of date: ${UPDATE_HINT}`);
  });

  test("handler.ts matches the generated code (emission)", async () => {
    const t = await transpiled();
    assert.equal(t.goldens["handler.ts"], readFileSync(fixtureFile(name, "handler.ts"), "utf8"), `fixtures/transpile/${name}/handler.ts is out of date: ${UPDATE_HINT}`);
  });

  test("transpiling twice gives byte-identical output", async () => {
    const t = await transpiled();
    const again = await transpileFixture(name);
    assert.ok(again.ok);
    for (const file of GOLDEN_FILES) assert.equal(again.goldens[file], t.goldens[file], `${file} differs between two runs`);
  });

  test("the control flow has the expected shape", async () => {
    const { code } = await transpiled();
    const shape = readExpected(name).controlFlow;
    if (shape === "straight") {
      assert.doesNotMatch(code, /\bwhile\s*\(/, "a machine without cycles must not generate any loop");
    } else if (shape === "loop") {
      // A structured loop: `while (true) {` (ASL cycles that have one entry), labelled only when a `continue` or
      // `break` inside it names it (a way back at the end of its body needs none).
      const loops = [...code.matchAll(/^\s*(?:([A-Za-z_$][\w$]*): )?while \(true\) \{$/gm)].map((m) => m[1]);
      assert.ok(loops.length > 0, "expected a while (true) loop");
      for (const label of loops) {
        if (label !== undefined) assert.match(code, new RegExp(`\\b(continue|break) ${label};`), `loop ${label} is labelled, but nothing names it`);
      }
      assert.doesNotMatch(code, /switch \(next\)/, "a reducible graph must not fall back to the dispatch loop");
    } else {
      assert.match(code, /^\s*dispatch: while \(true\) \{\s*\n\s*switch \(next\) \{$/m, "expected the dispatch loop");
      assert.match(code, /next = "[^"]*";\s*\n\s*continue dispatch;/, "expected a dispatch transition");
      const t = await transpiled();
      for (const s of t.ir.scope.states) assert.ok(code.includes(`case ${JSON.stringify(s.origin.name)}: {`), `no case for "${s.origin.name}"`);
    }
  });

  test("the handler runs as expected.json says", async (t) => {
    const expected = readExpected(name);
    if (expected.knownBug === undefined) {
      await runAndCompare(name, await transpiled(), expected);
      return;
    }
    // A bug found by this fixture and not fixed yet: the expectation stays as the reference says, and the test
    // insists that it still fails, so that the entry goes away with the fix.
    await assert.rejects(runAndCompare(name, await transpiled(), expected), "the fixture passes now: remove knownBug from its expected.json");
    t.diagnostic(`known bug: ${expected.knownBug}`);
  });
}

/** Run the generated handler with the fixture's mocks and input; every difference from expected.json throws. */
async function runAndCompare(name: string, transpiled: { ir: MachineIR; code: string }, expected: Expected): Promise<void> {
  const mocks = mockTasks(transpiled.ir, readMocks(name));
  mkdirSync(GENERATED_DIR, { recursive: true });
  const file = `${GENERATED_DIR}${name}.ts`;
  writeFileSync(file, transpiled.code);
  const module = (await import(pathToFileURL(file).href)) as HandlerModule;
  const runner = new LocalDurableTestRunner({ handlerFunction: module.makeHandler({ tasks: mocks.tasks }) });
  const execution = await runner.run({ payload: readJson(name, "input.json") });

  assert.deepEqual(mocks.problems, [], "task calls that tasks.json does not describe");
  const status = execution.getStatus();
  if (expected.status === "SUCCEEDED") {
    const error = status === "SUCCEEDED" ? undefined : execution.getError();
    assert.equal(status, "SUCCEEDED", `the execution failed: ${error?.errorType}: ${error?.errorMessage}`);
    assert.deepEqual(execution.getResult(), expected.output);
  } else {
    assert.equal(status, "FAILED", `the execution did not fail; result ${JSON.stringify(status === "SUCCEEDED" ? execution.getResult() : null)}`);
    const error = execution.getError();
    assert.equal(error.errorType, expected.error);
    if (expected.cause !== undefined) assert.equal(error.errorMessage, expected.cause);
  }
  assert.deepEqual(mocks.unused(), [], "outcomes in tasks.json that no call used");

  const operations = execution.getOperations();
  if (expected.waitSeconds !== undefined) {
    const waits = operations.filter((o) => o.getType() === OperationType.WAIT).map((o) => o.getWaitDetails()?.waitSeconds);
    assert.deepEqual(waits, expected.waitSeconds, "durable waits (seconds, in order)");
  }

  if (isPlainCode(transpiled.ir)) {
    // Pass/Choice/Succeed/Fail are plain code: no durable operation, except the one step startExecution takes to
    // read the clock when the definition reads $$.Execution.StartTime (or $$.Execution, or all of $$).
    const readsStartTime = /\$\$(\.Execution(\.StartTime)?)?(?![\w.[])/.test(readFileSync(fixtureFile(name, "definition.asl.json"), "utf8"));
    assert.deepEqual(
      operations.map((o) => `${o.getType()} ${o.getName()}`),
      readsStartTime ? [`${OperationType.STEP} $$.Execution.StartTime`] : [],
      "durable operations of a machine of only Pass/Choice/Succeed/Fail states",
    );
  }
}
