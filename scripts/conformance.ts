/**
 * `npm run conformance`: run every JSONPath case of ../shared/conformance through the generated handlers and print
 * the pass counts per category, then each failure with its reason. Exit status 1 when any case fails.
 */
import { executableCases, runCase, teardown, type CaseResult } from "../test/support/conformance.js";

const only = process.argv[2];
const results: CaseResult[] = [];
for (const c of executableCases()) {
  if (only !== undefined && !c.id.includes(only)) continue;
  try {
    results.push(await runCase(c));
  } catch (e) {
    results.push({ id: c.id, category: c.category, verdict: { kind: "fail", reason: `harness: ${(e as Error).message}` } });
  }
}
await teardown();
const categories = [...new Set(results.map((r) => r.category))].sort();
for (const category of categories) {
  const rs = results.filter((r) => r.category === category);
  const count = (k: string): number => rs.filter((r) => r.verdict.kind === k).length;
  process.stdout.write(`${category.padEnd(16)} ${count("pass")} passed, ${count("fail")} failed, ${count("unsupported")} not supported yet (of ${rs.length})\n`);
}
for (const r of results) {
  if (r.verdict.kind !== "pass") process.stdout.write(`${r.verdict.kind.toUpperCase()} ${r.id}\n    ${r.verdict.reason}\n`);
}
const passed = results.filter((r) => r.verdict.kind === "pass").length;
const failed = results.filter((r) => r.verdict.kind === "fail").length;
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exitCode = failed > 0 ? 1 : 0;
