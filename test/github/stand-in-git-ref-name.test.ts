import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { isValidRefName } from '../support/github/git-ref-name.js';

const run = promisify(execFile);

// The stand-in checks ref names without a git process; git itself is the reference.
test('ref names are judged as `git check-ref-format` judges them', async () => {
  const names = [
    'refs/heads/main',
    'refs/tags/fraud@v1.0.0',
    'refs/tags/fraud#production#3',
    'refs/heads/naïve/é',
    'refs/heads/a.b',
    'refs/heads/@',
    'heads/main',
    'main',
    '@',
    'refs/heads/a..b',
    'refs/heads/.hidden',
    'refs/heads/x.lock',
    'refs/heads/x.lock/y',
    'refs/heads/x.',
    'refs/heads/x/',
    '/refs/heads/x',
    'refs//heads/x',
    'refs/heads/a b',
    'refs/heads/a~1',
    'refs/heads/a^',
    'refs/heads/a:b',
    'refs/heads/a?',
    'refs/heads/a*',
    'refs/heads/a[b',
    'refs/heads/a\\b',
    'refs/heads/a@{1}',
    'refs/heads/a@b',
    'refs/heads/tab\there',
    'refs/heads/del\x7f',
    'refs/heads/-dash',
  ];
  for (const name of names) {
    const byGit = await run('git', ['check-ref-format', name]).then(
      () => true,
      () => false,
    );
    assert.equal(isValidRefName(name), byGit, name);
  }
});
