import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PreconditionLock } from '../../../../core/promotion-policy/check-preconditions.js';
import type { LockSummary, StatusRow } from '../../../../core/report/promotion/promotion-reply-views.js';
import type { EnvironmentLock, LockState } from '../../../../jobs/ports/environment-locks.js';

// The core cannot import the jobs' port, so its inputs mirror the port's shapes; these assignments
// fail to type-check (tsc over test/) the day the two drift apart.
test("the locks port's answers pass straight into the policy and the replies", () => {
  const lock: EnvironmentLock = {
    environment: 'production',
    owner: { login: 'alice', pullRequest: 7 },
    reason: 'incident 42',
    sticky: true,
    claimId: 'c',
    createdAt: '2026-11-29T23:00:00Z',
    sha: 'a'.repeat(40),
  };
  const states: LockState[] = [
    { state: 'free', environment: 'production' },
    { state: 'locked', lock },
    { state: 'unreadable', environment: 'production', sha: 'a'.repeat(40), detail: 'x' },
  ];
  const summary: LockSummary = lock;
  const forPolicy: PreconditionLock[] = states;
  const forStatus: StatusRow['lock'][] = states;
  assert.equal(summary.owner.login, 'alice');
  assert.equal(forPolicy.length, forStatus.length);
});
