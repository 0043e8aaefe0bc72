import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type Server } from 'node:net';
import { createInterface } from 'node:readline';
import { describe, test } from 'node:test';

const CLI = 'test/support/github/cli.ts';

async function listening(port = 0): Promise<Server> {
  const server = createServer();
  server.listen(port, '127.0.0.1');
  await once(server, 'listening');
  return server;
}

function start(...args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return { child, stderr: () => stderr };
}

describe('npm run github-standin', () => {
  test('--port N serves the API on that port', async () => {
    const probe = await listening();
    const port = (probe.address() as { port: number }).port;
    await new Promise((ok) => probe.close(ok));
    const { child } = start('--port', String(port));
    try {
      const lines = createInterface({ input: child.stdout });
      let url = '';
      for await (const line of lines) {
        const match = /GITHUB_API_URL=(\S+)/.exec(line);
        if (match) {
          url = match[1]!;
          break;
        }
      }
      assert.equal(url, `http://127.0.0.1:${port}`);
      const response = await fetch(`${url}/rate_limit`);
      assert.equal(response.status, 200);
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  });

  test('a port already in use is refused with a message, not a hang', async () => {
    const taken = await listening();
    const port = (taken.address() as { port: number }).port;
    try {
      const { child, stderr } = start('--port', String(port));
      const [code] = (await once(child, 'exit')) as [number];
      assert.equal(code, 2);
      assert.match(stderr(), new RegExp(`port ${port}: EADDRINUSE`));
    } finally {
      taken.close();
    }
  });

  test('a port that is not a number is refused', async () => {
    const { child, stderr } = start('--port', 'eighty');
    const [code] = (await once(child, 'exit')) as [number];
    assert.equal(code, 2);
    assert.match(stderr(), /--port eighty: expected a port number/);
  });
});
