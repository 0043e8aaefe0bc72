import { appManifest } from '../support/app-manifest.js';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { createGitHubClient } from '../../platform/github/client.js';
import { startGitHubStandIn, type GitHubStandIn } from '../support/github/server.js';
import { MODELS, OPS, OPS_CONFIG, valuesFile } from '../support/promotion-app.js';

// Issue #15, "the app starts from the Dockerfile's command": the image is built from what the
// Dockerfile says — its COPY lines, WORKDIR, ENV, CMD and HEALTHCHECK are read from the file, not
// restated here — so a bundle that needs node_modules, a CMD naming a file the image lacks, or a
// health check that cannot pass fails this test. Docker itself is not available on CI machines;
// the image's file system is a temp directory holding exactly the copied files. (~5 s)

const ROOT = resolve(import.meta.dirname, '../..');

interface Dockerfile {
  copies: { from: string; to: string }[];
  workdir: string;
  env: Record<string, string>;
  cmd: string[];
  healthcheck: string[];
}

/** The instructions the image's start depends on; continuation lines joined as Docker joins them. */
function readDockerfile(path: string): Dockerfile {
  const lines = readFileSync(path, 'utf8')
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .filter((line) => line.trim() && !line.trimStart().startsWith('#'));
  const file: Dockerfile = { copies: [], workdir: '/', env: {}, cmd: [], healthcheck: [] };
  for (const line of lines) {
    const [instruction, ...rest] = line.trim().split(/\s+/);
    const args = rest.join(' ');
    if (instruction === 'WORKDIR') file.workdir = args;
    if (instruction === 'CMD') file.cmd = JSON.parse(args) as string[];
    if (instruction === 'HEALTHCHECK')
      file.healthcheck = JSON.parse(args.slice(args.indexOf('CMD ') + 4)) as string[];
    if (instruction === 'ENV')
      for (const [, key, value] of args.matchAll(/(\w+)=(\S+)/g)) file.env[key!] = value!;
    if (instruction === 'COPY') {
      const paths = rest.filter((word) => !word.startsWith('--'));
      file.copies.push({ from: paths[0]!, to: paths[1]! });
    }
  }
  return file;
}

const dockerfile = readDockerfile(join(ROOT, 'Dockerfile'));
let gh: GitHubStandIn;
let image: string;
let app: ChildProcess | undefined;

/** The container's environment: the Dockerfile's ENV and what `docker run -e` passes, nothing inherited. */
const containerEnv = (extra: Record<string, string> = {}) => ({
  ...dockerfile.env,
  PORT: '0',
  HOST: '127.0.0.1',
  APP_ID: String(gh.app.id),
  PRIVATE_KEY: Buffer.from(gh.app.privateKey).toString('base64'),
  WEBHOOK_SECRET: gh.app.webhookSecret,
  OPS_REPOSITORY: OPS,
  GITHUB_API_URL: gh.url,
  MODELSHIP_PACING: 'off',
  ...extra,
});

/** Runs an exec-form command of the image (its `node` is this test's node) and waits for its exit. */
function runInImage(
  command: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  assert.equal(command[0], 'node', 'the image runs node');
  const child = spawn(process.execPath, command.slice(1), { cwd: join(image, dockerfile.workdir), env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((ok) => child.on('close', (code) => ok({ code, stdout, stderr })));
}

before(async () => {
  image = mkdtempSync(join(tmpdir(), 'modelship-image-'));
  for (const { from, to } of dockerfile.copies) {
    const target = to.startsWith('/') ? join(image, to) : join(image, dockerfile.workdir, to);
    const destination = to.endsWith('/') ? join(target, from.split('/').at(-1)!) : target;
    mkdirSync(dirname(destination), { recursive: true });
    cpSync(join(ROOT, from), destination, { recursive: true });
  }
  gh = await startGitHubStandIn();
  await gh.createRepo(MODELS, { files: { 'README.md': '# Fraud model\n' } });
  await gh.createRepo(OPS, {
    files: { '.github/modelship.yml': OPS_CONFIG, 'apps/fraud/staging/values.yaml': valuesFile('v0.9.0') },
  });
  gh.installApp('acme', [MODELS, OPS], appManifest().permissions);
  gh.setPermission(MODELS, 'alice', 'maintain');
});

after(async () => {
  app?.kill('SIGKILL');
  await gh.close();
});

test("the Dockerfile's command serves webhooks from the copied files alone, passes its health check, and drains on SIGTERM", async () => {
  assert.deepEqual(dockerfile.cmd.slice(0, 1), ['node']);
  app = spawn(process.execPath, dockerfile.cmd.slice(1), {
    cwd: join(image, dockerfile.workdir),
    env: containerEnv(),
  });
  let stderr = '';
  app.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((ok) => app!.on('exit', (code) => ok(code)));
  const url = await new Promise<string>((ok, fail) => {
    let stdout = '';
    app!.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const listening = stdout
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as { msg?: string; url?: string })
        .find((entry) => entry.msg === 'modelship app listening');
      if (listening?.url) ok(listening.url);
    });
    void exited.then((code) => fail(new Error(`the app exited (${code}) before listening: ${stderr}`)));
  });
  const port = new URL(url).port;

  const health = await runInImage(dockerfile.healthcheck, { PORT: port });
  assert.equal(health.code, 0, `HEALTHCHECK failed: ${health.stderr}`);

  gh.app.webhookUrl = `${url}/api/github/webhooks`;
  const alice = createGitHubClient({ token: gh.createToken('alice'), baseUrl: gh.url, pacing: false });
  const [owner, repo] = MODELS.split('/') as [string, string];
  const number = await gh.createPullRequest(MODELS, 'retrain', { 'train.py': 'print("retrain")\n' });
  await alice.rest.issues.createComment({ owner, repo, issue_number: number, body: '/help' });
  const models = gh.state.repo(owner, repo)!;
  const replies = () =>
    [...models.comments.values()].filter((c) => (c.user as { login: string }).login === 'modelship[bot]');
  for (let waited = 0; replies().length === 0 && waited < 30_000; waited += 100)
    await new Promise((ok) => setTimeout(ok, 100));
  assert.match(String(replies()[0]?.body), /staging/, 'the app answered /help with the ops configuration');

  app.kill('SIGTERM');
  assert.equal(await exited, 0, `SIGTERM ends the app cleanly: ${stderr}`);
  assert.equal(stderr, '');
  const afterStop = await runInImage(dockerfile.healthcheck, { PORT: port });
  assert.equal(afterStop.code, 1, 'the health check fails once the app is gone');
});

test("the Dockerfile's command refuses a missing setting with one line naming it, exit 2, no stack trace", async () => {
  const { APP_ID: _, ...withoutAppId } = containerEnv();
  const run = await runInImage(dockerfile.cmd, withoutAppId);
  assert.equal(run.code, 2);
  assert.match(run.stderr, /^modelship app: APP_ID is not set: .+\n$/);
  assert.doesNotMatch(run.stderr, /\n\s+at /);
});
