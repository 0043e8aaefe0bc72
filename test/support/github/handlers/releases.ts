import { createHash } from 'node:crypto';
import type { Handler, HandlerContext } from '../context.js';
import { notFound, unprocessable } from '../http-error.js';
import { now, userJson } from '../representations.js';
import type { Repo } from '../state.js';

function release(ctx: HandlerContext): Record<string, unknown> {
  const found = ctx.repo().releases.get(Number(ctx.params.release_id));
  if (!found) throw notFound();
  return found;
}

function withAssets(repo: Repo, value: Record<string, unknown>) {
  return {
    ...value,
    assets: [...repo.assets.values()].filter((a) => a.releaseId === value.id).map((a) => a.meta),
  };
}

async function ensureTag(ctx: HandlerContext, tag: string, target: string | undefined) {
  const git = ctx.repo().git;
  if (await git.refSha(`refs/tags/${tag}`)) return;
  // GitHub creates a missing tag at target_commitish (default branch by default).
  const sha = await git.resolveRef(
    target && /^[0-9a-f]{40}$/.test(target) ? target : `refs/heads/${target ?? ctx.repo().defaultBranch}`,
  );
  if (!sha)
    throw unprocessable('Validation Failed', [
      { resource: 'Release', code: 'invalid', field: 'target_commitish' },
    ]);
  await git.updateRef(`refs/tags/${tag}`, sha, '');
}

export const releaseHandlers: Record<string, Handler> = {
  'repos/create-release': async (ctx) => {
    const repo = ctx.repo();
    const body = ctx.body as Record<string, unknown> & {
      tag_name: string;
      target_commitish?: string;
      draft?: boolean;
    };
    if ([...repo.releases.values()].some((r) => r.tag_name === body.tag_name)) {
      throw unprocessable('Validation Failed', [
        { resource: 'Release', code: 'already_exists', field: 'tag_name' },
      ]);
    }
    if (!body.draft) await ensureTag(ctx, body.tag_name, body.target_commitish);
    const id = ctx.state.id();
    const value = {
      id,
      node_id: `RE_${id}`,
      url: `${ctx.baseUrl}/repos/${repo.fullName}/releases/${id}`,
      html_url: `https://github.com/${repo.fullName}/releases/tag/${encodeURIComponent(body.tag_name)}`,
      assets_url: `${ctx.baseUrl}/repos/${repo.fullName}/releases/${id}/assets`,
      upload_url: `${ctx.uploadsUrl}/repos/${repo.fullName}/releases/${id}/assets{?name,label}`,
      tarball_url: null,
      zipball_url: null,
      tag_name: body.tag_name,
      target_commitish: body.target_commitish ?? repo.defaultBranch,
      name: (body.name as string | undefined) ?? body.tag_name,
      body: (body.body as string | undefined) ?? null,
      draft: body.draft ?? false,
      prerelease: (body.prerelease as boolean | undefined) ?? false,
      created_at: now(),
      published_at: body.draft ? null : now(),
      author: userJson(ctx.token!.actor, ctx.baseUrl),
    };
    repo.releases.set(id, value);
    return { status: 201, body: withAssets(repo, value) };
  },

  'repos/get-release': async (ctx) => ({ status: 200, body: withAssets(ctx.repo(), release(ctx)) }),

  'repos/get-release-by-tag': async (ctx) => {
    const found = [...ctx.repo().releases.values()].find((r) => r.tag_name === ctx.params.tag && !r.draft);
    if (!found) throw notFound();
    return { status: 200, body: withAssets(ctx.repo(), found) };
  },

  'repos/get-latest-release': async (ctx) => {
    const published = [...ctx.repo().releases.values()].filter((r) => !r.draft && !r.prerelease);
    const latest = published.at(-1);
    if (!latest) throw notFound();
    return { status: 200, body: withAssets(ctx.repo(), latest) };
  },

  'repos/list-releases': async (ctx) => ({
    status: 200,
    list: [...ctx.repo().releases.values()].reverse().map((r) => withAssets(ctx.repo(), r)),
  }),

  'repos/update-release': async (ctx) => {
    const value = release(ctx);
    const body = ctx.body as Record<string, unknown>;
    for (const key of ['tag_name', 'target_commitish', 'name', 'body', 'draft', 'prerelease'] as const) {
      if (body[key] !== undefined) value[key] = body[key];
    }
    if (value.draft === false && value.published_at === null) {
      await ensureTag(ctx, value.tag_name as string, value.target_commitish as string);
      value.published_at = now();
    }
    return { status: 200, body: withAssets(ctx.repo(), value) };
  },

  'repos/delete-release': async (ctx) => {
    const repo = ctx.repo();
    const value = release(ctx);
    repo.releases.delete(value.id as number);
    for (const [id, asset] of repo.assets) if (asset.releaseId === value.id) repo.assets.delete(id);
    return { status: 204 };
  },

  'repos/upload-release-asset': async (ctx) => {
    const repo = ctx.repo();
    const value = release(ctx);
    const name = ctx.query.get('name');
    if (!name)
      throw unprocessable('Validation Failed', [
        { resource: 'ReleaseAsset', code: 'missing_field', field: 'name' },
      ]);
    if ([...repo.assets.values()].some((a) => a.releaseId === value.id && a.meta.name === name)) {
      throw unprocessable('Validation Failed', [
        { resource: 'ReleaseAsset', code: 'already_exists', field: 'name' },
      ]);
    }
    const id = ctx.state.id();
    const meta = {
      id,
      node_id: `RA_${id}`,
      name,
      label: ctx.query.get('label'),
      url: `${ctx.baseUrl}/repos/${repo.fullName}/releases/assets/${id}`,
      browser_download_url: `https://github.com/${repo.fullName}/releases/download/${encodeURIComponent(value.tag_name as string)}/${name}`,
      content_type: String(ctx.headers['content-type'] ?? 'application/octet-stream'),
      state: 'uploaded',
      size: ctx.rawBody.length,
      digest: `sha256:${createDigest(ctx.rawBody)}`,
      download_count: 0,
      created_at: now(),
      updated_at: now(),
      uploader: userJson(ctx.token!.actor, ctx.baseUrl),
    };
    repo.assets.set(id, { releaseId: value.id as number, meta, content: ctx.rawBody });
    return { status: 201, body: meta };
  },

  'repos/list-release-assets': async (ctx) => {
    const value = release(ctx);
    return {
      status: 200,
      list: [...ctx.repo().assets.values()].filter((a) => a.releaseId === value.id).map((a) => a.meta),
    };
  },

  'repos/get-release-asset': async (ctx) => {
    const asset = ctx.repo().assets.get(Number(ctx.params.asset_id));
    if (!asset) throw notFound();
    if (ctx.headers.accept === 'application/octet-stream') {
      return { status: 200, raw: asset.content, headers: { 'content-type': 'application/octet-stream' } };
    }
    return { status: 200, body: asset.meta };
  },

  'repos/delete-release-asset': async (ctx) => {
    if (!ctx.repo().assets.delete(Number(ctx.params.asset_id))) throw notFound();
    return { status: 204 };
  },
};

function createDigest(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}
