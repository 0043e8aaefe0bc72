import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, mkdirSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { GitHubState, Repo, StoredAsset } from './state.js';

/** GitHub's signed asset URLs live for five minutes; a client that stores one and uses it later gets 403. */
const SIGNED_URL_SECONDS = 300;

/**
 * Where release assets live and how they are fetched, as on GitHub: the bytes sit on disk (never in
 * memory), the API redirects (302) to a short-lived signed URL on a separate download host (GitHub's
 * objects/release-assets.githubusercontent.com), and `browser_download_url` is a page on the web host
 * (github.com) that redirects there too — for public repositories only, since github.com does not
 * accept API tokens there and answers 404 to anonymous visitors of a private repository.
 */
export class AssetHosts {
  readonly dir: string;
  /** Set once the servers listen. */
  downloadUrl = '';
  webUrl = '';
  private readonly secret = randomBytes(32);

  constructor(private readonly state: GitHubState) {
    this.dir = join(state.root, 'release-assets');
    mkdirSync(this.dir, { recursive: true });
  }

  /** A file name for an asset's bytes; unique, so an upload that is never committed overwrites nothing. */
  filePath(assetId: number): string {
    return join(this.dir, `${assetId}-${randomBytes(4).toString('hex')}`);
  }

  browserDownloadUrl(repo: Repo, tag: string, name: string): string {
    return `${this.webUrl}/${repo.fullName}/releases/download/${encodeURIComponent(tag)}/${encodeURIComponent(name)}`;
  }

  /** A URL on the download host that serves the asset until it expires, with no credentials needed. */
  signedUrl(repo: Repo, assetId: number, name: string, now = Date.now()): string {
    const expires = new Date(now + SIGNED_URL_SECONDS * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const path = `/github-production-release-asset/${repo.id}/${assetId}`;
    const query = new URLSearchParams({
      sp: 'r',
      se: expires,
      rscd: `attachment; filename=${name}`,
      rsct: 'application/octet-stream',
    });
    query.set('sig', this.sign(`${path}?${query}`));
    return `${this.downloadUrl}${path}?${query}`;
  }

  private sign(text: string): string {
    return createHmac('sha256', this.secret).update(text).digest('base64url');
  }

  private find(repoId: number, assetId: number): { repo: Repo; asset: StoredAsset } | undefined {
    for (const repo of this.state.repos.values()) {
      if (repo.id !== repoId) continue;
      const asset = repo.assets.get(assetId);
      return asset ? { repo, asset } : undefined;
    }
    return undefined;
  }

  /** The download host: checks the signature and expiry, then streams the file. */
  async serveDownload(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://download');
    const match = /^\/github-production-release-asset\/(\d+)\/(\d+)$/.exec(url.pathname);
    const sig = url.searchParams.get('sig') ?? '';
    const unsigned = new URLSearchParams(url.searchParams);
    unsigned.delete('sig');
    const expected = Buffer.from(this.sign(`${url.pathname}?${unsigned}`));
    const given = Buffer.from(sig);
    const valid = given.length === expected.length && timingSafeEqual(given, expected);
    const expires = Date.parse(url.searchParams.get('se') ?? '');
    if (req.method !== 'GET' && req.method !== 'HEAD') return text(res, 405, 'Method Not Allowed');
    if (!match || !valid) return text(res, 403, 'AuthenticationFailed: signature did not match');
    if (!(expires > Date.now())) return text(res, 403, 'AuthenticationFailed: signed expiry time has passed');
    const found = this.find(Number(match[1]), Number(match[2]));
    if (!found) return text(res, 404, 'BlobNotFound: The specified blob does not exist.');
    const { asset } = found;
    res.writeHead(200, {
      'content-type': url.searchParams.get('rsct') ?? 'application/octet-stream',
      'content-length': String(asset.meta.size),
      'content-disposition':
        url.searchParams.get('rscd') ?? `attachment; filename=${String(asset.meta.name)}`,
      'accept-ranges': 'bytes',
      'last-modified': new Date(String(asset.meta.updated_at)).toUTCString(),
    });
    if (req.method === 'HEAD') return void res.end();
    asset.meta.download_count = Number(asset.meta.download_count) + 1;
    await pipeline(createReadStream(asset.file), res).catch(() => res.destroy());
  }

  /** The web host's `/{owner}/{repo}/releases/download/{tag}/{name}` (and `/releases/latest/download/{name}`). */
  serveWeb(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://web');
    const match = /^\/([^/]+)\/([^/]+)\/releases\/(?:download\/([^/]+)|(latest)\/download)\/([^/]+)$/.exec(
      url.pathname,
    );
    if (!match || (req.method !== 'GET' && req.method !== 'HEAD')) return text(res, 404, 'Not Found');
    const [, owner, name, tag, latest, file] = match.map((part) => part && decodeURIComponent(part));
    const repo = this.state.repo(owner!, name!);
    if (!repo || repo.private) return text(res, 404, 'Not Found');
    const published = [...repo.releases.values()].filter((r) => !r.draft);
    const release = latest
      ? published.filter((r) => !r.prerelease).at(-1)
      : published.find((r) => r.tag_name === tag);
    const asset =
      release && [...repo.assets.values()].find((a) => a.releaseId === release.id && a.meta.name === file);
    if (!asset) return text(res, 404, 'Not Found');
    res.writeHead(302, { location: this.signedUrl(repo, Number(asset.meta.id), String(asset.meta.name)) });
    res.end();
  }
}

function text(res: ServerResponse, status: number, body: string) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(body);
}
