import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OrderStatistics } from '../../../core/checks/order-statistics.js';
import { selectMedian, selectQuantile } from '../../../core/numeric/select-quantile.js';

let seed = 7;
const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;

// Each stream is pushed in chunks; the first chunk decides the histogram's span, so some streams
// leave it (drift), start constant, or hold infinities, where the buckets cannot help.
const streams: Record<string, (i: number, n: number) => number> = {
  'short decimals': () => Math.round(random() * 1e6) / 100,
  'integers with ties': () => Math.floor(random() * 20),
  'drifting far past the first chunk': (i) => (i < 1000 ? random() : 1e6 + random() * 1e6),
  'drifting below the first chunk': (i) => (i < 1000 ? 5 + random() : -random() * 1e9),
  'constant first chunk': (i) => (i < 1000 ? 3 : Math.round(random() * 100) / 4),
  'doubles (not short decimals)': () => random() * 1e3,
  'with infinities': (i) => (i % 97 === 0 ? -Infinity : i % 89 === 0 ? Infinity : random()),
  'one value repeated': () => 42,
};

// The reference is selection over all values at once (itself checked against sorting and pandas).
test('median and quantiles from the histogram equal those of selecting among all values', () => {
  for (const [label, make] of Object.entries(streams)) {
    for (const n of [1, 2, 3, 1000, 1001, 40_000]) {
      const all = Float64Array.from({ length: n }, (_, i) => make(i, n));
      for (const q of [undefined, 0, 0.001, 0.25, 0.5, 0.9, 0.999, 1]) {
        const stats = new OrderStatistics();
        for (let at = 0, size = 1000; at < n; at += size, size = 1 + ((size * 7) % 5000))
          stats.pushAll(all.subarray(at), Math.min(size, n - at));
        const expected = q === undefined ? selectMedian(all.slice()) : selectQuantile(all.slice(), q);
        const actual = q === undefined ? stats.median() : stats.quantile(q);
        assert.ok(
          Object.is(actual, expected),
          `${label}, n=${n}, q=${q ?? 'median'}: ${actual} vs ${expected}`,
        );
      }
    }
  }
});

test('no values, no statistic', () => {
  const stats = new OrderStatistics();
  assert.equal(stats.median(), undefined);
  assert.equal(stats.quantile(0.5), undefined);
});
