/**
 * End-to-end escaping properties: machines whose state names, Pass `Result`s, `Comment`s, `Parameters` keys and Fail
 * `Error`/`Cause` strings are arbitrary (hostile fragments, lone surrogates, `__proto__`, …) transpile to code that
 * parses, keeps every comment a comment, and — run in the durable SDK's LocalDurableTestRunner — produces exactly
 * those values. Unit properties of src/emit/escape.ts are in escape.test.ts.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { LambdaClient, type InvokeCommandInput } from "@aws-sdk/client-lambda";
import type { DurableLambdaHandler } from "@aws/durable-execution-sdk-js";
import { LocalDurableTestRunner } from "@aws/durable-execution-sdk-js-testing";
import fc from "fast-check";
import ts from "typescript";
import { outputState } from "../../src/emit/checksum.js";
import type { TaskInfo, TaskOverride } from "../../src/runtime/index.js";
import { transpile, type TranspileOptions } from "../../src/transpile.js";

const SEED = 20_250_731;
const GENERATED_DIR = fileURLToPath(new URL("../.generated/escape/", import.meta.url));
const FUNCTION_ARN = "arn:aws:lambda:us-east-1:123456789012:function:escape-target";

// These machines have no Wait and no retry delay, so time is not skipped: skipTime makes every step slower
// (durable-sdk.md §5).
before(async () => {
  mkdirSync(GENERATED_DIR, { recursive: true });
  await LocalDurableTestRunner.setupTestEnvironment({ skipTime: false });
});
after(async () => {
  await LocalDurableTestRunner.teardownTestEnvironment();
});

// ---------------------------------------------------------------------------------------------------------------
// Arbitraries
// ---------------------------------------------------------------------------------------------------------------

/** Fragments that end or alter a literal or a comment, or have a meaning as a JavaScript property name. */
const HOSTILE = [
  '"', "'", "`", "${", "}", "\\", "\\u0041", "*/", "/*", "//", "*", "</script>", "<!--", "-->",
  "\u2028", "\u2029", "\r", "\n", "\r\n", "\u0085", "\ufeff", "\u0000", "\t",
  "\ud800", "\udfff", "\ud83d\ude00",
  "__proto__", "constructor", "toString", " ", ".", "a.b", "a b", "$", "$$", "0", "1e3",
  "{{", "}}", "{{{body}}}", "@ts-ignore", "@ts-expect-error", "@ts-nocheck", "prettier-ignore", "e\u0301",
];

/** Names of Object.prototype members: a lookup by such a name on a plain object finds something inherited. */
const INHERITED_NAMES = ["__proto__", "constructor", "toString", "toLocaleString", "valueOf", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable", "__defineGetter__", "__lookupSetter__"];

/**
 * Names whose ASCII words make identifiers the generated module already uses (scope functions and labels are derived
 * from state names), or globals it relies on.
 */
const IDENTIFIER_BAIT = ["with durable execution", "withDurableExecution", "make handler", "asl", "ctx", "run", "data", "input", "tasks", "next", "options", "Error", "Promise", "Object", "await", "yield", "default", "0abc"];

const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

const hostileString = fc.string({
  unit: fc.oneof({ arbitrary: fc.constantFrom(...HOSTILE), weight: 4 }, { arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }), weight: 1 }, { arbitrary: codeUnit, weight: 1 }),
  maxLength: 10,
});

const anyString = fc.oneof(fc.string({ unit: "grapheme", maxLength: 12 }), fc.string({ unit: "binary", maxLength: 12 }), fc.string({ unit: codeUnit, maxLength: 12 }), hostileString);

/** ASL-1: a state name is 1–80 characters (code points). */
const stateName = fc
  .oneof(
    { arbitrary: anyString, weight: 6 },
    { arbitrary: fc.constantFrom(...INHERITED_NAMES), weight: 1 },
    { arbitrary: fc.constantFrom(...IDENTIFIER_BAIT), weight: 1 },
    { arbitrary: fc.string({ unit: codeUnit, minLength: 70, maxLength: 80 }), weight: 1 },
  )
  .filter((s) => [...s].length >= 1 && [...s].length <= 80);

/** Distinct state names (ASL-1: names are unique across the whole machine). */
const twoNames = fc.tuple(stateName, stateName).filter(([a, b]) => a !== b);
const threeNames = fc.tuple(stateName, stateName, stateName).filter(([a, b, c]) => new Set([a, b, c]).size === 3);

function objectFrom(entries: ReadonlyArray<readonly [string, unknown]>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  return out;
}

const objectKey = fc.oneof(anyString, fc.constantFrom(...INHERITED_NAMES, "", "a b", "a.b", "0", "1e3"));

/** JSON with hostile strings and keys; `keys` filters the object keys (Parameters keys must not end in `.$`). */
function hostileJson(keys: fc.Arbitrary<string>): fc.Arbitrary<unknown> {
  return fc.letrec<{ json: unknown }>((tie) => ({
    json: fc.oneof(
      { depthSize: "small", maxDepth: 3 },
      fc.constant(null),
      fc.boolean(),
      fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(-0, 1e21, 5e-324)),
      anyString,
      fc.array(tie("json"), { maxLength: 3 }),
      fc.uniqueArray(fc.tuple(keys, tie("json")), { selector: (e) => e[0], maxLength: 4 }).map(objectFrom),
    ),
  })).json;
}

const resultValue = fc.oneof(
  hostileJson(objectKey),
  fc.jsonValue({ stringUnit: "binary", maxDepth: 3 }),
  // Always an object with keys that mean something to JavaScript, one of them `__proto__`.
  fc.tuple(hostileJson(objectKey), hostileJson(objectKey), fc.constantFrom(...INHERITED_NAMES.slice(1))).map(([a, b, key]) => objectFrom([["__proto__", a], [key, b]])),
);

/** A Parameters template with only static keys (ASL-3.3: a key not ending in `.$` is copied literally). */
const staticTemplate = fc
  .uniqueArray(fc.tuple(objectKey.filter((k) => !k.endsWith(".$")), hostileJson(objectKey.filter((k) => !k.endsWith(".$")))), { selector: (e) => e[0], maxLength: 4 })
  .map(objectFrom);

/** Options and comments that also reach the generated file. */
const extras = fc.record({ machineComment: anyString, stateComment: anyString, machineName: anyString.filter((s) => s.length > 0), file: anyString });

type Wrapper = "none" | "parallel" | "map";
const wrapper = fc.constantFrom<Wrapper>("none", "parallel", "map");

// ---------------------------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------------------------

/** JSON text with every character outside printable ASCII escaped, so that messages are readable. */
function show(value: unknown): string {
  const text = JSON.stringify(value);
  return (text ?? String(value)).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** What an execution ended with, for messages. */
function outcome(execution: { getStatus(): string | undefined; getResult(): unknown; getError(): unknown }): string {
  const status = execution.getStatus();
  return `status ${String(status)}, ${status === "SUCCEEDED" ? `result ${show(execution.getResult())}` : `error ${show(execution.getError())}`}`;
}

/** A JSON value as it comes back through a durable boundary (JSON text): -0 becomes 0, `__proto__` stays an own key. */
function viaJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}

type Extras = { machineComment: string; stateComment: string; machineName: string; file: string };

interface Generated {
  code: string;
  makeHandler: (options?: { tasks?: Record<string, TaskOverride> }) => DurableLambdaHandler;
}

/**
 * Transpile (no error diagnostics allowed), check the code, write it under test/.generated/escape/ and import it.
 *
 * (a) The code parses (ts.transpileModule reports no syntax error); no definition text became a compiler directive
 * (`@ts-ignore`, `@ts-expect-error`, `@ts-nocheck`); the header is still comment lines and the checksum matches
 * (so no text broke a line of it); every given string occurs as a string literal whose value is exactly that string.
 */
async function generate(definition: Record<string, unknown>, extra: Extras, strings: readonly string[]): Promise<Generated> {
  const options: TranspileOptions = { stateMachineName: extra.machineName, file: extra.file };
  const result = await transpile(definition, options);
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  assert.deepEqual(errors.map((d) => `${d.code} ${d.message}`), [], `${show(definition)} did not transpile`);
  const code = result.code;
  const context = `code for ${show(definition)} (options ${show(options)})`;

  const emitted = ts.transpileModule(code, { reportDiagnostics: true, compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
  const syntax = (emitted.diagnostics ?? []).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
  assert.deepEqual(syntax, [], `${context} does not parse`);

  const file = ts.createSourceFile("generated.ts", code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS) as ts.SourceFile & {
    commentDirectives?: readonly unknown[];
    pragmas?: ReadonlyMap<string, unknown>;
  };
  assert.equal(file.commentDirectives?.length ?? 0, 0, `${context} has a @ts-ignore/@ts-expect-error comment directive`);
  assert.ok(!file.pragmas?.has("ts-nocheck") && !file.pragmas?.has("ts-check"), `${context} has a ts-check/ts-nocheck pragma`);
  assert.equal(outputState(code), "unmodified", `${context}: the header is no longer comment lines, or the checksum is off`);

  const literals = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) literals.add(node.text);
    ts.forEachChild(node, visit);
  };
  visit(file);
  for (const s of strings) assert.ok(literals.has(s), `${context}: no string literal holds ${show(s)}`);

  const path = `${GENERATED_DIR}m-${createHash("sha1").update(code).digest("hex").slice(0, 16)}.ts`;
  writeFileSync(path, code);
  const module = (await import(pathToFileURL(path).href)) as Pick<Generated, "makeHandler">;
  return { code, makeHandler: module.makeHandler };
}

/** Wrap a scope's states into the machine's top level, a one-branch Parallel, or an inline Map over `$.items`. */
function machine(wrap: Wrapper, wrapperName: string, startAt: string, states: Record<string, unknown>, extra: Extras): Record<string, unknown> {
  const scope = { StartAt: startAt, States: states };
  const top: Record<string, unknown> =
    wrap === "none"
      ? scope
      : {
          StartAt: wrapperName,
          States: objectFrom([
            [
              wrapperName,
              wrap === "parallel"
                ? { Type: "Parallel", Comment: extra.stateComment, Branches: [scope], End: true }
                : { Type: "Map", Comment: extra.stateComment, ItemsPath: "$.items", ItemProcessor: scope, End: true },
            ],
          ]),
        };
  return { Comment: extra.machineComment, ...top };
}

const NUM_RUNS = 40;

// ---------------------------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------------------------

describe("generated code: definition strings stay data (end to end)", () => {
  test("Pass → Succeed returns exactly the Pass Result (top level, in a Parallel branch, in a Map iteration)", async () => {
    await fc.assert(
      fc.asyncProperty(threeNames, resultValue, wrapper, extras, async ([pass, succeed, outer], result, wrap, extra) => {
        const states = objectFrom([
          [pass, { Type: "Pass", Comment: extra.stateComment, Result: result, Next: succeed }],
          [succeed, { Type: "Succeed", Comment: extra.stateComment }],
        ]);
        const definition = machine(wrap, outer, pass, states, extra);
        // A Succeed without paths emits only its heading comment; the Pass and the wrapper carry their names as literals.
        const generated = await generate(definition, extra, wrap === "none" ? [pass] : [pass, outer]);
        const runner = new LocalDurableTestRunner({ handlerFunction: generated.makeHandler() });
        const execution = await runner.run({ payload: { items: [0] } });
        const context = `${show(definition)}: ${outcome(execution)}`;
        assert.equal(execution.getStatus(), "SUCCEEDED", context);
        // ASL-6.1: Result replaces the effective input; ResultPath "$" makes it the output. Parallel and Map output
        // the array of branch/iteration outputs (ASL-6.7, ASL-6.8).
        const expected = wrap === "none" ? result : [result];
        assert.deepStrictEqual(execution.getResult(), viaJson(expected), context);
      }),
      { numRuns: NUM_RUNS, seed: SEED, includeErrorInReport: true },
    );
  });

  test("Fail fails the execution with Error and Cause exactly as written (top level, in a Parallel branch)", async () => {
    await fc.assert(
      fc.asyncProperty(twoNames, anyString, anyString, fc.constantFrom<Wrapper>("none", "parallel"), extras, async ([fail, outer], error, cause, wrap, extra) => {
        const states = objectFrom([[fail, { Type: "Fail", Comment: extra.stateComment, Error: error, Cause: cause }]]);
        const definition = machine(wrap, outer, fail, states, extra);
        const generated = await generate(definition, extra, [fail, error, cause]);
        const runner = new LocalDurableTestRunner({ handlerFunction: generated.makeHandler() });
        const execution = await runner.run({ payload: {} });
        const context = `${show(definition)}: ${outcome(execution)}`;
        // ASL-6.6: the machine fails with the Fail state's Error and Cause; a Parallel fails with its branch's error
        // (ASL-6.7).
        assert.equal(execution.getStatus(), "FAILED", context);
        assert.equal(execution.getError().errorType, error, context);
        assert.equal(execution.getError().errorMessage, cause, context);
      }),
      { numRuns: NUM_RUNS, seed: SEED + 1, includeErrorInReport: true },
    );
  });

  test("a Task is replaced by tasks[its name], called with the effective input (Parameters with arbitrary keys)", async () => {
    await fc.assert(
      fc.asyncProperty(twoNames, staticTemplate, extras, async ([first, second], template, extra) => {
        const parameters = { payload: template, "machine.$": "$$.StateMachine.Name" };
        const states = objectFrom([
          [first, { Type: "Task", Comment: extra.stateComment, Resource: FUNCTION_ARN, Parameters: parameters, Next: second }],
          [second, { Type: "Task", Resource: FUNCTION_ARN, End: true }],
        ]);
        const definition = machine("none", "", first, states, extra);
        const generated = await generate(definition, extra, [first, second]);
        const calls: Array<{ name: string; input: unknown; info: TaskInfo }> = [];
        const firstOutput = { from: "first", name: first };
        const secondOutput = { from: "second", name: second };
        const tasks = objectFrom([
          [first, ((input, info) => (calls.push({ name: first, input, info }), firstOutput)) satisfies TaskOverride],
          [second, ((input, info) => (calls.push({ name: second, input, info }), secondOutput)) satisfies TaskOverride],
        ]) as Record<string, TaskOverride>;
        const runner = new LocalDurableTestRunner({ handlerFunction: generated.makeHandler({ tasks }) });
        const execution = await runner.run({ payload: {} });
        const context = `${show(definition)}: ${outcome(execution)}, calls ${show(calls)}`;
        assert.equal(execution.getStatus(), "SUCCEEDED", context);
        assert.deepStrictEqual(calls.map((c) => [c.name, c.info.state, c.info.resource]), [[first, first, FUNCTION_ARN], [second, second, FUNCTION_ARN]], context);
        // ASL-3.3: static keys are copied literally; `machine.$` reads $$.StateMachine.Name (ASL-7).
        assert.deepStrictEqual(viaJson(calls[0]?.input), viaJson({ payload: template, machine: extra.machineName }), context);
        assert.deepStrictEqual(viaJson(calls[1]?.input), viaJson(firstOutput), context);
        assert.deepStrictEqual(execution.getResult(), viaJson(secondOutput), context);
      }),
      { numRuns: NUM_RUNS, seed: SEED + 2, includeErrorInReport: true },
    );
  });

  test("a Task without an override calls its integration, whatever its name (no inherited member of `tasks`)", async () => {
    // The default integration of a function-ARN Task is a Lambda Invoke; the client is stubbed so that nothing leaves
    // the process, and the stub records what was sent.
    // The stubbed client is still constructed; on Node 20 the AWS SDK would print a Node-version warning.
    const warning = process.env["AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED"];
    process.env["AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED"] = "true";
    const sent: InvokeCommandInput[] = [];
    const lambdaOutput = { from: "lambda" };
    const previous = Object.getOwnPropertyDescriptor(LambdaClient.prototype, "send");
    Object.defineProperty(LambdaClient.prototype, "send", {
      configurable: true,
      writable: true,
      value: async (command: { input: InvokeCommandInput }) => {
        sent.push(command.input);
        return { StatusCode: 200, Payload: new TextEncoder().encode(JSON.stringify(lambdaOutput)), $metadata: {} };
      },
    });
    try {
      await fc.assert(
        // Names are not shrunk: the failing ones are the inherited names themselves, already minimal, and shrinking a
        // string costs hundreds of executions.
        fc.asyncProperty(fc.noShrink(stateName), extras, async (name, extra) => {
          sent.length = 0;
          const states = objectFrom([[name, { Type: "Task", Comment: extra.stateComment, Resource: FUNCTION_ARN, End: true }]]);
          const definition = machine("none", "", name, states, extra);
          const generated = await generate(definition, extra, [name]);
          // makeHandler() is what the module exports as `handler`: no overrides at all.
          const runner = new LocalDurableTestRunner({ handlerFunction: generated.makeHandler() });
          const execution = await runner.run({ payload: { name } });
          const context = `${show(definition)}: ${outcome(execution)}, Lambda invocations ${sent.length}`;
          // ASL-6.2: a Task with a function ARN invokes that function with the effective input.
          assert.equal(sent.length, 1, context);
          assert.equal(sent[0]?.FunctionName, FUNCTION_ARN, context);
          const payload = sent[0]?.Payload;
          assert.ok(payload instanceof Uint8Array, context);
          assert.deepStrictEqual(JSON.parse(new TextDecoder().decode(payload)), { name }, context);
          assert.equal(execution.getStatus(), "SUCCEEDED", context);
          assert.deepStrictEqual(execution.getResult(), lambdaOutput, context);
        }),
        {
          numRuns: NUM_RUNS,
          seed: SEED + 3,
          includeErrorInReport: true,
          examples: INHERITED_NAMES.map((n) => [n, { machineComment: "", stateComment: "", machineName: "M", file: "m.json" }] as [string, Extras]),
        },
      );
    } finally {
      if (previous) Object.defineProperty(LambdaClient.prototype, "send", previous);
      else delete (LambdaClient.prototype as { send?: unknown }).send;
      if (warning === undefined) delete process.env["AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED"];
      else process.env["AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED"] = warning;
    }
  });
});
