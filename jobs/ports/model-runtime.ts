/**
 * Loads a model file and runs it. The job sees only plain tensors and the model's declared inputs
 * and outputs; which runtime runs it (onnxruntime-node, or its WebAssembly build) is the platform's
 * business, and so are formats the runtime cannot return (a ZipMap's sequence of maps arrives as the
 * probability tensor it was built from).
 */

export type ElementType = 'float32' | 'float64' | 'int64' | 'int32' | 'int8' | 'uint8' | 'bool' | 'string';

export type TensorData =
  Float32Array | Float64Array | BigInt64Array | Int32Array | Int8Array | Uint8Array | string[];

export interface Tensor {
  type: ElementType;
  /** Row-major dimensions. */
  dims: readonly number[];
  data: TensorData;
}

export interface TensorDescription {
  name: string;
  type: ElementType;
  /** A number for a fixed dimension, a name (or null) for a free one such as the batch size. */
  shape: readonly (number | string | null)[];
}

export interface OutputDescription extends TensorDescription {
  /** The operator that produces the output (`Sigmoid`, `Softmax`, `LinearClassifier`, …). */
  producer?: string;
  /** Class labels the producer declares (a classifier's or a ZipMap's), in the order of its columns. */
  classes?: string[];
  /**
   * `probability-map`: the model declared this output as a sequence of maps (ZipMap); it is
   * returned as the row-major rows × classes tensor of the probabilities the maps held.
   */
  convention?: 'probability-map';
}

export interface ModelDescription {
  /** The file, as messages name it. */
  name: string;
  inputs: TensorDescription[];
  outputs: OutputDescription[];
}

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
