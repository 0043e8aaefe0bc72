import { availableParallelism } from 'node:os';
import type { ModelRuntime } from '../../jobs/ports/model-runtime.js';
import type { OnnxRuntimeEnvironment } from '../context/onnx-runtime-environment.js';
import type { Place } from '../data/dataset-worker-protocol.js';
import { onnxModelRuntime } from './onnx-model-runtime.js';
import { resolveOnnxruntime } from './resolve-onnxruntime.js';

/** A download that receives nothing for this long fails (and the WebAssembly build takes over). */
const IDLE_TIMEOUT_MS = 60_000;

/**
 * The model-runtime port for an entry point: the ONNX runtime resolved for this machine (see
 * resolveOnnxruntime), models read from the entry's place (local paths, `s3://`).
 */
export async function openModelRuntime(
  env: OnnxRuntimeEnvironment,
  place: Place,
  log: { info: (message: string) => void; warn: (message: string) => void },
): Promise<ModelRuntime> {
  const runtime = await resolveOnnxruntime({
    platform: process.platform,
    arch: process.arch,
    ...(env.toolCache ? { toolCache: env.toolCache } : {}),
    registry: env.registry,
    timeoutMs: IDLE_TIMEOUT_MS,
    ...(env.prefer ? { prefer: env.prefer } : {}),
    log: log.info,
    warn: log.warn,
  });
  // The holdout is parsed on two threads of its own (reader and CSV decoder): the model gets the rest
  // of the cores, at least one. A model cheap enough for that is also fastest on one row alone.
  return onnxModelRuntime(runtime, place, Math.max(1, availableParallelism() - 2));
}
