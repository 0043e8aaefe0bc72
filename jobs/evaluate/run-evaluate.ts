import type { EvaluationResult, SliceResult } from '../../core/evaluate/evaluation-result.js';
import { computeMetrics } from '../../core/metrics/compute-metrics.js';
import { fairnessMetrics } from '../../core/metrics/fairness.js';
import type { Predictions } from '../../core/metrics/predictions.js';
import { selectRows } from '../../core/metrics/select-rows.js';
import { evaluationJson } from '../../core/report/evaluation/evaluation-json.js';
import type { EvaluatePorts } from './evaluate-ports.js';
import type { EvaluateSettings } from './evaluate-settings.js';
import { measureLatency } from './measure-latency.js';
import { scoreHoldout } from './score-holdout.js';

export interface EvaluateOutcome {
  result: EvaluationResult;
  /** Every row's prediction next to its label: what the gate resamples for its intervals. */
  predictions: Predictions;
  /** The JSON result's absolute path, when one was asked for. */
  outputPath?: string;
}

/**
 * One evaluation, shared by the CLI and the action: refuse an output path that would overwrite an
 * input, load the model, stream the holdout through it, time single-row inference, compute every
 * metric of the task (overall, per slice, fairness across the sensitive column), then write the
 * JSON result whole.
 */
export async function runEvaluate(
  settings: EvaluateSettings,
  ports: EvaluatePorts,
): Promise<EvaluateOutcome> {
  if (settings.output !== undefined)
    await ports.reports.check(settings.output, [settings.model, settings.data]);
  const model = await ports.models.load(settings.model);
  let scored;
  let latency;
  try {
    scored = await scoreHoldout(
      model,
      ports.datasets,
      {
        label: settings.label,
        ...(settings.features ? { features: settings.features } : {}),
        exclude: [
          ...settings.idColumns,
          ...settings.slices.map((s) => (typeof s === 'string' ? s : s.column)),
          ...(settings.sensitive ? [settings.sensitive] : []),
        ],
        ...(settings.task ? { task: settings.task } : {}),
        ...(settings.positiveLabel !== undefined ? { positiveLabel: settings.positiveLabel } : {}),
        ...(settings.threshold !== undefined ? { threshold: settings.threshold } : {}),
        missing: settings.missing,
        data: settings.data,
        slices: settings.slices,
        ...(settings.sensitive ? { sensitive: settings.sensitive } : {}),
        latencySample: settings.latencySample,
      },
      ports.machine,
    );
    latency = await measureLatency(model, scored.latencyRows, scored.plan.fetch, ports.machine, {
      rows: scored.predictions.actual.length,
      ms: scored.inferenceMs,
      batchRows: scored.batchRows,
      runtime: ports.models.description,
    });
  } finally {
    await model.close();
  }
  const { predictions } = scored;
  const overall = computeMetrics(predictions);
  const slices: SliceResult[] = scored.slices.flatMap((groups) =>
    groups.groups().map(({ value, rows }) => {
      const computed = computeMetrics(selectRows(predictions, rows));
      return {
        column: groups.column,
        value,
        rows: rows.length,
        metrics: computed.metrics,
        ...(computed.confusionMatrix ? { confusionMatrix: computed.confusionMatrix } : {}),
      };
    }),
  );
  let fairness: EvaluationResult['fairness'];
  // scoreHoldout refused a sensitive column for any task but binary, before reading the holdout.
  if (scored.sensitive && predictions.task === 'binary') {
    const { codes, values } = scored.sensitive.assignments();
    fairness = { column: scored.sensitive.column, ...fairnessMetrics(predictions, codes, values) };
  }
  const result: EvaluationResult = {
    model: settings.model,
    data: settings.data,
    task: predictions.task,
    rows: predictions.actual.length,
    dropped: scored.dropped,
    metrics: overall.metrics,
    ...(overall.confusionMatrix ? { confusionMatrix: overall.confusionMatrix } : {}),
    latency,
    slices,
    ...(fairness ? { fairness } : {}),
  };
  const outcome: EvaluateOutcome = { result, predictions };
  if (settings.output !== undefined)
    outcome.outputPath = await ports.reports.write(
      settings.output,
      `${JSON.stringify(evaluationJson(result), null, 2)}\n`,
    );
  return outcome;
}
