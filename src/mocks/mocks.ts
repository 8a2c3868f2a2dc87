import type { TaskOverride } from "../runtime/task.js";

/**
 * A declarative description of Task outcomes, by state name, for running a handler without AWS (examples, tests,
 * and later `compare`). Each state gets one outcome (used for every call) or a list used in call order (the last
 * one repeats). `return` is the raw result; `throw` fails the call with that ASL error (name = Error, message =
 * Cause), which Retry and Catch then see like a real failure.
 */
export type MockOutcome = { return: unknown } | { throw: { name: string; message?: string } } | { echo: true };

export type MockSpec = Record<string, MockOutcome | MockOutcome[]>;

export function mocksToTasks(spec: MockSpec): Record<string, TaskOverride> {
  const tasks: Record<string, TaskOverride> = {};
  for (const [state, outcomes] of Object.entries(spec)) {
    const list = Array.isArray(outcomes) ? outcomes : [outcomes];
    if (list.length === 0) throw new Error(`mocks: state ${JSON.stringify(state)} has no outcomes`);
    let call = 0;
    tasks[state] = (input) => {
      const outcome = list[Math.min(call++, list.length - 1)] as MockOutcome;
      if ("throw" in outcome) {
        const error = new Error(outcome.throw.message ?? "");
        error.name = outcome.throw.name;
        throw error;
      }
      return "echo" in outcome ? input : outcome.return;
    };
  }
  return tasks;
}

/** Check that a parsed JSON value is a MockSpec; returns the problems found (empty when valid). */
export function checkMockSpec(value: unknown): string[] {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return ["mocks must be a JSON object of state name → outcome(s)"];
  const problems: string[] = [];
  for (const [state, outcomes] of Object.entries(value)) {
    for (const [i, o] of (Array.isArray(outcomes) ? outcomes : [outcomes]).entries()) {
      const ok =
        o !== null &&
        typeof o === "object" &&
        (("return" in o && Object.keys(o).length === 1) ||
          ("echo" in o && (o as { echo: unknown }).echo === true) ||
          ("throw" in o && typeof (o as { throw: { name?: unknown } }).throw?.name === "string"));
      if (!ok) problems.push(`${JSON.stringify(state)}[${i}]: expected {"return": value}, {"echo": true} or {"throw": {"name": "...", "message": "..."}}`);
    }
  }
  return problems;
}
