/**
 * `npm run example [definition] [input] [mocks]`: transpile a definition (default: the bundled order-processing
 * machine), then run the generated durable handler in the SDK's LocalDurableTestRunner with Task mocks (time is
 * skipped, so its 5-minute waits and retry delays cost nothing), and print the result and the durable operations.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { withDurableExecution } from "@aws/durable-execution-sdk-js";
import { LocalDurableTestRunner } from "@aws/durable-execution-sdk-js-testing";
import { transpile } from "../src/index.js";
import { checkMockSpec, mocksToTasks, type MockSpec } from "../src/mocks/mocks.js";
import type { TaskOverride } from "../src/runtime/index.js";

const [definitionFile = "fixtures/order-processing.asl.json", inputFile = "fixtures/order-processing.input.json", mocksFile = "fixtures/order-processing.mocks.json"] = process.argv.slice(2);
const result = await transpile(readFileSync(definitionFile, "utf8"), { file: definitionFile });
for (const d of result.diagnostics.filter((x) => x.severity === "error")) process.stderr.write(`${d.code} ${d.message}\n`);
if (result.code === "") process.exit(1);

const dir = fileURLToPath(new URL("../test/.generated/example/", import.meta.url));
mkdirSync(dir, { recursive: true });
const moduleFile = `${dir}handler.ts`;
writeFileSync(moduleFile, result.code);
process.stdout.write(`generated ${result.code.split("\n").length} lines of TypeScript → ${moduleFile}\n`);

const mocks = JSON.parse(readFileSync(mocksFile, "utf8")) as unknown;
const problems = checkMockSpec(mocks);
if (problems.length > 0) throw new Error(`${mocksFile}: ${problems.join("; ")}`);
type MakeHandler = (options: { tasks: Record<string, TaskOverride> }) => ReturnType<typeof withDurableExecution>;
const { makeHandler } = (await import(pathToFileURL(moduleFile).href)) as { makeHandler: MakeHandler };
await LocalDurableTestRunner.setupTestEnvironment({ skipTime: true });
const runner = new LocalDurableTestRunner({ handlerFunction: makeHandler({ tasks: mocksToTasks(mocks as MockSpec) }) });
const execution = await runner.run({ payload: JSON.parse(readFileSync(inputFile, "utf8")) as unknown });
process.stdout.write(`status: ${execution.getStatus()}\n`);
if (execution.getStatus() === "SUCCEEDED") process.stdout.write(`output: ${JSON.stringify(execution.getResult(), null, 2)}\n`);
else process.stdout.write(`error: ${JSON.stringify(execution.getError())}\n`);
process.stdout.write("durable operations:\n");
for (const op of execution.getOperations()) process.stdout.write(`  ${String(op.getType()).padEnd(8)} ${op.getName() ?? "(unnamed)"}\n`);
await LocalDurableTestRunner.teardownTestEnvironment();
