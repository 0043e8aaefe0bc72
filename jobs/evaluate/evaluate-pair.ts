import type { EvaluationResult } from '../../core/evaluate/evaluation-result.js';
import { UserError } from '../../core/errors.js';
import type { MetricsReport } from '../../core/gate/metrics-report.js';
import { prepareBootstrap } from '../../core/metrics/bootstrap/bootstrap-plan.js';
import { bootstrapReplicates } from '../../core/metrics/bootstrap/bootstrap-replicates.js';
import { resolveBootstrapOptions } from '../../core/metrics/bootstrap/paired-bootstrap.js';
import { summarizeBootstrap } from '../../core/metrics/bootstrap/summarize-bootstrap.js';
import type { Predictions } from '../../core/metrics/predictions.js';
import type { PairEvaluation, PairEvaluator, PairRequest } from '../gate/gate-ports.js';
import type { BootstrapResampler } from '../ports/bootstrap-resampler.js';
import type { EvaluatePorts } from './evaluate-ports.js';
import { resolveEvaluateSettings, type EvaluateSection } from './evaluate-settings.js';
import { runEvaluate } from './run-evaluate.js';

/**
 * The gate's evaluator: both models scored on the same holdout with the same `evaluate:` settings,
 * then the paired bootstrap over those rows (the same resampled rows score both models) for every
 * metric a rule compares, at each confidence the rules ask. The resamples are drawn once for every
 * metric and confidence (each metric's replicates do not depend on which others are asked), on the
 * `resampler`'s threads when there is one, else on this thread.
 */
export function pairEvaluator(
  section: EvaluateSection | undefined,
  ports: EvaluatePorts & { resampler?: BootstrapResampler },
  configFile: string,
  names = { model: '--model', data: '--data', label: '--label' },
): PairEvaluator {
  return {
    async evaluatePair(request: PairRequest): Promise<PairEvaluation> {
      const evaluate = async (model: string) => {
        const settings = resolveEvaluateSettings(
          section,
          { model, data: request.data, ...(request.label !== undefined ? { label: request.label } : {}) },
          names,
          configFile,
        );
        return runEvaluate(settings, ports);
      };
      const candidate = await evaluate(request.model);
      const inputs = [request.model, ...(request.baselineModel ? [request.baselineModel] : []), request.data];
      if (request.baselineModel === undefined)
        return { candidate: metricsReport(candidate.result), intervals: {}, inputs };
      const baseline = await evaluate(request.baselineModel);
      sameRows(candidate.predictions, baseline.predictions, request);
      const intervals = await pairedIntervals(
        candidate.predictions,
        baseline.predictions,
        request,
        ports.resampler,
      );
      return {
        candidate: metricsReport(candidate.result),
        baseline: metricsReport(baseline.result),
        intervals,
        inputs,
      };
    },
  };
}

/** Every asked metric's candidate − production interval at its rules' confidence, from one set of resamples. */
async function pairedIntervals(
  candidate: Predictions,
  baseline: Predictions,
  request: PairRequest,
  resampler: BootstrapResampler | undefined,
): Promise<PairEvaluation['intervals']> {
  const asked = [...new Set(request.intervals.flatMap((group) => group.metrics))];
  if (asked.length === 0) return {};
  const { resamples, seed } = resolveBootstrapOptions({ resamples: request.resamples, seed: request.seed });
  const plan = prepareBootstrap(candidate, baseline, asked);
  const replicates = resampler
    ? await resampler.replicates(plan, seed, resamples)
    : bootstrapReplicates(plan, seed, 0, resamples);
  const intervals: PairEvaluation['intervals'] = {};
  for (const { confidence, metrics } of request.intervals) {
    const summary = summarizeBootstrap(plan, replicates, resolveBootstrapOptions({ confidence }).confidence);
    for (const metric of metrics) if (summary[metric]) intervals[metric] = summary[metric];
  }
  return intervals;
}

/** A paired comparison needs the same rows with the same labels on both sides. */
function sameRows(a: Predictions, b: Predictions, request: PairRequest): void {
  const problem =
    a.task !== b.task
      ? `the candidate is a ${a.task} model and production a ${b.task} one`
      : a.actual.length !== b.actual.length
        ? `${a.actual.length} rows were evaluated for the candidate and ${b.actual.length} for production (rows dropped for missing values differ: the models use different columns)`
        : a.actual.some((v, i) => v !== b.actual[i])
          ? 'the two models read the labels differently (their classes differ)'
          : undefined;
  if (problem)
    throw new UserError('input', `the models cannot be compared row by row on ${request.data}: ${problem}`, {
      file: request.baselineModel!,
    });
}

/** What the gate reads of an evaluation (the same fields the metrics file has). */
function metricsReport(result: EvaluationResult): MetricsReport {
  return {
    task: result.task,
    rows: result.rows,
    metrics: { ...result.metrics } as MetricsReport['metrics'],
    slices: result.slices.map((s) => ({
      column: s.column,
      value: s.value,
      rows: s.rows,
      metrics: { ...s.metrics } as MetricsReport['metrics'],
    })),
  };
}
