import type { EvaluationResult } from '../../core/evaluate/evaluation-result.js';
import { UserError } from '../../core/errors.js';
import type { MetricsReport } from '../../core/gate/metrics-report.js';
import { pairedBootstrap } from '../../core/metrics/bootstrap/paired-bootstrap.js';
import type { Predictions } from '../../core/metrics/predictions.js';
import type { PairEvaluation, PairEvaluator, PairRequest } from '../gate/gate-ports.js';
import type { EvaluatePorts } from './evaluate-ports.js';
import { resolveEvaluateSettings, type EvaluateSection } from './evaluate-settings.js';
import { runEvaluate } from './run-evaluate.js';

/**
 * The gate's evaluator: both models scored on the same holdout with the same `evaluate:` settings,
 * then the paired bootstrap over those rows (the same resampled rows score both models) for every
 * metric a rule compares, at each confidence the rules ask.
 */
export function pairEvaluator(
  section: EvaluateSection | undefined,
  ports: EvaluatePorts,
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
      const intervals: PairEvaluation['intervals'] = {};
      for (const { confidence, metrics } of request.intervals) {
        const differences = pairedBootstrap(candidate.predictions, baseline.predictions, {
          resamples: request.resamples,
          seed: request.seed,
          confidence,
          metrics,
        });
        for (const metric of metrics) if (differences[metric]) intervals[metric] = differences[metric];
      }
      return {
        candidate: metricsReport(candidate.result),
        baseline: metricsReport(baseline.result),
        intervals,
        inputs,
      };
    },
  };
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
