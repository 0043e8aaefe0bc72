import type { EnvironmentPolicy } from '../../core/config/environments-config-schema.js';
import type { CommandFacts } from './command-ports.js';

const RANKS = ['read', 'triage', 'write', 'maintain', 'admin'] as const;
type Role = (typeof RANKS)[number];

/** A custom role ranks as the base permission GitHub reports with it (`admin`, `write`, `read`). */
function rankOf(role: string, permission: string): number {
  const named = RANKS.indexOf(role as Role);
  if (named >= 0) return named;
  const base = RANKS.indexOf(permission as Role);
  return base >= 0 ? base : -1;
}

/**
 * Whether the commenter may act on the environment, by its policy in the ops repository's config:
 * the role the API reports (`role_name`, never the payload's `author_association`) at least
 * `min-role`, and, when `users` is set, one of them. Teams cannot be verified with the app's
 * permissions, so a policy naming only teams admits nobody by team: the refusal says so.
 * Returns the refusal (a sentence naming the rule), or undefined when allowed.
 */
export async function authorizeCommenter(
  login: string,
  environment: string,
  policy: EnvironmentPolicy,
  facts: CommandFacts,
  action: string,
): Promise<string | undefined> {
  const { role, permission } = await facts.roleOf(login);
  const minRole = policy['min-role'];
  if (rankOf(role, permission) < RANKS.indexOf(minRole))
    return `@${login} has the ${role} role here; ${action} ${environment} needs at least ${minRole} (the ops repository's policy for ${environment}, \`min-role\`).`;
  if (policy.users && !policy.users.some((u) => u.toLowerCase() === login.toLowerCase()))
    return `${action} ${environment} is limited to ${policy.users.map((u) => `@${u}`).join(', ') || 'nobody'} (the ops repository's policy for ${environment}, \`users\`)${policy.teams?.length ? '; team membership is not checked by the app, list the people in `users`' : ''}.`;
  return undefined;
}
