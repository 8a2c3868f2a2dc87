import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { describe, test } from "node:test";
import { fileURLToPath, pathToFileURL } from "node:url";
import { transpile } from "../../src/index.js";

/**
 * Execution settings (ASL-1 TimeoutSeconds; durable-sdk.md: DurableConfig is the function's, not the SDK's): every
 * generated module exports `durableConfig` for its deployment — ExecutionTimeout from the machine's TimeoutSeconds
 * (else a Standard execution's one year) and a 90-day retention, as Step Functions keeps execution history.
 */
const GENERATED_DIR = fileURLToPath(new URL("../.generated/durable-config/", import.meta.url));

async function durableConfigOf(definition: Record<string, unknown>): Promise<unknown> {
  const { code } = await transpile(definition);
  mkdirSync(GENERATED_DIR, { recursive: true });
  const file = `${GENERATED_DIR}m-${createHash("sha1").update(code).digest("hex").slice(0, 12)}.ts`;
  writeFileSync(file, code);
  return ((await import(pathToFileURL(file).href)) as { durableConfig: unknown }).durableConfig;
}

const machine = { StartAt: "P", States: { P: { Type: "Pass", End: true } } };

describe("durableConfig", () => {
  test("TimeoutSeconds becomes ExecutionTimeout", async () => {
    assert.deepEqual(await durableConfigOf({ ...machine, TimeoutSeconds: 3600 }), { ExecutionTimeout: 3600, RetentionPeriodInDays: 90 });
  });

  test("without TimeoutSeconds, a Standard execution's one year (365 × 86,400 s)", async () => {
    assert.deepEqual(await durableConfigOf(machine), { ExecutionTimeout: 365 * 86_400, RetentionPeriodInDays: 90 });
  });
});
