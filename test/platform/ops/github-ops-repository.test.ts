import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createGitHubClient } from '../../../platform/github/client.js';
import { githubOpsRepository } from '../../../platform/ops/github-ops-repository.js';
import { startGitHubStandIn, type GitHubStandIn } from '../../support/github/server.js';
import { FILES, opsRepositoryContract } from './ops-repository-contract.js';

const run = promisify(execFile);
let gh: GitHubStandIn;
let count = 0;
before(async () => {
  gh = await startGitHubStandIn();
});
after(() => gh.close());

opsRepositoryContract('GitHub API', async () => {
  const name = `acme/ops${++count}`;
  const repo = await gh.createRepo(name, { files: FILES });
  const octokit = createGitHubClient({ token: gh.createWorkflowToken(name), baseUrl: gh.url, pacing: false });
  const git = async (args: string[]) => (await run('git', args, { cwd: repo.git.dir })).stdout;
  return {
    ops: githubOpsRepository(octokit, { owner: 'acme', repo: name.split('/')[1]! }),
    head: async (branch) => {
      try {
        return (await git(['rev-parse', '--verify', `refs/heads/${branch}`])).trim();
      } catch {
        return undefined;
      }
    },
    show: async (path, rev) => git(['show', `${rev}:${path}`]),
    commitInfo: async (sha) => ({
      message: await git(['show', '-s', '--format=%B', sha]),
      parents: (await git(['show', '-s', '--format=%P', sha])).trim().split(' ').filter(Boolean),
    }),
    pullRequests: true,
  };
});

test('files named with the snapshot come in the heads query: one GraphQL call, exactly the stored text', async () => {
  const name = `acme/ops${++count}`;
  const repo = await gh.createRepo(name, { files: FILES });
  await repo.git.updateRef('refs/heads/staging', repo.headSha, '');
  const octokit = createGitHubClient({ token: gh.createWorkflowToken(name), baseUrl: gh.url, pacing: false });
  const ops = githubOpsRepository(octokit, { owner: 'acme', repo: name.split('/')[1]! });
  for (const branch of [undefined, 'staging']) {
    const start = gh.calls.length;
    const snapshot = await ops.snapshot(branch, ['apps/fraud/values.yaml', 'missing.yaml', 'apps']);
    const files = await snapshot.readFiles(['apps/fraud/values.yaml', 'missing.yaml', 'apps']);
    assert.deepEqual(
      gh.calls.slice(start).map((c) => c.operationId),
      ['graphql'],
    );
    assert.equal(snapshot.commit, repo.headSha);
    // Byte for byte (BOM, CRLF); a missing path and a directory read as absent.
    assert.deepEqual(
      [...files],
      [
        ['apps/fraud/values.yaml', FILES['apps/fraud/values.yaml']],
        ['missing.yaml', undefined],
        ['apps', undefined],
      ],
    );
  }
});
