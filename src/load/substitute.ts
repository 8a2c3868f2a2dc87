/**
 * CloudFormation `DefinitionSubstitutions` for AWS::StepFunctions::StateMachine.
 *
 * What CloudFormation does (aws-cloudformation-resource-providers-stepfunctions, DefinitionProcessor.transformDefinition):
 * it serialises the definition to JSON text and runs Apache Commons `StringUtils.replaceEachRepeatedly` over that
 * text, replacing every `${Key}` by the value of `Key`. Consequently:
 * - placeholders are replaced wherever they occur in a string, in member names as well as in values;
 * - replacement is repeated while it changes something (a value may contain another placeholder), up to one round
 *   more than there are substitutions; a substitution that keeps reproducing itself makes CloudFormation fail
 *   ("output of one loop is the input of another"): its names are returned in `cyclic`;
 * - there is no escape syntax: `${!Literal}` is only `Fn::Sub`'s escape, and stays as written here (it is not
 *   reported as unresolved, since a `!` name cannot be a substitution key in practice);
 * - values may be strings, integers or booleans; they are inserted as their string form.
 * Difference: CloudFormation inserts values into JSON *text*, so a value containing `"` or `\` would change the
 * JSON syntax there; here every value is inserted literally into the string.
 */
import { setMember } from "./source-map.js";

export type SubstitutionValue = string | number | boolean;

export interface SubstitutionResult {
  /** A new value with the placeholders replaced (the input is not modified). */
  value: unknown;
  /** Names of `${Name}` placeholders left in the result that have no substitution, in order of first appearance. */
  unresolved: string[];
  /** Names of substitutions that expand into themselves (CloudFormation rejects these); usually empty. */
  cyclic: string[];
}

const PLACEHOLDER = /\$\{([^{}]*)\}/g;

export function applySubstitutions(
  value: unknown,
  substitutions: Readonly<Record<string, SubstitutionValue>>,
): SubstitutionResult {
  const table = new Map<string, string>(Object.entries(substitutions).map(([k, v]) => [k, String(v)]));
  const state: State = { table, maxRounds: table.size + 1, unresolved: new Set(), cyclic: new Set() };
  const result = substituteValue(value, state);
  return { value: result, unresolved: [...state.unresolved], cyclic: [...state.cyclic] };
}

interface State {
  table: Map<string, string>;
  maxRounds: number;
  unresolved: Set<string>;
  cyclic: Set<string>;
}

function substituteValue(value: unknown, state: State): unknown {
  if (typeof value === "string") return substituteString(value, state);
  if (Array.isArray(value)) return value.map((item: unknown) => substituteValue(item, state));
  if (value !== null && typeof value === "object") {
    const copy: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(value)) {
      // A later member whose name becomes equal to an earlier one replaces its value, as in CloudFormation's parser.
      setMember(copy, substituteString(key, state), substituteValue(member, state));
    }
    return copy;
  }
  return value;
}

function substituteString(text: string, state: State): string {
  if (state.table.size > 0 && text.includes("${")) {
    let current = text;
    for (let round = 0; ; round++) {
      const used: string[] = [];
      const next = current.replace(PLACEHOLDER, (match: string, name: string) => {
        const replacement = state.table.get(name);
        if (replacement === undefined) return match;
        used.push(name);
        return replacement;
      });
      if (used.length === 0) break;
      if (round === state.maxRounds) {
        for (const name of used) state.cyclic.add(name);
        break;
      }
      current = next;
    }
    text = current;
  }
  for (const match of text.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? "";
    if (!state.table.has(name) && !name.startsWith("!")) state.unresolved.add(name);
  }
  return text;
}
