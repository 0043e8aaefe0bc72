import { DEFAULT_CONFIG_PATH, type ModelshipConfig } from '../../core/config/modelship-config-schema.js';
import { UserError } from '../../core/errors.js';
import { comparesWithProduction, metricRules, type MetricRule } from '../../core/gate/metric-rule.js';
import type { ModelPair } from './gate-ports.js';

/** Where the candidate's and production's metrics come from. */
export type GateInputs =
  { kind: 'metrics'; candidate: string; baseline?: string } | ({ kind: 'models' } & ModelPair);

/** What one gate run uses, after explicit overrides win over the config file's `gate:` section. */
export interface GateSettings {
  name: string;
  rules: MetricRule[];
  inputs: GateInputs;
  resamples: number;
  seed: number;
  checkName: string;
  /** Keep the pull request comment (when the run belongs to a pull request). */
  comment: boolean;
  /** The configuration file the rules came from: named in errors, never overwritten. */
  configFile: string;
  /** Where to write the JSON report, if anywhere. */
  report?: string;
}

/** What an adapter may set explicitly: CLI flags, action inputs. */
export interface GateOverrides {
  candidate?: string;
  baseline?: string;
  model?: string;
  baselineModel?: string;
  data?: string;
  label?: string;
  name?: string;
  checkName?: string;
  comment?: boolean;
  report?: string;
}

/** How the adapter calls its inputs, for messages (`--candidate`, `the "candidate" input`). */
export interface GateOverrideNames {
  candidate: string;
  baseline: string;
  model?: string;
  baselineModel?: string;
  data?: string;
}

/**
 * Explicit overrides win over `.github/modelship.yml`; the CLI and the action resolve through here
 * alike. Mistakes that would make the gate judge nothing, or judge a comparison without production,
 * are refused before anything is read.
 */
export function resolveGateSettings(
  config: ModelshipConfig,
  overrides: GateOverrides,
  names: GateOverrideNames,
  configFile: string = DEFAULT_CONFIG_PATH,
): GateSettings {
  const section = config.gate;
  const rules = metricRules(section);
  if (rules.length === 0)
    throw new UserError(
      'config',
      `no gate rules: add at least one under gate.metrics, e.g. "gate: { metrics: { roc_auc: { threshold: 0.8 } } }"`,
      { file: configFile, field: 'gate.metrics' },
    );
  const inputs = gateInputs(config, overrides, names);
  const comparing = rules.filter(comparesWithProduction);
  const withoutProduction = inputs.kind === 'metrics' ? !inputs.baseline : !inputs.baselineModel;
  if (withoutProduction && comparing.length > 0) {
    const rule = comparing[0]!;
    const given = inputs.kind === 'metrics' ? names.baseline : (names.baselineModel ?? names.baseline);
    throw new UserError(
      'usage',
      `gate.metrics.${rule.metric} compares the candidate with production (${ruleKeys(rule)}): pass production's ${inputs.kind === 'metrics' ? 'metrics with' : 'model with'} ${given}, or remove the comparison from ${configFile}`,
      { field: given },
    );
  }
  const significant = rules.filter((r) => r.significance !== undefined);
  if (inputs.kind === 'metrics' && significant.length > 0)
    throw new UserError(
      'usage',
      `gate.metrics.${significant[0]!.metric}.significance needs both models evaluated on the same holdout (a paired bootstrap over the same rows); metrics files do not have the rows. ${names.model ? `Pass ${names.model}, ${names.baselineModel} and ${names.data} instead of metrics files` : 'Use `modelship gate --model … --baseline-model … --data …`'}, or remove significance from ${configFile}`,
      { field: `gate.metrics.${significant[0]!.metric}.significance` },
    );
  return {
    name: overrides.name ?? section.name,
    rules,
    inputs,
    resamples: section.resamples,
    seed: section.seed,
    checkName: overrides.checkName ?? section['check-name'],
    comment: overrides.comment ?? section.comment,
    configFile,
    ...(overrides.report !== undefined ? { report: overrides.report } : {}),
  };
}

function gateInputs(config: ModelshipConfig, o: GateOverrides, names: GateOverrideNames): GateInputs {
  if (o.candidate !== undefined && o.model !== undefined)
    throw new UserError(
      'usage',
      `pass either the candidate's metrics (${names.candidate}) or its model (${names.model}), not both`,
    );
  if (o.candidate !== undefined) {
    const misplaced =
      o.baselineModel !== undefined ? names.baselineModel : o.data !== undefined ? names.data : undefined;
    if (misplaced)
      throw new UserError(
        'usage',
        `${misplaced} goes with ${names.model}: with metrics files (${names.candidate}), give production's metrics with ${names.baseline}`,
      );
    return {
      kind: 'metrics',
      candidate: o.candidate,
      ...(o.baseline !== undefined ? { baseline: o.baseline } : {}),
    };
  }
  if (o.model !== undefined) {
    if (o.baseline !== undefined)
      throw new UserError(
        'usage',
        `${names.baseline} is production's metrics file and goes with ${names.candidate}; with ${names.model}, give production's model with ${names.baselineModel}`,
      );
    const data = o.data;
    if (data === undefined)
      throw new UserError('usage', `${names.model} needs the holdout to evaluate on: pass ${names.data}`, {
        field: names.data ?? 'data',
      });
    const label = o.label ?? config.evaluate.label;
    return {
      kind: 'models',
      model: o.model,
      data,
      ...(o.baselineModel !== undefined ? { baselineModel: o.baselineModel } : {}),
      ...(label !== undefined ? { label } : {}),
    };
  }
  throw new UserError(
    'usage',
    `no candidate given: pass the candidate's metrics with ${names.candidate} (the file \`modelship evaluate --output\` writes)${names.model ? `, or its model with ${names.model}` : ''}`,
    { field: names.candidate },
  );
}

function ruleKeys(rule: MetricRule): string {
  return [
    rule.minAbsoluteChange !== undefined ? 'min_absolute_change' : undefined,
    rule.minRelativeChange !== undefined ? 'min_relative_change' : undefined,
    rule.significance !== undefined ? 'significance' : undefined,
  ]
    .filter(Boolean)
    .join(', ');
}
