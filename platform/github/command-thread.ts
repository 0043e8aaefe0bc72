import type { Claim, CommandThread } from '../../jobs/promote-command/command-ports.js';
import type { GitHubClient } from './client.js';
import { createOnce } from './create-once.js';
import type { MutationBatch, MutationResult } from './mutation-batch.js';

/**
 * GitHub's global ids the command's GraphQL mutations name: the comment's (from the webhook) and
 * the pull request's (from the arrival query). Filled in as the command learns them; a missing one
 * sends that write by REST instead.
 */
export interface CommandNodeIds {
  comment?: string;
  pullRequest?: string;
}

type Reaction = 'eyes' | 'confused' | 'rocket' | '-1';

/**
 * The command's comment through the one GitHub client: reactions on the comment (the app's own,
 * so GitHub's 200 for "this user already reacted so" tells a claim already taken) and replies on
 * the pull request.
 */
export function commandThread(
  octokit: GitHubClient,
  where: { owner: string; repo: string; pullRequest: number; commentId: number },
  batched: { mutations: MutationBatch; ids: CommandNodeIds } | undefined = undefined,
): CommandThread {
  const { owner, repo, commentId } = where;
  // The hidden line names the command's comment, so a reply whose answer was lost is found, not doubled.
  const marked = (text: string) => `${text}\n<!-- modelship:reply-to ${commentId} -->`;
  const findReply = async (body: string, since: string) => {
    const { data } = await octokit.rest.issues.listComments({
      owner,
      repo,
      issue_number: where.pullRequest,
      since,
      per_page: 100,
    });
    const found = data.find((c) => c.body === body);
    return found ? { url: found.html_url } : undefined;
  };
  const postReply = (body: string, since: string) =>
    createOnce(
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
      () => findReply(body, since),
    );
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
    reply: (text) => postReply(marked(text), new Date(Date.now() - 60_000).toISOString()),
    async finish({ reply, reaction }) {
      const body = marked(reply);
      const since = new Date(Date.now() - 60_000).toISOString();
      const { mutations, ids } = batched ?? {};
      if (!mutations || !ids?.comment || !ids.pullRequest) {
        // Call by call: what waits to travel with the next write goes first, alone.
        if (mutations?.pending) await mutations.send([]);
        try {
          return await postReply(body, since);
        } finally {
          await react(reaction);
        }
      }
      // One request: the writes left waiting (deployment status, lock release), the reply, the reaction.
      const [commented, reacted] = (await mutations.send([
        {
          field: 'addComment(input: $input) { commentEdge { node { url } } }',
          inputType: 'AddCommentInput!',
          input: { subjectId: ids.pullRequest, body },
          idempotent: false,
        },
        {
          field: 'addReaction(input: $input) { reaction { content } }',
          inputType: 'AddReactionInput!',
          input: { subjectId: ids.comment, content: reaction === 'rocket' ? 'ROCKET' : 'THUMBS_DOWN' },
          idempotent: true,
        },
      ])) as [MutationResult, MutationResult];
      try {
        if (commented.ok) {
          const url = (commented.data as { commentEdge?: { node?: { url?: string } } }).commentEdge?.node
            ?.url;
          return url ? { url } : {};
        }
        // Not posted, or perhaps posted with the answer lost: looked for first, then posted by REST.
        if (commented.maybe) {
          const found = await findReply(body, since).catch(() => undefined);
          if (found) return found;
        }
        return await postReply(body, since);
      } finally {
        if (!reacted.ok) await react(reaction);
      }
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
