import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isUserError } from '../../../core/errors.js';
import type { OpsRepository } from '../../../jobs/promote/promote-ports.js';

/** What either ops repository can be asked, seeded with FILES on main, and how to look behind it. */
export interface OpsFixture {
  ops: OpsRepository;
  head(branch: string): Promise<string | undefined>;
  show(path: string, rev: string): Promise<string>;
  /** The commit's message, parents. */
  commitInfo(sha: string): Promise<{ message: string; parents: string[] }>;
  /** Opens pull requests (false for a local checkout, which only sets the branch). */
  pullRequests: boolean;
}

export const FILES: Record<string, string> = {
  '.github/modelship.yml': 'version: 1\n',
  'apps/fraud/values.yaml': '\uFEFFimage:\r\n  tag: v1.0.0 # keep me\r\n',
  'apps/fraud/deploy.yaml': 'kind: Deployment\n',
  'apps/other/values.yaml': 'x: 1\n',
  'README.md': '# ops\n',
};

/** The same tests for the local checkout and the API: both must behave the same. */
export function opsRepositoryContract(name: string, fixture: () => Promise<OpsFixture>) {
  test(`${name}: a snapshot reads files exactly (BOM, CRLF), missing ones as undefined, globs`, async () => {
    const { ops, head } = await fixture();
    const snapshot = await ops.snapshot();
    assert.equal(snapshot.branch, 'main');
    assert.equal(snapshot.defaultBranch, 'main');
    assert.equal(snapshot.commit, await head('main'));
    const files = await snapshot.readFiles(['apps/fraud/values.yaml', 'nope.yaml', 'apps/fraud']);
    assert.equal(files.get('apps/fraud/values.yaml'), FILES['apps/fraud/values.yaml']);
    assert.equal(files.get('nope.yaml'), undefined);
    assert.equal(files.get('apps/fraud'), undefined, 'a directory is not a file');
    assert.equal(await snapshot.readFile('README.md'), '# ops\n');
    assert.deepEqual(await snapshot.listFiles(['apps/**/*.yaml']), [
      'apps/fraud/deploy.yaml',
      'apps/fraud/values.yaml',
      'apps/other/values.yaml',
    ]);
    assert.deepEqual(await snapshot.listFiles(['apps/fraud/*', '*.md']), [
      'README.md',
      'apps/fraud/deploy.yaml',
      'apps/fraud/values.yaml',
    ]);
  });

  test(`${name}: a branch that does not exist is a UserError naming it`, async () => {
    const { ops } = await fixture();
    await assert.rejects(
      () => ops.snapshot('nope'),
      (e) => isUserError(e) && e.kind === 'not-found' && /branch "nope" does not exist/.test(e.message),
    );
  });

  test(`${name}: one commit on the expected head; a stale head writes nothing`, async () => {
    const { ops, head, show, commitInfo } = await fixture();
    const before = (await head('main'))!;
    const content = '\uFEFFimage:\r\n  tag: v2.0.0 # keep me\r\n';
    const message = 'Promote fraud v2.0.0 to staging (was v1.0.0)\n\nModelship-Model: fraud@v2.0.0\n';
    const result = await ops.commit({
      branch: 'main',
      expectedHead: before,
      changes: [
        { path: 'apps/fraud/values.yaml', content },
        { path: 'apps/other/values.yaml', content: 'x: 2\n' },
      ],
      message,
    });
    assert.ok('commit' in result);
    assert.equal(await head('main'), result.commit);
    assert.equal(await show('apps/fraud/values.yaml', result.commit), content);
    assert.equal(await show('apps/other/values.yaml', result.commit), 'x: 2\n');
    assert.equal(await show('README.md', result.commit), '# ops\n');
    const info = await commitInfo(result.commit);
    assert.deepEqual(info.parents, [before]);
    assert.equal(info.message.trimEnd(), message.trimEnd());

    const stale = await ops.commit({
      branch: 'main',
      expectedHead: before,
      changes: [{ path: 'apps/other/values.yaml', content: 'x: 3\n' }],
      message: 'late',
    });
    assert.deepEqual(stale, { stale: true });
    assert.equal(await head('main'), result.commit);
  });

  test(`${name}: of five commits racing from one head, exactly one lands`, async () => {
    const { ops, head } = await fixture();
    const before = (await head('main'))!;
    const results = await Promise.all(
      [1, 2, 3, 4, 5].map((i) =>
        ops.commit({
          branch: 'main',
          expectedHead: before,
          changes: [{ path: 'apps/other/values.yaml', content: `x: ${i}0\n` }],
          message: `race ${i}`,
        }),
      ),
    );
    const won = results.filter((r) => 'commit' in r);
    assert.equal(won.length, 1);
    assert.equal(results.filter((r) => 'stale' in r).length, 4);
    assert.equal(await head('main'), (won[0] as { commit: string }).commit);
  });

  test(`${name}: the pull request branch gets one commit on the base; a re-run changes nothing; a new change updates it`, async () => {
    const { ops, head, show, commitInfo, pullRequests } = await fixture();
    const base = (await head('main'))!;
    const request = {
      base: 'main',
      baseCommit: base,
      branch: 'modelship/production/fraud',
      title: 'Promote fraud v2.0.0 to production',
      body: 'Modelship-Model: fraud@v2.0.0',
      changes: [{ path: 'apps/other/values.yaml', content: 'x: 5\n' }],
      message: 'Promote fraud v2.0.0 to production\n\nModelship-Model: fraud@v2.0.0\n',
    };
    const first = await ops.openOrUpdatePullRequest(request);
    assert.ok('commit' in first);
    assert.equal(first.created, true);
    assert.equal(first.changed, true);
    assert.equal(await head('modelship/production/fraud'), first.commit);
    assert.deepEqual((await commitInfo(first.commit)).parents, [base]);
    assert.equal(await head('main'), base, 'the base branch is not touched');
    if (pullRequests) assert.ok(first.number && first.url);

    const again = await ops.openOrUpdatePullRequest(request);
    assert.ok('commit' in again);
    assert.equal(again.changed, false);
    assert.equal(again.created, false);
    assert.equal(again.commit, first.commit);
    assert.equal(again.number, first.number);

    const next = await ops.openOrUpdatePullRequest({
      ...request,
      title: 'Promote fraud v3.0.0 to production',
      changes: [{ path: 'apps/other/values.yaml', content: 'x: 6\n' }],
    });
    assert.ok('commit' in next);
    assert.equal(next.changed, true);
    assert.equal(next.created, false);
    assert.equal(next.number, first.number, 'the same pull request');
    assert.deepEqual((await commitInfo(next.commit)).parents, [base], 'one commit on the base, not a pile');
    assert.equal(await show('apps/other/values.yaml', next.commit), 'x: 6\n');
  });
}
