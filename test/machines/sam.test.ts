/**
 * SAM templates (AWS::Serverless::StateMachine): DefinitionUri to a local file (relative to the template),
 * inline Definition, DefinitionSubstitutions with intrinsic and literal values, Type, Name.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { loadText } from "../../src/load/index.js";
import { findMachines } from "../../src/load/machines/index.js";
import { findInFixture, findInText, fixturePath, located, machineNamed } from "./support.js";

describe("SAM template with two machines (sam-metrics-ingest)", () => {
  const result = findInFixture("sam-metrics-ingest/template.yaml");
  const parent = machineNamed(result, "ProcessMetricsStateMachine");
  const child = machineNamed(result, "StoreMetricStateMachine");

  test("is detected as SAM and yields both machines with their types; only a literal Name is a name", () => {
    assert.equal(result.kind, "sam");
    assert.deepEqual(result.problems, []);
    assert.deepEqual(
      result.machines.map((m) => [m.id, m.where, m.type, m.name]),
      [
        ["ProcessMetricsStateMachine", "Resources.ProcessMetricsStateMachine", "STANDARD", undefined],
        ["StoreMetricStateMachine", "Resources.StoreMetricStateMachine", "EXPRESS", "store-metric"],
      ],
    );
  });

  test("DefinitionUri: the file next to the template, with DefinitionSubstitutions applied (!Ref → ${X}, !GetAtt → ${X.Attr})", () => {
    assert.deepEqual(parent.definition, {
      StartAt: "Map",
      States: {
        Map: {
          Type: "Map",
          ItemProcessor: {
            ProcessorConfig: { Mode: "DISTRIBUTED", ExecutionType: "EXPRESS" },
            StartAt: "Start Child Step Function",
            States: {
              "Start Child Step Function": {
                Type: "Task",
                Resource: "arn:aws:states:::states:startExecution",
                Parameters: {
                  StateMachineArn: "${StoreMetricStateMachine.Arn}",
                  Input: { "StatePayload.$": "$", "AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID.$": "$$.Execution.Id" },
                },
                End: true,
              },
            },
          },
          End: true,
          MaxConcurrency: 100,
          ItemReader: {
            Resource: "arn:aws:states:::s3:getObject",
            ReaderConfig: { InputType: "CSV", CSVHeaderLocation: "FIRST_ROW" },
            Parameters: { Bucket: "${MetricsBucket}", Key: "metrics.csv" },
          },
        },
      },
    });
    assert.deepEqual(parent.unresolved, ["StoreMetricStateMachine.Arn", "MetricsBucket"]);
  });

  test("DefinitionUri: nodes are located in the referenced file", () => {
    assert.equal(parent.source.file, fixturePath("sam-metrics-ingest/statemachine/process-metrics.asl.json"));
    assert.equal(parent.source.format, "json");
    const bucket = located(parent, "/States/Map/ItemReader/Parameters/Bucket");
    assert.deepEqual(bucket.range.start, { line: 36, column: 16 });
    assert.equal(bucket.value, '"${CSVBucket}"');
    assert.equal(located(parent, "/States/Map/ItemProcessor/States/Start Child Step Function/Parameters/StateMachineArn").range.start.line, 17);
  });

  test("inline Definition: intrinsics become placeholders, literal substitutions are inserted", () => {
    assert.deepEqual(child.definition, {
      Comment: "Normalise one metrics row and store it",
      StartAt: "Normalise row",
      States: {
        "Normalise row": {
          Type: "Task",
          Resource: "arn:aws:states:::lambda:invoke",
          Parameters: { FunctionName: "${NormaliseRowFunction.Arn}", "Payload.$": "$.StatePayload" },
          ResultSelector: { "row.$": "$.Payload" },
          Next: "Store row",
        },
        "Store row": {
          Type: "Task",
          Resource: "arn:aws:states:::dynamodb:putItem",
          Parameters: {
            TableName: "${MetricsTable}",
            Item: { id: { "S.$": "$.row.id" }, source: { S: "daily-csv" }, views: { "N.$": "States.Format('{}', $.row.views)" } },
          },
          End: true,
        },
      },
    });
    assert.deepEqual(child.unresolved, ["NormaliseRowFunction.Arn", "MetricsTable"]);
  });

  test("inline Definition: nodes are located in the template", () => {
    assert.equal(child.source.file, fixturePath("sam-metrics-ingest/template.yaml"));
    const table = located(child, "/States/Store row/Parameters/TableName");
    assert.deepEqual(table.range.start, { line: 83, column: 26 });
    assert.equal(table.value, "${MetricsTableName}");
    const fn = located(child, "/States/Normalise row/Parameters/FunctionName");
    assert.equal(fn.range.start.line, 74);
    assert.equal(fn.value, "!GetAtt NormaliseRowFunction.Arn");
    assert.equal(located(child, "/States/Store row").key, "Store row");
  });
});

describe("SAM DefinitionUri forms and problems", () => {
  const sam = (properties: string): string => `Transform: AWS::Serverless-2016-10-31
Resources:
  Flow:
    Type: AWS::Serverless::StateMachine
    Properties:
${properties}`;
  const definition = '{\n  "StartAt": "A",\n  "States": { "A": { "Type": "Pass", "Result": "${Greeting}", "End": true } }\n}\n';

  test("the path is relative to the template's folder and the file's own positions are used", () => {
    const result = findInText(sam("      DefinitionUri: ./sfn/flow.asl.json\n      DefinitionSubstitutions: { Greeting: hello }"), {
      "/project/sfn/flow.asl.json": definition,
    });
    assert.deepEqual(result.problems, []);
    const flow = machineNamed(result, "Flow");
    assert.deepEqual(flow.definition, { StartAt: "A", States: { A: { Type: "Pass", Result: "hello", End: true } } });
    assert.deepEqual(flow.unresolved, []);
    assert.equal(flow.source.file, "/project/sfn/flow.asl.json");
    assert.deepEqual(located(flow, "/States/A/Result").range.start, { line: 3, column: 48 });
  });

  test("a YAML definition file is loaded as YAML", () => {
    const result = findInText(sam("      DefinitionUri: flow.asl.yaml"), { "/project/flow.asl.yaml": "StartAt: A\nStates:\n  A:\n    Type: Succeed\n" });
    const flow = machineNamed(result, "Flow");
    assert.deepEqual(flow.definition, { StartAt: "A", States: { A: { Type: "Succeed" } } });
    assert.equal(flow.source.format, "yaml");
    assert.equal(located(flow, "/States/A/Type").range.start.line, 4);
  });

  test("a template read from stdin resolves DefinitionUri against the working folder", () => {
    const source = loadText(sam("      DefinitionUri: sfn/flow.asl.json"), { file: "<stdin>" });
    const asked: string[] = [];
    const result = findMachines(source, { readFile: (path) => (asked.push(path), definition) });
    assert.deepEqual(asked, ["sfn/flow.asl.json"]);
    assert.equal(result.machines.length, 1);
  });

  test("a file that cannot be read is an error at DefinitionUri", () => {
    const result = findInText(sam("      DefinitionUri: sfn/missing.asl.json"));
    assert.deepEqual(result.machines, []);
    assert.deepEqual(
      result.problems.map((p) => [p.severity, p.message, p.pointer, p.start?.line]),
      [["error", 'DefinitionUri "sfn/missing.asl.json" of Flow cannot be read (/project/sfn/missing.asl.json)', "/Resources/Flow/Properties/DefinitionUri", 6]],
    );
    const withoutReader = findMachines(loadText(sam("      DefinitionUri: sfn/missing.asl.json"), { file: "/project/template.yaml" }));
    assert.equal(withoutReader.problems[0]?.severity, "error");
  });

  test("a syntax error in the referenced file is reported in that file", () => {
    const result = findInText(sam("      DefinitionUri: flow.asl.json"), { "/project/flow.asl.json": '{\n  "StartAt": "A",\n  "States": {,}\n}' });
    assert.deepEqual(result.machines, []);
    const [problem] = result.problems;
    assert.equal(problem?.file, "/project/flow.asl.json");
    assert.equal(problem?.start?.line, 3);
    assert.match(problem?.message ?? "", /^DefinitionUri "flow\.asl\.json" of Flow: JSON syntax error/);
  });

  test("a definition in S3 is reported as info, not as a machine", () => {
    for (const uri of ["s3://artifacts/flow.asl.json", "{ Bucket: artifacts, Key: flow.asl.json }"]) {
      const result = findInText(sam(`      DefinitionUri: ${uri}`));
      assert.deepEqual(result.machines, []);
      assert.deepEqual(
        result.problems.map((p) => [p.severity, p.message]),
        [["info", "The definition of Flow is in S3 (DefinitionUri s3://artifacts/flow.asl.json), not in this file; it is not checked"]],
      );
    }
  });

  test("a SAM machine with neither Definition nor DefinitionUri is an error", () => {
    assert.deepEqual(findInText(sam("      Type: EXPRESS")).problems.map((p) => p.message), ["State machine Flow has no Definition or DefinitionUri"]);
  });
});
