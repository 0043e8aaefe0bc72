import type { Handler, HandlerContext } from '../context.js';
import { GitCommandError } from '../git-repo.js';
import { refId } from '../graphql/node-ids.js';
import { HttpError, notFound, unprocessable } from '../http-error.js';

const refJson = (ctx: HandlerContext, ref: string, sha: string, type: string) => ({
  ref,
  node_id: refId(ctx.repo(), ref),
  url: `${ctx.baseUrl}/repos/${ctx.repo().fullName}/git/${ref.split('/').map(encodeURIComponent).join('/')}`,
  object: { sha, type, url: `${ctx.baseUrl}/repos/${ctx.repo().fullName}/git/${type}s/${sha}` },
});

async function commitJson(ctx: HandlerContext, sha: string) {
  const info = await ctx.repo().git.commitInfo(sha);
  if (!info) throw notFound();
  const base = `${ctx.baseUrl}/repos/${ctx.repo().fullName}/git`;
  return {
    sha,
    node_id: `C_${sha.slice(0, 8)}`,
    url: `${base}/commits/${sha}`,
    html_url: `https://github.com/${ctx.repo().fullName}/commit/${sha}`,
    author: info.author,
    committer: info.committer,
    message: info.message.replace(/\n$/, ''),
    tree: { sha: info.tree, url: `${base}/trees/${info.tree}` },
    parents: info.parents.map((p) => ({
      sha: p,
      url: `${base}/commits/${p}`,
      html_url: `https://github.com/${ctx.repo().fullName}/commit/${p}`,
    })),
    verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
  };
}

async function treeJson(ctx: HandlerContext, sha: string, recursive: boolean) {
  const entries = await ctx.repo().git.tree(sha, recursive);
  if (!entries) throw notFound();
  const base = `${ctx.baseUrl}/repos/${ctx.repo().fullName}/git`;
  return {
    sha,
    url: `${base}/trees/${sha}`,
    truncated: false,
    tree: entries.map((e) => ({
      path: e.path,
      mode: e.mode,
      type: e.type,
      sha: e.sha,
      ...(e.size !== undefined ? { size: e.size } : {}),
      url: `${base}/${e.type}s/${e.sha}`,
    })),
  };
}

/** Moves `ref` from `expected` to `sha` inside commit(); a lost race becomes `lost`, not a 500. */
async function casRef(ctx: HandlerContext, ref: string, sha: string, expected: string, lost: HttpError) {
  try {
    await ctx.repo().git.updateRef(ref, sha, expected);
  } catch (error) {
    if (error instanceof GitCommandError) throw lost;
    throw error;
  }
}

async function ensureObject(ctx: HandlerContext, sha: string) {
  const type = await ctx.repo().git.typeOf(sha);
  if (!type) throw unprocessable('Object does not exist');
  return type;
}

export const gitHandlers: Record<string, Handler> = {
  'git/get-ref': async (ctx) => {
    const ref = `refs/${ctx.params.ref}`;
    const sha = await ctx.repo().git.refSha(ref);
    if (!sha) throw notFound();
    return { status: 200, body: refJson(ctx, ref, sha, (await ctx.repo().git.typeOf(sha))!) };
  },

  'git/list-matching-refs': async (ctx) => {
    const prefix = `refs/${ctx.params.ref}`;
    const refs = (await ctx.repo().git.refs('refs/')).filter((r) => r.ref.startsWith(prefix));
    return { status: 200, list: refs.map((r) => refJson(ctx, r.ref, r.sha, r.type)) };
  },

  'git/create-ref': async (ctx) => {
    const { ref, sha } = ctx.body as { ref: string; sha: string };
    const git = ctx.repo().git;
    // GitHub wants the full name (`refs/heads/x`) and git's naming rules; a bad name is the
    // caller's mistake (422), never a server error a client would retry.
    if (!/^refs\/[^/]+\/.+/.test(ref) || !(await git.isValidRefName(ref)))
      throw unprocessable(`${ref} is not a valid ref name.`);
    const type = await ensureObject(ctx, sha);
    const exists = unprocessable('Reference already exists');
    if (await git.refSha(ref)) throw exists;
    return {
      status: 201,
      body: refJson(ctx, ref, sha, type),
      headers: {
        location: `${ctx.baseUrl}/repos/${ctx.repo().fullName}/git/${ref.split('/').map(encodeURIComponent).join('/')}`,
      },
      commit: () => casRef(ctx, ref, sha, '', exists),
    };
  },

  'git/update-ref': async (ctx) => {
    const ref = `refs/${ctx.params.ref}`;
    const { sha, force } = ctx.body as { sha: string; force?: boolean };
    const git = ctx.repo().git;
    const current = await git.refSha(ref);
    if (!current) throw unprocessable('Reference does not exist');
    const type = await ensureObject(ctx, sha);
    if (!force && type === 'commit' && !(await git.isAncestor(current, sha)))
      throw unprocessable('Update is not a fast forward');
    return {
      status: 200,
      body: refJson(ctx, ref, sha, type),
      commit: () => casRef(ctx, ref, sha, current, unprocessable('Reference cannot be updated')),
    };
  },

  'git/delete-ref': async (ctx) => {
    const ref = `refs/${ctx.params.ref}`;
    const current = await ctx.repo().git.refSha(ref);
    if (!current) throw unprocessable('Reference does not exist');
    return {
      status: 204,
      commit: async () => {
        try {
          await ctx.repo().git.git(['update-ref', '-d', ref, current]);
        } catch (error) {
          if (error instanceof GitCommandError) throw unprocessable('Reference cannot be updated');
          throw error;
        }
      },
    };
  },

  'git/create-tag': async (ctx) => {
    const { tag, message, object, type, tagger } = ctx.body as {
      tag: string;
      message: string;
      object: string;
      type: string;
      tagger?: { name: string; email: string; date?: string };
    };
    if (!(await ctx.repo().git.isValidRefName(`refs/tags/${tag}`)))
      throw unprocessable(`${tag} is not a valid tag name.`);
    // GitHub keeps the tagger date a client gives; one it cannot read is refused, not replaced by now.
    if (tagger?.date !== undefined && Number.isNaN(Date.parse(tagger.date)))
      throw unprocessable(
        'Invalid request.\n\n' + `${JSON.stringify(tagger.date)} is not a valid date-time.`,
      );
    const actual = await ensureObject(ctx, object);
    if (actual !== type) throw unprocessable(`Object ${object} is a ${actual}, not a ${type}`);
    const sha = await ctx.repo().git.makeTag(tag, object, type, message, tagger);
    return { status: 201, body: await tagJson(ctx, sha) };
  },

  'git/get-tag': async (ctx) => ({ status: 200, body: await tagJson(ctx, ctx.params.tag_sha!) }),

  'git/create-blob': async (ctx) => {
    const { content, encoding } = ctx.body as { content: string; encoding?: string };
    const bytes = encoding === 'base64' ? Buffer.from(content, 'base64') : Buffer.from(content, 'utf8');
    const sha = await ctx.repo().git.writeBlob(bytes);
    return {
      status: 201,
      body: { sha, url: `${ctx.baseUrl}/repos/${ctx.repo().fullName}/git/blobs/${sha}` },
    };
  },

  'git/get-blob': async (ctx) => {
    const sha = ctx.params.file_sha!;
    const content = await ctx.repo().git.readBlob(sha);
    if (!content) throw notFound();
    return {
      status: 200,
      body: {
        sha,
        node_id: `B_${sha.slice(0, 8)}`,
        size: content.length,
        url: `${ctx.baseUrl}/repos/${ctx.repo().fullName}/git/blobs/${sha}`,
        content: content.toString('base64'),
        encoding: 'base64',
      },
    };
  },

  'git/create-tree': async (ctx) => {
    const { tree, base_tree } = ctx.body as {
      tree: { path: string; mode: string; type: string; sha?: string | null; content?: string }[];
      base_tree?: string;
    };
    const git = ctx.repo().git;
    if (base_tree && (await git.typeOf(base_tree)) !== 'tree')
      throw unprocessable('base_tree is not a valid tree');
    const entries = await Promise.all(
      tree.map(async (e) => {
        if (e.content !== undefined)
          return { path: e.path, mode: e.mode, sha: await git.writeBlob(Buffer.from(e.content, 'utf8')) };
        if (e.sha && !(await git.typeOf(e.sha)))
          throw unprocessable(`tree.sha ${e.sha} is not a valid ${e.type}`);
        return { path: e.path, mode: e.mode, sha: e.sha ?? null };
      }),
    );
    const sha = await git.makeTree(entries, base_tree);
    return { status: 201, body: await treeJson(ctx, sha, false) };
  },

  'git/get-tree': async (ctx) => {
    const sha = (await ctx.repo().git.resolveRef(`${ctx.params.tree_sha}^{tree}`)) ?? ctx.params.tree_sha!;
    return {
      status: 200,
      body: await treeJson(ctx, sha, ['1', 'true'].includes(ctx.query.get('recursive') ?? '')),
    };
  },

  'git/create-commit': async (ctx) => {
    const {
      message,
      tree,
      parents = [],
      author,
    } = ctx.body as {
      message: string;
      tree: string;
      parents?: string[];
      author?: { name: string; email: string; date?: string };
    };
    const git = ctx.repo().git;
    if ((await git.typeOf(tree)) !== 'tree') throw unprocessable('Tree SHA does not exist');
    for (const p of parents)
      if ((await git.typeOf(p)) !== 'commit')
        throw unprocessable('Parent SHA does not exist or is not a commit object');
    const sha = await git.commit(tree, parents, message, author, author?.date);
    return { status: 201, body: await commitJson(ctx, sha) };
  },

  'git/get-commit': async (ctx) => ({ status: 200, body: await commitJson(ctx, ctx.params.commit_sha!) }),
};

async function tagJson(ctx: HandlerContext, sha: string) {
  const info = await ctx.repo().git.tagInfo(sha);
  if (!info) throw new HttpError(404, 'Not Found');
  const base = `${ctx.baseUrl}/repos/${ctx.repo().fullName}/git`;
  return {
    node_id: `T_${sha.slice(0, 8)}`,
    sha,
    url: `${base}/tags/${sha}`,
    tag: info.tag,
    message: info.message,
    tagger: info.tagger,
    object: { ...info.object, url: `${base}/${info.object.type}s/${info.object.sha}` },
    verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
  };
}
