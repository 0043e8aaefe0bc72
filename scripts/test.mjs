// The test command: starts the suite's shared S3-compatible server (OpenStack Swift + s3api), runs
// every test file with node:test, then stops the server. `npm test -- test/core` runs a subset.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../..');

function testFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'fixtures' ? [] : testFiles(path);
    return name.endsWith('.test.ts') ? [path] : [];
  });
}

async function startS3() {
  const cli = join(root, 'test/support/s3-server-cli.ts');
  if (process.env.MODELSHIP_TEST_S3_ENDPOINT || !existsSync(cli)) return undefined;
  const child = spawn(process.execPath, ['--import', 'tsx', cli], {
    cwd: root,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const firstLine = await new Promise((ok, fail) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', ok);
    child.once('exit', (code) =>
      fail(new Error(`the S3 test server exited with ${code} before it was ready`)),
    );
  });
  const server = JSON.parse(firstLine);
  process.env.MODELSHIP_TEST_S3_ENDPOINT = server.endpoint;
  process.env.MODELSHIP_TEST_S3_ACCESS_KEY_ID = server.accessKeyId;
  process.env.MODELSHIP_TEST_S3_SECRET_ACCESS_KEY = server.secretAccessKey;
  process.env.MODELSHIP_TEST_S3_REGION = server.region;
  return child;
}

const selected = process.argv.slice(2);
const files = (selected.length ? selected : ['test'])
  .flatMap((p) =>
    statSync(resolve(root, p)).isDirectory() ? testFiles(resolve(root, p)) : [resolve(root, p)],
  )
  .map((p) => relative(root, p))
  .sort();

// The suite needs real servers and reference tools from Debian; install them when missing.
const deps = spawnSync('bash', [join(root, 'scripts/system-deps.sh')], { stdio: 'inherit' });
if (deps.status !== 0) process.exit(deps.status ?? 1);

const s3 = await startS3();
const tests = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
});
const code = await new Promise((ok) => tests.once('exit', (c, signal) => ok(c ?? (signal ? 1 : 0))));
if (s3) {
  s3.stdin.end();
  await new Promise((ok) => {
    s3.once('exit', ok);
    setTimeout(() => s3.kill('SIGKILL'), 10_000).unref();
  });
}
process.exit(code);
