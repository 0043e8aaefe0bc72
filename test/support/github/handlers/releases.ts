import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Handler, HandlerContext } from '../context.js';
import { HttpError, notFound, unprocessable } from '../http-error.js';
import { now, userJson } from '../representations.js';
import type { Repo, StoredAsset } from '../state.js';

function release(ctx: HandlerContext): Record<string, unknown> {
  const found = ctx.repo().releases.get(Number(ctx.params.release_id));
  if (!found) throw notFound();
  return found;
}

function asset(ctx: HandlerContext): StoredAsset {
  const found = ctx.repo().assets.get(Number(ctx.params.asset_id));
  if (!found) throw notFound();
  return found;
}

function withAssets(repo: Repo, value: Record<string, unknown>) {
  return {
    ...value,
    assets: [...repo.assets.values()].filter((a) => a.releaseId === value.id).map((a) => a.meta),
  };
}

const alreadyExists = (resource: string, field: string) =>
  unprocessable('Validation Failed', [{ resource, code: 'already_exists', field }]);

function nameTaken(repo: Repo, releaseId: unknown, name: string, except?: unknown): boolean {
  return [...repo.assets.values()].some(
    (a) => a.releaseId === releaseId && a.meta.name === name && a.meta.id !== except,
  );
}

/**
 * Publishing a release whose tag is missing creates the tag at target_commitish (the default branch
 * by default). Resolving happens now (a bad target is 422 before anything changes); the returned
 * function writes the ref, inside the handler's commit.
 */
async function tagCreation(
  ctx: HandlerContext,
  tag: string,
  target: string | undefined,
): Promise<() => Promise<void>> {
  const git = ctx.repo().git;
  if (await git.refSha(`refs/tags/${tag}`)) return async () => {};
  const sha = await git.resolveRef(
    target && /^[0-9a-f]{40}$/.test(target) ? target : `refs/heads/${target ?? ctx.repo().defaultBranch}`,
  );
  if (!sha)
    throw unprocessable('Validation Failed', [
      { resource: 'Release', code: 'invalid', field: 'target_commitish' },
    ]);
  return async () => {
    // Another release (or a git push) may have created the tag meanwhile: it then stays as it is.
    if (!(await git.refSha(`refs/tags/${tag}`))) await git.updateRef(`refs/tags/${tag}`, sha, '');
  };
}

/**
 * GitHub renames asset files with special characters: the stand-in turns whitespace and characters
 * outside a conservative safe set into `.` and drops leading and trailing periods.
 */
function assetName(raw: string): string {
  return raw.replace(/[^\w.+@-]/g, '.').replace(/^\.+|\.+$/g, '');
}

/**
 * Streams the request body to a file while hashing it: assets can be gigabytes and never sit in
 * memory. GitHub needs `Content-Length` (chunked uploads get `400 Bad Content-Length`), and a body
 * shorter than declared is refused and leaves no file behind.
 */
async function receiveUpload(ctx: HandlerContext, file: string): Promise<{ size: number; sha256: string }> {
  const declared = ctx.headers['content-length'];
  if (typeof declared !== 'string' || !/^\d+$/.test(declared))
    throw new HttpError(400, `Bad Content-Length: ${typeof declared === 'string' ? declared : ''}`);
  const hash = createHash('sha256');
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  try {
    await pipeline(ctx.request, counter, createWriteStream(file));
  } catch {
    await rm(file, { force: true });
    throw new HttpError(400, `Bad Content-Length: ${declared}`);
  }
  if (size !== Number(declared)) {
    await rm(file, { force: true });
    throw new HttpError(400, `Bad Content-Length: ${declared}`);
  }
  return { size, sha256: hash.digest('hex') };
}

export const releaseHandlers: Record<string, Handler> = {
  'repos/create-release': async (ctx) => {
    const repo = ctx.repo();
    const body = ctx.body as Record<string, unknown> & {
      tag_name: string;
      target_commitish?: string;
      draft?: boolean;
    };
    if ([...repo.releases.values()].some((r) => r.tag_name === body.tag_name))
      throw alreadyExists('Release', 'tag_name');
    const createTag = body.draft
      ? async () => {}
      : await tagCreation(ctx, body.tag_name, body.target_commitish);
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
    return {
      status: 201,
      body: withAssets(repo, value),
      commit: async () => {
        if ([...repo.releases.values()].some((r) => r.tag_name === body.tag_name))
          throw alreadyExists('Release', 'tag_name');
        await createTag();
        repo.releases.set(id, value);
      },
    };
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
    const repo = ctx.repo();
    const current = release(ctx);
    const body = ctx.body as Record<string, unknown>;
    const value = { ...current };
    for (const key of ['tag_name', 'target_commitish', 'name', 'body', 'draft', 'prerelease'] as const) {
      if (body[key] !== undefined) value[key] = body[key];
    }
    if ([...repo.releases.values()].some((r) => r.id !== value.id && r.tag_name === value.tag_name))
      throw alreadyExists('Release', 'tag_name');
    let createTag = async () => {};
    if (value.draft === false && value.published_at === null) {
      createTag = await tagCreation(ctx, value.tag_name as string, value.target_commitish as string);
      value.published_at = now();
    }
    value.html_url = `https://github.com/${repo.fullName}/releases/tag/${encodeURIComponent(String(value.tag_name))}`;
    return {
      status: 200,
      body: withAssets(repo, value),
      commit: async () => {
        await createTag();
        repo.releases.set(value.id as number, value);
        // The download links name the tag.
        for (const stored of repo.assets.values()) {
          if (stored.releaseId !== value.id) continue;
          stored.meta = {
            ...stored.meta,
            browser_download_url: ctx.assetHosts.browserDownloadUrl(
              repo,
              String(value.tag_name),
              String(stored.meta.name),
            ),
          };
        }
      },
    };
  },

  'repos/delete-release': async (ctx) => {
    const repo = ctx.repo();
    const value = release(ctx);
    return {
      status: 204,
      commit: async () => {
        repo.releases.delete(value.id as number);
        for (const [id, stored] of repo.assets) {
          if (stored.releaseId !== value.id) continue;
          repo.assets.delete(id);
          await rm(stored.file, { force: true });
        }
      },
    };
  },

  'repos/upload-release-asset': async (ctx) => {
    const repo = ctx.repo();
    const value = release(ctx);
    const requested = ctx.query.get('name');
    if (!requested)
      throw unprocessable('Validation Failed', [
        { resource: 'ReleaseAsset', code: 'missing_field', field: 'name' },
      ]);
    const name = assetName(requested);
    if (nameTaken(repo, value.id, name)) throw alreadyExists('ReleaseAsset', 'name');
    const id = ctx.state.id();
    // The file name is unique: bytes of an upload that fails later are removed, and never replace an asset's.
    const file = ctx.assetHosts.filePath(id);
    const { size, sha256 } = await receiveUpload(ctx, file);
    const meta = {
      id,
      node_id: `RA_${id}`,
      name,
      label: ctx.query.get('label') ?? '',
      url: `${ctx.baseUrl}/repos/${repo.fullName}/releases/assets/${id}`,
      browser_download_url: ctx.assetHosts.browserDownloadUrl(repo, String(value.tag_name), name),
      content_type: String(ctx.headers['content-type'] ?? 'application/octet-stream'),
      state: 'uploaded',
      size,
      digest: `sha256:${sha256}`,
      download_count: 0,
      created_at: now(),
      updated_at: now(),
      uploader: userJson(ctx.token!.actor, ctx.baseUrl),
    };
    let committed = false;
    return {
      status: 201,
      body: meta,
      commit: async () => {
        // A concurrent upload of the same name may have finished first; so may a release deletion.
        if (!repo.releases.has(value.id as number)) {
          await rm(file, { force: true });
          throw notFound();
        }
        if (nameTaken(repo, value.id, name)) {
          await rm(file, { force: true });
          throw alreadyExists('ReleaseAsset', 'name');
        }
        repo.assets.set(id, { releaseId: value.id as number, meta, file });
        committed = true;
      },
      discard: async () => {
        if (!committed) await rm(file, { force: true });
      },
    };
  },

  'repos/list-release-assets': async (ctx) => {
    const value = release(ctx);
    return {
      status: 200,
      list: [...ctx.repo().assets.values()].filter((a) => a.releaseId === value.id).map((a) => a.meta),
    };
  },

  'repos/get-release-asset': async (ctx) => {
    const repo = ctx.repo();
    const stored = asset(ctx);
    // The bytes come from a separate host: GitHub redirects to a signed URL valid for a few minutes.
    if (String(ctx.headers.accept ?? '').includes('application/octet-stream')) {
      return {
        status: 302,
        headers: {
          location: ctx.assetHosts.signedUrl(repo, stored.meta.id as number, String(stored.meta.name)),
        },
      };
    }
    return { status: 200, body: stored.meta };
  },

  'repos/update-release-asset': async (ctx) => {
    const repo = ctx.repo();
    const stored = asset(ctx);
    const body = (ctx.body ?? {}) as { name?: string; label?: string; state?: string };
    const name = body.name === undefined ? String(stored.meta.name) : assetName(body.name);
    if (nameTaken(repo, stored.releaseId, name, stored.meta.id)) throw alreadyExists('ReleaseAsset', 'name');
    const tag = String(repo.releases.get(stored.releaseId)?.tag_name);
    const meta = {
      ...stored.meta,
      name,
      label: body.label ?? stored.meta.label,
      browser_download_url: ctx.assetHosts.browserDownloadUrl(repo, tag, name),
      updated_at: now(),
    };
    return {
      status: 200,
      body: meta,
      commit: () => {
        if (nameTaken(repo, stored.releaseId, name, stored.meta.id))
          throw alreadyExists('ReleaseAsset', 'name');
        stored.meta = meta;
      },
    };
  },

  'repos/delete-release-asset': async (ctx) => {
    const repo = ctx.repo();
    const stored = asset(ctx);
    return {
      status: 204,
      commit: async () => {
        if (repo.assets.delete(stored.meta.id as number)) await rm(stored.file, { force: true });
      },
    };
  },
};
