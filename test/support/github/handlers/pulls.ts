import type { Handler, HandlerContext } from '../context.js';
import { GitCommandError } from '../git-repo.js';
import { HttpError, notFound, unprocessable } from '../http-error.js';
import { now, repoJson, userJson } from '../representations.js';
import type { Repo } from '../state.js';

type Side = { label: string; ref: string; sha: string };
type Pull = Record<string, unknown> & {
  number: number;
  state: string;
  title: string;
  head: Side;
  base: Side;
  merged: boolean;
};

function stored(ctx: HandlerContext): Pull {
  const found = ctx.repo().pulls.get(Number(ctx.params.pull_number));
  if (!found) throw notFound();
  return found as Pull;
}

const branchSha = (repo: Repo, branch: string) => repo.git.refSha(`refs/heads/${branch}`);

function side(ctx: HandlerContext, branch: string, sha: string): Side {
  const repo = ctx.repo();
  return {
    label: `${repo.owner.login}:${branch}`,
    ref: branch,
    sha,
    user: userJson(repo.owner, ctx.baseUrl),
    repo: repoJson(repo, ctx.baseUrl),
  } as Side;
}

/** `owner:branch` or `branch`; the stand-in has no forks, so another owner's head does not exist. */
function headBranch(repo: Repo, head: string): string | undefined {
  const [owner, branch] = head.includes(':') ? head.split(':', 2) : [repo.owner.login, head];
  return owner!.toLowerCase() === repo.owner.login.toLowerCase() ? branch : undefined;
}

const validation = (field: 'base' | 'head') =>
  unprocessable('Validation Failed', [{ resource: 'PullRequest', field, code: 'invalid' }]);
const custom = (message: string) =>
  unprocessable('Validation Failed', [{ resource: 'PullRequest', code: 'custom', message }]);

/**
 * What GitHub shows of a pull request: an open one follows its branches (a push to the head moves
 * `head.sha`), and `mergeable` is computed from them. GitHub computes it in the background and
 * answers `null` until then; the stand-in computes it eagerly on `pulls/get`, so a client's
 * "poll until not null" loop ends at once and a conflict is visible on the first read.
 */
async function view(ctx: HandlerContext, pull: Pull, computeMergeable: boolean) {
  if (pull.state !== 'open') return pull;
  const repo = ctx.repo();
  const [headSha, baseSha] = await Promise.all([
    branchSha(repo, pull.head.ref),
    branchSha(repo, pull.base.ref),
  ]);
  const value: Pull = {
    ...pull,
    head: { ...pull.head, sha: headSha ?? pull.head.sha },
    base: { ...pull.base, sha: baseSha ?? pull.base.sha },
  };
  if (!computeMergeable) return { ...value, mergeable: null, mergeable_state: 'unknown', rebaseable: null };
  if (!headSha || !baseSha)
    return { ...value, mergeable: false, mergeable_state: 'dirty', rebaseable: false };
  const merged = await repo.git.mergeTree(baseSha, headSha);
  const clean = merged.conflicts.length === 0;
  const behind = !(await repo.git.isAncestor(baseSha, headSha));
  return {
    ...value,
    mergeable: clean,
    mergeable_state: !clean ? 'dirty' : behind ? 'behind' : 'clean',
    rebaseable: clean,
  };
}

/** The commit a merge writes, per `merge_method`; undefined when the branches conflict. */
async function mergeCommit(
  ctx: HandlerContext,
  pull: Pull,
  baseSha: string,
  headSha: string,
  options: { merge_method?: string; commit_title?: string; commit_message?: string },
): Promise<string | undefined> {
  const git = ctx.repo().git;
  const method = options.merge_method ?? 'merge';
  const actor = ctx.token!.actor;
  const identity = { name: actor.login, email: `${actor.id}+${actor.login}@users.noreply.github.com` };
  if (method === 'rebase') {
    // Each of the head's own commits replayed onto the base, one parent each, authors kept.
    let tip = baseSha;
    for (const sha of await git.commitsBetween(baseSha, headSha)) {
      const info = (await git.commitInfo(sha))!;
      if (info.parents.length > 1) continue; // GitHub's rebase drops merge commits
      const picked = await git.cherryPickTree(sha, tip);
      if (picked.conflicts.length > 0) return undefined;
      tip = await git.commit(
        picked.tree,
        [tip],
        info.message.replace(/\n$/, ''),
        info.author,
        info.author.date,
      );
    }
    return tip;
  }
  const merged = await git.mergeTree(baseSha, headSha);
  if (merged.conflicts.length > 0) return undefined;
  if (method === 'squash') {
    const messages = await Promise.all(
      (await git.commitsBetween(baseSha, headSha)).map(async (sha) =>
        (await git.commitInfo(sha))!.message.trim(),
      ),
    );
    const title = options.commit_title ?? `${pull.title} (#${pull.number})`;
    const body = options.commit_message ?? messages.map((m) => `* ${m}`).join('\n\n');
    return git.commit(merged.tree, [baseSha], body ? `${title}\n\n${body}` : title, identity);
  }
  const title =
    options.commit_title ??
    `Merge pull request #${pull.number} from ${ctx.repo().owner.login}/${pull.head.ref}`;
  const body = options.commit_message ?? pull.title;
  return git.commit(merged.tree, [baseSha, headSha], body ? `${title}\n\n${body}` : title, identity);
}

export const pullHandlers: Record<string, Handler> = {
  'pulls/create': async (ctx) => {
    const repo = ctx.repo();
    const body = ctx.body as { title: string; head: string; base: string; body?: string; draft?: boolean };
    const head = headBranch(repo, body.head);
    const headSha = head === undefined ? undefined : await branchSha(repo, head);
    if (!headSha || head === undefined) throw validation('head');
    const baseSha = await branchSha(repo, body.base);
    if (!baseSha) throw validation('base');
    const duplicate = () =>
      [...repo.pulls.values()].some(
        (p) => p.state === 'open' && (p as Pull).head.ref === head && (p as Pull).base.ref === body.base,
      );
    const exists = custom(`A pull request already exists for ${repo.owner.login}:${head}.`);
    if (duplicate()) throw exists;
    if (await repo.git.isAncestor(headSha, baseSha))
      throw custom(`No commits between ${body.base} and ${head}`);
    // The number is reserved now, like a git object: a refused response leaves a gap, never a duplicate.
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
      head: side(ctx, head, headSha),
      base: side(ctx, body.base, baseSha),
      merged: false,
      merged_by: null,
      // GitHub answers null until its background job has computed it (see `view`).
      mergeable: null,
      mergeable_state: 'unknown',
      rebaseable: null,
      merged_at: null,
      merge_commit_sha: null,
      created_at: now(),
      updated_at: now(),
      closed_at: null,
      author_association: 'OWNER',
    };
    return {
      status: 201,
      body: value,
      headers: { location: value.url },
      commit: () => {
        // Two concurrent creates for one branch: the second loses, as on GitHub.
        if (duplicate()) throw exists;
        repo.pulls.set(number, value);
      },
    };
  },

  'pulls/get': async (ctx) => ({ status: 200, body: await view(ctx, stored(ctx), true) }),

  'pulls/list': async (ctx) => {
    const repo = ctx.repo();
    const state = ctx.query.get('state') ?? 'open';
    const head = ctx.query.get('head');
    const base = ctx.query.get('base');
    const headRef = head ? headBranch(repo, head.includes(':') ? head : `${head}:`) : undefined;
    const pulls = [...repo.pulls.values()]
      .map((p) => p as Pull)
      .filter(
        (p) =>
          (state === 'all' || p.state === state) &&
          // `head` is `owner:branch`; an owner alone lists that owner's heads (all of them, here).
          (!head || (headRef !== undefined && (headRef === '' || p.head.ref === headRef))) &&
          (!base || p.base.ref === base),
      )
      .reverse();
    return { status: 200, list: await Promise.all(pulls.map((p) => view(ctx, p, false))) };
  },

  'pulls/update': async (ctx) => {
    const repo = ctx.repo();
    const pull = stored(ctx);
    const body = ctx.body as { title?: string; body?: string; state?: 'open' | 'closed'; base?: string };
    if (body.base !== undefined && !(await branchSha(repo, body.base))) throw validation('base');
    if (body.state === 'open' && pull.merged) throw custom('Cannot reopen a merged pull request');
    if (body.state === 'open' && pull.state === 'closed') {
      const duplicate = [...repo.pulls.values()].some(
        (p) => p !== pull && p.state === 'open' && (p as Pull).head.ref === pull.head.ref,
      );
      if (duplicate) throw custom(`A pull request already exists for ${repo.owner.login}:${pull.head.ref}.`);
    }
    const baseRef = body.base ?? pull.base.ref;
    const changes = {
      ...(body.title !== undefined ? { title: body.title } : {}),
      ...(body.body !== undefined ? { body: body.body } : {}),
      ...(body.state !== undefined
        ? { state: body.state, closed_at: body.state === 'closed' ? (pull.closed_at ?? now()) : null }
        : {}),
      ...(body.base !== undefined ? { base: side(ctx, baseRef, (await branchSha(repo, baseRef))!) } : {}),
      updated_at: now(),
    };
    const next = { ...pull, ...changes } as Pull;
    return {
      status: 200,
      body: await view(ctx, next, true),
      commit: () => void Object.assign(pull, changes),
    };
  },

  'pulls/list-commits': async (ctx) => {
    const pull = await view(ctx, stored(ctx), false);
    const git = ctx.repo().git;
    const shas = pull.merged
      ? await git.commitsBetween(`${pull.merge_commit_sha as string}^1`, pull.head.sha)
      : await git.commitsBetween(pull.base.sha, pull.head.sha);
    const base = `${ctx.baseUrl}/repos/${ctx.repo().fullName}`;
    const list = await Promise.all(
      shas.map(async (sha) => {
        const info = (await git.commitInfo(sha))!;
        return {
          sha,
          node_id: `C_${sha.slice(0, 8)}`,
          url: `${base}/commits/${sha}`,
          html_url: `https://github.com/${ctx.repo().fullName}/commit/${sha}`,
          comments_url: `${base}/commits/${sha}/comments`,
          commit: {
            url: `${base}/git/commits/${sha}`,
            author: info.author,
            committer: info.committer,
            message: info.message.replace(/\n$/, ''),
            tree: { sha: info.tree, url: `${base}/git/trees/${info.tree}` },
            comment_count: 0,
          },
          author: null,
          committer: null,
          parents: info.parents.map((p) => ({ sha: p, url: `${base}/commits/${p}` })),
        };
      }),
    );
    return { status: 200, list };
  },

  'pulls/list-files': async (ctx) => {
    const pull = await view(ctx, stored(ctx), false);
    const git = ctx.repo().git;
    // The pull request's diff is against the merge base, as GitHub's three-dot compare.
    const from = pull.merged
      ? `${pull.merge_commit_sha as string}^1`
      : ((await git.tryGit(['merge-base', pull.base.sha, pull.head.sha])) ?? pull.base.sha);
    const names: Record<string, string> = { A: 'added', D: 'removed', M: 'modified', T: 'changed' };
    const files = await git.changedFiles(from, pull.head.sha);
    const repo = ctx.repo().fullName;
    const list = await Promise.all(
      files.map(async (f) => {
        const sha =
          (await git.tryGit(['rev-parse', `${f.status === 'D' ? from : pull.head.sha}:${f.path}`])) ?? '';
        return {
          sha,
          filename: f.path,
          status: names[f.status] ?? 'modified',
          additions: f.additions,
          deletions: f.deletions,
          changes: f.additions + f.deletions,
          blob_url: `https://github.com/${repo}/blob/${pull.head.sha}/${f.path}`,
          raw_url: `https://github.com/${repo}/raw/${pull.head.sha}/${f.path}`,
          contents_url: `${ctx.baseUrl}/repos/${repo}/contents/${f.path}?ref=${pull.head.sha}`,
        };
      }),
    );
    return { status: 200, list };
  },

  'pulls/merge': async (ctx) => {
    const repo = ctx.repo();
    const pull = stored(ctx);
    if (pull.state !== 'open') throw new HttpError(405, 'Pull Request is not mergeable');
    const options = (ctx.body ?? {}) as {
      sha?: string;
      merge_method?: string;
      commit_title?: string;
      commit_message?: string;
    };
    const [headSha, baseSha] = await Promise.all([
      branchSha(repo, pull.head.ref),
      branchSha(repo, pull.base.ref),
    ]);
    if (!headSha || !baseSha) throw new HttpError(405, 'Pull Request is not mergeable');
    if (options.sha && options.sha !== headSha)
      throw new HttpError(409, 'Head branch was modified. Review and try the merge again.');
    const sha = await mergeCommit(ctx, pull, baseSha, headSha, options);
    if (!sha)
      throw new HttpError(
        405,
        options.merge_method === 'rebase' ? "This branch can't be rebased" : 'Pull Request is not mergeable',
      );
    const at = now();
    return {
      status: 200,
      body: { sha, merged: true, message: 'Pull Request successfully merged' },
      commit: async () => {
        try {
          await repo.git.updateRef(`refs/heads/${pull.base.ref}`, sha, baseSha);
        } catch (error) {
          if (error instanceof GitCommandError)
            throw new HttpError(409, 'Base branch was modified. Review and try the merge again.');
          throw error;
        }
        Object.assign(pull, {
          state: 'closed',
          merged: true,
          merged_by: userJson(ctx.token!.actor, ctx.baseUrl),
          merged_at: at,
          closed_at: at,
          updated_at: at,
          merge_commit_sha: sha,
          mergeable: null,
          mergeable_state: 'unknown',
          head: { ...pull.head, sha: headSha },
          base: { ...pull.base, sha: baseSha },
        });
      },
    };
  },
};
