import { sortedQuantile } from '../../numeric/sorted-quantile.js';
import type { MetricName } from '../metric-catalog.js';
import type { DifferenceInterval, NotComputable } from '../metric-value.js';
import type { BootstrapPlan } from './bootstrap-plan.js';
import { NOT_COMPUTABLE_WHEN } from './not-computable-reasons.js';

/** A difference with its bootstrap interval, and how many resamples the interval rests on. */
export interface BootstrapDifference extends DifferenceInterval {
  /** Resamples in which the metric was computable for both models (the interval's replicates). */
  resamples: number;
  /** Resamples left out because the metric was not computable on them for one model or both. */
  skipped: number;
}

/**
 * The largest share of resamples that may be left out, as a fraction of 1 − confidence. Leaving out a
 * share s of the replicates can move each percentile endpoint's tail probability by at most s (all
 * of them might have fallen in one tail), so the coverage by at most 2s: at 1/5 of 1 − confidence
 * that is ±2 points at 95%, the same tolerance the coverage test allows the whole method.
 */
export const MAX_SKIPPED_SHARE_OF_ALPHA = 1 / 5;

/**
 * Each asked metric's candidate − baseline on the whole holdout, with the percentile bootstrap
 * interval at `confidence`: the (1 − confidence)/2 and (1 + confidence)/2 quantiles (numpy's linear
 * interpolation) of the replicate differences. Efron's percentile interval, not BCa: BCa's
 * acceleration needs a jackknife over the rows (n more evaluations of every metric, 10⁶ passes for a
 * million rows) and the coverage test shows the percentile interval already covers the true
 * difference at the nominal rate for these metrics.
 */
export function summarizeBootstrap(
  plan: BootstrapPlan,
  replicates: Float64Array,
  confidence: number,
): Partial<Record<MetricName, BootstrapDifference | NotComputable>> {
  const m = plan.metrics.length;
  if (m === 0) return {};
  if (replicates.length % m !== 0) throw new RangeError('the replicates are not whole resamples of the plan');
  const total = replicates.length / m;
  const result: Partial<Record<MetricName, BootstrapDifference | NotComputable>> = {};
  plan.metrics.forEach((metric, j) => {
    const slot = plan.slots[j]!;
    const candidate = plan.point.candidate[slot]!;
    const baseline = plan.point.baseline[slot]!;
    const sides = [
      ['candidate', candidate],
      ['baseline', baseline],
    ] as const;
    for (const [side, value] of sides) {
      if (Number.isNaN(value)) {
        const why = plan.unusable(side, metric) ?? NOT_COMPUTABLE_WHEN[metric];
        result[metric] = { notComputable: `${metric} is not computable for the ${side}: ${why}` };
        return;
      }
    }
    const values = new Float64Array(total);
    let kept = 0;
    for (let i = 0; i < total; i++) {
      const d = replicates[i * m + j]!;
      if (!Number.isNaN(d)) values[kept++] = d;
    }
    const skipped = total - kept;
    const limit = MAX_SKIPPED_SHARE_OF_ALPHA * (1 - confidence) * total;
    if (kept === 0 || skipped > limit) {
      result[metric] = {
        notComputable:
          `${metric} is not computable in ${skipped} of ${total} resamples (${percent(skipped / total)}): ` +
          `resampling the rows with replacement often leaves a set on which ${NOT_COMPUTABLE_WHEN[metric]}; ` +
          `an interval over the rest would be unreliable beyond ${percent(limit / total)} left out`,
      };
      return;
    }
    const sorted = values.subarray(0, kept).sort();
    result[metric] = {
      difference: candidate - baseline,
      low: sortedQuantile(sorted, (1 - confidence) / 2),
      high: sortedQuantile(sorted, (1 + confidence) / 2),
      confidence,
      resamples: kept,
      skipped,
    };
  });
  return result;
}

function percent(share: number): string {
  return `${(100 * share).toFixed(1).replace(/\.0$/, '')}%`;
}
