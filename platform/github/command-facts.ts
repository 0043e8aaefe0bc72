import type { CommandFacts } from '../../jobs/promote-command/command-ports.js';
import type { GitHubClient } from './client.js';

/**
 * Who the commenter is to the repository and where the pull request comes from, as the API says:
 * `role_name` from the collaborator permission endpoint (custom roles too), never the payload's
 * `author_association`, which is about the relationship, not the permission.
 */
export function commandFacts(
  octokit: GitHubClient,
  repository: { owner: string; repo: string },
): CommandFacts {
  return {
    async roleOf(login) {
      const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({
        ...repository,
        username: login,
      });
      return { role: data.role_name, permission: data.permission };
    },
    async pullRequest(number) {
      const { data } = await octokit.rest.pulls.get({ ...repository, pull_number: number });
      const head = data.head.repo?.full_name;
      return {
        fromFork: head === undefined || head.toLowerCase() !== data.base.repo.full_name.toLowerCase(),
        open: data.state === 'open',
      };
    },
  };
}
