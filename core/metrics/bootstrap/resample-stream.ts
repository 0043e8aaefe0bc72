import { Xoshiro128 } from './xoshiro128.js';

const MASK64 = (1n << 64n) - 1n;
const GOLDEN_GAMMA = 0x9e3779b97f4a7c15n;

/** The largest seed: seeds are unsigned 32-bit integers, so a seed and a resample index fit in 64 bits. */
export const MAX_SEED = 0xffffffff;

/**
 * The random stream of resample `index` for `seed`: xoshiro128** started from two SplitMix64 outputs
 * (as its authors recommend for seeding), SplitMix64 itself starting at seed·2³² + index. Each
 * resample depends only on (seed, index), never on the resamples before it, so the resamples can be
 * split across threads in any way and still give bit-identical results.
 */
export function resampleStream(seed: number, index: number): Xoshiro128 {
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    throw new RangeError(`the bootstrap seed must be an integer from 0 to ${MAX_SEED}, got ${seed}`);
  }
  if (!Number.isInteger(index) || index < 0 || index > MAX_SEED) {
    throw new RangeError(`a resample index must be an integer from 0 to ${MAX_SEED}, got ${index}`);
  }
  const mixer = splitMix64((BigInt(seed) << 32n) | BigInt(index));
  const a = mixer();
  const b = mixer();
  // Two distinct SplitMix64 outputs are never both zero (its mixing is a bijection), so the state is valid.
  return new Xoshiro128([
    Number(a & 0xffffffffn),
    Number(a >> 32n),
    Number(b & 0xffffffffn),
    Number(b >> 32n),
  ]);
}

/**
 * SplitMix64 (Steele, Lea and Flood; Vigna's splitmix64.c): a 64-bit counter passed through a strong
 * mixing function. BigInt is slow, but a resample needs only two outputs.
 */
export function splitMix64(start: bigint): () => bigint {
  let x = start & MASK64;
  return () => {
    x = (x + GOLDEN_GAMMA) & MASK64;
    let z = x;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
    return z ^ (z >> 31n);
  };
}
