import assert from 'node:assert/strict';
import { test } from 'node:test';
import { arrivalCallByCall } from '../../../jobs/promote-command/arrival-call-by-call.js';
import type { OpsRepository, OpsSnapshot } from '../../../jobs/promote/promote-ports.js';

test('the arrival reads, call by call, answer what the one-query host answers', async () => {
  const asked: string[] = [];
  const snapshot = { branch: 'main', defaultBranch: 'main', commit: 'c'.repeat(40) } as OpsSnapshot;
  const ops = {
    name: 'acme/ops',
    snapshot: async (branch?: string, prefetch?: readonly string[]) => {
      asked.push(`ops ${branch ?? '(default)'} ${prefetch?.join(',')}`);
      return snapshot;
    },
  } as OpsRepository;
  const arrival = arrivalCallByCall({
    facts: {
      pullRequest: async (n) => {
        asked.push(`pull ${n}`);
        return { fromFork: false, open: true };
      },
    },
    registry: { listTags: async () => [{ name: 'fraud@v1.0.0', commit: 'a'.repeat(40), annotated: false }] },
    ops,
  });
  const read = await arrival.read({ pullRequest: 7, opsFiles: ['.github/modelship.yml'] });
  assert.deepEqual(read.pullRequest, { fromFork: false, open: true });
  assert.deepEqual(
    read.tags.map((t) => t.name),
    ['fraud@v1.0.0'],
  );
  assert.equal(read.ops, snapshot);
  assert.deepEqual(asked.sort(), ['ops (default) .github/modelship.yml', 'pull 7']);
});
