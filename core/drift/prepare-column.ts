import { UserError } from '../errors.js';
import type { ColumnSample } from './column-sample.js';
import type { DriftColumnKind, DriftHistogram } from './drift-result.js';
import { MAX_CATEGORICAL_DISTINCT, MAX_DISTINCT_UNBINNED } from './drift-defaults.js';
import type { PreparedColumn } from './drift-tests.js';
import { binEdges, sortedHistogramCounts, sturgesBins } from './numpy-histogram.js';

const MAX_DISPLAY_BINS = 30;

/** A column ready for testing: its kind, sorted numbers or category counts, and the chart data. */
export interface Column extends PreparedColumn {
  kind: DriftColumnKind;
  /** Distinct reference values (what kind inference and binning depend on). */
  referenceDistinct: number;
  /** Distinct values over both sides together (what Evidently's default test depends on). */
  distinctInBoth: number;
  histogram: DriftHistogram;
}

function countDistinct(sorted: Float64Array): number {
  let distinct = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct++;
  return distinct;
}

/** Distinct values of two ascending arrays taken together (a merge, no allocation). */
function countDistinctInBoth(a: Float64Array, b: Float64Array): number {
  let distinct = 0;
  let last = NaN;
  for (let i = 0, j = 0; i < a.length || j < b.length;) {
    const next = j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i++]! : b[j++]!;
    if (next !== last) distinct++;
    last = next;
  }
  return distinct;
}

/** Category counts of a sample: its own, or its numbers as labels (a numeric column compared as categories). */
function categoriesOf(sample: ColumnSample, sorted: Float64Array | undefined): Map<string, number> {
  if (sample.categories) return sample.categories;
  const counts = new Map<string, number>();
  const values = sorted ?? new Float64Array(0);
  for (let i = 0; i < values.length;) {
    let j = i;
    while (j < values.length && values[j] === values[i]) j++;
    counts.set(String(values[i]), j - i);
    i = j;
  }
  return counts;
}

function alignedCounts(ref: Map<string, number>, cur: Map<string, number>) {
  // Categories ordered by reference frequency, so the first is the commonest (the z-test's "success").
  const labels = [...new Set([...ref.keys(), ...cur.keys()])].sort(
    (a, b) =>
      (ref.get(b) ?? 0) - (ref.get(a) ?? 0) || (cur.get(b) ?? 0) - (cur.get(a) ?? 0) || (a < b ? -1 : 1),
  );
  return {
    labels,
    reference: Float64Array.from(labels, (l) => ref.get(l) ?? 0),
    current: Float64Array.from(labels, (l) => cur.get(l) ?? 0),
  };
}

/** Top categories for a chart, the rest summed as one bar. */
function categoryHistogram(counts: ReturnType<typeof alignedCounts>): DriftHistogram {
  const { labels, reference, current } = counts;
  if (labels.length <= MAX_DISPLAY_BINS) {
    return { axis: 'categories', labels, reference: [...reference], current: [...current] };
  }
  const keep = MAX_DISPLAY_BINS - 1;
  const rest = (values: Float64Array) => values.subarray(keep).reduce((a, b) => a + b, 0);
  return {
    axis: 'categories',
    labels: [...labels.slice(0, keep), `${labels.length - keep} others`],
    reference: [...reference.subarray(0, keep), rest(reference)],
    current: [...current.subarray(0, keep), rest(current)],
  };
}

/**
 * Prepares one column of both sides. Numeric samples are sorted once (radix sort) and shared by every
 * test and summary; frequency tests see categories, or equal-width bins (numpy's Sturges edges over
 * both sides) when a numeric column has more than 20 distinct reference values.
 */
export function prepareColumn(
  name: string,
  reference: ColumnSample,
  current: ColumnSample,
  kindOverride: DriftColumnKind | undefined,
  /** Where to put each side's doubles (reused column after column), or new arrays. */
  buffers?: { reference: Float64Array; current: Float64Array },
): Column {
  const bothNumeric = reference.numbers !== undefined && current.numbers !== undefined;
  // Doubles for this column only, sorted once and shared by every test and summary.
  const refSorted = reference.numbers?.sortedDoubles(buffers?.reference);
  const curSorted = current.numbers?.sortedDoubles(buffers?.current);
  const referenceDistinct = refSorted ? countDistinct(refSorted) : (reference.categories?.size ?? 0);
  const inferred: DriftColumnKind =
    bothNumeric && !(reference.dataType === 'integer' && referenceDistinct <= MAX_CATEGORICAL_DISTINCT)
      ? 'numerical'
      : 'categorical';
  const kind = kindOverride ?? inferred;
  if (kind === 'numerical' && !bothNumeric) {
    throw new UserError('config', `column "${name}" is set to kind numerical, but it holds text`, {
      field: `drift.columns.${name}.kind`,
    });
  }

  if (kind === 'categorical') {
    const counts = alignedCounts(categoriesOf(reference, refSorted), categoriesOf(current, curSorted));
    return {
      kind,
      referenceDistinct,
      distinctInBoth: counts.labels.length,
      counts: () => counts,
      histogram: categoryHistogram(counts),
      ...(refSorted && curSorted ? { reference: refSorted, current: curSorted } : {}),
    };
  }

  const ref = refSorted!;
  const cur = curSorted!;
  let binned: { reference: Float64Array; current: Float64Array } | undefined;
  const counts = () => {
    if (binned) return binned;
    if (referenceDistinct > MAX_DISTINCT_UNBINNED) {
      const edges = binEdges(
        Math.min(ref[0]!, cur[0]!),
        Math.max(ref.at(-1)!, cur.at(-1)!),
        sturgesBins(ref.length + cur.length),
      );
      binned = { reference: sortedHistogramCounts(ref, edges), current: sortedHistogramCounts(cur, edges) };
    } else {
      const aligned = alignedCounts(categoriesOf(reference, ref), categoriesOf(current, cur));
      binned = { reference: aligned.reference, current: aligned.current };
    }
    return binned;
  };
  const displayEdges = binEdges(
    Math.min(ref[0]!, cur[0]!),
    Math.max(ref.at(-1)!, cur.at(-1)!),
    Math.min(MAX_DISPLAY_BINS, sturgesBins(ref.length + cur.length)),
  );
  return {
    kind,
    referenceDistinct,
    distinctInBoth: countDistinctInBoth(ref, cur),
    reference: ref,
    current: cur,
    counts,
    histogram: {
      axis: 'bins',
      edges: [...displayEdges],
      reference: [...sortedHistogramCounts(ref, displayEdges)],
      current: [...sortedHistogramCounts(cur, displayEdges)],
    },
  };
}
