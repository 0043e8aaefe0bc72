import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type Socket } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { isUserError, type UserError } from '../../../core/errors.js';
import { createGitHubClient } from '../../../platform/github/client.js';
import { startGitHubStandIn, type GitHubStandIn } from '../../support/github/server.js';

// An API that accepts connections and never answers, on 127.0.0.1.
const sockets = new Set<Socket>();
let requests = 0;
const silent = createServer((socket) => {
  sockets.add(socket);
  socket.on('close', () => sockets.delete(socket));
  // Counted by request, not connection: fetch opens a spare connection after an abort.
  socket.on('data', (chunk: Buffer) => {
    if (/^[A-Z]+ \S+ HTTP\/1\.1\r\n/.test(chunk.toString('latin1'))) requests++;
  });
});
let silentUrl = '';
let gh: GitHubStandIn;
const repo = { owner: 'acme', repo: 'models' };
before(async () => {
  silent.listen(0, '127.0.0.1');
  await once(silent, 'listening');
  silentUrl = `http://127.0.0.1:${(silent.address() as { port: number }).port}`;
  gh = await startGitHubStandIn();
  await gh.createRepo('acme/models', { files: { 'README.md': '# models\n' } });
});
after(async () => {
  for (const socket of sockets) socket.destroy();
  silent.close();
  await gh.close();
});

async function userError(promise: Promise<unknown>): Promise<UserError> {
  const error = await promise.then(
    () => assert.fail('expected a failure'),
    (e: unknown) => e,
  );
  assert.ok(isUserError(error), `a UserError, not ${String(error)}`);
  return error;
}

describe('GitHub client timeouts', () => {
  test('an API that never answers fails within the timeout, after bounded retries, naming the URL', async () => {
    requests = 0;
    const octokit = createGitHubClient({
      token: 't',
      baseUrl: silentUrl,
      timeoutMs: 300,
      retries: 1,
      pacing: false,
    });
    const started = Date.now();
    const error = await userError(octokit.rest.repos.get({ owner: 'acme', repo: 'models' }));
    const seconds = (Date.now() - started) / 1000;
    assert.ok(seconds < 2, `gave up after ${seconds} s`);
    assert.equal(requests, 2, 'the request and one retry');
    assert.match(
      error.message,
      new RegExp(
        `^the GitHub API at ${silentUrl} did not answer within 0.3 s \\(GET ${silentUrl}/repos/acme/models, 2 attempts\\): check GITHUB_API_URL`,
      ),
    );
  });

  test('each request has its own timeout, not one shared by the client', async () => {
    const token = gh.createToken('acme');
    // The stand-in compiles its schema validators on a first call; not part of the measure.
    await createGitHubClient({ token, baseUrl: gh.url, pacing: false }).rest.repos.get(repo);
    const octokit = createGitHubClient({ token, baseUrl: gh.url, timeoutMs: 700, retries: 0, pacing: false });
    gh.faults.add({ kind: 'latency', ms: 400, times: 3, operationId: 'repos/get' });
    const started = Date.now();
    for (let i = 0; i < 3; i++)
      assert.equal((await octokit.rest.repos.get(repo)).data.full_name, 'acme/models');
    assert.ok(Date.now() - started > 1200, 'three slow answers, longer together than one timeout');
  });

  test('an API that refuses the connection is named', async () => {
    const closed = createServer();
    closed.listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const url = `http://127.0.0.1:${(closed.address() as { port: number }).port}`;
    await new Promise((ok) => closed.close(ok));
    const octokit = createGitHubClient({ token: 't', baseUrl: url, retries: 0, pacing: false });
    const error = await userError(octokit.rest.repos.get({ owner: 'acme', repo: 'models' }));
    assert.match(error.message, new RegExp(`^cannot reach the GitHub API at ${url}: ECONNREFUSED`));
  });

  test('an answer from GitHub is not rewritten', async () => {
    const octokit = createGitHubClient({
      token: gh.createToken('acme'),
      baseUrl: gh.url,
      retries: 0,
      pacing: false,
    });
    const error = await octokit.rest.repos
      .get({ owner: 'acme', repo: 'nope' })
      .catch((e: { status: number }) => e);
    assert.equal((error as { status: number }).status, 404);
  });
});
