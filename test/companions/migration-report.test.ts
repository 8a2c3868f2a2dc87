import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { generateMigrationReport } from "../../src/companions/migration-report.js";
import type { Diagnostic } from "../../src/diagnostics/types.js";
import { transpile } from "../../src/index.js";
import { allStates } from "../../src/companions/walk.js";

/** The migration report (src/companions/migration-report.ts): what each state became, what needs a human, warnings. */
async function report(definition: unknown, diagnostics?: Diagnostic[]): Promise<{ text: string; names: string[] }> {
  const result = await transpile(definition, { stateMachineName: "m" });
  assert.ok(result.ir !== undefined);
  const text = generateMigrationReport(result.ir, { diagnostics: diagnostics ?? result.diagnostics, machineName: "m", sourceFile: "m.asl.json" });
  return { text, names: allStates(result.ir).map(({ state }) => state.origin.name) };
}

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/transpile/${name}/definition.asl.json`, import.meta.url), "utf8");

/** The section of the report under a `## ` heading. */
function section(text: string, heading: string): string {
  const start = text.indexOf(`## ${heading}\n`);
  assert.ok(start >= 0, `no section ${heading}`);
  const end = text.indexOf("\n## ", start + 1);
  return text.slice(start, end < 0 ? undefined : end);
}

describe("what needs a human", () => {
  test(".waitForTaskToken: workers switch from SendTaskSuccess to the durable callback API", async () => {
    const { text } = await report(fixture("wait-for-task-token"));
    const human = section(text, "What needs a human");
    assert.match(human, /SendTaskSuccess \/ SendTaskFailure \/ SendTaskHeartbeat/);
    assert.match(human, /SendDurableExecutionCallbackSuccess \/ SendDurableExecutionCallbackFailure \/ SendDurableExecutionCallbackHeartbeat/);
    assert.match(human, /“Request Manager Approval”/);
    assert.match(section(text, "What each state became"), /\| “Request Manager Approval” \| Task \(sqs:sendMessage\.waitForTaskToken\) \| durable callback/);
  });

  test("activities: a dispatcher for the activity ARN replaces the GetActivityTask workers' polling", async () => {
    const { text } = await report(fixture("activity"));
    const human = section(text, "What needs a human");
    assert.match(human, /Activities \(“Extract Text”\)/);
    assert.match(human, /makeHandler\(\{ activities: \{ … \} \}\)/);
    assert.match(human, /arn:aws:states:us-east-1:123456789012:activity:ocr-worker/);
    assert.match(section(text, "What each state became"), /HeartbeatSeconds: the callback's heartbeat timeout/);
  });

  test("http:invoke needs a connection resolver; IAM-signed apigateway:invoke needs a signer", async () => {
    const human = section((await report(fixture("http"))).text, "What needs a human");
    assert.match(human, /HTTP Tasks \(“Get Exchange Rate”\): pass makeHandler\(\{ http: \{ connection \} \}\)/);
    assert.match(human, /API Gateway Tasks \(“Post To Ledger”\)/);
    assert.match(human, /makeHandler\(\{ apiGateway: \{ signer \} \}\)/);
  });

  test("deploy-time placeholders need values; run-time resources need narrower IAM; callers are retargeted", async () => {
    const { text } = await report({
      StartAt: "Call",
      States: {
        Call: { Type: "Task", Resource: "${CheckFn}", Next: "Put" },
        Put: { Type: "Task", Resource: "arn:aws:states:::dynamodb:putItem", Parameters: { "TableName.$": "$.table", Item: {} }, End: true },
      },
    });
    const human = section(text, "What needs a human");
    assert.match(human, /\\\$\{CheckFn\}/, "the placeholder, escaped");
    assert.match(human, /makeHandler\(\{ substitutions \}\)/);
    assert.match(human, /IAM \(“Put”\): TableName is read at run time/);
    assert.match(human, /Callers: retarget/);
  });
});

describe("states, semantics and warnings", () => {
  test("every state appears once in the table, with what it became", async () => {
    const { text, names } = await report(readFileSync(new URL("../../fixtures/order-processing.asl.json", import.meta.url), "utf8"));
    const table = section(text, "What each state became");
    for (const name of names) assert.equal(table.split(`| “${name}”`).length - 1, 1, name);
    assert.match(table, /\| “Wait For Shipment” \| Wait \| durable wait of 300 s/);
    assert.match(table, /\| “Mark Shipped” \(in “Notify” › “Update Line Items”\) \| Task \(lambda:invoke\) \| Lambda Invoke, one durable step per attempt/);
    assert.match(section(text, "What changes in semantics and cost"), /Waits are durable waits/);
    assert.match(text, /ExecutionTimeout 86400 seconds \(the machine's TimeoutSeconds\)/);
  });

  test("the diagnostics given are listed with their codes", async () => {
    const diagnostics: Diagnostic[] = [
      { code: "ASL904", severity: "warning", message: "Resource ${X} is resolved at run time", location: { pointer: "/States/A/Resource" }, state: "A", hint: "pass substitutions" },
      { code: "ASL950", severity: "info", message: "a note", location: { pointer: "" } },
    ];
    const warnings = section((await report({ StartAt: "A", States: { A: { Type: "Pass", End: true } } }, diagnostics)).text, "Warnings");
    assert.match(warnings, /\| ASL904 \| warning \| A \| Resource \\\$\{X\} is resolved at run time \(pass substitutions\) \|/);
    assert.match(warnings, /\| ASL950 \| info \|  \| a note \|/);
  });

  test("names from the definition cannot break the Markdown (tables, code, HTML)", async () => {
    const name = "a|b `c` <script>*x*</script>\n# h";
    const { text } = await report({ StartAt: name, States: { [name]: { Type: "Pass", End: true } } });
    const row = section(text, "What each state became").split("\n").find((l) => l.includes("script"));
    assert.ok(row !== undefined);
    // A table row of 4 cells has 5 unescaped pipes.
    assert.equal(row.replace(/\\\|/g, "").split("|").length - 1, 5);
    assert.ok(!text.includes("<script>"));
    assert.ok(!/`c`/.test(row));
  });

  test("deterministic", async () => {
    const a = await report(fixture("jsonata"));
    const b = await report(fixture("jsonata"));
    assert.equal(a.text, b.text);
  });
});
