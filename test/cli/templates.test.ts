import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { main } from "../../src/cli/main.js";

/**
 * The CLI on the files teams keep (issue #6 item 1): CloudFormation, SAM, CDK synth output, serverless.yml and
 * describe-state-machine output, each holding one or more state machines (fixtures/templates/, see its README).
 */
async function cli(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const status = await main(args, { out: (t) => void (stdout += `${t}\n`), err: (t) => void (stderr += `${t}\n`), isTTY: false });
  return { status, stdout, stderr };
}

describe("templates on the command line", () => {
  test("validate checks every machine of every format", async () => {
    for (const file of [
      "fixtures/templates/sam-metrics-ingest/template.yaml",
      "fixtures/templates/cloudformation/order-processing.yaml",
      "fixtures/templates/cdk.out/OrderPipelineStack.template.json",
      "fixtures/templates/serverless/serverless.yml",
      "fixtures/templates/describe-state-machine/order-flow-prod.json",
    ]) {
      const r = await cli("validate", file, "--no-warnings");
      assert.equal(r.status, 0, `${file}: ${r.stdout}${r.stderr}`);
    }
  });

  test("code frames show the file a diagnostic points into: the DefinitionUri file, not the template", async () => {
    const template = "fixtures/templates/sam-metrics-ingest/template.yaml";
    const definition = "fixtures/templates/sam-metrics-ingest/statemachine/process-metrics.asl.json";
    const lines = readFileSync(definition, "utf8").split("\n");
    const modeLine = lines.findIndex((l) => l.includes('"Mode": "DISTRIBUTED"')) + 1;
    // ASL903 (a Distributed Map) is a warning located at ProcessorConfig.Mode in the DefinitionUri file.
    const validate = await cli("validate", template, "--code-frame");
    const migrate = await cli("migrate", template, "--machine", "ProcessMetricsStateMachine", "--out", "test/.generated/templates-frames/");
    const transpile = await cli("transpile", template, "--machine", "ProcessMetricsStateMachine");
    for (const [command, output] of [["validate", validate.stdout], ["migrate", migrate.stderr], ["transpile", transpile.stderr]] as const) {
      assert.match(output, new RegExp(`process-metrics\\.asl\\.json:${modeLine}:\\d+: warning ASL903`), command);
      assert.match(output, new RegExp(`> ${modeLine} \\|\\s+"Mode": "DISTRIBUTED"`), `${command} frames the definition's line`);
      assert.doesNotMatch(output, /> \d+ \| +Stage:/, `${command} does not frame the template's line of the same number`);
    }
  });

  test("transpile needs --machine when a template holds several, and generates the one chosen", async () => {
    const both = await cli("transpile", "fixtures/templates/sam-metrics-ingest/template.yaml");
    assert.equal(both.status, 2);
    assert.match(both.stderr, /holds 2 state machines \(ProcessMetricsStateMachine, StoreMetricStateMachine\): pick one with --machine/);
    const one = await cli("transpile", "fixtures/templates/sam-metrics-ingest/template.yaml", "--machine", "StoreMetricStateMachine");
    assert.equal(one.status, 0, one.stderr);
    assert.match(one.stdout, /export function makeHandler/);
    const unknown = await cli("transpile", "fixtures/templates/sam-metrics-ingest/template.yaml", "--machine", "Nope");
    assert.notEqual(unknown.status, 0);
    assert.match(unknown.stderr, /no state machine "Nope"/);
  });

  test("build --check passes on the bundled project (its generated files are up to date)", async () => {
    const r = await cli("build", "--check", "--config", "fixtures/build-project/package.json");
    assert.equal(r.status, 0, r.stdout + r.stderr);
  });
});
