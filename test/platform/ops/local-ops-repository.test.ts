import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { localOpsRepository } from '../../../platform/ops/local-ops-repository.js';
import { OpsRepo } from '../../support/ops-repo.js';
import { FILES, opsRepositoryContract } from './ops-repository-contract.js';

const repos: OpsRepo[] = [];
after(() => repos.forEach((r) => r.remove()));

for (const bare of [false, true]) {
  opsRepositoryContract(`local ${bare ? 'bare' : 'checkout'}`, async () => {
    const repo = OpsRepo.create(FILES, { bare });
    repos.push(repo);
    return {
      ops: localOpsRepository(repo.dir),
      head: async (branch) => {
        try {
          return repo.head(branch);
        } catch {
          return undefined;
        }
      },
      show: async (path, rev) => repo.show(path, rev),
      commitInfo: async (sha) => ({
        message: repo.git(['show', '-s', '--format=%B', sha]),
        parents: repo.git(['show', '-s', '--format=%P', sha]).split(' ').filter(Boolean),
      }),
      pullRequests: false,
    };
  });
}

test('a checkout on the branch follows the commit; uncommitted edits to a changed file refuse it', async () => {
  const repo = OpsRepo.create(FILES);
  repos.push(repo);
  const ops = localOpsRepository(repo.dir);
  const head = repo.head();
  const result = await ops.commit({
    branch: 'main',
    expectedHead: head,
    changes: [{ path: 'apps/other/values.yaml', content: 'x: 2\n' }],
    message: 'promote',
  });
  assert.ok('commit' in result);
  assert.equal(readFileSync(join(repo.dir, 'apps/other/values.yaml'), 'utf8'), 'x: 2\n');
  assert.equal(repo.git(['status', '--porcelain']), '', 'the checkout is clean at the new commit');

  repo.write({ 'apps/other/values.yaml': 'x: mine\n', 'README.md': '# edited\n' });
  const refs = repo.refs();
  const refused = await ops.commit({
    branch: 'main',
    expectedHead: result.commit,
    changes: [{ path: 'apps/other/values.yaml', content: 'x: 3\n' }],
    message: 'promote',
  });
  assert.ok('refused' in refused);
  assert.match(refused.refused, /apps\/other\/values\.yaml has uncommitted changes/);
  assert.equal(repo.refs(), refs, 'nothing written');
  assert.equal(readFileSync(join(repo.dir, 'apps/other/values.yaml'), 'utf8'), 'x: mine\n');

  // An edit elsewhere does not stand in the way, and is kept.
  const other = await ops.commit({
    branch: 'main',
    expectedHead: result.commit,
    changes: [{ path: 'apps/fraud/deploy.yaml', content: 'kind: StatefulSet\n' }],
    message: 'promote',
  });
  assert.ok('commit' in other);
  assert.equal(readFileSync(join(repo.dir, 'apps/fraud/deploy.yaml'), 'utf8'), 'kind: StatefulSet\n');
  assert.equal(readFileSync(join(repo.dir, 'README.md'), 'utf8'), '# edited\n');
});
