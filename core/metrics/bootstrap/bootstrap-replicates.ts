import type { BootstrapPlan } from './bootstrap-plan.js';
import { drawResampleCounts } from './resample-counts.js';
import { resampleStream } from './resample-stream.js';

/**
 * candidate − baseline of every asked metric for the resamples numbered [from, to): row-major,
 * (to − from) × plan.metrics.length values, NaN where the metric is not computable on that resample
 * for either model. Resample i draws its rows from its own stream (seed, i) and both models are
 * evaluated on the same drawn rows, so ranges computed anywhere (say one per worker thread) and
 * joined in order are bit-identical to the whole range computed at once. Allocates only once per
 * call: the row counts and two rows of metric values are reused by every resample.
 */
export function bootstrapReplicates(
  plan: BootstrapPlan,
  seed: number,
  from: number,
  to: number,
): Float64Array {
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to < from) {
    throw new RangeError(`resample range [${from}, ${to}) is not a range of resample indices`);
  }
  const m = plan.metrics.length;
  const out = new Float64Array((to - from) * m);
  const counts = new Int32Array(plan.rows);
  const candidate = new Float64Array(plan.width);
  const baseline = new Float64Array(plan.width);
  const { slots } = plan;
  for (let i = from; i < to; i++) {
    drawResampleCounts(resampleStream(seed, i), counts);
    plan.evaluate('candidate', counts, candidate);
    plan.evaluate('baseline', counts, baseline);
    const at = (i - from) * m;
    for (let j = 0; j < m; j++) out[at + j] = candidate[slots[j]!]! - baseline[slots[j]!]!;
  }
  return out;
}
