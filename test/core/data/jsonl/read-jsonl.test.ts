import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { openDataset } from '../../../../core/data/open-dataset.js';
import type { OpenOptions } from '../../../../core/data/types.js';
import { isUserError, type UserError } from '../../../../core/errors.js';
import { memoryFile } from '../../../support/memory-file.js';
import { readRows } from '../../../support/read-rows.js';

async function read(
  content: string | Uint8Array,
  options: OpenOptions = {},
  name = 'data.jsonl',
  chunkBytes?: number,
) {
  const stream = await openDataset([memoryFile(name, content, chunkBytes)], options);
  return { names: stream.schema.names, ...(await readRows(stream)) };
}

async function readError(content: string | Uint8Array, options: OpenOptions = {}) {
  const error = await read(content, options).then(
    () => assert.fail('expected the read to fail'),
    (e: unknown) => e,
  );
  assert.ok(isUserError(error), String(error));
  return error as UserError;
}

const LINES = [
  '{"id": 1, "score": 0.5, "ok": true, "at": "2024-01-31T12:00:00Z", "tags": ["a", "b"], "city": "Lyon"}',
  '',
  '{"id": 2, "score": 2, "ok": false, "at": "2024-02-01", "tags": null, "city": "Paris", "extra": {"k": 1}}\r',
  '{"id": 3, "ok": null, "at": null, "city": "Zürich"}',
].join('\n');

describe('JSON Lines reader', () => {
  test('integer literals beyond ±2^53 are read as their text, every digit kept, never rounded', async () => {
    const jsonl = [
      '{"id": 12345678901234567891, "f": 12345678901234567891.5, "s": "99999999999999999999", "a": [9007199254740993]}',
      '{"id": -9007199254740993, "f": 1e20, "s": "\\" 12345678901234567891", "a": null}',
    ].join('\n');
    const { rows, types } = await read(jsonl);
    assert.deepEqual(types, [['string', 'float', 'string', 'string']]);
    assert.deepEqual(rows, [
      {
        id: '12345678901234567891',
        f: Number('12345678901234567891.5'),
        s: '99999999999999999999',
        a: '["9007199254740993"]',
      },
      { id: '-9007199254740993', f: 1e20, s: '" 12345678901234567891', a: null },
    ]);
  });

  for (const chunkBytes of [1, 5, 1 << 16]) {
    test(`types, missing keys, nested values, blank lines and CRLF (chunks of ${chunkBytes} bytes)`, async () => {
      const { names, rows, lines, types } = await read(LINES, {}, 'data.jsonl', chunkBytes);
      assert.deepEqual(names, ['id', 'score', 'ok', 'at', 'tags', 'city', 'extra']);
      assert.deepEqual(types, [['integer', 'float', 'boolean', 'timestamp', 'string', 'string', 'string']]);
      assert.deepEqual(rows[0], {
        id: 1,
        score: 0.5,
        ok: true,
        at: '2024-01-31T12:00:00.000Z',
        tags: '["a","b"]',
        city: 'Lyon',
        extra: null,
      });
      assert.deepEqual(rows[2], {
        id: 3,
        score: null,
        ok: null,
        at: null,
        tags: null,
        city: 'Zürich',
        extra: null,
      });
      assert.equal(rows[1]!.extra, '{"k":1}');
      assert.deepEqual(lines, [1, 3, 4]);
    });
  }

  test('types widen across batches; mixed kinds in one batch become text', async () => {
    const { types, rows } = await read('{"a": 1, "b": 1}\n{"a": 2, "b": "x"}\n{"a": 2.5, "b": true}\n', {
      batchRows: 1,
    });
    assert.deepEqual(
      types.map((t) => t.join('/')),
      ['integer/integer', 'integer/string', 'float/string'],
    );
    assert.deepEqual(
      rows.map((r) => r.b),
      [1, 'x', 'true'],
    );
  });

  test('forced types, restricted columns, gzip', async () => {
    const forced = await read('{"zip": 2134, "n": "7"}\n', { columnTypes: { zip: 'string', n: 'integer' } });
    assert.deepEqual(forced.rows, [{ zip: '2134', n: 7 }]);
    const error = await readError('{"n": 1}\n{"n": "x"}\n', { columnTypes: { n: 'integer' } });
    assert.deepEqual(error.location, { file: 'data.jsonl', line: 2, field: 'n' });
    // Text forced to a number is a decimal as written: not hex, nor an integer rounded past 2^53.
    for (const text of ['0x10', '0b1', '1_000', '12345678901234567891'])
      assert.match(
        (await readError(`{"n": "${text}"}\n`, { columnTypes: { n: 'integer' } })).message,
        /is not an integer/,
      );
    const floats = await read('{"n": " 1e3 "}\n{"n": "-.5"}\n', { columnTypes: { n: 'float' } });
    assert.deepEqual(floats.rows, [{ n: 1000 }, { n: -0.5 }]);
    const some = await read('{"a": 1, "b": 2}\n', { columns: ['b'] });
    assert.deepEqual(some.rows, [{ a: null, b: 2 }]);
    const gz = await read(gzipSync('{"a": 1}\n'), {}, 'data.ndjson.gz');
    assert.deepEqual(gz.rows, [{ a: 1 }]);
  });

  test('errors name the file and line', async () => {
    const invalid = await readError('{"a": 1}\n\n{"a": 2,}\n');
    assert.deepEqual(invalid.location, { file: 'data.jsonl', line: 3 });
    assert.match(invalid.message, /not valid JSON/);
    assert.match((await readError('{"a": 1}\n[1, 2]\n')).message, /must be a JSON object/);
    const late = await readError('{"a": 1}\n{"a": 2, "b": 3}\n', { batchRows: 1 });
    assert.deepEqual(late.location, { file: 'data.jsonl', line: 2, field: 'b' });
    const bytes = new Uint8Array([...new TextEncoder().encode('{"a": "ok"}\n{"a": "'), 0xff, 0x22, 0x7d, 10]);
    assert.equal((await readError(bytes)).location.line, 2);
    assert.match((await readError('\n \n')).message, /no rows/);
  });
});
