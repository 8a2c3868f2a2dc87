import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { readSource, STDIN_NAME } from "../../src/load/file.js";
import { loadText } from "../../src/load/index.js";

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

/** A stdin stand-in that fails the test if anything reads it. */
const untouchableStdin: AsyncIterable<unknown> = {
  [Symbol.asyncIterator]() {
    throw new Error("stdin must not be read for a file path");
  },
};

describe("readSource: files", () => {
  test("reads a file, strips the UTF-8 byte-order mark and keeps the path as the name", async () => {
    const path = fixture("bom.asl.json");
    const result = await readSource(path, { stdin: untouchableStdin });
    assert.ok("text" in result);
    assert.equal(result.file, path);
    assert.ok(result.text.startsWith('{"StartAt"'));
    const loaded = loadText(result.text, { file: result.file });
    assert.equal(loaded.format, "json");
    assert.deepEqual(loaded.diagnostics, []);
  });

  test("a YAML file loads as YAML through its extension", async () => {
    const result = await readSource(fixture("machine.asl.yaml"));
    assert.ok("text" in result);
    const loaded = loadText(result.text, { file: result.file });
    assert.equal(loaded.format, "yaml");
    assert.deepEqual(loaded.value, { StartAt: "A", States: { A: { Type: "Succeed" } } });
  });

  test("an unknown extension is sniffed", async () => {
    const result = await readSource(fixture("machine.definition"));
    assert.ok("text" in result);
    assert.equal(loadText(result.text, { file: result.file }).format, "json");
  });

  test("a missing file is an ASL005 error with no stack trace", async () => {
    const result = await readSource("x.json", { stdin: untouchableStdin });
    assert.ok("error" in result);
    assert.deepEqual(result.error, {
      code: "ASL005",
      severity: "error",
      message: 'Cannot read "x.json": no such file',
      location: { pointer: "", file: "x.json" },
    });
  });

  test("a directory is not a definition", async () => {
    const dir = fileURLToPath(new URL("./fixtures/", import.meta.url));
    const result = await readSource(dir);
    assert.ok("error" in result);
    assert.equal(result.error.message, `Cannot read ${JSON.stringify(dir)}: it is a directory`);
  });

  test("only the exact path '-' means stdin", async () => {
    const result = await readSource("./-", { stdin: untouchableStdin });
    assert.ok("error" in result);
    assert.equal(result.error.message, 'Cannot read "./-": no such file');
  });
});

describe("readSource: stdin", () => {
  test("'-' reads the whole stream as UTF-8, even when a character is split across chunks", async () => {
    const bytes = Buffer.from('\uFEFF{"StartAt": "é🎉"}', "utf8");
    const chunks = [bytes.subarray(0, 5), bytes.subarray(5, 19), bytes.subarray(19)];
    const result = await readSource("-", { stdin: Readable.from(chunks) });
    assert.deepEqual(result, { text: '{"StartAt": "é🎉"}', file: STDIN_NAME });
    assert.equal(STDIN_NAME, "<stdin>");
  });

  test("string chunks are accepted", async () => {
    const result = await readSource("-", { stdin: Readable.from(["a: ", "1\n"]) });
    assert.deepEqual(result, { text: "a: 1\n", file: "<stdin>" });
  });

  test("a failing stdin is an ASL005 error", async () => {
    const failing = new Readable({
      read() {
        this.destroy(new Error("stream broke"));
      },
    });
    const result = await readSource("-", { stdin: failing });
    assert.ok("error" in result);
    assert.equal(result.error.code, "ASL005");
    assert.equal(result.error.message, 'Cannot read "<stdin>": stream broke');
    assert.deepEqual(result.error.location, { pointer: "", file: "<stdin>" });
  });
});
