import { UserError } from '../../core/errors.js';
import { httpUrl } from '../http-url.js';

/** Where the ONNX runtime may come from, read from the environment once for every entry kind. */
export interface OnnxRuntimeEnvironment {
  /** RUNNER_TOOL_CACHE: where a runner keeps tools between steps (and, on self-hosted runners, jobs). */
  toolCache?: string;
  /** The npm registry the pinned onnxruntime-node is downloaded from (MODELSHIP_NPM_REGISTRY, else npm_config_registry). */
  registry: string;
  /** MODELSHIP_ONNXRUNTIME=wasm runs the WebAssembly build even where a native one exists. */
  prefer?: 'native' | 'wasm';
}

export const DEFAULT_NPM_REGISTRY = 'https://registry.npmjs.org';

export function onnxRuntimeEnvironment(env: NodeJS.ProcessEnv): OnnxRuntimeEnvironment {
  const registry = env.MODELSHIP_NPM_REGISTRY || env.npm_config_registry || DEFAULT_NPM_REGISTRY;
  if (!httpUrl(registry))
    throw new UserError('input', `the npm registry "${registry}" is not an http(s) URL`, {
      field: env.MODELSHIP_NPM_REGISTRY ? 'MODELSHIP_NPM_REGISTRY' : 'npm_config_registry',
    });
  const prefer = env.MODELSHIP_ONNXRUNTIME;
  if (prefer !== undefined && prefer !== '' && prefer !== 'native' && prefer !== 'wasm')
    throw new UserError('input', `MODELSHIP_ONNXRUNTIME must be "native" or "wasm", not "${prefer}"`, {
      field: 'MODELSHIP_ONNXRUNTIME',
    });
  return {
    ...(env.RUNNER_TOOL_CACHE ? { toolCache: env.RUNNER_TOOL_CACHE } : {}),
    registry,
    ...(prefer ? { prefer } : {}),
  };
}
