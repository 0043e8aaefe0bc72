import assert from 'node:assert/strict';
import { test } from 'node:test';
import { environmentPolicySchema } from '../../../core/config/environments-config-schema.js';
import { authorizeCommenter } from '../../../jobs/promote-command/authorize-commenter.js';
import type { TeamMemberships } from '../../../jobs/ports/team-memberships.js';

/** Team memberships that record what was asked and answer from a fixed table. */
function memberships(table: Record<string, string[]> | { refused: string }) {
  const asked: { login: string; teams: readonly string[] }[] = [];
  const port: TeamMemberships = {
    async activeTeams(login, teams) {
      asked.push({ login, teams });
      if ('refused' in table) return { refused: table.refused as string };
      return { active: teams.filter((t) => (table[login] ?? []).includes(t)) };
    },
  };
  return { port, asked };
}

const person = (login: string, role = 'write') => ({ login, role, isBot: false, isFork: false });
const promote = { action: 'promote' as const, environment: 'production' };
const policy = (p: Record<string, unknown>) => environmentPolicySchema.parse(p);

test('the teams are asked only when they decide', async () => {
  const teams = memberships({ erin: ['acme/ml-leads'] });
  const withTeams = policy({ 'min-role': 'write', users: ['alice'], teams: ['acme/ml-leads', 'acme/sre'] });
  assert.equal((await authorizeCommenter(person('alice'), withTeams, promote, teams.port)).allowed, true);
  assert.equal(
    (await authorizeCommenter(person('carol', 'read'), withTeams, promote, teams.port)).allowed,
    false,
  );
  assert.equal(
    (await authorizeCommenter({ ...person('bot'), isBot: true }, withTeams, promote, teams.port)).allowed,
    false,
  );
  assert.equal(
    (await authorizeCommenter(person('bob'), policy({ 'min-role': 'write' }), promote, teams.port)).allowed,
    true,
  );
  assert.deepEqual(teams.asked, [], 'a listed user, a role too low, a bot, a policy without teams: no call');

  assert.equal((await authorizeCommenter(person('erin'), withTeams, promote, teams.port)).allowed, true);
  const bob = await authorizeCommenter(person('bob'), withTeams, promote, teams.port);
  assert.deepEqual(bob, {
    allowed: false,
    code: 'not-listed',
    role: 'write',
    message: 'Only alice, members of acme/ml-leads and members of acme/sre may promote to production.',
  });
  assert.deepEqual(teams.asked, [
    { login: 'erin', teams: ['acme/ml-leads', 'acme/sre'] },
    { login: 'bob', teams: ['acme/ml-leads', 'acme/sre'] },
  ]);
});

test('an organisation that cannot be asked refuses with the rule and the reason', async () => {
  const teams = memberships({ refused: 'The app may not read the members of acme/ml-leads.' });
  const result = await authorizeCommenter(
    person('erin'),
    policy({ 'min-role': 'write', teams: ['acme/ml-leads'] }),
    promote,
    teams.port,
  );
  assert.equal(result.allowed, false);
  assert.equal(
    result.message,
    'Only members of acme/ml-leads may promote to production. The app may not read the members of acme/ml-leads.',
  );
});
