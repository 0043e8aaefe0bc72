import type { Handler, HandlerContext } from '../context.js';
import { GitCommandError } from '../git-repo.js';
import { HttpError, notFound, unprocessable } from '../http-error.js';

/** GitHub inlines file contents up to 1 MB and serves blobs up to 100 MB through the API. */
const MAX_INLINE = 1024 * 1024;
const MAX_BLOB = 100 * 1024 * 1024;

async function branchHead(ctx: HandlerContext, ref: string | null) {
  const repo = ctx.repo();
  const name = ref ?? repo.defaultBranch;
  const sha =
    (await repo.git.resolveRef(name.startsWith('refs/') ? name : `refs/heads/${name}`)) ??
    (await repo.git.resolveRef(name));
  return { name, sha };
}

function fileJson(ctx: HandlerContext, path: string, sha: string, size: number, content?: Buffer) {
  const repo = ctx.repo().fullName;
  return {
    type: 'file',
    name: path.split('/').pop()!,
    path,
    sha,
    size,
    url: `${ctx.baseUrl}/repos/${repo}/contents/${path}`,
    git_url: `${ctx.baseUrl}/repos/${repo}/git/blobs/${sha}`,
    html_url: `https://github.com/${repo}/blob/HEAD/${path}`,
    download_url: `https://raw.githubusercontent.com/${repo}/HEAD/${path}`,
    ...(content
      ? { content: content.toString('base64').replace(/(.{60})/g, '$1\n'), encoding: 'base64' }
      : {}),
    _links: {
      self: `${ctx.baseUrl}/repos/${repo}/contents/${path}`,
      git: `${ctx.baseUrl}/repos/${repo}/git/blobs/${sha}`,
      html: `https://github.com/${repo}/blob/HEAD/${path}`,
    },
  };
}

export const contentHandlers: Record<string, Handler> = {
  'repos/get-content': async (ctx) => {
    const path = ctx.params.path!.replace(/\/$/, '');
    const head = await branchHead(ctx, ctx.query.get('ref'));
    if (!head.sha) throw notFound();
    const git = ctx.repo().git;
    const entry = path === '' ? undefined : (await git.tree(head.sha, true))?.find((e) => e.path === path);
    if (path !== '' && !entry) throw notFound();
    if (path === '' || entry!.type === 'tree') {
      const listing = (await git.tree(path === '' ? head.sha : entry!.sha, false)) ?? [];
      return {
        status: 200,
        body: listing.map((e) => ({
          ...fileJson(ctx, path ? `${path}/${e.path}` : e.path, e.sha, e.size ?? 0),
          type: e.type === 'tree' ? 'dir' : 'file',
        })),
      };
    }
    // GitHub inlines files up to 1 MB; from 1 to 100 MB the JSON form has `content: ""` and
    // `encoding: "none"` (the raw media type still gives the bytes); past 100 MB it refuses.
    if ((entry!.size ?? 0) > MAX_BLOB)
      throw new HttpError(
        403,
        'This API returns blobs up to 100 MB in size. The requested blob is too large.',
        [{ resource: 'Blob', field: 'data', code: 'too_large' }],
      );
    const content = (await git.readBlob(entry!.sha))!;
    if (/\.raw\b|vnd\.github\.raw/.test(String(ctx.headers.accept))) {
      return {
        status: 200,
        raw: content,
        headers: { 'content-type': 'application/vnd.github.raw; charset=utf-8' },
      };
    }
    if (content.length > MAX_INLINE)
      return {
        status: 200,
        body: { ...fileJson(ctx, path, entry!.sha, content.length), content: '', encoding: 'none' },
      };
    return { status: 200, body: fileJson(ctx, path, entry!.sha, content.length, content) };
  },

  'repos/create-or-update-file-contents': async (ctx) => {
    const { message, content, sha, branch, committer, author } = ctx.body as {
      message: string;
      content: string;
      sha?: string;
      branch?: string;
      committer?: { name: string; email: string };
      author?: { name: string; email: string };
    };
    const path = ctx.params.path!;
    const repo = ctx.repo();
    const bytes = Buffer.from(content, 'base64');
    if (bytes.length > MAX_BLOB)
      throw unprocessable('Validation Failed', [{ resource: 'Blob', field: 'data', code: 'too_large' }]);
    const head = await writableBranch(ctx, branch);
    const existing = head.sha
      ? (await repo.git.tree(head.sha, true))?.find((e) => e.path === path && e.type === 'blob')
      : undefined;
    // GitHub's preconditions: updating needs the current blob sha; a stale one is a conflict.
    if (existing && sha === undefined) throw unprocessable('Invalid request.\n\n"sha" wasn\'t supplied.');
    if (existing && sha !== existing.sha) throw new HttpError(409, `${path} does not match ${sha}`);
    if (!existing && sha !== undefined) throw new HttpError(409, `${path} does not match ${sha}`);
    const blob = await repo.git.writeBlob(bytes);
    const base = head.sha ? (await repo.git.commitInfo(head.sha))!.tree : undefined;
    const tree = await repo.git.makeTree([{ path, mode: '100644', sha: blob }], base);
    const commit = await repo.git.commit(tree, head.sha ? [head.sha] : [], message, author ?? committer);
    return {
      status: existing ? 200 : 201,
      body: {
        content: fileJson(ctx, path, blob, bytes.length),
        commit: await commitJson(ctx, commit),
      },
      commit: () => moveBranch(ctx, head.name, commit, head.sha ?? ''),
    };
  },

  'repos/delete-file': async (ctx) => {
    const { message, sha, branch, committer, author } = ctx.body as {
      message: string;
      sha: string;
      branch?: string;
      committer?: { name: string; email: string };
      author?: { name: string; email: string };
    };
    const path = ctx.params.path!;
    const repo = ctx.repo();
    const head = await writableBranch(ctx, branch);
    const existing = head.sha
      ? (await repo.git.tree(head.sha, true))?.find((e) => e.path === path && e.type === 'blob')
      : undefined;
    if (!existing || !head.sha) throw notFound();
    if (sha !== existing.sha) throw new HttpError(409, `${path} does not match ${sha}`);
    const base = (await repo.git.commitInfo(head.sha))!.tree;
    const tree = await repo.git.makeTree([{ path, mode: '100644', sha: null }], base);
    const commit = await repo.git.commit(tree, [head.sha], message, author ?? committer);
    return {
      status: 200,
      body: { content: null, commit: await commitJson(ctx, commit) },
      commit: () => moveBranch(ctx, head.name, commit, head.sha!),
    };
  },
};

/**
 * The branch a contents write goes to. A named branch must exist (GitHub answers 404 "Branch x not
 * found" instead of starting an orphan branch); without one, the default branch, which may still be
 * unborn in an empty repository (the first file creates it, as on GitHub).
 */
async function writableBranch(ctx: HandlerContext, branch: string | undefined) {
  const repo = ctx.repo();
  const name = (branch ?? repo.defaultBranch).replace(/^refs\/heads\//, '');
  const sha = await repo.git.refSha(`refs/heads/${name}`);
  if (!sha && branch !== undefined && name !== repo.defaultBranch)
    throw new HttpError(404, `Branch ${name} not found`);
  if (!sha && branch !== undefined && (await repo.git.refs('refs/heads/')).length > 0)
    throw new HttpError(404, `Branch ${name} not found`);
  return { name, sha };
}

/** Moves the branch inside commit(): a write that lost the race is GitHub's 409, never a lost update. */
async function moveBranch(ctx: HandlerContext, name: string, sha: string, expected: string) {
  try {
    await ctx.repo().git.updateRef(`refs/heads/${name}`, sha, expected);
  } catch (error) {
    if (!(error instanceof GitCommandError)) throw error;
    const now = (await ctx.repo().git.refSha(`refs/heads/${name}`)) ?? '';
    throw new HttpError(409, `is at ${now} but expected ${expected}`);
  }
}

async function commitJson(ctx: HandlerContext, commit: string) {
  const repo = ctx.repo();
  const info = (await repo.git.commitInfo(commit))!;
  return {
    sha: commit,
    node_id: `C_${commit.slice(0, 8)}`,
    url: `${ctx.baseUrl}/repos/${repo.fullName}/git/commits/${commit}`,
    html_url: `https://github.com/${repo.fullName}/commit/${commit}`,
    author: info.author,
    committer: info.committer,
    message: info.message.replace(/\n$/, ''),
    tree: { sha: info.tree, url: `${ctx.baseUrl}/repos/${repo.fullName}/git/trees/${info.tree}` },
    parents: info.parents.map((p) => ({
      sha: p,
      url: `${ctx.baseUrl}/repos/${repo.fullName}/git/commits/${p}`,
      html_url: `https://github.com/${repo.fullName}/commit/${p}`,
    })),
    verification: {
      verified: false,
      reason: 'unsigned',
      signature: null,
      payload: null,
      verified_at: null,
    },
  };
}
