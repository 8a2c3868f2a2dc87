/**
 * CloudFormation templates (AWS::StepFunctions::StateMachine): DefinitionString as `!Sub` (string and list forms),
 * as `Fn::Join` lines, `Definition` objects with DefinitionSubstitutions, DefinitionS3Location.
 * Substitution semantics: src/load/substitute.ts (CloudFormation replaces every `${Key}` of DefinitionSubstitutions
 * after the intrinsic functions of the template are resolved; `${!Name}` is Fn::Sub's escape for a literal `${Name}`).
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { findInFixture, findInText, located, machineNamed } from "./support.js";

describe("CloudFormation YAML with !Sub DefinitionStrings (order-processing.yaml)", () => {
  const result = findInFixture("cloudformation/order-processing.yaml");
  const orderFlow = machineNamed(result, "OrderFlow");
  const refundFlow = machineNamed(result, "RefundFlow");

  test("finds both state machines, in template order, with their types and literal names", () => {
    assert.equal(result.kind, "cloudformation");
    assert.deepEqual(result.problems, []);
    assert.deepEqual(
      result.machines.map((m) => [m.id, m.where, m.type, m.name]),
      [
        ["OrderFlow", "Resources.OrderFlow", "STANDARD", undefined], // StateMachineName is a !Sub: not literal
        ["RefundFlow", "Resources.RefundFlow", "EXPRESS", "refund-flow"],
      ],
    );
  });

  test("the !Sub text is parsed as JSON; Fn::Sub variables that are only known at deploy time stay as placeholders", () => {
    assert.deepEqual(orderFlow.definition, {
      Comment: "Charge the card, store the order, ask the warehouse to ship it",
      StartAt: "Charge",
      States: {
        Charge: {
          Type: "Task",
          Resource: "${ChargeFunction.Arn}",
          Retry: [{ ErrorEquals: ["Lambda.TooManyRequestsException"], IntervalSeconds: 2, MaxAttempts: 3 }],
          Next: "Store order",
        },
        "Store order": {
          Type: "Task",
          Resource: "arn:aws:states:::dynamodb:putItem",
          Parameters: { TableName: "${OrdersTable}", Item: { orderId: { "S.$": "$.orderId" }, status: { S: "PAID" } } },
          ResultPath: null,
          Next: "Ship",
        },
        Ship: {
          Type: "Task",
          Resource: "arn:aws:states:::sqs:sendMessage",
          Parameters: {
            QueueUrl: "https://sqs.${AWS::Region}.amazonaws.com/${AWS::AccountId}/${ShipmentQueue.QueueName}",
            "MessageBody.$": "$",
          },
          End: true,
        },
      },
    });
    assert.deepEqual(orderFlow.unresolved, ["ChargeFunction.Arn", "OrdersTable", "AWS::Region", "AWS::AccountId", "ShipmentQueue.QueueName"]);
    assert.equal(orderFlow.source.value, orderFlow.definition);
  });

  test("nodes of the definition are located inside the block scalar of the template", () => {
    const resource = located(orderFlow, "/States/Charge/Resource");
    assert.deepEqual(resource.range.start, { line: 57, column: 27 });
    assert.equal(resource.value, '"${ChargeFunction.Arn}"');
    assert.equal(resource.key, '"Resource"');
    assert.deepEqual(located(orderFlow, "/States/Charge/Retry/0/MaxAttempts").range.start, { line: 59, column: 108 });
    const table = located(orderFlow, "/States/Store order/Parameters/TableName");
    assert.equal(table.range.start.line, 67);
    assert.equal(table.value, '"${OrdersTable}"');
    const root = located(orderFlow, "");
    assert.deepEqual([root.range.start, root.range.end], [{ line: 51, column: 9 }, { line: 83, column: 10 }]);
    assert.equal(orderFlow.source.file?.endsWith("order-processing.yaml"), true);
  });

  test("list form: the Sub variables are inserted, ${!Name} becomes ${Name}, then DefinitionSubstitutions apply", () => {
    assert.deepEqual(refundFlow.definition, {
      StartAt: "Refund",
      States: {
        Refund: { Type: "Task", Resource: "${RefundFunction.Arn}", TimeoutSeconds: 30, Next: "Mark refunded" },
        "Mark refunded": {
          Type: "Task",
          Resource: "arn:aws:states:::dynamodb:updateItem",
          Parameters: {
            TableName: "${OrdersTable}",
            Key: { orderId: { "S.$": "$.orderId" } },
            UpdateExpression: "SET #s = :s",
            ExpressionAttributeNames: { "#s": "status" },
            ExpressionAttributeValues: { ":s": { S: "REFUNDED" } },
          },
          End: true,
        },
      },
    });
    assert.deepEqual(refundFlow.unresolved, ["RefundFunction.Arn", "OrdersTable"]);
  });

  test("an inserted value is located at the placeholder it replaced", () => {
    const timeout = located(refundFlow, "/States/Refund/TimeoutSeconds");
    assert.deepEqual(timeout.range.start, { line: 100, column: 35 });
    assert.equal(timeout.value, "${RefundTimeout}");
    assert.equal(located(refundFlow, "/States/Refund/Resource").value, '"${RefundArn}"');
    const status = located(refundFlow, "/States/Mark refunded/Parameters/ExpressionAttributeValues/:s/S");
    assert.equal(status.range.start.line, 111);
    assert.equal(status.value, '"${!RefundedStatus}"');
  });
});

describe("CloudFormation JSON (reporting.json)", () => {
  const result = findInFixture("cloudformation/reporting.json");

  test("finds the two local machines and says the S3 one is not checked", () => {
    assert.equal(result.kind, "cloudformation");
    assert.deepEqual(result.machines.map((m) => m.id), ["ReportStateMachine", "ArchiveStateMachine"]);
    assert.deepEqual(result.problems, [
      {
        severity: "info",
        message:
          "The definition of LegacyExportStateMachine is in S3 (DefinitionS3Location s3://reporting-artifacts/state-machines/legacy-export.asl.json), not in this file; it is not checked",
        pointer: "/Resources/LegacyExportStateMachine/Properties/DefinitionS3Location",
      },
    ]);
  });

  test("Fn::Join of lines (with nested Joins around intrinsics) gives the JSON text", () => {
    const report = machineNamed(result, "ReportStateMachine");
    assert.equal(report.type, undefined);
    assert.deepEqual(report.definition, {
      Comment: "Nightly sales report: build it, then publish a link",
      StartAt: "Build report",
      States: {
        "Build report": { Type: "Task", Resource: "${BuildReportFunction.Arn}", TimeoutSeconds: 900, Next: "Publish link" },
        "Publish link": {
          Type: "Task",
          Resource: "arn:aws:states:::sns:publish",
          Parameters: { TopicArn: "${ReportTopic}", "Message.$": "States.Format('Report ready: {}', $.url)" },
          End: true,
        },
      },
    });
    assert.deepEqual(report.unresolved, ["BuildReportFunction.Arn", "ReportTopic"]);
  });

  test("Join parts are located through their JSON escapes; an intrinsic part spans its object", () => {
    const report = machineNamed(result, "ReportStateMachine");
    const resource = located(report, "/States/Build report/Resource");
    // from the \" that opens the string (end of line 62) to the \" that closes it (line 69)
    assert.deepEqual([resource.range.start, resource.range.end], [{ line: 62, column: 42 }, { line: 69, column: 24 }]);
    assert.equal(resource.key, '\\"Resource\\"');
    const timeout = located(report, "/States/Build report/TimeoutSeconds");
    assert.equal(timeout.range.start.line, 73);
    assert.equal(timeout.value, "900");
    const message = located(report, "/States/Publish link/Parameters/Message.$");
    assert.equal(message.range.start.line, 92);
    assert.equal(message.value, "\\\"States.Format('Report ready: {}', $.url)\\\"");
  });

  test("a Definition object gets DefinitionSubstitutions; Refs become placeholders, literals are inserted", () => {
    const archive = machineNamed(result, "ArchiveStateMachine");
    assert.equal(archive.type, "STANDARD");
    assert.equal(archive.name, "archive-reports");
    assert.deepEqual(archive.definition, {
      Comment: "Copy every report to the archive bucket",
      StartAt: "List reports",
      States: {
        "List reports": {
          Type: "Task",
          Resource: "arn:aws:states:::aws-sdk:s3:listObjectsV2",
          Parameters: { Bucket: "${ReportBucket}", Prefix: "reports/" },
          ResultSelector: { "keys.$": "$.Contents[*].Key" },
          Next: "Copy each",
        },
        "Copy each": {
          Type: "Map",
          ItemsPath: "$.keys",
          MaxConcurrency: 10,
          ItemProcessor: {
            StartAt: "Copy",
            States: {
              Copy: {
                Type: "Task",
                Resource: "arn:aws:states:::aws-sdk:s3:copyObject",
                Parameters: {
                  Bucket: "${ArchiveBucket}",
                  "CopySource.$": "States.Format('${ReportBucket}/{}', $)",
                  "Key.$": "$",
                  StorageClass: "GLACIER_IR",
                },
                End: true,
              },
            },
          },
          End: true,
        },
      },
    });
    assert.deepEqual(archive.unresolved, ["ReportBucket", "ArchiveBucket"]);
    const storage = located(archive, "/States/Copy each/ItemProcessor/States/Copy/Parameters/StorageClass");
    assert.equal(storage.range.start.line, 144);
    assert.equal(storage.value, '"${StorageClass}"');
  });
});

describe("CloudFormation forms and problems", () => {
  const machineYaml = (properties: string): string => `Resources:
  Flow:
    Type: AWS::StepFunctions::StateMachine
    Properties:
${properties}`;

  test("a plain DefinitionString (JSON in a YAML double-quoted string) is parsed and located through its escapes", () => {
    const result = findInText(machineYaml(`      DefinitionString: "{\\"StartAt\\": \\"A\\", \\"States\\": {\\"A\\": {\\"Type\\": \\"Succeed\\"}}}"`));
    const flow = machineNamed(result, "Flow");
    assert.deepEqual(flow.definition, { StartAt: "A", States: { A: { Type: "Succeed" } } });
    assert.deepEqual(flow.unresolved, []);
    const type = located(flow, "/States/A/Type");
    assert.equal(type.value, '\\"Succeed\\"');
    assert.equal(type.range.start.line, 5);
  });

  test("DefinitionSubstitutions apply to the DefinitionString text, so a number may be substituted outside a string", () => {
    const result = findInText(
      machineYaml(`      DefinitionSubstitutions:
        Wait: 30
        Fn: !GetAtt WorkerFunction.Arn
      DefinitionString: |
        {"StartAt": "Pause", "States": {
          "Pause": {"Type": "Wait", "Seconds": \${Wait}, "Next": "Work"},
          "Work": {"Type": "Task", "Resource": "\${Fn}", "End": true}}}`),
    );
    const flow = machineNamed(result, "Flow");
    assert.deepEqual(flow.definition, {
      StartAt: "Pause",
      States: { Pause: { Type: "Wait", Seconds: 30, Next: "Work" }, Work: { Type: "Task", Resource: "${WorkerFunction.Arn}", End: true } },
    });
    assert.deepEqual(flow.unresolved, ["WorkerFunction.Arn"]);
    assert.deepEqual(located(flow, "/States/Pause/Seconds").range.start, { line: 10, column: 48 });
    assert.equal(located(flow, "/States/Work/Resource").value, '"${Fn}"');
  });

  test("an intrinsic substitution is never substituted again (TableName: !Ref TableName)", () => {
    const result = findInText(
      machineYaml(`      DefinitionSubstitutions:
        TableName: !Ref TableName
      Definition:
        StartAt: Get
        States:
          Get:
            Type: Task
            Resource: arn:aws:states:::dynamodb:getItem
            Parameters: { TableName: "\${TableName}", Key: { id: { S.$: $.id } } }
            End: true`),
    );
    assert.deepEqual(result.problems, []);
    const flow = machineNamed(result, "Flow");
    assert.deepEqual((flow.definition as { States: { Get: { Parameters: unknown } } }).States.Get.Parameters, {
      TableName: "${TableName}",
      Key: { id: { "S.$": "$.id" } },
    });
    assert.deepEqual(flow.unresolved, ["TableName"]);
  });

  test("a member renamed by a substitution is still located at the member written in the template", () => {
    const result = findInText(
      machineYaml(`      DefinitionSubstitutions:
        StepName: Charge
      Definition:
        StartAt: Charge
        States:
          \${StepName}:
            Type: Pass
            End: true`),
    );
    const flow = machineNamed(result, "Flow");
    assert.deepEqual(flow.definition, { StartAt: "Charge", States: { Charge: { Type: "Pass", End: true } } });
    const state = located(flow, "/States/Charge");
    assert.equal(state.key, "${StepName}");
    assert.equal(located(flow, "/States/Charge/Type").range.start.line, 11);
  });

  test("a DefinitionString that is not JSON is a problem located at the error inside the string", () => {
    const result = findInText(
      machineYaml(`      DefinitionString: !Sub |
        {
          "StartAt": "A"
          "States": {"A": {"Type": "Succeed"}}
        }`),
    );
    assert.deepEqual(result.machines, []);
    assert.equal(result.problems.length, 1);
    const [problem] = result.problems;
    assert.equal(problem?.severity, "error");
    assert.equal(problem?.pointer, "/Resources/Flow/Properties/DefinitionString");
    assert.match(problem?.message ?? "", /^DefinitionString of Flow is not valid JSON: expected a comma/);
    assert.deepEqual(problem?.start, { line: 8, column: 11 });
  });

  test("a deploy-time placeholder outside a JSON string makes the text invalid, and the message says why", () => {
    const result = findInText(machineYaml(`      DefinitionString: !Sub '{"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": \${Delay}, "End": true}}}'`));
    assert.deepEqual(result.machines, []);
    assert.match(result.problems[0]?.message ?? "", /placeholder outside a JSON string/);
    assert.deepEqual(result.problems[0]?.start, { line: 5, column: 92 });
  });

  test("a DefinitionString built by an intrinsic that cannot be evaluated is a problem", () => {
    const result = findInText(machineYaml(`      DefinitionString: !If [IsProd, '{}', '{}']`));
    assert.deepEqual(result.machines, []);
    assert.deepEqual(
      result.problems.map((p) => [p.severity, p.message, p.pointer]),
      [["error", "DefinitionString of Flow uses Fn::If, which cannot be evaluated without deploying", "/Resources/Flow/Properties/DefinitionString"]],
    );
  });

  test("a DefinitionString that is not text is a problem", () => {
    assert.deepEqual(
      findInText(machineYaml(`      DefinitionString: { StartAt: A, States: { A: { Type: Succeed } } }`)).problems.map((p) => p.message),
      ["DefinitionString of Flow must be JSON text (a string, Fn::Sub or Fn::Join), not an object (use Definition for that)"],
    );
    assert.deepEqual(
      findInText(machineYaml(`      DefinitionString: 42`)).problems.map((p) => p.message),
      ["DefinitionString of Flow must be JSON text (a string, Fn::Sub or Fn::Join), not a number"],
    );
  });

  test("an intrinsic inside a Definition that cannot be evaluated is left as written, with a warning", () => {
    const result = findInText(
      machineYaml(`      Definition:
        StartAt: Call
        States:
          Call:
            Type: Task
            Resource: !ImportValue shared-worker-arn
            End: true`),
    );
    const flow = machineNamed(result, "Flow");
    assert.deepEqual((flow.definition as { States: { Call: { Resource: unknown } } }).States.Call.Resource, { "Fn::ImportValue": "shared-worker-arn" });
    assert.deepEqual(
      result.problems.map((p) => [p.severity, p.pointer]),
      [["warning", "/Resources/Flow/Properties/Definition/States/Call/Resource"]],
    );
  });

  test("a substitution that expands into itself is an error at that substitution", () => {
    const result = findInText(
      machineYaml(`      DefinitionSubstitutions:
        Loop: "x\${Loop}"
      Definition: { StartAt: A, States: { A: { Type: Pass, Comment: "\${Loop}", End: true } } }`),
    );
    assert.deepEqual(
      result.problems.map((p) => [p.severity, p.pointer]),
      [["error", "/Resources/Flow/Properties/DefinitionSubstitutions/Loop"]],
    );
  });

  test("missing or unusable definitions are problems; a template without state machines says so", () => {
    assert.deepEqual(
      findInText(machineYaml(`      RoleArn: arn:aws:iam::123456789012:role/x`)).problems.map((p) => [p.severity, p.message, p.pointer]),
      [["error", "State machine Flow has no Definition, DefinitionString or DefinitionS3Location", "/Resources/Flow/Properties"]],
    );
    assert.deepEqual(
      findInText(machineYaml(`      Definition: '{"StartAt": "A"}'`)).problems.map((p) => p.pointer),
      ["/Resources/Flow/Properties/Definition"],
    );
    const both = findInText(machineYaml(`      Definition: { StartAt: A, States: { A: { Type: Succeed } } }\n      DefinitionString: '{}'`));
    assert.deepEqual(both.machines.map((m) => m.definition), [{ StartAt: "A", States: { A: { Type: "Succeed" } } }]);
    assert.deepEqual(both.problems.map((p) => [p.severity, p.pointer]), [["warning", "/Resources/Flow/Properties/DefinitionString"]]);
    const none = findInText("Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n");
    assert.equal(none.kind, "cloudformation");
    assert.deepEqual(none.problems.map((p) => [p.severity, p.pointer]), [["error", "/Resources"]]);
    assert.deepEqual(
      findInText("Resources:\n  Flow:\n    Type: AWS::StepFunctions::StateMachine\n").problems.map((p) => p.message),
      ["State machine Flow has no Properties with a definition"],
    );
  });
});
