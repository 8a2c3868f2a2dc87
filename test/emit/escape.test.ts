/**
 * Property tests for src/emit/escape.ts, the one place where text from a definition enters generated code: no JSON
 * value can break out of `literal()` (it is exactly one expression whose value is the JSON value), and no string can
 * break out of `commentText()` (the comment never ends early). End-to-end properties over whole transpiled machines
 * are in escape-e2e.test.ts.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import ts from "typescript";
import { commentText, literal } from "../../src/emit/escape.js";

const SEED = 20_250_731;

// ---------------------------------------------------------------------------------------------------------------
// Arbitraries
// ---------------------------------------------------------------------------------------------------------------

/**
 * Fragments that end or alter a literal or a comment in JavaScript/TypeScript or in the tools around it (handlebars,
 * prettier, HTML), plus property names with a meaning in JavaScript objects.
 */
const HOSTILE = [
  '"', "'", "`", "${", "}", "\\", "\\u0041", "\\\n", "*/", "/*", "/**", "//", "*", "/", "</script>", "<!--", "-->", "#!",
  "\u2028", "\u2029", "\r", "\n", "\r\n", "\u0085", "\u000b", "\u000c", "\ufeff", "\u0000", "\t",
  "\ud800", "\udbff", "\udc00", "\udfff", "\ud83d\ude00", "\udc00\ud800",
  "__proto__", "constructor", "prototype", "toString", "hasOwnProperty",
  " ", ".", "a.b", "a b", "$", ".$", "$$", "0", "-1", "1e3", "0x1", "07",
  "{{", "}}", "{{{x}}}", "@ts-ignore", "@ts-expect-error", "@ts-nocheck", "prettier-ignore", "é", "e\u0301",
];

/** Any single UTF-16 code unit, lone surrogates included (objects built through the API can carry them). */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

/** Strings biased towards the hostile fragments, mixed with arbitrary characters. */
const hostileString = fc.string({
  unit: fc.oneof({ arbitrary: fc.constantFrom(...HOSTILE), weight: 4 }, { arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }), weight: 1 }, { arbitrary: codeUnit, weight: 1 }),
  maxLength: 12,
});

/** Every kind of string: printable graphemes, any code point, any code unit (lone surrogates), hostile fragments. */
const anyString = fc.oneof(
  fc.string({ unit: "grapheme" }),
  fc.string({ unit: "binary" }),
  fc.string({ unit: "binary-ascii" }),
  fc.string({ unit: codeUnit }),
  hostileString,
);

/** Object keys: any string, often one with a meaning in JavaScript objects, or with spaces and dots. */
const objectKey = fc.oneof(
  anyString,
  fc.constantFrom("__proto__", "constructor", "prototype", "toString", "valueOf", "hasOwnProperty", "", " ", "a b", "a.b", "a.$", "0", "01", "1e3", "-1", "4294967295"),
);

/** An object with exactly these own, enumerable data properties, in this order (`__proto__` included as a key). */
function objectFrom(entries: ReadonlyArray<readonly [string, unknown]>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  return out;
}

const jsonNumber = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, Number.MAX_VALUE, Number.MIN_VALUE, Number.MAX_SAFE_INTEGER + 2, 1e21, 1e-7, -1.5e-300),
);

/** JSON values whose strings and keys come from `anyString` (with `__proto__` and friends as own keys). */
const { json: hostileJson } = fc.letrec<{ json: unknown }>((tie) => ({
  json: fc.oneof(
    { depthSize: "small", maxDepth: 4 },
    fc.constant(null),
    fc.boolean(),
    jsonNumber,
    anyString,
    fc.array(tie("json"), { maxLength: 4 }),
    fc.uniqueArray(fc.tuple(objectKey, tie("json")), { selector: (e) => e[0], maxLength: 5 }).map(objectFrom),
  ),
}));

const anyJson = fc.oneof(
  fc.jsonValue(),
  fc.jsonValue({ stringUnit: "grapheme" }),
  fc.jsonValue({ stringUnit: "binary" }),
  hostileJson,
);

// ---------------------------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------------------------

/** The parser's syntax errors (internal to the compiler API, but stable and what tsc reports as TS1xxx). */
function parseDiagnostics(file: ts.SourceFile): readonly ts.Diagnostic[] {
  return (file as ts.SourceFile & { parseDiagnostics: readonly ts.Diagnostic[] }).parseDiagnostics;
}

function parse(text: string): ts.SourceFile {
  return ts.createSourceFile("generated.ts", text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
}

function describeDiagnostics(file: ts.SourceFile): string {
  return parseDiagnostics(file)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"))
    .join("; ");
}

/** Show a string with every character outside printable ASCII escaped, so that messages are readable. */
function show(value: unknown): string {
  const text = typeof value === "string" ? JSON.stringify(value) : JSON.stringify(value, (_k, v: unknown) => (Object.is(v, -0) ? "-0" : v));
  return (text ?? String(value)).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * Where `actual` differs from the JSON value `expected`, or undefined: the same type; numbers compared with Object.is
 * (so -0 stays -0); arrays element by element; objects must be plain (Object.prototype) with exactly the same own
 * keys in the same order, each an enumerable data property (so a `__proto__` key must be an OWN property, not the
 * prototype).
 */
function jsonDifference(actual: unknown, expected: unknown, at = "$"): string | undefined {
  if (expected === null || typeof expected !== "object") {
    return Object.is(actual, expected) ? undefined : `${at}: got ${show(actual)}, expected ${show(expected)}`;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return `${at}: got ${show(actual)}, expected an array`;
    if (actual.length !== expected.length) return `${at}: got ${actual.length} elements, expected ${expected.length}`;
    for (let i = 0; i < expected.length; i++) {
      const d = jsonDifference(actual[i] as unknown, expected[i] as unknown, `${at}[${i}]`);
      if (d) return d;
    }
    return undefined;
  }
  if (actual === null || typeof actual !== "object" || Array.isArray(actual)) return `${at}: got ${show(actual)}, expected an object`;
  if (Object.getPrototypeOf(actual) !== Object.prototype) return `${at}: the object's prototype is not Object.prototype`;
  const actualKeys = Reflect.ownKeys(actual);
  const expectedKeys = Object.keys(expected);
  if (show(actualKeys.map(String)) !== show(expectedKeys)) return `${at}: own keys ${show(actualKeys.map(String))}, expected ${show(expectedKeys)}`;
  for (const key of expectedKeys) {
    const descriptor = Object.getOwnPropertyDescriptor(actual, key);
    if (!descriptor || !("value" in descriptor) || !descriptor.enumerable) return `${at}[${show(key)}] is not an own enumerable data property`;
    const d = jsonDifference(descriptor.value as unknown, (expected as Record<string, unknown>)[key], `${at}[${show(key)}]`);
    if (d) return d;
  }
  return undefined;
}

/** Line terminators of ECMAScript (and so of TypeScript's scanner). */
const LINE_TERMINATOR = /[\n\r\u2028\u2029]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

// ---------------------------------------------------------------------------------------------------------------
// literal()
// ---------------------------------------------------------------------------------------------------------------

describe("literal(): no JSON value breaks out of its expression", () => {
  test("evaluates back to exactly the value (own keys, key order, -0, lone surrogates, __proto__ as an own key)", () => {
    fc.assert(
      fc.property(anyJson, (value) => {
        const code = literal(value);
        const evaluated: unknown = new Function(`return (${code})`)();
        const difference = jsonDifference(evaluated, value);
        assert.equal(difference, undefined, `literal(${show(value)}) = ${show(code)}: ${difference ?? ""}`);
      }),
      { includeErrorInReport: true, numRuns: 1500, seed: SEED },
    );
  });

  test("is one TypeScript expression that spans exactly its own text", () => {
    fc.assert(
      fc.property(anyJson, (value) => {
        const code = literal(value);
        const prefix = "const x = ";
        const file = parse(`${prefix}${code};\nexport const y = 1;\n`);
        assert.equal(parseDiagnostics(file).length, 0, `literal(${show(value)}) = ${show(code)} does not parse: ${describeDiagnostics(file)}`);
        assert.equal(file.statements.length, 2, `literal(${show(value)}) = ${show(code)} changed the statements around it`);
        const first = file.statements[0];
        assert.ok(first && ts.isVariableStatement(first), `literal(${show(value)}): the first statement is not the declaration`);
        const declaration = first.declarationList.declarations[0];
        const init = declaration?.initializer;
        assert.ok(first.declarationList.declarations.length === 1 && init, `literal(${show(value)}): not a single initialised declaration`);
        assert.equal(init.getStart(file), prefix.length, `literal(${show(value)}): the expression does not start at the literal`);
        assert.equal(init.end, prefix.length + code.length, `literal(${show(value)}) = ${show(code)}: the expression does not end where the literal ends`);
      }),
      { includeErrorInReport: true, numRuns: 1000, seed: SEED + 1 },
    );
  });

  test("hostile strings: a single string literal token whose value is the string", () => {
    fc.assert(
      fc.property(anyString, (text) => {
        const code = literal(text);
        const file = parse(`f(${code});`);
        assert.equal(parseDiagnostics(file).length, 0, `literal(${show(text)}) = ${show(code)}: ${describeDiagnostics(file)}`);
        const statement = file.statements[0];
        assert.ok(file.statements.length === 1 && statement && ts.isExpressionStatement(statement), `literal(${show(text)}): not one statement`);
        const call = statement.expression;
        assert.ok(ts.isCallExpression(call) && call.arguments.length === 1, `literal(${show(text)}): not one argument`);
        const argument = call.arguments[0];
        assert.ok(argument && ts.isStringLiteral(argument), `literal(${show(text)}): the argument is not a string literal`);
        assert.equal(argument.text, text, `literal(${show(text)}): TypeScript reads ${show(argument.text)}`);
        // The literal is a single line and carries no raw line terminator or lone surrogate into the file.
        assert.ok(!LINE_TERMINATOR.test(code) && !LONE_SURROGATE.test(code), `literal(${show(text)}) = ${show(code)} carries a raw line terminator or lone surrogate`);
      }),
      { includeErrorInReport: true, numRuns: 1500, seed: SEED + 2 },
    );
  });

  test("an object key `__proto__` is an own property, never the prototype", () => {
    fc.assert(
      fc.property(anyJson, hostileJson, (inner, other) => {
        const value = objectFrom([["__proto__", inner], ["constructor", other], ["toString", inner]]);
        const evaluated: unknown = new Function(`return (${literal(value)})`)();
        const difference = jsonDifference(evaluated, value);
        assert.equal(difference, undefined, `literal(${show(value)}) = ${show(literal(value))}: ${difference ?? ""}`);
      }),
      { includeErrorInReport: true, numRuns: 300, seed: SEED + 3 },
    );
  });

  test("rejects what is not JSON instead of printing it", () => {
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, undefined, () => 1, Symbol("s"), 1n]) {
      assert.throws(() => literal(value), /literal:/, `literal(${String(value)}) should throw`);
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------
// commentText()
// ---------------------------------------------------------------------------------------------------------------

/**
 * Place a comment before `export const x = 1;` and check that the program is still that one declaration, with the
 * whole comment as its only leading comment.
 */
function assertCommentSurvives(text: string, comment: string, kind: ts.CommentKind): void {
  const source = `${comment}\nexport const x = 1;\n`;
  const file = parse(source);
  const context = `commentText(${show(text)}) = ${show(commentText(text))} in ${show(comment)}`;
  assert.equal(parseDiagnostics(file).length, 0, `${context}: ${describeDiagnostics(file)}`);
  assert.equal(file.statements.length, 1, `${context}: ${file.statements.length} statements`);
  const statement = file.statements[0];
  assert.ok(statement && ts.isVariableStatement(statement), `${context}: the statement is not the declaration`);
  const declaration = statement.declarationList.declarations[0];
  assert.ok(declaration && ts.isIdentifier(declaration.name) && declaration.name.text === "x", `${context}: the declaration is not x`);
  assert.ok(declaration.initializer && ts.isNumericLiteral(declaration.initializer) && declaration.initializer.text === "1", `${context}: x is not 1`);
  const ranges = ts.getLeadingCommentRanges(source, statement.pos) ?? [];
  assert.equal(ranges.length, 1, `${context}: ${ranges.length} leading comments`);
  const range = ranges[0];
  assert.ok(range, context);
  assert.equal(range.kind, kind, `${context}: wrong comment kind`);
  assert.equal(range.pos, 0, `${context}: the comment does not start the file`);
  assert.equal(range.end, comment.length, `${context}: the comment ends at ${range.end}, not at ${comment.length}`);
}

describe("commentText(): no string ends a comment early", () => {
  test("inside `// …` the whole text stays in the one line comment", () => {
    fc.assert(
      fc.property(anyString, (text) => {
        assertCommentSurvives(text, `// ${commentText(text)}`, ts.SyntaxKind.SingleLineCommentTrivia);
      }),
      { includeErrorInReport: true, numRuns: 1500, seed: SEED + 4 },
    );
  });

  test("inside `/** … */` the block closes only at its own `*/`", () => {
    fc.assert(
      fc.property(anyString, (text) => {
        assertCommentSurvives(text, `/** ${commentText(text)} */`, ts.SyntaxKind.MultiLineCommentTrivia);
      }),
      { includeErrorInReport: true, numRuns: 1500, seed: SEED + 5 },
    );
  });

  test("inside a multi-line JSDoc block (one ` * ` line per text, as the machine doc is written)", () => {
    fc.assert(
      fc.property(fc.array(anyString, { minLength: 1, maxLength: 4 }), (texts) => {
        const comment = `/**\n${texts.map((t) => ` * ${commentText(t)}`.trimEnd()).join("\n")}\n */`;
        assertCommentSurvives(texts.join(" | "), comment, ts.SyntaxKind.MultiLineCommentTrivia);
      }),
      { includeErrorInReport: true, numRuns: 500, seed: SEED + 6 },
    );
  });

  test("the result is one line of well-formed UTF-16 without `*/`", () => {
    fc.assert(
      fc.property(anyString, (text) => {
        const out = commentText(text);
        assert.ok(!LINE_TERMINATOR.test(out), `commentText(${show(text)}) = ${show(out)} has a line terminator`);
        assert.ok(!out.includes("*/"), `commentText(${show(text)}) = ${show(out)} contains */`);
        assert.ok(!LONE_SURROGATE.test(out), `commentText(${show(text)}) = ${show(out)} has a lone surrogate`);
      }),
      { includeErrorInReport: true, numRuns: 1500, seed: SEED + 7 },
    );
  });

  test("text that needs no escaping survives unchanged", () => {
    const safe = anyString.filter((s) => !LINE_TERMINATOR.test(s) && !s.includes("\u0085") && !s.includes("*/") && !LONE_SURROGATE.test(s));
    fc.assert(
      fc.property(safe, (text) => {
        assert.equal(commentText(text), text, `commentText(${show(text)}) changed the text`);
      }),
      { includeErrorInReport: true, numRuns: 1000, seed: SEED + 8 },
    );
  });
});
