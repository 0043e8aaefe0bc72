import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CompactNumbers } from '../../../core/numeric/compact-numbers.js';
import { selectMedian, selectQuantile } from '../../../core/numeric/select-quantile.js';
import { sortedMedian, sortedQuantile } from '../../../core/numeric/sorted-quantile.js';

let seed = 3;
const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;

const columns: Record<string, () => number> = {
  integers: () => Math.floor(random() * 2000) - 1000,
  'two decimals': () => Math.round(random() * 1e5) / 100,
  'digits grow mid-stream': () =>
    random() < 0.9 ? Math.round(random() * 100) : Math.round(random() * 1e6) / 1e4,
  'needs doubles': () => (random() < 0.99 ? Math.round(random() * 100) / 10 : random() * 1e3),
  'too large for 32 bits': () => (random() < 0.5 ? 5 : 3e9 + Math.floor(random() * 10)),
  'with infinities': () => (random() < 0.02 ? -Infinity : Math.round(random() * 10) / 4),
};

test('compactly kept values give exactly the quantiles of the doubles they came from', () => {
  for (const [label, make] of Object.entries(columns)) {
    for (const n of [1, 2, 7, 1000, 70_000]) {
      const doubles = Float64Array.from({ length: n }, make);
      const sorted = Float64Array.from(doubles).sort();
      for (const q of [0, 0.1, 0.5, 0.9, 1]) {
        const compact = new CompactNumbers();
        for (const x of doubles) compact.push(x);
        const { values, scale } = compact.take();
        assert.equal(selectQuantile(values, q, scale), sortedQuantile(sorted, q), `${label} n=${n} q=${q}`);
      }
      const compact = new CompactNumbers();
      for (const x of doubles) compact.push(x);
      const { values, scale } = compact.take();
      assert.equal(selectMedian(values, scale), sortedMedian(sorted), `${label} n=${n} median`);
    }
  }
});

test('decimals with few digits take four bytes each', () => {
  const compact = new CompactNumbers();
  for (let i = 0; i < 100_000; i++) compact.push(Math.round(random() * 1e7) / 1e4);
  const { values } = compact.take();
  assert.ok(values instanceof Int32Array);
  assert.equal(values.length, 100_000);
});

test('pushAll keeps exactly what push keeps, in pieces of any size', () => {
  for (const [label, make] of Object.entries(columns)) {
    const doubles = Float64Array.from({ length: 150_000 }, make);
    const one = new CompactNumbers();
    for (const x of doubles) one.push(x);
    const expected = one.takeOwned();
    const all = new CompactNumbers();
    for (let at = 0, size = 1; at < doubles.length; at += size, size = (size * 7) % 70_001)
      all.pushAll(doubles.subarray(at), Math.min(size, doubles.length - at));
    assert.equal(all.length, doubles.length, label);
    const actual = all.takeOwned();
    assert.equal(actual.scale, expected.scale, label);
    assert.deepEqual(actual.values, expected.values, label);
  }
});
