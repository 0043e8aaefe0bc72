import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { binEdges, sortedHistogramCounts, sturgesBins } from '../../../core/drift/numpy-histogram.js';
import { runScipy } from '../../support/scipy.js';
import { seededUniform } from './stats/sample-cases.js';

const uniform = seededUniform(4242);
const sorted = (values: number[]) => Float64Array.from(values).sort();

describe('sortedHistogramCounts bins as np.histogram with ⌈log2 n⌉ + 1 equal-width edges', () => {
  const cases: [string, Float64Array, Float64Array][] = [
    ['continuous', sorted(Array.from({ length: 5000 }, () => uniform() * 7 - 3)), sorted([])],
    // Decimals on a grid: many values fall exactly on an edge, and on the closed last edge.
    [
      'values on the edges',
      sorted(Array.from({ length: 3000 }, () => Math.floor(uniform() * 41) / 4)),
      sorted(Array.from({ length: 1000 }, () => Math.floor(uniform() * 41) / 4)),
    ],
    [
      'one value repeated (edges widened by ±0.5)',
      new Float64Array(50).fill(2),
      new Float64Array(10).fill(2),
    ],
    [
      'the other side is wider: values outside the edges are dropped',
      sorted(Array.from({ length: 800 }, () => uniform())),
      sorted(Array.from({ length: 800 }, () => uniform() * 3 - 1)),
    ],
  ];
  const expected = runScipy(
    `result = []
for a, b in data:
    a = np.array(a, dtype=np.float64)
    b = np.array(b, dtype=np.float64)
    both = np.concatenate([a, b])
    edges = np.histogram_bin_edges(both, bins=int(np.ceil(np.log2(both.size))) + 1)
    result.append([edges, np.histogram(a, edges)[0]])`,
    cases.map(([, a, b]) => [[...a], [...b]]),
  ) as [number[], number[]][];

  cases.forEach(([label, a, b], i) => {
    it(label, () => {
      const min = Math.min(a[0]!, b[0] ?? Infinity);
      const max = Math.max(a.at(-1)!, b.at(-1) ?? -Infinity);
      const edges = binEdges(min, max, sturgesBins(a.length + b.length));
      assert.deepEqual([...edges], expected[i]![0], 'edges');
      assert.deepEqual([...sortedHistogramCounts(a, edges)], expected[i]![1], 'counts');
    });
  });

  it('drops values outside the edges on both ends', () => {
    const counts = sortedHistogramCounts(Float64Array.of(-1, 0, 0.5, 1, 1, 2), Float64Array.of(0, 0.5, 1));
    assert.deepEqual([...counts], [1, 3]);
  });
});
