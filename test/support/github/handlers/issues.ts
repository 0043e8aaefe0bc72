import type { Handler, HandlerContext } from '../context.js';
import { notFound } from '../http-error.js';
import { now, userJson } from '../representations.js';
import { authorAssociation } from '../webhooks/author-association.js';

function comment(ctx: HandlerContext) {
  const found = ctx.repo().comments.get(Number(ctx.params.comment_id));
  if (!found) throw notFound();
  return found;
}

const CONTENTS = ['+1', '-1', 'laugh', 'confused', 'heart', 'hooray', 'rocket', 'eyes'];

export const issueHandlers: Record<string, Handler> = {
  'issues/create-comment': async (ctx) => {
    const repo = ctx.repo();
    const number = Number(ctx.params.issue_number);
    if (number >= repo.nextIssueNumber) throw notFound();
    const id = ctx.state.id();
    const value = {
      id,
      node_id: `IC_${id}`,
      url: `${ctx.baseUrl}/repos/${repo.fullName}/issues/comments/${id}`,
      html_url: `https://github.com/${repo.fullName}/issues/${number}#issuecomment-${id}`,
      issue_url: `${ctx.baseUrl}/repos/${repo.fullName}/issues/${number}`,
      body: (ctx.body as { body: string }).body,
      user: userJson(ctx.token!.actor, ctx.baseUrl),
      author_association: authorAssociation(repo, ctx.token!.actor),
      created_at: now(),
      updated_at: now(),
      issue_number: number,
    };
    repo.comments.set(id, value);
    return { status: 201, body: value };
  },

  'issues/update-comment': async (ctx) => {
    const value = comment(ctx);
    value.body = (ctx.body as { body: string }).body;
    value.updated_at = now();
    return { status: 200, body: value };
  },

  'issues/get-comment': async (ctx) => ({ status: 200, body: comment(ctx) }),

  'issues/delete-comment': async (ctx) => {
    ctx.repo().comments.delete(comment(ctx).id as number);
    return { status: 204 };
  },

  'issues/list-comments': async (ctx) => {
    const number = Number(ctx.params.issue_number);
    return { status: 200, list: [...ctx.repo().comments.values()].filter((c) => c.issue_number === number) };
  },

  'reactions/create-for-issue-comment': async (ctx) => {
    const target = comment(ctx);
    const content = (ctx.body as { content: string }).content;
    const list = ctx.repo().reactions.get(target.id as number) ?? [];
    const existing = list.find(
      (r) => r.content === content && (r.user as { login: string }).login === ctx.token!.actor.login,
    );
    // GitHub answers 200 with the existing reaction instead of adding a duplicate.
    if (existing) return { status: 200, body: existing };
    if (!CONTENTS.includes(content)) throw notFound();
    const id = ctx.state.id();
    const reaction = {
      id,
      node_id: `RE_${id}`,
      content,
      user: userJson(ctx.token!.actor, ctx.baseUrl),
      created_at: now(),
    };
    list.push(reaction);
    ctx.repo().reactions.set(target.id as number, list);
    return { status: 201, body: reaction };
  },

  'reactions/list-for-issue-comment': async (ctx) => ({
    status: 200,
    list: ctx.repo().reactions.get(comment(ctx).id as number) ?? [],
  }),
};
