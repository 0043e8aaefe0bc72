import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { prepareBootstrap } from '../../../core/metrics/bootstrap/bootstrap-plan.js';
import { bootstrapReplicates } from '../../../core/metrics/bootstrap/bootstrap-replicates.js';
import { Xoshiro128 } from '../../../core/metrics/bootstrap/xoshiro128.js';
import type { Predictions } from '../../../core/metrics/predictions.js';
import { startBootstrapThreads } from '../../../platform/bootstrap/bootstrap-threads.js';
import { drawPair } from '../../core/metrics/bootstrap/coverage-population.js';

const random = new Xoshiro128([9, 8, 7, 6]);
const uniform = () => random.next() / 4294967296;

function multiclassPair(n: number): [Predictions, Predictions] {
  const actual = Int32Array.from({ length: n }, () => Math.floor(uniform() * 3));
  const model = (skill: number): Predictions => {
    const probabilities = new Float64Array(n * 3);
    const predicted = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const raw = [0, 1, 2].map((c) => (c === actual[i] ? skill : 0) + uniform());
      const sum = raw[0]! + raw[1]! + raw[2]!;
      raw.forEach((v, c) => (probabilities[i * 3 + c] = Math.round((100 * v) / sum) / 100));
      predicted[i] = raw.indexOf(Math.max(...raw));
    }
    return { task: 'multiclass', classes: ['a', 'b', 'c'], actual, probabilities, predicted };
  };
  return [model(0.9), model(0.6)];
}

function regressionPair(n: number): [Predictions, Predictions] {
  const actual = Float64Array.from({ length: n }, () => 10 * uniform());
  const model = (noise: number): Predictions => ({
    task: 'regression',
    actual,
    predicted: actual.map((y) => y + noise * (uniform() - 0.5)),
  });
  return [model(1), model(2)];
}

const population = { positiveRate: 0.3, separation: [1.4, 1.1] as [number, number], correlation: 0.6 };
const PAIRS: [string, Predictions, Predictions][] = [
  ['binary', ...drawPair(population, 3000, new Xoshiro128([2, 4, 6, 8]))],
  ['multiclass', ...multiclassPair(500)],
  ['regression', ...regressionPair(500)],
];

describe('the paired bootstrap on worker threads', () => {
  const threads = startBootstrapThreads(2);
  const three = startBootstrapThreads(3);
  after(() => Promise.all([threads.close(), three.close()]));

  for (const [task, candidate, baseline] of PAIRS) {
    it(`${task}: bit-identical to one thread, whatever the number of threads and resamples`, async () => {
      const plan = prepareBootstrap(candidate, baseline);
      for (const resamples of [1, 7, 203]) {
        const alone = bootstrapReplicates(plan, 17, 0, resamples);
        assert.deepEqual(await threads.replicates(plan, 17, resamples), alone, `2 threads, ${resamples}`);
        assert.deepEqual(await three.replicates(plan, 17, resamples), alone, `3 threads, ${resamples}`);
      }
    });
  }

  it('serves calls one after another, each with its own plan and seed', async () => {
    const plans = PAIRS.map(([, a, b]) => prepareBootstrap(a, b));
    const results = await Promise.all(plans.map((plan, i) => threads.replicates(plan, i, 50)));
    plans.forEach((plan, i) => assert.deepEqual(results[i], bootstrapReplicates(plan, i, 0, 50)));
  });

  it('refuses a seed or a count out of range before any thread works, and goes on serving', async () => {
    const plan = prepareBootstrap(PAIRS[0]![1], PAIRS[0]![2]);
    assert.throws(() => threads.replicates(plan, -1, 10), /seed must be an integer from 0 to 4294967295/);
    assert.throws(() => threads.replicates(plan, 0, 0), /resamples must be a positive integer/);
    assert.deepEqual(await threads.replicates(plan, 3, 9), bootstrapReplicates(plan, 3, 0, 9));
  });

  it("a thread's failure rejects the call with the thread's error; the threads go on serving", async () => {
    const plan = prepareBootstrap(PAIRS[0]![1], PAIRS[0]![2]);
    // Rankings a thread cannot evaluate: every range fails there.
    const broken = { ...plan, data: { ...plan.data, rankings: { ...plan.data.rankings, candidate: null } } };
    await assert.rejects(
      threads.replicates(broken as unknown as typeof plan, 1, 100),
      /a bootstrap thread failed: .*null/,
    );
    assert.deepEqual(await threads.replicates(plan, 1, 100), bootstrapReplicates(plan, 1, 0, 100));
  });

  it('one thread computes on the calling thread', async () => {
    const alone = startBootstrapThreads(1);
    const plan = prepareBootstrap(PAIRS[2]![1], PAIRS[2]![2]);
    assert.deepEqual(await alone.replicates(plan, 5, 20), bootstrapReplicates(plan, 5, 0, 20));
    await alone.close();
    assert.throws(() => startBootstrapThreads(0), /positive integer count/);
  });
});
