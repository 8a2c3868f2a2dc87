/**
 * The runner environment with time skipping, for test files: see src/compare/environment.ts (it keeps node:test's
 * reporting intact by restoring the real process.nextTick and queueMicrotask).
 */
export { setupSkipTime, teardownSkipTime } from "../../src/compare/environment.js";
