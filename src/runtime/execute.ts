import { aslError } from "./errors.js";

/**
 * Run a whole state machine body: a failure leaves the durable execution FAILED with ErrorType = the ASL error name
 * and ErrorMessage = the cause (an Error thrown directly from the handler keeps its name, durable-sdk.md §4).
 */
export async function execute<T>(body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (thrown) {
    const { Error: name, Cause: cause } = aslError(thrown);
    const failure = new Error(cause);
    failure.name = name;
    throw failure;
  }
}
