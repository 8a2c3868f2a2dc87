import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, describe, test } from "node:test";
import { executableCases, runCase, teardown, type CaseResult } from "../support/conformance.js";

/**
 * The AWS-recorded conformance cases (../shared/conformance), JSONPath ones: transpile, run in the durable SDK's
 * LocalDurableTestRunner (skipTime) with the recorded Lambda behaviours as `tasks` mocks, and compare with what AWS
 * returned. Every case that does not pass is accounted for below, with its reason.
 */
const threshold = (JSON.parse(readFileSync(new URL("threshold.json", import.meta.url), "utf8")) as { passed: number }).passed;

function isTimestamp(value: unknown): boolean {
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(value);
}

/** Cases that run but differ from AWS, each with the specific reason. */
const KNOWN_DIFFERENCES: Record<string, string> = {
  "v2/base/test_base.py::TestSnfBase::test_query_context_object_values#get_execution_history":
    "$$.Execution.RoleArn: a durable execution runs as its function's role, which the function cannot read, so the context object has no RoleArn; and $$.Execution.Id/Name are the durable execution's ARN and id, not a Step Functions execution ARN",
  "v2/context_object/test_context_object.py::TestSnfBase::test_input_path[$$]#get_execution_history":
    "the whole $$ is compared: no Execution.RoleArn, and Execution.Id is the durable execution's (see test_query_context_object_values)",
  "v2/outputdecl/test_output.py::TestArgumentsBase::test_base_cases[BASE_EXPR]#get_execution_history":
    "the output holds the whole $states.context: no Execution.RoleArn, and Execution.Id is the durable execution's (see test_query_context_object_values)",
  "v2/context_object/test_context_object.py::TestSnfBase::test_output_path[$$]#get_execution_history":
    "the whole $$ is compared: no Execution.RoleArn, and Execution.Id is the durable execution's (see test_query_context_object_values)",
};

/** Why a case may be left unrun: its recording cannot be reproduced (README §3: a masked timestamp). */
const ALLOWED_UNSUPPORTED = [/^not comparable: a recorded timestamp was masked/];

describe("AWS-recorded conformance (JSONPath and JSONata)", () => {
  const results: CaseResult[] = [];
  after(teardown);

  for (const c of executableCases()) {
    test(c.id, async (t) => {
      const result = await runCase(c);
      results.push(result);
      const known = KNOWN_DIFFERENCES[c.id];
      if (result.verdict.kind === "unsupported") {
        const reason = result.verdict.reason;
        assert.ok(ALLOWED_UNSUPPORTED.some((r) => r.test(reason)), `unexpectedly not run: ${reason}`);
        t.diagnostic(`not run: ${reason}`);
      } else if (result.verdict.kind === "fail") {
        assert.ok(known, `differs from AWS: ${result.verdict.reason} (module ${result.module ?? "-"})`);
        t.diagnostic(`known difference: ${known}`);
      } else {
        assert.equal(known, undefined, "passes now: remove it from KNOWN_DIFFERENCES");
      }
    });
  }

  test("differential: the reference interpreter passes the same cases, and agrees with every generated handler", (t) => {
    const ran = results.filter((r) => r.interpreter !== undefined);
    assert.ok(ran.length > 400, `only ${ran.length} cases ran both ways`);
    // Same pass set: a case passes through the interpreter exactly when it passes through the handler.
    const mismatched = ran.filter((r) => r.interpreter?.matchesExpected !== (r.verdict.kind === "pass"));
    assert.deepEqual(mismatched.map((r) => r.id), []);
    // Same outcome, member by member. Each run reads the clock itself ($$.Execution.StartTime, State.EnteredTime,
    // $now()), so two timestamps may differ; a case that draws random values (README §2 "nondeterministic") may differ.
    const clock = (d: { interpreter: unknown; handler: unknown }): boolean => isTimestamp(d.interpreter) && isTimestamp(d.handler);
    const disagreeing = ran.filter((r) => !r.nondeterministic && (r.differences ?? []).some((d) => !clock(d)));
    assert.deepEqual(disagreeing.map((r) => `${r.id}: ${JSON.stringify(r.differences?.slice(0, 2))}`), []);
    const exempt = ran.filter((r) => (r.differences?.length ?? 0) > 0).length;
    t.diagnostic(`${ran.length} cases run by both; ${exempt} differ only in clock readings or random values`);
  });

  test("pass count per category, against the threshold that only goes up", (t) => {
    for (const category of [...new Set(results.map((r) => r.category))].sort()) {
      const rs = results.filter((r) => r.category === category);
      const n = (k: string): number => rs.filter((r) => r.verdict.kind === k).length;
      t.diagnostic(`${category}: ${n("pass")} passed, ${n("fail")} known differences, ${n("unsupported")} not run (of ${rs.length})`);
    }
    const passed = results.filter((r) => r.verdict.kind === "pass").length;
    assert.ok(passed >= threshold, `${passed} cases pass, below the threshold of ${threshold}`);
    assert.equal(passed, threshold, `${passed} cases pass now: raise test/conformance/threshold.json to ${passed}`);
  });
});
