/**
 * `java.util.Random`, bit for bit: the 48-bit linear congruential generator of the Java platform specification
 * (Knuth, TAOCP vol. 2, §3.2.1), used by States.MathRandom when a seed is given so that one seed always gives one
 * number. Checked against OpenJDK's `new Random(seed).nextInt(bound)` (see test/runtime/intrinsics.test.ts).
 */

const MULTIPLIER = 0x5deece66dn;
const ADDEND = 0xbn;
const MASK = (1n << 48n) - 1n;
const INT32_MAX = 2147483647;

export class JavaRandom {
  private seed: bigint;

  /** `new Random(seed)`: the seed is a Java `long` (64-bit two's complement). */
  constructor(seed: bigint) {
    this.seed = (BigInt.asIntN(64, seed) ^ MULTIPLIER) & MASK;
  }

  /** `next(bits)`: advance the generator and return its top `bits` bits as a Java `int`. */
  private next(bits: number): number {
    this.seed = (this.seed * MULTIPLIER + ADDEND) & MASK;
    return Number(BigInt.asIntN(32, this.seed >> BigInt(48 - bits)));
  }

  /** `nextInt()`: a uniformly distributed Java `int`. */
  nextInt(): number {
    return this.next(32);
  }

  /** `nextDouble()`: `((next(26) << 27) + next(27)) * 2^-53`, a double in [0, 1). */
  nextDouble(): number {
    const high = BigInt(this.next(26) >>> 0);
    const low = BigInt(this.next(27) >>> 0);
    return Number((high << 27n) + low) / 2 ** 53;
  }

  /** `nextInt(bound)`: a uniformly distributed integer in [0, bound), for 0 < bound ≤ 2^31 - 1. */
  nextIntBelow(bound: number): number {
    if (!Number.isInteger(bound) || bound <= 0 || bound > INT32_MAX)
      throw new RangeError(`bound must be in 1..${INT32_MAX}`);
    let r = this.next(31);
    const m = bound - 1;
    if ((bound & m) === 0) return Number((BigInt(bound) * BigInt(r)) >> 31n);
    // Java's loop rejects the top, incomplete copy of the range: `u - r + m` overflowing an int means u was there.
    for (let u = r; u - (r = u % bound) + m > INT32_MAX; u = this.next(31));
    return r;
  }

  /**
   * An integer in [origin, bound) for Java `int` bounds: `origin + nextInt(bound - origin)` when the width fits an
   * `int`, else `nextInt()` drawn until it falls in the range (as `java.util.Random.ints(origin, bound)` does).
   */
  nextIntBetween(origin: number, bound: number): number {
    const width = bound - origin;
    if (width <= INT32_MAX) return origin + this.nextIntBelow(width);
    for (;;) {
      const r = this.nextInt();
      if (r >= origin && r < bound) return r;
    }
  }
}
