import { StatesError } from "../errors.js";
import type { Json } from "../types.js";
import { defaultClientCache, newCommand, type ClientCache, type ClientClass, type CommandClass } from "./clients.js";
import { sdkNaming, serviceError } from "./errors.js";
import { fromSdkOutput, operationSchemas, readStreams, toSdkInput } from "./shape.js";

/**
 * What a service call needs to know about the Task beyond its parameters. It is a subset of the Task's `TaskInfo` plus
 * what the generated handler evaluates per attempt.
 */
export interface AwsCallContext {
  /** The Task state's name. */
  state?: string;
  /** `Credentials.RoleArn` (ASL-6.2), evaluated: the call is made with that role's credentials. */
  roleArn?: string;
  /** `$$.StateMachine.Id` and `$$.Execution.Id`, which some optimised integrations pass on (events:putEvents). */
  stateMachineArn?: string;
  executionArn?: string;
}

/** A service integration ready to call: the Task's effective parameters in, the Task's raw result out. */
export type AwsCall = (input: Json, context?: AwsCallContext) => Promise<Json>;

export interface AwsSdkOptions {
  /** Step Functions' service name in error names, from `awsSdkBinding` (src/asl/services.ts), e.g. `S3`. */
  errorPrefix: string;
  /** Client cache to use; default the runtime's shared one (see `configureClients`). */
  clients?: ClientCache;
}

/**
 * `arn:aws:states:::aws-sdk:<service>:<action>` (ASL-6.2): sends `new Command(parameters)` with the Task's parameters
 * translated to the SDK's member names, and returns the response the way Step Functions does (src/runtime/aws/shape.ts):
 * no `$metadata`, Pascal-case member names, streaming bodies as text, timestamps as ISO-8601 text. Failures are named
 * `<errorPrefix>.<Exception>` (src/runtime/aws/errors.ts).
 */
export function awsSdk(Client: ClientClass, Command: CommandClass, options: AwsSdkOptions): AwsCall {
  const naming = sdkNaming(options.errorPrefix);
  const schemas = operationSchemas(newCommand(Command, {}));
  return async (input, context) => {
    const params = parameters(input);
    const clients = options.clients ?? defaultClientCache();
    let output: unknown;
    try {
      const client = clients.client(Client, context?.roleArn);
      output = await client.send(newCommand(Command, toSdkInput(params, schemas?.input, "aws-sdk")));
      output = await readStreams(output);
    } catch (e) {
      throw serviceError(e, naming);
    }
    return fromSdkOutput(output, schemas?.output, "iso");
  };
}

/**
 * A Task's parameters are a JSON object; without Parameters/Arguments the whole state input is sent, and null stands
 * for no parameters. Anything else cannot be an API request.
 */
export function parameters(input: Json): { [key: string]: Json } {
  if (input === null) return {};
  if (typeof input === "object" && !Array.isArray(input)) return input;
  throw new StatesError("States.Runtime", `The parameters of a service integration must be a JSON object, not ${JSON.stringify(input)}`);
}
