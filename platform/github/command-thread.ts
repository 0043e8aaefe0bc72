import type { Claim, CommandThread } from '../../jobs/promote-command/command-ports.js';
import type { GitHubClient } from './client.js';
import { createOnce } from './create-once.js';

type Reaction = 'eyes' | 'confused' | 'rocket' | '-1';

/**
 * The command's comment through the one GitHub client: reactions on the comment (the app's own,
 * so GitHub's 200 for "this user already reacted so" tells a claim already taken) and replies on
 * the pull request.
 */
export function commandThread(
  octokit: GitHubClient,
  where: { owner: string; repo: string; pullRequest: number; commentId: number },
): CommandThread {
  const { owner, repo, commentId } = where;
  const react = async (content: Reaction): Promise<Claim> => {
    const { status } = await octokit.rest.reactions.createForIssueComment({
      owner,
      repo,
      comment_id: commentId,
      content,
    });
    return status === 201 ? 'claimed' : 'taken';
  };
  return {
    claim: () => react('eyes'),
    claimDuplicateNotice: () => react('confused'),
    react: async (content) => void (await react(content)),
    async reply(text) {
      // The hidden line names the command's comment, so a reply whose answer was lost is found, not doubled.
      const marker = `<!-- modelship:reply-to ${commentId} -->`;
      const body = `${text}\n${marker}`;
      const since = new Date(Date.now() - 60_000).toISOString();
      return createOnce(
        async () => {
          const { data } = await octokit.rest.issues.createComment({
            owner,
            repo,
            issue_number: where.pullRequest,
            body,
            request: { retries: 0 },
          });
          return { url: data.html_url };
        },
        async () => {
          const { data } = await octokit.rest.issues.listComments({
            owner,
            repo,
            issue_number: where.pullRequest,
            since,
            per_page: 100,
          });
          const found = data.find((c) => c.body === body);
          return found ? { url: found.html_url } : undefined;
        },
      );
    },
    async finished() {
      const { data } = await octokit.rest.reactions.listForIssueComment({
        owner,
        repo,
        comment_id: commentId,
        per_page: 100,
      });
      return data.some((r) => (r.content === 'rocket' || r.content === '-1') && r.user?.type === 'Bot');
    },
  };
}
