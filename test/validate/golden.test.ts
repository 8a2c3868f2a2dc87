import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { main } from "../../src/cli/main.js";
import { validate } from "../../src/index.js";
import { captureOutput } from "../support/output.js";

const FIXTURE = "fixtures/invalid/order-processing-mistakes.asl.json";

/**
 * Every deliberate mistake in the fixture, reviewed by hand: where it is (line:column of the offending key or
 * value in the fixture) and the code that must name it.
 */
const MISTAKES: Array<[string, string]> = [
  ["7:7", "ASL011"], // "Resorce": typo of Resource
  ["14:68", "ASL206"], // BooleanEquals and StringEquals in one rule
  ["16:18", "ASL102"], // Default "Reject" (the state is "Reject Order")
  ["22:9", "ASL601"], // the States.ALL retrier is not last
  ["23:9", "ASL603"], // so the States.Timeout retrier can never match (warning)
  ["23:46", "ASL011"], // "MaxAttemps"
  ["27:46", "ASL202"], // Seconds and SecondsPath
  ["28:5", "ASL104"], // "Orphan" is unreachable
  ["30:5", "ASL104"], // "Reject Order" is unreachable (because of the Default typo)
  ["30:48", "ASL602"], // "States.Rejected" uses the reserved prefix (warning)
];

describe("golden diagnostics for fixtures/invalid", () => {
  test("each mistake is reported once, at its line and column", () => {
    const result = validate(readFileSync(FIXTURE, "utf8"), { file: FIXTURE });
    assert.deepEqual(
      result.diagnostics.map((d) => [`${d.location.start?.line}:${d.location.start?.column}`, d.code]),
      MISTAKES,
    );
  });

  test("the CLI text output matches the golden file exactly", async () => {
    const io = captureOutput();
    const status = await main(["validate", FIXTURE, "--no-color", "--code-frame"], io);
    assert.equal(status, 1);
    assert.equal(io.stdout(), readFileSync(new URL("golden/order-processing-mistakes.txt", import.meta.url), "utf8"));
  });
});
