import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { drawResampleCounts } from '../../../../core/metrics/bootstrap/resample-counts.js';
import { resampleStream, splitMix64 } from '../../../../core/metrics/bootstrap/resample-stream.js';
import { Xoshiro128 } from '../../../../core/metrics/bootstrap/xoshiro128.js';

const take = (next: () => number | bigint, count: number) => Array.from({ length: count }, next);

describe('the bootstrap random streams', () => {
  // Reference vectors from the authors' C code (prng.di.unimi.it xoshiro128starstar.c, splitmix64.c),
  // compiled with gcc; the xoshiro vector is also the one rand_xoshiro's tests use.
  it('xoshiro128** from the state [1, 2, 3, 4] matches the reference implementation', () => {
    const rng = new Xoshiro128([1, 2, 3, 4]);
    assert.deepEqual(
      take(() => rng.next(), 10),
      [11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849, 3729100597, 4258142804],
    );
  });

  it('SplitMix64 matches the reference implementation', () => {
    assert.deepEqual(take(splitMix64(1234567n), 3), [
      6457827717110365317n,
      3203168211198807973n,
      9817491932198370423n,
    ]);
    assert.deepEqual(take(splitMix64(0n), 2), [16294208416658607535n, 7960286522194355700n]);
  });

  it('resample i of a seed starts xoshiro128** at two SplitMix64 outputs of seed·2³² + i', () => {
    // The same derivation in the C reference: state words lo(a), hi(a), lo(b), hi(b).
    const cases = [
      [0, 0, [3737715805, 2584255861, 2876756834, 3286328325, 1553311962, 1625202774]],
      [42, 7, [3218433758, 3595279162, 1425948380, 2234227796, 3618828505, 1879865849]],
      [4294967295, 999, [395259022, 909072160, 2505602675, 635698105, 2221644208, 1225899564]],
    ] as const;
    for (const [seed, index, outputs] of cases) {
      const rng = resampleStream(seed, index);
      assert.deepEqual(
        take(() => rng.next(), 6),
        outputs,
        `seed ${seed}, resample ${index}`,
      );
    }
  });

  it('refuses seeds and indices that are not 32-bit unsigned integers, and the all-zero state', () => {
    assert.throws(() => resampleStream(-1, 0), /seed must be an integer from 0 to 4294967295, got -1/);
    assert.throws(() => resampleStream(2 ** 32, 0), /seed/);
    assert.throws(() => resampleStream(1.5, 0), /seed/);
    assert.throws(() => resampleStream(0, -1), /resample index/);
    assert.throws(() => new Xoshiro128([0, 0, 0, 0]), /all-zero/);
  });
});

describe('resample counts', () => {
  it('draw exactly n rows, from the stream the inlined step shares with Xoshiro128.next', () => {
    const counts = new Int32Array(1000);
    drawResampleCounts(resampleStream(5, 3), counts);
    assert.equal(
      counts.reduce((a, b) => a + b, 0),
      1000,
    );
    // The same rows drawn one by one through the class: ⌊x·n / 2³²⌋, no rejection at n = 1000
    // unless x·n mod 2³² < 2³² mod 1000 = 296 (checked below).
    const rng = resampleStream(5, 3);
    const expected = new Int32Array(1000);
    let drawn = 0;
    while (drawn < 1000) {
      const x = rng.next();
      if (Number((BigInt(x) * 1000n) & 0xffffffffn) < 296) continue;
      expected[Number((BigInt(x) * 1000n) >> 32n)]!++;
      drawn++;
    }
    assert.deepEqual(counts, expected);
    // The stream's state moved on past the draws.
    const after = resampleStream(5, 3);
    drawResampleCounts(after, new Int32Array(1000));
    assert.equal(after.next(), rng.next());
  });

  it('give every row the same chance, even when n does not divide 2³²', () => {
    // n = 3·2³⁰ + 1 would show modulo bias most; a small n with many resamples shows uniformity:
    // 20,000 resamples of 3 rows, each row's total count should be 20,000 ± a few standard deviations.
    const counts = new Int32Array(3);
    const totals = [0, 0, 0];
    for (let i = 0; i < 20000; i++) {
      drawResampleCounts(resampleStream(9, i), counts);
      for (let r = 0; r < 3; r++) totals[r] = totals[r]! + counts[r]!;
    }
    // Each draw picks a row with p = 1/3: total 60,000 draws, sd √(60000·(1/3)(2/3)) ≈ 115.
    for (const total of totals) assert.ok(Math.abs(total - 20000) < 600, `row drawn ${total} times`);
  });

  it('handles a holdout of one row and of none', () => {
    const one = new Int32Array(1);
    drawResampleCounts(resampleStream(0, 0), one);
    assert.deepEqual([...one], [1]);
    drawResampleCounts(resampleStream(0, 0), new Int32Array(0));
  });
});
