import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CreateBucketCommand, PutBucketVersioningCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { createGitHubClient } from '../../platform/github/client.js';
import { createS3Client } from '../../platform/s3/s3-client.js';
import { startGitHubStandIn, type GitHubStandIn } from '../support/github/server.js';
import { RegistryRepo } from '../support/registry-repo.js';
import { registerWorkspace } from '../support/register-fixture.js';
import { gitIn, seedModelRepository } from '../support/registry-standin.js';
import { runModelship } from '../support/run-cli-in-process.js';
import { useS3Server } from '../support/use-s3-server.js';

const s3 = await useS3Server();
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
let gh: GitHubStandIn;
let commits: string[];
let clone: RegistryRepo;
let online: string;

// The AWS SDK's credential chain reads the process environment (the CLI passes only the endpoint on).
process.env.AWS_ACCESS_KEY_ID = s3.accessKeyId;
process.env.AWS_SECRET_ACCESS_KEY = s3.secretAccessKey;
const s3Env = { AWS_ENDPOINT_URL_S3: s3.endpoint, AWS_ACCESS_KEY_ID: s3.accessKeyId, AWS_REGION: s3.region };

before(async () => {
  const client = createS3Client({ endpoint: s3.endpoint });
  await client.send(new CreateBucketCommand({ Bucket: 'cli-models' }));
  await client.send(
    new PutBucketVersioningCommand({ Bucket: 'cli-models', VersioningConfiguration: { Status: 'Enabled' } }),
  );
  gh = await startGitHubStandIn();
  ({ commits } = await seedModelRepository(gh, 'acme/models', 2));
  // A local clone with the workspace's files (offline registration).
  clone = RegistryRepo.create('modelship-register-clone-', 2);
  cpSync(registerWorkspace(), clone.dir, { recursive: true });
  online = registerWorkspace('modelship-register-online-');
});
after(() => gh.close());

const offline = (...args: string[]) => runModelship(args, clone.dir, s3Env);
const viaApi = (...args: string[]) =>
  runModelship(args, online, {
    GITHUB_TOKEN: gh.createWorkflowToken('acme/models'),
    GITHUB_API_URL: gh.url,
    GITHUB_SERVER_URL: gh.webUrl,
  });

describe('modelship register and registry fetch', () => {
  test('offline in a clone with S3 storage: a local annotated tag, artifacts in S3 with their version id', async () => {
    const r = await offline(
      'register',
      '--name',
      'churn',
      '--model',
      'model/churn.onnx',
      '--evaluation',
      'evaluation.json',
      '--storage',
      's3://cli-models/registry',
      '--json',
    );
    assert.equal(r.code, 0, r.stderr);
    const outcome = JSON.parse(r.stdout);
    assert.equal(outcome.tag, 'churn@v0.0.1');
    assert.equal(outcome.release, null, 'offline: no release');
    assert.equal(outcome.commit, clone.commits.at(-1));
    assert.equal(clone.git(['cat-file', '-t', 'churn@v0.0.1']), 'tag');
    const [artifact] = outcome.artifacts;
    assert.equal(
      artifact.uri,
      `s3://cli-models/registry/churn/${sha256('ONNX churn model, trained')}/churn.onnx`,
    );
    assert.match(artifact.versionId, /\S/);
    // The registry's own query reads it back offline.
    const shown = await offline('registry', 'show', 'churn@latest', '--json');
    assert.equal(shown.code, 0, shown.stderr);
    assert.match(shown.stdout, /v0\.0\.1/);
  });

  test('offline fetch verifies the S3 version; a tampered object is refused and nothing reaches --to', async () => {
    const r = await offline('registry', 'fetch', 'churn@v0.0.1', '--to', 'deploy');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(readFileSync(join(clone.dir, 'deploy/churn.onnx'), 'utf8'), 'ONNX churn model, trained');
    assert.match(r.stdout, /every sha256 verified/);
    // The same key overwritten without versioning being honoured: register again into a plain bucket.
    const client = createS3Client({ endpoint: s3.endpoint });
    await client.send(new CreateBucketCommand({ Bucket: 'cli-plain' }));
    clone.commit('retrained');
    writeFileSync(join(clone.dir, 'model/churn.onnx'), 'ONNX churn model, retrained');
    const second = await offline(
      'register',
      '--name',
      'churn',
      '--model',
      'model/churn.onnx',
      '--storage',
      's3://cli-plain/r',
      '--json',
    );
    assert.equal(second.code, 0, second.stderr);
    const key = `r/churn/${sha256('ONNX churn model, retrained')}/churn.onnx`;
    await client.send(
      new PutObjectCommand({ Bucket: 'cli-plain', Key: key, Body: 'ONNX churn model, tampered!' }),
    );
    const refused = await offline('registry', 'fetch', 'churn@v0.0.2', '--to', 'fresh');
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /does not match its registration/);
    assert.equal(existsSync(join(clone.dir, 'fresh')), false);
  });

  test('offline release storage is refused before anything is written, saying it needs the API', async () => {
    const before = clone.git(['tag', '-l']);
    const r = await offline(
      'register',
      '--name',
      'churn',
      '--model',
      'model/churn.onnx',
      '--storage',
      'release',
      '--force',
    );
    assert.equal(r.code, 2);
    assert.match(r.stderr, /release storage needs the GitHub API/);
    assert.equal(clone.git(['tag', '-l']), before);
  });

  test('online (--repo): tag and release on GitHub; fetch downloads the release asset through the API and verifies it', async () => {
    const r = await viaApi(
      'register',
      '--repo',
      'acme/models',
      '--commit',
      commits[0]!,
      '--name',
      'churn',
      '--model',
      'model/churn.onnx',
      '--gate',
      'gate-report.json',
    );
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Registered churn@v0\.0\.1 on /);
    assert.equal(await gitIn(gh, 'acme/models', ['cat-file', '-t', 'refs/tags/churn@v0.0.1']), 'tag');
    const fetched = await viaApi('registry', 'fetch', 'churn@v0.0.1', '--repo', 'acme/models', '--to', 'out');
    assert.equal(fetched.code, 0, fetched.stderr);
    assert.equal(readFileSync(join(online, 'out/churn.onnx'), 'utf8'), 'ONNX churn model, trained');
    // A replaced asset no longer matches the tag's sha256: refused, nothing written.
    const octokit = createGitHubClient({ token: gh.createToken('acme'), baseUrl: gh.url, pacing: false });
    const release = (
      await octokit.rest.repos.getReleaseByTag({ owner: 'acme', repo: 'models', tag: 'churn@v0.0.1' })
    ).data;
    const asset = release.assets.find((a) => a.name === 'churn.onnx')!;
    await octokit.rest.repos.deleteReleaseAsset({ owner: 'acme', repo: 'models', asset_id: asset.id });
    await octokit.rest.repos.uploadReleaseAsset({
      owner: 'acme',
      repo: 'models',
      release_id: release.id,
      name: 'churn.onnx',
      data: 'not the model',
      baseUrl: gh.uploadsUrl,
      headers: { 'content-type': 'application/octet-stream' },
    });
    const refused = await viaApi(
      'registry',
      'fetch',
      'churn@v0.0.1',
      '--repo',
      'acme/models',
      '--to',
      'out2',
    );
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /does not match its registration/);
    assert.equal(existsSync(join(online, 'out2')), false);
  });

  test('a version registered through the API is listed the same offline (a clone) and online', async () => {
    const bare = gh.state.repo('acme', 'models')!.git.dir;
    const copy = join(mkdtempSync(join(tmpdir(), 'modelship-register-clone-')), 'models');
    execFileSync('git', ['clone', '--quiet', bare, copy]);
    const offlineShow = await runModelship(['registry', 'show', 'churn', '--json'], copy);
    const onlineShow = await viaApi('registry', 'show', 'churn', '--json', '--repo', 'acme/models');
    assert.equal(offlineShow.code, 0, offlineShow.stderr);
    assert.equal(onlineShow.code, 0, onlineShow.stderr);
    assert.deepEqual(JSON.parse(offlineShow.stdout), JSON.parse(onlineShow.stdout));
  });

  test('usage: --help, a missing name, a bad --repo', async () => {
    const help = await offline('register', '--help');
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Usage: modelship register/);
    const noName = await offline('register', '--model', 'model/churn.onnx');
    assert.equal(noName.code, 2);
    assert.match(noName.stderr, /no model name/);
    const badRepo = await viaApi(
      'register',
      '--repo',
      'acme',
      '--name',
      'churn',
      '--model',
      'model/churn.onnx',
    );
    assert.equal(badRepo.code, 2);
    assert.match(badRepo.stderr, /--repo must be owner\/name/);
  });
});
