import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { prepareBootstrap } from '../../../../core/metrics/bootstrap/bootstrap-plan.js';
import { bootstrapReplicates } from '../../../../core/metrics/bootstrap/bootstrap-replicates.js';
import { pairedBootstrap } from '../../../../core/metrics/bootstrap/paired-bootstrap.js';
import { drawResampleCounts } from '../../../../core/metrics/bootstrap/resample-counts.js';
import { resampleStream } from '../../../../core/metrics/bootstrap/resample-stream.js';
import { summarizeBootstrap } from '../../../../core/metrics/bootstrap/summarize-bootstrap.js';
import { rankBinary, weightedBinaryMetrics } from '../../../../core/metrics/bootstrap/weighted-binary.js';
import { Xoshiro128 } from '../../../../core/metrics/bootstrap/xoshiro128.js';
import { TASK_METRICS } from '../../../../core/metrics/metric-catalog.js';
import type {
  BinaryPredictions,
  MulticlassPredictions,
  Predictions,
  RegressionPredictions,
} from '../../../../core/metrics/predictions.js';
import { argsort } from '../../../../core/numeric/argsort.js';
import { sortedQuantile } from '../../../../core/numeric/sorted-quantile.js';
import { drawPair } from './coverage-population.js';

const population = { positiveRate: 0.3, separation: [1.4, 1.1] as [number, number], correlation: 0.6 };
const [candidate, baseline] = drawPair(population, 400, new Xoshiro128([2, 4, 6, 8]));

function multiclassPair(n: number): [MulticlassPredictions, MulticlassPredictions] {
  const random = new Xoshiro128([1, 1, 2, 3]);
  const uniform = () => random.next() / 4294967296;
  const actual = Int32Array.from({ length: n }, () => Math.floor(uniform() * 3));
  const model = (skill: number): MulticlassPredictions => {
    const probabilities = new Float64Array(n * 3);
    const predicted = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const raw = [0, 1, 2].map((c) => (c === actual[i] ? skill : 0) + uniform());
      const sum = raw[0]! + raw[1]! + raw[2]!;
      raw.forEach((v, c) => (probabilities[i * 3 + c] = v / sum));
      predicted[i] = raw.indexOf(Math.max(...raw));
    }
    return { task: 'multiclass', classes: ['a', 'b', 'c'], actual, probabilities, predicted };
  };
  return [model(0.9), model(0.6)];
}

function regressionPair(n: number): [RegressionPredictions, RegressionPredictions] {
  const random = new Xoshiro128([5, 3, 1, 9]);
  const uniform = () => random.next() / 4294967296;
  const actual = Float64Array.from({ length: n }, () => 10 * uniform());
  const model = (noise: number): RegressionPredictions => ({
    task: 'regression',
    actual,
    predicted: actual.map((y) => y + noise * (uniform() - 0.5)),
  });
  return [model(1), model(2)];
}

const PAIRS: [string, Predictions, Predictions][] = [
  ['binary', candidate, baseline],
  ['multiclass', ...multiclassPair(300)],
  ['regression', ...regressionPair(300)],
];

describe('pairedBootstrap', () => {
  for (const [task, a, b] of PAIRS) {
    it(`${task}: the same seed gives the same intervals, another seed others`, () => {
      const first = pairedBootstrap(a, b, { resamples: 200, seed: 11 });
      assert.deepEqual(pairedBootstrap(a, b, { resamples: 200, seed: 11 }), first);
      assert.notDeepEqual(pairedBootstrap(a, b, { resamples: 200, seed: 12 }), first);
      assert.deepEqual(Object.keys(first), TASK_METRICS[a.task]);
    });

    it(`${task}: ranges of resamples joined in order are bit-identical to the whole range`, () => {
      const plan = prepareBootstrap(a, b);
      const whole = bootstrapReplicates(plan, 7, 0, 120);
      // Another plan, as a worker thread would build from the same predictions.
      const other = prepareBootstrap(a, b);
      const parts = [
        bootstrapReplicates(other, 7, 0, 45),
        bootstrapReplicates(other, 7, 45, 45),
        bootstrapReplicates(plan, 7, 45, 120),
      ];
      const joined = new Float64Array(whole.length);
      let at = 0;
      for (const part of parts) {
        joined.set(part, at);
        at += part.length;
      }
      assert.deepEqual(joined, whole);
      assert.deepEqual(summarizeBootstrap(other, joined, 0.9), summarizeBootstrap(plan, whole, 0.9));
    });

    it(`${task}: a model against itself differs by exactly 0, interval [0, 0]`, () => {
      const result = pairedBootstrap(a, a, { resamples: 100, seed: 3 });
      for (const [metric, value] of Object.entries(result)) {
        assert.ok('difference' in value, `${metric}: ${JSON.stringify(value)}`);
        assert.deepEqual([value.difference, value.low, value.high], [0, 0, 0], metric);
      }
    });
  }

  it('evaluates both models on the same drawn rows: each replicate is the metrics of one resample', () => {
    const plan = prepareBootstrap(candidate, baseline);
    const replicates = bootstrapReplicates(plan, 5, 0, 30);
    // The plan keeps row counts by the candidate's rank; map each resample's counts back to rows.
    const order = argsort(candidate.score, 'descending');
    const counts = new Int32Array(order.length);
    const byRow = new Int32Array(order.length);
    const m = plan.metrics.length;
    const ours = new Float64Array(m);
    const theirs = new Float64Array(m);
    for (let i = 0; i < 30; i++) {
      drawResampleCounts(resampleStream(5, i), counts);
      for (let k = 0; k < order.length; k++) byRow[order[k]!] = counts[k]!;
      weightedBinaryMetrics(rankBinary(candidate), byRow, ours);
      weightedBinaryMetrics(rankBinary(baseline), byRow, theirs);
      for (let j = 0; j < m; j++) {
        assert.equal(replicates[i * m + j], ours[j]! - theirs[j]!, `resample ${i}, ${plan.metrics[j]}`);
      }
    }
  });

  it('takes the percentile interval: the (1 ∓ confidence)/2 quantiles of the replicates, numpy-interpolated', () => {
    const plan = prepareBootstrap(candidate, baseline, ['roc_auc', 'brier']);
    const replicates = bootstrapReplicates(plan, 1, 0, 250);
    const result = summarizeBootstrap(plan, replicates, 0.9);
    plan.metrics.forEach((metric, j) => {
      const values = Float64Array.from({ length: 250 }, (_, i) => replicates[i * 2 + j]!).sort();
      const interval = result[metric];
      assert.ok(interval && 'low' in interval);
      assert.equal(interval.low, sortedQuantile(values, (1 - 0.9) / 2));
      assert.equal(interval.high, sortedQuantile(values, (1 + 0.9) / 2));
      assert.equal(
        interval.difference,
        plan.point.candidate[plan.slots[j]!]! - plan.point.baseline[plan.slots[j]!]!,
      );
      assert.equal(interval.confidence, 0.9);
      assert.equal(interval.resamples, 250);
      assert.ok(interval.low < interval.difference && interval.difference < interval.high);
    });
    assert.deepEqual(Object.keys(result), ['roc_auc', 'brier']);
  });
});

describe('pairedBootstrap: not computable', () => {
  const withPositives = (count: number): [BinaryPredictions, BinaryPredictions] => {
    const actual = Uint8Array.from({ length: 400 }, (_, i) => (i < count ? 1 : 0));
    return [
      { ...candidate, actual },
      { ...baseline, actual },
    ];
  };

  it('a metric not computable on the holdout for one model names the model and why', () => {
    const never = { ...baseline, predicted: new Uint8Array(400) };
    const result = pairedBootstrap(candidate, never, { resamples: 50 });
    assert.deepEqual(result.precision, {
      notComputable: 'precision is not computable for the baseline: no row is predicted positive',
    });
    assert.ok(result.recall && 'low' in result.recall, 'recall is still compared');
  });

  it('scores with NaN make the score-based metrics not computable, naming the cause', () => {
    const score = candidate.score.slice();
    score[17] = NaN;
    const result = pairedBootstrap({ ...candidate, score }, baseline, { resamples: 50 });
    for (const metric of ['roc_auc', 'pr_auc', 'log_loss', 'brier'] as const) {
      assert.deepEqual(result[metric], {
        notComputable: `${metric} is not computable for the candidate: the model's scores include NaN or infinite values`,
      });
    }
    assert.ok(result.accuracy && 'low' in result.accuracy);
  });

  it('resamples without a positive are left out and counted; beyond 1% (at 95%) the metric is not computable', () => {
    // 3 positives in 400 rows: a resample draws none with probability (1 − 3/400)^400 ≈ e⁻³ ≈ 5%.
    const few = pairedBootstrap(...withPositives(3), { resamples: 1000, seed: 2 });
    assert.match(
      (few.roc_auc as { notComputable: string }).notComputable,
      /^roc_auc is not computable in (4\d|5\d|6\d) of 1000 resamples \(\d\.\d%\): resampling the rows with replacement often leaves a set on which the rows hold only one class; an interval over the rest would be unreliable beyond 1% left out$/,
    );
    // 7 positives: none drawn with probability ≈ e⁻⁷ ≈ 0.09%, about 1 resample in 1000: kept, and counted.
    const enough = pairedBootstrap(...withPositives(7), { resamples: 1000, seed: 2 });
    const auc = enough.roc_auc;
    assert.ok(auc && 'low' in auc, JSON.stringify(auc));
    assert.ok(auc.skipped >= 0 && auc.skipped <= 10, `${auc.skipped} skipped`);
    assert.equal(auc.resamples + auc.skipped, 1000);
    const accuracy = enough.accuracy;
    assert.ok(accuracy && 'low' in accuracy && accuracy.skipped === 0);
  });

  it('refuses inputs that are not a paired comparison, and options out of range', () => {
    const shorter = { ...baseline, actual: baseline.actual.subarray(1), score: baseline.score.subarray(1) };
    assert.throws(() => pairedBootstrap(candidate, shorter), /400 rows and the baseline for 399/);
    const relabelled = { ...baseline, actual: baseline.actual.map((y, i) => (i === 5 ? 1 - y : y)) };
    assert.throws(
      () => pairedBootstrap(candidate, relabelled),
      /row 6: the candidate's and the baseline's actual labels differ/,
    );
    assert.throws(() => pairedBootstrap(candidate, { ...baseline, classes: ['no', 'yes'] }), /classes/);
    const [m] = multiclassPair(400);
    assert.throws(() => pairedBootstrap(candidate, m), /binary model and the baseline a multiclass model/);
    assert.throws(
      () => pairedBootstrap(candidate, baseline, { metrics: ['mae'] }),
      /not a binary metric: mae/,
    );
    assert.throws(
      () => pairedBootstrap(candidate, baseline, { resamples: 0 }),
      /resamples must be a positive integer/,
    );
    assert.throws(
      () => pairedBootstrap(candidate, baseline, { confidence: 1 }),
      /confidence must be between 0 and 1/,
    );
    assert.throws(() => pairedBootstrap(candidate, baseline, { seed: -3 }), /seed must be an integer/);
  });
});
