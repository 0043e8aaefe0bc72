import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { UserError } from '../../core/errors.js';
import type { ArtifactRecord } from '../../core/registry/version-record-schema.js';
import type { ArtifactDownloader, FetchedFile } from '../../jobs/fetch/fetch-ports.js';
import type { GitHubClient } from '../github/client.js';
import { s3Error } from '../s3/s3-errors.js';
import { parseS3Uri } from '../s3/s3-uri.js';

export interface DownloadSources {
  /** Release assets are read through the API (private repositories too). */
  github?: { octokit: GitHubClient; repository: { owner: string; repo: string } };
  s3?: { client: S3Client; endpoint?: string; accessKeyId?: string };
  /** Silence on a download longer than this fails it (default 30 s); a slow but moving one may take as long as it needs. */
  idleMs?: number;
}

interface Opened {
  body: Readable;
  versionId?: string;
}

/**
 * Downloads into a scratch directory beside the destination (same filesystem, so the final move is a
 * rename), hashing each file while it streams. Only when every artifact's sha256, size and S3 version
 * id match the record are the files renamed into place; any mismatch is a refusal and the
 * destination is left as it was.
 */
export function artifactDownloader(sources: DownloadSources): ArtifactDownloader {
  const idleMs = sources.idleMs ?? 30_000;
  return {
    async download({ tag, artifacts, to }) {
      const target = resolve(to);
      await mkdir(dirname(target), { recursive: true });
      const scratch = await mkdtemp(join(dirname(target), `.${basename(target)}.modelship-fetch-`));
      try {
        const assets = artifacts.some((a) => !a.uri.startsWith('s3://'))
          ? await releaseAssets(sources, tag)
          : undefined;
        const fetched: FetchedFile[] = [];
        for (const artifact of artifacts) {
          const opened = artifact.uri.startsWith('s3://')
            ? await openS3(sources, artifact)
            : await openAsset(sources, assets!, tag, artifact);
          const path = join(scratch, artifact.name);
          const { sha256, size } = await receive(opened.body, path, idleMs, artifact.uri);
          if (sha256 !== artifact.sha256 || size !== artifact.size)
            throw new UserError(
              'input',
              `${artifact.name} of ${tag} does not match its registration: downloaded sha256 ${sha256} (${size} bytes), registered ${artifact.sha256} (${artifact.size} bytes). Nothing was written to ${to}`,
              { file: artifact.uri },
            );
          if (artifact.versionId !== undefined && opened.versionId !== artifact.versionId)
            throw new UserError(
              'input',
              `${artifact.uri} answered with version ${opened.versionId ?? '(none)'}, not the registered ${artifact.versionId}. Nothing was written to ${to}`,
              { file: artifact.uri },
            );
          fetched.push({
            name: artifact.name,
            path: join(target, artifact.name),
            sha256,
            size,
            ...(artifact.versionId ? { versionId: artifact.versionId } : {}),
          });
        }
        await mkdir(target, { recursive: true });
        for (const file of fetched) await rename(join(scratch, file.name), file.path);
        return fetched;
      } finally {
        await rm(scratch, { recursive: true, force: true });
      }
    },
  };
}

async function openS3(sources: DownloadSources, artifact: ArtifactRecord): Promise<Opened> {
  const s3 = sources.s3;
  if (!s3) throw new UserError('usage', `${artifact.uri} is in S3, and no S3 client was configured`);
  const { bucket, key } = parseS3Uri(artifact.uri);
  try {
    const answer = await s3.client.send(
      new GetObjectCommand({
        Bucket: bucket,
        Key: key,
        ...(artifact.versionId ? { VersionId: artifact.versionId } : {}),
      }),
    );
    return { body: answer.Body as Readable, ...(answer.VersionId ? { versionId: answer.VersionId } : {}) };
  } catch (error) {
    throw s3Error(error, artifact.uri, s3.endpoint, s3.accessKeyId);
  }
}

async function releaseAssets(sources: DownloadSources, tag: string): Promise<Map<string, number>> {
  const github = sources.github;
  if (!github)
    throw new UserError(
      'usage',
      `the artifacts of ${tag} are release assets, which are read through the GitHub API: pass --repo owner/name (with GITHUB_TOKEN or GH_TOKEN set for a private repository)`,
    );
  try {
    const { data } = await github.octokit.rest.repos.getReleaseByTag({ ...github.repository, tag });
    return new Map(data.assets.map((a) => [a.name, a.id]));
  } catch (error) {
    if ((error as { status?: number }).status === 404)
      throw new UserError(
        'not-found',
        `${tag} has no release in ${github.repository.owner}/${github.repository.repo}: its registration was interrupted. Run the registration again to complete it (\`modelship registry doctor\` lists such versions)`,
      );
    throw error;
  }
}

async function openAsset(
  sources: DownloadSources,
  assets: Map<string, number>,
  tag: string,
  artifact: ArtifactRecord,
): Promise<Opened> {
  const { octokit, repository } = sources.github!;
  const id = assets.get(artifact.name);
  if (id === undefined)
    throw new UserError(
      'not-found',
      `the release of ${tag} has no asset ${artifact.name}: its registration was interrupted. Run the registration again to complete it`,
      { file: artifact.uri },
    );
  // The API answers 302 to a short-lived URL on the download host, fetched without the token.
  const answer = await octokit.request('GET /repos/{owner}/{repo}/releases/assets/{asset_id}', {
    ...repository,
    asset_id: id,
    headers: { accept: 'application/octet-stream' },
    request: { redirect: 'manual' },
  });
  const location = (answer.headers as Record<string, string | undefined>).location;
  if (!location)
    throw new Error(`GitHub answered ${answer.status} without a download location for ${artifact.name}`);
  const controller = new AbortController();
  const connect = setTimeout(() => controller.abort(), 30_000);
  const response = await fetch(location, { signal: controller.signal }).finally(() => clearTimeout(connect));
  if (!response.ok || !response.body)
    throw new UserError(
      'input',
      `the download host answered ${response.status} for ${artifact.name} of ${tag}`,
      {
        file: artifact.uri,
      },
    );
  const body = Readable.fromWeb(response.body as import('node:stream/web').ReadableStream);
  body.once('close', () => controller.abort());
  return { body };
}

/** Streams `body` to `path`, hashing it; silence longer than `idleMs` fails it. */
async function receive(
  body: Readable,
  path: string,
  idleMs: number,
  uri: string,
): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  let timer: NodeJS.Timeout | undefined;
  const idle = () => {
    clearTimeout(timer);
    timer = setTimeout(
      () =>
        body.destroy(
          new UserError('input', `the download stalled (nothing for ${idleMs / 1000} s)`, { file: uri }),
        ),
      idleMs,
    );
  };
  idle();
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      idle();
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  try {
    await pipeline(body, counter, createWriteStream(path));
  } finally {
    clearTimeout(timer);
  }
  return { sha256: hash.digest('hex'), size };
}
