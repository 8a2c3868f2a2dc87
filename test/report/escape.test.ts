/**
 * Property tests for src/report/escape.ts, the one place where text from a definition or a run enters a report, and
 * for the two whole reports built with it: no state name or value can open a tag, end an attribute, reach the inline
 * script or style, form a link or an event handler in the HTML page; none can end a Mermaid label or statement; none
 * can start Markdown syntax or split a table cell.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import type { CompareResult } from "../../src/compare/types.js";
import { heading } from "../../src/emit/states/heading.js";
import { lower } from "../../src/ir/lower.js";
import type { MachineIR } from "../../src/ir/types.js";
import { escapeHtml, markdownText, mermaidText, stateAnchor } from "../../src/report/escape.js";
import { machineGraph } from "../../src/report/graph.js";
import { renderHtml, renderMarkdown } from "../../src/report/index.js";
import { SCRIPT, STYLE } from "../../src/report/style.js";

const SEED = 20_251_126;

/** Fragments with a meaning in HTML, SVG, CSS, JavaScript, Mermaid or Markdown. */
const HOSTILE = [
  "1. ",
  "1) ",
  "- ",
  "---",
  "+ ",
  "=",
  "0.5",
  "<",
  ">",
  "&",
  '"',
  "'",
  "`",
  "```",
  "</script>",
  "</style>",
  "<script>",
  "<!--",
  "-->",
  "<svg onload=alert(1)>",
  "<a href=x>",
  "&amp;",
  "&lt;",
  "&#60;",
  "&#x3c;",
  "javascript:",
  " onclick=",
  "=",
  "\\",
  "\\n",
  "\n",
  "\r",
  "\r\n",
  "\u2028",
  "\u0085",
  "\t",
  "\u0000",
  "#",
  "#quot;",
  "#60;",
  ";",
  "%%",
  "|",
  "[",
  "]",
  "{",
  "}",
  "(",
  ")",
  "{{",
  "[[",
  "end",
  "subgraph",
  "click",
  "-->",
  "-.->",
  "<br/>",
  "ﬂ°°",
  "¶ß",
  "*",
  "_",
  "~",
  "$",
  "$$",
  "1.",
  "- ",
  "+",
  "> ",
  "    ",
  "@here",
  ":smile:",
  "é",
  "\ud83d\ude00",
  "\ud800",
  "\udfff",
  "ab",
];

const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

const hostileString = fc.string({
  unit: fc.oneof(
    { arbitrary: fc.constantFrom(...HOSTILE), weight: 5 },
    { arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }), weight: 1 },
    { arbitrary: codeUnit, weight: 1 },
  ),
  maxLength: 10,
});

const anyString = fc.oneof(fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" }), fc.string({ unit: codeUnit }), hostileString);

/** What a UTF-8 file holds for a string: lone surrogates become U+FFFD. */
function wellFormed(text: string): string {
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");
}

function decodeHtml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" })[name] ?? "");
}

describe("escapeHtml", () => {
  test("leaves no markup character, only its own entities, and decodes back to the text", () => {
    fc.assert(
      fc.property(anyString, (text) => {
        const escaped = escapeHtml(text);
        assert.match(escaped, /^(?:[^<>"'&]|&(?:amp|lt|gt|quot|#39);)*$/);
        assert.equal(decodeHtml(escaped), wellFormed(text));
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });
});

describe("stateAnchor", () => {
  const decode = (anchor: string): string =>
    anchor.slice("state-".length).replace(/_([0-9a-f]+)_/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)));

  test("is an id and a fragment without escaping (no blank, no quote, no %), and decodes back to the name", () => {
    fc.assert(
      fc.property(anyString, (name) => {
        const anchor = stateAnchor(name);
        assert.match(anchor, /^state-[A-Za-z0-9_-]*$/);
        assert.equal(decode(anchor), name);
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });

  test("two names never share an anchor", () => {
    fc.assert(
      fc.property(anyString, anyString, (a, b) => {
        fc.pre(a !== b);
        assert.notEqual(stateAnchor(a), stateAnchor(b));
      }),
      { seed: SEED, numRuns: 1000 },
    );
    assert.notEqual(stateAnchor("a_20_b"), stateAnchor("a b"));
  });
});

/** A double-quoted Mermaid label: the safe characters and `#<decimal>;` entity codes, nothing else. */
const MERMAID_LABEL = String.raw`(?:[A-Za-z0-9 .,:?!_\-/+=()']|#\d+;)*`;

describe("mermaidText", () => {
  test("leaves only safe characters and entity codes, which decode back to the text", () => {
    fc.assert(
      fc.property(anyString, (text) => {
        const escaped = mermaidText(text);
        assert.match(escaped, new RegExp(`^${MERMAID_LABEL}$`));
        assert.equal(
          escaped.replace(/#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code))),
          text,
        );
      }),
      { seed: SEED, numRuns: 1000 },
    );
    assert.equal(mermaidText('Is "x" #1?'), "Is #34;x#34; #35;1?");
  });
});

describe("markdownText", () => {
  const unescape = (text: string): string =>
    text.replace(
      /\\([\\`*_[\]|~$#+\-=.)])|&(amp|lt|gt|#32|#9);/g,
      (_, ch: string | undefined, entity: string | undefined) =>
        ch ?? ({ amp: "&", lt: "<", gt: ">", "#32": " ", "#9": "\t" } as Record<string, string>)[entity ?? ""] ?? "",
    );

  test("escapes every character that starts inline syntax or splits a cell, and unescapes back to the text", () => {
    fc.assert(
      fc.property(anyString, (text) => {
        const escaped = markdownText(text);
        assert.match(escaped, /^(?:\\[\\`*_[\]|~$#+\-=.)]|&(?:amp|lt|gt|#32|#9);|[^\\`*_[\]|~$#<>&\r\n\u2028\u2029\u0085])*$/);
        // Nothing at the start of a line can open a block: a list, a quote, a heading, a setext line, indented code.
        assert.doesNotMatch(escaped, /^(?:[-+](?:[ \t-]|$)|[=>#*]|\d{1,9}[.)](?:[ \t]|$)|[ \t])/);
        assert.equal(unescape(escaped), wellFormed(text).replace(/\r\n|[\r\n\u2028\u2029\u0085]/g, " "));
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Whole reports
// ---------------------------------------------------------------------------------------------------------------

const LAMBDA = "arn:aws:lambda:us-east-1:123456789012:function:work";

/** A machine whose five state names and every written value are hostile: Choice, Task with Catch, Fail, Parallel. */
function hostileMachine(names: readonly string[], text: string): MachineIR {
  const [a, b, c, d, e] = names as [string, string, string, string, string];
  const definition = {
    StartAt: a,
    States: {
      [a]: { Type: "Choice", Choices: [{ Variable: "$.v", StringEquals: text, Next: b }], Default: c },
      [b]: { Type: "Task", Resource: LAMBDA, Catch: [{ ErrorEquals: [text], Next: c }], Next: d },
      [c]: { Type: "Fail", Error: text },
      [d]: { Type: "Parallel", Branches: [{ StartAt: e, States: { [e]: { Type: "Pass", End: true } } }], End: true },
    },
  };
  const { machine } = lower(definition);
  assert.ok(machine, "the hostile machine lowers");
  return machine;
}

function hostileResult(names: readonly string[], text: string): CompareResult {
  const [a, b, c, d] = names as [string, string, string, string];
  const line = { item: text, quantity: 1, unit: text, unitPrice: 0.000025, amount: 0.000025 };
  return {
    machine: { name: text, states: 5 },
    exitCode: 1,
    runs: [
      {
        name: text,
        input: { [text]: text },
        interpreter: { outcome: { status: "FAILED", error: text, cause: text }, path: [a, b, c, text], history: [] },
        handler: {
          outcome: { status: "SUCCEEDED", output: { [text]: [text] } },
          operations: [
            { id: text, name: b, type: text, subType: text, status: text },
            { id: "2", parentId: text, name: `${d} [0]`, type: "CONTEXT", status: "SUCCEEDED" },
            { id: "3", parentId: "2", name: text, type: "STEP", status: "FAILED" },
          ],
        },
        recorded: { status: "FAILED", error: text, cause: text },
        verdict: "different",
        differences: [{ path: text, interpreter: text, handler: { [text]: [text] } }],
        metrics: { stateTransitions: 3, durableOperations: 3, checkpointedBytes: 10, invocations: 1, replays: 0, elapsedSeconds: 0, handlerMilliseconds: 1 },
        cost: { currency: "USD", region: text, stepFunctions: { lines: [line], total: 0.000025 }, durable: { lines: [line], total: 0.000025 } },
      },
    ],
  };
}

/** The generated code's headings for these states, and the hostile text as code lines. */
function hostileCode(machine: MachineIR, text: string): string {
  return machineGraph(machine)
    .states.map((s) => `${heading(s.state)}${text}\n`)
    .join("");
}

const ELEMENTS = new Set(
  "html head meta title style body header h1 h2 h3 p strong nav a main section span table caption thead tbody tr th td details summary pre code div figure figcaption svg defs marker path g rect text tspan circle script".split(
    " ",
  ),
);
const VOID = new Set(["meta"]);
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z][a-zA-Z0-9:-]*(?:="[^"<>]*")?)*)\s*(\/?)>/y;
const TEXT = /(?:[^<>&]|&(?:amp|lt|gt|quot|#39);)*/y;
const ATTRIBUTE = /\s+([a-zA-Z][a-zA-Z0-9:-]*)(?:="([^"]*)")?/g;

/**
 * Reads the page as the HTML parser would see its structure: one style and one script element holding exactly the
 * constants; elsewhere only known elements, properly nested, with double-quoted attributes holding only entity-escaped
 * text, no event handler, local links only; and escaped text between them.
 */
function assertWellFormed(html: string): void {
  for (const [open, close, content] of [
    ["<style>", "</style>", STYLE],
    ["<script>", "</script>", SCRIPT],
  ] as const) {
    assert.equal(html.split(open.slice(0, -1)).length - 1, 1, `one ${open}`);
    assert.equal(html.toLowerCase().split(close.slice(0, -1)).length - 1, 1, `one ${close}`);
    assert.ok(html.includes(`${open}${content}${close}`), `${open} holds exactly its constant`);
  }
  const rest = html.replace(`<style>${STYLE}</style>`, "<style></style>").replace(`<script>${SCRIPT}</script>`, "<script></script>");
  assert.ok(rest.startsWith("<!DOCTYPE html>\n"));
  const stack: string[] = [];
  let i = "<!DOCTYPE html>\n".length;
  while (i < rest.length) {
    TEXT.lastIndex = i;
    TEXT.exec(rest);
    i = TEXT.lastIndex;
    if (i >= rest.length) break;
    TAG.lastIndex = i;
    const tag = TAG.exec(rest);
    assert.ok(tag, `a well-formed tag at ${JSON.stringify(rest.slice(i, i + 60))}`);
    i = TAG.lastIndex;
    const [, closing, rawName, attributes, selfClosing] = tag;
    const name = (rawName ?? "").toLowerCase();
    assert.ok(ELEMENTS.has(name), `known element ${name}`);
    for (const [, attribute, value] of (attributes ?? "").matchAll(ATTRIBUTE)) {
      assert.ok(!attribute?.toLowerCase().startsWith("on"), `no event handler (${attribute})`);
      if (value === undefined) continue;
      assert.match(value, /^(?:[^<>&"]|&(?:amp|lt|gt|quot|#39);)*$/);
      if (attribute === "href") assert.match(value, /^#(?:state-[A-Za-z0-9_-]*|run-\d+)$/);
      if (attribute === "style") assert.match(value, /^(?:background:#[0-9a-f]{6}|grid-template-columns: minmax\(0, \d+fr\) minmax\(0, \d+fr\))$/);
    }
    if (closing) assert.equal(stack.pop(), name, `</${name}> closes its element`);
    else if (!selfClosing && !VOID.has(name)) stack.push(name);
  }
  assert.deepEqual(stack, [], "every element closed");
}

/** Every line of the flowchart is one of the statements the renderer writes, with escaped labels. */
function assertMermaid(lines: readonly string[]): void {
  const id = "m_[a-z0-9]+";
  const type = "(?:Task|Pass|Choice|Wait|Succeed|Fail|Parallel|Map)";
  const forms = [
    /^flowchart TD$/,
    new RegExp(`^\\s+${id}\\(\\("(?:Start|End| )"\\)\\)$`),
    new RegExp(`^\\s+${id}(?:\\[|\\(|\\{\\{|\\(\\[|\\[\\[)"${MERMAID_LABEL}<br/>${type}${MERMAID_LABEL}"(?:\\]|\\)|\\}\\}|\\]\\)|\\]\\])$`),
    new RegExp(`^\\s+subgraph ${id}\\["${MERMAID_LABEL}"\\]$`),
    /^\s+end$/,
    new RegExp(`^\\s+${id} (?:-->|-\\.->)(?:\\|"${MERMAID_LABEL}"\\|)? ${id}$`),
    /^\s+classDef [a-z]+ [a-z0-9#:,-]+$/,
    new RegExp(`^\\s+class (?:${id},)*${id} [a-z]+$`),
    /^\s+linkStyle [\d,]+ [a-z0-9#:,-]+$/,
  ];
  for (const line of lines)
    assert.ok(
      forms.some((form) => form.test(line)),
      `a known Mermaid statement: ${JSON.stringify(line)}`,
    );
}

/** Pipes that are cell separators (not backslash-escaped). */
function separators(line: string): number {
  let count = 0;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === "\\") i++;
    else if (line[i] === "|") count++;
  }
  return count;
}

function assertMarkdown(markdown: string, runs: number): void {
  const lines = markdown.split("\n");
  assert.equal(lines.filter((l) => l.startsWith("```")).length, 2 * runs, "only the Mermaid fences");
  let inFence = false;
  let fence: string[] = [];
  let columns = 0;
  for (const line of lines) {
    if (line === "```mermaid") {
      inFence = true;
      fence = [];
      continue;
    }
    if (line === "```") {
      inFence = false;
      assertMermaid(fence);
      continue;
    }
    if (inFence) {
      fence.push(line);
      continue;
    }
    assert.ok(!line.includes("<"), `no HTML: ${JSON.stringify(line)}`);
    if (line.startsWith("| ")) {
      if (columns === 0) columns = separators(line);
      assert.equal(separators(line), columns, `cells of ${JSON.stringify(line)}`);
    } else {
      columns = 0;
      if (line !== "") assert.match(line, /^(?:#{2,4} |\*\*|_The |Durable |Step |Both )/, "a line the renderer starts");
    }
  }
}

describe("whole reports with hostile names and values", () => {
  const names = fc.uniqueArray(hostileString, { minLength: 5, maxLength: 5 });

  test("the HTML page keeps its structure", () => {
    fc.assert(
      fc.property(names, hostileString, (stateNames, text) => {
        const machine = hostileMachine(stateNames, text);
        const html = renderHtml(hostileResult(stateNames, text), { machine, code: hostileCode(machine, text), title: text });
        assertWellFormed(html);
        // The names are there, escaped, as the links' targets.
        for (const name of stateNames) assert.ok(html.includes(`id="${stateAnchor(name)}"`), `anchor of ${JSON.stringify(name)}`);
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  test("the Markdown keeps its structure and the flowchart only known statements", () => {
    fc.assert(
      fc.property(names, hostileString, (stateNames, text) => {
        const machine = hostileMachine(stateNames, text);
        assertMarkdown(renderMarkdown(hostileResult(stateNames, text), { machine, code: "", title: text }), 1);
      }),
      { seed: SEED, numRuns: 150 },
    );
  });
});
