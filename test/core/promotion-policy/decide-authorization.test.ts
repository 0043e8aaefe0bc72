import assert from 'node:assert/strict';
import { test } from 'node:test';
import { environmentPolicySchema } from '../../../core/config/environments-config-schema.js';
import { type Commenter, decideAuthorization } from '../../../core/promotion-policy/decide-authorization.js';

const person = (role: string, extra: Partial<Commenter> = {}): Commenter => ({
  login: 'alice',
  role,
  isBot: false,
  isFork: false,
  ...extra,
});
const policy = (p: object = {}) => environmentPolicySchema.parse(p);
const production = { action: 'promote' as const, environment: 'production' };

const cases: [string, Commenter, object, string | true, string?][] = [
  ['write meets the default min-role (write)', person('write'), {}, true],
  ['admin meets maintain', person('admin'), { 'min-role': 'maintain' }, true],
  ['maintain meets maintain', person('maintain', { permission: 'write' }), { 'min-role': 'maintain' }, true],
  [
    'write is below maintain',
    person('write'),
    { 'min-role': 'maintain' },
    'role-too-low',
    'Only people with maintain or admin may promote to production (you have write).',
  ],
  [
    'triage is below write',
    person('triage'),
    {},
    'role-too-low',
    'Only people with write, maintain or admin may',
  ],
  ['read is below write', person('read'), {}, 'role-too-low', '(you have read)'],
  ['read meets read', person('read'), { 'min-role': 'read' }, true],
  ['admin meets admin', person('ADMIN'), { 'min-role': 'admin' }, true],
  [
    'maintain is below admin',
    person('maintain'),
    { 'min-role': 'admin' },
    'role-too-low',
    'Only people with admin may',
  ],
  [
    'a custom role counts as its base',
    person('deployer', { permission: 'write' }),
    { 'min-role': 'maintain' },
    'role-too-low',
    '(you have deployer, counted as write)',
  ],
  ['a custom role on write meets write', person('deployer', { permission: 'write' }), {}, true],
  [
    'a custom role without a base is refused',
    person('deployer'),
    {},
    'unknown-role',
    'Your role "deployer" has no base role',
  ],
  [
    'a custom role with an unknown base is refused',
    person('deployer', { permission: 'superuser' }),
    {},
    'unknown-role',
  ],
  [
    'no access at all',
    person('', { permission: 'none' }),
    { 'min-role': 'read' },
    'no-access',
    'Only collaborators',
  ],
  ['role none', person('none'), { 'min-role': 'read' }, 'no-access'],
  [
    'bots are refused whatever their role',
    person('admin', { login: 'renovate[bot]', isBot: true }),
    {},
    'bot',
    'Commands from bots are not accepted (renovate[bot]).',
  ],
  [
    'forks are refused whatever the role',
    person('admin', { isFork: true }),
    {},
    'fork',
    'pull requests from forks',
  ],
  ['a listed user', person('write', { login: 'Alice' }), { users: ['alice', 'bob'] }, true],
  [
    'an unlisted user',
    person('admin', { login: 'carol' }),
    { users: ['alice', 'bob'] },
    'not-listed',
    'Only alice and bob may promote to production.',
  ],
  [
    'a listed user still needs the role',
    person('write'),
    { 'min-role': 'maintain', users: ['alice'] },
    'role-too-low',
  ],
  ['a team member', person('write', { login: 'dave', teams: ['acme/SRE'] }), { teams: ['acme/sre'] }, true],
  [
    'not in the team',
    person('write', { login: 'dave', teams: ['acme/ml'] }),
    { users: ['alice'], teams: ['acme/sre'] },
    'not-listed',
    'Only alice and members of acme/sre may promote to production.',
  ],
  [
    'teams not looked up count as no membership',
    person('write', { login: 'dave' }),
    { teams: ['acme/sre'] },
    'not-listed',
  ],
];

for (const [name, commenter, p, expected, message] of cases)
  test(`decideAuthorization: ${name}`, () => {
    const result = decideAuthorization(commenter, policy(p), production);
    if (expected === true) {
      assert.equal(result.allowed, true, JSON.stringify(result));
      return;
    }
    assert.equal(result.allowed, false);
    if (result.allowed) return;
    assert.equal(result.code, expected);
    if (message) assert.ok(result.message.includes(message), result.message);
  });

test('decideAuthorization words each action', () => {
  const p = policy({ 'min-role': 'admin' });
  const words = {
    promote: 'promote to production',
    rollback: 'roll back production',
    lock: 'lock production',
    unlock: 'unlock production',
  } as const;
  for (const [action, phrase] of Object.entries(words)) {
    const result = decideAuthorization(person('write'), p, {
      action: action as keyof typeof words,
      environment: 'production',
    });
    assert.ok(!result.allowed && result.message.includes(`may ${phrase} (you have write)`), result.message);
  }
});
