import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lockClaimId } from '../../../core/locks/lock-claim-id.js';
import { type LockFile, formatLockFile, readLockFile } from '../../../core/locks/lock-file.js';

const lock: LockFile = {
  schema: 'modelship/lock@1',
  environment: 'production',
  owner: 'alice',
  pull_request: 7,
  reason: 'incident "42"',
  sticky: true,
  claim_id: 'acme/models#comment-1:production:sticky',
  created_at: '2026-11-29T23:00:00Z',
  expires_at: null,
  link: null,
};

test('formatLockFile is the same bytes whatever order the fields were given in', () => {
  const shuffled = Object.fromEntries(Object.entries(lock).reverse()) as LockFile;
  assert.equal(formatLockFile(shuffled), formatLockFile(lock));
  assert.ok(formatLockFile(lock).startsWith('{\n  "schema": "modelship/lock@1",\n  "environment"'));
  assert.deepEqual(readLockFile(formatLockFile(lock)), { ok: true, lock });
});

const unreadable: [string, RegExp][] = [
  ['', /not JSON/],
  ['null', /lock\.json: the file/],
  ['[]', /lock\.json: the file/],
  [JSON.stringify({ ...lock, schema: 'modelship/lock@2' }), /lock\.json: schema/],
  [JSON.stringify({ ...lock, sticky: 'yes' }), /lock\.json: sticky/],
  [JSON.stringify({ ...lock, created_at: 'yesterday' }), /lock\.json: created_at/],
  [JSON.stringify({ ...lock, extra: 1 }), /lock\.json/],
];
for (const [text, detail] of unreadable)
  test(`readLockFile refuses ${text.slice(0, 40) || 'an empty file'}`, () => {
    const result = readLockFile(text);
    assert.equal(result.ok, false);
    if (!result.ok) assert.match(result.detail, detail);
  });

test('lockClaimId names the comment, the environment and the purpose', () => {
  assert.equal(
    lockClaimId({ repository: 'acme/models', commentId: 42, environment: 'staging', purpose: 'write' }),
    'acme/models#comment-42:staging:write',
  );
});
