import assert from 'node:assert/strict';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { UserError } from '../../../core/errors.js';
import { loadConfig } from '../../../platform/config/load-config.js';

async function rejection(promise: Promise<unknown>): Promise<UserError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof UserError, String(error));
    return error;
  }
  assert.fail('expected a UserError');
}

describe('loadConfig', () => {
  it('names a directory given as the config file instead of failing unexpectedly', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'modelship-config-'));
    await mkdir(join(cwd, 'conf'));
    const error = await rejection(loadConfig({ cwd, path: 'conf' }));
    assert.equal(error.location.file, 'conf');
    assert.match(error.message, /is a directory/);
  });

  it('names the file of a YAML alias bomb and an unknown key at its own line', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'modelship-config-'));
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]'];
    bomb.push('c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]');
    await writeFile(join(cwd, 'bomb.yml'), `${bomb.join('\n')}\n`);
    const aliases = await rejection(loadConfig({ cwd, path: 'bomb.yml' }));
    assert.equal(aliases.location.file, 'bomb.yml');
    assert.match(aliases.message, /too many YAML aliases/);

    await writeFile(join(cwd, 'typo.yml'), 'version: 1\nvalidate:\n  data: a.csv\n  exampels: 3\n');
    const typo = await rejection(loadConfig({ cwd, path: 'typo.yml' }));
    assert.equal(typo.location.line, 4);
    assert.equal(typo.location.field, 'validate.exampels');
    assert.deepEqual(typo.details, [
      'line 4, validate.exampels: unknown key "exampels" (did you mean "examples"?)',
    ]);
  });
});
