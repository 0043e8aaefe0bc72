import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NumberSet } from '../../../core/checks/number-set.js';

let seed = 11;
const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;

/** What `add` must answer: 0 new, 1 first repeat, 2 later repeats; -0 is 0 and NaN is NaN. */
function reference() {
  const seen = new Map<number, number>();
  return (key: number) => {
    const k = Object.is(key, -0) ? 0 : key;
    const count = seen.get(k) ?? 0;
    seen.set(k, count + 1);
    return Math.min(count, 2);
  };
}

const streams: Record<string, (i: number) => number> = {
  'ids ascending': (i) => i + 1,
  'ids descending': (i) => 500_000 - i,
  'ids with repeats': (i) => Math.floor(i / 3),
  'dense, then spread out': (i) => (i < 100_000 ? i % 70_000 : Math.floor(random() * 1e12)),
  'sparse integers': () => Math.floor(random() * 2 ** 40) - 2 ** 39,
  'beyond 2^53': (i) => 2 ** 60 + (i % 5000) * 256,
  'mixed kinds': (i) =>
    [0, -0, NaN, Infinity, -Infinity, i % 1000, (i % 1000) + 0.5, -(i % 77), 1e300][i % 9]!,
};

test('NumberSet answers like a Map for every kind of key stream', () => {
  for (const [label, key] of Object.entries(streams)) {
    const set = new NumberSet();
    const expected = reference();
    for (let i = 0; i < 300_000; i++) {
      const k = key(i);
      const got = set.add(k);
      const want = expected(k);
      if (got !== want) assert.fail(`${label}: key ${k} (#${i}) answered ${got}, expected ${want}`);
    }
  }
});

test('close-together integer ids take about a byte each', () => {
  const set = new NumberSet();
  for (let i = 1; i <= 1_000_000; i++) set.add(i);
  assert.equal(set.size, 1_000_000);
  assert.ok(set.byteLength <= 2.2 * 1_000_000 + 100_000, `${set.byteLength} bytes`);
});
