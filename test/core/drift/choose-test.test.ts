import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultTest } from '../../../core/drift/choose-test.js';
import { columnOf, driftOf } from './drift-of.js';

const series = <T>(n: number, f: (i: number) => T) => Array.from({ length: n }, (_, i) => f(i));

test('the default test counts distinct values over reference and current together, as Evidently', async () => {
  // One value in a 500-row reference, three across both sides: three categories, so χ², not z.
  const report = await driftOf(
    { s: series(500, () => 'a'), f: series(500, () => 1.5) },
    { s: series(300, (i) => ['a', 'b', 'c'][i % 3]!), f: series(300, (i) => [1.5, 2.5, 3.5][i % 3]!) },
  );
  assert.equal(columnOf(report, 's')?.test, 'chisquare');
  assert.equal(columnOf(report, 'f')?.test, 'chisquare');
  // Two values across both sides is still the z-test.
  const two = await driftOf({ s: series(500, () => 'a') }, { s: series(300, (i) => (i % 2 ? 'a' : 'b')) });
  assert.equal(columnOf(two, 's')?.test, 'z');
  // A float column with 5 distinct reference values and 7 across both is numerical: KS.
  const numeric = await driftOf(
    { f: series(500, (i) => (i % 5) + 0.5) },
    { f: series(300, (i) => (i % 7) + 0.5) },
  );
  assert.equal(columnOf(numeric, 'f')?.test, 'ks');
});

test("the reference's size is its values after dropping missing ones, as Evidently's cleaned column", async () => {
  // 1,200 rows of which 300 are missing: 900 values, a small reference, so KS rather than Wasserstein.
  const report = await driftOf(
    { x: series(1200, (i) => (i % 4 === 0 ? null : Math.sin(i) * 10)) },
    { x: series(300, (i) => Math.cos(i) * 10) },
  );
  assert.equal(columnOf(report, 'x')?.test, 'ks');
});

test('defaultTest: the 1000-value and 5-distinct boundaries', () => {
  assert.equal(defaultTest('numerical', 1000, 6), 'ks');
  assert.equal(defaultTest('numerical', 1001, 6), 'wasserstein');
  assert.equal(defaultTest('numerical', 1000, 5), 'chisquare');
  assert.equal(defaultTest('numerical', 1001, 5), 'jensenshannon');
  assert.equal(defaultTest('categorical', 1000, 2), 'z');
  assert.equal(defaultTest('categorical', 1000, 3), 'chisquare');
  assert.equal(defaultTest('categorical', 1001, 40), 'jensenshannon');
});
