import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runScipy } from './scipy.js';

/**
 * Real ONNX models, built at test time with Debian's python3-onnx (`onnx.helper`) and checked by
 * onnx's own checker; never committed. Each follows a convention of the common converters:
 * - `sigmoid`: logistic regression as MatMul + Add + Sigmoid → `probability` [N, 1];
 * - `classifier` / `classifier-zipmap`: ai.onnx.ml LinearClassifier (scikit-learn's binary
 *   logistic regression as skl2onnx writes it: `label` + probabilities, the latter as a tensor or
 *   as a ZipMap's sequence of maps); `classifier-strings`: the same with string class labels;
 * - `softmax`: multiclass MatMul + Add + Softmax → `probabilities` [N, classes];
 * - `multiclass-zipmap`: a 3-class LinearClassifier with ZipMap;
 * - `regressor`: ai.onnx.ml LinearRegressor → `variable` [N, 1];
 * - `per-column`: one [N, 1] input per column (named after the columns), Concat, then MatMul + Add.
 */
export interface ModelSpec {
  /** Row-major features × outputs weights (one output for the binary and regression models). */
  weights: number[][];
  bias: number[];
  /** Input names of the per-column model (one per feature). */
  columns?: string[];
  /** Class labels of the classifiers. */
  classes?: (string | number)[];
}

export const MODEL_KINDS = [
  'sigmoid',
  'classifier',
  'classifier-zipmap',
  'classifier-strings',
  'softmax',
  'multiclass-zipmap',
  'regressor',
  'per-column',
  'float64-sigmoid',
] as const;
export type ModelKind = (typeof MODEL_KINDS)[number];

const SCRIPT = `
import onnx
import onnx.numpy_helper
from onnx import helper as h, TensorProto as T
import numpy as np

def zipmap_type(key):
    t = onnx.TypeProto()
    t.sequence_type.elem_type.map_type.key_type = key
    t.sequence_type.elem_type.map_type.value_type.tensor_type.elem_type = T.FLOAT
    return t

def save(nodes, inputs, outputs, path, initializers=()):
    g = h.make_graph(nodes, 'modelship-test', inputs, outputs, list(initializers))
    m = h.make_model(g, opset_imports=[h.make_opsetid('', 13), h.make_opsetid('ai.onnx.ml', 1)])
    m.ir_version = 8
    onnx.checker.check_model(m)
    onnx.save(m, path)

def classifier(spec, path, zipmap, strings):
    W = np.array(spec['weights'], dtype=np.float64)  # features x 1
    features = W.shape[0]
    labels = spec.get('classes') or [0, 1]
    if W.shape[1] == 1:
        coefficients = np.concatenate([-W[:, 0], W[:, 0]]).tolist()  # skl2onnx's binary layout
        intercepts = [-spec['bias'][0], spec['bias'][0]]
        # LOGISTIC then L1 normalisation gives [1 - p, p], as skl2onnx converts LogisticRegression.
        post = 'LOGISTIC'
    else:
        coefficients = W.T.flatten().tolist()
        intercepts = spec['bias']
        post = 'SOFTMAX'
    attrs = dict(coefficients=coefficients, intercepts=intercepts, post_transform=post)
    if strings:
        attrs['classlabels_strings'] = [str(c) for c in labels]
    else:
        attrs['classlabels_ints'] = [int(c) for c in labels]
    nodes = [h.make_node('LinearClassifier', ['X'], ['label', 'raw_scores'], domain='ai.onnx.ml', **attrs)]
    if W.shape[1] == 1:
        nodes.append(h.make_node('Normalizer', ['raw_scores'], ['probability_tensor'], domain='ai.onnx.ml', norm='L1'))
    else:
        nodes.append(h.make_node('Identity', ['raw_scores'], ['probability_tensor']))
    label_type = T.STRING if strings else T.INT64
    outputs = [h.make_tensor_value_info('label', label_type, [None])]
    if zipmap:
        z = dict(classlabels_strings=[str(c) for c in labels]) if strings else dict(classlabels_int64s=[int(c) for c in labels])
        nodes.append(h.make_node('ZipMap', ['probability_tensor'], ['output_probability'], domain='ai.onnx.ml', **z))
        outputs.append(h.make_value_info('output_probability', zipmap_type(T.STRING if strings else T.INT64)))
    else:
        outputs.append(h.make_tensor_value_info('probability_tensor', T.FLOAT, [None, len(labels)]))
    save(nodes, [h.make_tensor_value_info('X', T.FLOAT, [None, features])], outputs, path)

def linear(spec, path, activation, elem=T.FLOAT, dtype=np.float32, output='probability'):
    W = np.array(spec['weights'], dtype=dtype)
    b = np.array(spec['bias'], dtype=dtype)
    inits = [onnx.numpy_helper.from_array(W, 'W'), onnx.numpy_helper.from_array(b, 'B')]
    nodes = [h.make_node('MatMul', ['X', 'W'], ['xw']), h.make_node('Add', ['xw', 'B'], ['z'])]
    if activation:
        nodes.append(h.make_node(activation, ['z'], [output], **({'axis': 1} if activation == 'Softmax' else {})))
    else:
        nodes[-1] = h.make_node('Add', ['xw', 'B'], [output])
    save(nodes, [h.make_tensor_value_info('X', elem, [None, W.shape[0]])],
         [h.make_tensor_value_info(output, elem, [None, W.shape[1]])], path, inits)

def per_column(spec, path):
    W = np.array(spec['weights'], dtype=np.float32)
    b = np.array(spec['bias'], dtype=np.float32)
    inits = [onnx.numpy_helper.from_array(W, 'W'), onnx.numpy_helper.from_array(b, 'B')]
    cols = spec['columns']
    nodes = [h.make_node('Concat', cols, ['X'], axis=1), h.make_node('MatMul', ['X', 'W'], ['xw']),
             h.make_node('Add', ['xw', 'B'], ['prediction'])]
    save(nodes, [h.make_tensor_value_info(c, T.FLOAT, [None, 1]) for c in cols],
         [h.make_tensor_value_info('prediction', T.FLOAT, [None, 1])], path, inits)

def regressor(spec, path):
    W = np.array(spec['weights'], dtype=np.float64)
    nodes = [h.make_node('LinearRegressor', ['X'], ['variable'], domain='ai.onnx.ml',
                         coefficients=W[:, 0].tolist(), intercepts=spec['bias'], targets=1)]
    save(nodes, [h.make_tensor_value_info('X', T.FLOAT, [None, W.shape[0]])],
         [h.make_tensor_value_info('variable', T.FLOAT, [None, 1])], path)

kind, spec, path = data['kind'], data['spec'], data['path']
if kind == 'sigmoid': linear(spec, path, 'Sigmoid')
elif kind == 'float64-sigmoid': linear(spec, path, 'Sigmoid', T.DOUBLE, np.float64)
elif kind == 'softmax': linear(spec, path, 'Softmax', output='probabilities')
elif kind == 'classifier': classifier(spec, path, False, False)
elif kind == 'classifier-zipmap': classifier(spec, path, True, False)
elif kind == 'classifier-strings': classifier(spec, path, True, True)
elif kind == 'multiclass-zipmap': classifier(spec, path, True, False)
elif kind == 'regressor': regressor(spec, path)
elif kind == 'per-column': per_column(spec, path)
result = path
`;

/** Builds a model of `kind` into a fresh temporary folder and returns its path. */
export function buildModel(kind: ModelKind, spec: ModelSpec, dir?: string): string {
  const folder = dir ?? mkdtempSync(join(tmpdir(), 'modelship-onnx-'));
  const path = join(folder, `${kind}.onnx`);
  runScipy(SCRIPT, { kind, spec, path });
  return path;
}
