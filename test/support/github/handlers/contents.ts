import type { Handler, HandlerContext } from '../context.js';
import { HttpError, notFound, unprocessable } from '../http-error.js';

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
    const content = (await git.readBlob(entry!.sha))!;
    if (/\.raw\b|vnd\.github\.raw/.test(String(ctx.headers.accept))) {
      return {
        status: 200,
        raw: content,
        headers: { 'content-type': 'application/vnd.github.raw; charset=utf-8' },
      };
    }
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
    const head = await branchHead(ctx, branch ?? null);
    const existing = head.sha
      ? (await repo.git.tree(head.sha, true))?.find((e) => e.path === path)
      : undefined;
    // GitHub's preconditions: updating needs the current blob sha; a stale one is a conflict.
    if (existing && sha === undefined) throw unprocessable('Invalid request.\n\n"sha" wasn\'t supplied.');
    if (existing && sha !== existing.sha) throw new HttpError(409, `${path} does not match ${sha}`);
    if (!existing && sha !== undefined) throw new HttpError(409, `${path} does not match ${sha}`);
    const blob = await repo.git.writeBlob(Buffer.from(content, 'base64'));
    const base = head.sha ? (await repo.git.commitInfo(head.sha))!.tree : undefined;
    const tree = await repo.git.makeTree([{ path, mode: '100644', sha: blob }], base);
    const commit = await repo.git.commit(tree, head.sha ? [head.sha] : [], message, author ?? committer);
    await repo.git.updateRef(`refs/heads/${head.name.replace(/^refs\/heads\//, '')}`, commit, head.sha ?? '');
    const info = (await repo.git.commitInfo(commit))!;
    return {
      status: existing ? 200 : 201,
      body: {
        content: fileJson(ctx, path, blob, Buffer.from(content, 'base64').length),
        commit: {
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
            html_url: '',
          })),
          verification: {
            verified: false,
            reason: 'unsigned',
            signature: null,
            payload: null,
            verified_at: null,
          },
        },
      },
    };
  },
};
