import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { createInterface } from 'node:readline';
import { after, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { isUserError, type UserError } from '../../../core/errors.js';
import { S3FileResolver } from '../../../platform/s3/s3-file-resolver.js';
import { PYTHON } from '../../support/scipy.js';

// Endpoints that misbehave the ways real ones do, on 127.0.0.1; no S3 server needed.
const servers: Server[] = [];
const sockets = new Set<Socket>();
after(() => {
  for (const socket of sockets) socket.destroy();
  for (const server of servers) server.close();
});

async function serve(server: Server): Promise<string> {
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

/** Accepts every connection and never answers; counts the connections. */
async function silentEndpoint() {
  const server = createServer(() => {});
  let connections = 0;
  server.on('connection', () => connections++);
  return { endpoint: await serve(server), connections: () => connections };
}

/**
 * A port whose connections never complete: a listening socket that never accepts, its queue full,
 * so the kernel drops further SYNs. Node's servers always accept, hence Python.
 */
async function unconnectableEndpoint(): Promise<string> {
  const listener = spawn(
    PYTHON,
    [
      '-c',
      'import socket, sys\ns = socket.socket()\ns.bind(("127.0.0.1", 0))\ns.listen(0)\nprint(s.getsockname()[1], flush=True)\nsys.stdin.read()',
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  after(() => listener.kill());
  const port = Number(
    (await createInterface({ input: listener.stdout })[Symbol.asyncIterator]().next()).value,
  );
  for (let i = 0; i < 3; i++) {
    const filler = connect(port, '127.0.0.1').on('error', () => {});
    sockets.add(filler);
  }
  return `http://127.0.0.1:${port}`;
}

const httpEndpoint = (handler: (req: IncomingMessage, res: ServerResponse) => void) =>
  serve(createHttpServer(handler));

const resolver = (endpoint: string, maxAttempts = 1) =>
  new S3FileResolver({
    endpoint,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    timeouts: { connectMs: 1000, responseMs: 300, idleMs: 300 },
    maxAttempts,
  });

async function userError(promise: Promise<unknown>): Promise<UserError> {
  const error = await promise.then(
    () => assert.fail('expected a failure'),
    (e: unknown) => e,
  );
  assert.ok(isUserError(error), `a UserError, not ${String(error)}`);
  return error;
}

async function drain(chunks: AsyncIterable<Uint8Array>) {
  for await (const chunk of chunks) void chunk;
}

describe('S3 endpoints that misbehave', () => {
  test('one that accepts and never answers fails within the timeout, retried a bounded number of times', async () => {
    const { endpoint, connections } = await silentEndpoint();
    const started = Date.now();
    const error = await userError(resolver(endpoint, 2).resolve('s3://bucket/data.csv'));
    const seconds = (Date.now() - started) / 1000;
    assert.ok(seconds < 2, `gave up after ${seconds} s`);
    assert.equal(connections(), 2, 'two attempts, no more');
    assert.equal(error.location.file, 's3://bucket/data.csv');
    assert.match(
      error.message,
      new RegExp(
        `S3 endpoint ${endpoint} accepted the connection but sent nothing within 0.3 s \\(2 attempts\\)`,
      ),
    );
    assert.match(error.message, /AWS_ENDPOINT_URL_S3/);
  });

  test('one that never completes the connection fails on the connect timeout', async () => {
    const endpoint = await unconnectableEndpoint();
    const started = Date.now();
    const error = await userError(
      new S3FileResolver({
        endpoint,
        credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
        timeouts: { connectMs: 300, responseMs: 5000, idleMs: 5000 },
        maxAttempts: 1,
      }).resolve('s3://bucket/data.csv'),
    );
    assert.ok(Date.now() - started < 2000);
    assert.match(
      error.message,
      new RegExp(`^cannot connect to the S3 endpoint ${endpoint} within 0.3 s: check AWS_ENDPOINT_URL_S3`),
    );
  });

  test('a listing from one that never answers fails the same way', async () => {
    const { endpoint } = await silentEndpoint();
    const error = await userError(resolver(endpoint).resolve('s3://bucket/train/*.csv'));
    assert.match(error.message, /sent nothing within 0.3 s/);
  });

  for (const gz of [false, true]) {
    test(`a body that stalls midway fails on the idle timeout${gz ? ' (gzip)' : ''}`, async () => {
      const bytes = gz ? gzipSync(randomBytes(4000)) : Buffer.alloc(4000, 65);
      const endpoint = await httpEndpoint((req, res) => {
        res.writeHead(200, {
          'content-type': 'application/octet-stream',
          'content-length': String(bytes.length),
          'x-amz-request-id': 'r1',
        });
        if (req.method === 'HEAD') res.end();
        else res.write(bytes.subarray(0, 1000)); // and then nothing
      });
      const [file] = await resolver(endpoint).resolve(`s3://bucket/data.csv${gz ? '.gz' : ''}`);
      const started = Date.now();
      const error = await userError(drain(file!.stream()));
      assert.ok(Date.now() - started < 2000);
      assert.match(error.message, new RegExp(`S3 endpoint ${endpoint} .*sent nothing within 0.3 s`));
      const ranged = await userError(file!.read(0, 4000));
      assert.match(ranged.message, /sent nothing within 0.3 s/);
    });
  }

  for (const status of [200, 302, 401]) {
    test(`one that answers a web page (HTTP ${status}) is named, not an "unexpected error"`, async () => {
      const endpoint = await httpEndpoint((req, res) => {
        res.writeHead(status, {
          'content-type': 'text/html; charset=utf-8',
          ...(status === 302 ? { location: '/login' } : {}),
        });
        res.end(req.method === 'HEAD' ? undefined : '<!doctype html><title>Sign in</title>');
      });
      for (const location of ['s3://bucket/data.csv', 's3://bucket/train/', 's3://bucket/train/*.csv']) {
        const error = await userError(resolver(endpoint).resolve(location));
        assert.match(
          error.message,
          new RegExp(`S3 endpoint ${endpoint} answered with a web page \\(.*HTTP ${status}, text/html`),
        );
        assert.match(error.message, /not the S3 API: check AWS_ENDPOINT_URL_S3/);
      }
    });
  }

  test('a GET answered with a web page is refused too; an S3 answer labelled text/html is not', async () => {
    // Swift's s3api labels answers text/html but carries S3's request id; a proxy page does not.
    const endpoint = await httpEndpoint((req, res) => {
      const page = req.method === 'GET' && req.url!.includes('data.csv');
      res.writeHead(200, {
        'content-type': 'text/html; charset=UTF-8',
        'content-length': '12',
        ...(page ? {} : { 'x-amz-request-id': 'tx1' }),
      });
      res.end(req.method === 'HEAD' ? undefined : 'id,x\n1,2\n3,4\n');
    });
    const [file] = await resolver(endpoint).resolve('s3://bucket/data.csv');
    assert.equal(file!.size, 12);
    const error = await userError(drain(file!.stream()));
    assert.match(error.message, /answered with a web page/);
    const [other] = await resolver(endpoint).resolve('s3://bucket/other.csv');
    assert.equal(Buffer.from(await other!.read(0, 12)).toString(), 'id,x\n1,2\n3,4');
  });

  test('one that refuses the connection is named', async () => {
    const { endpoint } = await silentEndpoint();
    await new Promise((ok) => servers.pop()!.close(ok));
    const error = await userError(resolver(endpoint).resolve('s3://bucket/data.csv'));
    assert.match(error.message, new RegExp(`cannot reach the S3 endpoint ${endpoint}: ECONNREFUSED`));
  });
});
