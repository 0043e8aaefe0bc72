import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createAppAuth } from '@octokit/auth-app';
import { Octokit } from '@octokit/rest';
import { createGitHubClient } from '../../../platform/github/client.js';
import { githubTeamMemberships } from '../../../platform/github/github-team-memberships.js';
import { createTeam } from '../../support/github/handlers/teams.js';
import { startGitHubStandIn, type GitHubStandIn } from '../../support/github/server.js';

let gh: GitHubStandIn;
const APP_PERMISSIONS = { contents: 'write', pull_requests: 'write', metadata: 'read' };

/** The port on an installation token of an installation on `acme` with these permissions. */
async function membershipsWith(permissions: Record<string, string>) {
  const installationId = gh.installApp('acme', ['acme/models'], permissions);
  const auth = createAppAuth({
    appId: gh.app.id,
    privateKey: gh.app.privateKey,
    request: new Octokit({ baseUrl: gh.url }).request,
  });
  const { token } = await auth({ type: 'installation', installationId });
  return githubTeamMemberships(createGitHubClient({ token, baseUrl: gh.url, retries: 0, pacing: false }));
}

const membershipCalls = () =>
  gh.calls.filter((c) => c.operationId === 'teams/get-membership-for-user-in-org');

before(async () => {
  gh = await startGitHubStandIn();
  await gh.createRepo('acme/models');
  createTeam(gh.state, 'acme/ml-leads', { alice: 'active', dave: 'pending' });
  createTeam(gh.state, 'acme/sre', { bob: 'active', alice: { role: 'maintainer', state: 'active' } });
});
after(() => gh.close());

test('an active member is found in each team that has them; a pending invitation is no membership', async () => {
  const teams = await membershipsWith({ ...APP_PERMISSIONS, members: 'read' });
  const before = membershipCalls().length;
  assert.deepEqual(await teams.activeTeams('alice', ['acme/ml-leads', 'acme/sre']), {
    active: ['acme/ml-leads', 'acme/sre'],
  });
  assert.deepEqual(await teams.activeTeams('bob', ['acme/ml-leads', 'acme/sre']), { active: ['acme/sre'] });
  assert.deepEqual(await teams.activeTeams('dave', ['acme/ml-leads']), { active: [] });
  // No such person, no such team, a team of an organisation the app is not installed on: not a member.
  assert.deepEqual(await teams.activeTeams('nobody', ['acme/ml-leads', 'acme/ghosts', 'other/x']), {
    active: [],
  });
  // One call per team asked about, the login and the slug as given (GitHub matches them case-insensitively).
  assert.deepEqual(await teams.activeTeams('Alice', ['ACME/ML-Leads']), { active: ['ACME/ML-Leads'] });
  const calls = membershipCalls().slice(before);
  assert.equal(calls.length, 2 + 2 + 1 + 3 + 1);
  assert.equal(calls.at(-1)!.path, '/orgs/ACME/teams/ML-Leads/memberships/Alice');
});

test('an app without the organisation permission members: read gets a refusal naming it, not a crash', async () => {
  const teams = await membershipsWith(APP_PERMISSIONS);
  const answer = await teams.activeTeams('alice', ['acme/ml-leads']);
  assert.ok('refused' in answer);
  assert.match(answer.refused, /acme\/ml-leads/);
  assert.match(answer.refused, /"Members: read"/);
  assert.equal(membershipCalls().at(-1)!.status, 403);
});

test('a person sees the teams of an organisation they belong to, others get 404', async () => {
  const as = (login: string) =>
    createGitHubClient({ token: gh.createToken(login), baseUrl: gh.url, retries: 0, pacing: false });
  assert.deepEqual(await githubTeamMemberships(as('bob')).activeTeams('alice', ['acme/ml-leads']), {
    active: ['acme/ml-leads'],
  });
  const stranger = await as('stranger')
    .rest.teams.getMembershipForUserInOrg({ org: 'acme', team_slug: 'ml-leads', username: 'alice' })
    .catch((e: { status: number }) => e);
  assert.equal((stranger as { status: number }).status, 404);
});
