import { InvokeCommand, LambdaClient, type InvokeCommandOutput } from "@aws-sdk/client-lambda";
import { StatesError } from "./errors.js";
import type { TaskOverride } from "./task.js";
import type { Json } from "./types.js";

/** The default wiring of Lambda tasks (ASL-6.2): a synchronous Invoke from inside the task's durable step. */
let client: LambdaClient | undefined;
function lambda(): LambdaClient {
  client ??= new LambdaClient({});
  return client;
}

/** A Task whose Resource is a function ARN: the payload is the effective input; the result is the function's. */
export function lambdaFunction(functionArn: string): TaskOverride {
  return async (input) => {
    const response = await invoke({ FunctionName: functionArn, Payload: input });
    return parsePayload(response);
  };
}

/**
 * `arn:aws:states:::lambda:invoke`: the effective input holds FunctionName, Payload, Qualifier, InvocationType and
 * ClientContext; the result is the envelope { ExecutedVersion, Payload, SdkHttpMetadata, SdkResponseMetadata,
 * StatusCode } [obs].
 */
export const lambdaInvoke: TaskOverride = async (input) => {
  const params = (input ?? {}) as Record<string, Json>;
  const response = await invoke({
    FunctionName: String(params["FunctionName"]),
    Payload: params["Payload"],
    ...(typeof params["Qualifier"] === "string" ? { Qualifier: params["Qualifier"] } : {}),
    ...(typeof params["InvocationType"] === "string" ? { InvocationType: params["InvocationType"] } : {}),
    ...(typeof params["ClientContext"] === "string" ? { ClientContext: params["ClientContext"] } : {}),
    ...(typeof params["LogType"] === "string" ? { LogType: params["LogType"] } : {}),
  });
  return {
    ExecutedVersion: response.ExecutedVersion ?? "$LATEST",
    ...(response.LogResult !== undefined ? { LogResult: response.LogResult } : {}),
    Payload: parsePayload(response),
    SdkHttpMetadata: { HttpStatusCode: response.StatusCode ?? 200 },
    SdkResponseMetadata: { RequestId: response.$metadata?.requestId ?? "" },
    StatusCode: response.StatusCode ?? 200,
  };
};

interface InvokeRequest {
  FunctionName: string;
  /** A string is sent as it is (it is the JSON text), null or absent sends no payload, anything else as JSON [obs]. */
  Payload: Json | undefined;
  Qualifier?: string;
  InvocationType?: string;
  ClientContext?: string;
  LogType?: string;
}

async function invoke(request: InvokeRequest): Promise<InvokeCommandOutput> {
  let response: InvokeCommandOutput;
  try {
    response = await lambda().send(
      new InvokeCommand({
        FunctionName: request.FunctionName,
        ...(request.Payload === undefined || request.Payload === null
          ? {}
          : { Payload: new TextEncoder().encode(typeof request.Payload === "string" ? request.Payload : JSON.stringify(request.Payload)) }),
        ...(request.LogType !== undefined ? { LogType: request.LogType as "None" | "Tail" } : {}),
        ...(request.Qualifier !== undefined ? { Qualifier: request.Qualifier } : {}),
        ...(request.InvocationType !== undefined ? { InvocationType: request.InvocationType as "RequestResponse" | "Event" | "DryRun" } : {}),
        ...(request.ClientContext !== undefined ? { ClientContext: request.ClientContext } : {}),
      }),
    );
  } catch (e) {
    // Service errors are named Lambda.<Exception> in Step Functions (ASL-6.2 [obs]).
    const err = e as Error;
    throw new StatesError(`Lambda.${err.name}`, err.message);
  }
  if (response.FunctionError !== undefined) {
    // An unhandled function error: Error = its errorType, Cause = the error payload's JSON text [obs].
    const text = new TextDecoder().decode(response.Payload ?? new Uint8Array());
    let errorType = "Lambda.Unknown";
    try {
      const parsed = JSON.parse(text) as { errorType?: unknown };
      if (typeof parsed.errorType === "string") errorType = parsed.errorType;
    } catch {
      // keep the generic name
    }
    throw new StatesError(errorType, text);
  }
  return response;
}

function parsePayload(response: InvokeCommandOutput): Json {
  const text = new TextDecoder().decode(response.Payload ?? new Uint8Array());
  if (text === "") return null;
  try {
    return JSON.parse(text) as Json;
  } catch {
    return text;
  }
}
