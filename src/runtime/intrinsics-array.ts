/**
 * The array intrinsics of ASL-5: States.Array, ArrayPartition, ArrayContains, ArrayRange, ArrayGetItem, ArrayLength
 * and ArrayUnique. Each receives its evaluated arguments; none modifies them.
 */
import { canonicalJson, jsonEquals } from "./json.js";
import { MAX_ARRAY_RANGE } from "../paths/intrinsic-functions.js";
import { arrayArg, describeValue, intrinsicError, roundedIntegerArg, type IntrinsicImpl } from "./intrinsics-values.js";

/** `States.Array(a…)`: the arguments, in order, as an array (zero arguments give `[]`) [obs: `test_array_0`, `test_array_2`]. */
export const statesArray: IntrinsicImpl = (args) => [...args];

/**
 * `States.ArrayPartition(array, size)`: consecutive chunks of `size` elements, the last one possibly shorter; `[]`
 * for an empty array [obs: `test_array_partition`]. A non-integer size is rounded to the nearest integer (AWS
 * documentation); a size below 1 fails.
 */
export const arrayPartition: IntrinsicImpl = (args, { name }) => {
  const array = arrayArg(name, args, 0);
  const size = roundedIntegerArg(name, args, 1);
  if (size < 1) throw intrinsicError(name, `the chunk size must be a positive integer, but got ${size}`);
  const chunks: unknown[][] = [];
  for (let start = 0; start < array.length; start += size) chunks.push(array.slice(start, start + size));
  return chunks;
};

/**
 * `States.ArrayContains(array, value)`: whether some element equals `value` structurally (objects and arrays compared
 * by content) [obs: `test_array_contains`: `[]` is not in `[]`, `true` is in `[true, false]`].
 */
export const arrayContains: IntrinsicImpl = (args, { name }) => {
  const array = arrayArg(name, args, 0);
  const value = args[1];
  return array.some((item) => jsonEquals(item, value));
};

/**
 * `States.ArrayRange(first, last, step)`: `first`, `first + step`, … while not past `last` (inclusive), so `(0, 10, 3)`
 * gives `[0, 3, 6, 9]` [obs: `test_array_range`]. Arguments are rounded to integers (AWS documentation); the step
 * must not be 0 and may be negative; a range that runs away from `last` is empty; more than 1000 elements fail.
 */
export const arrayRange: IntrinsicImpl = (args, { name }) => {
  const first = roundedIntegerArg(name, args, 0);
  const last = roundedIntegerArg(name, args, 1);
  const step = roundedIntegerArg(name, args, 2);
  if (step === 0) throw intrinsicError(name, "the step must not be 0");
  const count = Math.max(0, Math.floor((last - first) / step) + 1);
  if (count > MAX_ARRAY_RANGE) {
    throw intrinsicError(name, `the range would have ${count} elements; at most ${MAX_ARRAY_RANGE} are allowed`);
  }
  return Array.from({ length: count }, (_, i) => first + i * step);
};

/**
 * `States.ArrayGetItem(array, index)`: the element at a 0-based index [obs: `test_array_get_item`]. The index must be
 * a whole number within the array; AWS documents no rounding for this function, so `1.5` fails.
 */
export const arrayGetItem: IntrinsicImpl = (args, { name }) => {
  const array = arrayArg(name, args, 0);
  const index = args[1];
  if (typeof index !== "number" || !Number.isInteger(index)) {
    throw intrinsicError(name, `argument 2 must be an integer index, but got ${describeValue(index)}`);
  }
  if (index < 0 || index >= array.length) {
    throw intrinsicError(name, `the index ${index} is out of bounds for an array of ${array.length} elements`);
  }
  return array[index];
};

/** `States.ArrayLength(array)`: the number of elements [obs: `test_array_length`]. */
export const arrayLength: IntrinsicImpl = (args, { name }) => arrayArg(name, args, 0).length;

/**
 * `States.ArrayUnique(array)`: the elements without repeats, each kept at its first occurrence; duplicates are found by
 * structural equality, so `{"a": 1}` and `{"a": 1}` are one element. (The recording named `test_array_unique` calls
 * States.ArrayLength, so no recording shows this function's result.)
 */
export const arrayUnique: IntrinsicImpl = (args, { name }) => {
  const seen = new Set<string>();
  const unique: unknown[] = [];
  for (const item of arrayArg(name, args, 0)) {
    const key = canonicalJson(item);
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(item);
  }
  return unique;
};
