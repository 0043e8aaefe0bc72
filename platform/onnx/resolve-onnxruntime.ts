import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installNpmPackages, type PinnedPackage } from './install-npm-packages.js';
import type { OnnxRuntimeApi, ResolvedOnnxRuntime } from './onnxruntime-api.js';
import { ONNXRUNTIME_VERSION, onnxruntimeFrom } from './onnxruntime-from-node-modules.js';

/** Platforms onnxruntime-node 1.30 ships a native build for (no Intel macOS). */
export const NATIVE_PLATFORMS = ['linux-x64', 'linux-arm64', 'darwin-arm64', 'win32-x64', 'win32-arm64'];

/** The registry's sha512 of each 1.30.0 tarball: a download that differs is never extracted. */
const INTEGRITY = {
  'onnxruntime-node':
    'sha512-twhs1C2C/BFkz1yc5OY0KIU2GUq6DURO7hD4bx5Q2Qy3nAMJwRXW8xU3NVczE29VA9lolLOYepoD8fjTGOfIqw==',
  'onnxruntime-common':
    'sha512-7fdVWjAID1dVhH/G8qK3APARunV4VkBFoCQAP7qp4Wkab0mrorvmc+sqiT+mKXOzDqdjN5j+/Z9nb4gzNPWcyA==',
  'onnxruntime-web':
    'sha512-q0y+JrrtukXSzsBWEMccVfqX25LRmosXHF+CaRJmg8pZClzcV7svNc4rKY3jL02Vb7QmRMDs1SigqR4CXAfKYQ==',
};

/** The files of each package a runner needs: the JavaScript, and one platform's native library. */
export function nativePackages(platform: string, arch: string): PinnedPackage[] {
  const bin = `bin/napi-v6/${platform}/${arch}/`;
  return [
    {
      name: 'onnxruntime-node',
      version: ONNXRUNTIME_VERSION,
      integrity: INTEGRITY['onnxruntime-node'],
      keep: (path) => path === 'package.json' || path.startsWith('dist/') || path.startsWith(bin),
    },
    commonPackage(),
  ];
}

/** onnxruntime-web's Node build and its plain WebAssembly module (not the WebGPU/JSPI variants). */
export function wasmPackages(): PinnedPackage[] {
  const files = new Set([
    'package.json',
    'dist/ort.node.min.js',
    'dist/ort.node.min.mjs',
    'dist/ort-wasm-simd-threaded.mjs',
    'dist/ort-wasm-simd-threaded.wasm',
  ]);
  return [
    {
      name: 'onnxruntime-web',
      version: ONNXRUNTIME_VERSION,
      integrity: INTEGRITY['onnxruntime-web'],
      keep: (p) => files.has(p),
    },
    commonPackage(),
  ];
}

function commonPackage(): PinnedPackage {
  return {
    name: 'onnxruntime-common',
    version: ONNXRUNTIME_VERSION,
    integrity: INTEGRITY['onnxruntime-common'],
    keep: (path) => path === 'package.json' || path.startsWith('dist/'),
  };
}

export interface RuntimeOptions {
  platform: string;
  arch: string;
  /** The runner's tool cache (RUNNER_TOOL_CACHE); without one, nothing is installed. */
  toolCache?: string;
  registry: string;
  timeoutMs: number;
  log: (message: string) => void;
  warn: (message: string) => void;
  /** `wasm` skips the native runtime (to compare, or where the native one misbehaves). */
  prefer?: 'native' | 'wasm';
  /** Where module resolution starts (default: this module — node_modules for the CLI, the bundle's folder for an action). */
  from?: string;
  /** The packages to install (tests pin tarballs of their own). */
  packages?: { native: PinnedPackage[]; wasm: PinnedPackage[] };
}

/**
 * Finds an ONNX runtime, native first:
 * 1. onnxruntime-node from node_modules (the CLI installs it as a dependency);
 * 2. on a runner, the pinned onnxruntime-node in the tool cache, installed there on first use
 *    (one platform's files, ~46 MB on Linux x64, instead of 300 MB for all in the repository);
 * 3. onnxruntime-web's WebAssembly build — from node_modules, from the folder shipped beside the
 *    action's bundle, or from the tool cache — where no native build exists (Intel macOS) or the
 *    install failed. Slower, but the same predictions; the log says which runtime ran.
 */
export async function resolveOnnxruntime(options: RuntimeOptions): Promise<ResolvedOnnxRuntime> {
  const from = options.from ?? import.meta.url;
  const target = `${options.platform}-${options.arch}`;
  const versionRoot =
    options.toolCache && join(options.toolCache, 'modelship-onnxruntime', ONNXRUNTIME_VERSION);
  if (options.prefer !== 'wasm') {
    const local = onnxruntimeFrom(from, 'node_modules');
    if (local) return local;
    if (!NATIVE_PLATFORMS.includes(target)) {
      options.warn(
        `onnxruntime-node has no native build for ${target}: using onnxruntime-web (WebAssembly), which is slower`,
      );
    } else if (versionRoot) {
      try {
        const { folder, installed } = await installNpmPackages(
          join(versionRoot, target),
          options.packages?.native ?? nativePackages(options.platform, options.arch),
          options,
        );
        const cached = onnxruntimeFrom(join(folder, 'index.js'), `tool cache ${folder}`);
        if (!cached) throw new Error(`the installed onnxruntime-node in ${folder} does not load`);
        options.log(
          `onnxruntime-node ${cached.version} ${installed ? 'installed into' : 'found in'} the tool cache (${folder})`,
        );
        return cached;
      } catch (error) {
        options.warn(
          `onnxruntime-node could not be installed: ${(error as Error).message}. Using onnxruntime-web (WebAssembly) instead, which is slower`,
        );
      }
    }
  }
  const web = onnxruntimeWebFrom(from, 'node_modules') ?? shippedWasm(from);
  if (web) return web;
  if (versionRoot) {
    const { folder } = await installNpmPackages(
      join(versionRoot, 'wasm'),
      options.packages?.wasm ?? wasmPackages(),
      options,
    );
    const cached = onnxruntimeWebFrom(join(folder, 'index.js'), `tool cache ${folder}`);
    if (cached) return cached;
  }
  throw new Error(
    'no ONNX runtime is available: onnxruntime-node is not installed for this platform and onnxruntime-web was not found (install the modelship package with its dependencies)',
  );
}

/**
 * Where an action's bundle ships onnxruntime-web: `dist/onnxruntime-wasm/node_modules/…`. This
 * module may be the entry itself or one of its chunks (`dist/chunks/…`), so both folders are tried.
 */
function shippedWasm(from: string): ResolvedOnnxRuntime | undefined {
  const file = from.startsWith('file:') ? fileURLToPath(from) : from;
  for (const folder of [dirname(file), dirname(dirname(file))]) {
    const found = onnxruntimeWebFrom(join(folder, 'onnxruntime-wasm', 'index.js'), 'the action');
    if (found) return found;
  }
  return undefined;
}

export function onnxruntimeWebFrom(from: string, origin: string): ResolvedOnnxRuntime | undefined {
  const require = createRequire(from);
  const name = ['onnxruntime', 'web'].join('-');
  try {
    const api = require(name) as OnnxRuntimeApi;
    // Its package.json is not among the package's exports; the API says its version.
    return { api, kind: 'wasm', version: api.env.versions?.web ?? 'unknown', origin };
  } catch {
    return undefined;
  }
}
