import assert from 'node:assert/strict';
import { test } from 'node:test';
import { environmentsSchema } from '../../../../core/config/environments-config-schema.js';
import {
  commandReplyMarker,
  renderAlreadyHandled,
} from '../../../../core/report/promotion/render-already-handled.js';
import { renderDryRun } from '../../../../core/report/promotion/render-dry-run.js';
import { renderHelp } from '../../../../core/report/promotion/render-help.js';
import { renderInvalidCommand } from '../../../../core/report/promotion/render-invalid-command.js';
import { type LockReply, renderLockReply } from '../../../../core/report/promotion/render-lock-replies.js';
import { renderPromotionDone } from '../../../../core/report/promotion/render-promotion-done.js';
import { renderRefusal } from '../../../../core/report/promotion/render-refusal.js';
import { renderStatus } from '../../../../core/report/promotion/render-status.js';
import { htmlIn, mentionsIn } from './markdown-safety.js';

const hostile = '@everyone <script>x</script> | `rm` [x](javascript:y) ```';
const ops = {
  repository: 'acme/ops',
  path: '.github/modelship.yml',
  url: 'https://github.com/acme/ops/blob/main/.github/modelship.yml',
};
const change = {
  file: 'apps/fraud/production/deployment.yaml',
  line: 23,
  target: 'image (predictor)',
  before: 'ghcr.io/acme/fraud-model:v5.0.2',
  after: 'ghcr.io/acme/fraud-model:v5.1.0',
};

/** Every reply: short, no accidental mention, no raw HTML, whatever the user text. */
function assertSafe(markdown: string) {
  assert.deepEqual(mentionsIn(markdown), [], markdown);
  assert.deepEqual(htmlIn(markdown), [], markdown);
  assert.ok(markdown.length < 65_536);
}

test('promotion done: before → after, the table, the links', () => {
  const reply = renderPromotionDone({
    action: 'promote',
    model: 'fraud',
    version: 'v5.1.0',
    environment: 'production',
    previous: 'v5.0.2',
    changes: [change],
    actor: 'alice',
    opsCommit: { sha: 'abcdef1234567890', url: 'https://github.com/acme/ops/commit/abcdef1234567890' },
    deployment: {
      url: 'https://github.com/acme/models/deployments/production',
      environmentUrl: 'https://fraud.acme.dev',
    },
    stageTag: {
      name: 'fraud#production#7',
      url: 'https://github.com/acme/models/releases/tag/fraud%23production%237',
    },
  });
  assert.equal(
    reply,
    [
      '### 🚀 Promoted fraud `v5.1.0` to production',
      '',
      '`v5.0.2` → `v5.1.0` · requested by `alice`',
      '',
      '| Target | Before | After |',
      '| --- | --- | --- |',
      '| `apps/fraud/production/deployment.yaml:23` image \\(predictor\\) | `ghcr.io/acme/fraud-model:v5.0.2` | `ghcr.io/acme/fraud-model:v5.1.0` |',
      '',
      '[ops commit `abcdef1`](https://github.com/acme/ops/commit/abcdef1234567890) · [deployment](https://github.com/acme/models/deployments/production) · [production](https://fraud.acme.dev) · stage tag [`fraud#production#7`](https://github.com/acme/models/releases/tag/fraud%23production%237)',
    ].join('\n'),
  );
  assertSafe(reply);
});

test('rollback through an ops pull request says the change waits for the merge', () => {
  const reply = renderPromotionDone({
    action: 'rollback',
    model: 'fraud',
    version: 'v5.0.2',
    environment: 'production',
    previous: 'v5.1.0',
    changes: [{ ...change, before: change.after, after: change.before, target: hostile }],
    actor: '@mallory',
    pullRequest: { number: 12, url: 'https://github.com/acme/ops/pull/12' },
  });
  assert.ok(reply.startsWith('### 🚀 Rolled back production to fraud `v5.0.2`\n\n`v5.1.0` → `v5.0.2`'));
  assert.match(reply, /\[ops pull request #12\]\(https:\/\/github\.com\/acme\/ops\/pull\/12\)/);
  assert.match(reply, /waits in the ops pull request/);
  assertSafe(reply);
});

test('dry run: the diff in a fence nothing inside can close, and what would refuse it', () => {
  const diff = [
    '--- a/apps/fraud/README.md',
    '+++ b/apps/fraud/README.md',
    '@@ -1,3 +1,3 @@',
    ' ```yaml',
    '-image: v5.0.2',
    '+image: v5.1.0',
    ' ```',
    '````',
    '@everyone <b>',
  ].join('\n');
  const reply = renderDryRun({
    action: 'promote',
    model: 'fraud',
    version: 'v5.1.0',
    environment: 'production',
    previous: 'v5.0.2',
    changes: [change],
    diff,
    refusals: [{ code: 'soak-too-short', message: 'fraud v5.1.0 must run in staging for 24h; 14 h to go.' }],
  });
  const lines = reply.split('\n');
  const open = lines.findIndex((l) => l.startsWith('`````diff'));
  assert.ok(open > 0, reply);
  const close = lines.findIndex((l, i) => i > open && /^`{5,}$/.test(l));
  assert.deepEqual(lines.slice(open + 1, close), diff.split('\n'));
  assert.match(
    reply,
    /The command itself would be refused:\n\n- fraud v5\\\.1\\\.0 must run in staging for 24h; 14 h to go\\\./,
  );
  assert.ok(reply.endsWith('Nothing was written.'));
  assertSafe(reply);

  const nothing = renderDryRun({
    ...{ action: 'promote', model: 'fraud', version: 'v5.1.0', environment: 'staging' },
    changes: [],
    diff: '',
  } as const);
  assert.match(nothing, /Nothing to change: staging already runs `v5\.1\.0`\./);
  const huge = renderDryRun({
    action: 'promote',
    model: 'fraud',
    version: 'v5',
    environment: 'staging',
    changes: [change],
    diff: `${'+x\n'.repeat(30_000)}`,
  });
  assert.ok(huge.length < 65_536 && /cut at 40,000 characters/.test(huge));
});

test('refusal: the rule named, politely, with where it lives', () => {
  const reply = renderRefusal({
    request: 'promote fraud v5 to production',
    refusals: [
      {
        code: 'role-too-low',
        message: 'Only people with maintain or admin may promote to production (you have write).',
      },
    ],
    ruleSource: ops,
  });
  assert.equal(
    reply,
    '### 👎 Cannot promote fraud v5 to production\n\nOnly people with maintain or admin may promote to production \\(you have write\\)\\. The rule is in acme/ops [`.github/modelship.yml`](https://github.com/acme/ops/blob/main/.github/modelship.yml).'.replace(
      '\\. The rule',
      '\\.\n\nThe rule',
    ),
  );
  const many = renderRefusal({
    request: 'promote fraud v5 to production',
    refusals: [
      { code: 'gate-failed', message: 'fraud v5 did not pass its gate.' },
      { code: 'locked', message: `production is locked by bob: ${hostile}` },
    ],
  });
  assert.match(many, /\n- fraud v5 did not pass its gate\\\.\n- production is locked by bob: /);
  assertSafe(many);
});

test('an invalid command quotes the comment harmlessly and shows the syntax', () => {
  const reply = renderInvalidCommand({
    message: `/promote: "${hostile}" is not a version`,
    usage: '/promote VERSION [NAME] [to ENV] [--dry-run]',
  });
  assert.match(
    reply,
    /Usage: `\/promote VERSION \[NAME\] \[to ENV\] \[--dry-run\]` · `\/help` lists every command\./,
  );
  assertSafe(reply);
});

test('status: environment → version, since, by, lock', () => {
  const reply = renderStatus({
    now: '2026-11-29T23:00:00Z',
    rows: [
      {
        environment: 'staging',
        model: 'fraud',
        version: 'v5.1.0',
        since: '2026-11-28T20:00:00Z',
        by: 'alice',
      },
      {
        environment: 'production',
        model: 'fraud',
        version: 'v5.0.2',
        since: '2026-11-20T10:30:00Z',
        by: 'bob',
        lock: {
          state: 'locked',
          lock: {
            owner: { login: 'carol' },
            sticky: true,
            reason: hostile,
            createdAt: '2026-11-29T21:00:00Z',
          },
        },
        disagreement: 'charts/values.yaml says v5.0.1',
      },
      { environment: 'qa', lock: { state: 'unreadable', detail: 'lock.json is not JSON' } },
    ],
  });
  const lines = reply.split('\n');
  assert.equal(lines[0], '### Status of fraud');
  assert.equal(lines[2], '| Environment | Version | Since | By | Lock |');
  assert.equal(lines[4], '| staging | `v5.1.0` | 2026-11-28 20:00 UTC (1 d 3 h ago) | `alice` | — |');
  assert.match(
    lines[5]!,
    /^\| production \| `v5\.0\.2` \| 2026-11-20 10:30 UTC \(9 d 12 h ago\) \| `bob` \| 🔒 `carol`, 2 h ago: @\u200beveryone/,
  );
  assert.equal(lines[5]!.split(/(?<!\\)\|/).length, 7, 'the reason cannot add columns');
  assert.match(lines[6]!, /^\| qa \| — \| — \| — \| 🔒 unreadable: `\/unlock qa --force` clears it \|$/);
  assert.match(reply, /⚠️ production: charts\/values\\\.yaml says v5\\\.0\\\.1/);
  assertSafe(reply);
  assert.match(
    renderStatus({
      now: '2026-11-29T23:00:00Z',
      rows: [
        { environment: 'a', model: 'x' },
        { environment: 'a', model: 'y' },
      ],
    }),
    /\| Environment \| Model \|/,
  );
});

test('help: the commands and the effective configuration', () => {
  const environments = environmentsSchema.parse({
    staging: {},
    production: {
      after: 'staging',
      soak: '24h',
      protected: true,
      policy: { 'min-role': 'maintain', users: ['alice'], teams: ['acme/sre'] },
    },
    sandbox: { 'require-gate': false, policy: { 'min-role': 'admin' } },
  });
  const reply = renderHelp({
    environments,
    defaultEnvironment: 'staging',
    models: ['fraud'],
    ruleSource: ops,
  });
  for (const expected of [
    '- `/promote VERSION [NAME] [to ENV] [--dry-run]`: change which version',
    '- `/lock ENV --reason "why"`: keep everyone else',
    '| staging (default) | — | — | must pass | write or above |',
    '| production (protected) | staging | 24h | must pass | maintain or above, only `alice`, or members of `acme/sre` |',
    '| sandbox | — | — | not required | admin |',
    'A command that names no environment means staging.',
    'production must always be named.',
    'Models: `fraud`.',
    'The rules are in acme/ops [`.github/modelship.yml`](https://github.com/acme/ops/blob/main/.github/modelship.yml) (its default branch).',
  ])
    assert.ok(reply.includes(expected), `${expected}\n---\n${reply}`);
  assertSafe(reply);
  assert.match(
    renderHelp({ environments: {}, ruleSource: ops }),
    /None is configured yet\.[\s\S]*Every command names its environment\./,
  );
});

const lock = {
  owner: { login: 'alice', pullRequest: 7 },
  sticky: true,
  reason: hostile,
  createdAt: '2026-11-29T21:00:00Z',
  link: 'https://github.com/acme/models/pull/7#issuecomment-1',
};
const lockReplies: [LockReply, RegExp][] = [
  [
    { outcome: 'locked', environment: 'production', lock },
    /^### 🔒 Locked production\n\nOnly `alice` may promote to production until `\/unlock production` or until #7 is merged or closed\.\n\n> @\u200beveryone/,
  ],
  [
    { outcome: 'already-yours', environment: 'production', lock },
    /already locked by you\n\nSince 2026-11-29 21:00 UTC\./,
  ],
  [
    { outcome: 'held-by-other', environment: 'production', lock },
    /locked by `alice`\n\nLocked since 2026-11-29 21:00 UTC in #7 \(\[comment\]\(https:[^)]+\)\)\.[\s\S]*`\/unlock production --force`/,
  ],
  [
    { outcome: 'held-by-other', environment: 'production', lock: { ...lock, sticky: false } },
    /A promotion has held it since[\s\S]*Try again when it is done\./,
  ],
  [
    { outcome: 'unreadable', environment: 'production', detail: 'lock.json is not JSON' },
    /lock\\\.json is not JSON\. It blocks every promotion to production until `\/unlock production --force` clears it\./,
  ],
  [
    { outcome: 'unlocked', environment: 'production', lock },
    /^### 🔓 Unlocked production\n\nThe lock of `alice` \(since 2026-11-29 21:00 UTC\) is released\.$/,
  ],
  [{ outcome: 'not-locked', environment: 'production' }, /is not locked/],
  [
    { outcome: 'not-yours', environment: 'production', lock },
    /locked by `alice`\n\nOnly its owner releases it with `\/unlock production`; `\/unlock production --force` releases anyone's\./,
  ],
];
for (const [reply, expected] of lockReplies)
  test(`lock reply: ${reply.outcome}${'lock' in reply && reply.lock && !reply.lock.sticky ? ' (write lock)' : ''}`, () => {
    const text = renderLockReply(reply);
    assert.match(text, expected);
    assertSafe(text);
  });

test('already handled points at the first reply', () => {
  assert.equal(
    renderAlreadyHandled({ replyUrl: 'https://github.com/acme/models/pull/7#issuecomment-2' }),
    'This command was already handled: see [the reply](https://github.com/acme/models/pull/7#issuecomment-2). Nothing was done again.',
  );
  assert.equal(commandReplyMarker(42), '<!-- modelship:command:42 -->');
});
