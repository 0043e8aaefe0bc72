import type { Handler, HandlerContext } from '../context.js';
import { notFound } from '../http-error.js';
import { now, userJson } from '../representations.js';
import { issueTarget } from './issue-views.js';
import { claimReaction } from './pending-reactions.js';

/** Reactions on issues and pull requests (by issue number), and deleting reactions on comments. */
function reactionsOn(ctx: HandlerContext) {
  return ctx.repo().issueReactions.get(issueTarget(ctx).number) ?? [];
}

export const reactionHandlers: Record<string, Handler> = {
  'reactions/create-for-issue': async (ctx) => {
    const repo = ctx.repo();
    const { number } = issueTarget(ctx);
    const content = (ctx.body as { content: string }).content;
    const existing = reactionsOn(ctx).find(
      (r) => r.content === content && (r.user as { login: string }).login === ctx.token!.actor.login,
    );
    // GitHub answers 200 with the existing reaction instead of adding a duplicate.
    if (existing) return { status: 200, body: existing };
    const claim = claimReaction(repo, `issue ${number}`, ctx.token!.actor.login, content);
    if (claim.pending) return { status: 200, body: claim.pending };
    const id = ctx.state.id();
    const reaction = {
      id,
      node_id: `RE_${id}`,
      content,
      user: userJson(ctx.token!.actor, ctx.baseUrl),
      created_at: now(),
    };
    const settle = claim.reserve(reaction);
    return {
      status: 201,
      body: reaction,
      commit: () => {
        repo.issueReactions.set(number, [...(repo.issueReactions.get(number) ?? []), reaction]);
        settle();
      },
      discard: settle,
    };
  },

  'reactions/list-for-issue': async (ctx) => {
    const content = ctx.query.get('content');
    return { status: 200, list: reactionsOn(ctx).filter((r) => !content || r.content === content) };
  },

  'reactions/delete-for-issue': async (ctx) => {
    const repo = ctx.repo();
    const { number } = issueTarget(ctx);
    const id = Number(ctx.params.reaction_id);
    if (!reactionsOn(ctx).some((r) => r.id === id)) throw notFound();
    return {
      status: 204,
      commit: () =>
        void repo.issueReactions.set(
          number,
          (repo.issueReactions.get(number) ?? []).filter((r) => r.id !== id),
        ),
    };
  },

  'reactions/delete-for-issue-comment': async (ctx) => {
    const repo = ctx.repo();
    const commentId = Number(ctx.params.comment_id);
    if (!repo.comments.has(commentId)) throw notFound();
    const id = Number(ctx.params.reaction_id);
    if (!(repo.reactions.get(commentId) ?? []).some((r) => r.id === id)) throw notFound();
    return {
      status: 204,
      commit: () =>
        void repo.reactions.set(
          commentId,
          (repo.reactions.get(commentId) ?? []).filter((r) => r.id !== id),
        ),
    };
  },
};
