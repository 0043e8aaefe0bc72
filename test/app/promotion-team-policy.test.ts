import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTeam } from '../support/github/handlers/teams.js';
import { MODELS, OPS_CONFIG, startPromotionApp, type PromotionAppWorld } from '../support/promotion-app.js';

// Issue #15, item 3: a policy's `teams: [org/team-slug]`, checked through the organisation's team
// memberships — asked only when the policy names teams and `users` did not already admit the person.
let world: PromotionAppWorld;

const TEAM_POLICY_CONFIG = OPS_CONFIG.replace(
  'policy:\n      min-role: write\n',
  'policy:\n      min-role: write\n      teams: [acme/ml-leads]\n',
).replace(
  'policy:\n      min-role: maintain\n',
  'policy:\n      min-role: maintain\n      users: [alice]\n      teams: [acme/ml-leads]\n',
);

before(async () => {
  assert.notEqual(TEAM_POLICY_CONFIG, OPS_CONFIG);
  world = await startPromotionApp({ opsConfig: TEAM_POLICY_CONFIG });
  for (const [login, role] of [
    ['dave', 'write'],
    ['erin', 'write'],
    ['frank', 'maintain'],
  ] as const)
    world.gh.setPermission(MODELS, login, role);
  createTeam(world.gh.state, 'acme/ml-leads', {
    erin: 'active',
    carol: 'active',
    frank: 'active',
    dave: 'pending',
  });
  await world.registerVersion('v1.0.0');
});
after(() => world.close());

const membershipCalls = () =>
  world.gh.calls.filter((c) => c.operationId === 'teams/get-membership-for-user-in-org').length;

async function command(login: string, body: string) {
  const calls = membershipCalls();
  await world.comment(login, body);
  await world.settled();
  return { reply: world.replies().at(-1)!, teamCalls: membershipCalls() - calls };
}

test('teams: [acme/ml-leads] admits an active member with enough role and refuses everyone else politely', async () => {
  let step = await command('bob', '/promote v1.0.0');
  assert.match(step.reply, /Only members of acme\/ml-leads may promote to staging\./);
  assert.equal(step.teamCalls, 1);

  // An invitation not yet accepted is no membership.
  step = await command('dave', '/promote v1.0.0');
  assert.match(step.reply, /Only members of acme\/ml-leads may promote to staging\./);
  assert.equal(step.teamCalls, 1);

  // A member still needs the role: refused by min-role before the organisation is asked anything.
  step = await command('carol', '/promote v1.0.0');
  assert.match(
    step.reply,
    /Only people with write, maintain or admin may promote to staging \(you have read\)/,
  );
  assert.equal(step.teamCalls, 0);

  step = await command('erin', '/promote v1.0.0');
  assert.match(step.reply, /Promoted fraud `v1\.0\.0` to staging/);
  assert.equal(step.teamCalls, 1);

  // Listed in `users`: admitted without a look at the teams.
  step = await command('alice', '/promote v1.0.0 to production');
  assert.match(step.reply, /Promoted fraud `v1\.0\.0` to production/);
  assert.equal(step.teamCalls, 0);
});

test('an app without members: read refuses with the rule and the missing permission, and writes nothing', async () => {
  // The organisation's owner withdrew the permission: the stand-in's current token loses it too.
  for (const token of world.gh.state.tokens.values())
    if (token.installationId === world.installationId) delete token.permissions!.members;
  delete world.gh.state.installations.get(world.installationId)!.permissions.members;
  const deployments = world.gh.state.repo('acme', 'models')!.deployments.size;
  const step = await command('frank', '/rollback production to v1.0.0');
  assert.match(step.reply, /Only alice and members of acme\/ml-leads may roll back production\./);
  assert.match(step.reply, /organisation permission "Members: read"/);
  assert.equal(step.teamCalls, 1);
  assert.equal(world.gh.state.repo('acme', 'models')!.deployments.size, deployments);
  assert.ok(!world.logs.some((l) => /"level":50/.test(l)), 'nothing failed in the app');
});
