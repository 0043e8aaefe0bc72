import type { Xoshiro128 } from './xoshiro128.js';

const TWO_32 = 4294967296;

/**
 * Draws one bootstrap resample as row weights: `counts[i]` becomes how many times row i is drawn when
 * `counts.length` rows are drawn uniformly with replacement (a multinomial sample). Weighting each row
 * by its count is the resampled data set, without building it.
 *
 * Each draw maps a 32-bit output x to ⌊x·n / 2³²⌋ with Lemire's rejection of the few x that would make
 * some rows likelier than others (Lemire 2019, "Fast random integer generation in an interval"), so
 * every row has probability exactly 1/n. The generator's step is inlined: this loop runs n times per
 * resample and is most of the bootstrap's time.
 */
export function drawResampleCounts(stream: Xoshiro128, counts: Int32Array): void {
  const n = counts.length;
  counts.fill(0);
  if (n === 0) return;
  // 2³² mod n: outputs whose low product word falls below it are the surplus that would bias the draw.
  const threshold = TWO_32 % n;
  const state = stream.state;
  let s0 = state[0]! | 0;
  let s1 = state[1]! | 0;
  let s2 = state[2]! | 0;
  let s3 = state[3]! | 0;
  let drawn = 0;
  while (drawn < n) {
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
    // bits), so after removing the exact low word, rounding to the nearest multiple of 2³² is exact.
    const row = Math.round((x * n - low) / TWO_32);
    counts[row]!++;
    drawn++;
  }
  state[0] = s0;
  state[1] = s1;
  state[2] = s2;
  state[3] = s3;
}
