import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import { applyPromotion } from '../../../jobs/promote/apply-promotion.js';
import type { OpsRepository, PromotePorts } from '../../../jobs/promote/promote-ports.js';
import { resolvePromoteSettings } from '../../../jobs/promote/promote-settings.js';
import { createGitHubClient } from '../../../platform/github/client.js';
import { githubOpsRepository } from '../../../platform/ops/github-ops-repository.js';
import { localOpsRepository } from '../../../platform/ops/local-ops-repository.js';
import { gitRegistryTags } from '../../../platform/registry/git-registry-tags.js';
import { startGitHubStandIn, type GitHubStandIn } from '../../support/github/server.js';
import { OpsRepo } from '../../support/ops-repo.js';
import { modelRepository, OPS_FILES } from '../../support/promotion-fixture.js';

const run = promisify(execFile);
const model = modelRepository();
const registry = gitRegistryTags({ cwd: model.dir });
let gh: GitHubStandIn;
let count = 0;
const cleanup: OpsRepo[] = [];
before(async () => {
  gh = await startGitHubStandIn();
});
after(async () => {
  model.remove();
  cleanup.forEach((r) => r.remove());
  await gh.close();
});

interface Side {
  ops: OpsRepository;
  /** A commit by someone else on main, changing one file. */
  pushElsewhere(path: string, content: string): Promise<void>;
  show(path: string): Promise<string>;
  log(): Promise<string[]>;
}

const sides: Record<string, () => Promise<Side>> = {
  local: async () => {
    const repo = OpsRepo.create(OPS_FILES, { bare: true });
    cleanup.push(repo);
    return {
      ops: localOpsRepository(repo.dir),
      pushElsewhere: async (path, content) => {
        const blob = repo.git(['hash-object', '-w', '--stdin'], content);
        const index = `${repo.dir}/other-index`;
        const env = { ...process.env, GIT_INDEX_FILE: index };
        const git = async (...args: string[]) =>
          (await run('git', args, { cwd: repo.dir, env })).stdout.trim();
        await git('read-tree', 'main');
        await git('update-index', '--cacheinfo', `100644,${blob},${path}`);
        const tree = await git('write-tree');
        const commit = await git('commit-tree', tree, '-p', 'main', '-m', 'someone else');
        await git('update-ref', 'refs/heads/main', commit);
      },
      show: async (path) => repo.show(path),
      log: async () => repo.git(['log', '--format=%s', 'main']).split('\n'),
    };
  },
  api: async () => {
    const name = `acme/race${++count}`;
    const repo = await gh.createRepo(name, { files: OPS_FILES });
    const octokit = createGitHubClient({
      token: gh.createWorkflowToken(name),
      baseUrl: gh.url,
      pacing: false,
    });
    const git = async (...args: string[]) => (await run('git', args, { cwd: repo.git.dir })).stdout;
    return {
      ops: githubOpsRepository(octokit, { owner: 'acme', repo: name.split('/')[1]! }),
      pushElsewhere: async (path, content) => {
        const { data } = await octokit.rest.repos.getContent({
          owner: 'acme',
          repo: name.split('/')[1]!,
          path,
        });
        await octokit.rest.repos.createOrUpdateFileContents({
          owner: 'acme',
          repo: name.split('/')[1]!,
          path,
          message: 'someone else',
          content: Buffer.from(content).toString('base64'),
          sha: (data as { sha: string }).sha,
        });
      },
      show: async (path) => git('show', `main:${path}`),
      log: async () => (await git('log', '--format=%s', 'main')).trim().split('\n'),
    };
  },
};

const settings = (environment: string, version = 'v5.1.0') =>
  resolvePromoteSettings({ model: 'fraud', version, environment, requestedBy: 'ada' });

for (const [name, side] of Object.entries(sides))
  describe(`races on one branch (${name})`, () => {
    test('two promotions to the same branch at once: both land, one after re-planning; no lost update', async () => {
      const { ops, show, log } = await side();
      const ports: PromotePorts = { ops, registry };
      const [staging, canary] = await Promise.all([
        applyPromotion(settings('staging'), ports),
        applyPromotion(settings('canary'), ports),
      ]);
      const results = [staging.environments[0]!, canary.environments[0]!];
      assert.deepEqual(
        results.map((r) => r.status),
        ['committed', 'committed'],
      );
      // Whether the two interleave is up to the scheduler (the next test forces it): either way
      // neither change may be lost.
      assert.match(await show('apps/fraud/staging/deployment.yaml'), /fraud-model:v5\.1\.0/);
      assert.match(await show('apps/canary/deploy.yaml'), /fraud-model:v5\.1\.0/);
      const subjects = await log();
      assert.ok(subjects.includes('Promote fraud v5.1.0 to staging (was v5.0.2)'));
      assert.ok(subjects.includes('Promote fraud v5.1.0 to canary (was v5.0.2)'));
    });

    test('the branch moves between plan and apply: re-read, re-planned, both changes kept', async () => {
      const { ops, pushElsewhere, show } = await side();
      let moved = false;
      const racing: OpsRepository = {
        name: ops.name,
        snapshot: (b) => ops.snapshot(b),
        commit: async (request) => {
          if (!moved) {
            moved = true;
            // Someone edits the very file being promoted (another line of it) after the plan.
            const text = await show('apps/fraud/staging/deployment.yaml');
            await pushElsewhere(
              'apps/fraud/staging/deployment.yaml',
              text.replace('containerPort: 8080', 'containerPort: 9090'),
            );
          }
          return ops.commit(request);
        },
        openOrUpdatePullRequest: (r) => ops.openOrUpdatePullRequest(r),
      };
      const outcome = await applyPromotion(settings('staging'), { ops: racing, registry });
      const result = outcome.environments[0]!;
      assert.equal(result.status, 'committed');
      assert.equal(result.attempts, 2);
      const text = await show('apps/fraud/staging/deployment.yaml');
      assert.match(text, /fraud-model:v5\.1\.0/);
      assert.match(text, /containerPort: 9090/, "the other writer's change is kept");
    });

    test('a branch that keeps moving: refused after 3 attempts, nothing of ours written', async () => {
      const { ops, pushElsewhere, log } = await side();
      let n = 0;
      const racing: OpsRepository = {
        name: ops.name,
        snapshot: (b) => ops.snapshot(b),
        commit: async (request) => {
          await pushElsewhere('README.md', `# ops ${++n}\n`);
          return ops.commit(request);
        },
        openOrUpdatePullRequest: (r) => ops.openOrUpdatePullRequest(r),
      };
      const outcome = await applyPromotion(settings('staging'), { ops: racing, registry });
      const result = outcome.environments[0]!;
      assert.equal(result.status, 'refused');
      assert.equal(result.attempts, 3);
      assert.ok(!(await log()).some((s) => s.startsWith('Promote')));
    });
  });
