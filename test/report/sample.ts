import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { CompareResult, CostEstimate, DurableOperation, RunComparison } from "../../src/compare/types.js";
import { lower } from "../../src/ir/lower.js";
import type { MachineIR } from "../../src/ir/types.js";
import { transpile } from "../../src/transpile.js";
import { validate } from "../../src/validate/index.js";

/**
 * Hand-made compare results for the report tests. `orderProcessingSample` is fixtures/order-processing.asl.json run
 * twice: an order that ships after one more poll of the warehouse (both sides agree; the operations are the ones the
 * generated handler checkpointed in LocalDurableTestRunner for this input), and a declined card where the handler is
 * made to report another cause (a "different" verdict, to draw the differences table). Prices are illustrative.
 */

export const FIXTURE = fileURLToPath(new URL("../../fixtures/order-processing.asl.json", import.meta.url));

export interface Sample {
  result: CompareResult;
  machine: MachineIR;
  code: string;
}

/** validate() then lower() a definition, as the compare command does. */
export function machineOf(definition: unknown): MachineIR {
  const validation = validate(definition);
  if (!validation.ok) throw new Error(`invalid sample: ${validation.diagnostics.map((d) => d.message).join("; ")}`);
  const lowered = lower(validation.definition);
  if (!lowered.machine) throw new Error("sample did not lower");
  return lowered.machine;
}

function cost(transitions: number, operations: number, bytes: number, invocations: number, handlerMs: number): CostEstimate {
  const line = (item: string, quantity: number, unit: string, unitPrice: number) => ({ item, quantity, unit, unitPrice, amount: quantity * unitPrice });
  const sf = [line("State transitions", transitions, "transition", 0.000025)];
  const gbSeconds = (handlerMs / 1000) * (1024 / 1024);
  const durable = [
    line("Durable operations", operations, "operation", 0.000008),
    line("Data written", bytes / 1024 ** 3, "GB", 0.25),
    line("Requests", invocations, "request", 0.0000002),
    line("Compute (1024 MB)", gbSeconds, "GB-second", 0.0000166667),
  ];
  const total = (lines: Array<{ amount: number }>) => lines.reduce((sum, l) => sum + l.amount, 0);
  return { currency: "USD", region: "us-east-1", stepFunctions: { lines: sf, total: total(sf) }, durable: { lines: durable, total: total(durable) } };
}

const op = (id: string, name: string, type: string, subType: string, status: string, parentId?: string): DurableOperation => ({
  id,
  name,
  type,
  subType,
  status,
  ...(parentId !== undefined ? { parentId } : {}),
});

const SHIPPED_OPERATIONS: DurableOperation[] = [
  op("c4ca4238a0b92382", "Validate Order", "STEP", "Step", "SUCCEEDED"),
  op("c81e728d9d4c2f63", "Charge Card", "STEP", "Step", "SUCCEEDED"),
  op("eccbc87e4b5ce2fe", "Wait For Shipment", "WAIT", "Wait", "SUCCEEDED"),
  op("a87ff679a2f3e71d", "Check Shipment", "STEP", "Step", "SUCCEEDED"),
  op("e4da3b7fbbce2345", "Wait For Shipment", "WAIT", "Wait", "SUCCEEDED"),
  op("1679091c5a880faf", "Check Shipment", "STEP", "Step", "SUCCEEDED"),
  op("8f14e45fceea167a", "Notify", "CONTEXT", "Parallel", "SUCCEEDED"),
  op("a514839c4971406f", "Notify [0]", "CONTEXT", "ParallelBranch", "SUCCEEDED", "8f14e45fceea167a"),
  op("6ab5dbc886d46770", "Notify [1]", "CONTEXT", "ParallelBranch", "SUCCEEDED", "8f14e45fceea167a"),
  op("b6bd55ee745b0668", "Update Line Items", "CONTEXT", "Map", "SUCCEEDED", "6ab5dbc886d46770"),
  op("56eae2fe6ac8ba57", "Email Customer", "STEP", "Step", "SUCCEEDED", "a514839c4971406f"),
  op("2bd1f583c8b9270c", "Update Line Items [0]", "CONTEXT", "MapIteration", "SUCCEEDED", "b6bd55ee745b0668"),
  op("2aab41358443f2ed", "Update Line Items [1]", "CONTEXT", "MapIteration", "SUCCEEDED", "b6bd55ee745b0668"),
  op("ac96234ebbfcf72a", "Mark Shipped", "STEP", "Step", "SUCCEEDED", "2bd1f583c8b9270c"),
  op("e7249d0935a2597b", "Mark Shipped", "STEP", "Step", "SUCCEEDED", "2aab41358443f2ed"),
];

const ORDER = {
  id: "o-1",
  total: 42,
  email: "ada@example.com",
  items: [
    { sku: "A-1", quantity: 1 },
    { sku: "B-2", quantity: 2 },
  ],
};

const SHIPPED_OUTPUT = { order: ORDER, validation: { valid: true }, charge: { chargeId: "ch_1" }, shipment: { status: "SHIPPED" } };

const SHIPPED_PATH = [
  "Validate Order",
  "Is Order Valid?",
  "Charge Card",
  "Wait For Shipment",
  "Check Shipment",
  "Shipped?",
  "Wait For Shipment",
  "Check Shipment",
  "Shipped?",
  "Notify",
  "Email Customer",
  "Update Line Items",
  "Mark Shipped",
  "Mark Shipped",
  "Order Complete",
];

const shipped: RunComparison = {
  name: "input",
  input: { order: ORDER },
  interpreter: {
    outcome: { status: "SUCCEEDED", output: SHIPPED_OUTPUT },
    path: SHIPPED_PATH,
    history: SHIPPED_PATH.map((state, i) => ({ id: i + 2, type: "StateEntered", time: 0, state })),
  },
  handler: { outcome: { status: "SUCCEEDED", output: SHIPPED_OUTPUT }, operations: SHIPPED_OPERATIONS },
  verdict: "same",
  differences: [],
  metrics: { stateTransitions: 15, durableOperations: 15, checkpointedBytes: 1184, invocations: 3, replays: 2, elapsedSeconds: 600, handlerMilliseconds: 41 },
  cost: cost(15, 15, 1184, 3, 41),
};

const DECLINED_PATH = ["Validate Order", "Is Order Valid?", "Charge Card", "Reject Order"];

const declined: RunComparison = {
  name: "declined card",
  input: { order: { ...ORDER, id: "o-2" } },
  interpreter: {
    outcome: { status: "FAILED", error: "CardDeclined", cause: "Order o-2 was rejected" },
    path: DECLINED_PATH,
    history: DECLINED_PATH.map((state, i) => ({ id: i + 2, type: "StateEntered", time: 0, state })),
  },
  handler: {
    outcome: { status: "FAILED", error: "CardDeclined", cause: "Order undefined was rejected" },
    operations: [op("c4ca4238a0b92382", "Validate Order", "STEP", "Step", "SUCCEEDED"), op("c81e728d9d4c2f63", "Charge Card", "STEP", "Step", "FAILED")],
  },
  verdict: "different",
  differences: [{ path: "$.Cause", interpreter: "Order o-2 was rejected", handler: "Order undefined was rejected" }],
  metrics: { stateTransitions: 4, durableOperations: 2, checkpointedBytes: 210, invocations: 1, replays: 0, elapsedSeconds: 0, handlerMilliseconds: 9 },
  cost: cost(4, 2, 210, 1, 9),
};

/** The order-processing sample: its two runs, the lowered machine and the generated module. */
export async function orderProcessingSample(): Promise<Sample> {
  const definition = readFileSync(FIXTURE, "utf8");
  const machine = machineOf(definition);
  const { code } = await transpile(definition, { file: "fixtures/order-processing.asl.json" });
  return { result: { machine: { name: "order-processing", states: 13 }, runs: [shipped, declined], exitCode: 1 }, machine, code };
}
