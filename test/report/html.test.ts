/**
 * The HTML report's content without a browser (test/report/chromium.test.ts opens it in one): verdicts, the
 * differences table only for a differing run, the cost with its per-million totals, every link with its target, and
 * nothing to load from anywhere.
 */
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { stateAnchor } from "../../src/report/escape.js";
import { machineGraph } from "../../src/report/graph.js";
import { renderHtml } from "../../src/report/index.js";
import { orderProcessingSample, type Sample } from "./sample.js";

describe("renderHtml", () => {
  let sample: Sample;
  let html: string;

  before(async () => {
    sample = await orderProcessingSample();
    html = renderHtml(sample.result, { machine: sample.machine, code: sample.code });
  });

  test("one section per run with its verdict, and the summary", () => {
    assert.ok(html.includes("1 of 2 runs differs: the interpreter and the durable handler disagree."));
    assert.ok(html.includes('<section class="run" id="run-0">\n<h2>Run input <span class="verdict verdict-same">same</span></h2>'));
    assert.ok(html.includes('<section class="run" id="run-1">\n<h2>Run declined card <span class="verdict verdict-different">different</span></h2>'));
    assert.ok(html.includes("<title>asl2durable compare: order-processing</title>"));
  });

  test("the differences table only for the run that differs", () => {
    assert.equal(html.split('<table class="differences">').length - 1, 1);
    const run1 = html.slice(html.indexOf('id="run-1"'));
    assert.ok(
      run1.includes(
        '<td class="value">$.Cause</td><td class="value">&quot;Order o-2 was rejected&quot;</td><td class="value">&quot;Order undefined was rejected&quot;</td>',
      ),
    );
  });

  test("cost lines with enough decimals, totals and per-million totals", () => {
    const run0 = html.slice(html.indexOf('id="run-0"'), html.indexOf('id="run-1"'));
    // 15 transitions × $0.000025 = $0.000375, shown to two significant digits; × 1,000,000 = $375.00.
    assert.ok(
      run0.includes(
        '<td>Step Functions</td><td>State transitions</td><td class="num">15</td><td>transition</td><td class="num">$0.000025</td><td class="num">$0.00038</td><td class="num">$375.00</td>',
      ),
    );
    assert.ok(run0.includes('<tr class="total"><td colspan="5">Step Functions total</td><td class="num">$0.00038</td><td class="num">$375.00</td></tr>'));
    assert.match(
      run0,
      /<tr class="total"><td colspan="5">Durable functions total<\/td><td class="num">\$0\.00012<\/td><td class="num">\$121\.\d\d<\/td><\/tr>/,
    );
    assert.ok(run0.includes("Per 1,000,000 executions"));
  });

  test("every state has one code anchor, and every link has its target", () => {
    const names = machineGraph(sample.machine).states.map((s) => s.name);
    assert.equal(names.length, 13, "nested states included");
    for (const name of names) {
      assert.equal(html.split(`id="${stateAnchor(name)}"`).length - 1, 1, name);
    }
    const targets = new Set([...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
    const links = [...html.matchAll(/ href="#([^"]+)"/g)].map((m) => m[1]);
    assert.ok(links.length > 0);
    for (const link of links) assert.ok(targets.has(link), `#${link} has a target`);
  });

  test("self-contained: nothing is loaded, and a policy forbids loading", () => {
    assert.doesNotMatch(html, /\ssrc=|<link|@import|url\((?!#)/i);
    assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="default-src 'none';`));
  });

  test("without code the states are not links, and the page says why", () => {
    const bare = renderHtml(sample.result, { machine: sample.machine, code: "" });
    assert.ok(bare.includes("No generated code was given."));
    assert.ok(!bare.includes('href="#state-'));
  });
});
