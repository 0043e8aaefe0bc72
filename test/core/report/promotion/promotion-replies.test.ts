import assert from 'node:assert/strict';
import { test } from 'node:test';
import { environmentsSchema } from '../../../../core/config/environments-config-schema.js';
import {
  COMMAND_REPLY_MARKER,
  markCommandReply,
} from '../../../../core/report/promotion/command-reply-marker.js';
import { renderAlreadyHandled } from '../../../../core/report/promotion/render-already-handled.js';
import { renderCommandFailed } from '../../../../core/report/promotion/render-command-failed.js';
import { renderDryRun } from '../../../../core/report/promotion/render-dry-run.js';
import { renderHelp } from '../../../../core/report/promotion/render-help.js';
import { renderInvalidCommand } from '../../../../core/report/promotion/render-invalid-command.js';
import {
  describeLock,
  type LockReply,
  renderLockReply,
} from '../../../../core/report/promotion/render-lock-replies.js';
import { renderNothingToChange } from '../../../../core/report/promotion/render-nothing-to-change.js';
import { renderPromotionDone } from '../../../../core/report/promotion/render-promotion-done.js';
import {
  type PromotionStop,
  renderPromotionStopped,
} from '../../../../core/report/promotion/render-promotion-stopped.js';
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
    opsRepository: 'acme/ops',
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
      '| `apps/fraud/production/deployment.yaml:23` image (predictor) | `ghcr.io/acme/fraud-model:v5.0.2` | `ghcr.io/acme/fraud-model:v5.1.0` |',
      '',
      '[ops commit `abcdef1`](https://github.com/acme/ops/commit/abcdef1234567890) in acme/ops · [deployment](https://github.com/acme/models/deployments/production) · [production](https://fraud.acme.dev) · stage tag [`fraud#production#7`](https://github.com/acme/models/releases/tag/fraud%23production%237)',
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
  assert.ok(
    reply.startsWith(
      '### 🚀 Ops pull request opened to roll back production to fraud `v5.0.2`\n\n`v5.1.0` → `v5.0.2` · requested by `@mallory`',
    ),
    reply,
  );
  assert.match(reply, /\[ops pull request #12\]\(https:\/\/github\.com\/acme\/ops\/pull\/12\)/);
  assert.match(reply, /waits in the ops pull request/);
  assertSafe(reply);
});

test('dry run: the diff in a fence nothing inside can close', () => {
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
  });
  const lines = reply.split('\n');
  const open = lines.findIndex((l) => l.startsWith('`````diff'));
  assert.ok(open > 0, reply);
  const close = lines.findIndex((l, i) => i > open && /^`{5,}$/.test(l));
  assert.deepEqual(lines.slice(open + 1, close), diff.split('\n'));
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
    [
      '### 👎 Cannot promote fraud v5 to production',
      '',
      'Only people with maintain or admin may promote to production (you have write).',
      '',
      'The rule is in acme/ops [`.github/modelship.yml`](https://github.com/acme/ops/blob/main/.github/modelship.yml).',
      '',
      'Nothing was written.',
    ].join('\n'),
  );
  const many = renderRefusal({
    request: 'promote fraud v5 to production',
    refusals: [
      { code: 'gate-failed', message: 'fraud v5 did not pass its gate.' },
      { code: 'locked', message: `production is locked by bob: ${hostile}` },
    ],
  });
  assert.match(many, /\n- fraud v5 did not pass its gate\.\n- production is locked by bob: /);
  assertSafe(many);
  // A refusal before the command is understood (a fork, a config error) has no request to name.
  const bare = renderRefusal({ refusals: [{ code: 'fork', message: `from a fork ${hostile}` }] });
  assert.match(bare, /^### 👎 Refused\n\nfrom a fork @\u200beveryone/);
  assertSafe(bare);
});

test('an invalid command quotes the comment harmlessly and shows the syntax', () => {
  const reply = renderInvalidCommand({
    message: `/promote: "${hostile}" is not a version`,
    usage: '/promote VERSION [NAME] [to ENV] [--dry-run]',
  });
  assert.match(
    reply,
    /^### 🤔 \/promote: "@\u200beveryone [^\n]*" is not a version\n\nUsage: `\/promote VERSION \[NAME\] \[to ENV\] \[--dry-run\]` · `\/help` lists every command\.$/,
  );
  assertSafe(reply);
  assert.equal(
    renderInvalidCommand({ message: 'This is not a command the app knows.' }),
    '### 🤔 This is not a command the app knows.\n\n`/help` lists every command.',
  );
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
  assert.match(reply, /⚠️ production: charts\/values\.yaml says v5\.0\.1/);
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

test('status: the ops repository read, and a half-done promotion with the command that finishes it', () => {
  const reply = renderStatus({
    now: '2026-11-29T23:00:00Z',
    source: { repository: 'acme/ops', commit: 'abcdef1234567890' },
    rows: [
      { environment: 'staging', model: 'fraud', version: 'v5.1.0', stageMismatch: { stage: 'v5.0.2' } },
      { environment: 'production', model: 'fraud', version: 'v5.0.2', stageMismatch: {} },
    ],
  });
  assert.match(reply, /^### Status of fraud\n\nFrom acme\/ops at `abcdef1`\.\n\n\| Environment \|/);
  assert.match(
    reply,
    /- ⚠️ staging: the ops repository runs `v5\.1\.0` but the registry's stage says `v5\.0\.2` — a promotion left half-done[^\n]*`\/promote v5\.1\.0 fraud to staging` finishes it/,
  );
  assert.match(reply, /- ⚠️ production: [^\n]* stage says nothing — /);
  assertSafe(reply);
});

test('help: the commands and the effective configuration', () => {
  const environments = environmentsSchema.parse({
    staging: {},
    production: {
      after: 'staging',
      soak: '24h',
      protected: true,
      mode: 'pull-request',
      branch: 'live',
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
    '| staging (default) | commit to the default branch | — | — | must pass | write or above |',
    '| production (protected) | pull request to `live` | staging | 24h | must pass | maintain or above, only `alice`, or members of `acme/sre` |',
    '| sandbox | commit to the default branch | — | — | not required | admin |',
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
    /lock\.json is not JSON\. It blocks every promotion to production until `\/unlock production --force` clears it\./,
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

test('already handled: said once, naming whether the first handling has ended', () => {
  assert.equal(
    renderAlreadyHandled({
      deliveryId: 'd-1',
      finished: true,
      replyUrl: 'https://github.com/acme/models/pull/7#issuecomment-2',
    }),
    '🔁 This command was delivered again (delivery `d-1`) and was already handled: nothing more was done. See [the reply](https://github.com/acme/models/pull/7#issuecomment-2).',
  );
  const running = renderAlreadyHandled({ deliveryId: '`x` @everyone', finished: false });
  assert.match(running, /already being handled: nothing more was done\.\n\nIf no answer follows/);
  assertSafe(running);
});

test('every reply starts with the marker line, and fits in a comment', () => {
  assert.equal(COMMAND_REPLY_MARKER, '<!-- modelship:command -->');
  assert.equal(markCommandReply('### x'), '<!-- modelship:command -->\n### x');
  const long = markCommandReply(`### x\n${'| a | b |\n'.repeat(10_000)}`);
  assert.ok(long.length <= 65_536 - 512, `${long.length}`);
  assert.match(long, /\| a \| b \|\n\n… \(cut here: the reply was longer than GitHub's comment limit\)$/);
});

test('nothing to change: already runs, at which ops commit', () => {
  assert.equal(
    renderNothingToChange({
      model: 'fraud',
      version: 'v5.1.0',
      environment: 'production',
      branch: 'main',
      commit: 'abcdef1234567890',
    }),
    "### ✅ production already runs fraud `v5.1.0`\n\nThe ops branch `main` at `abcdef1` has these values and the registry's stage says so: nothing to change.",
  );
});

const stops: [PromotionStop, RegExp][] = [
  [
    { reason: 'busy', lock: { ...lock, sticky: false } },
    /^Another promotion \(by `alice`, since 2026-11-29 21:00 UTC\) is still writing to production\. Comment the command again in a moment/m,
  ],
  [
    { reason: 'locked', lock },
    /^production is locked by `alice`\.\n\nLocked since 2026-11-29 21:00 UTC in #7[\s\S]*> @\u200beveryone[\s\S]*`\/unlock production --force`/m,
  ],
  [
    { reason: 'unreadable-lock', detail: 'lock.json is not JSON' },
    /cannot be read\.\n\nlock\.json is not JSON\. It blocks every promotion to production until `\/unlock production --force` clears it\./,
  ],
  [
    { reason: 'tag-moved', tag: 'fraud@v5.1.0', was: 'a'.repeat(40), now: 'b'.repeat(40) },
    /The tag `fraud@v5\.1\.0` pointed at `aaaaaaa` when the command arrived and points at `bbbbbbb` now[\s\S]*`modelship registry doctor`/,
  ],
  [
    { reason: 'branch-moved', detail: `main kept moving (3 attempts) ${hostile}` },
    /^main kept moving \(3 attempts\) @\u200beveryone .* Comment the command again: it is planned afresh\.$/m,
  ],
];
for (const [stop, expected] of stops)
  test(`promotion stopped before writing: ${stop.reason}`, () => {
    const text = renderPromotionStopped({
      request: 'promote fraud v5.1.0 to production',
      environment: 'production',
      stop,
    });
    assert.ok(text.startsWith('### 👎 Cannot promote fraud v5.1.0 to production\n\n'), text);
    assert.match(text, expected);
    assert.ok(text.endsWith('\n\nNothing was written.'), text);
    assertSafe(text);
  });

test('a failure says what was and was not written, and how to finish', () => {
  const half = renderCommandFailed({
    request: 'roll back production (fraud) to v5.0.2',
    message: `stage tag refused: ${hostile}`,
    written: {
      opsCommit: { sha: 'abcdef1234567890', url: 'https://github.com/acme/ops/commit/abcdef1234567890' },
    },
  });
  assert.match(
    half,
    /^### 💥 Could not roll back production \(fraud\) to v5\.0\.2\n\nstage tag refused: @\u200beveryone/,
  );
  assert.match(
    half,
    /The \[ops commit `abcdef1`\]\(https:\/\/github\.com\/acme\/ops\/commit\/abcdef1234567890\) was written but the registry's stage tag was not[\s\S]*Comment the command again to finish it/,
  );
  assertSafe(half);
  assert.match(
    renderCommandFailed({ request: 'promote fraud v5 to staging', message: 'HTTP 502.', written: 'nothing' }),
    /\n\nHTTP 502\.\n\nNothing was written to the ops repository, and the deployment is marked failed\. Comment the command again to retry\.$/,
  );
  assert.match(
    renderCommandFailed({ message: 'socket hang up', written: 'unknown' }),
    /^### 💥 The command failed\n\nsocket hang up\.\n\nNothing half-done is left unreported: `\/status` shows/,
  );
});

test('a lock in one line, for another reply', () => {
  assert.equal(
    describeLock('production', lock),
    'production is locked by `alice` in #7 since 2026-11-29 21:00 UTC: @\u200beveryone &lt;script&gt;x&lt;/script&gt; \\| \\`rm\\` \\[x\\](javascript:y) \\`\\`\\`',
  );
  assert.equal(
    describeLock('qa', { unreadable: 'not JSON' }),
    'qa has a lock that cannot be read (not JSON); `/unlock qa --force` clears it',
  );
});
