import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, test } from "node:test";
import ts from "typescript";
import { transpile, validate } from "../../src/index.js";
import { conformanceCases, corpusManifest, corpusText } from "../support/shared.js";

/**
 * Every definition of the valid corpus, every AWS-accepted conformance definition (both query languages) and every bundled
 * fixture either transpiles, or reports only "not supported yet" (ASL801) diagnostics — never another error, never a
 * throw. Everything generated is type-checked in ONE strict TypeScript program against the real SDK types.
 */
const OUT = fileURLToPath(new URL("../.generated/typecheck/", import.meta.url));

interface Source {
  name: string;
  definition: unknown;
  file?: string;
}

function sources(): Source[] {
  const out: Source[] = [];
  for (const row of corpusManifest().filter((r) => r.file.startsWith("valid/"))) {
    const text = corpusText(row.file);
    const v = validate(text, { file: row.file });
    if (!v.ok) continue; // the reviewed exceptions of test/validate/corpus.test.ts
    out.push({ name: row.file, definition: v.definition, file: row.file });
  }
  for (const c of conformanceCases()) {
    if (c.category === "invalid-definition" || c.placeholder_note !== undefined) continue;
    out.push({ name: c.id, definition: c.definition });
  }
  for (const f of readdirSync("fixtures").filter((f) => f.endsWith(".asl.json"))) {
    out.push({ name: `fixtures/${f}`, definition: JSON.parse(readFileSync(`fixtures/${f}`, "utf8")) as unknown, file: `fixtures/${f}` });
  }
  return out;
}

const isJsonata = (d: unknown): boolean => JSON.stringify(d).includes('"QueryLanguage":"JSONata"');


describe("transpiling the corpus and the conformance definitions", () => {
  test("everything either transpiles or reports only ASL801, and all generated code type-checks under --strict", async (t) => {
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    const files: string[] = [];
    const unsupported = new Map<string, number>();
    const corpus = { JSONPath: { all: 0, transpiled: 0 }, JSONata: { all: 0, transpiled: 0 } };
    for (const source of sources()) {
      const result = await transpile(source.definition, { ...(source.file ? { file: source.file } : {}), stateMachineName: "Machine" });
      const errors = result.diagnostics.filter((d) => d.severity === "error");
      assert.ok(errors.every((d) => d.code === "ASL801"), `${source.name}: ${errors.map((d) => `${d.code} ${d.message}`).join("; ")}`);
      if (source.name.startsWith("valid/")) {
        const counts = corpus[isJsonata(source.definition) ? "JSONata" : "JSONPath"];
        counts.all++;
        if (result.code !== "") counts.transpiled++;
      }
      if (result.code === "") {
        for (const d of errors) {
          const feature = d.message.replace(/^State "[^"]*" \(\w+\): /, "").replace(/ (is not supported|cannot be translated).*$/, "").replace(/Resource "[^"]*"/, "Resource").replace(/aws-sdk:[\w-]+:\w+/, "aws-sdk:*").replace(/The [\w-]+:\w+( \.\w+)? integration/, "an optimised service integration$1");
          unsupported.set(feature, (unsupported.get(feature) ?? 0) + 1);
        }
        continue;
      }
      const file = `${OUT}m-${createHash("sha1").update(source.name).digest("hex").slice(0, 12)}.ts`;
      writeFileSync(file, result.code);
      files.push(file);
    }
    for (const [language, counts] of Object.entries(corpus)) t.diagnostic(`valid corpus, ${language} definitions: ${counts.transpiled} of ${counts.all} transpile`);
    for (const [feature, n] of [...unsupported].sort((a, b) => b[1] - a[1])) t.diagnostic(`not supported yet: ${feature} (${n})`);
    assert.ok(files.length > 400, `only ${files.length} modules generated`);

    const program = ts.createProgram(files, {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      customConditions: ["asl2durable-source"],
      types: ["node"],
      noUncheckedIndexedAccess: true,
      exactOptionalPropertyTypes: true,
      noImplicitOverride: true,
      skipLibCheck: true,
    });
    const diagnostics = ts.getPreEmitDiagnostics(program).filter((d) => d.file?.fileName.startsWith(OUT));
    const text = diagnostics.slice(0, 10).map((d) => `${d.file?.fileName ?? ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
    assert.deepEqual(text, [], `${diagnostics.length} type errors in generated code`);
  });
});
