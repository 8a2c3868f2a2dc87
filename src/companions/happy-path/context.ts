import { EXAMPLE_TIMESTAMP } from "./world.js";

/**
 * The context object (ASL-7: `$$`, or `$states.context` in JSONata) as the planner shows it to a state: the fields the
 * runtime gives (src/runtime/execution.ts), with example values; `Execution.Input` is the plan's input itself, so paths
 * through it reach the input.
 */
export interface ContextOptions {
  stateMachineName: string;
  input: unknown;
  state: string;
  /** `$$.Task.Token` of a `.waitForTaskToken` or activity Task. */
  token?: boolean;
  /** `$$.Map.Item` inside a Map iteration. */
  item?: { index: number; value: unknown };
}

/** The partition, region and account of the planned run (its ARNs, and the values of pseudo parameters). */
export const EXAMPLE_ACCOUNT = { "AWS::Partition": "aws", "AWS::Region": "us-east-1", "AWS::AccountId": "123456789012" } as const;

export const EXAMPLE_EXECUTION_ARN = "arn:aws:lambda:us-east-1:123456789012:function:example:1/durable-execution/example/00000000-0000-0000-0000-000000000000";

export function contextObject(options: ContextOptions): Record<string, unknown> {
  const context: Record<string, unknown> = {
    // The fields src/runtime/execution.ts gives (no RoleArn: a durable execution has none).
    Execution: { Id: EXAMPLE_EXECUTION_ARN, Input: options.input, Name: "example", StartTime: EXAMPLE_TIMESTAMP, RedriveCount: 0 },
    StateMachine: { Id: `arn:aws:states:us-east-1:123456789012:stateMachine:${options.stateMachineName}`, Name: options.stateMachineName },
    State: { Name: options.state, EnteredTime: EXAMPLE_TIMESTAMP, RetryCount: 0 },
  };
  if (options.token === true) context["Task"] = { Token: `stand-in-task-token:${options.state}:0` };
  if (options.item !== undefined) context["Map"] = { Item: { Index: options.item.index, Value: options.item.value } };
  return context;
}
