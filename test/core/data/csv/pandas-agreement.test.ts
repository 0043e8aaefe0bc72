import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openDataset } from '../../../../core/data/open-dataset.js';
import { memoryFile } from '../../../support/memory-file.js';
import { readRows } from '../../../support/read-rows.js';
import { runScipy } from '../../../support/scipy.js';

/** A CSV with the things that trip parsers up, generated reproducibly. */
function trickyCsv(rows: number): string {
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const words = ['plain', 'with, comma', 'with "quotes"', 'two\nlines', 'ünïcödé', '  padded  ', 'NA', ''];
  const lines = ['int,float,text,flag'];
  for (let r = 0; r < rows; r++) {
    const int = random() < 0.05 ? '' : String(Math.floor((random() - 0.5) * 1e6));
    const float =
      random() < 0.05
        ? 'nan'
        : ((random() - 0.5) * 10 ** Math.floor(random() * 12 - 4)).toPrecision(1 + Math.floor(random() * 16));
    const word = words[Math.floor(random() * words.length)]!;
    const text = /[",\n]/.test(word) ? `"${word.replace(/"/g, '""')}"` : word;
    const flag = random() < 0.5 ? 'True' : 'false';
    lines.push([int, float, text, flag].join(','));
  }
  return lines.join(random() < 2 ? '\r\n' : '\n') + '\r\n';
}

test('reads a tricky CSV exactly as pandas.read_csv does', async () => {
  const csv = trickyCsv(3000);
  const { rows } = await readRows(
    await openDataset([memoryFile('tricky.csv', csv, 4093)], { batchRows: 1000 }),
  );
  const reference = runScipy(
    `
import io
import pandas as pd
# round_trip: pandas' default float parser may be off in the last bit; ours is exact like Number().
frame = pd.read_csv(io.StringIO(data), float_precision='round_trip')
result = {
  'rows': len(frame),
  'int': [None if pd.isna(v) else float(v) for v in frame['int']],
  'float': [None if pd.isna(v) else float(v) for v in frame['float']],
  'text': [None if pd.isna(v) else v for v in frame['text']],
  'flag': [bool(v) for v in frame['flag']],
}`,
    csv,
  ) as {
    rows: number;
    int: (number | null)[];
    float: (number | null)[];
    text: (string | null)[];
    flag: boolean[];
  };
  assert.equal(rows.length, reference.rows);
  assert.deepEqual(
    rows.map((r) => r.int),
    reference.int,
  );
  assert.deepEqual(
    rows.map((r) => r.float),
    reference.float,
  );
  assert.deepEqual(
    rows.map((r) => r.text),
    reference.text,
  );
  assert.deepEqual(
    rows.map((r) => r.flag),
    reference.flag,
  );
});
