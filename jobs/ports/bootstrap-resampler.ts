import type { BootstrapPlan } from '../../core/metrics/bootstrap/bootstrap-plan.js';

/**
 * Where the paired bootstrap's resamples are computed: the replicates of resamples [0, resamples) for
 * `seed`, bit-identical to `bootstrapReplicates(plan, seed, 0, resamples)` on one thread (the
 * platform spreads them over worker threads).
 */
export interface BootstrapResampler {
  replicates(plan: BootstrapPlan, seed: number, resamples: number): Promise<Float64Array>;
}
