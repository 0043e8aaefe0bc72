import assert from 'node:assert/strict';
import { test } from 'node:test';
import { environmentSchema } from '../../../core/config/environments-config-schema.js';
import { UserError } from '../../../core/errors.js';
import type { EnvironmentPlan, EnvironmentResult } from '../../../core/promotion/promotion-outcome.js';
import type { PromotionInput } from '../../../jobs/promote-command/carry-out-promotion.js';
import type { CommentCommandRequest } from '../../../jobs/promote-command/command-ports.js';
import { replies, ruleSourceFor } from '../../../jobs/promote-command/command-replies.js';
import { promotionReplies } from '../../../jobs/promote-command/promotion-replies.js';
import { htmlIn, mentionsIn } from '../../core/report/promotion/markdown-safety.js';

// The adapters the promotion jobs call: every reply the app sends goes through core's renderers,
// starts with the marker line, and stays inert whatever the user and repositories wrote.
const hostile = '@everyone <img src=x> | `rm` [x](javascript:y) ````';
const sha = (c: string) => c.repeat(40);
const lock = {
  environment: 'production',
  owner: { login: 'alice', pullRequest: 7 },
  reason: hostile,
  sticky: true,
  claimId: 'c',
  createdAt: '2026-11-29T21:00:00Z',
  sha: sha('f'),
};
const input: PromotionInput = {
  kind: 'promote',
  model: 'fraud',
  environment: 'production',
  settings: environmentSchema.parse({ url: 'https://fraud.example.com' }),
  version: {
    model: 'fraud',
    version: 'v1.1.0',
    tag: 'fraud@v1.1.0',
    commit: sha('a'),
    registeredAt: '2026-11-29T20:00:00Z',
    registeredBy: 'bob',
    status: 'active',
    stages: [],
  },
  dryRun: false,
};
const plan: EnvironmentPlan = {
  environment: 'production',
  branch: 'main',
  mode: 'commit',
  commit: sha('c'),
  model: 'fraud',
  version: 'v1.1.0',
  previous: 'v1.0.0',
  targets: [
    { file: 'apps/fraud/values.yaml', line: 5, target: `yaml ${hostile}`, before: 'v1.0.0', after: 'v1.1.0' },
  ],
  files: [
    {
      path: 'apps/fraud/values.yaml',
      changed: true,
      diff: '--- a/apps/fraud/values.yaml\n+++ b/apps/fraud/values.yaml\n@@ -5 +5 @@\n-tag: v1.0.0 # ````\n+tag: v1.1.0 # @everyone\n',
    },
  ],
  changes: [],
  nothingToChange: false,
  message: { headline: 'h', body: 'b', text: 'h\n\nb' },
};
const request: CommentCommandRequest = {
  deliveryId: hostile,
  installationId: 1,
  repository: { owner: 'acme', repo: 'models' },
  pullRequest: 7,
  comment: {
    id: 1,
    url: 'https://github.com/acme/models/pull/7#issuecomment-1',
    body: '/x',
    author: 'bob',
    createdAt: '',
  },
};
const committed: EnvironmentResult = {
  environment: 'production',
  status: 'committed',
  plan,
  attempts: 1,
  commit: sha('d'),
  url: `https://github.com/acme/ops/commit/${sha('d')}`,
};

const all: [string, string][] = [
  ['dryRun', promotionReplies.dryRun({ ...input, dryRun: true }, plan)],
  ['unchanged', promotionReplies.unchanged(input, { ...plan, nothingToChange: true, targets: [] })],
  ['busy (write lock)', promotionReplies.busy(input, { lock: { ...lock, sticky: false } })],
  ['busy (sticky lock)', promotionReplies.busy(input, { lock })],
  ['busy (unreadable)', promotionReplies.busy(input, { unreadable: hostile })],
  ['tagMoved', promotionReplies.tagMoved(input, sha('b'))],
  ['raceLost', promotionReplies.raceLost(input, hostile)],
  [
    'pullRequest',
    promotionReplies.pullRequest(input, plan, {
      branch: 'modelship/production/fraud',
      commit: sha('e'),
      number: 12,
      url: 'https://github.com/acme/ops/pull/12',
      created: true,
      changed: true,
    }),
  ],
  ['applied', promotionReplies.applied(input, committed, 'fraud#production#3', 'acme/ops')],
  [
    'applied (the ops repository already said so)',
    promotionReplies.applied(
      input,
      { environment: 'production', status: 'unchanged', plan, attempts: 1 },
      'fraud#production#3',
      'acme/ops',
    ),
  ],
  ['failed (after the commit)', promotionReplies.failed(input, new Error(hostile), sha('d'))],
  ['failed (before)', promotionReplies.failed(input, hostile, undefined)],
  ['fork', replies.fork()],
  ['notACommand', replies.notACommand()],
  ['invalid', replies.invalid({ kind: 'invalid', message: hostile, usage: '/status [ENV]' })],
  ['duplicate', replies.duplicate(request, false)],
  [
    'refused',
    replies.refusedCommand(
      {
        command: { kind: 'promote', version: 'v5', dryRun: false },
        model: 'fraud',
        environment: 'production',
      },
      [hostile, 'Only people with maintain or admin may promote (you have write).'],
      ruleSourceFor({ ops: { name: 'acme/ops', config: { file: 'acme/ops:.github/modelship.yml' } } }),
    ),
  ],
  [
    'refused (state)',
    replies.refusedCommand(
      { command: { kind: 'rollback', dryRun: false }, model: 'fraud', environment: 'production' },
      ['fraud v4 is deregistered.'],
      ruleSourceFor({ ops: { name: 'acme/ops', config: { file: 'acme/ops:.github/modelship.yml' } } }, [
        'version-deregistered',
      ]),
    ),
  ],
  ['locked', replies.locked('production', lock)],
  ['locked (unreadable)', replies.locked('production', { unreadable: hostile })],
  [
    'userError',
    replies.userError(
      new UserError('config', hostile, { file: 'acme/ops:.github/modelship.yml', line: 3 }, ['x']),
    ),
  ],
  ['failure', replies.failure(new Error(hostile))],
];
for (const [name, reply] of all)
  test(`${name}: the marker first, no mention, no HTML`, () => {
    assert.ok(reply.startsWith(`${replies.marker}\n`), reply);
    assert.match(reply.split('\n')[1]!, name === 'duplicate' ? /^🔁 / : /^### /);
    assert.deepEqual(mentionsIn(reply), [], reply);
    assert.deepEqual(htmlIn(reply.slice(replies.marker.length)), [], reply);
  });

test('what each promotion reply says: before → after, links, the rule, what next', () => {
  const text = new Map(all);
  assert.match(
    text.get('applied')!,
    /^### 🚀 Promoted fraud `v1\.1\.0` to production\n\n`v1\.0\.0` → `v1\.1\.0`$/m,
  );
  assert.match(
    text.get('applied')!,
    /\[ops commit `ddddddd`\]\(https:\/\/github\.com\/acme\/ops\/commit\/d{40}\) in acme\/ops · \[production\]\(https:\/\/fraud\.example\.com\) · stage tag `fraud#production#3`/,
  );
  assert.match(
    text.get('applied (the ops repository already said so)')!,
    /\n\nThe ops repository already had these values; the deployment and stage tag record the promotion\.\n\n/,
  );
  assert.doesNotMatch(text.get('applied (the ops repository already said so)')!, /\| Target \|/);
  assert.match(text.get('dryRun')!, /^### 🔍 Dry run: promote fraud `v1\.1\.0` to production$/m);
  assert.match(
    text.get('dryRun')!,
    /\n`````diff\n--- a\/apps\/fraud\/values\.yaml\n[\s\S]*\n\+tag: v1\.1\.0 # @everyone\n`````\n/,
  );
  assert.match(text.get('unchanged')!, /production already runs fraud `v1\.1\.0`/);
  assert.match(text.get('busy (write lock)')!, /Another promotion \(by `alice`/);
  assert.match(text.get('busy (sticky lock)')!, /production is locked by `alice`/);
  assert.match(text.get('tagMoved')!, /`fraud@v1\.1\.0` pointed at `aaaaaaa` .* points at `bbbbbbb` now/);
  assert.match(
    text.get('pullRequest')!,
    /^### 🚀 Ops pull request opened to promote fraud `v1\.1\.0` to production$/m,
  );
  assert.match(
    text.get('pullRequest')!,
    /\[ops pull request #12\]\(https:\/\/github\.com\/acme\/ops\/pull\/12\)/,
  );
  assert.match(
    text.get('failed (after the commit)')!,
    /ops commit `ddddddd` was written but the registry's stage tag was not/,
  );
  assert.match(text.get('failed (before)')!, /Nothing was written to the ops repository/);
  assert.match(text.get('refused')!, /^### 👎 Cannot promote fraud v5 to production$/m);
  assert.match(
    text.get('refused')!,
    /\n- Only people with maintain or admin may promote \(you have write\)\.\n/,
  );
  assert.match(text.get('refused')!, /\n\nThe rule is in acme\/ops `\.github\/modelship\.yml`\.\n/);
  assert.match(
    text.get('refused (state)')!,
    /^### 👎 Cannot roll back production \(fraud\)\n\nfraud v4 is deregistered\.\n\nNothing was written\.$/m,
  );
  assert.match(text.get('userError')!, /acme\/ops:\.github\/modelship\.yml:3\)\n- x\n/);
  assert.match(text.get('fork')!, /not taken from pull requests opened from forks/);
  assert.match(text.get('duplicate')!, /delivered again .* already being handled: nothing more was done/);
  assert.equal(
    replies.lockText('qa', { unreadable: 'x' }),
    'qa has a lock that cannot be read (x); `/unlock qa --force` clears it',
  );
});
