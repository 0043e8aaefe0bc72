import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { isUserError } from '../../../core/errors.js';
import { catFileSession, readCommitFiles } from '../../../platform/ops/git-cat-file-batch.js';
import { localOpsRepository } from '../../../platform/ops/local-ops-repository.js';
import { OpsRepo } from '../../support/ops-repo.js';

// What the local ops repository reads through its one `git cat-file --batch` session and its one
// `for-each-ref`: default branches, heads that move, file modes, and the commit's identity.

const dirs: string[] = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const repo = (files: Record<string, string>, options: { bare?: boolean } = {}) => {
  const made = OpsRepo.create(files, options);
  dirs.push(made.dir);
  return made;
};

test('the default branch: origin/HEAD when that branch exists here, else HEAD; detached HEAD is a UserError', async () => {
  const origin = repo({ 'a.yaml': 'a: 1\n' });
  origin.git(['branch', 'release']);
  const parent = mkdtempSync(join(tmpdir(), 'modelship-clone-'));
  dirs.push(parent);
  const clone = new OpsRepo(join(parent, 'ops'));
  execFileSync('git', ['clone', '--quiet', origin.dir, clone.dir]);
  clone.git(['checkout', '--quiet', '-b', 'work']);
  assert.equal(
    (await localOpsRepository(clone.dir).snapshot()).branch,
    'main',
    "the remote's default branch",
  );

  // The remote's default branch was never checked out here: HEAD's branch.
  clone.git(['symbolic-ref', 'refs/remotes/origin/HEAD', 'refs/remotes/origin/release']);
  assert.equal((await localOpsRepository(clone.dir).snapshot()).branch, 'work');

  // A linked worktree's HEAD is its own.
  const linked = join(parent, 'linked');
  clone.git(['worktree', 'add', '--quiet', '-b', 'side', linked]);
  assert.equal((await localOpsRepository(linked).snapshot()).branch, 'side');

  clone.git(['checkout', '--quiet', '--detach']);
  await assert.rejects(localOpsRepository(clone.dir).snapshot(), (e) => {
    assert.ok(isUserError(e));
    assert.match(e.message, /HEAD is detached/);
    return true;
  });

  // An unborn branch is named, and reported as missing.
  const empty = mkdtempSync(join(tmpdir(), 'modelship-empty-'));
  dirs.push(empty);
  execFileSync('git', ['init', '--quiet', '--initial-branch=trunk', empty]);
  await assert.rejects(localOpsRepository(empty).snapshot(), /branch "trunk" does not exist/);

  // A bare repository: its HEAD.
  const bare = repo({ 'a.yaml': 'a: 1\n' }, { bare: true });
  assert.equal((await localOpsRepository(bare.dir).snapshot()).branch, 'main');
});

test('a snapshot taken again after an outside write sees the new head and its files', async () => {
  const ops = repo({ 'a.yaml': 'a: 1\n' });
  const local = localOpsRepository(ops.dir);
  const first = await local.snapshot();
  assert.equal(first.commit, ops.head());
  ops.commit({ 'a.yaml': 'a: 2\n' });
  execFileSync('git', ['pack-refs', '--all'], { cwd: ops.dir });
  const second = await local.snapshot();
  assert.equal(second.commit, ops.head());
  assert.notEqual(second.commit, first.commit);
  assert.equal(await second.readFile('a.yaml'), 'a: 2\n');
  assert.equal(await first.readFile('a.yaml'), 'a: 1\n', 'an older snapshot still reads its own commit');
  await assert.rejects(local.snapshot('nope'), /branch "nope" does not exist/);
});

test('a cat-file session: files, missing paths, names with spaces, a BOM, a big file, in order', async () => {
  const big = `${'x'.repeat(300_000)}\n`;
  const ops = repo({
    'with space/a b.yaml': 'a: 1\n',
    'bom.yaml': '\uFEFFb: 2\n',
    'big.txt': big,
    'folder/c.yaml': 'c: 3\n',
  });
  const session = catFileSession({ cwd: ops.dir });
  try {
    const head = ops.head();
    const [files, again] = await Promise.all([
      readCommitFiles(session, head, [
        'with space/a b.yaml',
        'missing.yaml',
        'bom.yaml',
        'folder',
        'big.txt',
      ]),
      readCommitFiles(session, head, ['folder/c.yaml', 'line\nbreak.yaml']),
    ]);
    assert.deepEqual(
      [...files],
      [
        ['with space/a b.yaml', 'a: 1\n'],
        ['missing.yaml', undefined],
        ['bom.yaml', '\uFEFFb: 2\n'],
        ['folder', undefined],
        ['big.txt', big],
      ],
    );
    assert.deepEqual(
      [...again],
      [
        ['folder/c.yaml', 'c: 3\n'],
        ['line\nbreak.yaml', undefined],
      ],
    );
  } finally {
    session.close();
  }
  // Closed, it starts a new process on the next read.
  assert.equal(
    (await readCommitFiles(session, ops.head(), ['folder/c.yaml'])).get('folder/c.yaml'),
    'c: 3\n',
  );
  session.close();
});

test('a commit keeps executable and nested files executable, and uses the identity git commits with', async () => {
  for (const writes of [false, true]) {
    const ops = repo({
      'run.sh': 'echo 1\n',
      'deep/er/tool.sh': 'echo 2\n',
      'deep/er/values.yaml': 'v: 1\n',
    });
    for (const file of ['run.sh', 'deep/er/tool.sh']) chmodSync(join(ops.dir, file), 0o755);
    ops.git(['add', '-A']);
    ops.git(['commit', '--quiet', '-m', 'executable']);
    ops.git(['config', 'user.name', 'Promoter']);
    ops.git(['config', 'user.email', 'promoter@example.com']);
    const local = localOpsRepository(ops.dir, { writes });
    const result = await local.commit({
      branch: 'main',
      expectedHead: ops.head(),
      changes: [
        { path: 'run.sh', content: 'echo 10\n' },
        { path: 'deep/er/tool.sh', content: 'echo 20\n' },
        { path: 'deep/er/values.yaml', content: 'v: 2\n' },
        { path: 'deep/new.yaml', content: 'n: 1\n' },
      ],
      message: 'promote',
    });
    assert.ok('commit' in result, JSON.stringify(result));
    const modes = ops.git(['ls-tree', '-r', result.commit]).replace(/ [0-9a-f]{40}/g, '');
    assert.equal(
      modes,
      [
        '100755 blob\tdeep/er/tool.sh',
        '100644 blob\tdeep/er/values.yaml',
        '100644 blob\tdeep/new.yaml',
        '100755 blob\trun.sh',
      ].join('\n'),
    );
    assert.equal(
      ops.git(['show', '-s', '--format=%an <%ae>|%cn <%ce>', result.commit]),
      'Promoter <promoter@example.com>|Promoter <promoter@example.com>',
    );
    assert.equal(readFileSync(join(ops.dir, 'run.sh'), 'utf8'), 'echo 10\n');
    assert.equal(ops.git(['status', '--porcelain']), '', 'the checkout follows');
    assert.equal(ops.git(['for-each-ref', 'refs/modelship/']), '', 'no scratch ref left');
  }
});

test(`outside a repository: the session fails its reads, the repository says so in one UserError`, async () => {
  const plain = mkdtempSync(join(tmpdir(), 'modelship-plain-'));
  dirs.push(plain);
  const session = catFileSession({ cwd: plain });
  await assert.rejects(session.read(['HEAD', 'HEAD:a.yaml']), /not a git repository/);
  session.close();
  await assert.rejects(localOpsRepository(plain, { writes: true }).snapshot(), (e) => {
    assert.ok(isUserError(e));
    assert.match(e.message, /is not a git repository/);
    return true;
  });
});
