import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buildRegistryState } from '../../../core/registry/build-registry-state.js';
import type { RegistryState, RegistryTag } from '../../../core/registry/registry-types.js';
import { formatVersionTagMessage } from '../../../core/registry/version-tag-message.js';
import { assignStage } from '../../../jobs/registry/run-assign-stage.js';
import { runRegistryDoctor } from '../../../jobs/registry/run-registry-doctor.js';
import { runRegistryWhich } from '../../../jobs/registry/run-registry-which.js';
import { unassignStage } from '../../../jobs/registry/run-unassign-stage.js';
import { createGitHubClient, type GitHubClient } from '../../../platform/github/client.js';
import { gitRegistryTags } from '../../../platform/registry/git-registry-tags.js';
import { githubRegistryReleases } from '../../../platform/registry/github-registry-releases.js';
import { githubRegistryTags } from '../../../platform/registry/github-registry-tags.js';
import { githubRegistryTagWriter } from '../../../platform/registry/github-registry-tags-writer.js';
import { startGitHubStandIn, type GitHubStandIn } from '../../support/github/server.js';
import type { Repo } from '../../support/github/state.js';
import { runModelship } from '../../support/run-cli-in-process.js';
import { gtoMessage } from '../../support/registry-repo.js';

// The same tags read from a clone (git) and through the API (GraphQL over the stand-in's real git)
// must give the same registry; writes through the API land as annotated tags in that git.
let gh: GitHubStandIn;
let repo: Repo & { headSha: string };
let client: GitHubClient;
let token: string;
const commits: string[] = [];
const scratch = mkdtempSync(join(tmpdir(), 'modelship-registry-online-'));
let clock = 1_767_225_600; // 2026-01-01T00:00:00Z

const git = (args: string[], input?: string, env: Record<string, string> = {}) =>
  repo.git.git(args, input, env);

/** `git tag -a` in the backing repository, as GTO would run it in a clone and push. */
async function tag(name: string, commit: string, message: string) {
  clock += 60;
  await git(['tag', '-a', name, '-m', message, commit], undefined, {
    GIT_COMMITTER_NAME: 'Ada',
    GIT_COMMITTER_EMAIL: 'ada@example.com',
    GIT_COMMITTER_DATE: `${clock} +0200`,
  });
}

const sorted = (tags: RegistryTag[]) => [...tags].sort((a, b) => (a.name < b.name ? -1 : 1));
const plain = (state: RegistryState) =>
  JSON.stringify({ models: [...state.models], problems: state.problems });

before(async () => {
  gh = await startGitHubStandIn();
  repo = await gh.createRepo('acme/models', { files: { 'README.md': '# models\n' } });
  token = gh.createWorkflowToken('acme/models');
  client = createGitHubClient({ token, baseUrl: gh.url, retries: 0, pacing: false });
  const tree = await git(['rev-parse', `${repo.headSha}^{tree}`]);
  let parent = repo.headSha;
  for (let i = 0; i < 4; i++) {
    parent = await git(['commit-tree', tree, '-p', parent, '-m', `train ${i}`], undefined, {
      GIT_AUTHOR_NAME: 'Ada',
      GIT_AUTHOR_EMAIL: 'ada@example.com',
      GIT_COMMITTER_NAME: 'Ada',
      GIT_COMMITTER_EMAIL: 'ada@example.com',
    });
    commits.push(parent);
  }
  await git(['update-ref', 'refs/heads/main', parent]);
  const [c0, c1, c2, c3] = commits as [string, string, string, string];
  await tag('fraud@v1.0.0', c0, gtoMessage.register('fraud', 'v1.0.0'));
  await tag(
    'fraud@v1.1.0',
    c1,
    formatVersionTagMessage({
      schema: 'modelship/version@1',
      model: 'fraud',
      version: 'v1.1.0',
      commit: c1,
      artifacts: [
        { name: 'model.onnx', uri: 'https://example.com/model.onnx', sha256: 'c'.repeat(64), size: 10 },
      ],
      metrics: { roc_auc: 0.93 },
    }),
  );
  await tag('fraud@v2.0.0', c2, gtoMessage.register('fraud', 'v2.0.0'));
  await tag('fraud#production#1', c0, gtoMessage.assign('fraud', 'v1.0.0', 'production'));
  await tag('team/churn@v0.1.0', c3, 'Registering artifact team/churn version v0.1.0\n\nsecond paragraph\n');
  await git(['tag', 'fraud@v0.9.0', c3]); // lightweight: reported by both readers
  // 150 more: two pages of refs; and tags that are no concern of the registry.
  const stream = Array.from({ length: 150 }, (_, i) => {
    const message = `Registering artifact bulk version v0.0.${i + 1}\n`;
    return `tag bulk@v0.0.${i + 1}\nfrom ${c3}\ntagger Bot <bot@example.com> ${clock + i} +0000\ndata ${Buffer.byteLength(message)}\n${message}\n`;
  }).join('');
  await git(['fast-import', '--quiet'], stream);
  await git(
    ['update-ref', '--stdin'],
    ['v1.0.0', 'release-2026'].map((n) => `create refs/tags/${n} ${c3}\n`).join(''),
  );
});
after(async () => {
  rmSync(scratch, { recursive: true, force: true });
  await gh.close();
});

describe('githubRegistryTags (GraphQL) against the local reader on the same git', () => {
  test('the same tags, hence the same RegistryState, offline and online', async () => {
    const offline = await gitRegistryTags({ cwd: scratch, gitDir: repo.git.dir }).listTags();
    const before = gh.calls.length;
    const online = await githubRegistryTags(client, 'acme/models').listTags();
    assert.equal(online.length, 156);
    assert.deepEqual(sorted(online), sorted(offline));
    assert.equal(plain(buildRegistryState(online)), plain(buildRegistryState(offline)));
    // 158 tags under refs/tags/: two requests of 100.
    assert.equal(gh.calls.slice(before).filter((c) => c.operationId === 'graphql').length, 2);
    const churn = online.find((t) => t.name === 'team/churn@v0.1.0')!;
    assert.equal(churn.message, 'Registering artifact team/churn version v0.1.0\n\nsecond paragraph');
    assert.deepEqual(churn.tagger, { name: 'Ada', email: 'ada@example.com', date: '2026-01-01T00:05:00Z' });
    assert.equal(churn.commit, commits[3]);
  });

  test("one model's tags: one request, the names checked here (the API's filter is a substring match)", async () => {
    const before = gh.calls.length;
    const online = await githubRegistryTags(client, 'acme/models').listTags({ model: 'fraud' });
    const offline = await gitRegistryTags({ cwd: scratch, gitDir: repo.git.dir }).listTags({
      model: 'fraud',
    });
    assert.deepEqual(sorted(online), sorted(offline));
    assert.deepEqual(online.map((t) => t.name).sort(), [
      'fraud#production#1',
      'fraud@v0.9.0',
      'fraud@v1.0.0',
      'fraud@v1.1.0',
      'fraud@v2.0.0',
    ]);
    assert.equal(gh.calls.slice(before).length, 1);
  });

  test('errors say what to do: unknown repository, bad token', async () => {
    await assert.rejects(
      githubRegistryTags(client, 'acme/nope').listTags(),
      /repository acme\/nope was not found, or the token cannot see it/,
    );
    const bad = createGitHubClient({ token: 'ghp_wrong', baseUrl: gh.url, retries: 0, pacing: false });
    await assert.rejects(githubRegistryTags(bad, 'acme/models').listTags(), /GitHub refused the token \(401/);
  });
});

describe('life-cycle writes through the API', () => {
  const ports = () => ({
    tags: githubRegistryTags(client, 'acme/models'),
    writer: githubRegistryTagWriter(client, { owner: 'acme', repo: 'models' }),
  });

  test('assign, idempotent re-assign, unassign: annotated tags in the backing git', async () => {
    const outcome = await assignStage(
      { model: 'fraud', version: 'v2.0.0', stage: 'production', by: 'ada' },
      ports(),
    );
    assert.equal(outcome.tag, 'fraud#production#2');
    assert.equal(await git(['cat-file', '-t', 'fraud#production#2']), 'tag');
    assert.equal(await git(['rev-parse', 'fraud#production#2^{commit}']), commits[2]);
    const again = await assignStage({ model: 'fraud', version: 'v2.0.0', stage: 'production' }, ports());
    assert.equal(again.changed, false);
    assert.equal(
      (await runRegistryWhich({ model: 'fraud', stage: 'production' }, ports())).holder?.version,
      'v2.0.0',
    );
    const un = await unassignStage({ model: 'fraud', stage: 'production' }, ports());
    assert.equal(un.tag, 'fraud#production!#3');
    assert.equal(
      (await runRegistryWhich({ model: 'fraud', stage: 'production' }, ports())).holder?.version,
      'v1.0.0',
    );
  });

  test('racing assignStage calls through the API: one tag', async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 4 }, () =>
        assignStage({ model: 'fraud', version: 'v1.1.0', stage: 'staging' }, ports()),
      ),
    );
    assert.equal(outcomes.filter((o) => o.changed).length, 1);
    assert.equal((await git(['tag', '--list', 'fraud#staging#*'])).split('\n').length, 1);
  });

  test('the CLI with --repo: assign and which through the API, the same answer as git', async () => {
    const env = { GITHUB_TOKEN: token, GITHUB_API_URL: gh.url };
    const a = await runModelship(
      ['registry', 'assign', 'fraud', 'v1.1.0', 'canary', '--repo', 'acme/models'],
      scratch,
      env,
    );
    assert.equal(a.code, 0, a.stderr);
    assert.match(a.stdout, /^✓ Assigned canary to fraud v1\.1\.0 \(fraud#canary#\d+\)\n$/);
    const online = await runModelship(['registry', 'list', '--json', '--repo', 'acme/models'], scratch, env);
    const offline = await runModelship(['registry', 'list', '--json', '--git-dir', repo.git.dir], scratch);
    assert.equal(online.code, 0, online.stderr);
    assert.deepEqual(JSON.parse(online.stdout), JSON.parse(offline.stdout));
    assert.match(online.stderr, /warning: fraud@v0\.9\.0 is a lightweight tag/);
  });
});

describe('doctor online', () => {
  test('a version registered by Modelship without its release, then with an incomplete one', async () => {
    const ports = {
      tags: githubRegistryTags(client, 'acme/models'),
      releases: githubRegistryReleases(client, 'acme/models'),
    };
    const first = await runRegistryDoctor(ports);
    const kinds = (o: typeof first, kind: string) =>
      o.problems.filter((p) => p.kind === kind).map((p) => p.tag);
    // GTO's versions carry no record and are not expected to have a release.
    assert.deepEqual(kinds(first, 'tag-without-release'), ['fraud@v1.1.0']);
    assert.deepEqual(kinds(first, 'lightweight-tag'), ['fraud@v0.9.0']);
    assert.equal(kinds(first, 'versions-on-one-commit').length, 149); // bulk's 150 versions share one commit
    await client.rest.repos.createRelease({
      owner: 'acme',
      repo: 'models',
      tag_name: 'fraud@v1.1.0',
      name: 'fraud v1.1.0',
    });
    const second = await runRegistryDoctor(ports);
    const missing = second.problems.find((p) => p.kind === 'missing-asset');
    assert.equal(
      missing?.message,
      'the release of fraud@v1.1.0 lacks model-card.json, metrics.json, model.onnx: run the registration again to complete it',
    );
    assert.deepEqual(second.releases, { checked: true, count: 1 });
  });
});
