/**
 * JSONPath payload templates (ASL-3.3): the values of `Parameters`, `ResultSelector`, `ItemSelector`, `Credentials`
 * and ItemReader/ResultWriter `Parameters` in JSONPath states.
 *
 * Not a template: a Pass state's `Result` is a literal JSON value whose `.$` keys are returned verbatim (ASL-3.1 step 4,
 * ASL-6.1) **[obs: every `choice-operator` conformance case returns `{"TestResult.$": "ConditionTrue"}`]**. Callers
 * must never pass `Result` to `evaluateTemplate`. JSONata states do not use these templates either (ASL-3.2).
 */
import { isJsonObject } from "./json.js";
import { StatesError } from "./errors.js";
import { callIntrinsic, type IntrinsicRandom } from "./intrinsics.js";
import { selectPath } from "./jsonpath.js";
import type { PathRoots } from "./types.js";

/** The suffix that marks a key whose value is a path or an intrinsic function call. */
const DYNAMIC_SUFFIX = ".$";

/**
 * Evaluate a JSONPath payload template (ASL-3.3): recursively copy objects and arrays; a key ending in ".$" becomes the
 * key without it, with the value of its path ($…, $$…, $var…) or intrinsic call (States.…); every other value is copied
 * literally. `field` names the ASL field for error causes ("Parameters", "ResultSelector", "ItemSelector", …).
 *
 * - Paths read `roots.input` (`$…`), `roots.context` (`$$…`, ASL-7) and `roots.variables` (`$name…`, ASL-8). A definite
 *   path that matches nothing throws `States.Runtime` **[obs]**; an indefinite one gives `[]` **[obs]** (both decided by
 *   `selectPath`, which is told the key, e.g. `'x.$'`, as the field: AWS names the key in its cause).
 * - A `.$` value that is not a string, or a string that is neither a path (`$…`) nor an intrinsic call (`States.…`),
 *   is a definition error the validator reports (ASL304/ASL306); at run time it throws `States.Runtime`.
 * - Output keys follow the template's key order (JavaScript itself lists integer-like keys such as `"1"` first, in
 *   ascending order, so a template parsed from JSON already has them first).
 * - `"a"` together with `"a.$"` is a definition error (ASL305); at run time the one written later wins, at the position of the
 *   first.
 * - Pass `Result` is not a template (see the module comment).
 *
 * The template is not modified. Values selected by paths are shared with `roots`, not copied: treat the output as
 * read-only, like every runtime value.
 */
export function evaluateTemplate(
  template: unknown,
  roots: PathRoots,
  field: string,
  random?: IntrinsicRandom,
): unknown {
  if (Array.isArray(template)) return template.map((item: unknown) => evaluateTemplate(item, roots, field, random));
  if (!isJsonObject(template)) return template;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(template)) {
    if (key.endsWith(DYNAMIC_SUFFIX)) {
      defineKey(out, key.slice(0, -DYNAMIC_SUFFIX.length), evaluateDynamic(key, value, roots, field, random));
    } else {
      defineKey(out, key, evaluateTemplate(value, roots, field, random));
    }
  }
  return out;
}

/** The value of one `key.$` entry: a path or an intrinsic function call. */
function evaluateDynamic(
  key: string,
  value: unknown,
  roots: PathRoots,
  field: string,
  random?: IntrinsicRandom,
): unknown {
  if (typeof value !== "string") {
    throw new StatesError(
      "States.Runtime",
      `The value of the key '${key}' in the field '${field}' must be a string holding a JSONPath or an intrinsic function call, but was ${describeType(value)}`,
    );
  }
  if (value.startsWith("States.")) return callIntrinsic(value, roots, random);
  if (value.startsWith("$")) return selectPath(value, roots, key);
  throw new StatesError(
    "States.Runtime",
    `The value '${value}' of the key '${key}' in the field '${field}' is neither a JSONPath nor an intrinsic function call`,
  );
}

/**
 * Sets an own, enumerable data property. Plain assignment would treat a `"__proto__"` key (which `JSON.parse` produces
 * as an ordinary own key) as a prototype change.
 */
function defineKey(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function describeType(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  return `the ${typeof value} ${JSON.stringify(value)}`;
}
