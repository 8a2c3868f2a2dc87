import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { validate } from "../../src/index.js";
import { corpusManifest, corpusText } from "../support/shared.js";

/**
 * The public corpus (../shared/corpus): 300 definitions published as working and 95 that a validator or AWS
 * rejects. Both tables below were reviewed file by file against the MANIFEST's notes and expected errors.
 */
const rows = corpusManifest();

/** valid/ files that are nevertheless invalid for AWS, with the codes we report and why. */
const VALID_BUT_REJECTED: Record<string, { codes: string[]; reason: string }> = {
  "valid/amazon-states-language-service/documentSucceedFailTerminalState.json": { codes: ["ASL106"], reason: 'state "Second" is in two Parallel branches; names are unique across the whole machine (ASL-1; asl-validator rejects it too)' },
  "valid/amazon-states-language-service/documentTaskInvalidArn.json": { codes: ["ASL209"], reason: 'Resource "InvalidArn": the language service does not check ARNs, Step Functions does' },
  "valid/asl-validator/valid-assign.asl.json": { codes: ["ASL501"], reason: 'variable "top-level" is not an identifier (ASL-8); JSONata would read $top-level as a subtraction' },
  "valid/asl-validator/valid-map-noconfig.asl.json": { codes: ["ASL205"], reason: "ItemReader, ResultWriter and Label on a Map without ProcessorConfig, i.e. INLINE mode; they need DISTRIBUTED (ASL-6.8)" },
  "valid/asl-validator/valid-map-with-item-batcher-jsonata.json": { codes: ["ASL407"], reason: "a JSONata machine switches a state back to JSONPath; AWS rejected exactly that (conformance INVALID_DOWNGRADE_QUERY_LANGUAGE)" },
  "valid/asl-validator/valid-path-array-context.json": { codes: ["ASL301"], reason: "$[(@.length-1)] is a Goessner script expression, which Jayway JsonPath (what AWS evaluates) does not have" },
  "valid/asl-validator/valid-task-credentials.json": { codes: ["ASL010", "ASL011", "ASL209"], reason: "Credentials without RoleArn (AWS rejected that: conformance INVALID_CREDENTIALS_FIELD), and an arn:aws:swf Resource, which is no Task resource" },
  "valid/asl-validator/valid-task-parameters.json": { codes: ["ASL209"], reason: "Resource arn:aws:swf:…:task:X is not a Lambda, activity or Step Functions integration ARN" },
  "valid/asl-validator/valid-task-timeout-jsonata.json": { codes: ["ASL209"], reason: "Resource arn:aws:swf:…:task:X is not a Lambda, activity or Step Functions integration ARN" },
  "valid/localstack/arguments--base_lambda_expressions.json": { codes: ["ASL209"], reason: 'Resource "__tbd__" is a LocalStack test placeholder replaced before use (MANIFEST note)' },
  "valid/localstack/arguments--base_lambda_literals.json": { codes: ["ASL209"], reason: 'Resource "__tbd__" is a LocalStack test placeholder replaced before use (MANIFEST note)' },
  "valid/localstack/errorhandling--task_lambda_invoke_catch_data_limit_exceeded.json": { codes: ["ASL209"], reason: 'Resource "__tbd__" is a LocalStack test placeholder replaced before use (MANIFEST note)' },
  "valid/localstack/scenarios--escape_sequences_illegal_intrinsic_function_2.json": { codes: ["ASL307"], reason: "identical to invalid/localstack/…ILLEGAL_INTRINSIC_FUNCTION_2.json, which AWS rejected (\\\" is no intrinsic string escape)" },
  "valid/localstack/test_state--base_map_state_machine_choice_fail.json": { codes: ["ASL101", "ASL405"], reason: 'a TestState-API template: StartAt "MapState" names no state, and it reads $$ in JSONata' },
  "valid/step-functions-workflows-collection/shared-fallback-state-jsonata--statemachine.asl.json": { codes: ["ASL012", "ASL104", "ASL409"], reason: 'malformed upstream: "QueryLanguage": "JSONata" sits inside States (corpus README §5)' },
};

/** invalid/ files: the code and pointer that name the recorded problem (MANIFEST expected_error). */
const INVALID_EXPECTED: Record<string, { code: string; pointer: string; note?: string } | { accepted: string }> = {
  "amazon-states-language-service/documentChoiceInvalidDefault.json": { code: "ASL102", pointer: "/States/ChoiceState/Default" },
  "amazon-states-language-service/documentChoiceInvalidNext.json": { code: "ASL102", pointer: "/States/Parallel/Branches/0/States/ChoiceState/Choices/0/Next" },
  "amazon-states-language-service/documentDistributedMapInvalidNextInNestedState.json": { code: "ASL102", pointer: "/States/Map/ItemProcessor/States/Pass/Next" },
  "amazon-states-language-service/documentFailCauseAndCausePathInvalid.json": { code: "ASL201", pointer: "/States/fail/CausePath" },
  "amazon-states-language-service/documentFailCausePathJsonPathInvalid.json": { code: "ASL301", pointer: "/States/fail/CausePath" },
  "amazon-states-language-service/documentFailErrorAndErrorPathInvalid.json": { code: "ASL201", pointer: "/States/fail/ErrorPath" },
  "amazon-states-language-service/documentFailErrorPathAndCausePathIntrinsicInvalid.json": { code: "ASL310", pointer: "/States/fail/ErrorPath" },
  "amazon-states-language-service/documentFailErrorPathAndCausePathJsonPathInvalid.json": { code: "ASL301", pointer: "/States/fail/ErrorPath" },
  "amazon-states-language-service/documentFailErrorPathJsonPathInvalid.json": { code: "ASL301", pointer: "/States/fail/ErrorPath" },
  "amazon-states-language-service/documentInvalidFailWithAssign.json": { code: "ASL011", pointer: "/States/HelloWorld/Assign" },
  "amazon-states-language-service/documentInvalidNext.json": { code: "ASL102", pointer: "/States/FirstState/Next" },
  "amazon-states-language-service/documentInvalidNextNested.json": { code: "ASL102", pointer: "/States/LookupCustomerInfo/Branches/0/States/LookupAddress/Next" },
  "amazon-states-language-service/documentInvalidParametersIntrinsicFunction.json": { code: "ASL307", pointer: "/States/Invoke Lambda function/Parameters/Payload/Input2.$" },
  "amazon-states-language-service/documentInvalidParametersJsonPath.json": { code: "ASL306", pointer: "/States/GetManualReview/Parameters/Payload/model.$" },
  "amazon-states-language-service/documentInvalidPropertiesCatch.json": { code: "ASL011", pointer: "/States/HelloWorld/Catch/0/OneInvalid" },
  "amazon-states-language-service/documentInvalidPropertiesChoices.json": { code: "ASL011", pointer: "/States/ChoiceState/Choices/0/Not/FirstInvalidProp" },
  "amazon-states-language-service/documentInvalidPropertiesRoot.json": { code: "ASL011", pointer: "/NewTopLevelField" },
  "amazon-states-language-service/documentInvalidPropertiesRootNested.json": { code: "ASL011", pointer: "/States/Map/Iterator/InvalidProp" },
  "amazon-states-language-service/documentInvalidPropertiesState.json": { code: "ASL011", pointer: "/States/FirstState/SomethingInvalid1" },
  "amazon-states-language-service/documentInvalidResultSelectorIntrinsicFunction.json": { code: "ASL307", pointer: "/States/Invoke Lambda function/ResultSelector/prop2/Input2.$" },
  "amazon-states-language-service/documentInvalidResultSelectorJsonPath.json": { code: "ASL306", pointer: "/States/GetManualReview/ResultSelector/prop2/model.$" },
  "amazon-states-language-service/documentInvalidSuccessWithAssign.json": { code: "ASL011", pointer: "/States/HelloWorld/Assign" },
  "amazon-states-language-service/documentMapCatchTemplateInvalidNext.json": { code: "ASL102", pointer: "/States/Map/Catch/0/Next" },
  "amazon-states-language-service/documentMapInvalidItemProcessorConfig.json": { code: "ASL010", pointer: "/States/Map/ItemProcessor" },
  "amazon-states-language-service/documentMapResultWriterMissingOutputType.json": { code: "ASL010", pointer: "/States/Map/ResultWriter/WriterConfig" },
  "amazon-states-language-service/documentNestedNoTerminalState.json": { code: "ASL105", pointer: "/States/LookupCustomerInfo/Branches/1/States" },
  "amazon-states-language-service/documentNestedUnreachableState.json": { code: "ASL104", pointer: "/States/LookupCustomerInfo/Branches/0/States/Second" },
  "amazon-states-language-service/documentNoTerminalState.json": { code: "ASL105", pointer: "/States" },
  "amazon-states-language-service/documentParallelCatchTemplateInvalidNext.json": { code: "ASL102", pointer: "/States/Parallel/Catch/0/Next" },
  "amazon-states-language-service/documentStartAtInvalid.json": { code: "ASL101", pointer: "/StartAt" },
  "amazon-states-language-service/documentStartAtNestedInvalid.json": { code: "ASL101", pointer: "/States/LookupCustomerInfo/Branches/0/StartAt" },
  "amazon-states-language-service/documentTaskCatchTemplateInvalidNext.json": { code: "ASL102", pointer: "/States/HelloWorld/Catch/1/Next" },
  "amazon-states-language-service/documentTaskJSONataInvalid.json": { code: "ASL013", pointer: "/States/Lambda Invoke/QueryLanguage" },
  "amazon-states-language-service/documentTaskRetryInvalid.json": { code: "ASL014", pointer: "/States/HelloWorld/Retry/0/MaxAttempts" },
  "amazon-states-language-service/documentUnreachableState.json": {
    code: "ASL101",
    pointer: "/StartAt",
    note: 'the language service reports the unreachable states; their root cause is StartAt "FirstS", which names no state, so we report that instead of every state',
  },
  "asl-validator/invalid-assign.asl.json": { code: "ASL401", pointer: "/States/ProvideTestData/Assign/top-level/array/0/child-1" },
  "asl-validator/invalid-cfn-definition-substitutions.json": { code: "ASL209", pointer: "/States/X/Resource" },
  "asl-validator/invalid-choice-state-variable.json": { code: "ASL301", pointer: "/States/ChoiceState/Choices/0/Variable" },
  "asl-validator/invalid-choice-state.json": { code: "ASL010", pointer: "/States/ChoiceState/Choices/0" },
  "asl-validator/invalid-dupe-fields.asl.json": { code: "ASL305", pointer: "/States/PassState/Parameters/dynamic/conflict.$" },
  "asl-validator/invalid-duplicate-fields-nested.json": { code: "ASL305", pointer: "/States/Publish to Slack/Parameters/slackMessage/blocks/0/text/type.$" },
  "asl-validator/invalid-duplicate-fields.json": { code: "ASL305", pointer: "/States/Publish to Slack/Parameters/slackMessage/channel.$" },
  "asl-validator/invalid-error-equals-type.json": { code: "ASL012", pointer: "/States/Testing/Catch/0/ErrorEquals/0" },
  "asl-validator/invalid-error-equals.json": { code: "ASL011", pointer: "/States/Testing/Catch/0/Error Equals" },
  "asl-validator/invalid-exercise-ajv-additional-properties.asl.json": { code: "ASL011", pointer: "/States/PassState/bugInputPath" },
  "asl-validator/invalid-exercise-ajv.asl.json": { code: "ASL301", pointer: "/States/PassState/InputPath" },
  "asl-validator/invalid-fail-dupe-cause.json": { code: "ASL201", pointer: "/States/Hello/CausePath" },
  "asl-validator/invalid-fail-dupe-error.json": { code: "ASL201", pointer: "/States/Hello/ErrorPath" },
  "asl-validator/invalid-inexistant-state.json": { code: "ASL102", pointer: "/States/Start State/Next" },
  "asl-validator/invalid-json-path.json": { code: "ASL301", pointer: "/States/Invalid1/ResultPath" },
  "asl-validator/invalid-json-surround-syntax-extra-spaces.json": {
    accepted: 'asl-validator requires "{% " and " %}" with single spaces; AWS only requires the string to start with {% and end with %} (ASL-3.2), and AWS samples use "{%$lowercase(…) %}"',
  },
  "asl-validator/invalid-jsonata-fields.json": { code: "ASL408", pointer: "/States/EmptyState/Parameters" },
  "asl-validator/invalid-jsonata-path-fields.asl.json": { code: "ASL408", pointer: "/States/Verification/Branches/0/States/Check Identity/OutputPath" },
  "asl-validator/invalid-jsonata-surround-syntax-no-close.json": { code: "ASL402", pointer: "/States/X/Output" },
  "asl-validator/invalid-jsonata-surround-syntax-no-open.json": { code: "ASL402", pointer: "/States/X/Output" },
  "asl-validator/invalid-jsonata-surround-syntax-no-spaces.json": {
    accepted: '"{%10%}" is an expression for AWS (ASL-3.2: starts with {% and ends with %}); asl-validator\'s pattern demands spaces',
  },
  "asl-validator/invalid-jsonata-syntax-arithmetic.json": { code: "ASL401", pointer: "/States/X/Output" },
  "asl-validator/invalid-jsonata-syntax-jsonpath-in-jsonata-surround.json": { code: "ASL401", pointer: "/States/X/Output" },
  "asl-validator/invalid-jsonata-syntax-mismatched-parens.json": { code: "ASL401", pointer: "/States/X/Output" },
  "asl-validator/invalid-map-distributed.asl.json": { code: "ASL201", pointer: "/States/Map/ItemReader/ReaderConfig/MaxItemsPath" },
  "asl-validator/invalid-map-dupe-state.json": { code: "ASL106", pointer: "/States/Final State" },
  "asl-validator/invalid-map-item-batcher-dupe-subfields.json": { code: "ASL201", pointer: "/States/Map/ItemBatcher/MaxItemsPerBatchPath" },
  "asl-validator/invalid-map-items.asl.json": { code: "ASL201", pointer: "/States/ProcessAnimals/ItemsPath" },
  "asl-validator/invalid-map-missing-iterator.json": { code: "ASL204", pointer: "/States/Map" },
  "asl-validator/invalid-map-ob-link.json": { code: "ASL103", pointer: "/States/Map/Iterator/States/ChoiceState/Choices/1/Next" },
  "asl-validator/invalid-map-tolerated-value.json": { code: "ASL014", pointer: "/States/Map/ToleratedFailurePercentage" },
  "asl-validator/invalid-map-tolerated.json": { code: "ASL201", pointer: "/States/Map/ToleratedFailureCountPath" },
  "asl-validator/invalid-math-add.json": { code: "ASL309", pointer: "/States/validate input/Parameters/foo.$" },
  "asl-validator/invalid-missing-terminal-map.json": { code: "ASL108", pointer: "/States/Map/Iterator/States/Wait 20s" },
  "asl-validator/invalid-missing-terminal-parallel.json": { code: "ASL108", pointer: "/States/Parallel/Branches/0/States/Wait 20s" },
  "asl-validator/invalid-missing-terminal.json": { code: "ASL105", pointer: "/States" },
  "asl-validator/invalid-next-with-end.json": { code: "ASL108", pointer: "/States/Send SNS Message/End" },
  "asl-validator/invalid-parallel-branch-type.json": { code: "ASL012", pointer: "/States/A/Branches/0" },
  "asl-validator/invalid-parallel-missing-branches.json": { code: "ASL010", pointer: "/States/Parallel" },
  "asl-validator/invalid-parallel-ob-link.json": { code: "ASL103", pointer: "/States/Parallel/Branches/1/States/ChoiceState/Choices/1/Next" },
  "asl-validator/invalid-payload-template.asl.json": { code: "ASL306", pointer: "/States/Hello, World/Parameters/lorem.$" },
  "asl-validator/invalid-state-name-too-long.json": { code: "ASL107", pointer: "/States/This is an exceptionally long state name that I know will fail when I try to deploy to AWS" },
  "asl-validator/invalid-task-alias-function.json": { code: "ASL209", pointer: "/States/MissingAlias/Resource" },
  "asl-validator/invalid-task-credentials-null.json": { code: "ASL012", pointer: "/States/X/Credentials" },
  "asl-validator/invalid-task-credentials-object.json": { code: "ASL306", pointer: "/States/X/Credentials/expectPath.$" },
  "asl-validator/invalid-task-heartbeat.json": { code: "ASL201", pointer: "/States/X/HeartbeatSecondsPath" },
  "asl-validator/invalid-task-timout.json": { code: "ASL201", pointer: "/States/X/TimeoutSecondsPath" },
  "asl-validator/invalid-unreachable-state.json": { code: "ASL104", pointer: "/States/Finished Choice" },
  "asl-validator/invalid-variable-result-path.json": { code: "ASL303", pointer: "/States/Fin/ResultPath" },
  "asl-validator/invalid-wait-duration.json": { code: "ASL202", pointer: "/States/wait_using_seconds/SecondsPath" },
  "localstack/test_base_scenarios--test_illegal_escapes--ESCAPE_SEQUENCES_ILLEGAL_INTRINSIC_FUNCTION_2.json": { code: "ASL307", pointer: "/States/IntrinsicEscape/Parameters/parsed.$" },
  "localstack/test_base_scenarios--test_wait_timestamp_invalid--INVALID_ISO.json": { code: "ASL015", pointer: "/States/WaitUntil/Timestamp" },
  "localstack/test_base_scenarios--test_wait_timestamp_invalid--NO_Z.json": { code: "ASL015", pointer: "/States/WaitUntil/Timestamp" },
  "localstack/test_credentials_base--test_invalid_credentials_field--EMPTY_CREDENTIALS.json": { code: "ASL010", pointer: "/States/State0/Credentials" },
  "localstack/test_credentials_base--test_invalid_credentials_field--INVALID_CREDENTIALS_FIELD.json": { code: "ASL010", pointer: "/States/State0/Credentials" },
  "localstack/test_dynamodb_task_service--test_invalid_integration.json": { code: "ASL210", pointer: "/States/Query/Resource" },
  "localstack/test_sfn_api_express--test_illegal_callbacks--SYNC.json": { code: "ASL211", pointer: "/States/StartExecution/Resource" },
  "localstack/test_sfn_api_validation--test_validate_state_machine_definition_type_express--INVALID_BASE_NO_STARTAT.json": { code: "ASL010", pointer: "" },
  "localstack/test_sfn_api_validation--test_validate_state_machine_definition_type_standard--INVALID_BASE_NO_STARTAT.json": { code: "ASL010", pointer: "" },
  "localstack/test_sfn_api_validation--test_validate_state_machine_definition_type_standard--INVALID_DOWNGRADE_QUERY_LANGUAGE.json": { code: "ASL407", pointer: "/States/Pass/QueryLanguage" },
};

describe("corpus (../shared/corpus)", () => {
  test("manifest has 300 valid and 95 invalid files", () => {
    assert.equal(rows.filter((r) => r.file.startsWith("valid/")).length, 300);
    assert.equal(rows.filter((r) => r.file.startsWith("invalid/")).length, 95);
  });

  test("every valid file validates with zero errors, except the reviewed list", () => {
    let accepted = 0;
    for (const row of rows.filter((r) => r.file.startsWith("valid/"))) {
      const result = validate(corpusText(row.file), { file: row.file });
      const codes = [...new Set(result.diagnostics.filter((d) => d.severity === "error").map((d) => d.code))].sort();
      const exception = VALID_BUT_REJECTED[row.file];
      if (exception) {
        assert.deepEqual(codes, exception.codes, `${row.file} (${exception.reason})`);
      } else {
        assert.deepEqual(
          result.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code} ${d.location.pointer}: ${d.message}`),
          [],
          row.file,
        );
        accepted++;
      }
    }
    assert.equal(accepted, 300 - Object.keys(VALID_BUT_REJECTED).length);
  });

  test("every invalid file yields the expected error, located at the offending node", () => {
    const invalid = rows.filter((r) => r.file.startsWith("invalid/"));
    assert.deepEqual(invalid.map((r) => r.file.slice("invalid/".length)).sort(), Object.keys(INVALID_EXPECTED).sort(), "the table covers every invalid file");
    for (const row of invalid) {
      const expected = INVALID_EXPECTED[row.file.slice("invalid/".length)];
      assert.ok(expected);
      const express = /EXPRESS/.test(row.note);
      const result = validate(corpusText(row.file), { file: row.file, machineType: express ? "EXPRESS" : "STANDARD" });
      const errors = result.diagnostics.filter((d) => d.severity === "error");
      if ("accepted" in expected) {
        assert.deepEqual(errors, [], `${row.file} is accepted on purpose: ${expected.accepted}`);
        continue;
      }
      assert.equal(result.ok, false, row.file);
      const hit = errors.find((d) => d.code === expected.code && d.location.pointer === expected.pointer);
      assert.ok(hit, `${row.file}: expected ${expected.code} at "${expected.pointer}", got ${errors.map((d) => `${d.code} ${d.location.pointer}`).join(", ")}`);
      assert.ok(hit.location.start && hit.location.start.line >= 1, `${row.file}: ${expected.code} has a line and column`);
      assert.equal(hit.location.file, row.file);
    }
  });
});
