import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  MODELS,
  OPS,
  OPS_CONFIG,
  startPromotionApp,
  type PromotionAppWorld,
} from '../support/promotion-app.js';
import { promotionCommitMessage } from '../../core/promotion/promotion-commit-message.js';

// Issue #15, items 6 and 7 for `mode: pull-request`: the promotion is a pull request in the ops
// repository, and nothing runs until it merges. Its merge (a `pull_request.closed` delivery from
// the ops repository) completes the promotion — stage tag, deployment success with environment_url,
// a reply in the command's thread; a close without merging marks the deployment failed. A
// redelivered event changes nothing.
let world: PromotionAppWorld;
const [owner, repo] = MODELS.split('/') as [string, string];
const [opsOwner, opsName] = OPS.split('/') as [string, string];

const PULL_REQUEST_CONFIG = OPS_CONFIG.replace(
  '    protected: true\n',
  '    protected: true\n    mode: pull-request\n',
);

before(async () => {
  assert.notEqual(PULL_REQUEST_CONFIG, OPS_CONFIG);
  world = await startPromotionApp({ opsConfig: PULL_REQUEST_CONFIG });
  world.gh.setPermission(OPS, 'olivia', 'maintain');
});
after(() => world.close());

const models = () => world.gh.state.repo(owner, repo)!;
const ops = () => world.gh.state.repo(opsOwner, opsName)!;
const stageTags = async () =>
  (await models().git.git(['for-each-ref', '--format=%(refname:short) %(*objectname)', 'refs/tags/']))
    .split('\n')
    .filter((l) => l.includes('#production#'));
const productionDeployments = () =>
  [...models().deployments.values()]
    .filter((d) => d.environment === 'production')
    .map((d) => ({
      id: d.id as number,
      version: (d.payload as { version: string }).version,
      statuses: (models().deploymentStatuses.get(d.id as number) ?? []).map((s) => ({
        state: s.state as string,
        description: s.description as string,
        environmentUrl: s.environment_url as string | undefined,
      })),
    }));
const openOpsPullRequest = () =>
  [...ops().pulls.values()].find((p) => p.state === 'open') as
    { number: number; html_url: string } | undefined;
const closedDeliveries = () =>
  world.gh.deliveries.filter(
    (d) =>
      d.event === 'pull_request' &&
      d.action === 'closed' &&
      !d.redelivery &&
      (d.payload.repository as { full_name: string }).full_name === OPS,
  );

async function command(login: string, body: string) {
  await world.comment(login, body);
  await world.settled();
  return world.replies().at(-1)!;
}

test('/promote into a pull-request environment → merge → stage tag, deployment success, a reply; redelivery converges', async () => {
  const v100 = await world.registerVersion('v1.0.0');
  assert.match(await command('bob', '/promote v1.0.0'), /Promoted fraud `v1\.0\.0` to staging/);
  assert.match(await command('alice', '/promote v1.0.0 to production'), /runs it once that is merged/);
  const pull = openOpsPullRequest();
  assert.ok(pull, 'the ops repository has the promotion pull request');
  assert.deepEqual(
    productionDeployments()
      .at(-1)!
      .statuses.map((s) => s.state),
    ['in_progress', 'queued'],
  );
  assert.deepEqual(await stageTags(), [], 'nothing runs before the merge');

  const replies = world.replies().length;
  await world.person('olivia').rest.pulls.merge({ owner: opsOwner, repo: opsName, pull_number: pull.number });
  await world.settled();

  assert.deepEqual(await stageTags(), [`fraud#production#2 ${v100}`]);
  const deployment = productionDeployments().at(-1)!;
  assert.deepEqual(
    deployment.statuses.map((s) => s.state),
    ['in_progress', 'queued', 'success'],
  );
  assert.equal(deployment.statuses.at(-1)!.environmentUrl, 'https://fraud.example.com');
  assert.equal(deployment.statuses.at(-1)!.description, 'fraud v1.0.0 runs in production');
  assert.equal(world.replies().length, replies + 1);
  const reply = world.replies().at(-1)!;
  assert.match(reply, /^<!-- modelship:ops-pull-request acme\/ops#\d+ -->\n\*\*Merged:\*\*/);
  assert.match(
    reply,
    /`fraud@v1\.0\.0` runs in `production` \(was `v0\.9\.0`\); stage tag `fraud#production#2`/,
  );
  assert.match(await command('bob', '/status production'), /v1\.0\.0/);

  // The same delivery again (GitHub's redelivery, same GUID): no second tag, status or reply.
  const statuses = deployment.statuses.length;
  const repliesNow = world.replies().length;
  const delivered = closedDeliveries();
  assert.equal(delivered.length, 1);
  await world.gh.redeliver(delivered[0]!.id);
  await world.settled();
  assert.deepEqual(await stageTags(), [`fraud#production#2 ${v100}`]);
  assert.equal(productionDeployments().at(-1)!.statuses.length, statuses);
  assert.equal(world.replies().length, repliesNow);
  assert.ok(world.logs.some((l) => l.includes('"outcome":"already-completed"')));
});

test('a promotion pull request closed without merging: the deployment fails saying so, nothing is tagged', async () => {
  await world.registerVersion('v1.1.0');
  assert.match(await command('bob', '/promote v1.1.0'), /Promoted fraud `v1\.1\.0` to staging/);
  const tags = await stageTags();
  assert.match(await command('alice', '/promote v1.1.0 to production'), /runs it once that is merged/);
  const pull = openOpsPullRequest()!;
  await world.person('olivia').rest.pulls.update({
    owner: opsOwner,
    repo: opsName,
    pull_number: pull.number,
    state: 'closed',
  });
  await world.settled();
  const deployment = productionDeployments().at(-1)!;
  assert.equal(deployment.version, 'v1.1.0');
  assert.deepEqual(
    deployment.statuses.map((s) => s.state),
    ['in_progress', 'queued', 'failure'],
  );
  assert.equal(deployment.statuses.at(-1)!.description, `acme/ops#${pull.number} was closed without merging`);
  assert.deepEqual(await stageTags(), tags);
  assert.match(
    world.replies().at(-1)!,
    /\*\*Closed without merging:\*\* .*`fraud@v1\.1\.0` was not promoted to `production`/,
  );
  const last = closedDeliveries().at(-1)!;
  await world.gh.redeliver(last.id);
  await world.settled();
  assert.equal(productionDeployments().at(-1)!.statuses.length, 3);
});

test('a pull request that carried two versions before it merged: the last one runs, the one it replaced is inactive', async () => {
  const v120 = await world.registerVersion('v1.2.0');
  assert.match(await command('bob', '/promote v1.2.0'), /Promoted fraud `v1\.2\.0` to staging/);
  assert.match(
    await command('alice', '/promote v1.1.0 to production'),
    /Ops pull request opened[\s\S]*runs it once that is merged/,
  );
  assert.match(
    await command('alice', '/promote v1.2.0 to production'),
    /Ops pull request updated[\s\S]*runs it once that is merged/,
  );
  const pull = openOpsPullRequest()!;
  await world.person('olivia').rest.pulls.merge({
    owner: opsOwner,
    repo: opsName,
    pull_number: pull.number,
    merge_method: 'squash',
  });
  await world.settled();
  const [replaced, merged] = productionDeployments().slice(-2);
  assert.equal(merged!.version, 'v1.2.0');
  assert.deepEqual(
    merged!.statuses.map((s) => s.state),
    ['in_progress', 'queued', 'success'],
  );
  assert.equal(replaced!.version, 'v1.1.0');
  assert.deepEqual(
    replaced!.statuses.map((s) => s.state),
    ['in_progress', 'queued', 'inactive'],
  );
  assert.equal(
    replaced!.statuses.at(-1)!.description,
    `Replaced by v1.2.0 before acme/ops#${pull.number} merged`,
  );
  assert.equal((await stageTags()).at(-1), `fraud#production#5 ${v120}`);
  assert.match(world.replies().at(-1)!, /`fraud@v1\.2\.0` runs in `production` \(was `v1\.0\.0`\)/);
});

test("a look-alike promotion pull request (trailers and a deployment made by someone else) completes nothing: only the app's own deployments count", async () => {
  const v130 = await world.registerVersion('v1.3.0');
  world.gh.setPermission(MODELS, 'olivia', 'write');
  const olivia = world.person('olivia');
  const source = (await world.comment('olivia', 'shipping it myself')).html_url;
  // What the app would have made for `/promote v1.3.0 to production` (never asked: v1.3.0 never ran
  // in staging, so the order rule would have refused it).
  await olivia.rest.repos.createDeployment({
    owner,
    repo,
    ref: 'fraud@v1.3.0',
    environment: 'production',
    payload: { model: 'fraud', version: 'v1.3.0', actor: 'olivia', comment: source, kind: 'promote' },
    auto_merge: false,
    required_contexts: [],
  });
  const { message } = promotionCommitMessage({
    model: 'fraud',
    version: 'v1.3.0',
    environment: 'production',
    request: { requestedBy: 'olivia', source },
  });
  const base = await ops().git.refSha(`refs/heads/${ops().defaultBranch}`);
  const values = await olivia.rest.repos.getContent({
    owner: opsOwner,
    repo: opsName,
    path: 'apps/fraud/production/values.yaml',
  });
  const text = Buffer.from((values.data as { content: string }).content, 'base64')
    .toString('utf8')
    .replace(/tag: \S+/, 'tag: v1.3.0');
  const { data: tree } = await olivia.rest.git.createTree({
    owner: opsOwner,
    repo: opsName,
    base_tree: (await olivia.rest.git.getCommit({ owner: opsOwner, repo: opsName, commit_sha: base! })).data
      .tree.sha,
    tree: [{ path: 'apps/fraud/production/values.yaml', mode: '100644', type: 'blob', content: text }],
  });
  const { data: commit } = await olivia.rest.git.createCommit({
    owner: opsOwner,
    repo: opsName,
    message,
    tree: tree.sha,
    parents: [base!],
  });
  // The promotion branch (left behind by earlier merges, if any) pointed at the look-alike commit.
  const branch = { owner: opsOwner, repo: opsName, sha: commit.sha };
  await olivia.rest.git
    .createRef({ ...branch, ref: 'refs/heads/modelship/production/fraud' })
    .catch(() =>
      olivia.rest.git.updateRef({ ...branch, ref: 'heads/modelship/production/fraud', force: true }),
    );
  const { data: pull } = await olivia.rest.pulls.create({
    owner: opsOwner,
    repo: opsName,
    head: 'modelship/production/fraud',
    base: ops().defaultBranch,
    title: 'Promote fraud v1.3.0 to production',
  });
  const tagsBefore = await stageTags();
  const repliesBefore = world.replies().length;
  await olivia.rest.pulls.merge({
    owner: opsOwner,
    repo: opsName,
    pull_number: pull.number,
    merge_method: 'squash',
  });
  await world.settled();

  assert.deepEqual(await stageTags(), tagsBefore, 'no stage tag for a promotion the app never made');
  assert.ok(!(await stageTags()).some((t) => t.endsWith(v130)));
  const forged = productionDeployments().at(-1)!;
  assert.equal(forged.version, 'v1.3.0');
  assert.deepEqual(forged.statuses, [], "the look-alike deployment's statuses are not the app's to write");
  assert.equal(world.replies().length, repliesBefore, 'no reply claims it merged');
  assert.ok(
    world.logs.some((line) => line.includes('"outcome":"no-deployment"')),
    'the app logged why it completed nothing',
  );
});
