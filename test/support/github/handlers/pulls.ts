import type { Handler, HandlerContext } from '../context.js';
import { HttpError, notFound, unprocessable } from '../http-error.js';
import { now, repoJson, userJson } from '../representations.js';

function pull(ctx: HandlerContext) {
  const found = ctx.repo().pulls.get(Number(ctx.params.pull_number));
  if (!found) throw notFound();
  return found;
}

async function branchRef(ctx: HandlerContext, branch: string) {
  const sha = await ctx.repo().git.refSha(`refs/heads/${branch}`);
  if (!sha)
    throw unprocessable('Validation Failed', [{ resource: 'PullRequest', code: 'invalid', field: 'base' }]);
  return {
    label: `${ctx.repo().owner.login}:${branch}`,
    ref: branch,
    sha,
    user: userJson(ctx.repo().owner, ctx.baseUrl),
    repo: repoJson(ctx.repo(), ctx.baseUrl),
  };
}

export const pullHandlers: Record<string, Handler> = {
  'pulls/create': async (ctx) => {
    const repo = ctx.repo();
    const body = ctx.body as { title: string; head: string; base: string; body?: string; draft?: boolean };
    const number = repo.nextIssueNumber++;
    const id = ctx.state.id();
    const value = {
      id,
      node_id: `PR_${id}`,
      number,
      url: `${ctx.baseUrl}/repos/${repo.fullName}/pulls/${number}`,
      html_url: `https://github.com/${repo.fullName}/pull/${number}`,
      issue_url: `${ctx.baseUrl}/repos/${repo.fullName}/issues/${number}`,
      state: 'open',
      locked: false,
      title: body.title,
      body: body.body ?? null,
      draft: body.draft ?? false,
      user: userJson(ctx.token!.actor, ctx.baseUrl),
      head: await branchRef(ctx, body.head.split(':').pop()!),
      base: await branchRef(ctx, body.base),
      merged: false,
      mergeable: true,
      merged_at: null,
      merge_commit_sha: null,
      created_at: now(),
      updated_at: now(),
      closed_at: null,
      author_association: 'OWNER',
    };
    repo.pulls.set(number, value);
    return { status: 201, body: value };
  },

  'pulls/get': async (ctx) => ({ status: 200, body: pull(ctx) }),

  'pulls/list': async (ctx) => {
    const state = ctx.query.get('state') ?? 'open';
    return {
      status: 200,
      list: [...ctx.repo().pulls.values()].filter((p) => state === 'all' || p.state === state).reverse(),
    };
  },

  'pulls/merge': async (ctx) => {
    const value = pull(ctx);
    if (value.state !== 'open') throw new HttpError(405, 'Pull Request is not mergeable');
    const git = ctx.repo().git;
    const base = value.base as { ref: string };
    const head = value.head as { ref: string; sha: string };
    const baseSha = (await git.refSha(`refs/heads/${base.ref}`))!;
    const expected = (ctx.body as { sha?: string } | undefined)?.sha;
    if (expected && expected !== head.sha)
      throw new HttpError(409, 'Head branch was modified. Review and try the merge again.');
    const tree = (await git.commitInfo(head.sha))!.tree;
    const sha = await git.commit(tree, [baseSha, head.sha], `Merge pull request #${value.number as number}`);
    await git.updateRef(`refs/heads/${base.ref}`, sha, baseSha);
    Object.assign(value, {
      state: 'closed',
      merged: true,
      merged_at: now(),
      closed_at: now(),
      merge_commit_sha: sha,
    });
    return { status: 200, body: { sha, merged: true, message: 'Pull Request successfully merged' } };
  },
};
