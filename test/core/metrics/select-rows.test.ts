import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeMetrics } from '../../../core/metrics/compute-metrics.js';
import type { Predictions } from '../../../core/metrics/predictions.js';
import { selectRows } from '../../../core/metrics/select-rows.js';

const binary: Predictions = {
  task: 'binary',
  classes: ['no', 'yes'],
  actual: Uint8Array.from([0, 1, 1, 0, 1]),
  score: Float64Array.from([0.1, 0.9, 0.4, 0.6, 0.8]),
  predicted: Uint8Array.from([0, 1, 0, 1, 1]),
};
const multiclass: Predictions = {
  task: 'multiclass',
  classes: ['a', 'b', 'c'],
  actual: Int32Array.from([0, 1, 2, 1]),
  probabilities: Float64Array.from([0.7, 0.2, 0.1, 0.1, 0.8, 0.1, 0.3, 0.3, 0.4, 0.5, 0.4, 0.1]),
  predicted: Int32Array.from([0, 1, 2, 0]),
};
const regression: Predictions = {
  task: 'regression',
  actual: Float64Array.from([1, 2, 3, 4]),
  predicted: Float64Array.from([1.5, 2, 2.5, 5]),
};

describe('selectRows', () => {
  it('takes the rows of a binary holdout in the order given, repeats included', () => {
    assert.deepEqual(selectRows(binary, Int32Array.from([4, 1, 1])), {
      task: 'binary',
      classes: ['no', 'yes'],
      actual: Uint8Array.from([1, 1, 1]),
      score: Float64Array.from([0.8, 0.9, 0.9]),
      predicted: Uint8Array.from([1, 1, 1]),
    });
  });

  it("takes each multiclass row's probabilities with it", () => {
    assert.deepEqual(selectRows(multiclass, Int32Array.from([3, 0])), {
      task: 'multiclass',
      classes: ['a', 'b', 'c'],
      actual: Int32Array.from([1, 0]),
      probabilities: Float64Array.from([0.5, 0.4, 0.1, 0.7, 0.2, 0.1]),
      predicted: Int32Array.from([0, 0]),
    });
  });

  it('takes regression rows', () => {
    assert.deepEqual(selectRows(regression, Int32Array.from([2])), {
      task: 'regression',
      actual: Float64Array.from([3]),
      predicted: Float64Array.from([2.5]),
    });
  });

  it('gives the metrics of a slice equal to those of the slice built by hand', () => {
    const slice = selectRows(binary, Int32Array.from([1, 2, 3]));
    assert.deepEqual(
      computeMetrics(slice),
      computeMetrics({
        task: 'binary',
        classes: ['no', 'yes'],
        actual: Uint8Array.from([1, 1, 0]),
        score: Float64Array.from([0.9, 0.4, 0.6]),
        predicted: Uint8Array.from([1, 0, 1]),
      }),
    );
  });

  it('copies, so reordering a slice leaves the holdout alone', () => {
    const slice = selectRows(regression, Int32Array.from([0, 1, 2, 3]));
    (slice.actual as Float64Array).reverse();
    assert.deepEqual(regression.actual, Float64Array.from([1, 2, 3, 4]));
  });

  it('refuses a row outside the holdout', () => {
    assert.throws(() => selectRows(binary, Int32Array.from([5])), /row index 5 outside the 5 rows/);
    assert.throws(() => selectRows(binary, Int32Array.from([-1])), /row index -1/);
  });
});
