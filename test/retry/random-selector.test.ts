import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { runMachine, teardown } from "./harness.js";

// ../shared/reference/durable-sdk.md §3: random values must come from a durable step, so that a replay (forced here by
// the long Wait) reads the value the first run drew instead of drawing a new one.
describe("random values in a Parallel ResultSelector", () => {
  after(teardown);

  test("States.UUID in a Parallel's ResultSelector is drawn in a step, and the output keeps that value", async () => {
    const run = await runMachine(
      {
        StartAt: "P",
        States: {
          P: {
            Type: "Parallel",
            Branches: [{ StartAt: "B", States: { B: { Type: "Pass", Result: 1, End: true } } }],
            ResultSelector: { "id.$": "States.UUID()", "values.$": "$" },
            Next: "Later",
          },
          Later: { Type: "Wait", Seconds: 1000, Next: "Done" },
          Done: { Type: "Succeed" },
        },
      },
      {},
    );
    assert.equal(run.status, "SUCCEEDED", run.summary);
    const output = run.output as { id: string; values: number[] };
    assert.deepEqual(output.values, [1]);
    const step = run.operations.find((op) => op.getName() === "P (result selector)");
    assert.ok(step, run.summary);
    assert.deepEqual((step.getStepDetails()?.result as { id: string } | undefined)?.id, output.id);
    assert.match(output.id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
