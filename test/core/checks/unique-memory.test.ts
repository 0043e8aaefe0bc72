import assert from 'node:assert/strict';
import { it } from 'node:test';
import { UniqueCheck } from '../../../core/checks/kinds/unique.js';
import type { Batch } from '../../../core/data/types.js';

it('unique over 2,000,000 integers stays compact (typed arrays, no per-value objects)', () => {
  const rows = 2_000_000;
  const batchRows = 65_536;
  const check = new UniqueCheck({ check: 'unique', column: 'id', severity: 'error' }, 5);
  const heapBefore = process.memoryUsage().heapUsed;
  for (let start = 0; start < rows; start += batchRows) {
    const length = Math.min(batchRows, rows - start);
    const values = new Float64Array(length);
    // Every id once, scrambled, plus one repeat at the very end.
    for (let i = 0; i < length; i++) values[i] = ((start + i) * 2_654_435_761) % 4_294_967_311;
    if (start + length === rows) values[length - 1] = values[0]!;
    const batch: Batch = {
      source: 'ids.csv',
      rowOffset: start,
      length,
      lines: Float64Array.from({ length }, (_, i) => start + i + 2),
      columns: [{ type: 'integer', values, valid: new Uint8Array(length).fill(1), nullCount: 0 }],
    };
    check.add(batch, batch.columns);
  }
  const heapGrowth = process.memoryUsage().heapUsed - heapBefore;
  const outcome = check.finish();
  assert.equal(outcome.unexpectedCount, 2);
  assert.deepEqual(
    outcome.examples.map((e) => [e.row, e.line]),
    [[rows, rows + 1]],
  );
  // 2^22 slots × 9 bytes: under 20 bytes per key, where a Set of numbers takes about 40.
  assert.ok(check.byteLength <= 40 * 1024 * 1024, `${check.byteLength} bytes`);
  assert.ok(heapGrowth < 16 * 1024 * 1024, `JS heap grew by ${heapGrowth} bytes`);
});
