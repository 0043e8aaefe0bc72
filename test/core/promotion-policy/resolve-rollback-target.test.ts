import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveRollbackTarget } from '../../../core/promotion-policy/resolve-rollback-target.js';
import { at, stageEvent as e } from './stage-events.js';

const history = [
  e('assign', 'v4', 'production', 0),
  e('assign', 'v5', 'production', 1),
  e('assign', 'v6', 'production', 2),
  e('assign', 'v6', 'staging', 1),
];

const cases: [string, Parameters<typeof resolveRollbackTarget>, object][] = [
  [
    'the version before the current one',
    [history, 'production'],
    { ok: true, version: 'v5', current: 'v6', explicit: false },
  ],
  [
    'a rollback recorded as an unassignment walks further back',
    [[...history, e('unassign', 'v6', 'production', 3)], 'production'],
    { ok: true, version: 'v4', current: 'v5', explicit: false },
  ],
  [
    'only stage events up to now count',
    [history, 'production', { now: at(1.5) }],
    { ok: true, version: 'v4', current: 'v5', explicit: false },
  ],
  [
    'an explicit version',
    [history, 'production', { explicit: 'v4' }],
    { ok: true, version: 'v4', current: 'v6', explicit: true },
  ],
  [
    'an explicit version where nothing runs',
    [history, 'qa', { explicit: 'v4' }],
    { ok: true, version: 'v4', current: undefined, explicit: true },
  ],
  [
    'the explicit version already runs',
    [history, 'production', { explicit: 'v6' }],
    { ok: false, code: 'already-running' },
  ],
  ['nothing runs', [history, 'qa'], { ok: false, code: 'nothing-running' }],
  ['nothing before the first version', [history, 'staging'], { ok: false, code: 'no-previous-version' }],
  [
    'another model has its own history',
    [[...history, e('assign', 'v1', 'production', 5, 'churn')], 'production', { model: 'fraud' }],
    { ok: true, version: 'v5', current: 'v6', explicit: false },
  ],
];

for (const [name, args, expected] of cases)
  test(`resolveRollbackTarget: ${name}`, () => {
    const result = resolveRollbackTarget(...args);
    assert.deepEqual(
      Object.fromEntries(Object.entries(result).filter(([k]) => k in expected)),
      expected,
      JSON.stringify(result),
    );
    if (!result.ok) assert.match(result.message, /\.$/);
  });
