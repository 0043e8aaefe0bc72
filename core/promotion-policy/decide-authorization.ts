import type { EnvironmentPolicy } from '../config/environments-config-schema.js';
import { type PolicyAction, type PolicyRefusal, describeAction } from './policy-refusal.js';

export type AuthorizationRefusalCode =
  'bot' | 'fork' | 'no-access' | 'unknown-role' | 'role-too-low' | 'not-listed';

/** Base roles, least first: each includes what the ones before it may do. */
export const ROLE_RANK = ['read', 'triage', 'write', 'maintain', 'admin'] as const;
export type BaseRole = (typeof ROLE_RANK)[number];

/** Who commented, as the API (never the payload's author_association) says. */
export interface Commenter {
  login: string;
  /** `role_name` from the collaborator-permission API: a base role or a custom role's name. */
  role: string;
  /**
   * `permission` from the same API: the base a custom role extends, in the API's older words
   * (`admin`, `write`, `read`, `none`; maintain reads as write, triage as read).
   */
  permission?: string;
  isBot: boolean;
  /** The pull request comes from a fork. */
  isFork: boolean;
  /** The teams (`org/slug`) the caller found this person in; only the policy's teams need asking. */
  teams?: readonly string[];
}

export type Authorization =
  | { allowed: true; role: BaseRole; message: string }
  | ({ allowed: false; role?: BaseRole } & PolicyRefusal<AuthorizationRefusalCode>);

/**
 * May this person do this to this environment? Pure: the caller asks the API for the role and the
 * team memberships; the policy comes from the ops repository's default branch.
 *
 * - Bots and fork pull requests are refused whatever their role (a fork's author controls the code
 *   under review, and a bot's comment may be echoing someone else's text).
 * - A role counts by rank: read < triage < write < maintain < admin. A custom role counts as its
 *   base (`permission`), which the API words conservatively (a custom role on maintain reads as
 *   write); with no base it is refused. Admins get no exemption from `users`/`teams`.
 * - `users` and `teams` narrow who may: when either is set, the login must be listed or be in one
 *   of the teams — and min-role still applies.
 */
export function decideAuthorization(
  commenter: Commenter,
  policy: EnvironmentPolicy,
  request: { action: PolicyAction; environment: string },
): Authorization {
  const what = describeAction(request.action, request.environment);
  if (commenter.isBot) return refuse('bot', `Commands from bots are not accepted (${commenter.login}).`);
  if (commenter.isFork)
    return refuse(
      'fork',
      `Commands are not accepted on pull requests from forks: ask a maintainer to ${what}.`,
    );
  const role = baseRole(commenter);
  if (role === 'none') return refuse('no-access', `Only collaborators of this repository may ${what}.`);
  if (role === undefined)
    return refuse(
      'unknown-role',
      `Your role "${commenter.role}" has no base role this app can rank, so it may not ${what}.`,
    );
  const minimum = policy['min-role'];
  if (rank(role) < rank(minimum))
    return refuse(
      'role-too-low',
      `Only people with ${rolesFrom(minimum)} may ${what} (you have ${describeRole(commenter, role)}).`,
      role,
    );
  const users = policy.users ?? [];
  const teams = policy.teams ?? [];
  if (users.length > 0 || teams.length > 0) {
    const login = commenter.login.toLowerCase();
    const memberOf = new Set((commenter.teams ?? []).map((t) => t.toLowerCase()));
    const listed =
      users.some((u) => u.toLowerCase() === login) || teams.some((t) => memberOf.has(t.toLowerCase()));
    if (!listed) return refuse('not-listed', `Only ${listedPeople(users, teams)} may ${what}.`, role);
  }
  return { allowed: true, role, message: `${commenter.login} may ${what}.` };
}

/** The role that counts: a base role by name, else a custom role's base, else undefined. */
function baseRole(commenter: Commenter): BaseRole | 'none' | undefined {
  const named = commenter.role.toLowerCase();
  if (isBaseRole(named)) return named;
  const permission = commenter.permission?.toLowerCase();
  if (permission === undefined || permission === '')
    return named === 'none' || named === '' ? 'none' : undefined;
  if (permission === 'none') return 'none';
  return isBaseRole(permission) ? permission : undefined;
}

function isBaseRole(role: string): role is BaseRole {
  return (ROLE_RANK as readonly string[]).includes(role);
}

function rank(role: BaseRole): number {
  return ROLE_RANK.indexOf(role);
}

function describeRole(commenter: Commenter, role: BaseRole): string {
  return commenter.role.toLowerCase() === role ? role : `${commenter.role}, counted as ${role}`;
}

/** `maintain or admin`, `write, maintain or admin`. */
function rolesFrom(minimum: BaseRole): string {
  const roles = ROLE_RANK.slice(rank(minimum));
  return roles.length === 1 ? roles[0]! : `${roles.slice(0, -1).join(', ')} or ${roles.at(-1)}`;
}

function listedPeople(users: readonly string[], teams: readonly string[]): string {
  const parts = [...users, ...teams.map((t) => `members of ${t}`)];
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

function refuse(code: AuthorizationRefusalCode, message: string, role?: BaseRole): Authorization {
  return { allowed: false, code, message, ...(role ? { role } : {}) };
}
