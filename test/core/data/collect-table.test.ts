import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectTable } from '../../../core/data/collect-table.js';
import { openDataset } from '../../../core/data/open-dataset.js';
import { memoryFile } from '../../support/memory-file.js';
import { valueAt } from '../../support/read-rows.js';

test('collectTable joins batches and files into one chunk per column, widening types', async () => {
  const stream = await openDataset(
    [memoryFile('a.csv', 'n,s,f\n1,x,1\n2,y,2\n'), memoryFile('b.csv', 'n,s,f\n3,2.5,1.5\n,z,\n')],
    { batchRows: 1 },
  );
  const table = await collectTable(stream);
  assert.equal(table.rowCount, 4);
  assert.deepEqual(
    table.columns.map((c) => c.type),
    ['integer', 'string', 'float'],
  );
  const column = (c: number) => Array.from({ length: 4 }, (_, i) => valueAt(table.columns[c]!, i));
  assert.deepEqual(column(0), [1, 2, 3, null]);
  assert.deepEqual(column(1), ['x', 'y', '2.5', 'z']);
  assert.deepEqual(column(2), [1, 2, 1.5, null]);
  assert.equal(table.columns[0]!.nullCount, 1);
});

test('several files stream as one dataset: row offsets continue and batches name their file', async () => {
  const stream = await openDataset([memoryFile('a.csv', 'n\n1\n2\n'), memoryFile('b.csv', 'n\n3\n')]);
  const seen: [string, number, number][] = [];
  for await (const batch of stream.batches()) seen.push([batch.source, batch.rowOffset, batch.length]);
  assert.deepEqual(seen, [
    ['a.csv', 0, 2],
    ['b.csv', 2, 1],
  ]);
});
