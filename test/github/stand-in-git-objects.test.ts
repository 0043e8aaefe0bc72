import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { GitRepo } from '../support/github/git-repo.js';
import { gitProcesses } from '../support/github/git-processes.js';

// The stand-in writes commits and tags and answers diffs and push lists without git processes;
// each answer here is checked against the git command it replaces, run on the same repository.
let root: string;
let git: GitRepo;
const person = { name: 'octocat', email: '1+octocat@users.noreply.github.com' };

before(async () => {
  root = mkdtempSync(join(tmpdir(), 'modelship-git-objects-'));
  git = await GitRepo.init(join(root, 'repo.git'), 'main');
});
after(() => {
  git.close();
  rmSync(root, { recursive: true, force: true });
});

/** git processes `run` starts (the repository's long-lived object reader aside). */
async function processes(run: () => Promise<unknown>): Promise<string[]> {
  return gitProcesses.scope.run({ operation: 'counted' }, async () => {
    gitProcesses.counts.delete('counted');
    await run();
    return [...(gitProcesses.counts.get('counted')?.keys() ?? [])].filter((c) => !c.startsWith('cat-file'));
  });
}

const blob = (text: string) => git.writeBlob(Buffer.from(text));
const gitDate = async (sha: string) =>
  /^committer .* (\d+ [+-]\d{4})$/m.exec((await git.git(['cat-file', 'commit', sha])) + '\n')![1]!;
/** What `commit-tree` writes for the same input, dated as the commit `sha` is. */
async function commitTree(sha: string, tree: string, parents: string[], message: string, date?: string) {
  const when = date ?? (await gitDate(sha));
  return git.git(['commit-tree', tree, ...parents.flatMap((p) => ['-p', p]), '-F', '-'], message, {
    GIT_AUTHOR_NAME: person.name,
    GIT_AUTHOR_EMAIL: person.email,
    GIT_COMMITTER_NAME: 'GitHub',
    GIT_COMMITTER_EMAIL: 'noreply@github.com',
    GIT_AUTHOR_DATE: when,
    GIT_COMMITTER_DATE: when,
  });
}
const commit = (tree: string, parents: string[], message: string) =>
  git.commit(tree, parents, message, person, undefined, { name: 'GitHub', email: 'noreply@github.com' });
const diffTree = async (sha: string, parent?: string) =>
  (
    await git.git([
      'diff-tree',
      '-r',
      '--no-commit-id',
      '--name-status',
      ...(parent ? [parent, sha] : ['--root', sha]),
    ])
  )
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [status, path] = line.split('\t') as [string, string];
      return { status, path };
    });

describe('stand-in git objects without git processes', () => {
  test('commits, tags, diffs, ancestry and pushed commits are what git makes of them', async () => {
    const [a, b, c] = await Promise.all([blob('a\n'), blob('b\n'), blob('c\n')]);
    const first = await git.makeTree([
      { path: 'README.md', mode: '100644', sha: a },
      { path: 'x', mode: '100644', sha: a },
      { path: 'x-y', mode: '100644', sha: b },
      { path: 'deep/er/file.txt', mode: '100644', sha: b },
      { path: 'run.sh', mode: '100644', sha: c },
      { path: 'link', mode: '120000', sha: a },
      { path: 'same/kept.txt', mode: '100644', sha: c },
    ]);
    const root = await commit(first, [], 'first\n\nwith a body and no final line feed');
    assert.equal(root, await commitTree(root, first, [], 'first\n\nwith a body and no final line feed'));
    assert.deepEqual(await git.commitChanges(root), await diffTree(root));

    // Added, deleted, modified, type-changed, mode-changed, a file becoming a directory.
    const second = await git.makeTree(
      [
        { path: 'x', mode: '100644', sha: null },
        { path: 'x/inner.txt', mode: '100644', sha: c },
        { path: 'x-y', mode: '100644', sha: a },
        { path: 'deep/er/file.txt', mode: '100644', sha: null },
        { path: 'deep/new.txt', mode: '100644', sha: a },
        { path: 'run.sh', mode: '100755', sha: c },
        { path: 'link', mode: '100644', sha: a },
        { path: 'z/added.txt', mode: '100644', sha: b },
      ],
      root,
    );
    const next = await commit(second, [root], 'second');
    assert.equal(next, await commitTree(next, second, [root], 'second'));
    const changes = await git.commitChanges(next);
    assert.deepEqual(changes, await diffTree(next, root));
    assert.deepEqual(
      changes.map((c) => `${c.status} ${c.path}`),
      [
        'D deep/er/file.txt',
        'A deep/new.txt',
        'T link',
        'M run.sh',
        'D x',
        'M x-y',
        'A x/inner.txt',
        'A z/added.txt',
      ],
    );

    // None of that started a git process: the stand-in's usual path.
    const edited = await git.makeTree([{ path: 'README.md', mode: '100644', sha: b }], next);
    assert.deepEqual(
      await processes(async () => {
        const sha = await commit(edited, [next], 'fourth');
        await git.commitChanges(sha);
        await git.isAncestor(next, sha);
        await git.commitsPushed(sha, [next]);
        await git.makeTag('v0', sha, 'commit', 'tagged', { ...person, date: '2026-11-30T03:37:50Z' });
      }),
      [],
    );

    // A path git quotes is listed by git itself, quoted as before.
    const odd = await git.makeTree([{ path: 'é.txt', mode: '100644', sha: c }], next);
    const third = await commit(odd, [next], 'third');
    assert.deepEqual(await git.commitChanges(third), await diffTree(third, next));

    // Ancestry and the commits a push brings, as merge-base and rev-list answer.
    assert.equal(await git.isAncestor(next, third), true);
    assert.equal(await git.isAncestor(third, next), false);
    assert.equal(await git.isAncestor(root, third), true);
    for (const [head, exclude] of [
      [third, [next]],
      [third, [root]],
      [next, [next, third]],
      [third, [next, root]],
    ] as const) {
      const listed = await git.git([
        'rev-list',
        '--reverse',
        '--max-count=2048',
        head,
        ...exclude.map((s) => `^${s}`),
      ]);
      assert.deepEqual(await git.commitsPushed(head, [...exclude]), listed.split('\n').filter(Boolean));
    }

    // A dated commit: an ISO 8601 time in UTC, as clients send.
    const dated = await git.commit(second, [root], 'dated', person, '2026-11-30T03:37:50.123Z', {
      name: 'GitHub',
      email: 'noreply@github.com',
    });
    assert.equal(dated, await commitTree(dated, second, [root], 'dated', '2026-11-30T03:37:50.123Z'));
    assert.equal(await gitDate(dated), '1796009870 +0000');

    // Tags: the object mktag writes.
    const tagger = { ...person, date: '2026-11-30T03:37:50Z' };
    const tag = await git.makeTag('v1.0.0', next, 'commit', 'release\n\nnotes', tagger);
    const text = `object ${next}\ntype commit\ntag v1.0.0\ntagger ${person.name} <${person.email}> 1796009870 +0000\n\nrelease\n\nnotes\n`;
    assert.equal(tag, await git.git(['mktag'], text));
    // What mktag refuses is still refused.
    await assert.rejects(git.makeTag('v2', next, 'tree', 'wrong type', tagger));
  });
});
