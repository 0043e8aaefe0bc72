import { createReadStream } from 'node:fs';
import { UserError } from '../../core/errors.js';
import { RELEASE_ASSET_LIMIT } from '../../core/registry/release-asset-limit.js';
import type {
  LocalArtifact,
  Release,
  ReleaseAsset,
  ReleasePublisher,
} from '../../jobs/register/register-ports.js';
import type { GitHubClient } from '../github/client.js';
import { githubWriteRefusal } from './github-write-refusal.js';

const UPLOAD_ATTEMPTS = 3;

export interface ReleasePublisherOptions {
  /** The web host's root (GITHUB_SERVER_URL), for the download URLs written into the tag. */
  serverUrl: string;
  /**
   * An upload may take longer than the API's 30 s: each one gets 60 s plus a second per MiB (a
   * 2 GiB asset: about 35 minutes at worst), so a stalled upload still ends.
   */
  uploadTimeoutMs?: (size: number) => number;
}

interface ApiRelease {
  id: number;
  tag_name: string;
  html_url: string;
  upload_url: string;
  body?: string | null;
  draft: boolean;
  assets?: ApiAsset[];
}
interface ApiAsset {
  id: number;
  name: string;
  size: number;
  digest?: string | null;
  browser_download_url: string;
}

/**
 * Releases of version tags. Every write is idempotent: an existing release is reused, an asset
 * already there with the same sha256 (GitHub's `digest`) is kept, and one with another digest under
 * the same name is refused — a registered artifact is never replaced silently.
 */
export function githubReleasePublisher(
  octokit: GitHubClient,
  repository: { owner: string; repo: string },
  options: ReleasePublisherOptions,
): ReleasePublisher {
  const { owner, repo } = repository;
  const fullName = `${owner}/${repo}`;
  const uploadUrls = new Map<number, string>();
  const timeoutOf = options.uploadTimeoutMs ?? ((size: number) => 60_000 + size / 1024);
  const toRelease = (data: ApiRelease): Release => {
    uploadUrls.set(data.id, data.upload_url);
    return {
      id: data.id,
      tag: data.tag_name,
      url: data.html_url,
      body: data.body ?? '',
      draft: data.draft,
      assets: (data.assets ?? []).map(toAsset),
    };
  };

  const findRelease = async (tag: string) => {
    try {
      return toRelease((await octokit.rest.repos.getReleaseByTag({ owner, repo, tag })).data as ApiRelease);
    } catch (error) {
      if ((error as { status?: number }).status === 404) return undefined;
      throw error;
    }
  };

  return {
    findRelease,

    async createRelease({ tag, name, body }: { tag: string; name: string; body: string }) {
      try {
        const { data } = await octokit.rest.repos.createRelease({ owner, repo, tag_name: tag, name, body });
        return toRelease(data as ApiRelease);
      } catch (error) {
        // A concurrent run of the same registration created it first: use theirs.
        if (isAlreadyExists(error)) {
          const existing = await findRelease(tag);
          if (existing) return existing;
        }
        throw githubWriteRefusal(error, `create the release of ${tag}`, fullName);
      }
    },

    async updateBody(release: Release, body: string) {
      await octokit.rest.repos
        .updateRelease({ owner, repo, release_id: release.id, body })
        .catch((error: unknown) => {
          throw githubWriteRefusal(error, `update the release of ${release.tag}`, fullName);
        });
    },

    async uploadAsset(release: Release, file: LocalArtifact): Promise<ReleaseAsset> {
      const present = release.assets.find((a) => a.name === file.name);
      if (present) return keep(release, present, file);
      if (file.size >= RELEASE_ASSET_LIMIT) throw tooLarge(file);
      const url = uploadUrls.get(release.id);
      if (!url) throw new Error(`no upload URL known for release ${release.id}`);
      for (let attempt = 1; ; attempt++) {
        try {
          const timeoutMs = Math.ceil(timeoutOf(file.size));
          const { data } = await octokit.request({
            method: 'POST',
            url,
            name: file.name,
            // A fresh stream per attempt: a body cannot be sent twice, so Octokit's own retry is off here.
            data: createReadStream(file.path),
            headers: { 'content-type': 'application/octet-stream', 'content-length': String(file.size) },
            request: {
              retries: 0,
              fetch: (input: Parameters<typeof fetch>[0], init?: RequestInit) =>
                fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) }),
            },
          });
          const asset = toAsset(data as ApiAsset);
          if (asset.sha256 !== undefined && asset.sha256 !== file.sha256)
            throw new UserError(
              'input',
              `${file.name} changed while it was uploaded to the release of ${release.tag}: GitHub received sha256 ${asset.sha256}, the file had ${file.sha256} when it was hashed`,
              { file: file.path },
            );
          return asset;
        } catch (error) {
          if (isAlreadyExists(error)) {
            // Another run of this registration uploaded it meanwhile: keep theirs if it is the same file.
            const theirs = (await findRelease(release.tag))?.assets.find((a) => a.name === file.name);
            if (theirs) return keep(release, theirs, file);
          }
          const status = (error as { status?: number }).status;
          const transient = status === undefined || status >= 500;
          if (!transient || attempt >= UPLOAD_ATTEMPTS || error instanceof UserError)
            throw githubWriteRefusal(error, `upload ${file.name} to the release of ${release.tag}`, fullName);
        }
      }
    },

    assetUrl: (tag: string, name: string) =>
      `${options.serverUrl.replace(/\/+$/, '')}/${owner}/${repo}/releases/download/${encodeURIComponent(tag)}/${encodeURIComponent(name)}`,
  };
}

function keep(release: Release, asset: ReleaseAsset, file: LocalArtifact): ReleaseAsset {
  if (asset.sha256 === file.sha256) return asset;
  throw new UserError(
    'input',
    asset.sha256 === undefined
      ? `the release of ${release.tag} already has an asset ${file.name} without a digest, so it cannot be checked against this file (sha256 ${file.sha256}): delete the asset from ${release.url} and run again`
      : `the release of ${release.tag} already has an asset ${file.name} with sha256 ${asset.sha256}, and this file's is ${file.sha256}: a registered artifact is never replaced. Register the new file as a new version, or delete the asset from ${release.url} if it is wrong`,
    { file: file.path },
  );
}

function tooLarge(file: LocalArtifact): UserError {
  return new UserError(
    'input',
    `${file.name} is ${(file.size / 1024 ** 3).toFixed(2)} GiB: GitHub release assets must be under 2 GiB. Store the artifacts in S3 instead (storage: s3://bucket/prefix)`,
    { file: file.path },
  );
}

function toAsset(data: ApiAsset): ReleaseAsset {
  const sha256 = /^sha256:([0-9a-f]{64})$/.exec(data.digest ?? '')?.[1];
  return {
    id: data.id,
    name: data.name,
    size: data.size,
    url: data.browser_download_url,
    ...(sha256 ? { sha256 } : {}),
  };
}

function isAlreadyExists(error: unknown): boolean {
  const e = error as { status?: number; response?: { data?: { errors?: { code?: string }[] } } };
  return e.status === 422 && (e.response?.data?.errors ?? []).some((x) => x.code === 'already_exists');
}
