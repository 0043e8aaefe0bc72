import { createRequire } from 'node:module';
import type { OnnxRuntimeApi, ResolvedOnnxRuntime } from './onnxruntime-api.js';

/** The onnxruntime-node version Modelship is built and tested with (package.json pins the same). */
export const ONNXRUNTIME_VERSION = '1.30.0';

/**
 * onnxruntime-node as the CLI has it: installed next to Modelship in node_modules. Undefined when
 * it is not there (a bundled action) or has no native build for this platform (Intel macOS).
 * `from` is where resolution starts: a module of Modelship, or a tool-cache folder.
 */
export function onnxruntimeFrom(from: string, origin: string): ResolvedOnnxRuntime | undefined {
  const require = createRequire(from);
  let api: OnnxRuntimeApi;
  let version: string;
  try {
    // The require is computed so that a bundler leaves it alone: the package cannot be bundled.
    const name = ['onnxruntime', 'node'].join('-');
    api = require(name) as OnnxRuntimeApi;
    version = (require(`${name}/package.json`) as { version: string }).version;
  } catch {
    return undefined;
  }
  return { api, kind: 'native', version, origin };
}
