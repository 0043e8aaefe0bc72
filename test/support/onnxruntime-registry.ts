import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';

const modules = resolve(import.meta.dirname, '../../node_modules');

export interface Tarball {
  name: string;
  file: string;
  integrity: string;
  /** The paths inside the package an install keeps. */
  prefixes: string[];
}

/**
 * A real npm tarball made from the package in node_modules (npm's layout: everything under
 * `package/`), with its sha512 integrity as npm writes it.
 */
export function packTarball(dir: string, name: string, entries: string[], prefixes: string[]): Tarball {
  const file = join(dir, `${name}-1.30.0.tgz`);
  execFileSync('tar', [
    '-C',
    join(modules, name),
    '--transform',
    's,^,package/,',
    '-I',
    'gzip -1',
    '-cf',
    file,
    ...entries,
  ]);
  const integrity = `sha512-${createHash('sha512').update(readFileSync(file)).digest('base64')}`;
  return { name, file, integrity, prefixes };
}

/** The onnxruntime tarballs a runner needs, with two platforms' native files so that extracting one shows. */
export function onnxruntimeTarballs(dir: string): Tarball[] {
  return [
    packTarball(
      dir,
      'onnxruntime-node',
      ['package.json', 'dist', 'bin/napi-v6/linux/x64', 'bin/napi-v6/linux/arm64'],
      ['package.json', 'dist/', 'bin/napi-v6/linux/x64/'],
    ),
    packTarball(dir, 'onnxruntime-common', ['package.json', 'dist'], ['package.json', 'dist/']),
    packTarball(
      dir,
      'onnxruntime-web',
      [
        'package.json',
        'dist/ort.node.min.js',
        'dist/ort-wasm-simd-threaded.mjs',
        'dist/ort-wasm-simd-threaded.wasm',
        'dist/ort.min.js',
      ],
      [
        'package.json',
        'dist/ort.node.min.js',
        'dist/ort-wasm-simd-threaded.mjs',
        'dist/ort-wasm-simd-threaded.wasm',
      ],
    ),
  ];
}

export interface Registry {
  url: string;
  requests: string[];
  /** `serve` answers; `stall` accepts connections and never answers; `refuse` answers 503. */
  mode: 'serve' | 'stall' | 'refuse';
  close(): void;
}

/** A local registry-like HTTP server serving tarballs at npm's paths (`/<name>/-/<name>-<version>.tgz`). */
export async function startRegistry(tarballs: readonly Tarball[]): Promise<Registry> {
  const registry: Registry = { url: '', requests: [], mode: 'serve', close: () => undefined };
  const server = createServer((request, response) => {
    registry.requests.push(request.url!);
    if (registry.mode === 'stall') return;
    if (registry.mode === 'refuse') return void response.writeHead(503).end();
    const tarball = tarballs.find((t) => request.url === `/${t.name}/-/${t.name}-1.30.0.tgz`);
    if (!tarball) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'application/octet-stream' }).end(readFileSync(tarball.file));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  registry.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  registry.close = () => {
    server.closeAllConnections();
    server.close();
  };
  return registry;
}
