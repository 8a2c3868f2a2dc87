/**
 * `npm run bench`: how fast asl2durable's validator is, next to asl-validator, on
 *  (a) the 300 definitions of /work/shared/corpus/valid (JSON and YAML), and
 *  (b) one generated 5,000-state machine (bench/generate.ts).
 * A benchmark, not a test: it prints a table, and with `--write` puts it into bench/RESULTS.md. It exits non-zero only
 * when something is wrong with the measurement itself (asl2durable throws, or a tool rejects the generated machine).
 *
 * Options: --iterations N (timed corpus passes for asl2durable, default 20), --peer-iterations N (timed corpus passes
 * for asl-validator, default 3: one pass takes ~20 s), --generated-iterations N (default 5), --states N (default 5000),
 * --corpus DIR, --write, --verbose (list the files on which the two tools disagree).
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { parse as parseYaml } from "yaml";
import { validate } from "../src/index.js";
import { cfnTags } from "../src/load/cfn-tags.js";
import { countStates, generateMachine } from "./generate.js";
import { PEER_VERSION, peerValidate, type PeerVerdict } from "./peer.js";

const RESULTS_FILE = fileURLToPath(new URL("./RESULTS.md", import.meta.url));
const START_MARKER = "<!-- bench:results:start -->";
const END_MARKER = "<!-- bench:results:end -->";
const DEFAULT_CORPUS = "/work/shared/corpus";

interface Settings {
  iterations: number;
  peerIterations: number;
  generatedIterations: number;
  states: number;
  corpus: string;
  write: boolean;
  verbose: boolean;
}

interface Entry {
  /** Path relative to the corpus root, e.g. `valid/localstack/x.json`; also the `file` given to asl2durable. */
  file: string;
  text: string;
  /** The definition parsed once up front: JSON.parse, or yaml with CloudFormation short-form tags. */
  object: unknown;
}

function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got "${value}"`);
  return n;
}

function readSettings(): Settings {
  const { values } = parseArgs({
    options: {
      iterations: { type: "string" },
      "peer-iterations": { type: "string" },
      "generated-iterations": { type: "string" },
      states: { type: "string" },
      corpus: { type: "string" },
      write: { type: "boolean", default: false },
      verbose: { type: "boolean", default: false },
    },
  });
  return {
    iterations: positiveInt("iterations", values.iterations, 20),
    peerIterations: positiveInt("peer-iterations", values["peer-iterations"], 3),
    generatedIterations: positiveInt("generated-iterations", values["generated-iterations"], 5),
    states: positiveInt("states", values.states, 5000),
    corpus: values.corpus ?? DEFAULT_CORPUS,
    write: values.write ?? false,
    verbose: values.verbose ?? false,
  };
}

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
}

function loadCorpus(root: string): Entry[] {
  return walk(join(root, "valid"))
    .filter((path) => /\.(json|ya?ml)$/i.test(path))
    .map((path) => {
      const text = readFileSync(path, "utf8");
      const file = relative(root, path);
      const object: unknown = /\.json$/i.test(path) ? JSON.parse(text) : parseYaml(text, { customTags: cfnTags });
      return { file, text, object };
    });
}

/** The files asl-validator 4.0.0 is recorded to reject (first column of the TSV, header skipped). */
function recordedPeerRejects(root: string): Set<string> {
  const lines = readFileSync(join(root, "asl-validator-4.0.0-rejects.tsv"), "utf8").split("\n").slice(1);
  return new Set(lines.map((line) => line.split("\t")[0] ?? "").filter((file) => file !== ""));
}

function elapsedMs(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Milliseconds of each of `passes` runs of `run`; `prepare` builds each run's input outside the timed region. */
function time<T>(passes: number, prepare: () => T, run: (input: T) => void): number[] {
  const runs: number[] = [];
  for (let i = 0; i < passes; i++) {
    const input = prepare();
    const start = process.hrtime.bigint();
    run(input);
    runs.push(elapsedMs(start));
  }
  return runs;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Nearest-rank 95th percentile (with few runs, the slowest one). */
function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(0.95 * sorted.length) - 1)] as number;
}

function ms(value: number): string {
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(value >= 100 ? 0 : 1)} ms`;
}

function rate(count: number, milliseconds: number, unit: string): string {
  return `${Math.round((count * 1000) / milliseconds).toLocaleString("en-US")} ${unit}/s`;
}

function ratio(peer: number, ours: number): string {
  const r = peer / ours;
  return `${r >= 10 ? r.toFixed(0) : r.toFixed(1)}×`;
}

/** asl2durable on one input; a throw is a bug in asl2durable and ends the benchmark. */
function ours(input: unknown, file: string): boolean {
  try {
    return validate(input, { file }).ok;
  } catch (error) {
    process.stderr.write(`asl2durable threw on ${file}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  }
}

function describeVerdicts(verdicts: PeerVerdict[]): string {
  const accepted = verdicts.filter((v) => v.kind === "accepted").length;
  const threw = verdicts.filter((v) => v.kind === "threw").length;
  return `${accepted}/${verdicts.length}${threw > 0 ? ` (${threw} threw)` : ""}`;
}

function machineDescription(): string {
  let cpu = os.cpus()[0]?.model ?? "unknown CPU";
  try {
    const line = readFileSync("/proc/cpuinfo", "utf8")
      .split("\n")
      .find((l) => l.startsWith("model name"));
    if (line !== undefined) cpu = line.slice(line.indexOf(":") + 1).trim();
  } catch {
    // not Linux: keep os.cpus()
  }
  const memory = `${Math.round(os.totalmem() / 2 ** 30)} GiB`;
  return `${cpu}, nproc ${os.availableParallelism()}, ${memory} RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
}

function main(): void {
  const settings = readSettings();
  const lines: string[] = [];
  const say = (line: string): void => {
    process.stdout.write(`${line}\n`);
  };
  let failed = false;

  // ---- (a) corpus ----
  const corpus = loadCorpus(settings.corpus);
  const yamlCount = corpus.filter((e) => !/\.json$/i.test(e.file)).length;
  say(`corpus: ${corpus.length} files (${corpus.length - yamlCount} JSON, ${yamlCount} YAML); warming up…`);

  // Warm-up: one full pass of each, which also gives each tool's verdicts.
  const oursText = corpus.map((e) => ours(e.text, e.file));
  const oursObject = corpus.map((e) => ours(e.object, e.file));
  const peer = corpus.map((e) => peerValidate(structuredClone(e.object)));

  let sink = 0; // keeps the timed work observable
  const textRun = (): void => {
    for (const e of corpus) if (validate(e.text, { file: e.file }).ok) sink++;
  };
  const objectRun = (): void => {
    for (const e of corpus) if (validate(e.object, { file: e.file }).ok) sink++;
  };
  // Interleave the two asl2durable variants pass by pass so drift (GC, other load) hits both alike.
  const textRuns: number[] = [];
  const objectRuns: number[] = [];
  for (let i = 0; i < settings.iterations; i++) {
    textRuns.push(...time(1, () => undefined, textRun));
    objectRuns.push(...time(1, () => undefined, objectRun));
  }
  say(`asl2durable: ${settings.iterations} passes done; asl-validator: ${settings.peerIterations} passes (slow)…`);
  // asl-validator mutates its input: each pass gets fresh deep copies, made before the clock starts.
  const peerRuns = time(
    settings.peerIterations,
    () => corpus.map((e) => structuredClone(e.object)),
    (copies) => {
      for (const copy of copies) if (peerValidate(copy).kind === "accepted") sink++;
    },
  );

  // ---- (b) generated machine ----
  const machine = generateMachine({ states: settings.states });
  const stateCount = countStates(machine);
  if (stateCount !== settings.states) {
    process.stderr.write(`generator bug: asked for ${settings.states} states, got ${stateCount}\n`);
    failed = true;
  }
  const machineText = JSON.stringify(machine, null, 2);
  const machineFile = "generated.asl.json";
  const oursGenerated = validate(machineText, { file: machineFile });
  const oursErrors = oursGenerated.diagnostics.filter((d) => d.severity === "error");
  const oursWarnings = oursGenerated.diagnostics.filter((d) => d.severity === "warning");
  if (!oursGenerated.ok) {
    process.stderr.write(`asl2durable rejects the generated machine (a bug to report):\n`);
    for (const d of oursErrors.slice(0, 20)) process.stderr.write(`  ${d.code} ${d.location.pointer}: ${d.message}\n`);
    failed = true;
  }
  const oursGeneratedObject = validate(machine, { file: machineFile });
  if (oursGeneratedObject.ok !== oursGenerated.ok) {
    process.stderr.write(`asl2durable judges the generated machine differently from text and from an object (a bug to report)\n`);
    failed = true;
  }
  const peerGenerated = peerValidate(JSON.parse(machineText));
  if (peerGenerated.kind !== "accepted") {
    process.stderr.write(`asl-validator rejects the generated machine: ${JSON.stringify(peerGenerated)}\n`);
    failed = true;
  }
  const oursGeneratedRuns = time(
    settings.generatedIterations,
    () => undefined,
    () => {
      if (validate(machineText, { file: machineFile }).ok) sink++;
    },
  );
  const oursGeneratedObjectRuns = time(
    settings.generatedIterations,
    () => undefined,
    () => {
      if (validate(machine, { file: machineFile }).ok) sink++;
    },
  );
  const peerGeneratedRuns = time(
    settings.generatedIterations,
    () => undefined,
    () => {
      if (peerValidate(JSON.parse(machineText)).kind === "accepted") sink++;
    },
  );

  // ---- report ----
  const n = corpus.length;
  const corpusLabel = `corpus (${n} files)`;
  const generatedLabel = `generated (${settings.states.toLocaleString("en-US")} states, ${Math.round(machineText.length / 1024)} KiB)`;
  const row = (workload: string, tool: string, runs: number[], throughput: string, accepted: string): string =>
    `| ${workload} | ${tool} | ${runs.length} | ${ms(median(runs))} | ${ms(p95(runs))} | ${throughput} | ${accepted} |`;
  const accepted = (verdicts: boolean[]): string => `${verdicts.filter(Boolean).length}/${verdicts.length}`;
  const peerName = `asl-validator ${PEER_VERSION}`;

  lines.push("| Workload | Tool and input | Timed runs | Median | p95 | Throughput (median) | Accepted |");
  lines.push("|---|---|--:|--:|--:|--:|--:|");
  lines.push(row(corpusLabel, "asl2durable, text (load + schema + rules)", textRuns, rate(n, median(textRuns), "files"), accepted(oursText)));
  lines.push(row(corpusLabel, "asl2durable, parsed object", objectRuns, rate(n, median(objectRuns), "files"), accepted(oursObject)));
  lines.push(row(corpusLabel, `${peerName}, parsed object (copy not timed)`, peerRuns, rate(n, median(peerRuns), "files"), describeVerdicts(peer)));
  const generatedVerdict = (ok: boolean): string => (ok ? "yes" : "**NO**");
  lines.push(
    row(
      generatedLabel,
      "asl2durable, text (parse + validate)",
      oursGeneratedRuns,
      rate(settings.states, median(oursGeneratedRuns), "states"),
      generatedVerdict(oursGenerated.ok),
    ),
  );
  lines.push(
    row(
      generatedLabel,
      "asl2durable, parsed object (validate only)",
      oursGeneratedObjectRuns,
      rate(settings.states, median(oursGeneratedObjectRuns), "states"),
      generatedVerdict(oursGeneratedObject.ok),
    ),
  );
  lines.push(
    row(
      generatedLabel,
      `${peerName}, text (JSON.parse + validate)`,
      peerGeneratedRuns,
      rate(settings.states, median(peerGeneratedRuns), "states"),
      generatedVerdict(peerGenerated.kind === "accepted"),
    ),
  );
  lines.push("");
  const peerMedian = median(peerRuns);
  lines.push(
    `Ratio asl-validator time / asl2durable time (medians; higher = asl2durable faster): ` +
      `corpus, both from parsed objects **${ratio(peerMedian, median(objectRuns))}**; ` +
      `corpus, asl-validator from objects vs asl2durable from text **${ratio(peerMedian, median(textRuns))}**; ` +
      `generated machine, both from text **${ratio(median(peerGeneratedRuns), median(oursGeneratedRuns))}**.`,
  );

  // Agreement with the recorded asl-validator verdicts, and between the two tools.
  const recorded = recordedPeerRejects(settings.corpus);
  const peerRejects = new Set(corpus.filter((_, i) => peer[i]?.kind !== "accepted").map((e) => e.file));
  const sameAsRecorded = recorded.size === peerRejects.size && [...recorded].every((file) => peerRejects.has(file));
  const onlyOursRejects = corpus.filter((e, i) => oursText[i] === false && !peerRejects.has(e.file));
  const onlyPeerRejects = corpus.filter((e, i) => oursText[i] === true && peerRejects.has(e.file));
  const textObjectMismatch = corpus.filter((_, i) => oursText[i] !== oursObject[i]);
  lines.push("");
  lines.push(
    `asl-validator's rejects ${sameAsRecorded ? "match" : "DIFFER from"} corpus/asl-validator-4.0.0-rejects.tsv (${peerRejects.size} here, ${recorded.size} recorded). ` +
      `Only asl2durable rejects ${onlyOursRejects.length} files; only asl-validator rejects ${onlyPeerRejects.length}. ` +
      `asl2durable's text and object verdicts ${textObjectMismatch.length === 0 ? "agree on every file" : `differ on ${textObjectMismatch.length} files`}. ` +
      `Generated machine: asl2durable ${oursErrors.length} errors, ${oursWarnings.length} warnings.`,
  );

  say("");
  for (const line of lines) say(line);
  if (settings.verbose) {
    say("");
    for (const e of onlyOursRejects) say(`only asl2durable rejects: ${e.file}`);
    for (const e of onlyPeerRejects) say(`only asl-validator rejects: ${e.file}`);
    for (const e of textObjectMismatch) say(`text/object verdicts differ: ${e.file}`);
  }
  if (sink < 0) say("unreachable"); // use the sink so no run can be optimised away

  if (settings.write) {
    const command = ["npm run bench --", ...process.argv.slice(2)].join(" ");
    const block = [
      START_MARKER,
      `- Date (UTC): ${new Date().toUTCString()}`,
      `- Machine: ${machineDescription()}`,
      `- Command: \`${command}\``,
      "",
      ...lines,
      END_MARKER,
    ].join("\n");
    const before = readFileSync(RESULTS_FILE, "utf8");
    const start = before.indexOf(START_MARKER);
    const end = before.indexOf(END_MARKER);
    if (start < 0 || end < start) {
      process.stderr.write(`${RESULTS_FILE} has no ${START_MARKER} … ${END_MARKER} block to replace\n`);
      process.exit(2);
    }
    writeFileSync(RESULTS_FILE, before.slice(0, start) + block + before.slice(end + END_MARKER.length));
    say(`\nwrote ${relative(process.cwd(), RESULTS_FILE)}`);
  }
  if (failed) process.exitCode = 1;
}

main();
