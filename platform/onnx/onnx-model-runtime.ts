import { UserError } from '../../core/errors.js';
import type {
  ElementType,
  LoadedModel,
  ModelRuntime,
  Tensor,
  TensorData,
} from '../../jobs/ports/model-runtime.js';
import type { Place } from '../data/dataset-worker-protocol.js';
import { resolveDataFiles } from '../resolve-data-files.js';
import type { OrtTensor, ResolvedOnnxRuntime } from './onnxruntime-api.js';
import { parseOnnxModel } from './onnx-graph.js';

/**
 * The model-runtime port on onnxruntime (native or WebAssembly, same API), on the CPU. Models are
 * read whole from a local path or `s3://`; the runtime gets the bytes, never a path, so a model
 * behaves the same wherever it came from.
 */
export function onnxModelRuntime(runtime: ResolvedOnnxRuntime, place: Place, threads?: number): ModelRuntime {
  const { api } = runtime;
  return {
    description: `onnxruntime-${runtime.kind === 'native' ? 'node' : 'web'} ${runtime.version} (${runtime.kind === 'native' ? 'native' : 'WebAssembly'}, ${runtime.origin})`,
    async load(location) {
      const bytes = await readModelBytes(location, place);
      const { description, runnable } = parseOnnxModel(bytes, location);
      let session;
      try {
        session = await api.InferenceSession.create(runnable, {
          executionProviders: ['cpu'],
          graphOptimizationLevel: 'all',
          // The arena keeps the largest batch's buffers for the session's life; plain allocations
          // return memory between batches (peak RSS matters more than a malloc per batch).
          enableCpuMemArena: false,
          logSeverityLevel: 3,
          ...(threads !== undefined && runtime.kind === 'native'
            ? { intraOpNumThreads: threads, interOpNumThreads: 1 }
            : {}),
          // Idle pool threads that spin for work take the CPU the data reader threads need.
          extra: { session: { intra_op: { allow_spinning: '0' }, inter_op: { allow_spinning: '0' } } },
        });
      } catch (error) {
        throw new UserError(
          'input',
          `onnxruntime cannot load the model: ${(error as Error).message}`.trim(),
          { file: location },
        );
      }
      const loaded: LoadedModel = {
        ...description,
        async run(feeds, outputs) {
          const ortFeeds: Record<string, OrtTensor> = {};
          for (const [name, tensor] of Object.entries(feeds))
            ortFeeds[name] = new api.Tensor(ORT_TYPE[tensor.type], tensor.data, tensor.dims);
          const fetched = await session.run(ortFeeds, outputs ?? description.outputs.map((o) => o.name));
          const result: Record<string, Tensor> = {};
          for (const [name, tensor] of Object.entries(fetched)) result[name] = fromOrt(tensor);
          return result;
        },
        close: () => session.release(),
      };
      return loaded;
    },
  };
}

const ORT_TYPE: Record<ElementType, string> = {
  float32: 'float32',
  float64: 'float64',
  int64: 'int64',
  int32: 'int32',
  int8: 'int8',
  uint8: 'uint8',
  bool: 'bool',
  string: 'string',
};

function fromOrt(tensor: OrtTensor): Tensor {
  const type = (Object.keys(ORT_TYPE) as ElementType[]).find((t) => ORT_TYPE[t] === tensor.type);
  if (!type)
    throw new Error(`onnxruntime returned a tensor of type ${tensor.type}, which Modelship does not read`);
  return { type, dims: [...tensor.dims], data: tensor.data as TensorData };
}

async function readModelBytes(location: string, place: Place): Promise<Uint8Array> {
  const files = await resolveDataFiles(location, place);
  if (files.length !== 1)
    throw new UserError('input', `names ${files.length} files; a model is one .onnx file`, {
      file: location,
    });
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of files[0]!.stream()) {
    chunks.push(chunk);
    size += chunk.length;
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}
