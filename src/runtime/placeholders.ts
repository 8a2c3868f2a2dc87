/** Deploy-time placeholders in a definition's values (pure: the transpiler and the runtime share it). */

/**
 * The names of the deploy-time placeholders (`${Name}`: a DefinitionSubstitutions key, a CloudFormation `Ref` or
 * `GetAtt` the template loader left in place, `${AWS::Region}`) written in a value: its strings and its keys.
 * A name is what CloudFormation substitutes: letters, digits, `_`, `.` (an attribute) and `::` (a pseudo parameter).
 */
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

export const PLACEHOLDER = /\$\{([A-Za-z0-9_]+(?:::[A-Za-z0-9_]+|\.[A-Za-z0-9_.]+)?)\}/g;
