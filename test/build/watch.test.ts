import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, test } from "node:test";
import { loadConfigFile, watchBuild, type WatchEvent } from "../../src/build/index.js";
import { transpile } from "../../src/transpile.js";
import { buildIn, copyFixture, editJson, FIXTURE, ORDER_INPUT, ORDER_OUT, read, REPORT_OUT } from "./project.js";

const TIMEOUT_MS = 10_000;

/** Events of a running watch, awaited one condition at a time. */
class Events {
  private readonly seen: WatchEvent[] = [];
  private waiter: (() => void) | undefined;

  push = (event: WatchEvent): void => {
    this.seen.push(event);
    this.waiter?.();
  };

  /** The first event not yet consumed that satisfies `predicate` (earlier ones are consumed too). */
  async next(predicate: (event: WatchEvent) => boolean, what: string): Promise<WatchEvent> {
    const deadline = Date.now() + TIMEOUT_MS;
    for (;;) {
      while (this.seen.length > 0) {
        const event = this.seen.shift() as WatchEvent;
        if (predicate(event)) return event;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        this.waiter = resolve;
        setTimeout(resolve, 100);
      });
    }
  }
}

const statusOf = (event: WatchEvent, out: string): string | undefined => event.result?.outputs.find((o) => o.out === out)?.status;

describe("build --watch", () => {
  test("regenerates a changed input, keeps watching through a definition error, rereads the configuration, stops on abort", async () => {
    const dir = copyFixture();
    const controller = new AbortController();
    const events = new Events();
    const watching = watchBuild({ load: () => loadConfigFile(join(dir, "package.json")), signal: controller.signal, debounceMs: 30, onBuild: events.push });

    const initial = await events.next(() => true, "the first build");
    assert.deepEqual(initial.changed, []);
    assert.deepEqual(initial.result?.outputs.map((o) => [o.out, o.status]), [[ORDER_OUT, "unchanged"], [REPORT_OUT, "unchanged"]]);

    // A change to one input regenerates its handler (and only it).
    editJson(dir, ORDER_INPUT, (d) => void (d["Comment"] = "Order fulfilment, revised."));
    const changed = await events.next((e) => statusOf(e, ORDER_OUT) === "written", "the order handler to be regenerated");
    assert.deepEqual(changed.changed, [join(dir, ORDER_INPUT)]);
    assert.equal(statusOf(changed, REPORT_OUT), "unchanged");
    const expected = await transpile(read(dir, ORDER_INPUT), { file: ORDER_INPUT, regenerateWith: "asl2durable build" });
    assert.equal(read(dir, ORDER_OUT), expected.code);
    assert.match(read(dir, ORDER_OUT), /Order fulfilment, revised\./);

    // An invalid definition is reported and the watch goes on; the last good output stays.
    const good = read(dir, ORDER_OUT);
    writeFileSync(join(dir, ORDER_INPUT), "{ \"StartAt\": \"Nowhere\", \"States\": {} }");
    const broken = await events.next((e) => statusOf(e, ORDER_OUT) === "error", "the definition error");
    assert.ok(broken.result?.outputs[0]?.diagnostics.some((d) => d.severity === "error"));
    assert.equal(read(dir, ORDER_OUT), good);
    writeFileSync(join(dir, ORDER_INPUT), read(FIXTURE, ORDER_INPUT));
    await events.next((e) => statusOf(e, ORDER_OUT) === "written", "the fixed definition to be regenerated");
    assert.equal(read(dir, ORDER_OUT), read(FIXTURE, ORDER_OUT));

    // A new file that matches an input glob ("statemachines/*.asl.json") is built.
    writeFileSync(join(dir, "statemachines/refunds.asl.json"), JSON.stringify({ StartAt: "Refund", States: { Refund: { Type: "Pass", End: true } } }));
    const added = await events.next((e) => statusOf(e, "src/generated/refunds.ts") === "written", "the new input to be built");
    assert.ok(added.changed.includes(join(dir, "statemachines/refunds.asl.json")));
    assert.match(read(dir, "src/generated/refunds.ts"), /stateMachineName: "refunds"/);

    // An edit to the configuration takes effect: a new output folder.
    editJson(dir, "package.json", (pkg) => void ((pkg["asl2durable"] as { outDir: string }).outDir = "src/handlers"));
    const moved = await events.next((e) => statusOf(e, "src/handlers/order-fulfilment.ts") === "written", "the configuration change");
    assert.equal(statusOf(moved, "src/handlers/nightly-report.ts"), "written");
    assert.equal(read(dir, "src/handlers/order-fulfilment.ts"), read(FIXTURE, ORDER_OUT));

    // An invalid configuration is reported too, without ending the watch.
    editJson(dir, "package.json", (pkg) => void ((pkg["asl2durable"] as { outDir: unknown }).outDir = 5));
    const invalid = await events.next((e) => !e.config.ok, "the configuration error");
    assert.deepEqual(invalid.config.ok ? [] : invalid.config.errors, [{ keyPath: "asl2durable.outDir", message: "must be a string" }]);

    controller.abort();
    await watching;
  });

  test("asl2durable build --watch prints what it regenerated and exits 0 when stopped", async () => {
    const dir = copyFixture();
    const controller = new AbortController();
    const lines: string[] = [];
    const io = { out: (t: string) => void lines.push(t), err: (t: string) => void lines.push(t), isTTY: false };
    const { runBuild } = await import("../../src/cli/build-command.js");
    const running = runBuild({ check: false, watch: true, force: false, format: "text", warnings: true, color: false }, io, { cwd: dir, signal: controller.signal, debounceMs: 30 });
    const waitFor = async (pattern: RegExp): Promise<void> => {
      const deadline = Date.now() + TIMEOUT_MS;
      while (!lines.some((l) => pattern.test(l))) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; got:\n${lines.join("\n")}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    await waitFor(/^nothing regenerated; watching$/);
    assert.equal(lines[0], "watching package.json and its inputs (Ctrl-C to stop)");
    editJson(dir, ORDER_INPUT, (d) => void (d["Comment"] = "Changed while watching."));
    await waitFor(/^statemachines\/order-fulfilment\.asl\.json → src\/generated\/order-fulfilment\.ts$/);
    await waitFor(/^regenerated 1 file; watching$/);
    assert.ok(lines.includes("changed: statemachines/order-fulfilment.asl.json"));
    controller.abort();
    assert.equal(await running, 0);
  });

  test("a SAM project: a change to a DefinitionUri file regenerates that machine's handler and companions", async () => {
    const dir = mkdtempSync(join(tmpdir(), "asl2durable-watch-sam-"));
    cpSync(fileURLToPath(new URL("../../fixtures/build-sam-project", import.meta.url)), dir, { recursive: true });
    const controller = new AbortController();
    const events = new Events();
    const watching = watchBuild({ load: () => loadConfigFile(join(dir, "asl2durable.config.json")), signal: controller.signal, debounceMs: 30, onBuild: events.push });
    const initial = await events.next(() => true, "the first build");
    assert.ok(initial.result?.outputs.every((o) => o.status === "unchanged"), JSON.stringify(initial.result?.outputs));
    const definition = join(dir, "statemachine/intake.asl.json");
    writeFileSync(definition, readFileSync(definition, "utf8").replaceAll("Catalogue image", "Catalogue upload"));
    const handler = "src/workflows/template.IntakeStateMachine.ts";
    const changed = await events.next((e) => statusOf(e, handler) === "written", "the intake handler to be regenerated");
    assert.deepEqual(changed.changed, [definition]);
    assert.equal(statusOf(changed, "src/workflows/template.IntakeStateMachine.test.ts"), "written");
    assert.equal(statusOf(changed, "src/workflows/template.PurgeStateMachine.ts"), "unchanged");
    assert.match(read(dir, handler), /Catalogue upload/);
    controller.abort();
    await watching;
  });

  test("--watch and --check cannot be combined; --watch without a configuration is exit 2", async () => {
    const dir = copyFixture();
    const both = await buildIn(dir, { watch: true, check: true });
    assert.equal(both.status, 2);
    assert.match(both.stderr, /--check and --watch cannot be combined/);
    const none = await buildIn(join(dir, "src"), { watch: true, config: "nope.json" });
    assert.equal(none.status, 2);
    assert.match(none.stderr, /^error: nope\.json: no such file/);
  });
});
