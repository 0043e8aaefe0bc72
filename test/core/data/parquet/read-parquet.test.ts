import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { openDataset } from '../../../../core/data/open-dataset.js';
import type { OpenOptions } from '../../../../core/data/types.js';
import type { UserError } from '../../../../core/errors.js';
import { memoryFile } from '../../../support/memory-file.js';
import { readRows } from '../../../support/read-rows.js';

const AT = [
  Date.UTC(2024, 0, 31, 12),
  Date.UTC(2024, 1, 1),
  Date.UTC(2025, 5, 30, 23, 59, 59, 999),
  Date.UTC(1999, 11, 31),
];

function parquetFile(codec: 'SNAPPY' | 'UNCOMPRESSED' = 'SNAPPY', rowGroupSize = 3) {
  const buffer = parquetWriteBuffer({
    codec,
    rowGroupSize,
    columnData: [
      { name: 'id', data: [1, 2, 3, 4], type: 'INT32', nullable: false },
      { name: 'big', data: [10n, -20n, 9007199254740991n, null], type: 'INT64' },
      { name: 'score', data: [0.5, null, -1.25, 1e300], type: 'DOUBLE' },
      { name: 'flag', data: [true, false, null, true], type: 'BOOLEAN' },
      { name: 'city', data: ['Lyon', 'Zürich', null, 'Lyon'], type: 'STRING' },
      { name: 'at', data: AT.map((t) => new Date(t)), type: 'TIMESTAMP' },
    ],
  });
  return new Uint8Array(buffer);
}

async function read(bytes: Uint8Array, options: OpenOptions = {}) {
  const stream = await openDataset([memoryFile('data.parquet', bytes)], options);
  return { names: stream.schema.names, ...(await readRows(stream)) };
}

describe('Parquet reader', () => {
  for (const codec of ['SNAPPY', 'UNCOMPRESSED'] as const) {
    test(`types from the schema, nulls, row groups as batches (${codec})`, async () => {
      const { names, rows, types, lines, offsets } = await read(parquetFile(codec), { batchRows: 2 });
      assert.deepEqual(names, ['id', 'big', 'score', 'flag', 'city', 'at']);
      assert.deepEqual(types[0], ['integer', 'integer', 'float', 'boolean', 'string', 'timestamp']);
      // Row groups of 3 rows, batches of at most 2: [0,2) [2,3) [3,4).
      assert.deepEqual(offsets, [0, 2, 3]);
      assert.deepEqual(lines, [1, 2, 3, 4]);
      assert.deepEqual(
        rows.map((r) => [r.id, r.big, r.score, r.flag, r.city]),
        [
          [1, 10, 0.5, true, 'Lyon'],
          [2, -20, null, false, 'Zürich'],
          [3, 9007199254740991, -1.25, null, null],
          [4, null, 1e300, true, 'Lyon'],
        ],
      );
      assert.deepEqual(
        rows.map((r) => r.at),
        AT.map((t) => new Date(t).toISOString()),
      );
    });
  }

  test('only requested columns are decoded; forced types convert', async () => {
    const { rows } = await read(parquetFile(), { columns: ['city', 'id'], columnTypes: { id: 'string' } });
    assert.deepEqual(rows[1], { id: '2', big: null, score: null, flag: null, city: 'Zürich', at: null });
  });

  test('integers beyond 2^53 are read as text, every digit kept; files that are not Parquet are data errors', async () => {
    const ids = [1n, 1234567890123456789n, 1234567890123456790n, 5n];
    const huge = new Uint8Array(
      parquetWriteBuffer({ columnData: [{ name: 'n', data: ids, type: 'INT64' }], rowGroupSize: 2 }),
    );
    // The first batch holds small integers; from the batch holding one beyond 2^53 on, the column is text.
    const { rows, types } = await read(huge, { batchRows: 1 });
    assert.deepEqual(types, [['integer'], ['string'], ['string'], ['string']]);
    assert.deepEqual(
      rows.map((r) => r.n),
      [1, '1234567890123456789', '1234567890123456790', '5'],
    );
    const error = (await read(huge, { columnTypes: { n: 'integer' } }).catch((e: unknown) => e)) as UserError;
    assert.deepEqual(error.location, { file: 'data.parquet', line: 2, field: 'n' });
    assert.match(error.message, /beyond ±2\^53/);
    const notParquet = (await read(new TextEncoder().encode('a,b\n1,2\n')).catch(
      (e: unknown) => e,
    )) as UserError;
    assert.equal(notParquet.kind, 'data');
    assert.match(notParquet.message, /not a readable Parquet file/);
  });
});
