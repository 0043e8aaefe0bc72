import type { Handler } from '../context.js';
import { HttpError, notFound } from '../http-error.js';
import type { GitHubState } from '../state.js';

/** A membership of a team: `pending` until the person accepts the organisation's invitation. */
export interface TeamMember {
  role: 'member' | 'maintainer';
  state: 'active' | 'pending';
}

interface Team {
  id: number;
  org: string;
  slug: string;
  members: Map<string, TeamMember>;
}

/**
 * The organisations' teams, kept beside the stand-in's state (teams exist only where a test made
 * them): `org/slug` lower-cased → the team. A WeakMap, so the state's shape stays as it is.
 */
const teamsOf = new WeakMap<GitHubState, Map<string, Team>>();

function teams(state: GitHubState): Map<string, Team> {
  let known = teamsOf.get(state);
  if (!known) teamsOf.set(state, (known = new Map()));
  return known;
}

/**
 * Seeds an organisation's team (`acme/ml-leads`) with its members; a login given as `pending` was
 * invited and has not accepted. Calling it again for the same team replaces its members.
 */
export function createTeam(
  state: GitHubState,
  fullSlug: string,
  members: Record<string, TeamMember['state'] | TeamMember>,
): void {
  const [org, slug] = fullSlug.split('/') as [string, string];
  state.user(org);
  const key = fullSlug.toLowerCase();
  const team: Team = teams(state).get(key) ?? { id: state.id(), org, slug, members: new Map() };
  team.members = new Map(
    Object.entries(members).map(([login, m]) => {
      state.user(login);
      return [login.toLowerCase(), typeof m === 'string' ? { role: 'member', state: m } : m];
    }),
  );
  teams(state).set(key, team);
}

/**
 * `GET /orgs/{org}/teams/{team_slug}/memberships/{username}`. An app's installation token needs the
 * organisation permission `members` (read) and an installation on that organisation, else GitHub's
 * 403 "Resource not accessible by integration"; a person sees the teams of an organisation they
 * belong to. Not a member, no such team, no such organisation: 404.
 */
export const teamHandlers: Record<string, Handler> = {
  'teams/get-membership-for-user-in-org': async (ctx) => {
    const {
      org,
      team_slug: slug,
      username,
    } = ctx.params as {
      org: string;
      team_slug: string;
      username: string;
    };
    const token = ctx.token;
    if (!token) throw new HttpError(401, 'Requires authentication');
    const orgTeams = [...teams(ctx.state).values()].filter((t) => t.org.toLowerCase() === org.toLowerCase());
    if (token.permissions) {
      const installation =
        token.installationId === undefined ? undefined : ctx.state.installations.get(token.installationId);
      if (!installation || installation.account.login.toLowerCase() !== org.toLowerCase()) throw notFound();
      if (!token.permissions.members) throw new HttpError(403, 'Resource not accessible by integration');
    } else {
      const login = token.actor.login.toLowerCase();
      const inOrg =
        login === org.toLowerCase() || orgTeams.some((t) => t.members.get(login)?.state === 'active');
      if (!inOrg) throw notFound();
    }
    const team = orgTeams.find((t) => t.slug.toLowerCase() === slug.toLowerCase());
    const member = team?.members.get(username.toLowerCase());
    if (!team || !member) throw notFound();
    const account = ctx.state.user(team.org);
    return {
      status: 200,
      body: {
        url: `${ctx.baseUrl}/organizations/${account.id}/team/${team.id}/memberships/${encodeURIComponent(username)}`,
        role: member.role,
        state: member.state,
      },
    };
  },
};
