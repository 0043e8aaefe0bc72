/**
 * xoshiro128** (Blackman and Vigna, prng.di.unimi.it): 128 bits of state, 32-bit outputs, period
 * 2^128 − 1, passes BigCrush. Small and fast in JavaScript because every step is 32-bit integer
 * arithmetic (`Math.imul`, shifts); the bootstrap's hot loop inlines the same step.
 */
export class Xoshiro128 {
  /** The state words s0..s3, as the reference C code names them. */
  readonly state: Uint32Array;

  constructor(state: ArrayLike<number>) {
    if (state.length !== 4) throw new RangeError('xoshiro128** takes a state of four 32-bit words');
    this.state = Uint32Array.from(state);
    if (this.state.every((word) => word === 0)) {
      throw new RangeError('xoshiro128** cannot start from the all-zero state');
    }
  }

  /** The next output, an unsigned 32-bit integer. */
  next(): number {
    const s = this.state;
    const s0 = s[0]!;
    const s1 = s[1]!;
    const s2 = s[2]! ^ s0;
    const s3 = s[3]! ^ s1;
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    s[0] = s0 ^ s3;
    s[1] = s1 ^ s2;
    s[2] = s2 ^ (s1 << 9);
    s[3] = rotl(s3, 11);
    return result;
  }
}

export function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
