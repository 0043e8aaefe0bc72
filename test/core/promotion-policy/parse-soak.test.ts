import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatSoak, parseSoak } from '../../../core/promotion-policy/parse-soak.js';

const H = 3_600_000;
const cases: [string, number | undefined][] = [
  ['24h', 24 * H],
  ['7d', 168 * H],
  ['1w', 168 * H],
  ['1d12h', 36 * H],
  ['30m', H / 2],
  ['30 m', H / 2],
  ['1.5h', 1.5 * H],
  ['90s', 90_000],
  ['', undefined],
  ['24', undefined],
  ['h', undefined],
  ['24x', undefined],
  ['-1h', undefined],
];
for (const [text, ms] of cases)
  test(`parseSoak(${JSON.stringify(text)})`, () => assert.equal(parseSoak(text), ms));

test('formatSoak', () => {
  assert.equal(formatSoak(14 * H), '14 h');
  assert.equal(formatSoak(26.5 * H), '1 d 2 h');
  assert.equal(formatSoak(H / 2), '30 min');
  assert.equal(formatSoak(12_000), '12 s');
  assert.equal(formatSoak(0), '0 s');
});
