import assert from 'node:assert/strict';
import { test } from 'node:test';
import { betweenCheck } from '../../../core/checks/kinds/between.js';
import type { Batch } from '../../../core/data/types.js';

function batch(rowOffset: number, values: (number | null)[]): Batch {
  return {
    source: 'd.csv',
    rowOffset,
    length: values.length,
    lines: Float64Array.from(values, (_, i) => rowOffset + i + 2),
    columns: [
      {
        type: 'float',
        values: Float64Array.from(values, (v) => v ?? 0),
        valid: Uint8Array.from(values, (v) => (v === null ? 0 : 1)),
        nullCount: values.filter((v) => v === null).length,
      },
    ],
  };
}

test('failing examples are the failing rows of each batch, never a missing row', () => {
  const check = betweenCheck(
    {
      check: 'between',
      column: 'x',
      min: 0,
      max: 1,
      'strict-min': false,
      'strict-max': false,
      mostly: 1,
      severity: 'error',
    },
    10,
  );
  // Row 1 of the first batch fails; in the second batch that position is missing, and row 3 fails.
  for (const b of [batch(0, [0.5, 7, 0.5, 0.5]), batch(4, [0.5, null, 0.5, 9])]) check.add(b, b.columns);
  const outcome = check.finish();
  assert.ok(!('notApplicable' in outcome));
  assert.deepEqual(
    outcome.examples.map((e) => [e.row, e.value]),
    [
      [2, 7],
      [8, 9],
    ],
  );
  assert.equal(outcome.unexpectedCount, 2);
});
