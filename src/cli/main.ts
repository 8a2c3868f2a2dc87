import { VERSION } from "../version.js";
import yargs from "yargs";
import { processOutput, type Output } from "./output.js";
import { buildArgs, buildCommand, runBuild } from "./build-command.js";
import { runCompare } from "./compare-command.js";
import { runMigrate } from "./migrate-command.js";
import { runTranspile } from "./transpile-command.js";
import { EXIT, runValidate } from "./validate-command.js";

/** yargs-parser drops a bare "-" argument, so stdin travels through the parser under this name. */
const STDIN_TOKEN = "\u0000stdin";

/** Parse argv and run a command; resolves to the exit status. Never throws for user errors. */
export async function main(rawArgv: string[], io: Output = processOutput): Promise<number> {
  const argv = rawArgv.map((a) => (a === "-" ? STDIN_TOKEN : a));
  let status: number = EXIT.ok;
  let usageError: string | undefined;
  const parser = yargs()
    .scriptName("asl2durable")
    .usage("$0 <command> [options]\n\nValidate Amazon States Language definitions and migrate them to AWS Lambda durable functions.")
    .command(
      "validate <files..>",
      "Validate ASL definitions (JSON or YAML files, directories, globs, or - for stdin)",
      (y) =>
        y
          .positional("files", { type: "string", array: true, demandOption: true, describe: "Definition files, directories, globs, or -" })
          .option("format", { choices: ["text", "json"] as const, default: "text" as const, describe: "Output format (json is for tools)" })
          .option("type", { choices: ["STANDARD", "EXPRESS"] as const, default: "STANDARD" as const, describe: "State machine type (EXPRESS rejects .sync and .waitForTaskToken)" })
          .option("substitutions", { type: "string", describe: "JSON file of DefinitionSubstitutions applied to ${Name} placeholders first" })
          .option("arn-check", { type: "boolean", default: true, describe: "Check Task Resource ARNs (--no-arn-check to skip)" })
          .option("path-check", { type: "boolean", default: true, describe: "Check JSONPath, intrinsic and JSONata syntax (--no-path-check to skip)" })
          .option("warnings", { type: "boolean", default: true, describe: "Show warnings (--no-warnings for errors only)" })
          .option("color", { type: "boolean", describe: "Force colours on or off (default: on for a terminal)" })
          .option("code-frame", { type: "boolean", describe: "Show the offending source lines under each diagnostic (default: on for a terminal)" })
          .option("machine", { type: "string", describe: "In a CloudFormation/SAM/CDK/serverless file, only this state machine (logical id or name)" })
          .example("$0 validate fixtures/order-processing.asl.json", "Validate one file")
          .example("$0 validate 'statemachines/**/*.asl.json' --format json", "Validate many files; print JSON")
          .example("cat machine.yaml | $0 validate -", "Validate stdin"),
      async (args) => {
        status = await runValidate(
          {
            files: args.files.map((f) => (f === STDIN_TOKEN ? "-" : f)),
            format: args.format,
            type: args.type,
            arnCheck: args["arn-check"],
            pathCheck: args["path-check"],
            warnings: args.warnings,
            ...(args.substitutions !== undefined ? { substitutions: args.substitutions } : {}),
            ...(args.color !== undefined ? { color: args.color } : {}),
            ...(args["code-frame"] !== undefined ? { codeFrame: args["code-frame"] } : {}),
            ...(args.machine !== undefined ? { machine: args.machine } : {}),
          },
          io,
        );
      },
    )
    .command(
      "transpile <file>",
      "Generate the durable-functions handler (TypeScript) for an ASL definition",
      (y) =>
        y
          .positional("file", { type: "string", demandOption: true, describe: "Definition file (JSON or YAML), or - for stdin" })
          .option("out", { alias: "o", type: "string", describe: "Write the module to this file (atomically) instead of stdout" })
          .option("machine", { type: "string", describe: "In a CloudFormation/SAM/CDK/serverless file, the state machine to transpile (logical id or name)" })
          .option("force", { type: "boolean", default: false, describe: "Overwrite an output file that was edited by hand" })
          .option("name", { type: "string", describe: "State machine name for $$.StateMachine.Name (default: the file name)" })
          .option("type", { choices: ["STANDARD", "EXPRESS"] as const, default: "STANDARD" as const, describe: "State machine type" })
          .option("substitutions", { type: "string", describe: "JSON file of DefinitionSubstitutions applied to ${Name} placeholders first" })
          .option("warnings", { type: "boolean", default: true, describe: "Show warnings (--no-warnings for errors only)" })
          .option("color", { type: "boolean", describe: "Force colours on or off (default: on for a terminal)" })
          .option("format", { choices: ["text", "json"] as const, default: "text" as const, describe: "Output format (json: one object with the code or the file written, and the diagnostics)" })
          .example("$0 transpile fixtures/order-processing.asl.json -o order-processing.ts", "Write the handler module")
          .example("cat machine.asl.json | $0 transpile - > handler.ts", "Read stdin, print the module"),
      async (args) => {
        status = await runTranspile(
          {
            file: args.file === STDIN_TOKEN ? "-" : args.file,
            force: args.force,
            ...(args.machine !== undefined ? { machine: args.machine } : {}),
            type: args.type,
            warnings: args.warnings,
            ...(args.out !== undefined ? { out: args.out } : {}),
            ...(args.name !== undefined ? { name: args.name } : {}),
            ...(args.substitutions !== undefined ? { substitutions: args.substitutions } : {}),
            ...(args.color !== undefined ? { color: args.color } : {}),
            format: args.format,
          },
          io,
        );
      },
    )
    .command(
      "compare <file>",
      "Run the state machine (reference interpreter) and its durable handler side by side and compare them",
      (y) =>
        y
          .positional("file", { type: "string", demandOption: true, describe: "Definition file (JSON or YAML)" })
          .option("input", { type: "string", describe: "JSON file with the execution input (default {})" })
          .option("mocks", { type: "string", describe: "Task mocks: a JSON file of outcomes per state, or a .js/.mjs module exporting `tasks`" })
          .option("history", { type: "string", describe: "Replay recorded executions: `aws stepfunctions get-execution-history --output json` output (one or many)" })
          .option("report", { type: "string", describe: "Also write a report: out.html (graphs, code, cost) or out.md (Mermaid, for pull requests)" })
          .option("prices", { type: "string", describe: "JSON file overriding the default price table" })
          .option("memory", { type: "number", describe: "Memory of the durable function in MB, for the cost estimate (default 128)" })
          .option("name", { type: "string", describe: "State machine name for $$.StateMachine.Name (default: the file name)" })
          .option("format", { choices: ["text", "json"] as const, default: "text" as const, describe: "Output format (json is for tools)" })
          .option("machine", { type: "string", describe: "In a CloudFormation/SAM/CDK/serverless file, the state machine to compare (logical id or name)" })
          .option("substitutions", { type: "string", describe: "JSON file of DefinitionSubstitutions applied to ${Name} placeholders first" })
          .example("$0 compare fixtures/order-processing.asl.json --input fixtures/order-processing.input.json --mocks fixtures/order-processing.mocks.json", "Compare one run")
          .example("$0 compare machine.asl.json --history history.json --report report.html", "Replay recorded executions and write a report"),
      async (args) => {
        status = await runCompare(
          {
            file: args.file,
            format: args.format,
            ...(args.machine !== undefined ? { machine: args.machine } : {}),
            ...(args.input !== undefined ? { input: args.input } : {}),
            ...(args.mocks !== undefined ? { mocks: args.mocks } : {}),
            ...(args.history !== undefined ? { history: args.history } : {}),
            ...(args.report !== undefined ? { report: args.report } : {}),
            ...(args.prices !== undefined ? { prices: args.prices } : {}),
            ...(args.memory !== undefined ? { memory: args.memory } : {}),
            ...(args.name !== undefined ? { name: args.name } : {}),
            ...(args.substitutions !== undefined ? { substitutions: args.substitutions } : {}),
          },
          io,
        );
      },
    )
    .command(
      "build",
      "Generate every handler the build configuration lists (asl2durable.config.{json,ts,mjs} or the \"asl2durable\" key of package.json)",
      buildCommand,
      async (args) => {
        status = await runBuild(buildArgs(args), io);
      },
    )
    .command(
      "migrate <file>",
      "One-shot migration: handler, test, deployment snippet with least-privilege IAM, and migration report for every state machine of the file",
      (y) =>
        y
          .positional("file", { type: "string", demandOption: true, describe: "Definition or CloudFormation/SAM/CDK/serverless file" })
          .option("out", { alias: "o", type: "string", demandOption: true, describe: "Folder to write into" })
          .option("machine", { type: "string", describe: "Only this state machine of a template (logical id or name)" })
          .option("test-framework", { choices: ["node", "vitest", "jest"] as const, default: "node" as const, describe: "Framework of the generated test" })
          .option("deployment", { choices: ["cdk", "sam", "none"] as const, default: "cdk" as const, describe: "Deployment snippet to generate" })
          .option("test", { type: "boolean", default: true, describe: "Generate the test of each handler (--no-test: none)" })
          .option("report", { type: "boolean", default: true, describe: "Generate the migration report of each handler (--no-report: none)" })
          .option("format", { choices: ["text", "json"] as const, default: "text" as const, describe: "Summary format (json is for tools)" })
          .example("$0 migrate template.yaml --out migrated/", "Migrate every state machine of a SAM template")
          .example("$0 migrate order.asl.json --out src/ --test-framework vitest --deployment sam", "vitest test and SAM resources")
          .example("$0 migrate order.asl.json --out src/ --no-test --no-report --deployment none", "The handler only"),
      async (args) => {
        status = await runMigrate(
          {
            file: args.file,
            out: args.out,
            testFramework: args["test-framework"],
            deployment: args.deployment,
            test: args.test,
            report: args.report,
            format: args.format,
            ...(args.machine !== undefined ? { machine: args.machine } : {}),
          },
          io,
        );
      },
    )
    .example("$0 validate 'statemachines/**/*.asl.json'", "Check every definition, with file:line:col diagnostics")
    .example("$0 transpile order.asl.json -o src/order.ts", "Generate the durable handler")
    .example("$0 compare order.asl.json --input in.json --mocks mocks.json --report report.html", "Prove the handler behaves like the state machine")
    .epilogue("Exit status: 0 success, 1 invalid definition or a difference found, 2 usage or I/O error.")
    .demandCommand(1, "Name a command: validate, transpile, compare, build or migrate")
    .strict()
    .help()
    .alias("h", "help")
    .version(VERSION)
    .wrap(Math.min(110, process.stdout.columns ?? 110))
    .exitProcess(false)
    .fail((message, error) => {
      usageError = message ?? error?.message ?? "invalid usage";
    });
  let helpShown = false;
  await parser.parseAsync(argv, {}, (err, _argv, output) => {
    if (output) {
      helpShown = true;
      (err ? io.err : io.out)(output);
    }
  });
  if (usageError !== undefined) {
    if (!helpShown) io.err(`error: ${usageError}\nRun "asl2durable --help" for usage.`);
    return EXIT.usage;
  }
  return status;
}
