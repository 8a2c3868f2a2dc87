import { statePlaceholders } from "../../ir/placeholders.js";
import { fillPlaceholders } from "../../runtime/placeholders.js";
import { EXAMPLE_ACCOUNT } from "./context.js";
import type { MachineIR, TaskState } from "../../ir/types.js";
import type { DatasetRead } from "./datasets.js";
import { branchKey, simulate, type ChoiceDecision, type PlanValues, type SimulationResult } from "./simulate.js";
import { allStates, taskStates } from "../walk.js";
import { World } from "./world.js";

/**
 * A happy path derived from the definition: an execution input, one mocked result per Task and, for Distributed Maps,
 * the datasets their ItemReaders read, chosen so that the machine runs from StartAt to a successful end.
 *
 * The heuristic (documented for the generated test's reader):
 * 1. Start from an empty input and empty results (`{}`; for `lambda:invoke` the Invoke envelope `{StatusCode: 200,
 *    Payload: {}}`).
 * 2. Run the machine on them with the runtime's own data-flow functions. Every path that reads a missing field creates
 *    it where the value comes from (the input, a Task's result, a dataset item) with a placeholder of the kind its use
 *    needs: a string by default, a number for arithmetic, an array with one item for ItemsPath, a timestamp for
 *    TimestampPath…
 * 3. At a Choice, take the first rule whose target can still reach a Succeed state or an End without revisiting a
 *    state (so polling loops exit), else Default; choose the values the rules read so that the earlier rules are false
 *    and that one is true (the runtime's evaluator checks it).
 * 4. Repeat until a run changes nothing (a fixpoint): that last run is the plan.
 * 5. If that run fails, the Choice branch taken last before the failure is avoided and the machine planned again
 *    from scratch (a few times at most): a branch that can only end in a failure, e.g. a Task that reads a context
 *    field the runtime does not give, gives way to one that succeeds. If no successful path is found, the first plan
 *    records how the run fails.
 */
export interface HappyPathPlan {
  /** The execution input. */
  input: unknown;
  /** The raw result each Task returns, by state name (every Task of the machine, nested ones included). */
  mocks: Record<string, unknown>;
  /** Task states the planned run calls, sorted. */
  calls: string[];
  /** Top-level states the planned run enters, in order. */
  trace: string[];
  /** The branch each Choice state takes. */
  decisions: ChoiceDecision[];
  /** How the planned run ends; `exact` when the error name is fixed (not computed from data, as by ErrorPath). */
  outcome: { kind: "succeeded" } | { kind: "failed"; state: string; error: string; cause: string; exact: boolean };
  /** What each Distributed Map reads from S3, with the planned items. */
  datasets: DatasetRead[];
  /** The values reached a fixpoint; false when the last run still changed them (the plan may not hold). */
  converged: boolean;
  /**
   * A value for each deploy-time placeholder of the Tasks' parameters (`makeHandler({ substitutions })`), which the
   * deployed function reads from its environment: the name itself, or the test account's for a pseudo parameter.
   */
  substitutions: Record<string, string>;
}


/** A dataset where the handler will look for it: its bucket, key and prefix with the planned placeholder values. */
function located(read: DatasetRead, substitutions: Readonly<Record<string, string>>): DatasetRead {
  const text = (value: string): string => fillPlaceholders(value, (name) => substitutions[name]);
  const out: DatasetRead = { ...read, bucket: text(read.bucket) };
  if (read.key !== undefined) out.key = text(read.key);
  if (read.prefix !== undefined) out.prefix = text(read.prefix);
  return out;
}

function plannedSubstitutions(machine: MachineIR): Record<string, string> {
  const names = new Set(allStates(machine).flatMap(({ state }) => statePlaceholders(state)));
  return Object.fromEntries([...names].sort().map((name) => [name, (EXAMPLE_ACCOUNT as Readonly<Record<string, string>>)[name] ?? name]));
}

const MAX_RUNS = 25;
/** Plans made, each avoiding one more Choice branch, before the planner settles for a failing plan. */
const MAX_ATTEMPTS = 6;

export async function planHappyPath(machine: MachineIR, options: { stateMachineName?: string } = {}): Promise<HappyPathPlan> {
  let first: HappyPathPlan | undefined;
  const banned = new Set<string>();
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const { plan, lastDecision } = await planOnce(machine, options.stateMachineName ?? "StateMachine", banned);
    if (plan.outcome.kind === "succeeded") return plan;
    first ??= plan;
    if (lastDecision === undefined || banned.has(branchKey(lastDecision))) break;
    banned.add(branchKey(lastDecision));
  }
  return first as HappyPathPlan;
}

/** One plan: runs of the machine on growing values until a fixpoint (see HappyPathPlan), avoiding `banned` branches. */
async function planOnce(machine: MachineIR, stateMachineName: string, banned: ReadonlySet<string>): Promise<{ plan: HappyPathPlan; lastDecision?: ChoiceDecision }> {
  const world = new World();
  const values: PlanValues = { world, inputs: world.newHolder(), mocks: world.newHolder(), datasets: world.newHolder() };
  world.setRoot(values.inputs, "input", {});
  for (const task of taskStates(machine)) world.setRoot(values.mocks, task.origin.name, initialResult(world, task));
  let result: SimulationResult | undefined;
  let converged = false;
  for (let run = 0; run < MAX_RUNS && !converged; run++) {
    world.changes = 0;
    result = await simulate(machine, values, stateMachineName, banned);
    converged = world.changes === 0;
  }
  const final = result as SimulationResult;
  const substitutions = plannedSubstitutions(machine);
  const outcome = final.outcome.kind === "succeeded" ? { kind: "succeeded" as const } : final.outcome;
  const plan: HappyPathPlan = {
    input: snapshot(values.inputs["input"]),
    mocks: snapshot(values.mocks) as Record<string, unknown>,
    calls: [...final.calls].sort(),
    trace: final.trace,
    decisions: final.decisions,
    outcome,
    datasets: final.reads.map((read) => located({ ...read, items: snapshot(read.items) as unknown[] }, substitutions)),
    converged,
    substitutions,
  };
  return final.lastDecision === undefined ? { plan } : { plan, lastDecision: final.lastDecision };
}

/** What a Task returns before any demand: `{}`, or the Invoke envelope for `lambda:invoke`. */
function initialResult(world: World, task: TaskState): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  const kind = task.integration;
  if (kind.kind === "optimised" && kind.service === "lambda" && kind.action === "invoke" && kind.pattern === "request-response") {
    world.seed(result, "ExecutedVersion", "$LATEST", "soft", "any");
    world.seed(result, "Payload", {}, "soft", "value");
    world.seed(result, "StatusCode", 200, "soft", "any");
  }
  return result;
}

/** A plain JSON copy, detached from the planner's bookkeeping. */
function snapshot(value: unknown): unknown {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown);
}
