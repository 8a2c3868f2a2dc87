import type { Json } from "../../src/runtime/index.js";

/**
 * An input for a definition, derived from the paths it reads: every `$.a.b` reference path in a field value or a
 * `.$` template member is filled in — with a two-item array where a Map reads its items (ItemsPath), a number where a
 * Choice compares numbers, a boolean for BooleanEquals, the compared string for string operators, else a string.
 */
export function derivedInput(definition: unknown): Json {
  const input: Record<string, Json> = {};
  const set = (path: string, value: Json): void => {
    const m = /^\$((?:\.[A-Za-z_][\w-]*)+)$/.exec(path);
    if (!m) return;
    const keys = (m[1] as string).slice(1).split(".");
    let node: Record<string, Json> = input;
    for (const [i, key] of keys.entries()) {
      if (i === keys.length - 1) {
        if (!(key in node)) node[key] = value;
      } else {
        const next = node[key];
        if (next === null || typeof next !== "object" || Array.isArray(next)) node[key] = {};
        node = node[key] as Record<string, Json>;
      }
    }
  };
  const visit = (value: unknown, key?: string, owner?: Record<string, unknown>): void => {
    if (Array.isArray(value)) return value.forEach((v) => visit(v));
    if (value !== null && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) visit(v, k, value as Record<string, unknown>);
      return;
    }
    if (typeof value !== "string" || key === undefined) return;
    if (key === "ItemsPath") return set(value, [{ id: "a" }, { id: "b" }]);
    if (key === "Variable" && owner) {
      const op = Object.keys(owner).find((k) => k !== "Variable" && k !== "Next");
      if (op?.startsWith("Numeric")) return set(value, typeof owner[op] === "number" ? (owner[op] as number) : 1);
      if (op?.startsWith("Boolean")) return set(value, typeof owner[op] === "boolean" ? (owner[op] as boolean) : true);
      if (op?.startsWith("String") && typeof owner[op] === "string") return set(value, (owner[op] as string).replace(/\*/g, "x"));
      if (op?.startsWith("Timestamp")) return set(value, "2026-01-01T00:00:00Z");
      return set(value, "value");
    }
    if (key.endsWith(".$") || key.endsWith("Path") || key === "Variable") set(value, "value");
  };
  visit(definition);
  return input;
}
