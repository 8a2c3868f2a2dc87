import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { classifyResource } from "../../src/asl/integrations.js";
import { errorMatches, StatesError } from "../../src/runtime/index.js";
import { validate } from "../../src/index.js";
import { found, LAMBDA, machine } from "../support/validate.js";

const task = (Resource: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> => machine({ Type: "Task", Resource, End: true, ...extra });

describe("Task resources (ASL-6.2)", () => {
  test("classifies the resource kinds", () => {
    assert.deepEqual(classifyResource("arn:aws:lambda:us-east-1:1:function:f:prod"), { kind: "lambda-arn", functionName: "f", qualifier: "prod" });
    assert.deepEqual(classifyResource("arn:aws:states:us-east-1:1:activity:a"), { kind: "activity", name: "a" });
    assert.deepEqual(classifyResource("arn:aws:states:::states:startExecution.sync:2"), { kind: "optimised", service: "states", action: "startExecution", pattern: "sync:2" });
    assert.deepEqual(classifyResource("arn:aws:states:::aws-sdk:s3:getObject"), { kind: "aws-sdk", service: "s3", action: "getObject", pattern: "request-response" });
    assert.deepEqual(classifyResource("arn:aws:states:::lambda:invoke.waitForTaskToken"), { kind: "optimised", service: "lambda", action: "invoke", pattern: "waitForTaskToken" });
    // A placeholder for the partition, region or account keeps the kind known; one in the resource part hides it.
    assert.deepEqual(classifyResource("arn:${AWS::Partition}:states:::lambda:invoke"), { kind: "optimised", service: "lambda", action: "invoke", pattern: "request-response" });
    assert.deepEqual(classifyResource("arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:orders"), { kind: "lambda-arn", functionName: "orders" });
    assert.deepEqual(classifyResource("arn:aws:lambda:us-east-1:1:function:${FunctionName}"), { kind: "placeholder" });
    assert.deepEqual(classifyResource("${ProcessFunctionArn}"), { kind: "placeholder" });
  });

  test("ASL209: not an ARN, or a service that cannot be a Task resource", () => {
    assert.deepEqual(found(task("InvalidArn"), {}, "error"), ["ASL209 /States/S/Resource"]);
    assert.deepEqual(found(task("arn:aws:swf:us-east-1:123456789012:task:X"), {}, "error"), ["ASL209 /States/S/Resource"]);
    assert.deepEqual(found(task("InvalidArn"), { checkArns: false }, "error"), []);
  });

  test("ASL210: dynamodb:query is not an optimised integration (AWS rejected it: test_invalid_integration)", () => {
    assert.deepEqual(found(task("arn:aws:states:::dynamodb:query"), {}, "error"), ["ASL210 /States/S/Resource"]);
    assert.deepEqual(found(task("arn:aws:states:::dynamodb:getItem.sync"), {}, "error"), ["ASL210 /States/S/Resource"]);
    assert.deepEqual(found(task("arn:aws:states:::aws-sdk:dynamodb:query"), {}, "error"), []);
  });

  test("ASL211: EXPRESS machines reject .sync and .waitForTaskToken", () => {
    assert.deepEqual(found(task("arn:aws:states:::states:startExecution.sync"), { machineType: "EXPRESS" }, "error"), ["ASL211 /States/S/Resource"]);
    assert.deepEqual(found(task("arn:aws:states:::states:startExecution.sync"), {}, "error"), []);
  });

  test("migration warnings: callbacks, activities, placeholders and CloudFormation intrinsics", () => {
    assert.deepEqual(found(task("arn:aws:states:::sqs:sendMessage.waitForTaskToken")), ["ASL901 /States/S/Resource"]);
    assert.deepEqual(found(task("arn:aws:states:us-east-1:1:activity:a")), ["ASL902 /States/S/Resource"]);
    assert.deepEqual(found(task("${ProcessFunctionArn}")), ["ASL904 /States/S/Resource"]);
    assert.deepEqual(found(task({ "Fn::GetAtt": ["Fn", "Arn"] })), ["ASL904 /States/S/Resource"]);
  });

  test("ASL904 for placeholders in Parameters, Arguments and Credentials: one per field, at the first, naming the variables", () => {
    const stateWith = (fields: Record<string, unknown>) => task("arn:aws:states:::dynamodb:putItem", fields);
    assert.deepEqual(found(stateWith({ Parameters: { TableName: "${Table}", Item: { a: { S: "${Stage}-x" } } } })), ["ASL904 /States/S/Parameters/TableName"]);
    assert.deepEqual(found(stateWith({ Parameters: { TableName: "t" }, Credentials: { RoleArn: "${DeployRole.Arn}" } })), ["ASL904 /States/S/Credentials/RoleArn"]);
    const map = machine({
      Type: "Map",
      ItemReader: { Resource: "arn:aws:states:::s3:getObject", ReaderConfig: { InputType: "JSON" }, Parameters: { Bucket: "${DataBucket}", Key: "k" } },
      ItemProcessor: { ProcessorConfig: { Mode: "DISTRIBUTED", ExecutionType: "STANDARD" }, StartAt: "P", States: { P: { Type: "Pass", End: true } } },
      End: true,
    });
    assert.ok(found(map).includes("ASL904 /States/S/ItemReader/Parameters/Bucket"), found(map).join(", "));
    // Text that is not a CloudFormation name (a space) is no placeholder; nor is a JSONPath.
    assert.deepEqual(found(stateWith({ Parameters: { TableName: "t", "Note.$": "$.x", Other: "${not a name}" } })), []);
    const result = validate(stateWith({ Parameters: { TableName: "${Table}", Key: "${ThumbnailFunction.Arn}" } }));
    const warning = result.diagnostics.find((d) => d.code === "ASL904");
    assert.match(warning?.message ?? "", /"Parameters" holds deploy-time placeholders \$\{Table\}, \$\{ThumbnailFunction\.Arn\}/);
    assert.match(warning?.hint ?? "", /environment variables Table, ThumbnailFunction_Arn/);
  });

  test("substitutions resolve placeholders before the checks", () => {
    assert.deepEqual(found(task("${Fn}"), { substitutions: { Fn: LAMBDA } }), []);
    assert.deepEqual(found(task("${Fn}"), { substitutions: { Fn: "not-an-arn" } }, "error"), ["ASL209 /States/S/Resource"]);
    assert.deepEqual(found(task("${Fn}"), { substitutions: { Other: "x" } }, "error"), ["ASL006 "]);
  });
});

describe("Retry and Catch (ASL-9)", () => {
  const handlers = (field: "Retry" | "Catch", list: unknown[]): Record<string, unknown> =>
    machine({ Type: "Task", Resource: LAMBDA, End: true, [field]: list }, field === "Catch" ? { D: { Type: "Succeed" } } : {});

  test("ASL601: States.ALL alone and last", () => {
    assert.deepEqual(found(handlers("Retry", [{ ErrorEquals: ["States.ALL", "X"] }]), {}, "error"), ["ASL601 /States/S/Retry/0/ErrorEquals"]);
    assert.deepEqual(found(handlers("Catch", [{ ErrorEquals: ["States.ALL"], Next: "D" }, { ErrorEquals: ["X"], Next: "D" }]), {}, "error"), ["ASL601 /States/S/Catch/0"]);
  });

  test("ASL602: unknown States.* names warn, with a did-you-mean", () => {
    assert.deepEqual(found(handlers("Retry", [{ ErrorEquals: ["States.TaskFailedId"] }])), ["ASL602 /States/S/Retry/0/ErrorEquals/0"]);
    assert.deepEqual(found(machine({ Type: "Fail", Error: "States.Timeout" })), []);
  });

  test("ASL603: a handler shadowed by an earlier one", () => {
    assert.deepEqual(found(handlers("Retry", [{ ErrorEquals: ["A", "B"] }, { ErrorEquals: ["B"] }])), ["ASL603 /States/S/Retry/1"]);
    assert.deepEqual(found(handlers("Retry", [{ ErrorEquals: ["States.TaskFailed"] }, { ErrorEquals: ["States.Timeout"] }])), [], "TaskFailed does not match States.Timeout");
  });

  test("ASL604: terminal errors cannot be handled", () => {
    assert.deepEqual(found(handlers("Catch", [{ ErrorEquals: ["States.Runtime"], Next: "D" }])), ["ASL604 /States/S/Catch/0/ErrorEquals/0"]);
  });

  test("runtime errorMatches follows the same table", () => {
    assert.equal(errorMatches(["States.ALL"], "MyError"), true);
    assert.equal(errorMatches(["States.ALL"], "States.Runtime"), false);
    assert.equal(errorMatches(["States.ALL"], "States.DataLimitExceeded"), false);
    assert.equal(errorMatches(["States.TaskFailed"], "Lambda.ServiceException"), true);
    assert.equal(errorMatches(["States.TaskFailed"], "States.Timeout"), false);
    assert.equal(errorMatches(["myerror"], "MyError"), false, "names are case-sensitive");
    const e = new StatesError("PaymentDeclined", "card expired");
    assert.deepEqual(e.toErrorOutput(), { Error: "PaymentDeclined", Cause: "card expired" });
  });
});
