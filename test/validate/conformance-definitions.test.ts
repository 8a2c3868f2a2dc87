import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { validate } from "../../src/index.js";
import { conformanceCases } from "../support/shared.js";

const cases = conformanceCases();
const express = (id: string): "EXPRESS" | "STANDARD" => (/express/i.test(id) ? "EXPRESS" : "STANDARD");

describe("AWS-recorded conformance definitions (../shared/conformance)", () => {
  test("every definition AWS rejected is rejected, with the code that names AWS's reason", () => {
    // AWS's message → our code, reviewed case by case against `expected.message` / `diagnostics`.
    const expected: Record<string, string> = {
      "EMPTY_CREDENTIALS": "ASL010", // The field 'RoleArn' is required but was missing
      "INVALID_CREDENTIALS_FIELD": "ASL010",
      "test_wait_timestamp_invalid[NO_Z]": "ASL015", // String does not match RFC3339 timestamp
      "test_wait_timestamp_invalid[INVALID_ISO]": "ASL015",
      "ILLEGAL_INTRINSIC_FUNCTION_2": "ASL307", // must be a valid JSONPath or a valid intrinsic function call
      "test_invalid_integration": "ASL210", // The resource provided arn:...:dynamodb:query is not recognized
      "test_illegal_callbacks[SYNC]": "ASL211", // Express state machine does not support '.sync'
      "INVALID_BASE_NO_STARTAT": "ASL010", // These fields are required: [StartAt]
      "INVALID_DOWNGRADE_QUERY_LANGUAGE": "ASL407", // 'QueryLanguage' can not be 'JSONPath' if set to 'JSONata'
    };
    const invalid = cases.filter((c) => c.category === "invalid-definition");
    assert.equal(invalid.length, 10);
    for (const c of invalid) {
      const result = validate(c.definition, { machineType: express(c.id) });
      const key = Object.keys(expected).find((k) => c.id.includes(k));
      assert.ok(key, `no reviewed expectation for ${c.id}`);
      const codes = result.diagnostics.filter((d) => d.severity === "error").map((d) => d.code);
      assert.ok(codes.includes(expected[key] as string), `${c.id}: expected ${expected[key]}, got ${codes.join(", ") || "nothing"}`);
    }
  });

  test("every definition AWS ran validates without errors", () => {
    let checked = 0;
    for (const c of cases) {
      if (c.category === "invalid-definition") continue;
      // Written reason for the only exclusions: the snapshot masked a real timestamp literal in the definition
      // itself as the string "date" (placeholder_note), so the definition as stored is not what AWS ran.
      if (c.placeholder_note?.includes('masked as the literal "date"') && JSON.stringify(c.definition).includes('"date"')) continue;
      const errors = validate(c.definition, { machineType: express(c.id) }).diagnostics.filter((d) => d.severity === "error");
      assert.deepEqual(errors.map((d) => `${d.code} ${d.location.pointer} ${d.message}`), [], c.id);
      checked++;
    }
    assert.equal(checked, 494, "509 definitions AWS ran, less the 15 whose timestamp literal the snapshot masked");
  });
});
