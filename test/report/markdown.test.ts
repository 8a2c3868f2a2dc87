/**
 * The Markdown report (src/report/markdown.ts) of a small hand-made result, checked line by line when it was written:
 * the verdict; the outcomes; the flowchart with the path (Start → Charge → OK? → Done → End: links 0, 1, 3 and 5; the
 * Catch (dotted, labelled with both ErrorEquals, ASL-9) and the Default (ASL-6.3) not taken); the state name with a
 * quote, a pipe and a percent sign written as Mermaid entity codes; the difference with its pipes escaped so the cells
 * hold; the metrics; the cost lines with six decimals where two would print $0.00, and the per-million totals
 * ($0.000075 × 1,000,000 = $75.00).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { machineGraph } from "../../src/report/graph.js";
import { renderMarkdown } from "../../src/report/index.js";
import { mermaidFlowchart } from "../../src/report/mermaid.js";
import { pathHighlight } from "../../src/report/path.js";
import { machineOf, orderProcessingSample } from "./sample.js";
import { SMALL_DEFINITION, SMALL_RESULT } from "./small.js";

const EXPECTED = `## asl2durable compare: small

**❌ 1 of 1 run differs: the interpreter and the durable handler disagree.** State machine small, 4 states; exit status 1.

### Run input: ❌ different

| Side | Outcome | Output |
| --- | --- | --- |
| Interpreter (Step Functions semantics) | SUCCEEDED | {"ok":true,"note":"a\\|b"} |
| Durable handler | SUCCEEDED | {"ok":true,"note":"a\\|c"} |

\`\`\`mermaid
flowchart TD
  m_start(("Start"))
  m_n0["Charge #34;VIP#34; #124; 50#37;<br/>Task"]
  m_n1{{"OK?<br/>Choice"}}
  m_n2(["Done<br/>Succeed"])
  m_n3(["Declined<br/>Fail"])
  m_end(("End"))
  m_start --> m_n0
  m_n0 --> m_n1
  m_n0 -.->|"Card.Declined, States.Timeout"| m_n3
  m_n1 -->|"#36;.ok == true"| m_n2
  m_n1 -->|"Default"| m_n3
  m_n2 --> m_end
  classDef task fill:#e0f2fe,stroke:#0369a1
  classDef choice fill:#fef9c3,stroke:#a16207
  classDef wait fill:#f3e8ff,stroke:#7e22ce
  classDef pass fill:#f1f5f9,stroke:#475569
  classDef succeed fill:#dcfce7,stroke:#15803d
  classDef fail fill:#fee2e2,stroke:#b91c1c
  classDef batch fill:#c7d2fe,stroke:#4338ca
  classDef marker fill:#334155,stroke:#334155,color:#fff
  classDef visited stroke:#ea580c,stroke-width:3px
  class m_n0 task
  class m_n1 choice
  class m_n2 succeed
  class m_n3 fail
  class m_start,m_end marker
  class m_n0,m_n1,m_n2 visited
  linkStyle 0,1,3,5 stroke:#ea580c,stroke-width:3px
\`\`\`

_The interpreter's path in orange (×n: entered n times); Catch transitions dotted. The durable handler ran 1 operation._

#### Differences (1)

| Path | Interpreter | Durable handler |
| --- | --- | --- |
| \\$.note | "a\\|b" | "a\\|c" |

#### Metrics

| Measure | Of | Value |
| --- | --- | ---: |
| State transitions | Step Functions | 3 |
| Durable operations | Durable handler | 1 |
| Checkpointed bytes | Durable handler | 27 |
| Invocations | Durable handler | 1 |
| Replays | Durable handler | 0 |
| Elapsed (virtual) seconds | Durable handler | 0 |
| Handler milliseconds | Durable handler | 2 |

#### Cost estimate (USD, prices of us-east-1)

| Side | Item | Quantity | Unit | Unit price | This run | Per 1,000,000 executions |
| --- | --- | ---: | --- | ---: | ---: | ---: |
| Step Functions | State transitions | 3 | transition | \\$0.000025 | \\$0.000075 | \\$75.00 |
| Durable functions | Durable operations | 1 | operation | \\$0.000008 | \\$0.000008 | \\$8.00 |
| Step Functions total |  |  |  |  | \\$0.000075 | \\$75.00 |
| Durable functions total |  |  |  |  | \\$0.000008 | \\$8.00 |

Durable functions cost 11% of Step Functions for this run.
`;

test("the Markdown report of a small result", () => {
  assert.equal(renderMarkdown(SMALL_RESULT, { machine: machineOf(SMALL_DEFINITION), code: "" }), EXPECTED);
});

test("a run that agrees has no differences section, and the verdict says so", () => {
  const run = SMALL_RESULT.runs[0];
  assert.ok(run);
  const same = { ...SMALL_RESULT, exitCode: 0 as const, runs: [{ ...run, verdict: "same" as const, differences: [] }] };
  const markdown = renderMarkdown(same, { machine: machineOf(SMALL_DEFINITION), code: "", title: "PR check" });
  assert.ok(markdown.startsWith("## PR check\n\n**✅ 1 run: the interpreter and the durable handler agree.**"));
  assert.ok(markdown.includes("### Run input: ✅ same"));
  assert.ok(!markdown.includes("Differences"));
});

test("the order-processing flowchart: Parallel and Map as nested subgraphs, the path and the repeats (ASL-6.7, ASL-6.8)", async () => {
  const { result, machine } = await orderProcessingSample();
  const graph = machineGraph(machine);
  const run = result.runs[0];
  assert.ok(run);
  const chart = mermaidFlowchart(graph, pathHighlight(graph, run.interpreter.path, run.interpreter.outcome));
  const lines = chart.split("\n");
  const block = (open: string): string[] => {
    const start = lines.indexOf(open);
    assert.ok(start >= 0, open);
    const indent = open.length - open.trimStart().length;
    const end = lines.findIndex((l, i) => i > start && l === `${" ".repeat(indent)}end`);
    return lines.slice(start + 1, end);
  };
  const notify = block('  subgraph m_cn6["Notify (Parallel)"]');
  assert.ok(notify.includes('    m_n6[["Notify<br/>Parallel"]]'));
  assert.ok(notify.includes('    subgraph m_s1["Branch 0"]'));
  assert.ok(notify.includes('    subgraph m_s2["Branch 1"]'));
  assert.deepEqual(block('    subgraph m_s1["Branch 0"]'), ['      m_n7["Email Customer<br/>Task"]']);
  assert.ok(block('        subgraph m_s3["Item processor"]').includes('          m_n9["Mark Shipped<br/>Task #215;2"]'), "entered twice: ×2");
  // The loop's Default and the exit to Notify are both taken; the LOST rule is not.
  const links = lines.filter((l) => / (?:-->|-\.->)/.test(l));
  const taken = new Set((/^  linkStyle ([\d,]+) /.exec(lines.find((l) => l.startsWith("  linkStyle")) ?? "")?.[1] ?? "").split(",").map(Number));
  const isTaken = (link: string): boolean => taken.has(links.indexOf(link));
  assert.ok(isTaken('  m_n5 -->|"Default"| m_n3'));
  assert.ok(isTaken('  m_n5 -->|"#36;.shipment.status == #34;SHIPPED#34;"| m_n6'));
  assert.ok(!isTaken('  m_n5 -->|"#36;.shipment.status == #34;LOST#34;"| m_n11'));
  assert.ok(isTaken("  m_jn6 --> m_n10"), "Notify's Next leaves from its join");
});
