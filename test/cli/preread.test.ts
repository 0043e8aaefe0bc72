import assert from 'node:assert/strict';
import { test } from 'node:test';
import { prereadOf } from '../../cli/preread.js';

test('the data a validate command line names, and how to read it', () => {
  assert.deepEqual(prereadOf(['--data', 'd/*.csv', '--checks', 'c.yml'], '/w'), {
    location: 'd/*.csv',
    cwd: '/w',
    options: {},
  });
  assert.deepEqual(prereadOf(['--data=x.tsv', '--delimiter', ';', '--format', 'csv', '--json'], '/w'), {
    location: 'x.tsv',
    cwd: '/w',
    options: { format: 'csv', csv: { delimiter: ';' } },
  });
});

test('no guess without --data, or when inferring (which reads in the command itself)', () => {
  assert.equal(prereadOf(['--checks', 'c.yml'], '/w'), undefined);
  assert.equal(prereadOf(['--infer', '--data', 'x.csv'], '/w'), undefined);
  assert.equal(prereadOf(['--data'], '/w'), undefined);
});
