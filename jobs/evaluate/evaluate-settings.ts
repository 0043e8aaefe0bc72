import type { SliceSpec } from '../../core/evaluate/slice-groups.js';
import { UserError } from '../../core/errors.js';
import type { Task } from '../../core/metrics/predictions.js';

/** What one evaluation uses: the model, the labelled holdout, and how they map onto each other. */
export interface EvaluateSettings {
  /** The candidate model: a path or an `s3://` URI of an .onnx file. */
  model: string;
  /** The labelled holdout: a file, glob or `s3://` location (CSV, JSON Lines, Parquet). */
  data: string;
  label: string;
  /** Feature columns in the model's input order; by default every other column in file order. */
  features?: string[];
  /** Columns that identify rows, never features. */
  idColumns: string[];
  slices: SliceSpec[];
  /** A column of group membership, for the fairness differences (binary models). */
  sensitive?: string;
  task?: Task;
  positiveLabel?: string;
  threshold?: number;
  missing: 'error' | 'drop';
  /** Rows timed one at a time after warm-up, for the latency percentiles. */
  latencySample: number;
  /** Where to write the JSON result, if anywhere (never over an input). */
  output?: string;
}

/**
 * The `evaluate:` section of .github/modelship.yml, as its schema (core/config) reads it; every
 * key optional here so that a configuration without the section resolves too.
 */
export interface EvaluateSection {
  label?: string;
  features?: string[];
  'id-columns'?: string[];
  slices?: SliceSpec[];
  sensitive?: string;
  task?: Task;
  'positive-label'?: string | number;
  threshold?: number;
  missing?: 'error' | 'drop';
  'latency-sample'?: number;
}

/** What an adapter may set explicitly: CLI flags, action inputs. */
export interface EvaluateOverrides {
  model?: string;
  data?: string;
  label?: string;
  task?: Task;
  positiveLabel?: string;
  threshold?: number;
  missing?: 'error' | 'drop';
  output?: string;
}

export const DEFAULT_LATENCY_SAMPLE = 200;

/** Explicit overrides win over the config file's `evaluate:` section; the CLI and the action resolve alike. */
export function resolveEvaluateSettings(
  section: EvaluateSection | undefined,
  overrides: EvaluateOverrides,
  names: { model: string; data: string; label: string },
  configFile: string,
): EvaluateSettings {
  const config = section ?? {};
  const label = overrides.label ?? config.label;
  const need = (value: string | undefined, what: 'model' | 'data' | 'label', hint: string): string => {
    if (value !== undefined) return value;
    throw new UserError('usage', `no ${what} given: pass ${names[what]}${hint}`, { field: names[what] });
  };
  const positive = overrides.positiveLabel ?? config['positive-label'];
  const task = overrides.task ?? config.task;
  const threshold = overrides.threshold ?? config.threshold;
  const output = overrides.output;
  return {
    model: need(overrides.model, 'model', ''),
    data: need(overrides.data, 'data', ''),
    label: need(label, 'label', `, or set evaluate.label in ${configFile}`),
    ...(config.features ? { features: config.features } : {}),
    idColumns: config['id-columns'] ?? [],
    slices: config.slices ?? [],
    ...(config.sensitive ? { sensitive: config.sensitive } : {}),
    ...(task ? { task } : {}),
    ...(positive !== undefined ? { positiveLabel: String(positive) } : {}),
    ...(threshold !== undefined ? { threshold } : {}),
    missing: overrides.missing ?? config.missing ?? 'error',
    latencySample: config['latency-sample'] ?? DEFAULT_LATENCY_SAMPLE,
    ...(output !== undefined ? { output } : {}),
  };
}
