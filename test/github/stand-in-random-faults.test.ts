import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createGitHubClient, type GitHubClient } from '../../platform/github/client.js';
import { startGitHubStandIn, type GitHubStandIn } from '../support/github/server.js';

// The app's fault tests fail a share of GitHub calls at random, and its benchmark adds GitHub's
// round trip to every call: both must do what they say, and a seed must replay the same failures.
let gh: GitHubStandIn;
let octokit: GitHubClient;
const repo = { owner: 'acme', repo: 'models' };

before(async () => {
  gh = await startGitHubStandIn();
  await gh.createRepo('acme/models');
  octokit = createGitHubClient({ token: gh.createToken('acme'), baseUrl: gh.url, retries: 0, pacing: false });
});
after(() => gh.close());

/** Sends `n` calls one after the other; returns what each met (its fault, or 'ok'). */
async function outcomes(n: number, call = () => octokit.rest.repos.get(repo)) {
  const seen: string[] = [];
  for (let i = 0; i < n; i++) {
    const before = gh.calls.length;
    await call().catch(() => undefined);
    seen.push(gh.calls.slice(before).at(-1)?.fault ?? 'ok');
  }
  return seen;
}

describe('random faults', () => {
  test('fail about the given share of calls, with every kind, the same calls again for the same seed', async () => {
    gh.faults.randomly({ rate: 0.3, seed: 7 });
    const first = await outcomes(40);
    gh.faults.randomly({ rate: 0.3, seed: 7 });
    const again = await outcomes(40);
    gh.faults.randomly(undefined);
    assert.deepEqual(again, first, 'same seed, same failures');
    const failed = first.filter((o) => o !== 'ok');
    assert.ok(failed.length >= 4 && failed.length <= 22, `${failed.length} of 40 failed`);
    assert.deepEqual(new Set(failed), new Set(['status-502', 'secondary-rate-limit', 'reset']));
    assert.deepEqual(await outcomes(10), Array(10).fill('ok'), 'randomly(undefined) stops them');
  });

  test('answer as GitHub fails: 502, secondary rate limit with retry-after, a reset connection', async () => {
    const status = async (kind: 'status-502' | 'secondary-rate-limit' | 'reset') => {
      gh.faults.randomly({ rate: 1, kinds: [kind] });
      const error = (await octokit.rest.repos.get(repo).catch((e: unknown) => e)) as {
        status?: number;
        response?: { headers: Record<string, string> };
      };
      gh.faults.randomly(undefined);
      return [error.status, error.response?.headers['retry-after']];
    };
    assert.deepEqual(await status('status-502'), [502, undefined]);
    assert.deepEqual(await status('secondary-rate-limit'), [403, '1']);
    const reset = await status('reset');
    assert.notEqual(reset[0], 200);
    assert.equal(gh.calls.at(-1)!.status, -1, 'the connection was dropped');
  });

  test('can be limited to GraphQL calls; queued faults come first', async () => {
    gh.faults.randomly({ rate: 1, kinds: ['status-503'], operationIds: ['graphql'] });
    assert.deepEqual(await outcomes(3), ['ok', 'ok', 'ok'], 'REST untouched');
    assert.deepEqual(await outcomes(2, () => octokit.graphql('{ viewer { login } }')), [
      'status-503',
      'status-503',
    ]);
    gh.faults.add({ kind: 'status', status: 500, operationId: 'graphql' });
    assert.deepEqual(await outcomes(1, () => octokit.graphql('{ viewer { login } }')), ['status-500']);
    gh.faults.randomly(undefined);
    assert.throws(() => gh.faults.randomly({ rate: 2 }), /not in \[0, 1\]/);
    assert.throws(() => gh.faults.randomly({ rate: 0.1, kinds: ['status-200' as 'reset'] }), /unknown/);
  });
});

describe('added latency', () => {
  test('every API and GraphQL response waits gh.latencyMs', async () => {
    const timed = async (call: () => Promise<unknown>) => {
      const started = performance.now();
      await call();
      return performance.now() - started;
    };
    gh.latencyMs = 120;
    try {
      assert.ok((await timed(() => octokit.rest.repos.get(repo))) >= 120);
      assert.ok((await timed(() => octokit.graphql('{ viewer { login } }'))) >= 120);
    } finally {
      gh.latencyMs = 0;
    }
    assert.equal(gh.latencyMs, 0);
  });

  test('can be set when starting the stand-in', async () => {
    const slow = await startGitHubStandIn({ latencyMs: 80 });
    try {
      assert.equal(slow.latencyMs, 80);
      const started = performance.now();
      const response = await fetch(`${slow.url}/rate_limit`, {
        headers: { authorization: `token ${slow.createToken('x')}` },
      });
      assert.equal(response.status, 200);
      assert.ok(performance.now() - started >= 80);
    } finally {
      await slow.close();
    }
  });
});
