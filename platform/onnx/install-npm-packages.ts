import { randomBytes, createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { extractTarball } from './extract-tarball.js';

/** One package to install: its tarball's pinned integrity (`sha512-…`, as npm's lockfiles write it). */
export interface PinnedPackage {
  name: string;
  version: string;
  integrity: string;
  /** Which files of the package to keep (paths inside the package, e.g. `dist/index.js`). */
  keep: (path: string) => boolean;
}

export interface InstallOptions {
  /** The npm registry's base URL (`https://registry.npmjs.org`). */
  registry: string;
  /**
   * How long a download may go without receiving a byte (and the wait for the first answer): a
   * registry that stops answering fails the install instead of hanging the job, while a slow but
   * steady download of a large tarball still completes.
   */
  timeoutMs: number;
  log: (message: string) => void;
}

/**
 * Installs pinned npm packages into `folder/node_modules`, as a tool cache holds a tool: downloaded
 * from the registry, checked against the pinned integrity before a byte is extracted, only the
 * needed files extracted, then moved into place with one rename — so a job that is cancelled
 * half-way, or a concurrent job installing the same version, never leaves or sees a half-installed
 * folder. Returns the folder; when it exists already, nothing is downloaded.
 */
export async function installNpmPackages(
  folder: string,
  packages: readonly PinnedPackage[],
  options: InstallOptions,
): Promise<{ folder: string; installed: boolean }> {
  if (await exists(folder)) return { folder, installed: false };
  const staging = `${folder}.partial-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    for (const pkg of packages) {
      const tarball = join(staging, `${pkg.name}.tgz`);
      await mkdir(staging, { recursive: true });
      await download(pkg, tarball, options);
      const files = await extractTarball(tarball, join(staging, 'node_modules', pkg.name), pkg.keep);
      await rm(tarball);
      options.log(`extracted ${files.length} files of ${pkg.name}@${pkg.version}`);
    }
    try {
      await rename(staging, folder);
    } catch (error) {
      // Another job finished the same install first: theirs is complete, ours is not needed.
      if (!(await exists(folder))) throw error;
    }
    return { folder, installed: true };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

async function download(pkg: PinnedPackage, file: string, options: InstallOptions): Promise<void> {
  const base = pkg.name.startsWith('@') ? pkg.name.split('/')[1]! : pkg.name;
  const url = `${options.registry.replace(/\/+$/, '')}/${pkg.name}/-/${base}-${pkg.version}.tgz`;
  const [algorithm, expected] = splitIntegrity(pkg.integrity);
  options.log(`downloading ${url}`);
  const idle = new AbortController();
  let timer = setTimeout(() => idle.abort(new IdleTimeout()), options.timeoutMs);
  const stillAlive = () => {
    clearTimeout(timer);
    timer = setTimeout(() => idle.abort(new IdleTimeout()), options.timeoutMs);
  };
  const hash = createHash(algorithm);
  try {
    const response = await fetch(url, { signal: idle.signal });
    if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
    await pipeline(
      Readable.fromWeb(response.body as import('node:stream/web').ReadableStream<Uint8Array>),
      async function* (source) {
        for await (const chunk of source as AsyncIterable<Buffer>) {
          stillAlive();
          hash.update(chunk);
          yield chunk;
        }
      },
      createWriteStream(file),
    );
  } catch (error) {
    throw new Error(
      `${url} could not be downloaded: ${reason(idle.signal.aborted ? idle.signal.reason : error, options.timeoutMs)}`,
      { cause: error },
    );
  } finally {
    clearTimeout(timer);
  }
  const actual = hash.digest('base64');
  if (actual !== expected)
    throw new Error(
      `${url} does not match its pinned integrity (${algorithm}-${expected}, got ${algorithm}-${actual}); it was not installed`,
    );
}

function splitIntegrity(integrity: string): [string, string] {
  const match = /^(sha512|sha384|sha256)-(.+)$/.exec(integrity.trim());
  if (!match) throw new Error(`unsupported integrity "${integrity}"`);
  return [match[1]!, match[2]!];
}

class IdleTimeout extends Error {}

function reason(error: unknown, timeoutMs: number): string {
  if (error instanceof IdleTimeout) return `nothing received for ${timeoutMs / 1000} s`;
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error instanceof Error ? error.message : String(error)}${cause}`;
}

async function exists(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined)) !== undefined;
}
