import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import { startGitHubStandIn, type GitHubStandIn } from '../support/github/server.js';
import { OpsRepo } from '../support/ops-repo.js';
import { modelRepository, OPS_FILES, STAGING_AFTER } from '../support/promotion-fixture.js';
import { runModelship } from '../support/run-cli-in-process.js';

const run = promisify(execFile);
const model = modelRepository();
let gh: GitHubStandIn;
let env: Record<string, string>;
let count = 0;
before(async () => {
  gh = await startGitHubStandIn();
});
after(async () => {
  model.remove();
  await gh.close();
});

/** A fresh acme/opsN on the stand-in, with the fixture's files, and a token that may write to it. */
async function apiOps() {
  const name = `acme/ops${++count}`;
  const repo = await gh.createRepo(name, { files: OPS_FILES });
  env = { GITHUB_TOKEN: gh.createWorkflowToken(name), GITHUB_API_URL: gh.url, GITHUB_ACTOR: 'ada' };
  const git = async (...args: string[]) => (await run('git', args, { cwd: repo.git.dir })).stdout;
  return { name, git, head: async (b = 'main') => (await git('rev-parse', `refs/heads/${b}`)).trim() };
}

describe('modelship promote and status through the API (the stand-in) agree with a local ops repository', () => {
  test('the same commit content, message and status both ways', async () => {
    const api = await apiOps();
    const local = OpsRepo.create(OPS_FILES);
    try {
      const viaApi = await runModelship(
        ['promote', 'fraud', 'v5.1.0', '--to', 'staging', '--ops-repo', api.name, '--json'],
        model.dir,
        env,
      );
      const viaGit = await runModelship(
        ['promote', 'fraud', 'v5.1.0', '--to', 'staging', '--ops-repo', local.dir, '--json'],
        model.dir,
        { GITHUB_ACTOR: 'ada' },
      );
      assert.equal(viaApi.code, 0, viaApi.stderr);
      assert.equal(viaGit.code, 0, viaGit.stderr);
      const a = JSON.parse(viaApi.stdout).environments[0];
      const g = JSON.parse(viaGit.stdout).environments[0];
      assert.equal(a.status, 'committed');
      assert.match(a.url, /\/acme\/ops\d+\/commit\/[0-9a-f]{40}$/);
      const comparable = (e: { plan: Record<string, unknown> }) => ({ ...e.plan, commit: undefined });
      assert.deepEqual(comparable(a), comparable(g), 'the same plan');

      const head = await api.head();
      for (const [path, text] of Object.entries(STAGING_AFTER)) {
        assert.equal(await api.git('show', `${head}:${path}`), text, path);
        assert.equal(local.show(path), text, path);
      }
      assert.equal(
        (await api.git('show', '-s', '--format=%B', head)).trim(),
        local.git(['show', '-s', '--format=%B', 'main']),
      );

      const statusApi = await runModelship(
        ['status', 'fraud', '--ops-repo', api.name, '--json'],
        model.dir,
        env,
      );
      const statusGit = await runModelship(['status', 'fraud', '--ops-repo', local.dir, '--json'], model.dir);
      const strip = (text: string) =>
        JSON.parse(text).environments.map((e: Record<string, unknown>) => ({ ...e, commit: undefined }));
      assert.deepEqual(strip(statusApi.stdout), strip(statusGit.stdout));
      assert.equal(
        strip(statusApi.stdout).find((e: { environment: string }) => e.environment === 'staging').version,
        'v5.1.0',
      );

      // A re-run writes nothing: no createCommitOnBranch call, the branch where it was.
      const mutations = () => gh.calls.filter((c) => c.graphql?.operation === 'mutation').length;
      const before = mutations();
      const again = await runModelship(
        ['promote', 'fraud', 'v5.1.0', '--to', 'staging', '--ops-repo', api.name],
        model.dir,
        env,
      );
      assert.equal(again.code, 0, again.stderr);
      assert.match(again.stdout, /nothing to change: staging already runs fraud v5\.1\.0/);
      assert.equal(mutations(), before);
      assert.equal(await api.head(), head);
    } finally {
      local.remove();
    }
  });

  test('pull-request mode: one pull request on modelship/production/fraud; a second promotion updates it', async () => {
    const api = await apiOps();
    const main = await api.head();
    const first = await runModelship(
      ['promote', 'fraud', 'v5.1.0', '--to', 'production', '--ops-repo', api.name],
      model.dir,
      env,
    );
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /✓ pull request #(\d+) opened: http/);
    const number = Number(/#(\d+)/.exec(first.stdout)![1]);
    const second = await runModelship(
      ['promote', 'fraud', 'v5.2.0', '--to', 'production', '--ops-repo', api.name],
      model.dir,
      env,
    );
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stdout, new RegExp(`✓ pull request #${number} updated: http`));
    assert.equal(await api.head(), main, 'the environment branch is untouched until the pull request merges');
    const branch = await api.head('modelship/production/fraud');
    assert.equal((await api.git('rev-parse', `${branch}^`)).trim(), main, 'one commit on the base');
    assert.match(
      await api.git('show', `${branch}:apps/fraud/production/deployment.yaml`),
      /fraud-model:v5\.2\.0 # pinned/,
    );
    const repo = gh.state.repos.get(api.name)!;
    const open = [...repo.pulls.values()].filter((p) => p.state === 'open');
    assert.equal(open.length, 1);
    assert.equal(open[0]!.title, 'Promote fraud v5.2.0 to production (was v5.0.2)');
  });

  test('an environment that does not exist: exit 2 and no write through the API', async () => {
    const api = await apiOps();
    const head = await api.head();
    const writes = () =>
      gh.calls.filter((c) => c.method !== 'GET' && c.graphql?.operation !== 'query').length;
    const before = writes();
    const runOut = await runModelship(
      ['promote', 'fraud', 'v5.1.0', '--to', 'prod', '--ops-repo', api.name],
      model.dir,
      env,
    );
    assert.equal(runOut.code, 2);
    assert.match(runOut.stderr, /no environment "prod"/);
    assert.equal(writes(), before);
    assert.equal(await api.head(), head);
  });
});
