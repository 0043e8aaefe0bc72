import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatLockCommitMessage, readLockCommitMessage } from '../../../core/locks/lock-commit-message.js';
import type { LockFile } from '../../../core/locks/lock-file.js';

const lock: LockFile = {
  schema: 'modelship/lock@1',
  environment: 'production',
  owner: 'alice',
  pull_request: 7,
  // A reason that looks like the message's own layout must not confuse the reader.
  reason: 'incident\n\n{\n"42"',
  sticky: true,
  claim_id: 'acme/models#comment-1:production:sticky',
  created_at: '2026-11-29T23:00:00Z',
  expires_at: null,
  link: null,
};

test('the lock commit message reads back as the lock, headline first', () => {
  const message = formatLockCommitMessage(lock, 'refs/modelship/locks/production');
  assert.ok(message.startsWith('Lock production\n\nRelease it with /unlock production --force'));
  assert.deepEqual(readLockCommitMessage(message), { ok: true, lock });
  assert.deepEqual(readLockCommitMessage(message.replace(/\n/g, '\r\n')), { ok: true, lock });
  const write = formatLockCommitMessage({ ...lock, sticky: false }, 'refs/modelship/locks/production');
  assert.ok(write.startsWith('Lock production while promoting\n'));
});

test('a message without a lock paragraph is "no lock here"; a broken one says why', () => {
  assert.equal(readLockCommitMessage('Lock production\n\nRelease it.\n'), undefined);
  const broken = readLockCommitMessage('Lock production\n\n{\n  "schema": "modelship/lock@1"\n}\n');
  assert.equal(broken?.ok, false);
  if (broken && !broken.ok) assert.match(broken.detail, /^the lock commit: environment/);
  const notJson = readLockCommitMessage('Lock x\n\n{\n oops');
  assert.equal(notJson?.ok, false);
  if (notJson && !notJson.ok) assert.match(notJson.detail, /not JSON/);
});
