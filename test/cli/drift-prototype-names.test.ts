import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { runModelship } from '../support/run-cli-in-process.js';

const dir = mkdtempSync(join(tmpdir(), 'modelship-drift-names-'));
after(() => rmSync(dir, { recursive: true, force: true }));

// Names every plain object already answers to: a lookup in `{}` finds Object.prototype's members,
// and an assignment to `__proto__` replaces the prototype instead of adding a key.
const NAMES = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'];

function table(shift: number): string {
  const rows = Array.from({ length: 300 }, (_, i) => {
    const x = Math.sin(i * 12.9898) * 0.5 + shift;
    return [x, i % 2 ? 'a' : 'b', x * 2, i % 3, x + 5].join(',');
  });
  return `${NAMES.join(',')}\n${rows.join('\n')}\n`;
}

test('Object.prototype member names as columns: settings apply, and every output has every column', async () => {
  writeFileSync(join(dir, 'ref.csv'), table(0));
  writeFileSync(join(dir, 'cur.csv'), table(1));
  writeFileSync(
    join(dir, 'modelship.yml'),
    [
      'drift:',
      '  reference: ref.csv',
      '  current: cur.csv',
      '  columns:',
      '    __proto__: { test: mannw, threshold: 0.01 }',
      '    constructor: { threshold: 0.001 }',
      '    hasOwnProperty: { skip: true }',
      '  ignore: [valueOf]',
      '',
    ].join('\n'),
  );
  const json = await runModelship(['drift', '--config', 'modelship.yml', '--json', '--html', 'r.html'], dir);
  assert.equal(json.code, 1, json.stderr);
  type Column = { test: string | null; threshold: number | null; status?: string };
  const { columns } = JSON.parse(json.stdout) as { columns: Record<string, Column> };
  // Own keys only: `columns.constructor` would find Object's constructor in a plain object.
  const column = (name: string) => new Map(Object.entries(columns)).get(name) ?? assert.fail(`no ${name}`);
  assert.ok(Object.hasOwn(columns, '__proto__'), 'the __proto__ column is a key of the JSON');
  assert.equal(column('__proto__').test, 'mannw');
  assert.equal(column('__proto__').threshold, 0.01);
  assert.equal(column('constructor').threshold, 0.001);
  assert.equal(column('toString').test, 'z');
  assert.equal(column('hasOwnProperty').status, 'skipped');
  assert.deepEqual((JSON.parse(json.stdout) as { dataset: { ignored: string[] } }).dataset.ignored, [
    'valueOf',
  ]);
  const text = await runModelship(['drift', '--config', 'modelship.yml'], dir);
  for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty'])
    assert.match(text.stdout, new RegExp(`\\b${name}\\b`), name);
  const html = readFileSync(join(dir, 'r.html'), 'utf8');
  for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty'])
    assert.ok(html.includes(`id="col-${name}"`), name);
});
