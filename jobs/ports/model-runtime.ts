/**
 * Loads a model file and runs it. The job sees only plain tensors and the model's declared inputs
 * and outputs; which runtime runs it (onnxruntime-node, or its WebAssembly build) is the platform's
 * business, and so are formats the runtime cannot return (a ZipMap's sequence of maps arrives as the
 * probability tensor it was built from).
 */

import type { ModelDescription, Tensor } from '../../core/evaluate/tensor.js';

export type {
  ElementType,
  ModelDescription,
  OutputDescription,
  Tensor,
  TensorData,
  TensorDescription,
} from '../../core/evaluate/tensor.js';

export interface LoadedModel extends ModelDescription {
  /** Runs the model on one batch; returns the named outputs (default: all). */
  run(feeds: Record<string, Tensor>, outputs?: readonly string[]): Promise<Record<string, Tensor>>;
  /** Frees the session. */
  close(): Promise<void>;
}

export interface ModelRuntime {
  /** What runs the models: e.g. `onnxruntime-node 1.30.0 (native, linux-x64)`. */
  readonly description: string;
  /**
   * Reads and loads a model (a path or an `s3://` URI). A file that is not a model, or is cut
   * short, is a user error naming it.
   */
  load(location: string): Promise<LoadedModel>;
}
