import { StatesError } from "./errors.js";
import type { Json } from "./types.js";

/**
 * A task's result as JSON: what Step Functions would store. `undefined` becomes null; values JSON cannot carry
 * (functions, NaN, cycles) are a task failure.
 */
export function toJson(value: unknown): Json {
  if (value === undefined) return null;
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (e) {
    throw new StatesError("States.Runtime", `The task result is not JSON: ${(e as Error).message}`);
  }
  return text === undefined ? null : (JSON.parse(text) as Json);
}
