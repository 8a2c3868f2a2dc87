import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** ../shared beside the repository: the corpus and the AWS-recorded conformance cases. */
export const SHARED = fileURLToPath(new URL("../../../shared/", import.meta.url));

export interface ManifestRow {
  file: string;
  format: string;
  note: string;
  expectedError: string;
}

export function corpusManifest(): ManifestRow[] {
  const text = readFileSync(`${SHARED}corpus/MANIFEST.tsv`, "utf8");
  return text
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => {
      const cols = line.split("\t");
      return { file: cols[0] ?? "", format: cols[5] ?? "", note: cols[6] ?? "", expectedError: cols[7] ?? "" };
    });
}

export function corpusText(file: string): string {
  return readFileSync(`${SHARED}corpus/${file}`, "utf8");
}

export interface ConformanceCase {
  id: string;
  category: "pure" | "lambda" | "choice-operator" | "invalid-definition";
  definition: unknown;
  input: unknown;
  expected: { status: string; error?: string; cause?: unknown; output?: unknown; message?: string };
  placeholders: boolean;
  placeholder_note?: string;
}

export function conformanceCases(): ConformanceCase[] {
  return readFileSync(`${SHARED}conformance/localstack-aws-recorded.jsonl`, "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as ConformanceCase);
}
