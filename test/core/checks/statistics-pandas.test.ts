import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadChecks } from '../../../core/checks/load-checks.js';
import { runChecks } from '../../../core/checks/run-checks.js';
import { runScipy } from '../../support/scipy.js';
import { tableStream } from '../../support/table-stream.js';

/** Deterministic pseudo-random numbers (mulberry32), so failures reproduce. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const next = random(20260523);
const samples: Record<string, Float64Array> = {
  normal: Float64Array.from({ length: 100_001 }, () => 1e6 + (next() + next() + next() - 1.5) * 3),
  skewed: Float64Array.from({ length: 5_000 }, () => Math.exp(8 * next()) - 20),
  ties: Float64Array.from({ length: 1_000 }, () => Math.floor(next() * 7)),
  small: Float64Array.of(3.5, -1.25, 7),
};
const qs = [0, 0.01, 0.1, 0.25, 0.333, 0.5, 0.75, 0.9, 0.99, 1];

const reference = runScipy(
  `
import pandas as pd
result = {}
for name, values in arrays.items():
    s = pd.Series(values)
    s[::97] = float('nan')  # missing values, as the streams below have
    result[name] = {'mean': s.mean(), 'std': s.std(), 'median': s.median(), 'q': [s.quantile(q) for q in data]}
`,
  qs,
  samples,
) as Record<string, { mean: number; std: number; median: number; q: number[] }>;

function close(actual: unknown, expected: number, what: string) {
  assert.equal(typeof actual, 'number', what);
  const error = Math.abs((actual as number) - expected) / Math.max(Math.abs(expected), 1e-300);
  assert.ok(error <= 1e-12, `${what}: ${actual} vs pandas ${expected} (relative error ${error})`);
}

describe('mean, std, median and quantile agree with pandas', () => {
  for (const [name, values] of Object.entries(samples)) {
    it(name, async () => {
      const column = Array.from(values, (v, i) => (i % 97 === 0 ? null : v));
      const yaml = [
        'checks:',
        '  - {check: mean, column: x, min: -1e300}',
        '  - {check: std, column: x, min: -1e300}',
        '  - {check: median, column: x, min: -1e300}',
        ...qs.map((q) => `  - {check: quantile, column: x, q: ${q}, min: -1e300}`),
      ].join('\n');
      const report = await runChecks(
        tableStream({ x: column }, { batchRows: 4096 }),
        loadChecks(yaml, 'c.yml'),
      );
      const observed = report.results.map((r) => r.observed);
      const want = reference[name]!;
      close(observed[0], want.mean, 'mean');
      close(observed[1], want.std, 'std');
      close(observed[2], want.median, 'median');
      qs.forEach((q, k) => close(observed[3 + k], want.q[k]!, `quantile ${q}`));
    });
  }
});
