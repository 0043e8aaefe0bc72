import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { prepareBootstrap } from '../../../../core/metrics/bootstrap/bootstrap-plan.js';
import { bootstrapReplicates } from '../../../../core/metrics/bootstrap/bootstrap-replicates.js';
import { summarizeBootstrap } from '../../../../core/metrics/bootstrap/summarize-bootstrap.js';
import { Xoshiro128 } from '../../../../core/metrics/bootstrap/xoshiro128.js';
import { TASK_METRICS } from '../../../../core/metrics/metric-catalog.js';
import { drawPair, populationMetrics, type Population } from './coverage-population.js';

// How often the 95% paired-bootstrap interval covers the true difference of every binary metric
// (issue #12: 93–97% of draws). Each draw is a fresh holdout of ROWS rows from a population whose
// metrics are known exactly (coverage-population.ts); DRAWS draws give the coverage to ±1 point
// (one standard error). ROWS is a small holdout, where the percentile interval is furthest from its
// nominal level; RESAMPLES is fewer than the default 1,000 to keep the test under 20 s on 2 cores —
// fewer resamples only add Monte Carlo noise to the endpoints, which lowers the coverage, so passing
// with fewer is the stricter test.
const DRAWS = 500;
const ROWS = 1000;
const RESAMPLES = 400;
const POPULATION: Population = { positiveRate: 0.4, separation: [1.6, 1.3], correlation: 0.7 };

describe('paired bootstrap coverage', () => {
  it(`95% intervals cover the true difference in 93–97% of ${DRAWS} draws, for every binary metric`, (t) => {
    const candidate = populationMetrics(POPULATION.positiveRate, POPULATION.separation[0]);
    const baseline = populationMetrics(POPULATION.positiveRate, POPULATION.separation[1]);
    const metrics = TASK_METRICS.binary;
    const covered = new Map(metrics.map((m) => [m, 0]));
    const random = new Xoshiro128([20, 26, 11, 29]);
    for (let draw = 0; draw < DRAWS; draw++) {
      const plan = prepareBootstrap(...drawPair(POPULATION, ROWS, random));
      const intervals = summarizeBootstrap(plan, bootstrapReplicates(plan, draw, 0, RESAMPLES), 0.95);
      for (const metric of metrics) {
        const interval = intervals[metric];
        assert.ok(interval && 'low' in interval, `${metric}: ${JSON.stringify(interval)}`);
        const truth = candidate[metric]! - baseline[metric]!;
        if (interval.low <= truth && truth <= interval.high) covered.set(metric, covered.get(metric)! + 1);
      }
    }
    const coverage = metrics.map((m) => [m, (100 * covered.get(m)!) / DRAWS] as const);
    t.diagnostic(`coverage: ${coverage.map(([m, c]) => `${m} ${c.toFixed(1)}%`).join(', ')}`);
    for (const [metric, percent] of coverage) {
      assert.ok(
        percent >= 93 && percent <= 97,
        `${metric}: the 95% interval covered the truth in ${percent}% of draws`,
      );
    }
  });
});
