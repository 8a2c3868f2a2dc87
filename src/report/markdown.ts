import type { CompareResult, CostEstimate, Outcome, RunComparison } from "../compare/types.js";
import { markdownText } from "./escape.js";
import { comparisonText, costRows, EXECUTIONS, jsonText, metricRows, outcomeText, quantity, usd, verdictText } from "./format.js";
import { machineGraph, type MachineGraph } from "./graph.js";
import type { ReportContext } from "./html.js";
import { mermaidFlowchart } from "./mermaid.js";
import { pathHighlight } from "./path.js";

/**
 * The `compare --report out.md` text, for a pull request: the verdict, then per run the outcomes, the state machine as
 * a Mermaid flowchart with the interpreter's path highlighted, the differences, the metrics and the cost estimate.
 * Every text from the definition or the run goes through `markdownText` (Mermaid labels through `mermaidText`).
 */
export function renderMarkdown(result: CompareResult, context: ReportContext): string {
  const graph = machineGraph(context.machine);
  const title = context.title ?? `asl2durable compare: ${result.machine.name}`;
  const agree = result.runs.every((r) => r.verdict === "same");
  const verdict = `${result.runs.length === 0 ? "" : agree ? "✅ " : "❌ "}${verdictText(result.runs)}`;
  const out = [
    `## ${markdownText(title)}`,
    "",
    `**${markdownText(verdict)}** State machine ${markdownText(result.machine.name)}, ${plural(result.machine.states, "state")}; exit status ${result.exitCode}.`,
    "",
  ];
  for (const run of result.runs) out.push(...runSection(run, graph));
  return `${out.join("\n").replace(/\n+$/, "")}\n`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(" | ")} |`;
}

function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>, numeric: ReadonlySet<number> = new Set()): string[] {
  return [row(header.map(markdownText)), row(header.map((_, i) => (numeric.has(i) ? "---:" : "---"))), ...rows.map((r) => row(r.map(markdownText)))];
}

function outcomeRow(side: string, outcome: Outcome): string[] {
  return [side, outcomeText(outcome), outcome.status === "SUCCEEDED" ? jsonText(outcome.output) : ""];
}

function runSection(run: RunComparison, graph: MachineGraph): string[] {
  const highlight = pathHighlight(graph, run.interpreter.path, run.interpreter.outcome);
  const outcomes = [
    outcomeRow("Interpreter (Step Functions semantics)", run.interpreter.outcome),
    outcomeRow("Durable handler", run.handler.outcome),
    ...(run.recorded ? [outcomeRow("Recorded by AWS", run.recorded)] : []),
  ];
  return [
    `### Run ${markdownText(run.name)}: ${run.verdict === "same" ? "✅ same" : "❌ different"}`,
    "",
    ...table(["Side", "Outcome", "Output"], outcomes),
    "",
    "```mermaid",
    mermaidFlowchart(graph, highlight),
    "```",
    "",
    `_The interpreter's path in orange (×n: entered n times); Catch transitions dotted. The durable handler ran ${plural(run.handler.operations.length, "operation")}._`,
    "",
    ...(run.verdict === "different"
      ? [
          `#### Differences (${run.differences.length})`,
          "",
          ...table(
            ["Path", "Interpreter", "Durable handler"],
            run.differences.map((d) => [d.path, jsonText(d.interpreter), jsonText(d.handler)]),
          ),
          "",
        ]
      : []),
    "#### Metrics",
    "",
    ...table(
      ["Measure", "Of", "Value"],
      metricRows(run.metrics).map((m) => [m.label, m.side, m.value]),
      new Set([2]),
    ),
    "",
    ...costSection(run.cost),
  ];
}

function costSection(cost: CostEstimate): string[] {
  const rows = costRows(cost).map(({ side, line }) => [
    side,
    line.item,
    quantity(line.quantity),
    line.unit,
    usd(line.unitPrice),
    usd(line.amount),
    usd(line.amount * EXECUTIONS),
  ]);
  rows.push(["Step Functions total", "", "", "", "", usd(cost.stepFunctions.total), usd(cost.stepFunctions.total * EXECUTIONS)]);
  rows.push(["Durable functions total", "", "", "", "", usd(cost.durable.total), usd(cost.durable.total * EXECUTIONS)]);
  return [
    `#### Cost estimate (${markdownText(`${cost.currency}, prices of ${cost.region}`)})`,
    "",
    ...table(["Side", "Item", "Quantity", "Unit", "Unit price", "This run", `Per ${quantity(EXECUTIONS)} executions`], rows, new Set([2, 4, 5, 6])),
    "",
    markdownText(comparisonText(cost)),
    "",
  ];
}
