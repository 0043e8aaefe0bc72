import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { DriftJson } from '../../core/report/drift/drift-json.js';
import { runModelship } from '../support/run-cli-in-process.js';

const dir = mkdtempSync(join(tmpdir(), 'modelship-drift-columns-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A CSV of 200 rows with the given columns, every value drawn from the same distribution. */
function csv(file: string, columns: string[]): string {
  const rows = Array.from({ length: 200 }, (_, i) =>
    columns.map((_, j) => ((Math.sin((i + 1) * (j + 3) * 12.9898) * 43758.5453) % 1).toFixed(4)),
  );
  writeFileSync(join(dir, file), `${columns.join(',')}\n${rows.map((r) => r.join(',')).join('\n')}\n`);
  return file;
}

function config(file: string, lines: string[]): string {
  writeFileSync(join(dir, file), ['drift:', ...lines.map((l) => `  ${l}`), ''].join('\n'));
  return file;
}

async function drift(reference: string, current: string, configFile?: string) {
  const args = ['drift', '--reference', reference, '--current', current];
  if (configFile) args.push('--config', configFile);
  const json = await runModelship([...args, '--json', '--html', 'report.html'], dir);
  const text = await runModelship(args, dir);
  return {
    code: json.code,
    stderr: json.stderr,
    json: json.code === 2 ? undefined : (JSON.parse(json.stdout) as DriftJson),
    text: text.stdout,
    html: json.code === 2 ? '' : readFileSync(join(dir, 'report.html'), 'utf8'),
  };
}

describe('columns on one side only', () => {
  test('every column renamed: nothing could be tested, so the run fails (exit 1) and says why', async () => {
    const run = await drift(csv('a.csv', ['x', 'y', 'z']), csv('b.csv', ['x2', 'y2', 'z2']));
    assert.equal(run.code, 1, run.stderr);
    assert.equal(run.json!.dataset.drift, true);
    assert.equal(run.json!.dataset.columns, 0);
    assert.deepEqual(run.json!.dataset.missing_in_current, ['x', 'y', 'z']);
    assert.deepEqual(run.json!.dataset.missing_in_reference, ['x2', 'y2', 'z2']);
    assert.match(run.json!.dataset.problems.join('\n'), /no column could be tested/);
    assert.match(run.json!.dataset.problems.join('\n'), /3 of 3 reference columns are missing/);
    assert.match(run.text, /Drift check failed: no column could be tested/);
    assert.match(run.text, /Missing from the current data: x, y, z/);
    assert.match(run.text, /Only in the current data: x2, y2, z2/);
    assert.match(run.html, /Missing from the current data:<\/strong> x, y, z/);
    assert.match(run.html, /class="verdict drift">Drift check failed/);
  });

  test('one reference column missing fails by default; max-missing-share allows it, and it is still named', async () => {
    const reference = csv('r.csv', ['a', 'b', 'c', 'd']);
    const current = csv('c.csv', ['a', 'b', 'c']);
    const strict = await drift(reference, current);
    assert.equal(strict.code, 1, strict.stderr);
    assert.equal(strict.json!.dataset.drifted, 0);
    assert.match(
      strict.text,
      /drift check failed: 1 of 4 reference columns are missing from the current data \(allowed: 0%/,
    );
    const lenient = await drift(reference, current, config('lenient.yml', ['max-missing-share: 0.25']));
    assert.equal(lenient.code, 0, lenient.stderr);
    assert.deepEqual(lenient.json!.dataset.problems, []);
    assert.deepEqual(lenient.json!.dataset.missing_in_current, ['d']);
    assert.match(lenient.text, /Missing from the current data: d/);
    assert.match(lenient.text, /dataset not drifted/);
    // A column only the current data has is named but fails nothing.
    const extra = await drift(current, reference);
    assert.equal(extra.code, 0, extra.stderr);
    assert.deepEqual(extra.json!.dataset.missing_in_reference, ['d']);
    assert.match(extra.text, /Only in the current data: d/);
  });
});

describe('drift settings that name columns', () => {
  test('a name neither side has is a config error (exit 2) with its line and the nearest name', async () => {
    const data = csv('t.csv', ['temperature', 'humidity', 'station_id']);
    const run = await drift(
      data,
      data,
      config('typo.yml', ['columns:', '  temprature: { threshold: 0.2 }', 'ignore: [station_id, humidty]']),
    );
    assert.equal(run.code, 2);
    assert.match(run.stderr, /typo\.yml:3 \(drift\.columns\.temprature\): 2 drift settings name columns/);
    assert.match(run.stderr, /unknown column "temprature" \(did you mean "temperature"\?\)/);
    assert.match(run.stderr, /drift\.ignore\[1\]: unknown column "humidty" \(did you mean "humidity"\?\)/);
    assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
  });

  test('ignored and skipped columns are named in the text, the JSON and the HTML', async () => {
    const data = csv('i.csv', ['temperature', 'humidity', 'station_id']);
    const run = await drift(
      data,
      data,
      config('ignore.yml', ['columns:', '  humidity: { skip: true }', 'ignore: [station_id]']),
    );
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(run.json!.dataset.ignored, ['station_id']);
    assert.deepEqual(run.json!.dataset.skipped, ['humidity']);
    assert.match(run.text, /Ignored \(drift\.ignore\): station_id/);
    assert.match(run.text, /Skipped \(skip: true\): humidity/);
    assert.match(run.html, /Ignored \(drift\.ignore\):<\/strong> station_id/);
    assert.match(run.html, /Skipped \(skip: true\):<\/strong> humidity/);
  });
});
