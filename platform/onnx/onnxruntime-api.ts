/**
 * The part of onnxruntime's JavaScript API (onnxruntime-common, shared by onnxruntime-node and
 * onnxruntime-web) that Modelship calls. Declared here rather than imported, so the module that
 * provides it can be resolved at run time: from node_modules, the runner's tool cache, or the
 * WebAssembly build.
 */
export interface OrtTensor {
  readonly type: string;
  readonly dims: readonly number[];
  readonly data: unknown;
}

export interface OrtSession {
  run(feeds: Record<string, OrtTensor>, fetches?: readonly string[]): Promise<Record<string, OrtTensor>>;
  release(): Promise<void>;
}

export interface OrtSessionOptions {
  executionProviders?: string[];
  graphOptimizationLevel?: 'disabled' | 'basic' | 'extended' | 'all';
  enableCpuMemArena?: boolean;
  intraOpNumThreads?: number;
  interOpNumThreads?: number;
  logSeverityLevel?: 0 | 1 | 2 | 3 | 4;
  /** Session configuration entries, e.g. `{ session: { intra_op: { allow_spinning: '0' } } }`. */
  extra?: Record<string, unknown>;
}

export interface OnnxRuntimeApi {
  InferenceSession: { create(model: Uint8Array, options?: OrtSessionOptions): Promise<OrtSession> };
  Tensor: new (type: string, data: unknown, dims: readonly number[]) => OrtTensor;
  env: {
    logLevel?: string;
    /** `{ common, node }` or `{ common, web }`: the versions of the loaded packages. */
    versions?: Record<string, string>;
    wasm?: { numThreads?: number; wasmBinary?: ArrayBufferLike | Uint8Array; wasmPaths?: unknown };
  };
}

/** A resolved runtime: the API and what it is, for the log and the report. */
export interface ResolvedOnnxRuntime {
  api: OnnxRuntimeApi;
  /** `native` (onnxruntime-node) or `wasm` (onnxruntime-web). */
  kind: 'native' | 'wasm';
  version: string;
  /** Where it was loaded from, e.g. `node_modules`, `tool cache /opt/hostedtoolcache/…`. */
  origin: string;
}
