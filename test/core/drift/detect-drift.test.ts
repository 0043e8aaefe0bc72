import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ColumnDrift } from '../../../core/drift/drift-result.js';
import { driftJson } from '../../../core/report/drift/drift-json.js';
import { runScipy } from '../../support/scipy.js';
import type { Cell } from '../../support/table-stream.js';
import { columnOf, driftOf } from './drift-of.js';

let seed = 12345;
const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
const series = (n: number, f: (i: number) => Cell) => Array.from({ length: n }, (_, i) => f(i));

const column = (report: { columns: ColumnDrift[] }, name: string) => columnOf(report, name)!;

describe('default test per column (Evidently rules, valid for many categories)', () => {
  test('each cell of the table, with the 1000-row and 5-distinct boundaries', async () => {
    const cases: [string, number, (i: number) => Cell, string, string][] = [
      ['numeric, small', 1000, () => normal(), 'numerical', 'ks'],
      ['numeric, large', 1001, () => normal(), 'numerical', 'wasserstein'],
      ['5 distinct integers, small', 1000, (i) => i % 5, 'categorical', 'chisquare'],
      ['6 distinct integers, small', 1000, (i) => i % 6, 'numerical', 'ks'],
      ['5 distinct integers, large', 1001, (i) => i % 5, 'categorical', 'jensenshannon'],
      ['strings, small', 1000, (i) => ['a', 'b', 'c'][i % 3]!, 'categorical', 'chisquare'],
      ['binary strings, small', 1000, (i) => (i % 3 ? 'yes' : 'no'), 'categorical', 'z'],
      ['booleans, small', 500, (i) => i % 2 === 0, 'categorical', 'z'],
      ['booleans, large', 5000, (i) => i % 2 === 0, 'categorical', 'jensenshannon'],
      ['strings, large', 2000, (i) => `s${i % 40}`, 'categorical', 'jensenshannon'],
    ];
    for (const [label, n, make, kind, test] of cases) {
      const report = await driftOf({ x: series(n, make) }, { x: series(300, make) });
      const x = column(report, 'x');
      assert.equal(x.kind, kind, label);
      assert.equal(x.test, test, label);
      assert.equal(x.status, 'tested', label);
    }
  });
});

describe('statistics agree with scipy and numpy', () => {
  test('KS, chi-square, z and binned Jensen–Shannon on the values the engine kept', async () => {
    const refNum = series(800, () => normal());
    const curNum = series(600, () => normal() * 1.3 + 0.2);
    const refCat = series(800, () => ['a', 'b', 'c', 'd'][Math.floor(random() * 4)]!);
    const curCat = series(600, () => ['a', 'b', 'c', 'd'][Math.floor(random() ** 1.3 * 4)]!);
    const refBin = series(800, () => random() < 0.3);
    const curBin = series(600, () => random() < 0.4);
    const bigRef = series(3000, () => normal());
    const bigCur = series(2000, () => normal() + 0.3);
    const small = await driftOf({ n: refNum, c: refCat, b: refBin }, { n: curNum, c: curCat, b: curBin });
    const large = await driftOf({ n: bigRef }, { n: bigCur });
    const count = (values: Cell[], v: Cell) => values.filter((x) => x === v).length;
    const reference = runScipy(
      `
from scipy import stats
from scipy.spatial import distance
ks = stats.ks_2samp(data['refNum'], data['curNum'])
table = np.array(data['catTable'])
chi = stats.chi2_contingency(table)
p1, n1, p2, n2 = data['bin']
pooled = (p1 + p2) / (n1 + n2)
z = (p1 / n1 - p2 / n2) / np.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
both = np.concatenate([data['bigRef'], data['bigCur']])
edges = np.histogram_bin_edges(both, bins='sturges')
r, _ = np.histogram(data['bigRef'], edges)
c, _ = np.histogram(data['bigCur'], edges)
r = r / r.sum(); c = c / c.sum()
js = distance.jensenshannon(r, c)
result = {'ks': [ks.statistic, ks.pvalue], 'chi': [chi[0], chi[1]], 'z': [abs(z), 2 * stats.norm.sf(abs(z))], 'js': js}`,
      {
        refNum,
        curNum,
        catTable: [
          ['a', 'b', 'c', 'd'].map((v) => count(refCat, v)),
          ['a', 'b', 'c', 'd'].map((v) => count(curCat, v)),
        ],
        bin: [count(refBin, true), refBin.length, count(curBin, true), curBin.length],
        bigRef,
        bigCur,
      },
    ) as { ks: [number, number]; chi: [number, number]; z: [number, number]; js: number };
    const close = (a: number, b: number, label: string) =>
      assert.ok(Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)), `${label}: ${a} vs ${b}`);
    const n = column(small, 'n');
    close(n.statistic!, reference.ks[0], 'KS statistic');
    close(n.pValue!, reference.ks[1], 'KS p');
    const c = column(small, 'c');
    close(c.statistic!, reference.chi[0], 'chi-square');
    close(c.pValue!, reference.chi[1], 'chi-square p');
    const b = column(small, 'b');
    close(Math.abs(b.statistic!), reference.z[0], 'z');
    close(b.pValue!, reference.z[1], 'z p');
    assert.equal(column(large, 'n').test, 'wasserstein', 'large numeric defaults to Wasserstein');
    const withJs = await driftOf({ n: bigRef }, { n: bigCur }, { columns: { n: { test: 'jensenshannon' } } });
    close(column(withJs, 'n').statistic!, reference.js, 'binned Jensen–Shannon');
  });
});

describe('verdicts and configuration', () => {
  const shifted = (shift: number) => series(400, () => normal() + shift);
  const base = () => ({ a: shifted(0), b: shifted(0), c: shifted(0), d: shifted(0) });

  test('the dataset drifts when the drifted share reaches drift-share', async () => {
    const current = { a: shifted(3), b: shifted(3), c: shifted(0), d: shifted(0) };
    const half = await driftOf(base(), current);
    assert.deepEqual(
      [half.dataset.drifted, half.dataset.columns, half.dataset.share, half.dataset.drift],
      [2, 4, 0.5, true],
    );
    const stricter = await driftOf(base(), current, { 'drift-share': 0.51 });
    assert.equal(stricter.dataset.drift, false);
  });

  test('per-column test, threshold, skip, kind, and ignored columns', async () => {
    const report = await driftOf(
      base(),
      { a: shifted(3), b: shifted(0.2), c: shifted(3), d: shifted(0) },
      {
        columns: {
          a: { skip: true },
          b: { test: 'mannw', threshold: 0.5 },
          d: { test: 'psi', kind: 'numerical' },
        },
        ignore: ['c'],
        thresholds: { psi: 10 },
      },
    );
    assert.equal(column(report, 'a').status, 'skipped');
    assert.equal(column(report, 'c'), undefined);
    assert.equal(column(report, 'b').test, 'mannw');
    assert.equal(column(report, 'b').threshold, 0.5);
    assert.equal(column(report, 'd').test, 'psi');
    assert.equal(column(report, 'd').threshold, 10);
    assert.equal(report.dataset.columns, 2);
  });

  test('missing and infinite values are dropped; empty and one-sided columns are reported, not fatal', async () => {
    const report = await driftOf(
      {
        x: [1, 2, Infinity, null, 3, 4, 5, 6, 7],
        empty: series(9, () => null),
        refOnly: series(9, (i) => i),
      },
      { x: [1, -Infinity, 2, 3, 4, 5, 6, 7, null], empty: series(9, (i) => i), curOnly: series(9, (i) => i) },
    );
    const x = column(report, 'x');
    assert.equal(x.reference.missing, 2);
    assert.equal(x.current.missing, 2);
    assert.equal(x.reference.rows, 9);
    assert.equal(column(report, 'empty').status, 'empty');
    assert.equal(column(report, 'refOnly').status, 'missing-in-current');
    assert.equal(column(report, 'curOnly').status, 'missing-in-reference');
    assert.equal(report.dataset.columns, 1);
  });

  test('a numeric test on a text column is a config error naming the column', async () => {
    await assert.rejects(
      driftOf({ s: ['a', 'b'] }, { s: ['a', 'c'] }, { columns: { s: { test: 'ks' } } }),
      /test "ks" compares numbers, but column "s" holds text/,
    );
  });

  test('the JSON shape of modelship drift --json', async () => {
    const report = await driftOf(
      { n: shifted(0), s: series(400, (i) => (i % 2 ? 'x' : 'y')) },
      { n: shifted(2), s: series(400, (i) => (i % 3 ? 'x' : 'y')) },
    );
    const json = driftJson(report);
    assert.deepEqual(Object.keys(json), ['dataset', 'columns']);
    assert.deepEqual(Object.keys(json.dataset), [
      'drift',
      'share',
      'drifted',
      'columns',
      'problems',
      'missing_in_current',
      'missing_in_reference',
      'ignored',
      'skipped',
    ]);
    assert.deepEqual(Object.keys(json.columns.n!), [
      'type',
      'test',
      'statistic',
      'p_value',
      'threshold',
      'drift',
    ]);
    assert.equal(json.columns.n!.test, 'ks');
    assert.equal(json.columns.n!.drift, true);
    assert.equal(json.columns.s!.type, 'categorical');
  });
});
