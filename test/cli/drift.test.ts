import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { runModelship } from '../support/run-cli-in-process.js';

const root = join(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'modelship-drift-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('modelship drift', () => {
  test('the example data drifted: exit 1, a table, JSON of the documented shape, and an HTML report', async () => {
    const text = await runModelship(['drift'], root);
    assert.equal(text.code, 1, text.stderr);
    assert.match(text.stdout, /Drift in \d+ of 12 columns \(\d+%\) — dataset drifted/);
    const json = await runModelship(['drift', '--json', '--html', join(dir, 'report.html')], root);
    assert.equal(json.code, 1);
    const parsed = JSON.parse(json.stdout) as {
      dataset: Record<string, unknown>;
      columns: Record<string, { test: string; drift: boolean }>;
    };
    assert.deepEqual(Object.keys(parsed.dataset), [
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
    assert.equal(parsed.columns.record_id, undefined, 'ignored in .github/modelship.yml');
    assert.equal(parsed.columns.crop!.test, 'jensenshannon');
    assert.equal(parsed.columns.crop!.drift, false);
    assert.match(readFileSync(join(dir, 'report.html'), 'utf8'), /^<!doctype html>/);
  });

  test('the same data on both sides: no drift, exit 0', async () => {
    const same = [
      'drift',
      '--reference',
      'examples/data/train.csv',
      '--current',
      'examples/data/train.csv',
      '--json',
    ];
    const run = await runModelship(same, root);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(
      (JSON.parse(run.stdout) as { dataset: { drift: boolean; drifted: number } }).dataset.drifted,
      0,
    );
  });

  test('bad input: exit 2 with one clear message and no stack trace', async () => {
    writeFileSync(join(dir, 'ragged.csv'), 'a,b\n1,2\n3\n');
    // Valid YAML and schema, wrong only against the data: the text column cannot be numerical.
    const textAsNumbers = join(dir, 'text-as-numbers.yml');
    writeFileSync(
      textAsNumbers,
      'drift:\n  reference: examples/data/train.csv\n  current: examples/data/current.csv\n  columns:\n    crop: { kind: numerical }\n',
    );
    for (const [args, message] of [
      [
        ['drift', '--reference', 'nope.csv', '--current', 'examples/data/current.csv'],
        /nope\.csv: no such file/,
      ],
      [
        ['drift', '--reference', join(dir, 'ragged.csv'), '--current', 'examples/data/current.csv'],
        /ragged\.csv:3: expected 2 fields/,
      ],
      [['drift', '--drift-share', '2'], /--drift-share must be a number in \(0, 1\]/],
      [['drift', '--config', join(dir, 'none.yml')], /none\.yml: configuration file not found/],
      [
        ['drift', '--config', textAsNumbers],
        /text-as-numbers\.yml:5 \(drift\.columns\.crop\.kind\): column "crop" is set to kind numerical, but it holds text/,
      ],
    ] as const) {
      const run = await runModelship([...args], root);
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, message);
      assert.doesNotMatch(run.stderr, /\n\s+at /);
    }
  });
});
