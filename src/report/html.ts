import type { CompareResult, CostEstimate, Outcome, RunComparison } from "../compare/types.js";
import type { MachineIR } from "../ir/types.js";
import { anchorCode, type AnchoredCode } from "./code.js";
import { escapeHtml, stateAnchor } from "./escape.js";
import { comparisonText, costRows, EXECUTIONS, jsonText, metricRows, outcomeText, quantity, usd, verdictText } from "./format.js";
import { machineGraph, operationTree, type MachineGraph } from "./graph.js";
import { pathHighlight } from "./path.js";
import { SCRIPT, STYLE } from "./style.js";
import { machineSvg, operationsSvg } from "./svg.js";

/** What the report shows besides the result: the machine (for the graph) and the generated module (for the code). */
export interface ReportContext {
  machine: MachineIR;
  /** The generated TypeScript module (transpile()'s `code`). */
  code: string;
  title?: string;
}

/**
 * The `compare --report out.html` page: one self-contained file (inline CSS, inline SVG, a few lines of inline script,
 * nothing loaded from the network). Per run: the verdict and outcomes, the state machine with the interpreter's path
 * highlighted beside the durable handler's operation tree, the differences, the metrics and the cost estimate. Then the
 * generated code, with an anchor at each state's heading that the graph nodes link to.
 */
export function renderHtml(result: CompareResult, context: ReportContext): string {
  const graph = machineGraph(context.machine);
  const code = anchorCode(context.code, graph.states);
  const title = context.title ?? `asl2durable compare: ${result.machine.name}`;
  const summary = verdictText(result.runs);
  const nav =
    result.runs.length > 1
      ? `<nav class="runs">${result.runs.map((run, i) => `<a href="#run-${i}">${escapeHtml(run.name)}: ${run.verdict}</a>`).join("")}</nav>`
      : "";
  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">`,
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    "</head>",
    "<body>",
    '<header class="page">',
    `<h1>${escapeHtml(title)}</h1>`,
    `<p>State machine <strong>${escapeHtml(result.machine.name)}</strong>, ${plural(result.machine.states, "state")}. ${escapeHtml(summary)} Exit status ${result.exitCode}.</p>`,
    nav,
    "</header>",
    "<main>",
    ...result.runs.map((run, i) => runSection(run, i, graph, code)),
    codeSection(code),
    "</main>",
    `<script>${SCRIPT}</script>`,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

function runSection(run: RunComparison, index: number, graph: MachineGraph, code: AnchoredCode): string {
  const highlight = pathHighlight(graph, run.interpreter.path, run.interpreter.outcome);
  const tree = operationTree(run.handler.operations, graph.states);
  const machine = machineSvg(graph, { id: `run${index}-machine`, highlight, anchored: code.anchored, caption: "State machine" });
  const operations = operationsSvg(tree, { anchored: code.anchored, outcome: run.handler.outcome, caption: "Durable operations" });
  // Columns in proportion to the graphs' natural widths, so that both scale alike on a narrow page.
  const columns = `grid-template-columns: minmax(0, ${machine.width}fr) minmax(0, ${operations.width}fr)`;
  return [
    `<section class="run" id="run-${index}">`,
    `<h2>Run ${escapeHtml(run.name)} <span class="verdict verdict-${run.verdict}">${run.verdict}</span></h2>`,
    outcomesTable(run),
    `<div class="graphs" style="${columns}">`,
    '<figure class="graph-figure machine-figure">',
    `<figcaption>State machine: the interpreter's path</figcaption>`,
    `<p class="legend">Orange: states entered and transitions taken (×n: entered n times). Dashed red: Catch. Click a state for its code.</p>`,
    machine.svg,
    "</figure>",
    '<figure class="graph-figure operations-figure">',
    `<figcaption>Durable handler: ${plural(run.handler.operations.length, "operation")}</figcaption>`,
    `<p class="legend">In order (#n), indented under their parent; click one to see its state's code.<span class="key"><span class="swatch" style="background:#e0f2fe"></span>step</span> <span class="key"><span class="swatch" style="background:#f3e8ff"></span>wait</span> <span class="key"><span class="swatch" style="background:#e0e7ff"></span>context</span> <span class="key"><span class="swatch" style="background:#ccfbf1"></span>callback</span>. Border: green succeeded, red failed, dashed pending.</p>`,
    operations.svg,
    tree.omitted > 0 ? `<p class="note">${plural(tree.omitted, "more operation")} not drawn.</p>` : "",
    "</figure>",
    "</div>",
    run.verdict === "different" ? differencesTable(run) : "",
    "<h3>Metrics</h3>",
    metricsTable(run),
    "<h3>Cost estimate</h3>",
    costTable(run.cost),
    "</section>",
  ].join("\n");
}

function outcomeCell(outcome: Outcome): string {
  return `<td><span class="status-${outcome.status}">${escapeHtml(outcomeText(outcome))}</span></td>`;
}

function outputCell(outcome: Outcome): string {
  return outcome.status === "SUCCEEDED" ? `<td class="value">${escapeHtml(jsonText(outcome.output))}</td>` : "<td></td>";
}

function outcomesTable(run: RunComparison): string {
  const rows = [
    ["Interpreter (Step Functions semantics)", run.interpreter.outcome] as const,
    ["Durable handler", run.handler.outcome] as const,
    ...(run.recorded ? [["Recorded by AWS", run.recorded] as const] : []),
  ];
  return [
    '<table class="outcomes">',
    "<thead><tr><th>Side</th><th>Outcome</th><th>Output</th></tr></thead>",
    "<tbody>",
    ...rows.map(([side, outcome]) => `<tr><th scope="row">${escapeHtml(side)}</th>${outcomeCell(outcome)}${outputCell(outcome)}</tr>`),
    "</tbody>",
    "</table>",
    `<details><summary>Input</summary><pre>${escapeHtml(JSON.stringify(run.input, null, 2) ?? "")}</pre></details>`,
  ].join("\n");
}

function differencesTable(run: RunComparison): string {
  return [
    `<h3>Differences (${run.differences.length})</h3>`,
    '<table class="differences">',
    "<thead><tr><th>Path</th><th>Interpreter</th><th>Durable handler</th></tr></thead>",
    "<tbody>",
    ...run.differences.map(
      (d) =>
        `<tr><td class="value">${escapeHtml(d.path)}</td><td class="value">${escapeHtml(jsonText(d.interpreter))}</td><td class="value">${escapeHtml(jsonText(d.handler))}</td></tr>`,
    ),
    "</tbody>",
    "</table>",
  ].join("\n");
}

function metricsTable(run: RunComparison): string {
  return [
    '<table class="metrics">',
    '<thead><tr><th>Measure</th><th>Of</th><th class="num">Value</th></tr></thead>',
    "<tbody>",
    ...metricRows(run.metrics).map((m) => `<tr><td>${escapeHtml(m.label)}</td><td>${escapeHtml(m.side)}</td><td class="num">${escapeHtml(m.value)}</td></tr>`),
    "</tbody>",
    "</table>",
  ].join("\n");
}

function costTable(cost: CostEstimate): string {
  const perMillion = `Per ${quantity(EXECUTIONS)} executions`;
  const total = (side: string, amount: number): string =>
    `<tr class="total"><td colspan="5">${escapeHtml(side)} total</td><td class="num">${escapeHtml(usd(amount))}</td><td class="num">${escapeHtml(usd(amount * EXECUTIONS))}</td></tr>`;
  const rows = costRows(cost).map(
    ({ side, line }) =>
      `<tr><td>${escapeHtml(side)}</td><td>${escapeHtml(line.item)}</td><td class="num">${escapeHtml(quantity(line.quantity))}</td><td>${escapeHtml(line.unit)}</td><td class="num">${escapeHtml(usd(line.unitPrice))}</td><td class="num">${escapeHtml(usd(line.amount))}</td><td class="num">${escapeHtml(usd(line.amount * EXECUTIONS))}</td></tr>`,
  );
  return [
    '<table class="cost">',
    `<caption>${escapeHtml(`${cost.currency}, prices of ${cost.region}`)}</caption>`,
    `<thead><tr><th>Side</th><th>Item</th><th class="num">Quantity</th><th>Unit</th><th class="num">Unit price</th><th class="num">This run</th><th class="num">${escapeHtml(perMillion)}</th></tr></thead>`,
    "<tbody>",
    ...rows,
    total("Step Functions", cost.stepFunctions.total),
    total("Durable functions", cost.durable.total),
    "</tbody>",
    "</table>",
    `<p class="note">${escapeHtml(comparisonText(cost))}</p>`,
  ].join("\n");
}

function codeSection(code: AnchoredCode): string {
  if (code.lines.length === 0) return '<section class="code" id="code"><h2>Generated handler</h2><p class="note">No generated code was given.</p></section>';
  const lines = code.lines.map((line) =>
    line.state !== undefined
      ? `<span class="line heading" id="${escapeHtml(stateAnchor(line.state))}" data-state="${escapeHtml(line.state)}">${escapeHtml(line.text)}</span>`
      : `<span class="line">${escapeHtml(line.text)}</span>`,
  );
  return [
    '<section class="code" id="code">',
    "<h2>Generated handler</h2>",
    `<p class="note">Each highlighted <code>// "Name" (Type)</code> line starts the code of one state; the graph's states link here.</p>`,
    `<pre><code>${lines.join("")}</code></pre>`,
    "</section>",
  ].join("\n");
}
