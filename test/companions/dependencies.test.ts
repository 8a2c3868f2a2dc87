import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { importedPackages, projectDependencies } from "../../src/companions/dependencies.js";
import { companionsFor } from "../../src/companions/files.js";
import { transpile } from "../../src/index.js";
import { VERSION } from "../../src/version.js";

/** What `migrate` tells a project to install (src/companions/dependencies.ts), read from the files it wrote. */
const own = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { dependencies: Record<string, string> };

describe("the packages a migrated project needs", () => {
  test("import specifiers: package names (scoped, with subpaths), never relative, absolute or node: ones", () => {
    const text = [
      'import { a } from "@aws-sdk/client-dynamodb";',
      'import * as asl from "asl2durable/runtime";',
      'import type { Json } from "asl2durable/runtime";',
      'export { b } from "lodash/fp";',
      'import "side-effect";',
      'import path from "node:path";',
      'import { c } from "./local.js";',
      'import { d } from "/abs/x.js";',
      'const s = "import x from \\"not-an-import\\"";',
    ].join("\n");
    assert.deepEqual(importedPackages(text).sort(), ["@aws-sdk/client-dynamodb", "asl2durable", "lodash", "side-effect"]);
  });

  test("the order-processing migration: the handler's imports are dependencies, pinned where asl2durable's runtime needs its versions", async () => {
    const result = await transpile(readFileSync(new URL("../../fixtures/order-processing.asl.json", import.meta.url), "utf8"), { stateMachineName: "order-processing" });
    assert.ok(result.ir !== undefined);
    const companions = await companionsFor(result.ir, { stem: "order-processing", machineName: "order-processing", sourceFile: "x", diagnostics: [], select: { test: "vitest", deployment: "cdk", report: true } });
    const packages = projectDependencies([{ role: "handler", text: result.code }, ...companions], "vitest");
    const sdk = `@aws/durable-execution-sdk-js@${own.dependencies["@aws/durable-execution-sdk-js"]}`;
    assert.deepEqual(packages.dependencies, [sdk, `asl2durable@${VERSION}`]);
    const testing = `@aws/durable-execution-sdk-js-testing@${own.dependencies["@aws/durable-execution-sdk-js-testing"]}`;
    // The test's imports and runner, the construct's imports and the bundler CDK uses; nothing twice.
    assert.deepEqual(packages.devDependencies, [testing, "aws-cdk-lib", "constructs", "esbuild", "vitest"]);
  });
});
