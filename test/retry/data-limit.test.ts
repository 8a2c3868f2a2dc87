import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { LAMBDA, runMachine, scripted, teardown } from "./harness.js";

// ASL-3.1 step 9 and ASL-9: a state output above 256 KiB fails the state with States.DataLimitExceeded, which is
// terminal: States.ALL neither retries nor catches it.
describe("payload size limit", () => {
  after(teardown);

  test("a Task result above 256 KiB fails with States.DataLimitExceeded, uncaught by States.ALL", async () => {
    const big = "x".repeat(262_145);
    const t = scripted([{ return: big }]);
    const run = await runMachine(
      {
        StartAt: "T",
        States: {
          T: { Type: "Task", Resource: LAMBDA, Retry: [{ ErrorEquals: ["States.ALL"] }], Catch: [{ ErrorEquals: ["States.ALL"], Next: "Caught" }], End: true },
          Caught: { Type: "Succeed" },
        },
      },
      {},
      { T: t },
    );
    assert.equal(run.status, "FAILED", run.summary);
    assert.equal(run.error?.type, "States.DataLimitExceeded");
    assert.equal(t.calls.length, 1, "not retried");
  });

  test("a result just under the limit passes", async () => {
    const t = scripted([{ return: "x".repeat(262_000) }]);
    const run = await runMachine({ StartAt: "T", States: { T: { Type: "Task", Resource: LAMBDA, End: true } } }, {}, { T: t });
    assert.equal(run.status, "SUCCEEDED", run.summary);
  });
});
