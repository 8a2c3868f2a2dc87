/**
 * The math and identifier intrinsics of ASL-5: States.MathAdd, MathRandom and UUID.
 */
import { JavaRandom } from "./intrinsics-java-random.js";
import {
  checkInt32,
  intrinsicError,
  noNegativeZero,
  roundedIntegerArg,
  type IntrinsicImpl,
} from "./intrinsics-values.js";

/**
 * `States.MathAdd(a, b)`: each argument rounded to the nearest integer, halves towards +∞ (JavaScript's and Java's
 * `Math.round`), then added [obs: `test_math_add`, 8 recorded pairs, e.g. (1.49, 1.5) → 3, (-1.5, 0) → -1,
 * (-0.5, 0.5) → 1; `BASE_REFERENCE_IN_ITERATOR_OUTER_SCOPE`: nested calls adding the variable 4.3 as 4]. The rounded
 * arguments must lie in the Java `int` range (AWS documentation), and so must the sum (an `int` overflow is refused
 * rather than wrapped; no recording shows which AWS does).
 */
export const mathAdd: IntrinsicImpl = (args, { name }) => {
  const a = roundedIntegerArg(name, args, 0);
  const b = roundedIntegerArg(name, args, 1);
  checkInt32(name, "argument 1", a);
  checkInt32(name, "argument 2", b);
  const sum = a + b;
  checkInt32(name, "the sum", sum);
  return noNegativeZero(sum);
};

/**
 * `States.MathRandom(start, end[, seed])`: a random integer from `start` (inclusive) to `end` (exclusive), as the AWS
 * documentation defines it. Non-integer bounds are rounded (AWS documentation); bounds must be Java `int`s with
 * start < end. Without a seed the number comes from `random.random()`; with one it is
 * `new java.util.Random(seed).nextInt(end - start) + start`, so a seed always gives the same number, as AWS documents.
 * Whether AWS computes it this way is not known: the only AWS recording of a seeded call (LocalStack's
 * `test_math_random_seeded`, seed 3, range 0–999) stores the result masked as "RandomNumberGenerated".
 */
export const mathRandom: IntrinsicImpl = (args, { name, random }) => {
  const start = roundedIntegerArg(name, args, 0);
  const end = roundedIntegerArg(name, args, 1);
  checkInt32(name, "the start", start);
  checkInt32(name, "the end", end);
  if (start >= end) throw intrinsicError(name, `the start (${start}) must be less than the end (${end})`);
  if (args.length < 3) return start + Math.floor(random.random() * (end - start));
  const seed = roundedIntegerArg(name, args, 2);
  return new JavaRandom(BigInt(seed)).nextIntBetween(start, end);
};

/** `States.UUID()`: a version 4 UUID from `random.uuid()` (ASL-5). */
export const statesUuid: IntrinsicImpl = (_args, { random }) => random.uuid();
