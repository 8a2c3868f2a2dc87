import assert from "node:assert/strict";
import { StatesError } from "../../src/runtime/errors.js";

/** Freeze a value and everything in it, so a test proves the code under test never mutates its inputs. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/** Assert that `fn` throws a StatesError named `name`, whose cause contains `causePart` when given. */
export function throwsStates(fn: () => unknown, name: string, causePart?: string): void {
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof StatesError, `expected a StatesError, got ${String(error)}`);
    assert.equal(error.name, name);
    if (causePart !== undefined) assert.ok(error.message.includes(causePart), `cause ${JSON.stringify(error.message)} lacks ${JSON.stringify(causePart)}`);
    return true;
  });
}

/** Assert that `promise` rejects with a StatesError named `name`, whose cause matches `cause` when given. */
export async function rejectsStates(promise: Promise<unknown>, name: string, cause?: RegExp): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof StatesError, `expected a StatesError, got ${String(error)}`);
    assert.equal(error.name, name);
    if (cause !== undefined) assert.match(error.message, cause);
    return true;
  });
}
