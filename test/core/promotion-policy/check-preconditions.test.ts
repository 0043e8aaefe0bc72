import assert from 'node:assert/strict';
import { test } from 'node:test';
import { environmentSchema } from '../../../core/config/environments-config-schema.js';
import {
  type PreconditionInput,
  checkPreconditions,
} from '../../../core/promotion-policy/check-preconditions.js';
import type { VersionRecord } from '../../../core/registry/version-record-schema.js';
import { at, stageEvent as e } from './stage-events.js';

const record = (gate?: VersionRecord['gate']): VersionRecord => ({
  schema: 'modelship/version@1',
  model: 'fraud',
  version: 'v5.0.0',
  commit: 'c'.repeat(40),
  artifacts: [{ name: 'model.onnx', uri: 's3://b/model.onnx', sha256: 'd'.repeat(64), size: 10 }],
  metrics: {},
  ...(gate ? { gate } : {}),
});
const passed = record({ verdict: 'passed', rules: [] });
const failedGate = record({
  verdict: 'failed',
  rules: [
    { metric: 'auc', passed: false, value: 0.7 },
    { metric: 'f1', passed: true, value: 0.8 },
  ],
});

/** The input for promoting fraud v5.0.0 to production at hour 48, with overrides. */
function input(overrides: Partial<PreconditionInput> & { settings?: object } = {}): PreconditionInput {
  const { settings, ...rest } = overrides;
  return {
    version: { model: 'fraud', version: 'v5.0.0', status: 'active', record: passed },
    environment: { name: 'production', settings: environmentSchema.parse(settings ?? {}) },
    history: [],
    now: at(48),
    requester: 'alice',
    isRollback: false,
    ...rest,
  };
}

const soaked = { after: 'staging', soak: '24h' };
const lockedBy = (login: string, sticky = true) =>
  ({
    state: 'locked',
    lock: { owner: { login, pullRequest: 7 }, reason: 'incident 42', sticky, createdAt: at(40) },
  }) as const;

const cases: [string, PreconditionInput, [code: string, message?: string][]][] = [
  ['an active version with a passed gate, no order', input(), []],
  [
    'not registered',
    input({ version: { model: 'fraud', version: 'v5.0.0', status: 'not-registered' } }),
    [['version-not-registered', 'fraud v5.0.0 is not registered.']],
  ],
  [
    'deregistered',
    input({ version: { model: 'fraud', version: 'v5.0.0', status: 'deregistered', record: passed } }),
    [['version-deregistered', 'fraud v5.0.0 was deregistered.']],
  ],
  [
    'deprecated',
    input({ version: { model: 'fraud', version: 'v5.0.0', status: 'deprecated', record: passed } }),
    [['version-deprecated', 'fraud is deprecated.']],
  ],
  [
    'no gate record',
    input({ version: { model: 'fraud', version: 'v5.0.0', status: 'active', record: record() } }),
    [
      [
        'gate-missing',
        'fraud v5.0.0 has no gate result in its registry record (require-gate: false on production allows',
      ],
    ],
  ],
  [
    'no registry record at all (a GTO tag)',
    input({ version: { model: 'fraud', version: 'v5.0.0', status: 'active' } }),
    [['gate-missing']],
  ],
  [
    'a failed gate names the failed rules',
    input({ version: { model: 'fraud', version: 'v5.0.0', status: 'active', record: failedGate } }),
    [['gate-failed', 'fraud v5.0.0 did not pass its gate (failed: auc)']],
  ],
  [
    'require-gate: false allows a version without a gate',
    input({
      version: { model: 'fraud', version: 'v5.0.0', status: 'active', record: failedGate },
      settings: { 'require-gate': false },
    }),
    [],
  ],
  ['matching digests', input({ digest: { recorded: 'd'.repeat(64), observed: 'd'.repeat(64) } }), []],
  ['a digest not observed yet', input({ digest: { recorded: 'd'.repeat(64) } }), []],
  [
    'a digest mismatch',
    input({ digest: { recorded: 'd'.repeat(64), observed: 'e'.repeat(64) } }),
    [
      [
        'digest-mismatch',
        "(sha256:eeeeeeeeeeee…) does not match the registry's record (sha256:dddddddddddd…)",
      ],
    ],
  ],
  ['no recorded digest', input({ digest: { observed: 'e'.repeat(64) } }), [['digest-unknown']]],
  [
    'after: never ran there',
    input({ settings: { after: 'staging' }, history: [e('assign', 'v4.0.0', 'staging', 1)] }),
    [['order-not-run', 'fraud v5.0.0 must run in staging before production; it has not.']],
  ],
  [
    'after: ran there once, even if no longer',
    input({
      settings: { after: 'staging' },
      history: [e('assign', 'v5.0.0', 'staging', 1), e('assign', 'v6.0.0', 'staging', 2)],
    }),
    [],
  ],
  [
    'after: an assignment after the command arrived does not count',
    input({ settings: { after: 'staging' }, history: [e('assign', 'v5.0.0', 'staging', 49)] }),
    [['order-not-run']],
  ],
  [
    'after: another model in staging does not count',
    input({ settings: { after: 'staging' }, history: [e('assign', 'v5.0.0', 'staging', 1, 'churn')] }),
    [['order-not-run']],
  ],
  [
    'soak: 30 h continuously',
    input({ settings: soaked, history: [e('assign', 'v5.0.0', 'staging', 18)] }),
    [],
  ],
  ['soak: exactly 24 h', input({ settings: soaked, history: [e('assign', 'v5.0.0', 'staging', 24)] }), []],
  [
    'soak: 10 h is too short',
    input({ settings: soaked, history: [e('assign', 'v5.0.0', 'staging', 38)] }),
    [['soak-too-short', `it has run there for 10 h (since ${at(38)}), 14 h to go.`]],
  ],
  [
    'soak: another version in between restarts it',
    input({
      settings: soaked,
      history: [
        e('assign', 'v5.0.0', 'staging', 0),
        e('assign', 'v6.0.0', 'staging', 28),
        e('unassign', 'v6.0.0', 'staging', 38),
      ],
    }),
    [['soak-too-short', `since ${at(38)}`]],
  ],
  [
    'soak: unassigned and assigned again restarts it',
    input({
      settings: soaked,
      history: [
        e('assign', 'v5.0.0', 'staging', 0),
        e('unassign', 'v5.0.0', 'staging', 30),
        e('assign', 'v5.0.0', 'staging', 31),
      ],
    }),
    [['soak-too-short', 'for 17 h (since']],
  ],
  [
    'soak: re-assigned while holding it does not restart it',
    input({
      settings: soaked,
      history: [e('assign', 'v5.0.0', 'staging', 0), e('assign', 'v5.0.0', 'staging', 40)],
    }),
    [],
  ],
  [
    'soak: no longer runs there',
    input({
      settings: soaked,
      history: [e('assign', 'v5.0.0', 'staging', 0), e('unassign', 'v5.0.0', 'staging', 30)],
    }),
    [['soak-not-running', 'and it no longer runs there.']],
  ],
  [
    'soak: never ran there',
    input({ settings: soaked }),
    [['order-not-run', 'must run in staging for 24h before production; it has not run there.']],
  ],
  [
    'soak: a decimal duration',
    input({ settings: { after: 'staging', soak: '1.5h' }, history: [e('assign', 'v5.0.0', 'staging', 47)] }),
    [['soak-too-short', '30 min to go']],
  ],
  [
    'soak without after is a config mistake that blocks',
    input({ settings: { soak: '24h' } }),
    [['soak-without-after', 'production sets soak: 24h but no after: environment']],
  ],
  [
    'a lock by someone else',
    input({ lock: lockedBy('bob') }),
    [['locked', `production is locked by bob in #7 since ${at(40)}: incident 42.`]],
  ],
  ['a lock by the requester', input({ lock: lockedBy('Alice') }), []],
  ['a promotion in progress is left to the write-lock claim', input({ lock: lockedBy('bob', false) }), []],
  ['no lock', input({ lock: { state: 'free' } }), []],
  [
    'an unreadable lock blocks',
    input({ lock: { state: 'unreadable', detail: 'lock.json is missing' } }),
    [['lock-unreadable', '(lock.json is missing); /unlock production --force clears it.']],
  ],
  [
    'a rollback skips gate, order and soak',
    input({
      isRollback: true,
      settings: soaked,
      version: { model: 'fraud', version: 'v5.0.0', status: 'active', record: failedGate },
    }),
    [],
  ],
  [
    'a rollback still respects the version state, digest and lock',
    input({
      isRollback: true,
      settings: soaked,
      version: { model: 'fraud', version: 'v5.0.0', status: 'deregistered' },
      digest: { recorded: 'd'.repeat(64), observed: 'e'.repeat(64) },
      lock: lockedBy('bob'),
    }),
    [['version-deregistered'], ['digest-mismatch'], ['locked']],
  ],
  [
    'every failure is reported at once',
    input({
      settings: soaked,
      version: { model: 'fraud', version: 'v5.0.0', status: 'active', record: failedGate },
      lock: lockedBy('bob'),
    }),
    [['gate-failed'], ['order-not-run'], ['locked']],
  ],
];

for (const [name, given, expected] of cases)
  test(`checkPreconditions: ${name}`, () => {
    const failures = checkPreconditions(given);
    assert.deepEqual(
      failures.map((f) => f.code),
      expected.map(([code]) => code),
      JSON.stringify(failures),
    );
    expected.forEach(([, message], i) => {
      if (message) assert.ok(failures[i]!.message.includes(message), failures[i]!.message);
      assert.match(failures[i]!.message, /[.?]$/);
    });
  });
