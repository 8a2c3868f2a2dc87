/** `aws stepfunctions describe-state-machine` output: the definition is JSON text inside the `definition` string. */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { findInFixture, findInText, located, machineNamed } from "./support.js";

describe("describe-state-machine output (order-flow-prod.json)", () => {
  const result = findInFixture("describe-state-machine/order-flow-prod.json");
  const flow = machineNamed(result, "order-flow-prod");

  test("is detected; the machine is named after the state machine and has its type", () => {
    assert.equal(result.kind, "describe-state-machine");
    assert.deepEqual(result.problems, []);
    assert.deepEqual([flow.where, flow.name, flow.type], ["definition", "order-flow-prod", "STANDARD"]);
  });

  test("the definition string is parsed; a deployed definition has nothing left to resolve", () => {
    assert.deepEqual(flow.definition, {
      Comment: "Charge the card, store the order, ask the warehouse to ship it",
      StartAt: "Charge",
      States: {
        Charge: {
          Type: "Task",
          Resource: "arn:aws:lambda:eu-west-1:123456789012:function:order-processing-charge",
          Retry: [{ ErrorEquals: ["Lambda.TooManyRequestsException"], IntervalSeconds: 2, MaxAttempts: 3 }],
          Next: "Store order",
        },
        "Store order": {
          Type: "Task",
          Resource: "arn:aws:states:::dynamodb:putItem",
          Parameters: { TableName: "orders-prod", Item: { orderId: { "S.$": "$.orderId" }, status: { S: "PAID" } } },
          ResultPath: null,
          End: true,
        },
      },
    });
    assert.deepEqual(flow.unresolved, []);
  });

  test("nodes are located inside the one-line string, past its \\n and \\\" escapes", () => {
    const resource = located(flow, "/States/Charge/Resource");
    assert.equal(resource.range.start.line, 5);
    assert.equal(resource.value, '\\"arn:aws:lambda:eu-west-1:123456789012:function:order-processing-charge\\"');
    assert.equal(resource.key, '\\"Resource\\"');
    const attempts = located(flow, "/States/Charge/Retry/0/MaxAttempts");
    assert.equal(attempts.value, "3");
  });
});

describe("describe-state-machine problems", () => {
  test("a definition that is not JSON is a problem located inside the string", () => {
    const text = JSON.stringify({ stateMachineArn: "arn:aws:states:eu-west-1:123456789012:stateMachine:x", name: "x", definition: '{"StartAt": "A", "States": {"A": {"Type": "Pass" "End": true}}}' }, null, 2);
    const result = findInText(text, {}, "/tmp/x.json");
    assert.equal(result.kind, "describe-state-machine");
    assert.deepEqual(result.machines, []);
    const [problem] = result.problems;
    assert.equal(problem?.pointer, "/definition");
    assert.match(problem?.message ?? "", /^definition of x is not valid JSON: expected a comma/);
    // the "End" key inside the string on line 4: `  "definition": "{\"StartAt\": …\"Pass\" \"End\"…`
    const line = text.split("\n")[3] ?? "";
    assert.deepEqual(problem?.start, { line: 4, column: line.indexOf('\\"End') + 1 });
  });

  test("without a name, the id is taken from the ARN", () => {
    const text = JSON.stringify({ stateMachineArn: "arn:aws:states:eu-west-1:123456789012:stateMachine:nightly", definition: '{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}' });
    assert.deepEqual(findInText(text, {}, "/tmp/x.json").machines.map((m) => [m.id, m.name]), [["nightly", undefined]]);
  });
});
