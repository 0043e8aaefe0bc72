import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { createGitHubClient, type GitHubClient } from '../../platform/github/client.js';
import { AssetHosts } from '../support/github/asset-hosts.js';
import { startGitHubStandIn, type GitHubStandIn } from '../support/github/server.js';
import { GitHubState, type Repo } from '../support/github/state.js';

const status = async (promise: Promise<unknown>) =>
  ((await promise.catch((e: { status: number }) => e)) as { status: number }).status;
const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

describe('GitHub stand-in: releases and their assets', () => {
  let gh: GitHubStandIn;
  let octokit: GitHubClient;
  const repo = { owner: 'acme', repo: 'models' };

  before(async () => {
    gh = await startGitHubStandIn();
    await gh.createRepo('acme/models');
    await gh.createRepo('acme/secret', { private: true });
    octokit = createGitHubClient({
      token: gh.createToken('acme'),
      baseUrl: gh.url,
      retries: 0,
      pacing: false,
    });
  });
  after(() => gh.close());

  const upload = (releaseId: number, name: string, data: string, target = gh.uploadsUrl, more = {}) =>
    octokit.rest.repos.uploadReleaseAsset({
      ...repo,
      release_id: releaseId,
      name,
      data,
      baseUrl: target,
      headers: { 'content-type': 'application/octet-stream' },
      ...more,
    });

  test('uploads are taken only on the uploads host, and the uploads host serves nothing else', async () => {
    const release = await octokit.rest.repos.createRelease({ ...repo, tag_name: 'hosts@v1' });
    assert.equal(await status(upload(release.data.id, 'model.onnx', 'bytes', gh.url)), 404);
    assert.equal(await status(octokit.rest.repos.get({ ...repo, baseUrl: gh.uploadsUrl })), 404);
    // The client follows the release's own upload_url, as real code does.
    const asset = await octokit.request({
      method: 'POST',
      url: release.data.upload_url,
      name: 'model.onnx',
      label: 'The model',
      data: 'ONNX-BYTES',
      headers: { 'content-type': 'application/octet-stream' },
    });
    assert.equal(asset.status, 201);
    assert.equal(asset.data.size, 10);
    assert.equal(asset.data.label, 'The model');
    assert.equal(asset.data.digest, `sha256:${sha256('ONNX-BYTES')}`);
    const listed = await octokit.rest.repos.listReleaseAssets({ ...repo, release_id: release.data.id });
    assert.deepEqual(
      listed.data.map((a) => a.name),
      ['model.onnx'],
    );
  });

  test('an upload needs Content-Length, as GitHub does (400 Bad Content-Length)', async () => {
    const release = await octokit.rest.repos.createRelease({ ...repo, tag_name: 'length@v1' });
    const token = gh.createToken('acme');
    const answer = await new Promise<{ status: number; body: string }>((ok, fail) => {
      const req = request(
        `${gh.uploadsUrl}/repos/acme/models/releases/${release.data.id}/assets?name=chunked.bin`,
        {
          method: 'POST',
          headers: { authorization: `token ${token}`, 'content-type': 'application/octet-stream' },
        },
        (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => ok({ status: res.statusCode!, body }));
        },
      );
      req.on('error', fail);
      req.write('part one ');
      req.end('part two');
    });
    assert.equal(answer.status, 400);
    assert.match(answer.body, /Bad Content-Length/);
    assert.equal(gh.state.repo('acme', 'models')!.assets.size >= 0, true);
    const listed = await octokit.rest.repos.listReleaseAssets({ ...repo, release_id: release.data.id });
    assert.equal(listed.data.length, 0, 'a refused upload leaves no asset');
  });

  test('downloads redirect to a signed, short-lived URL on the download host, which serves the bytes', async () => {
    const release = await octokit.rest.repos.createRelease({ ...repo, tag_name: 'churn@v2.0.0' });
    const asset = await upload(release.data.id, 'model card.md', '# Churn model\n');
    assert.equal(asset.data.name, 'model.card.md', 'GitHub renames names with special characters');

    // Exactly how Modelship downloads: Octokit with accept octet-stream follows the redirect.
    const viaOctokit = await octokit.rest.repos.getReleaseAsset({
      ...repo,
      asset_id: asset.data.id,
      headers: { accept: 'application/octet-stream' },
    });
    assert.equal(Buffer.from(viaOctokit.data as unknown as ArrayBuffer).toString(), '# Churn model\n');

    const redirect = await fetch(`${gh.url}/repos/acme/models/releases/assets/${asset.data.id}`, {
      headers: { accept: 'application/octet-stream', authorization: `token ${gh.createToken('acme')}` },
      redirect: 'manual',
    });
    assert.equal(redirect.status, 302);
    const location = new URL(redirect.headers.get('location')!);
    assert.equal(location.origin, gh.downloadUrl);
    assert.ok(Date.parse(location.searchParams.get('se')!) > Date.now(), 'the URL carries its expiry');
    const bytes = await fetch(location);
    assert.equal(bytes.status, 200);
    assert.equal(bytes.headers.get('content-type'), 'application/octet-stream');
    assert.equal(bytes.headers.get('content-length'), '14');
    assert.equal(bytes.headers.get('content-disposition'), 'attachment; filename=model.card.md');
    assert.equal(await bytes.text(), '# Churn model\n');

    const forged = new URL(location);
    forged.searchParams.set('se', new Date(Date.now() + 86_400_000).toISOString());
    assert.equal((await fetch(forged)).status, 403, 'a changed expiry breaks the signature');
    const other = new URL(location);
    other.pathname = other.pathname.replace(/\d+$/, '1');
    assert.equal((await fetch(other)).status, 403, 'a signature is for one asset');

    // browser_download_url, anonymously, on the web host.
    assert.equal(
      asset.data.browser_download_url,
      `${gh.webUrl}/acme/models/releases/download/churn%40v2.0.0/model.card.md`,
    );
    const page = await fetch(asset.data.browser_download_url);
    assert.equal(page.status, 200);
    assert.equal(page.url.startsWith(gh.downloadUrl), true, 'github.com redirects to the download host');
    assert.equal(await page.text(), '# Churn model\n');
    const latest = await fetch(`${gh.webUrl}/acme/models/releases/latest/download/model.card.md`);
    assert.equal(await latest.text(), '# Churn model\n');
    const counted = await octokit.rest.repos.getReleaseAsset({ ...repo, asset_id: asset.data.id });
    assert.equal(counted.data.download_count, 4);
  });

  test('a private repository’s browser_download_url is 404 to anonymous visitors', async () => {
    const secret = { owner: 'acme', repo: 'secret' };
    const release = await octokit.rest.repos.createRelease({ ...secret, tag_name: 'v1' });
    const asset = await octokit.rest.repos.uploadReleaseAsset({
      ...secret,
      release_id: release.data.id,
      name: 'weights.bin',
      data: 'secret weights',
      baseUrl: gh.uploadsUrl,
    });
    assert.equal((await fetch(asset.data.browser_download_url)).status, 404);
    const viaApi = await octokit.rest.repos.getReleaseAsset({
      ...secret,
      asset_id: asset.data.id,
      headers: { accept: 'application/octet-stream' },
    });
    assert.equal(Buffer.from(viaApi.data as unknown as ArrayBuffer).toString(), 'secret weights');
  });

  test('asset names are unique per release; update-release-asset renames and relabels', async () => {
    const release = await octokit.rest.repos.createRelease({ ...repo, tag_name: 'names@v1' });
    const first = await upload(release.data.id, 'a.bin', 'a');
    await upload(release.data.id, 'b.bin', 'b');
    const duplicate = await upload(release.data.id, 'a.bin', 'again').catch(
      (e: { status: number; response: { data: { errors: unknown[] } } }) => e,
    );
    assert.equal((duplicate as { status: number }).status, 422);
    assert.deepEqual((duplicate as { response: { data: { errors: unknown[] } } }).response.data.errors, [
      { resource: 'ReleaseAsset', code: 'already_exists', field: 'name' },
    ]);
    assert.equal(
      await status(
        octokit.rest.repos.updateReleaseAsset({ ...repo, asset_id: first.data.id, name: 'b.bin' }),
      ),
      422,
    );
    const renamed = await octokit.rest.repos.updateReleaseAsset({
      ...repo,
      asset_id: first.data.id,
      name: 'c.bin',
      label: 'C',
    });
    assert.deepEqual([renamed.data.name, renamed.data.label], ['c.bin', 'C']);
    assert.equal(await (await fetch(renamed.data.browser_download_url)).text(), 'a');
    assert.equal(
      (await fetch(first.data.browser_download_url)).status,
      404,
      'the old name is gone from the web host',
    );
    const got = await octokit.rest.repos.getRelease({ ...repo, release_id: release.data.id });
    assert.deepEqual(got.data.assets.map((a) => a.name).sort(), ['b.bin', 'c.bin']);
  });

  test('deleting an asset or a release deletes the files', async () => {
    const release = await octokit.rest.repos.createRelease({ ...repo, tag_name: 'gone@v1' });
    const one = await upload(release.data.id, 'one.bin', '1');
    const two = await upload(release.data.id, 'two.bin', '2');
    const assets = gh.state.repo('acme', 'models')!.assets;
    const [fileOne, fileTwo] = [assets.get(one.data.id)!.file, assets.get(two.data.id)!.file];
    assert.equal(readFileSync(fileOne, 'utf8'), '1', 'the bytes live on disk');
    await octokit.rest.repos.deleteReleaseAsset({ ...repo, asset_id: one.data.id });
    assert.equal(existsSync(fileOne), false);
    assert.equal(await status(octokit.rest.repos.getReleaseAsset({ ...repo, asset_id: one.data.id })), 404);
    await octokit.rest.repos.deleteRelease({ ...repo, release_id: release.data.id });
    assert.equal(existsSync(fileTwo), false);
    assert.equal(await status(octokit.rest.repos.getReleaseAsset({ ...repo, asset_id: two.data.id })), 404);
  });
});

test('a signed download URL stops working when it expires', async () => {
  const root = mkdtempSync(join(tmpdir(), 'modelship-assets-'));
  const server = createServer();
  try {
    const state = new GitHubState(root);
    const hosts = new AssetHosts(state);
    server.on('request', (req, res) => void hosts.serveDownload(req, res));
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    hosts.downloadUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    const repo = { id: 7, assets: new Map() } as unknown as Repo;
    state.repos.set('acme/models', repo);
    const file = hosts.filePath(9);
    writeFileSync(file, 'bytes');
    repo.assets.set(9, { releaseId: 1, file, meta: { id: 9, name: 'a.bin', size: 5, download_count: 0 } });
    assert.equal((await fetch(hosts.signedUrl(repo, 9, 'a.bin'))).status, 200);
    const sixMinutesAgo = Date.now() - 6 * 60_000;
    assert.equal((await fetch(hosts.signedUrl(repo, 9, 'a.bin', sixMinutesAgo))).status, 403);
  } finally {
    server.close();
    rmSync(root, { recursive: true, force: true });
  }
});

/** Peak resident memory of a process (Linux), in MiB. */
function peakRssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmHWM:\s+(\d+) kB/m);
  return Number(line![1]) / 1024;
}

describe('GitHub stand-in: a 300 MB asset', { skip: process.platform !== 'linux' && 'reads /proc' }, () => {
  test(
    'streams through disk: the stand-in’s peak memory barely grows and the bytes come back intact',
    { timeout: 180_000 },
    async () => {
      // The stand-in in its own process, so its memory is measured alone.
      const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/github/cli.ts'], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      try {
        await bigRoundTrip(child);
      } finally {
        child.kill();
      }
    },
  );
});

async function bigRoundTrip(child: ReturnType<typeof spawn>) {
  let banner = '';
  for await (const chunk of child.stdout!) {
    banner += String(chunk);
    if (banner.includes('Ctrl-C')) break;
  }
  const apiUrl = banner.match(/GITHUB_API_URL=(\S+)/)![1]!;
  const uploadsUrl = banner.match(/uploads:\s+(\S+)/)![1]!;
  const token = banner.match(/GITHUB_TOKEN=(\S+)/)![1]!;
  const client = createGitHubClient({ token, baseUrl: apiUrl, retries: 0, pacing: false });
  const repo = { owner: 'acme', repo: 'models' };

  const release = await client.rest.repos.createRelease({ ...repo, tag_name: 'big@v1' });
  const started = performance.now();
  // Warm up (schema compilation, first upload and download), then measure only the big transfer.
  const small = await client.rest.repos.uploadReleaseAsset({
    ...repo,
    release_id: release.data.id,
    name: 'small.bin',
    data: 'warm-up',
    baseUrl: uploadsUrl,
  });
  await (await fetch(small.data.browser_download_url)).text();
  const before = peakRssMiB(child.pid!);

  const size = 300 * 1024 * 1024;
  const chunk = Buffer.alloc(1024 * 1024);
  const sent = createHash('sha256');
  const body = Readable.from(
    (function* () {
      for (let i = 0; i < size / chunk.length; i++) {
        chunk.fill(i % 251);
        chunk.writeUInt32BE(i, 0);
        sent.update(chunk);
        yield Buffer.from(chunk);
      }
    })(),
  );
  const asset = await client.rest.repos.uploadReleaseAsset({
    ...repo,
    release_id: release.data.id,
    name: 'weights.bin',
    data: body as unknown as string,
    baseUrl: uploadsUrl,
    headers: { 'content-type': 'application/octet-stream', 'content-length': size },
  });
  const digest = sent.digest('hex');
  assert.equal(asset.data.size, size);
  assert.equal(asset.data.digest, `sha256:${digest}`);

  const download = await fetch(asset.data.browser_download_url);
  assert.equal(download.headers.get('content-length'), String(size));
  const received = createHash('sha256');
  for await (const part of download.body!) received.update(part);
  assert.equal(received.digest('hex'), digest, 'the downloaded bytes are the uploaded ones');

  const afterwards = peakRssMiB(child.pid!);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `stand-in peak RSS ${before.toFixed(0)} MiB before, ${afterwards.toFixed(0)} MiB after 300 MiB up and down (${seconds} s)`,
  );
  assert.ok(afterwards - before < 64, `peak RSS grew by ${(afterwards - before).toFixed(0)} MiB`);
}
