import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  BINARY_BOOTSTRAP_METRICS,
  rankBinary,
  weightedBinaryMetrics,
} from '../../../../core/metrics/bootstrap/weighted-binary.js';
import {
  MULTICLASS_BOOTSTRAP_METRICS,
  rankMulticlass,
  weightedMulticlassMetrics,
} from '../../../../core/metrics/bootstrap/weighted-multiclass.js';
import {
  REGRESSION_BOOTSTRAP_METRICS,
  rankRegression,
  weightedRegressionMetrics,
} from '../../../../core/metrics/bootstrap/weighted-regression.js';
import { Xoshiro128 } from '../../../../core/metrics/bootstrap/xoshiro128.js';
import { runScipy } from '../../../support/scipy.js';

type Case =
  | {
      label: string;
      task: 'binary';
      actual: number[];
      score: number[];
      predicted: number[];
      weights: number[];
    }
  | {
      label: string;
      task: 'multiclass';
      classes: number;
      actual: number[];
      predicted: number[];
      probabilities: number[];
      weights: number[];
    }
  | { label: string; task: 'regression'; actual: number[]; predicted: number[]; weights: number[] };

type Expected = Record<string, number | null>;
type BinaryCase = Extract<Case, { task: 'binary' }>;

const random = new Xoshiro128([3, 1, 4, 1]);
const uniform = () => random.next() / 4294967296;
const integer = (below: number) => Math.floor(uniform() * below);
const list = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

function binaryCase(
  label: string,
  n: number,
  options: { digits?: number; weights?: (i: number) => number; actual?: (i: number) => number } = {},
): BinaryCase {
  const actual = list(n, options.actual ?? (() => (uniform() < 0.4 ? 1 : 0)));
  const score = actual.map((y) =>
    round(Math.min(1, Math.max(0, 0.35 + 0.3 * y + 0.5 * (uniform() - 0.5))), options.digits ?? 1),
  );
  return {
    label,
    task: 'binary',
    actual,
    score,
    predicted: score.map((s) => (s >= 0.5 ? 1 : 0)),
    weights: list(n, options.weights ?? (() => integer(4))),
  };
}

function multiclassCase(
  label: string,
  n: number,
  k: number,
  options: { never?: number; absent?: number } = {},
): Case {
  const actual = list(n, () => {
    let c = integer(k);
    while (c === options.absent) c = integer(k);
    return c;
  });
  const probabilities: number[] = [];
  const predicted: number[] = [];
  for (const y of actual) {
    // Two decimals: ties within each class's column. Rows sum to 1 up to rounding.
    const raw = list(k, (c) => (c === y ? 1.5 : 0.2) + uniform());
    if (options.never !== undefined) raw[options.never] = 0.01;
    const sum = raw.reduce((a, b) => a + b, 0);
    const row = raw.map((v) => round(v / sum, 2));
    row[k - 1] = round(1 - row.slice(0, k - 1).reduce((a, b) => a + b, 0), 10);
    probabilities.push(...row);
    predicted.push(row.indexOf(Math.max(...row)));
  }
  return {
    label,
    task: 'multiclass',
    classes: k,
    actual,
    predicted,
    probabilities,
    weights: list(n, () => integer(3)),
  };
}

function regressionCase(label: string, actual: number[], predicted: number[], weights?: number[]): Case {
  return {
    label,
    task: 'regression',
    actual,
    predicted,
    weights: weights ?? list(actual.length, () => integer(4)),
  };
}

const tied = binaryCase('scores rounded to one decimal (large tie groups), weights 0–3', 300);
const SYNTHETIC: Case[] = [
  tied,
  binaryCase('scores with two decimals, bootstrap-like weights 0–3', 1000, { digits: 2 }),
  // Every other row has weight 0, so tie groups end on zero-weight rows and whole groups weigh nothing.
  binaryCase('every other row of weight 0', 400, { weights: (i) => (i % 2 ? 0 : 1 + (i % 3)) }),
  { ...tied, label: 'unit weights (the unweighted metrics)', weights: tied.weights.map(() => 1) },
  binaryCase('a single row', 1, { weights: () => 1, actual: () => 1 }),
  binaryCase('only negatives carry weight (one class in the resample)', 50, {
    actual: (i) => i % 3 && 1,
    weights: (i) => (i % 3 ? 0 : 2),
  }),
  { ...tied, label: 'no row predicted positive', predicted: tied.predicted.map(() => 0) },
  {
    label: 'scores exactly 0 and 1 and −0 (log loss clips them)',
    task: 'binary',
    actual: [1, 0, 1, 0, 1, 0, 0, 1],
    score: [1, 0, 0, 1, -0, 0, 0.5, 1],
    predicted: [1, 0, 0, 1, 0, 0, 1, 1],
    weights: [2, 1, 1, 1, 3, 0, 1, 1],
  },
  { ...tied, label: 'scores above 1 (not probabilities)', score: tied.score.map((s) => s * 2) },
  { ...tied, label: 'every weight 0', weights: tied.weights.map(() => 0) },
  multiclassCase('4 classes, two-decimal probabilities (ties), weights 0–2', 400, 4),
  multiclassCase('a class never predicted', 300, 3, { never: 2 }),
  multiclassCase('a class absent from the actual labels', 300, 3, { absent: 1 }),
  regressionCase(
    'errors rounded (ties), weights 0–3',
    list(200, () => round(10 * uniform(), 1)),
    list(200, () => round(10 * uniform(), 1)),
  ),
  regressionCase('even total weight', [1, 2, 3, 4, 10], [1.5, 2, 2, 6, 0], [1, 1, 1, 1, 0]),
  regressionCase('constant actual values (R² by scikit-learn`s rule)', [3, 3, 3, 3], [3, 2, 3, 4]),
  regressionCase('actual values of 0 (percentage error over ε)', [0, 1, 0, 2], [0.5, 1, 0, 1], [1, 2, 1, 1]),
  regressionCase('a single row', [2], [1], [1]),
];

const SCRIPT = readFileSync(join(import.meta.dirname, 'sklearn-weighted.py'), 'utf8');

function ours(c: Case): Record<string, number> {
  const weights = Int32Array.from(c.weights);
  if (c.task === 'binary') {
    const out = new Float64Array(BINARY_BOOTSTRAP_METRICS.length);
    const predictions = {
      task: 'binary' as const,
      classes: ['0', '1'] as [string, string],
      actual: Uint8Array.from(c.actual),
      score: Float64Array.from(c.score),
      predicted: Uint8Array.from(c.predicted),
    };
    weightedBinaryMetrics(rankBinary(predictions), weights, out);
    return Object.fromEntries(BINARY_BOOTSTRAP_METRICS.map((m, j) => [m, out[j]!]));
  }
  if (c.task === 'multiclass') {
    const out = new Float64Array(MULTICLASS_BOOTSTRAP_METRICS.length);
    const predictions = {
      task: 'multiclass' as const,
      classes: list(c.classes, String),
      actual: Int32Array.from(c.actual),
      predicted: Int32Array.from(c.predicted),
      probabilities: Float64Array.from(c.probabilities),
    };
    weightedMulticlassMetrics(rankMulticlass(predictions), weights, out);
    return Object.fromEntries(MULTICLASS_BOOTSTRAP_METRICS.map((m, j) => [m, out[j]!]));
  }
  const out = new Float64Array(REGRESSION_BOOTSTRAP_METRICS.length);
  const predictions = {
    task: 'regression' as const,
    actual: Float64Array.from(c.actual),
    predicted: Float64Array.from(c.predicted),
  };
  weightedRegressionMetrics(rankRegression(predictions), weights, out);
  return Object.fromEntries(REGRESSION_BOOTSTRAP_METRICS.map((m, j) => [m, out[j]!]));
}

/** Relative difference ≤ 1e-9; a reference of exactly 0 allows 1e-15 absolute (one rounding of a sum). */
function assertAgrees(actual: number, expected: number | null, what: string): void {
  if (expected === null) {
    assert.ok(Number.isNaN(actual), `${what}: scikit-learn has no value (warning or NaN), we have ${actual}`);
    return;
  }
  const scale = Math.max(Math.abs(actual), Math.abs(expected));
  assert.ok(
    Math.abs(actual - expected) <= 1e-9 * scale || Math.abs(actual - expected) <= 1e-15,
    `${what}: ${actual} against scikit-learn's ${expected}`,
  );
}

describe('weighted metrics agree with scikit-learn 1.2 (sample_weight=, and rows repeated by weight)', () => {
  const reference = runScipy(SCRIPT, SYNTHETIC) as { case: Case; weighted: Expected; expanded: Expected }[];

  for (const { case: c, weighted, expanded } of reference) {
    it(`${c.task}: ${c.label}`, () => {
      const values = ours(c);
      for (const [metric, value] of Object.entries(values)) {
        assertAgrees(value, expanded[metric]!, `${metric} (rows repeated)`);
        // scikit-learn's r2_score counts rows of weight 0 toward its two-row minimum.
        const weightedApplies =
          metric in weighted && !(metric === 'r2' && c.weights.filter((w) => w > 0).length < 2);
        if (weightedApplies) assertAgrees(value, weighted[metric]!, `${metric} (sample_weight)`);
      }
    });
  }

  it('covers not-computable cases and real data sets', () => {
    const nulls = reference.flatMap((r) => Object.values(r.expanded)).filter((v) => v === null).length;
    assert.ok(nulls >= 10, `only ${nulls} not-computable references`);
    assert.ok(reference.length >= SYNTHETIC.length + 6);
  });
});
