import { createHash, randomUUID } from "node:crypto";
import { JavaRandom } from "../intrinsics-java-random.js";

/**
 * The functions Step Functions adds to JSONata (ASL-3.2): `$partition`, `$range`, `$hash`, `$random([seed])`, `$uuid`
 * and `$parse`. `$eval` is removed. Each is registered on a compiled expression with a JSONata signature, so argument
 * type errors are JSONata's own (T0410, T0412).
 *
 * `$random()` without a seed and `$uuid()` are not deterministic: an expression calling them (or `$now`, `$millis`) is
 * evaluated inside a durable step by the state helpers (see `isNondeterministic` in engine.ts).
 */
export interface AwsFunction {
  name: string;
  implementation: (...args: never[]) => unknown;
  signature: string;
}

/** A JSONata sequence: an array whose single member is unwrapped when it is a result, as `$range(1, 9, 9)` gives 1 [obs]. */
function sequence(values: unknown[]): unknown[] {
  Object.defineProperty(values, "sequence", { value: true, enumerable: false });
  return values;
}

const HASH_ALGORITHMS: Readonly<Record<string, string>> = {
  MD5: "md5",
  "SHA-1": "sha1",
  "SHA-256": "sha256",
  "SHA-384": "sha384",
  "SHA-512": "sha512",
};

function fail(message: string): never {
  throw Object.assign(new Error(message), { code: "States" });
}

export const AWS_FUNCTIONS: readonly AwsFunction[] = [
  {
    // $partition(array, size): consecutive chunks of `size` items; the last one may be shorter [obs: test_array_partition].
    name: "partition",
    implementation: ((array: unknown[] | undefined, size: number) => {
      if (array === undefined) return undefined;
      if (!Number.isInteger(size) || size <= 0) fail(`The size argument of $partition must be a positive integer, got ${size}`);
      const chunks: unknown[][] = [];
      for (let i = 0; i < array.length; i += size) chunks.push(array.slice(i, i + size));
      return chunks;
    }) as AwsFunction["implementation"],
    signature: "<an:a>",
  },
  {
    // $range(start, end, step): start, start+step, … up to and including end [obs: test_array_range gives [0,3,6,9]].
    name: "range",
    implementation: ((start: number, end: number, step: number) => {
      if (step === 0) fail("The step argument of $range must not be 0");
      const values: number[] = [];
      for (let v = start; step > 0 ? v <= end : v >= end; v += step) {
        values.push(v);
        if (values.length > 1_000_000) fail("$range would produce more than 1,000,000 values");
      }
      return sequence(values);
    }) as AwsFunction["implementation"],
    signature: "<nnn:a<n>>",
  },
  {
    // $hash(data, algorithm): hex digest, algorithm one of MD5, SHA-1, SHA-256, SHA-384, SHA-512 (ASL-3.2).
    name: "hash",
    implementation: ((data: string | undefined, algorithm: string) => {
      if (data === undefined) return undefined;
      const node = HASH_ALGORITHMS[algorithm];
      if (node === undefined) fail(`The hash algorithm must be one of ${Object.keys(HASH_ALGORITHMS).join(", ")}, got ${JSON.stringify(algorithm)}`);
      return createHash(node).update(data, "utf8").digest("hex");
    }) as AwsFunction["implementation"],
    signature: "<s-s:s>",
  },
  {
    // $random([seed]): a number in [0, 1). With a seed, the same number every time: java.util.Random(seed).nextDouble(),
    // the generator of the Java service behind Step Functions (as States.MathRandom's seed uses, ASL-5).
    name: "random",
    implementation: ((seed?: number) => {
      if (seed === undefined) return Math.random();
      if (!Number.isInteger(seed)) fail(`The seed of $random must be an integer, got ${seed}`);
      return new JavaRandom(BigInt(seed)).nextDouble();
    }) as AwsFunction["implementation"],
    signature: "<n?:n>",
  },
  {
    // $uuid(): a random version 4 UUID.
    name: "uuid",
    implementation: (() => randomUUID()) as AwsFunction["implementation"],
    signature: "<:s>",
  },
  {
    // $parse(text): JSON text to a value (Step Functions' replacement for $eval) [obs: test_parse].
    name: "parse",
    implementation: ((text: string | undefined) => {
      if (text === undefined) return undefined;
      try {
        return JSON.parse(text) as unknown;
      } catch (e) {
        return fail(`$parse could not parse ${JSON.stringify(text)} as JSON: ${(e as Error).message}`);
      }
    }) as AwsFunction["implementation"],
    signature: "<s-:x>",
  },
];

/** Functions whose value changes from one call to the next: an expression calling one runs inside a durable step. */
export const NONDETERMINISTIC_FUNCTIONS: ReadonlySet<string> = new Set(["now", "millis", "random", "uuid"]);
