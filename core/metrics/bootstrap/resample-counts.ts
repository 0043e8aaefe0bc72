import type { Xoshiro128 } from './xoshiro128.js';

/**
 * Row weights: how many copies of each row a resample holds. A resample keeps them in a Uint8Array
 * (a quarter of the memory of Int32, so the random increments and the baseline's gather stay in the
 * cache); a count above 255 needs an Int32Array.
 */
export type RowWeights = Uint8Array | Int32Array;

const TWO_32 = 4294967296;
const INVERSE_TWO_32 = 1 / TWO_32;

/**
 * Draws one bootstrap resample as row weights: `counts[i]` becomes how many times row i is drawn when
 * `draws` rows (by default `counts.length`) are drawn uniformly with replacement (a multinomial
 * sample). Weighting each row by its count is the resampled data set, without building it. Returns
 * false when some row was drawn more than 255 times, which a Uint8Array cannot hold (its count has
 * wrapped): draw the same stream again into an Int32Array. With a million rows drawn a million times
 * a count that high has a probability far below 10⁻³⁰⁰, but the answer must not depend on luck.
 *
 * Each draw maps a 32-bit output x to ⌊x·n / 2³²⌋ with Lemire's rejection of the few x that would make
 * some rows likelier than others (Lemire 2019, "Fast random integer generation in an interval"), so
 * every row has probability exactly 1/n. The generator's step is inlined: this loop runs n times per
 * resample and is a third of the bootstrap's time.
 */
export function drawResampleCounts(stream: Xoshiro128, counts: RowWeights, draws = counts.length): boolean {
  const n = counts.length;
  counts.fill(0);
  if (n === 0 || draws === 0) return true;
  // 2³² mod n: outputs whose low product word falls below it are the surplus that would bias the draw.
  const threshold = TWO_32 % n;
  const state = stream.state;
  let s0 = state[0]! | 0;
  let s1 = state[1]! | 0;
  let s2 = state[2]! | 0;
  let s3 = state[3]! | 0;
  let drawn = 0;
  // Any count that reached 256, or-ed together: no branch in the loop.
  let high = 0;
  while (drawn < draws) {
    const r = Math.imul(s1, 5);
    const x = Math.imul((r << 7) | (r >>> 25), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);

    const low = Math.imul(x, n) >>> 0;
    if (low < threshold) continue;
    // The high word of the 64-bit product x·n. The double product is off by at most 2¹¹ (it has 53
    // bits), so after removing the exact low word and scaling by 2⁻³² (exact), the nearest integer is
    // the high word: + 0.5 and truncation round it, faster than Math.round and a division.
    const row = ((x * n - low) * INVERSE_TWO_32 + 0.5) >>> 0;
    const count = counts[row]! + 1;
    counts[row] = count;
    high |= count;
    drawn++;
  }
  state[0] = s0;
  state[1] = s1;
  state[2] = s2;
  state[3] = s3;
  return high < 256;
}
