/**
 * Tensors as the evaluation sees them, whatever runtime runs the model: plain typed arrays with
 * their dimensions, and the model's declared inputs and outputs.
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

/** `[N, 20]`, `[batch, 1]`: a shape as messages print it. */
export function formatShape(shape: TensorDescription['shape']): string {
  return `[${shape.map((d) => (typeof d === 'number' ? String(d) : (d ?? 'N'))).join(', ')}]`;
}
