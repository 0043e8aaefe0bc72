import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CreateBucketCommand, ListBucketsCommand } from '@aws-sdk/client-s3';
import { createS3Client } from '../../platform/s3/s3-client.js';
import { requireCommand } from './system-package.js';

export interface S3Server {
  endpoint: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  stop(): Promise<void>;
}

const ACCESS_KEY_ID = 'test:tester';
const SECRET_ACCESS_KEY = 'testing';
const STARTUP_TIMEOUT_MS = 60_000;

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => ok(port));
    });
  });
}

const RING_KINDS = ['account', 'container', 'object'] as const;

function serverConf(dir: string, kind: (typeof RING_KINDS)[number], port: number): string {
  return `[DEFAULT]
bind_ip = 127.0.0.1
bind_port = ${port}
devices = ${join(dir, 'srv')}
mount_check = false
swift_dir = ${dir}
workers = 0
log_name = ${kind}-server

[pipeline:main]
pipeline = ${kind}-server

[app:${kind}-server]
use = egg:swift#${kind}
`;
}

function proxyConf(dir: string, port: number, memcachedPort: number): string {
  return `[DEFAULT]
bind_ip = 127.0.0.1
bind_port = ${port}
swift_dir = ${dir}
workers = 0
log_name = proxy-server

[pipeline:main]
pipeline = catch_errors gatekeeper healthcheck proxy-logging cache listing_formats s3api tempauth copy slo dlo versioned_writes symlink proxy-logging proxy-server

[app:proxy-server]
use = egg:swift#proxy
account_autocreate = true
# The readiness probe reaches the proxy before a slow (loaded) machine has the account server
# listening; by default ten errors suppress that node for 60 s, past the start-up deadline.
error_suppression_limit = 1000000

[filter:catch_errors]
use = egg:swift#catch_errors
[filter:gatekeeper]
use = egg:swift#gatekeeper
[filter:healthcheck]
use = egg:swift#healthcheck
[filter:proxy-logging]
use = egg:swift#proxy_logging
[filter:cache]
use = egg:swift#memcache
memcache_servers = 127.0.0.1:${memcachedPort}
[filter:listing_formats]
use = egg:swift#listing_formats
[filter:s3api]
use = egg:swift#s3api
location = us-east-1
[filter:tempauth]
use = egg:swift#tempauth
user_test_tester = ${SECRET_ACCESS_KEY} .admin
[filter:copy]
use = egg:swift#copy
[filter:slo]
use = egg:swift#slo
[filter:dlo]
use = egg:swift#dlo
# Object versioning, so S3 PutBucketVersioning works and objects get version ids (the registry
# records them); buckets without versioning behave as before.
[filter:versioned_writes]
use = egg:swift#versioned_writes
allow_versioned_writes = true
allow_object_versioning = true
[filter:symlink]
use = egg:swift#symlink
`;
}

/**
 * Starts OpenStack Swift with its s3api middleware (a real S3 implementation: SigV4, ListObjectsV2,
 * ranged GETs) entirely inside a fresh temporary folder, on free loopback ports. Every process is
 * killed and the folder removed by `stop()`, and also if the test process exits without calling it.
 */
export async function startS3Server(): Promise<S3Server> {
  // Checked before anything starts; the Debian package is the server's name minus `-server`.
  for (const command of ['memcached', ...RING_KINDS.map((k) => `swift-${k}-server`), 'swift-proxy-server'])
    requireCommand(command, command.replace(/-server$/, ''));
  const dir = mkdtempSync(join(tmpdir(), 'modelship-swift-'));
  mkdirSync(join(dir, 'srv/d1'), { recursive: true });
  mkdirSync(join(dir, 'logs'));
  writeFileSync(
    join(dir, 'swift.conf'),
    `[swift-hash]\nswift_hash_path_suffix = modelship\nswift_hash_path_prefix = tests\n\n[storage-policy:0]\nname = Policy-0\ndefault = yes\n`,
  );
  const [proxyPort, memcachedPort, ...ringPorts] = await Promise.all([
    freePort(),
    freePort(),
    freePort(),
    freePort(),
    freePort(),
  ]);
  for (const [i, kind] of RING_KINDS.entries()) {
    const builder = join(dir, `${kind}.builder`);
    for (const args of [
      ['create', '10', '1', '1'],
      ['add', `r1z1-127.0.0.1:${ringPorts[i]}/d1`, '100'],
      ['rebalance'],
    ]) {
      const run = spawnSync('swift-ring-builder', [builder, ...args], { encoding: 'utf8' });
      if (run.status !== 0 && !(args[0] === 'rebalance' && run.status === 1)) {
        throw new Error(`swift-ring-builder ${args.join(' ')} failed: ${run.stderr || run.stdout}`);
      }
    }
    writeFileSync(join(dir, `${kind}-server.conf`), serverConf(dir, kind, ringPorts[i]!));
  }
  writeFileSync(join(dir, 'proxy-server.conf'), proxyConf(dir, proxyPort, memcachedPort));

  const children: ChildProcess[] = [];
  const launch = (name: string, command: string, args: string[]) => {
    const log = join(dir, 'logs', `${name}.log`);
    writeFileSync(log, '');
    const child = spawn(command, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    child.stdout!.on('data', (d: Buffer) => writeFileSync(log, d, { flag: 'a' }));
    child.stderr!.on('data', (d: Buffer) => writeFileSync(log, d, { flag: 'a' }));
    children.push(child);
  };
  const killAll = () => {
    for (const child of children) {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  };
  process.once('exit', killAll);

  launch('memcached', 'memcached', [
    '-l',
    '127.0.0.1',
    '-p',
    String(memcachedPort),
    '-U',
    '0',
    '-u',
    'root',
    '-m',
    '16',
  ]);
  for (const kind of RING_KINDS)
    launch(kind, `swift-${kind}-server`, [join(dir, `${kind}-server.conf`), '-v']);
  launch('proxy', 'swift-proxy-server', [join(dir, 'proxy-server.conf'), '-v']);

  const endpoint = `http://127.0.0.1:${proxyPort}`;
  const stop = async () => {
    process.removeListener('exit', killAll);
    killAll();
    await sleep(50);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitUntilReady(endpoint, dir);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    endpoint,
    accessKeyId: ACCESS_KEY_ID,
    secretAccessKey: SECRET_ACCESS_KEY,
    region: 'us-east-1',
    stop,
  };
}

async function waitUntilReady(endpoint: string, dir: string): Promise<void> {
  const client = createS3Client({
    endpoint,
    credentials: { accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET_ACCESS_KEY },
  });
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const health = await fetch(`${endpoint}/healthcheck`);
      if (health.ok) {
        // The account/container servers may still be starting: wait for a real S3 round trip.
        await client.send(new CreateBucketCommand({ Bucket: 'modelship-ready-check' }));
        await client.send(new ListBucketsCommand({}));
        client.destroy();
        return;
      }
    } catch (error) {
      last = error;
    }
    await sleep(100);
  }
  client.destroy();
  const logs = RING_KINDS.concat()
    .map(String)
    .concat('proxy', 'memcached')
    .map((name) => `--- ${name}\n${readFileSync(join(dir, 'logs', `${name}.log`), 'utf8').slice(-2000)}`)
    .join('\n');
  throw new Error(
    `the Swift S3 server did not become ready in ${STARTUP_TIMEOUT_MS / 1000} s (${String(last)}):\n${logs}`,
  );
}
