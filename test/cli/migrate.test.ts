import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, test } from "node:test";
import { main } from "../../src/cli/main.js";

/**
 * `asl2durable migrate` (issue #6 item 4): every state machine of the input gets its handler and companions in the
 * output folder, and the generated test passes as generated (run here as its own node:test process).
 */
const OUT = fileURLToPath(new URL("../.generated/migrate-cli/", import.meta.url));

async function cli(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const status = await main(args, { out: (t) => void (stdout += `${t}\n`), err: (t) => void (stderr += `${t}\n`), isTTY: false });
  return { status, stdout, stderr };
}

describe("migrate", () => {
  test("the bundled example: handler + test written, the test passes, the summary names them", async () => {
    rmSync(OUT, { recursive: true, force: true });
    const r = await cli("migrate", "fixtures/order-processing.asl.json", "--out", OUT);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /1 of 1 state machine\(s\) migrated/);
    assert.match(r.stderr, /\[1\/1\] order-processing/);
    const handler = readFileSync(`${OUT}order-processing.ts`, "utf8");
    assert.match(handler, /export function makeHandler/);
    assert.ok(existsSync(`${OUT}order-processing.test.ts`));
    // The deployment construct grants the exact Lambda functions the Tasks call; the report lists every state.
    const construct = readFileSync(`${OUT}order-processing.construct.ts`, "utf8");
    assert.match(construct, /lambda:InvokeFunction/);
    assert.match(construct, /arn:aws:lambda:us-east-1:123456789012:function:charge-card/);
    const report = readFileSync(`${OUT}order-processing.migration.md`, "utf8");
    for (const state of ["Validate Order", "Charge Card", "Wait For Shipment", "Notify"]) assert.ok(report.includes(state), `the report names ${state}`);
    const run = spawnSync(process.execPath, ["--import", "tsx", "--conditions=asl2durable-source", "--test", `${OUT}order-processing.test.ts`], {
      encoding: "utf8",
      timeout: 120_000,
      // A node:test run inside this one would report to it (NODE_TEST_CONTEXT); the generated test runs on its own.
      env: Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== "NODE_TEST_CONTEXT")),
    });
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /# pass 1/);
  });

  test("a template yields one set per machine; --machine narrows it; an invalid definition is exit 1", async () => {
    const dir = `${OUT}sam/`;
    const r = await cli("migrate", "fixtures/templates/sam-metrics-ingest/template.yaml", "--out", dir, "--machine", "StoreMetricStateMachine");
    assert.equal(r.status, 0, r.stderr);
    assert.ok(existsSync(`${dir}StoreMetricStateMachine.ts`));
    assert.ok(!existsSync(`${dir}ProcessMetricsStateMachine.ts`));
    const bad = await cli("migrate", "fixtures/invalid/order-processing-mistakes.asl.json", "--out", `${OUT}bad/`);
    assert.equal(bad.status, 1);
    assert.match(bad.stdout, /not migrated/);
  });
});
