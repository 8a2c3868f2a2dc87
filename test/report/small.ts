import type { CompareResult } from "../../src/compare/types.js";

/** A small hand-made compare result: a Task with a Catch, a Choice, Succeed and Fail; the outputs differ in one field. */
export const SMALL_DEFINITION = {
  StartAt: 'Charge "VIP" | 50%',
  States: {
    'Charge "VIP" | 50%': {
      Type: "Task",
      Resource: "arn:aws:lambda:us-east-1:123456789012:function:charge",
      Catch: [{ ErrorEquals: ["Card.Declined", "States.Timeout"], Next: "Declined" }],
      Next: "OK?",
    },
    "OK?": { Type: "Choice", Choices: [{ Variable: "$.ok", BooleanEquals: true, Next: "Done" }], Default: "Declined" },
    Done: { Type: "Succeed" },
    Declined: { Type: "Fail", Error: "Declined" },
  },
};

export const SMALL_RESULT: CompareResult = {
  machine: { name: "small", states: 4 },
  exitCode: 1,
  runs: [
    {
      name: "input",
      input: { ok: true },
      interpreter: { outcome: { status: "SUCCEEDED", output: { ok: true, note: "a|b" } }, path: ['Charge "VIP" | 50%', "OK?", "Done"], history: [] },
      handler: {
        outcome: { status: "SUCCEEDED", output: { ok: true, note: "a|c" } },
        operations: [{ id: "1", name: 'Charge "VIP" | 50%', type: "STEP", subType: "Step", status: "SUCCEEDED" }],
      },
      verdict: "different",
      differences: [{ path: "$.note", interpreter: "a|b", handler: "a|c" }],
      metrics: { stateTransitions: 3, durableOperations: 1, checkpointedBytes: 27, invocations: 1, replays: 0, elapsedSeconds: 0, handlerMilliseconds: 2 },
      cost: {
        currency: "USD",
        region: "us-east-1",
        stepFunctions: { lines: [{ item: "State transitions", quantity: 3, unit: "transition", unitPrice: 0.000025, amount: 0.000075 }], total: 0.000075 },
        durable: { lines: [{ item: "Durable operations", quantity: 1, unit: "operation", unitPrice: 0.000008, amount: 0.000008 }], total: 0.000008 },
      },
    },
  ],
};
