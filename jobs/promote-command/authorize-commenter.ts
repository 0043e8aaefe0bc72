import type { EnvironmentPolicy } from '../../core/config/environments-config-schema.js';
import {
  type Authorization,
  type Commenter,
  decideAuthorization,
} from '../../core/promotion-policy/decide-authorization.js';
import type { PolicyAction } from '../../core/promotion-policy/policy-refusal.js';
import type { TeamMemberships } from '../ports/team-memberships.js';

/**
 * decideAuthorization with the policy's teams asked about only when they can change the answer:
 * the person passed every other rule and is not among `users` (the refusal is `not-listed`) and the
 * policy names teams. So a policy without teams, or a listed user, costs no call — and a bot, a
 * fork or a role too low is refused without asking the organisation anything.
 */
export async function authorizeCommenter(
  commenter: Omit<Commenter, 'teams'>,
  policy: EnvironmentPolicy,
  request: { action: PolicyAction; environment: string },
  teams: TeamMemberships,
): Promise<Authorization> {
  const first = decideAuthorization(commenter, policy, request);
  const named = policy.teams ?? [];
  if (first.allowed || first.code !== 'not-listed' || named.length === 0) return first;
  const memberships = await teams.activeTeams(commenter.login, named);
  if ('refused' in memberships)
    return {
      allowed: false,
      code: 'not-listed',
      message: `${first.message} ${memberships.refused}`,
      ...roleOf(first),
    };
  return decideAuthorization({ ...commenter, teams: memberships.active }, policy, request);
}

function roleOf(authorization: Authorization) {
  return authorization.role ? { role: authorization.role } : {};
}
