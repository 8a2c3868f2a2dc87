/**
 * DefinitionSubstitutions, with the semantics of src/load/substitute.ts (CloudFormation's
 * `StringUtils.replaceEachRepeatedly` over the definition: every `${Key}`, in names and values, replaced again while
 * something changes; a substitution that keeps reproducing itself is reported), on text that keeps its source map.
 *
 * Literal values (strings, numbers, booleans) are substituted as they are. An intrinsic value (`!Ref Table`,
 * `!GetAtt ChargeFn.Arn`, `!Sub …`) is only known at deploy time: it is inserted as its own placeholder (`${Table}`,
 * `${ChargeFn.Arn}`) in one last pass, so that it is never substituted again (`TableName: !Ref TableName` is common).
 * A value that cannot be evaluated leaves `${Key}` in place.
 */
import { childPointer } from "../pointer.js";
import type { SearchedDocument } from "./document.js";
import { evaluateText, intrinsicName, isPlainObject } from "./intrinsics.js";
import { concat, slice, spanning, spanOf, unmapped, type MappedText } from "./mapped-text.js";
import type { MachineProblem } from "./types.js";

export interface SubstitutionTable {
  /** Name → literal value. */
  literal: Map<string, string>;
  /** Name → placeholder text of an intrinsic value (inserted last, never substituted again). */
  deployTime: Map<string, string>;
  /** The file and pointer of the DefinitionSubstitutions member, for problems. */
  owner: SearchedDocument | undefined;
  pointer: string;
}

export function emptyTable(): SubstitutionTable {
  return { literal: new Map(), deployTime: new Map(), owner: undefined, pointer: "" };
}

/** Read `DefinitionSubstitutions` (absent: an empty table). Values that cannot be used are reported as warnings. */
export function readSubstitutions(
  doc: SearchedDocument,
  value: unknown,
  pointer: string,
  problems: MachineProblem[],
): SubstitutionTable {
  const table: SubstitutionTable = { literal: new Map(), deployTime: new Map(), owner: doc, pointer };
  if (value === undefined) return table;
  if (!isPlainObject(value) || intrinsicName(value) !== undefined) {
    problems.push(doc.problem("warning", "DefinitionSubstitutions is not a map of names to values; it is ignored", pointer));
    return table;
  }
  for (const [name, substitution] of Object.entries(value)) {
    const at = childPointer(pointer, name);
    if (typeof substitution === "string" || typeof substitution === "number" || typeof substitution === "boolean") {
      table.literal.set(name, String(substitution));
      continue;
    }
    const evaluated = intrinsicName(substitution) === undefined ? undefined : evaluateText(doc, substitution, at);
    if (evaluated !== undefined && "text" in evaluated) {
      table.deployTime.set(name, evaluated.text.text);
    } else {
      const what = evaluated === undefined ? "is not a string, number, boolean or intrinsic function" : `uses ${evaluated.unevaluable}, which cannot be evaluated here`;
      problems.push(doc.problem("warning", `DefinitionSubstitutions ${JSON.stringify(name)} ${what}; \${${name}} is left in the definition`, at));
    }
  }
  return table;
}

const PLACEHOLDER = /\$\{([^{}]*)\}/g;

export interface Substituted {
  text: MappedText;
  /** Names of literal substitutions that expand into themselves without end. */
  cyclic: string[];
}

/** Apply the table to mapped text; an inserted value maps to the `${Key}` it replaced. */
export function substituteText(text: MappedText, table: SubstitutionTable): Substituted {
  const cyclic = new Set<string>();
  let current = text;
  if (table.literal.size > 0) {
    const maxRounds = table.literal.size + 1;
    for (let round = 0; ; round++) {
      const next = replaceOnce(current, table.literal);
      if (next.used.length === 0) break;
      if (round === maxRounds) {
        for (const name of next.used) cyclic.add(name);
        break;
      }
      current = next.text;
    }
  }
  if (table.deployTime.size > 0) current = replaceOnce(current, table.deployTime).text;
  return { text: current, cyclic: [...cyclic] };
}

/** Apply the table to a plain string (a name or value of a definition given as an object). */
export function substituteString(text: string, table: SubstitutionTable): { text: string; cyclic: string[] } {
  if (!text.includes("${") || (table.literal.size === 0 && table.deployTime.size === 0)) return { text, cyclic: [] };
  const result = substituteText(unmapped(text), table);
  return { text: result.text.text, cyclic: result.cyclic };
}

function replaceOnce(text: MappedText, values: Map<string, string>): { text: MappedText; used: string[] } {
  const used: string[] = [];
  const parts: MappedText[] = [];
  let last = 0;
  for (const match of text.text.matchAll(PLACEHOLDER)) {
    const value = values.get(match[1] ?? "");
    if (value === undefined) continue;
    const end = match.index + match[0].length;
    parts.push(slice(text, last, match.index), spanning(value, spanOf(text, match.index, end)));
    used.push(match[1] ?? "");
    last = end;
  }
  if (used.length === 0) return { text, used };
  parts.push(slice(text, last));
  return { text: concat(parts), used };
}

/** Problems for substitutions that never stop expanding (CloudFormation fails the deployment for these). */
export function cyclicProblems(table: SubstitutionTable, names: Iterable<string>): MachineProblem[] {
  const owner = table.owner;
  if (owner === undefined) return [];
  return [...new Set(names)].map((name) =>
    owner.problem(
      "error",
      `DefinitionSubstitutions ${JSON.stringify(name)} expands into itself without end (its value contains \${${name}} again, directly or through other substitutions)`,
      childPointer(table.pointer, name),
    ),
  );
}
