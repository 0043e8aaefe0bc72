import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Command } from '../../../../core/commands/command-types.js';
import { describeRequest } from '../../../../core/report/promotion/describe-request.js';

const cases: [Command, { model?: string; environment?: string }, string][] = [
  [
    { kind: 'promote', version: 'v5', environment: 'production', dryRun: false },
    { model: 'fraud' },
    'promote fraud v5 to production',
  ],
  [
    { kind: 'promote', version: 'v5', model: 'churn', dryRun: true },
    { environment: 'staging' },
    'promote churn v5 to staging',
  ],
  [{ kind: 'promote', version: 'v5', dryRun: false }, {}, 'promote v5 to the default environment'],
  [
    { kind: 'rollback', environment: 'production', dryRun: false },
    { model: 'fraud' },
    'roll back production (fraud)',
  ],
  [
    { kind: 'rollback', environment: 'production', version: 'v4', dryRun: false },
    {},
    'roll back production to v4',
  ],
  [{ kind: 'status' }, {}, 'show the status'],
  [{ kind: 'status', environment: 'qa' }, {}, 'show the status of qa'],
  [{ kind: 'lock', environment: 'production', reason: 'x' }, {}, 'lock production'],
  [{ kind: 'unlock', environment: 'production', force: true }, {}, 'unlock production'],
  [{ kind: 'help' }, {}, 'show the help'],
];
for (const [command, resolved, expected] of cases)
  test(`describeRequest: ${expected}`, () => assert.equal(describeRequest(command, resolved), expected));
