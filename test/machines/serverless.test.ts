/**
 * serverless.yml with the serverless-step-functions plugin: `stepFunctions.stateMachines.<key>`, inline definitions
 * with `Fn::GetAtt`/`!GetAtt`/`Ref` and Serverless variables, `${file(…)}` definitions, `name` and `type`.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { selectMachine } from "../../src/load/machines/index.js";
import { findInFixture, findInText, fixturePath, located, machineNamed } from "./support.js";

describe("serverless.yml with two machines", () => {
  const result = findInFixture("serverless/serverless.yml");
  const orderFlow = machineNamed(result, "orderFlow");
  const fulfilment = machineNamed(result, "fulfilment");

  test("is detected; machines keep their keys, a name with a variable is not a literal name", () => {
    assert.equal(result.kind, "serverless");
    assert.deepEqual(result.problems, []);
    assert.deepEqual(
      result.machines.map((m) => [m.id, m.where, m.type, m.name]),
      [
        ["orderFlow", "stepFunctions.stateMachines.orderFlow", undefined, undefined],
        ["fulfilment", "stepFunctions.stateMachines.fulfilment", "EXPRESS", "fulfilment"],
      ],
    );
  });

  test("Fn::GetAtt (long form and !GetAtt) become placeholders; Serverless variables stay as written", () => {
    assert.deepEqual(orderFlow.definition, {
      Comment: "Validate, charge and store an order",
      StartAt: "ValidateOrder",
      States: {
        ValidateOrder: { Type: "Task", Resource: "${ValidateOrderLambdaFunction.Arn}", Next: "ChargeCard" },
        ChargeCard: {
          Type: "Task",
          Resource: "${ChargeCardLambdaFunction.Arn}",
          Retry: [{ ErrorEquals: ["States.TaskFailed"], IntervalSeconds: 5, MaxAttempts: 2 }],
          Catch: [{ ErrorEquals: ["States.ALL"], Next: "PaymentFailed" }],
          Next: "SaveOrder",
        },
        SaveOrder: {
          Type: "Task",
          Resource: "arn:aws:states:::dynamodb:putItem",
          Parameters: { TableName: "${self:custom.ordersTable}", Item: { orderId: { "S.$": "$.orderId" } } },
          End: true,
        },
        PaymentFailed: { Type: "Fail", Error: "PaymentFailed" },
      },
    });
    assert.deepEqual(orderFlow.unresolved, ["ValidateOrderLambdaFunction.Arn", "ChargeCardLambdaFunction.Arn", "self:custom.ordersTable"]);
  });

  test("inline nodes are located in serverless.yml", () => {
    const charge = located(orderFlow, "/States/ChargeCard/Resource");
    assert.deepEqual(charge.range.start, { line: 45, column: 23 });
    assert.equal(charge.value, "!GetAtt ChargeCardLambdaFunction.Arn");
    assert.deepEqual(located(orderFlow, "/States/ValidateOrder/Resource").range.start, { line: 41, column: 15 });
    assert.equal(located(orderFlow, "/States/SaveOrder/Parameters/TableName").value, "${self:custom.ordersTable}");
  });

  test("${file(…)}: the definition is read from the file, relative to serverless.yml, and located there", () => {
    assert.deepEqual(fulfilment.definition, {
      Comment: "Ask the warehouse to ship the order",
      StartAt: "RequestShipment",
      States: {
        RequestShipment: {
          Type: "Task",
          Resource: "arn:aws:states:::sqs:sendMessage",
          Parameters: { QueueUrl: "${ShipmentQueue}", MessageBody: { "orderId.$": "$.orderId", "address.$": "$.shippingAddress" } },
          ResultPath: "$.shipment",
          Next: "Shipped",
        },
        Shipped: { Type: "Succeed" },
      },
    });
    assert.deepEqual(fulfilment.unresolved, ["ShipmentQueue"]);
    assert.equal(fulfilment.source.file, fixturePath("serverless/states/fulfilment.asl.yml"));
    const queue = located(fulfilment, "/States/RequestShipment/Parameters/QueueUrl");
    assert.deepEqual([queue.range.keyStart?.line, queue.range.start.line], [8, 9]);
    assert.equal(queue.value, "Ref: ShipmentQueue");
  });

  test("--machine accepts the key or the literal name", () => {
    assert.equal(selectMachine(result.machines, "orderFlow"), orderFlow);
    assert.equal(selectMachine(result.machines, "fulfilment"), fulfilment);
    assert.equal(selectMachine(result.machines, "order-flow-dev"), undefined);
  });
});

describe("serverless.yml forms and problems", () => {
  const serverless = (machines: string, extra = ""): string => `service: orders
provider:
  name: aws
stepFunctions:
  stateMachines:
${machines}${extra}`;

  test("${file(path):key} takes a member of the file", () => {
    const result = findInText(serverless("    flow:\n      definition: ${file(./machines.yml):flow.definition}\n"), {
      "/project/machines.yml": "flow:\n  definition:\n    StartAt: A\n    States:\n      A: { Type: Succeed }\n",
    }, "/project/serverless.yml");
    const flow = machineNamed(result, "flow");
    assert.deepEqual(flow.definition, { StartAt: "A", States: { A: { Type: "Succeed" } } });
    assert.equal(located(flow, "/States/A").range.start.line, 5);
  });

  test("missing files, members and definitions are problems at the machine", () => {
    const missing = findInText(serverless("    flow:\n      definition: ${file(./missing.yml)}\n"), {}, "/project/serverless.yml");
    assert.deepEqual(missing.problems.map((p) => [p.severity, p.pointer]), [["error", "/stepFunctions/stateMachines/flow/definition"]]);
    const noMember = findInText(serverless("    flow:\n      definition: ${file(./m.yml):other}\n"), { "/project/m.yml": "flow: {}\n" }, "/project/serverless.yml");
    assert.deepEqual(noMember.problems.map((p) => p.message), ['definition "./m.yml" of flow: the file has no other']);
    const none = findInText(serverless("    flow:\n      name: flow\n"));
    assert.deepEqual(none.problems.map((p) => [p.message, p.pointer]), [["stepFunctions.stateMachines.flow has no definition", "/stepFunctions/stateMachines/flow"]]);
    const text = findInText(serverless("    flow:\n      definition: '{}'\n"));
    assert.deepEqual(text.problems.map((p) => p.pointer), ["/stepFunctions/stateMachines/flow/definition"]);
  });

  test("CloudFormation state machines under resources.Resources are found too", () => {
    const result = findInText(
      serverless(
        "    flow:\n      definition: { StartAt: A, States: { A: { Type: Succeed } } }\n",
        "resources:\n  Resources:\n    Legacy:\n      Type: AWS::StepFunctions::StateMachine\n      Properties:\n        Definition: { StartAt: B, States: { B: { Type: Succeed } } }\n",
      ),
    );
    assert.deepEqual(result.machines.map((m) => [m.id, m.where]), [["flow", "stepFunctions.stateMachines.flow"], ["Legacy", "resources.Resources.Legacy"]]);
  });

  test("a serverless.yml without state machines says so", () => {
    const result = findInText("service: orders\nprovider:\n  name: aws\nfunctions:\n  hello:\n    handler: h.hello\n");
    assert.equal(result.kind, "serverless");
    assert.deepEqual(result.machines, []);
    assert.deepEqual(result.problems.map((p) => [p.severity, p.pointer]), [["error", ""]]);
  });
});
