/**
 * Deploy-time placeholders in a definition's values (`${Name}`: a DefinitionSubstitutions key, a CloudFormation `Ref`
 * or `GetAtt` the template loader left in place, `${AWS::Region}`). Pure: the transpiler, its companions and the
 * runtime share these rules.
 */

/** A name is what CloudFormation substitutes: letters, digits, `_`, `.` (an attribute) and `::` (a pseudo parameter). */
export const PLACEHOLDER = /\$\{([A-Za-z0-9_]+(?:::[A-Za-z0-9_]+|\.[A-Za-z0-9_.]+)?)\}/g;

/** The names of the placeholders written in a value: its strings and its keys, sorted. */
export function placeholderNames(value: unknown): string[] {
  const names = new Set<string>();
  const visit = (v: unknown): void => {
    if (typeof v === "string") for (const m of v.matchAll(PLACEHOLDER)) names.add(m[1] as string);
    else if (Array.isArray(v)) v.forEach(visit);
    else if (v !== null && typeof v === "object") {
      for (const [k, x] of Object.entries(v)) {
        visit(k);
        visit(x);
      }
    }
  };
  visit(value);
  return [...names].sort();
}

/** `text` with each placeholder replaced by `valueOf(name)`; a placeholder it gives no value for stays as written. */
export function fillPlaceholders(text: string, valueOf: (name: string) => string | undefined): string {
  return text.replace(PLACEHOLDER, (match, name: string) => valueOf(name) ?? match);
}

/** The environment variable the handler reads a placeholder from: the name with `.` and `:` (anything else) as `_`. */
export function environmentVariable(name: string): string {
  return name.replace(/[^A-Za-z0-9_]/g, "_");
}
