import assert from 'node:assert/strict';
import { test } from 'node:test';
import { prereadOf } from '../../cli/preread.js';

test('the data a validate command line names, and how to read it', () => {
  assert.deepEqual(prereadOf(['--data', 'd/*.csv', '--checks', 'c.yml']), {
    location: 'd/*.csv',
    options: {},
  });
  assert.deepEqual(prereadOf(['--data=x.tsv', '--delimiter', ';', '--format', 'csv', '--json']), {
    location: 'x.tsv',
    options: { format: 'csv', csv: { delimiter: ';' } },
  });
});

test('no guess without --data, or when inferring (which reads in the command itself)', () => {
  assert.equal(prereadOf(['--checks', 'c.yml']), undefined);
  assert.equal(prereadOf(['--infer', '--data', 'x.csv']), undefined);
  assert.equal(prereadOf(['--data']), undefined);
});
