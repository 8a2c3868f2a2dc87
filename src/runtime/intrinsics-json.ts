/**
 * The JSON intrinsics of ASL-5: States.StringToJson, JsonToString and JsonMerge.
 */
import {
  describeValue,
  intrinsicError,
  noNegativeZero,
  objectArg,
  stringArg,
  type IntrinsicImpl,
} from "./intrinsics-values.js";

/**
 * `States.StringToJson(text)`: the JSON value the text holds [obs: `test_string_to_json`: `"1"` → 1,
 * `"{\"Arg1\": 1, \"Arg2\": []}"` → the object]. A text that is empty or only whitespace gives `null` [obs: `" "` →
 * null; AWS's recording of LocalStack's `test_string_to_json` also has `""` → null]. `-0` parses as 0. Text that is
 * not JSON fails.
 */
export const stringToJson: IntrinsicImpl = (args, { name }) => {
  const text = stringArg(name, args, 0);
  if (text.trim() === "") return null;
  try {
    return JSON.parse(text, (_key, value: unknown) =>
      typeof value === "number" ? noNegativeZero(value) : value,
    ) as unknown;
  } catch (error) {
    const reason = error instanceof SyntaxError ? error.message : String(error);
    throw intrinsicError(name, `the string is not valid JSON (${reason})`);
  }
};

/**
 * `States.JsonToString(value)`: the compact JSON text of the value, no spaces, object keys in their order [obs:
 * `test_json_to_string`: 1 → "1", 1.1 → "1.1", true → "true", "HelloWorld" → "\"HelloWorld\"";
 * `BASE_REFERENCE_IN_INTRINSIC_FUNCTION`: `{"test": "object"}` → `{"test":"object"}`].
 */
export const jsonToString: IntrinsicImpl = (args) => JSON.stringify(args[0]) ?? "null";

/**
 * `States.JsonMerge(a, b, false)`: a shallow merge, `b`'s value winning for a key both have (a nested object of `a` is
 * replaced, not merged) [obs: `BASE_REFERENCE_IN_INTRINSIC_FUNCTION`: `{"a":1,"b":2}` + `{"c":3,"d":4}`]. Keys keep
 * `a`'s order, then `b`'s new keys follow. Step Functions only supports the shallow mode: the third argument must be
 * the boolean `false`.
 */
export const jsonMerge: IntrinsicImpl = (args, { name }) => {
  const first = objectArg(name, args, 0);
  const second = objectArg(name, args, 1);
  const deep = args[2];
  if (deep !== false) {
    const problem =
      deep === true ? "deep merging (true) is not supported" : `it must be false, but got ${describeValue(deep)}`;
    throw intrinsicError(name, `argument 3 selects the merge mode: ${problem}`);
  }
  const merged: Record<string, unknown> = {};
  for (const source of [first, second]) {
    for (const [key, value] of Object.entries(source)) {
      // defineProperty, not assignment: a "__proto__" key is an ordinary key in JSON.
      Object.defineProperty(merged, key, { value, enumerable: true, writable: true, configurable: true });
    }
  }
  return merged;
};
