import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatCount } from '../../../core/checks/describe.js';

test('formatCount groups thousands as en-US does', () => {
  const cases = [0, 7, 12, 999, 1000, 12_345, 123_456, 1_234_567, -1_234, -999_999, 2 ** 53 - 1, 1.5, 1e21];
  for (const n of cases) assert.equal(formatCount(n), n.toLocaleString('en-US'), String(n));
});
