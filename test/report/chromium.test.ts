/**
 * The HTML report as a reader sees it: the order-processing sample (test/report/sample.ts) rendered into
 * test/.generated/report/, opened in Debian's headless Chromium through playwright-core. The graphs are drawn with one
 * node per state and per operation, side by side; the interpreter's path is highlighted; a click on a state (or on an
 * operation of that state) targets and scrolls to its code; the page loads nothing from anywhere; and a screenshot of
 * the state machine graph is not blank and shows the path's colour.
 *
 * Runs only where /usr/bin/chromium exists (.ci/run installs it before `npm test`).
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { PNG } from "pngjs";
import { stateAnchor } from "../../src/report/escape.js";
import { machineGraph } from "../../src/report/graph.js";
import { renderHtml, renderMarkdown } from "../../src/report/index.js";
import { orderProcessingSample } from "./sample.js";

const CHROMIUM = "/usr/bin/chromium";
const OUT = fileURLToPath(new URL("../.generated/report/", import.meta.url));
const VIEWPORT = { width: 1400, height: 1000 };

const skip = existsSync(CHROMIUM)
  ? false
  : `${CHROMIUM} is absent, so the page cannot be opened: install Debian's chromium (apt-get install -y chromium, as .ci/run does)`;

/** Pixels of a PNG that are not (nearly) white, and those close to the path's orange (#ea580c). */
function pixels(png: Buffer): { total: number; inked: number; orange: number } {
  const image = PNG.sync.read(png);
  let inked = 0;
  let orange = 0;
  for (let i = 0; i < image.data.length; i += 4) {
    const [r, g, b] = [image.data[i] ?? 255, image.data[i + 1] ?? 255, image.data[i + 2] ?? 255];
    if (r < 235 || g < 235 || b < 235) inked++;
    if (Math.abs(r - 0xea) < 30 && Math.abs(g - 0x58) < 40 && Math.abs(b - 0x0c) < 40) orange++;
  }
  return { total: image.width * image.height, inked, orange };
}

describe("the HTML report in headless Chromium", { skip }, () => {
  let browser: Browser;
  let page: Page;
  let stateNames: string[];
  const requests: string[] = [];
  const errors: string[] = [];

  before(async () => {
    const { result, machine, code } = await orderProcessingSample();
    stateNames = machineGraph(machine).states.map((s) => s.name);
    mkdirSync(OUT, { recursive: true });
    const file = `${OUT}order-processing.html`;
    writeFileSync(file, renderHtml(result, { machine, code }));
    writeFileSync(`${OUT}order-processing.md`, renderMarkdown(result, { machine, code }));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
    page = await browser.newPage({ viewport: VIEWPORT });
    page.on("request", (request) => void requests.push(request.url()));
    page.on("pageerror", (error) => void errors.push(error.message));
    page.on("console", (message) => void (message.type() === "error" && errors.push(message.text())));
    await page.goto(pathToFileURL(file).href);
  });

  after(async () => {
    await browser?.close();
  });

  test("the page is self-contained and its script runs without errors", () => {
    assert.deepEqual(
      requests.filter((url) => !url.startsWith("file:")),
      [],
    );
    assert.equal(requests.length, 1, "only the page itself");
    assert.deepEqual(errors, []);
  });

  test("one node per state, named, with the path highlighted; one per operation; side by side", async () => {
    const machine = page.locator("#run-0 svg.graph-machine");
    const states = machine.locator("g.node.state");
    assert.equal(await states.count(), stateNames.length);
    const drawn = await Promise.all((await states.all()).map((node) => node.getAttribute("data-state")));
    assert.deepEqual([...drawn].sort(), [...stateNames].sort());
    assert.equal(await machine.locator('g[data-state="Is Order Valid?"] text.node-name').textContent(), "Is Order Valid?");
    const unvisited = await Promise.all((await machine.locator("g.node.state.unvisited").all()).map((node) => node.getAttribute("data-state")));
    assert.deepEqual(unvisited.sort(), ["Reject Order", "Shipment Lost"]);
    assert.equal(await machine.locator("g.node.state.visited").count(), stateNames.length - 2);
    assert.equal(await machine.locator('g[data-state="Shipped?"] .badge').textContent(), "×2");

    const operations = page.locator("#run-0 svg.graph-operations g.node.operation");
    assert.equal(await operations.count(), 15 + 1, "15 operations and the execution");

    const left = await page.locator("#run-0 .machine-figure").boundingBox();
    const right = await page.locator("#run-0 .operations-figure").boundingBox();
    assert.ok(left && right);
    assert.ok(right.x >= left.x + left.width, "the operations are right of the machine");
    assert.ok(Math.abs(right.y - left.y) < 1, "both start at the same height");
  });

  test("a click on a state targets its code and scrolls it into view", async () => {
    const anchor = stateAnchor("Check Shipment");
    await page.locator('#run-0 svg.graph-machine g[data-state="Check Shipment"]').click();
    await page.waitForFunction(`location.hash === ${JSON.stringify(`#${anchor}`)}`);
    const target = page.locator(":target");
    assert.equal(await target.getAttribute("id"), anchor);
    assert.equal((await target.textContent())?.trim(), '// "Check Shipment" (Task)');
    const box = await target.boundingBox();
    const code = await page.locator("section.code pre").boundingBox();
    assert.ok(box && code);
    assert.ok(box.y >= 0 && box.y + box.height <= VIEWPORT.height, `the line is in the viewport (${box.y})`);
    assert.ok(box.y >= code.y && box.y + box.height <= code.y + code.height, "and in the visible part of the code");

    // An operation links to the code of its state too.
    await page.locator('#run-0 svg.graph-operations g[data-state="Validate Order"]').click();
    await page.waitForFunction(`location.hash === ${JSON.stringify(`#${stateAnchor("Validate Order")}`)}`);
    assert.equal((await page.locator(":target").textContent())?.trim(), '// "Validate Order" (Task)');
  });

  test("hovering an operation marks its state in the machine graph", async () => {
    await page.locator('#run-0 svg.graph-operations g[data-state="Check Shipment"]').first().hover();
    assert.deepEqual(await Promise.all((await page.locator("#run-0 svg.graph-machine g.linked").all()).map((node) => node.getAttribute("data-state"))), [
      "Check Shipment",
    ]);
  });

  test("a screenshot of the graphs is not blank and shows the path", async () => {
    await page.mouse.move(0, 0);
    const machinePng = await page.locator("#run-0 svg.graph-machine").screenshot({ path: `${OUT}machine.png` });
    const machine = pixels(machinePng);
    assert.ok(machine.inked / machine.total > 0.05, `the machine graph is drawn (${machine.inked} of ${machine.total} pixels)`);
    assert.ok(machine.orange > 2000, `the path is orange (${machine.orange} pixels)`);
    const operations = pixels(await page.locator("#run-0 svg.graph-operations").screenshot({ path: `${OUT}operations.png` }));
    assert.ok(operations.inked / operations.total > 0.05, `the operation tree is drawn (${operations.inked} of ${operations.total} pixels)`);
    await page.locator("#run-0 .graphs").screenshot({ path: `${OUT}graphs.png` });
  });
});
