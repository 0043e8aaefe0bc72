import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { after, before } from 'node:test';
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
