import type { TeamMemberships } from '../../jobs/ports/team-memberships.js';
import type { GitHubClient } from './client.js';

/**
 * Team memberships through `GET /orgs/{org}/teams/{team_slug}/memberships/{username}`: one call per
 * team, all at once. 404 is "not a member" (or no such team: the same for a policy); 403 means the
 * app lacks the organisation permission `members: read` — reported as a refusal the reply names,
 * never a crash. Anything else (5xx after the client's retries) is thrown.
 */
export function githubTeamMemberships(octokit: GitHubClient): TeamMemberships {
  return {
    async activeTeams(login, teams) {
      const answers = await Promise.all(
        teams.map(async (team) => {
          const [org, slug] = team.split('/');
          if (!org || !slug) return { team, state: 'none' as const };
          try {
            const { data } = await octokit.rest.teams.getMembershipForUserInOrg({
              org,
              team_slug: slug,
              username: login,
            });
            return { team, state: data.state };
          } catch (error) {
            const status = (error as { status?: number }).status;
            if (status === 404) return { team, state: 'none' as const };
            if (status === 403) return { team, state: 'forbidden' as const };
            throw error;
          }
        }),
      );
      const active = answers.filter((a) => a.state === 'active').map((a) => a.team);
      const forbidden = answers.filter((a) => a.state === 'forbidden').map((a) => a.team);
      // One team that admits the person is enough; only an unanswerable "no" is a refusal.
      if (active.length === 0 && forbidden.length > 0)
        return {
          refused: `The app may not read the members of ${forbidden.join(', ')}: an organisation owner must grant it the organisation permission "Members: read" (the policy names teams).`,
        };
      return { active };
    },
  };
}
