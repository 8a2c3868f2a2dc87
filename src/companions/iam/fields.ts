import type { TaskState } from "../../ir/types.js";

/**
 * Reading a Task's parameters for IAM: a value written in the definition (a literal) can name the exact resource; a
 * value read at run time (a `key.$` path in JSONPath Parameters, a `{% %}` expression in JSONata Arguments) cannot.
 */
export type Field = { kind: "literal"; value: unknown } | { kind: "dynamic"; text: string } | { kind: "absent" };

const ABSENT: Field = { kind: "absent" };

function isExpression(value: unknown): value is string {
  return typeof value === "string" && value.startsWith("{%") && value.endsWith("%}");
}

/** The member `key` of a parameters object (JSONPath template or JSONata Arguments). */
export function member(container: unknown, key: string): Field {
  if (container === null || typeof container !== "object" || Array.isArray(container)) return isExpression(container) ? { kind: "dynamic", text: container } : ABSENT;
  const record = container as Record<string, unknown>;
  const dynamic = record[`${key}.$`];
  if (typeof dynamic === "string") return { kind: "dynamic", text: dynamic };
  if (!Object.hasOwn(record, key)) return ABSENT;
  const value = record[key];
  return isExpression(value) ? { kind: "dynamic", text: value } : { kind: "literal", value };
}

/** The parameters of a Task: JSONPath Parameters or JSONata Arguments. */
export function parametersOf(state: TaskState): unknown {
  return state.queryLanguage === "JSONata" ? state.arguments : state.parameters;
}

/** A parameter of a Task by path of member names (`["Entries"]`, `["ResultConfiguration", "OutputLocation"]`). */
export function parameter(state: TaskState, ...keys: string[]): Field {
  let current: Field = { kind: "literal", value: parametersOf(state) };
  for (const key of keys) {
    if (current.kind !== "literal") return current.kind === "dynamic" ? current : ABSENT;
    current = member(current.value, key);
  }
  return current;
}

/** A literal string parameter, or undefined (dynamic, absent or not a string). */
export function literalString(field: Field): string | undefined {
  return field.kind === "literal" && typeof field.value === "string" ? field.value : undefined;
}
