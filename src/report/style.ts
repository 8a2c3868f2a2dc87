import { FONT_FAMILY } from "./text.js";

/**
 * The HTML report's inline style sheet and script: constants, with no text from a definition or a run in them (the
 * script reads `data-state` attributes and compares them as strings; it never builds a selector or markup from them).
 */

export const STYLE = `
:root { --fg: #1f2937; --muted: #6b7280; --line: #d1d5db; --hot: #ea580c; --ok: #15803d; --bad: #b91c1c; }
* { box-sizing: border-box; }
body { margin: 0; font-family: ${FONT_FAMILY}; color: var(--fg); background: #f8fafc; font-size: 14px; line-height: 1.45; }
header.page { background: #0f172a; color: #f8fafc; padding: 14px 24px; }
header.page h1 { margin: 0 0 4px; font-size: 20px; }
header.page p { margin: 0; color: #cbd5e1; }
main { padding: 12px 24px 32px; }
nav.runs { margin: 8px 0 0; }
nav.runs a { color: #bfdbfe; margin-right: 12px; }
h2 { font-size: 18px; margin: 24px 0 8px; }
h3 { font-size: 15px; margin: 18px 0 6px; }
.verdict { display: inline-block; padding: 1px 10px; border-radius: 999px; font-weight: 600; font-size: 13px; vertical-align: middle; }
.verdict-same { background: #dcfce7; color: #166534; }
.verdict-different { background: #fee2e2; color: #991b1b; }
table { border-collapse: collapse; background: #fff; margin: 6px 0 10px; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f1f5f9; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.total td { font-weight: 600; background: #f8fafc; }
td.value { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 12px; white-space: pre-wrap; word-break: break-all; max-width: 42em; }
.status-SUCCEEDED { color: var(--ok); font-weight: 600; }
.status-FAILED { color: var(--bad); font-weight: 600; }
details { margin: 4px 0; }
details pre { background: #fff; border: 1px solid var(--line); padding: 8px; overflow: auto; max-height: 20em; }
.graphs { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 16px; align-items: start; }
figure.graph-figure { margin: 0; background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 8px 10px; overflow: auto; }
figure.graph-figure figcaption { font-weight: 600; margin-bottom: 4px; }
figure.graph-figure .legend { color: var(--muted); font-size: 12px; margin: 0 0 6px; }
.legend .key { white-space: nowrap; }
.legend .swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin: 0 3px 0 8px; vertical-align: -1px; border: 1px solid #64748b; }
svg.graph { display: block; margin: 0 auto; max-width: 100%; height: auto; }
svg.graph text { font-family: ${FONT_FAMILY}; }
.node rect { stroke-width: 1.5; }
.node-name { font-size: 13px; fill: #111827; }
.node-type { font-size: 11px; fill: #4b5563; }
.state.type-task rect { fill: #e0f2fe; stroke: #0369a1; }
.state.type-choice rect { fill: #fef9c3; stroke: #a16207; }
.state.type-wait rect { fill: #f3e8ff; stroke: #7e22ce; }
.state.type-pass rect { fill: #f1f5f9; stroke: #475569; }
.state.type-succeed rect { fill: #dcfce7; stroke: #15803d; }
.state.type-fail rect { fill: #fee2e2; stroke: #b91c1c; }
.state.type-parallel rect, .state.type-map rect { fill: #c7d2fe; stroke: #4338ca; }
.node.visited rect { stroke: var(--hot); stroke-width: 3; }
.node.unvisited { opacity: 0.45; }
.terminal rect { fill: #334155; stroke: #334155; }
.terminal .node-name { fill: #fff; font-size: 12px; }
.terminal.visited rect { fill: var(--hot); }
.join circle { fill: #fff; stroke: #4338ca; stroke-width: 2; }
.join.visited circle { stroke: var(--hot); fill: var(--hot); }
.cluster rect { fill: #fff; stroke: #94a3b8; stroke-dasharray: 4 3; }
.cluster-container rect { fill: #eef2ff; stroke: #818cf8; stroke-dasharray: none; }
.cluster-label { font-size: 11px; fill: #4338ca; font-weight: 600; paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
.edge path { fill: none; stroke: #64748b; stroke-width: 1.5; }
.edge-catch path { stroke: var(--bad); stroke-dasharray: 6 4; }
.edge-child path { stroke: #94a3b8; }
.edge.taken path { stroke: var(--hot); stroke-width: 3; }
.arrow { fill: #64748b; stroke: none; }
.arrow-catch { fill: var(--bad); }
.arrow-taken { fill: var(--hot); }
.edge-label-bg { fill: #fff; fill-opacity: 0.92; stroke: #e2e8f0; }
.edge-label { font-size: 11px; fill: #334155; }
.edge-catch .edge-label { fill: var(--bad); }
.badge circle { fill: var(--hot); }
.badge text { fill: #fff; font-size: 10px; font-weight: 700; }
.operation rect { stroke-width: 2; }
.op-step rect { fill: #e0f2fe; }
.op-wait rect { fill: #f3e8ff; }
.op-context rect { fill: #e0e7ff; }
.op-callback rect { fill: #ccfbf1; }
.op-invoke rect { fill: #fce7f3; }
.op-execution rect, .op-other rect { fill: #f1f5f9; }
.op-root rect { fill: #334155; }
.op-root .node-name, .op-root .node-type { fill: #fff; }
.status-succeeded rect { stroke: var(--ok); }
.status-failed rect { stroke: var(--bad); stroke-width: 3; }
.status-pending rect { stroke: #d97706; stroke-dasharray: 4 3; }
a.node-link { cursor: pointer; }
a.node-link:hover rect, .node.linked rect { stroke: #f97316; stroke-width: 4; }
section.code pre { margin: 0; background: #0f172a; color: #e2e8f0; border-radius: 8px; padding: 10px 0; max-height: 75vh; overflow: auto; font: 12px/1.5 ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; counter-reset: line; }
section.code .line { display: block; padding: 0 12px 0 0; white-space: pre; min-height: 1.5em; }
section.code .line::before { counter-increment: line; content: counter(line); display: inline-block; width: 4em; padding-right: 12px; text-align: right; color: #64748b; user-select: none; }
section.code .line.heading { color: #fbbf24; font-weight: 600; }
section.code .line:target, section.code .line.linked { background: #854d0e; color: #fff; }
p.note { color: var(--muted); }
`;

/** Hovering a state (node, operation or code heading) marks every element of the same run or code for that state. */
export const SCRIPT = `
(function () {
  function mark(target, on) {
    var el = target && target.closest ? target.closest("[data-state]") : null;
    if (!el) return;
    var name = el.getAttribute("data-state");
    var scope = el.closest("section") || document;
    var all = scope.querySelectorAll("[data-state]");
    for (var i = 0; i < all.length; i++) {
      if (all[i].getAttribute("data-state") === name) all[i].classList.toggle("linked", on);
    }
  }
  document.addEventListener("mouseover", function (e) { mark(e.target, true); });
  document.addEventListener("mouseout", function (e) { mark(e.target, false); });
})();
`;
