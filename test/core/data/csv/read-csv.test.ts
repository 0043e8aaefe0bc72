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
  name = 'data.csv',
  chunkBytes?: number,
) {
  const stream = await openDataset([memoryFile(name, content, chunkBytes)], options);
  return { names: stream.schema.names, ...(await readRows(stream)) };
}

async function readError(content: string | Uint8Array, options: OpenOptions = {}, name = 'data.csv') {
  try {
    await read(content, options, name);
  } catch (error) {
    assert.ok(isUserError(error), `expected a UserError, got ${String(error)}`);
    return error as UserError;
  }
  assert.fail('expected the read to fail');
}

const TRICKY = [
  '\uFEFFid,name,note,score\r\n',
  '1,"Smith, Jane","said ""hi""\r\nthen left",3.5\r\n',
  '2,Bob,,4\r\n',
  '\r\n',
  '3,"",plain,-0.25\r\n',
  '4,Émile,"multi\nline\nvalue",1e3',
].join('');

describe('CSV reader', () => {
  for (const chunkBytes of [1, 2, 3, 7, 1 << 16]) {
    test(`RFC 4180: quotes, escapes, embedded newlines, CRLF, BOM, blank lines (chunks of ${chunkBytes} bytes)`, async () => {
      const { names, rows, lines } = await read(TRICKY, {}, 'data.csv', chunkBytes);
      assert.deepEqual(names, ['id', 'name', 'note', 'score']);
      assert.deepEqual(rows, [
        { id: 1, name: 'Smith, Jane', note: 'said "hi"\r\nthen left', score: 3.5 },
        { id: 2, name: 'Bob', note: null, score: 4 },
        { id: 3, name: null, note: 'plain', score: -0.25 },
        { id: 4, name: 'Émile', note: 'multi\nline\nvalue', score: 1000 },
      ]);
      // Each row's line is the physical line its record starts on.
      assert.deepEqual(lines, [2, 4, 6, 7]);
    });
  }

  test('tab-separated files by extension, a custom delimiter and quote by option', async () => {
    assert.deepEqual((await read('a\tb\n1\tx,y\n', {}, 'data.tsv')).rows, [{ a: 1, b: 'x,y' }]);
    assert.deepEqual((await read("a;b\n'1;2';3\n", { csv: { delimiter: ';', quote: "'" } })).rows, [
      { a: '1;2', b: 3 },
    ]);
  });

  test('infers integer, float, boolean, timestamp and string; missing tokens are pandas defaults', async () => {
    const csv = [
      'i,f,b,t,s,m',
      '1,1.5,true,2024-01-31,x,NA',
      '-2,inf,FALSE,2024-01-31T12:00:00.250Z,y,',
      'NULL,1e-3,True,2024-02-01 06:30:00,z,#N/A',
      '',
    ].join('\n');
    const { rows, types } = await read(csv);
    assert.deepEqual(types, [['integer', 'float', 'boolean', 'timestamp', 'string', 'string']]);
    assert.deepEqual(rows[1], {
      i: -2,
      f: Infinity,
      b: false,
      t: '2024-01-31T12:00:00.250Z',
      s: 'y',
      m: null,
    });
    assert.equal(rows[2]!.i, null);
    assert.equal(rows[2]!.t, '2024-02-01T06:30:00.000Z', 'a naive time is UTC');
  });

  test('only the words true and false (in any case) are booleans, not bytes that fold onto them', async () => {
    // `trw%` and `falu%` once summed to the same letter code as `true` and `false`.
    const csv = 'a,b,c\ntrue,FALSE,True\nfalse,true,fAlSe\ntrw%,falu%,TRUE\n';
    const { rows, types } = await read(csv);
    assert.deepEqual(types, [['string', 'string', 'boolean']]);
    assert.deepEqual(rows[2], { a: 'trw%', b: 'falu%', c: true });
    const error = await readError('a\ntrue\ntrw%\n', { columnTypes: { a: 'boolean' } });
    assert.match(error.message, /"trw%" is not a boolean/);
    assert.equal(error.location?.line, 3);
  });

  test('integers beyond ±2^53 are read as text, every digit kept, never rounded', async () => {
    const csv =
      'id,small,f\n12345678901234567891,1,1.5\n12345678901234567892,9007199254740991,2\n-9007199254740993,3,1e20\n';
    const { rows, types } = await read(csv);
    assert.deepEqual(types, [['string', 'integer', 'float']]);
    assert.deepEqual(
      rows.map((r) => r.id),
      ['12345678901234567891', '12345678901234567892', '-9007199254740993'],
    );
    // Late in a column too: the batch holding it is text (earlier batches stay integer).
    const late = await read(`n\n${'7\n'.repeat(5)}9007199254740993\n`, { batchRows: 4 });
    assert.deepEqual(late.types, [['integer'], ['string']]);
    assert.equal(late.rows[5]!.n, '9007199254740993');
    // A column forced to integer cannot hold it; forced to float it is approximate by choice.
    const error = await readError('n\n1\n12345678901234567891\n', { columnTypes: { n: 'integer' } });
    assert.match(error.message, /12345678901234567891 is beyond ±2\^53.*set the column's type to string/);
    assert.equal(error.location?.line, 3);
    const float = await read('n\n12345678901234567891\n', { columnTypes: { n: 'float' } });
    assert.deepEqual(float.rows, [{ n: Number('12345678901234567891') }]);
  });

  test('types widen across batches and stay widened', async () => {
    const csv = 'n,k\n1,1\n2,2\n3.5,x\n4,3\n,\n';
    const { types, rows, offsets } = await read(csv, { batchRows: 2 });
    assert.deepEqual(offsets, [0, 2, 4]);
    assert.deepEqual(
      types.map((t) => t.join('/')),
      ['integer/integer', 'float/string', 'float/string'],
    );
    assert.deepEqual(
      rows.map((r) => r.k),
      [1, 2, 'x', '3', null],
    );
  });

  test('forced types and custom missing tokens', async () => {
    const { rows, types } = await read('zip,flag\n02134,-\n10001,yes\n', {
      columnTypes: { zip: 'string' },
      csv: { nullValues: ['-'] },
    });
    assert.deepEqual(types[0], ['string', 'string']);
    assert.deepEqual(rows, [
      { zip: '02134', flag: null },
      { zip: '10001', flag: 'yes' },
    ]);
    const error = await readError('a,b\n1,2\nx,3\n', { columnTypes: { a: 'integer' } });
    assert.equal(error.location.line, 3);
    assert.equal(error.location.field, 'a');
    assert.match(error.message, /"x" is not an integer/);
  });

  test('only requested columns are decoded; the schema still lists every column', async () => {
    const { names, rows, types } = await read('a,b,c\n1,x,2\n', { columns: ['c', 'nope'] });
    assert.deepEqual(names, ['a', 'b', 'c']);
    assert.deepEqual(rows, [{ a: null, b: null, c: 2 }]);
    assert.deepEqual(types[0], ['string', 'string', 'integer']);
    const none = await read('a\n1\n2\n', { columns: [] });
    assert.equal(none.rows.length, 2);
  });

  test('numbers parse exactly as Number() does', async () => {
    const texts = [
      '0.1',
      '0.30000000000000004',
      '1.7976931348623157e308',
      '5e-324',
      '123456789012345678.0',
      '-0',
      '9007199254740993.0',
      '9007199254740991',
      '.5',
      '2.',
    ];
    const { rows } = await read(`x\n${texts.join('\n')}\n`);
    assert.deepEqual(
      rows.map((r) => r.x),
      texts.map(Number),
    );
  });

  test('plain decimals of every length read exactly as Number() reads them', async () => {
    let seed = 5;
    const random = (n: number) => (seed = (seed * 16807) % 2147483647) % n;
    const digits = (n: number) => Array.from({ length: n }, () => random(10)).join('');
    const texts = [
      '-0',
      '0.0',
      '-.5',
      '5.',
      '000123',
      '-000.000',
      '"12.5"',
      '999999999999999',
      '9007199254740991',
      '9999999999999999.0',
    ];
    for (let k = 0; k < 3000; k++) {
      const whole = digits(random(18));
      // Integers beyond 2^53 are read as text (see the test on them): longer ones get a fraction.
      const fraction = random(3) === 0 && whole.length < 16 ? '' : `.${digits(random(18))}`;
      const text = `${random(4) === 0 ? '-' : ''}${whole}${fraction}`;
      if (/\d/.test(text)) texts.push(text);
    }
    const { rows } = await read(`x\n${texts.join('\n')}\n`);
    rows.forEach((row, i) => {
      const expected = Number(texts[i]!.replace(/"/g, ''));
      assert.ok(Object.is(row.x, expected), `${texts[i]} read as ${row.x}, expected ${expected}`);
    });
  });

  test('a read buffer filled to its last byte reads the same as one filled in small pieces', async () => {
    // One 12 MB piece fills the reader's window completely (no room past the data for a sentinel).
    const lines = Array.from({ length: 500_000 }, (_, i) => `${i},"q ${i % 7}",v${i % 13},${i / 8}`);
    const text = `id,q,v,x\n${lines.join('\n')}\n`;
    const whole = await read(text, {}, 'data.csv', text.length);
    const pieces = await read(text, {}, 'data.csv', 4093);
    assert.equal(whole.rows.length, 500_000);
    assert.deepEqual(whole.rows, pieces.rows);
    assert.deepEqual(whole.lines, pieces.lines);
  });

  test('gzip-compressed CSV', async () => {
    const { rows } = await read(gzipSync('a,b\n1,2\n'), {}, 'data.csv.gz');
    assert.deepEqual(rows, [{ a: 1, b: 2 }]);
  });

  test('a stream can be read twice', async () => {
    const stream = await openDataset([memoryFile('d.csv', 'a\n1\n2\n')]);
    assert.equal((await readRows(stream)).rows.length, 2);
    assert.equal((await readRows(stream)).rows.length, 2);
  });
});

describe('CSV errors name the file, line and field', () => {
  test('ragged row', async () => {
    const error = await readError('a,b,c,d,e\n1,2,3,4,5\n"x\ny",2,3,4,5\n1,2,3,4,5\n1,2,3,4,5,6\n');
    assert.equal(error.kind, 'data');
    assert.deepEqual(error.location, { file: 'data.csv', line: 6 });
    assert.match(error.message, /expected 5 fields \(as in the header\) but found 6/);
  });

  test('unterminated quote: the line where it opened', async () => {
    const error = await readError('a,b\n1,2\n3,"open\n4,5\n6,7\n');
    assert.equal(error.location.line, 3);
    assert.equal(error.location.field, 'b');
    assert.match(error.message, /unterminated quoted field/);
  });

  test('invalid UTF-8: line and column', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('id,name\n1,ok\n2,'), 0xe9, 0x74, 0xe9, 10]);
    const error = await readError(bytes);
    assert.deepEqual(error.location, { file: 'data.csv', line: 3, field: 'name' });
    assert.match(error.message, /invalid UTF-8/);
  });

  test('a Parquet or gzip file read as CSV is named for what it is, with the fix', async () => {
    const parquet = new Uint8Array([...new TextEncoder().encode('PAR1'), 0x15, 0x04, 0xff, 0x00, 0x80]);
    const error = await readError(parquet);
    assert.equal(error.location.file, 'data.csv');
    assert.match(
      error.message,
      /this is a Parquet file \(it starts with "PAR1"\), not CSV: .*--format parquet/,
    );
    const gzip = await readError(gzipSync('a,b\n1,2\n'));
    assert.match(gzip.message, /gzip-compressed but its name does not end in \.gz/);
    const twice = await readError(gzipSync(gzipSync('a,b\n1,2\n')), {}, 'data.csv.gz');
    assert.match(twice.message, /still gzip-compressed after decompressing it/);
    assert.match((await readError(parquet, {}, 'data.jsonl')).message, /Parquet file .* not JSON Lines/);
  });

  test('empty file, header-only file, bad header names', async () => {
    assert.match((await readError('')).message, /empty/);
    assert.match((await readError('\n\n')).message, /empty/);
    const headerOnly = await readError('a,b\n');
    assert.match(headerOnly.message, /has a header but no data rows/);
    const duplicate = await readError('a,b,a\n1,2,3\n');
    assert.equal(duplicate.location.field, 'a');
    assert.match(duplicate.message, /columns 1 and 3 are both named "a"/);
    assert.match((await readError('a,,c\n1,2,3\n')).message, /column 2 of the header has no name/);
  });

  test('unknown extension asks for a format', async () => {
    const error = await readError('a\n1\n', {}, 'data.xlsx');
    assert.equal(error.location.field, 'format');
  });

  test('files of one dataset must share their columns', async () => {
    const error = await openDataset([
      memoryFile('a.csv', 'x,y\n1,2\n'),
      memoryFile('b.csv', 'x,z\n1,2\n'),
    ]).then(
      () => assert.fail('expected a header mismatch'),
      (e: UserError) => e,
    );
    assert.equal(error.location.file, 'b.csv');
    assert.match(error.message, /column 2 is "z" here but "y" in a\.csv/);
  });
});
