/**
 * A large, realistic, valid state machine for the benchmark, generated deterministically from a seed.
 *
 * Shape: one long top-level chain of Task (Lambda), Pass (Parameters with `.$` paths and `States.Format`), Choice (a
 * Default to the next state and rules that jump to a later state) and Wait states, with a few Parallel and Map states
 * spread along it that hold some of the states in their branches / item processor. Tasks have Retry, about half of them
 * a Catch to a later state. Every state is reachable (each scope is a chain), and the top-level chain ends in Succeed.
 * `states` counts every state, nested ones and the Parallel/Map states themselves included.
 *
 * Run directly to print the JSON: `node --import tsx bench/generate.ts [--states 5000] [--seed 42]`.
 */
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

export interface GenerateOptions {
  /** Total number of states, nested ones included (at least 1). Default 5000. */
  states?: number;
  /** PRNG seed; the same seed and size always give the same machine. Default 42. */
  seed?: number;
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

type SimpleKind = "Task" | "Pass" | "Choice" | "Wait";
type Slot = SimpleKind | "Parallel" | "Map" | "End";

const ACCOUNT = "123456789012";
const REGION = "us-east-1";
const PARALLEL_BRANCHES = 2;

/** mulberry32: a small, fast, seeded PRNG returning floats in [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Generator {
  private readonly random: () => number;
  private counter = 0;

  constructor(seed: number) {
    this.random = mulberry32(seed);
  }

  /** An integer in [low, high]. */
  private int(low: number, high: number): number {
    return low + Math.floor(this.random() * (high - low + 1));
  }

  private simpleKind(): SimpleKind {
    const r = this.random();
    if (r < 0.4) return "Task";
    if (r < 0.7) return "Pass";
    if (r < 0.85) return "Choice";
    return "Wait";
  }

  private nameFor(slot: Slot): string {
    this.counter += 1;
    const id = String(this.counter).padStart(4, "0");
    const label: Record<Slot, string> = {
      Task: "Invoke step",
      Pass: "Shape input",
      Choice: "Route order",
      Wait: "Pause",
      Parallel: "Fan out",
      Map: "Process items",
      End: "Done",
    };
    return `${label[slot]} ${id}`;
  }

  /**
   * A scope (the top level, a branch or an item processor) of exactly `total` states, containers included.
   * `containers` Parallel/Map states (alternating) are spread evenly along the chain, each holding `inner` states.
   */
  scope(total: number, containers: number, inner: number, end: "Succeed" | "Pass"): { StartAt: string; States: JsonObject } {
    const containerSize = 1 + inner;
    const length = total - containers * containerSize + containers; // the chain's own states, containers counted once
    if (length < 1) throw new RangeError(`a scope of ${total} states cannot hold ${containers} containers of ${inner}`);
    const slots: Slot[] = [];
    const containerAt = new Set<number>();
    for (let k = 0; k < containers; k++) containerAt.add(Math.floor(((k + 1) * (length - 1)) / (containers + 1)));
    let parallel = true;
    for (let i = 0; i < length - 1; i++) {
      if (containerAt.has(i)) {
        slots.push(parallel ? "Parallel" : "Map");
        parallel = !parallel;
      } else {
        const kind = this.simpleKind();
        // A Choice needs a later state other than the next one to jump to.
        slots.push(kind === "Choice" && i >= length - 3 ? "Pass" : kind);
      }
    }
    slots.push("End");
    const names = slots.map((slot) => this.nameFor(slot));
    const states: JsonObject = {};
    slots.forEach((slot, i) => {
      const name = names[i] as string;
      const next = names[i + 1];
      const later = (min: number, max: number): string => names[Math.min(names.length - 1, i + this.int(min, max))] as string;
      states[name] = this.state(slot, name, next, later, inner, end);
    });
    return { StartAt: names[0] as string, States: states };
  }

  private state(
    slot: Slot,
    name: string,
    next: string | undefined,
    later: (min: number, max: number) => string,
    inner: number,
    end: "Succeed" | "Pass",
  ): JsonObject {
    const id = name.slice(name.lastIndexOf(" ") + 1);
    if (slot === "End") {
      return end === "Succeed" ? { Type: "Succeed" } : { Type: "Pass", ResultPath: "$.done", Result: { id }, End: true };
    }
    if (next === undefined) throw new Error(`state ${name} has no successor`);
    switch (slot) {
      case "Task":
        return this.task(id, next, later);
      case "Pass":
        return {
          Type: "Pass",
          Parameters: {
            "orderId.$": "$.order.id",
            "customer.$": "$.customer.name",
            "label.$": `States.Format('step ${id} for {} ({} items)', $.customer.name, $.order.count)`,
            "first.$": "$.items[0]",
            "startedAt.$": "$$.Execution.StartTime",
            constant: this.int(1, 1000),
            nested: { flag: this.random() < 0.5, "region.$": "$.order.region" },
          },
          ResultPath: `$.pass.p${id}`,
          Next: next,
        };
      case "Choice":
        return {
          Type: "Choice",
          Choices: [
            { Variable: "$.order.count", NumericGreaterThan: this.int(1, 100), Next: later(2, 6) },
            {
              And: [
                { Variable: "$.order.status", StringEquals: "READY" },
                { Variable: "$.order.express", BooleanEquals: true },
              ],
              Next: later(2, 4),
            },
          ],
          Default: next,
        };
      case "Wait":
        return this.random() < 0.5 ? { Type: "Wait", Seconds: this.int(1, 30), Next: next } : { Type: "Wait", SecondsPath: "$.delaySeconds", Next: next };
      case "Parallel": {
        const branchSize = Math.floor(inner / PARALLEL_BRANCHES);
        const sizes = Array.from({ length: PARALLEL_BRANCHES }, (_, k) => (k === 0 ? inner - branchSize * (PARALLEL_BRANCHES - 1) : branchSize));
        return {
          Type: "Parallel",
          Branches: sizes.map((size) => this.scope(size, 0, 0, "Succeed")),
          ResultPath: `$.parallel.p${id}`,
          Retry: [{ ErrorEquals: ["States.ALL"], MaxAttempts: 2 }],
          Catch: [{ ErrorEquals: ["States.ALL"], ResultPath: "$.error", Next: later(1, 3) }],
          Next: next,
        };
      }
      case "Map":
        return {
          Type: "Map",
          ItemsPath: "$.items",
          ItemSelector: { "item.$": "$$.Map.Item.Value", "index.$": "$$.Map.Item.Index", "orderId.$": "$.order.id" },
          MaxConcurrency: 8,
          ItemProcessor: { ProcessorConfig: { Mode: "INLINE" }, ...this.scope(inner, 0, 0, "Pass") },
          ResultPath: `$.mapped.m${id}`,
          Next: next,
        };
    }
  }

  private task(id: string, next: string, later: (min: number, max: number) => string): JsonObject {
    const fn = `arn:aws:lambda:${REGION}:${ACCOUNT}:function:worker-${this.int(1, 40)}`;
    const base: JsonObject =
      this.random() < 0.5
        ? { Type: "Task", Resource: fn, InputPath: "$.order", ResultPath: `$.results.t${id}` }
        : {
            Type: "Task",
            Resource: "arn:aws:states:::lambda:invoke",
            Parameters: { FunctionName: fn, "Payload.$": "$", "token.$": "$$.Execution.Id" },
            ResultSelector: { "body.$": "$.Payload", "status.$": "$.StatusCode" },
            ResultPath: `$.results.t${id}`,
            TimeoutSeconds: this.int(10, 300),
          };
    base.Retry = [
      { ErrorEquals: ["Lambda.ServiceException", "Lambda.TooManyRequestsException"], IntervalSeconds: 2, MaxAttempts: 6, BackoffRate: 2 },
      { ErrorEquals: ["States.Timeout"], MaxAttempts: 1 },
    ];
    if (this.random() < 0.5) base.Catch = [{ ErrorEquals: ["States.ALL"], ResultPath: "$.error", Next: later(1, 5) }];
    base.Next = next;
    return base;
  }
}

/** Generate the state machine. Deterministic: the same options always give the same (deep-equal) definition. */
export function generateMachine(options: GenerateOptions = {}): JsonObject {
  const total = options.states ?? 5000;
  if (!Number.isInteger(total) || total < 1) throw new RangeError(`states must be a positive integer, got ${total}`);
  const containers = Math.min(8, Math.floor(total / 200));
  const inner = Math.floor(total / 50);
  const generator = new Generator(options.seed ?? 42);
  return {
    Comment: `Generated benchmark state machine: ${total} states (seed ${options.seed ?? 42})`,
    TimeoutSeconds: 86400,
    ...generator.scope(total, containers, inner, "Succeed"),
  };
}

/** Number of states in a definition, counting those inside Parallel branches and Map item processors / iterators. */
export function countStates(definition: unknown): number {
  if (typeof definition !== "object" || definition === null) return 0;
  const states = (definition as { States?: unknown }).States;
  if (typeof states !== "object" || states === null) return 0;
  let count = 0;
  for (const state of Object.values(states)) {
    count += 1;
    if (typeof state !== "object" || state === null) continue;
    const { Branches, ItemProcessor, Iterator } = state as { Branches?: unknown; ItemProcessor?: unknown; Iterator?: unknown };
    if (Array.isArray(Branches)) for (const branch of Branches) count += countStates(branch);
    count += countStates(ItemProcessor) + countStates(Iterator);
  }
  return count;
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  const { values } = parseArgs({ options: { states: { type: "string" }, seed: { type: "string" } } });
  const machine = generateMachine({
    ...(values.states !== undefined ? { states: Number(values.states) } : {}),
    ...(values.seed !== undefined ? { seed: Number(values.seed) } : {}),
  });
  process.stdout.write(`${JSON.stringify(machine, null, 2)}\n`);
}
