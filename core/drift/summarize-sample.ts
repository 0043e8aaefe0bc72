import { sortedMedian, sortedQuantile } from '../numeric/sorted-quantile.js';
import { pairwiseSum } from '../numeric/pairwise-sum.js';
import type { SampleSummary } from './drift-result.js';
import type { ColumnSample } from './column-sample.js';

const TOP_CATEGORIES = 5;

/** Describes one side of a column: pandas' describe() for numbers, the commonest values for categories. */
export function summarizeSample(sample: ColumnSample, sorted: Float64Array | undefined): SampleSummary {
  const summary: SampleSummary = { rows: sample.rows, missing: sample.missing };
  if (sorted && sorted.length > 0) {
    const n = sorted.length;
    const mean = pairwiseSum(sorted) / n;
    let squares = 0;
    for (let i = 0; i < n; i++) squares += (sorted[i]! - mean) ** 2;
    Object.assign(summary, {
      mean,
      std: n > 1 ? Math.sqrt(squares / (n - 1)) : 0,
      min: sorted[0]!,
      p25: sortedQuantile(sorted, 0.25),
      median: sortedMedian(sorted),
      p75: sortedQuantile(sorted, 0.75),
      max: sorted[n - 1]!,
    });
  }
  const categories = sample.categories;
  if (categories) {
    summary.distinct = categories.size;
    summary.top = [...categories]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, TOP_CATEGORIES)
      .map(([value, count]) => ({ value, count }));
  }
  return summary;
}
