import { sortedQuantile } from '../../core/numeric/sorted-quantile.js';
import type { LatencyResult } from '../../core/evaluate/evaluation-result.js';
import type { Tensor } from '../../core/evaluate/tensor.js';
import type { Machine } from '../ports/machine.js';
import type { LoadedModel } from '../ports/model-runtime.js';

/** Runs before timing, so the first calls' allocation and graph preparation are not counted. */
const WARM_UP = 20;

/**
 * What a latency SLA asks: how long one prediction takes. Each sample row runs alone, after a
 * warm-up, one after another (no concurrency), as a service answering one request would.
 */
export async function measureLatency(
  model: LoadedModel,
  rows: readonly Record<string, Tensor>[],
  fetch: readonly string[],
  machine: Machine,
  batch: { rows: number; ms: number; batchRows: number; runtime: string },
): Promise<LatencyResult> {
  for (let i = 0; i < Math.min(WARM_UP, rows.length * 4); i++) await model.run(rows[i % rows.length]!, fetch);
  const times = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const started = machine.now();
    await model.run(rows[i]!, fetch);
    times[i] = machine.now() - started;
  }
  times.sort();
  return {
    p50: sortedQuantile(times, 0.5),
    p95: sortedQuantile(times, 0.95),
    p99: sortedQuantile(times, 0.99),
    sample: rows.length,
    throughput: batch.ms > 0 ? batch.rows / (batch.ms / 1000) : 0,
    batchRows: batch.batchRows,
    cpu: machine.cpu(),
    runtime: batch.runtime,
  };
}
