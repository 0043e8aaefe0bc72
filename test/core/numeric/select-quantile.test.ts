import assert from 'node:assert/strict';
import { test } from 'node:test';
import { selectMedian, selectQuantile } from '../../../core/numeric/select-quantile.js';
import { sortedMedian, sortedQuantile } from '../../../core/numeric/sorted-quantile.js';

test('selecting order statistics gives exactly what sorting gives (ties, sorted, reversed, tiny)', () => {
  let seed = 1;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const cases: Float64Array[] = [
    Float64Array.of(3),
    Float64Array.of(2, 1),
    Float64Array.from({ length: 101 }, (_, i) => i),
    Float64Array.from({ length: 100 }, (_, i) => 100 - i),
    new Float64Array(50).fill(7),
  ];
  for (let t = 0; t < 500; t++) {
    const n = 1 + Math.floor(random() * 60);
    const levels = t % 2 === 0 ? 4 : 1000;
    cases.push(Float64Array.from({ length: n }, () => Math.floor(random() * levels) / 3 - 10));
  }
  for (const values of cases) {
    const sorted = Float64Array.from(values).sort();
    assert.equal(selectMedian(Float64Array.from(values)), sortedMedian(sorted));
    for (const q of [0, 0.01, 0.25, 0.5, 0.9, 0.999, 1, random()]) {
      assert.equal(
        selectQuantile(Float64Array.from(values), q),
        sortedQuantile(sorted, q),
        `q=${q} n=${values.length}`,
      );
    }
  }
});
