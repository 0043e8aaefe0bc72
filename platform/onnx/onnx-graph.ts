import { UserError } from '../../core/errors.js';
import type {
  ElementType,
  ModelDescription,
  OutputDescription,
  TensorDescription,
} from '../../jobs/ports/model-runtime.js';
import {
  all,
  bytesField,
  concat,
  first,
  int64,
  int64s,
  payload,
  readMessage,
  text,
  varintField,
  WireFormatError,
  type WireField,
} from './protobuf-wire.js';

/** Field numbers of onnx.proto that we read (ModelProto, GraphProto, NodeProto, …). */
const MODEL = { irVersion: 1, graph: 7 } as const;
const GRAPH = { node: 1, initializer: 5, input: 11, output: 12 } as const;
const NODE = { input: 1, output: 2, opType: 4, attribute: 5 } as const;
const ATTRIBUTE = { name: 1, ints: 8, strings: 9 } as const;
const VALUE_INFO = { name: 1, type: 2 } as const;
const TYPE = { tensor: 1, sequence: 4, map: 5 } as const;
const TENSOR_TYPE = { elemType: 1, shape: 2 } as const;
const DIM = { value: 1, param: 2 } as const;

/** onnx.TensorProto.DataType → the element types we feed and read. */
const ELEMENT_TYPES: Record<number, ElementType> = {
  1: 'float32',
  2: 'uint8',
  3: 'int8',
  6: 'int32',
  7: 'int64',
  8: 'string',
  9: 'bool',
  11: 'float64',
};
const FLOAT = 1;

const CLASS_ATTRIBUTES = ['classlabels_ints', 'classlabels_int64s', 'classlabels_strings'];

export interface ParsedModel {
  description: ModelDescription;
  /** The bytes a runtime loads: the file's, with ZipMap outputs replaced by their probability tensors. */
  runnable: Uint8Array;
}

/**
 * Reads an ONNX model's inputs and outputs from its bytes, and rewrites what onnxruntime cannot
 * return: a ZipMap's output (a sequence of maps, the probabilities convention of scikit-learn's
 * converters) is not a tensor, and onnxruntime-node refuses to run a session that fetches it. The
 * ZipMap node only re-labels its input, so it is dropped and its input — the rows × classes
 * probability tensor — becomes the output, with the ZipMap's class labels kept in the description.
 */
export function parseOnnxModel(bytes: Uint8Array, name: string): ParsedModel {
  let model: WireField[];
  let graph: WireField[];
  try {
    model = readMessage(bytes);
    const graphField = first(model, MODEL.graph);
    if (!first(model, MODEL.irVersion) || !graphField) throw new WireFormatError('no ir_version or no graph');
    graph = readMessage(payload(graphField));
  } catch (error) {
    if (!(error instanceof WireFormatError)) throw error;
    throw new UserError(
      'input',
      `not an ONNX model, or the file is cut short (${error.message}); export the model again (e.g. with skl2onnx or torch.onnx) and check the file was copied whole`,
      { file: name },
    );
  }
  const nodes = all(graph, GRAPH.node).map((f) => readNode(payload(f)));
  const initializers = new Set(
    all(graph, GRAPH.initializer).map((f) => text(first(readMessage(payload(f)), 8)!)),
  );
  const producers = new Map<string, Node>();
  for (const node of nodes) for (const output of node.outputs) producers.set(output, node);
  const consumed = new Set(nodes.flatMap((n) => n.inputs));

  const inputs: TensorDescription[] = [];
  for (const field of all(graph, GRAPH.input)) {
    const info = readValueInfo(payload(field));
    if (initializers.has(info.name)) continue; // IR < 4 lists weights among the inputs
    if (info.kind !== 'tensor' || info.type === undefined)
      throw new UserError(
        'input',
        `the model's input "${info.name}" is not a tensor of numbers, strings or booleans (${info.kind}); Modelship feeds tensors only`,
        { file: name, field: info.name },
      );
    inputs.push({ name: info.name, type: info.type, shape: info.shape });
  }

  const outputs: OutputDescription[] = [];
  const outputFields: Uint8Array[] = [];
  const zipMaps = new Set<Node>();
  for (const field of all(graph, GRAPH.output)) {
    const info = readValueInfo(payload(field));
    const producer = producers.get(info.name);
    if (producer?.opType === 'ZipMap' && !consumed.has(info.name) && producer.inputs[0] !== undefined) {
      // The probability tensor takes the ZipMap output's place (once, if it is an output already).
      const probabilities = producer.inputs[0];
      zipMaps.add(producer);
      const classes = producer.classes ?? [];
      if (!outputs.some((o) => o.name === probabilities)) {
        const source = producers.get(probabilities);
        outputs.push({
          name: probabilities,
          type: 'float32',
          shape: [null, classes.length],
          classes,
          convention: 'probability-map',
          ...(source ? { producer: source.opType } : {}),
        });
        outputFields.push(bytesField(GRAPH.output, floatMatrixInfo(probabilities, classes.length)));
      }
      continue;
    }
    outputFields.push(field.raw);
    // Other non-tensor outputs (a sequence of tensors…) are never fetched.
    if (info.kind !== 'tensor' || info.type === undefined) continue;
    outputs.push({
      name: info.name,
      type: info.type,
      shape: info.shape,
      ...(producer ? { producer: producer.opType } : {}),
      ...(producer?.classes ? { classes: producer.classes } : {}),
    });
  }
  const description = { name, inputs, outputs };
  if (zipMaps.size === 0) return { description, runnable: bytes };

  const keptGraph = graph
    .filter((f) => f.number !== GRAPH.output)
    .filter((f) => {
      if (f.number !== GRAPH.node) return true;
      return ![...zipMaps].some((z) => z.raw === f.value);
    });
  // Node fields were parsed from these exact subarrays, so identity finds the ZipMaps' fields.
  const newGraph = concat([...keptGraph.map((f) => f.raw), ...outputFields]);
  const runnable = concat([
    ...model.filter((f) => f.number !== MODEL.graph).map((f) => f.raw),
    bytesField(MODEL.graph, newGraph),
  ]);
  return { description, runnable };
}

interface Node {
  raw: Uint8Array;
  opType: string;
  inputs: string[];
  outputs: string[];
  classes?: string[];
}

function readNode(bytes: Uint8Array): Node {
  const fields = readMessage(bytes);
  const opType = first(fields, NODE.opType);
  const node: Node = {
    raw: bytes,
    opType: opType ? text(opType) : '',
    inputs: all(fields, NODE.input).map(text),
    outputs: all(fields, NODE.output).map(text),
  };
  for (const field of all(fields, NODE.attribute)) {
    const attribute = readMessage(payload(field));
    const attributeName = text(first(attribute, ATTRIBUTE.name)!);
    if (!CLASS_ATTRIBUTES.includes(attributeName)) continue;
    node.classes = attributeName.endsWith('strings')
      ? all(attribute, ATTRIBUTE.strings).map(text)
      : int64s(attribute, ATTRIBUTE.ints).map(String);
  }
  return node;
}

interface ValueInfo {
  name: string;
  kind: 'tensor' | 'sequence' | 'map' | 'other';
  type?: ElementType;
  shape: (number | string | null)[];
}

function readValueInfo(bytes: Uint8Array): ValueInfo {
  const fields = readMessage(bytes);
  const name = text(first(fields, VALUE_INFO.name)!);
  const typeField = first(fields, VALUE_INFO.type);
  const type = typeField ? readMessage(payload(typeField)) : [];
  const tensorField = first(type, TYPE.tensor);
  if (!tensorField) {
    const kind = first(type, TYPE.sequence) ? 'sequence' : first(type, TYPE.map) ? 'map' : 'other';
    return { name, kind, shape: [] };
  }
  const tensor = readMessage(payload(tensorField));
  const elem = first(tensor, TENSOR_TYPE.elemType);
  const shapeField = first(tensor, TENSOR_TYPE.shape);
  const shape = shapeField
    ? all(readMessage(payload(shapeField)), 1).map((d) => {
        const dim = readMessage(payload(d));
        const value = first(dim, DIM.value);
        if (value) return Number(int64(value));
        const param = first(dim, DIM.param);
        return param ? text(param) : null;
      })
    : [];
  const elementType = elem ? ELEMENT_TYPES[Number(int64(elem))] : undefined;
  return { name, kind: 'tensor', shape, ...(elementType ? { type: elementType } : {}) };
}

/** ValueInfoProto of a float tensor [N, columns]. */
function floatMatrixInfo(name: string, columns: number): Uint8Array {
  const shape = concat([
    bytesField(1, bytesField(DIM.param, 'N')),
    bytesField(1, varintField(DIM.value, columns)),
  ]);
  const tensor = concat([varintField(TENSOR_TYPE.elemType, FLOAT), bytesField(TENSOR_TYPE.shape, shape)]);
  return concat([
    bytesField(VALUE_INFO.name, name),
    bytesField(VALUE_INFO.type, bytesField(TYPE.tensor, tensor)),
  ]);
}
