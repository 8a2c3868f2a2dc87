/**
 * CDK synth output (cdk.out/*.template.json): CloudFormation JSON whose DefinitionString is an `Fn::Join` of JSON
 * text and intrinsics (`{"Ref": "AWS::Partition"}`, `{"Fn::GetAtt": [fn, "Arn"]}`, `{"Ref": table}`).
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { selectMachine } from "../../src/load/machines/index.js";
import { findInFixture, located, machineNamed } from "./support.js";

describe("CDK synth output (OrderPipelineStack.template.json)", () => {
  const result = findInFixture("cdk.out/OrderPipelineStack.template.json");
  const flow = machineNamed(result, "OrderFlow6F7A3D21");

  test("is detected as CDK output; the machine has its logical id, construct path and type", () => {
    assert.equal(result.kind, "cdk");
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.machines.map((m) => m.id), ["OrderFlow6F7A3D21"]);
    assert.equal(flow.where, "Resources.OrderFlow6F7A3D21");
    assert.equal(flow.constructPath, "OrderPipelineStack/OrderFlow");
    assert.equal(flow.type, "STANDARD");
    assert.equal(flow.name, undefined);
  });

  test("the Join parts are joined into JSON text, intrinsics written as ${…} placeholders", () => {
    assert.deepEqual(flow.definition, {
      StartAt: "Validate order",
      States: {
        "Validate order": {
          Next: "In stock?",
          Retry: [
            {
              ErrorEquals: ["Lambda.ClientExecutionTimeoutException", "Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException"],
              IntervalSeconds: 2,
              MaxAttempts: 6,
              BackoffRate: 2,
            },
          ],
          Type: "Task",
          OutputPath: "$.Payload",
          Resource: "arn:${AWS::Partition}:states:::lambda:invoke",
          Parameters: { FunctionName: "${ValidateOrderFnC2B7A1E4.Arn}", "Payload.$": "$" },
        },
        "In stock?": {
          Type: "Choice",
          Choices: [{ Variable: "$.inStock", BooleanEquals: true, Next: "Save order" }],
          Default: "Out of stock",
        },
        "Out of stock": { Type: "Fail", Error: "OutOfStock", Cause: "An item of the order is out of stock" },
        "Save order": {
          End: true,
          Type: "Task",
          Resource: "arn:${AWS::Partition}:states:::dynamodb:putItem",
          Parameters: {
            Item: { orderId: { "S.$": "$.orderId" }, total: { "N.$": "States.Format('{}', $.total)" } },
            TableName: "${OrdersTable4D6F2E8A}",
          },
        },
      },
      TimeoutSeconds: 300,
    });
    assert.deepEqual(flow.unresolved, ["AWS::Partition", "ValidateOrderFnC2B7A1E4.Arn", "OrdersTable4D6F2E8A"]);
  });

  test("nodes are located in the Join parts of the template", () => {
    const fn = located(flow, "/States/Validate order/Parameters/FunctionName");
    // from the \" closing the part on line 174 over the Fn::GetAtt object to the \" opening the part on line 181
    assert.deepEqual([fn.range.start, fn.range.end], [{ line: 174, column: 68 }, { line: 181, column: 11 }]);
    const cause = located(flow, "/States/Out of stock/Cause");
    assert.deepEqual(cause.range.start, { line: 181, column: 260 });
    assert.equal(cause.value, '\\"An item of the order is out of stock\\"');
    assert.equal(cause.key, '\\"Cause\\"');
    const timeout = located(flow, "/TimeoutSeconds");
    assert.deepEqual(timeout.range.start, { line: 189, column: 34 });
    assert.equal(timeout.value, "300");
  });

  test("--machine accepts the logical id, the construct path or the construct id", () => {
    for (const name of ["OrderFlow6F7A3D21", "OrderPipelineStack/OrderFlow", "OrderFlow"]) {
      assert.equal(selectMachine(result.machines, name), flow, name);
    }
    assert.equal(selectMachine(result.machines, "OrdersTable"), undefined);
  });
});
