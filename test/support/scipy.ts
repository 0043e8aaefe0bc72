import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { missingPackage, pythonModulePackage, requireCommand } from './system-package.js';

/**
 * Debian's Python, which has scipy 1.10, numpy and mpmath (python3-scipy, python3-numpy,
 * python3-mpmath in scripts/system-deps.sh); the `python3` first on PATH (pyenv) has no scipy.
 */
export const PYTHON = '/usr/bin/python3';

// Runs the snippet with `data` (the JSON input) and `arrays` (numpy float64 arrays read from raw
// files) in scope; the snippet assigns `result`. Non-finite floats travel as 'nan'/'inf'/'-inf'
// strings because JSON has no literal for them; numpy scalars and arrays become plain JSON.
const PRELUDE = `
import json, math, sys
import numpy as np
_input = json.load(sys.stdin)
data = _input['data']
arrays = {name: np.fromfile(path, dtype='<f8') for name, path in _input['arrays'].items()}
result = None
`;
const EPILOGUE = `
def _plain(value):
    if isinstance(value, np.ndarray):
        return _plain(value.tolist())
    if isinstance(value, np.generic):
        return _plain(value.item())
    if isinstance(value, float):
        if math.isnan(value): return 'nan'
        if math.isinf(value): return 'inf' if value > 0 else '-inf'
        return value
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value
sys.stdout.write(json.dumps(_plain(result), allow_nan=False))
`;

/**
 * Runs a Python snippet with `/usr/bin/python3` and returns what it assigned to `result`, decoded
 * from JSON. `data` is passed as JSON (variable `data`); big `Float64Array`s go as raw little-endian
 * float64 files (dict `arrays` of numpy arrays, same keys), which is fast for millions of values.
 * Call it once per test file with every case batched: a Python start with scipy costs ~0.3 s.
 * Throws with Python's stderr when the snippet fails.
 */
export function runScipy(
  script: string,
  data: unknown,
  arrays: Readonly<Record<string, Float64Array>> = {},
): unknown {
  const names = Object.keys(arrays);
  const folder = names.length > 0 ? mkdtempSync(join(tmpdir(), 'modelship-scipy-')) : undefined;
  try {
    const paths: Record<string, string> = {};
    for (const name of names) {
      const values = arrays[name]!;
      const path = join(folder!, `${names.indexOf(name)}.f64`);
      writeFileSync(path, new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
      paths[name] = path;
    }
    requireCommand(PYTHON, 'python3');
    const run = spawnSync(PYTHON, ['-c', `${PRELUDE}\n${script}\n${EPILOGUE}`], {
      input: JSON.stringify({ data, arrays: paths }),
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    });
    if (run.error) throw run.error;
    if (run.status !== 0) {
      // A fresh machine lacks a module more often than a snippet is wrong: say what to install.
      // (A missing submodule, `scipy.nope`, is a wrong snippet, not a missing package.)
      const missing = /ModuleNotFoundError: No module named '([^'.]+)'/.exec(run.stderr);
      if (missing) throw missingPackage(`Python module ${missing[1]}`, pythonModulePackage(missing[1]!));
      throw new Error(`Python reference snippet failed:\n${run.stderr}`);
    }
    return JSON.parse(run.stdout, (_key, value: unknown) =>
      value === 'nan' ? NaN : value === 'inf' ? Infinity : value === '-inf' ? -Infinity : value,
    );
  } finally {
    if (folder) rmSync(folder, { recursive: true, force: true });
  }
}
