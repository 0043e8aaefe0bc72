import type { MetricsReport } from '../../core/gate/metrics-report.js';
import type { MetricName } from '../../core/metrics/metric-catalog.js';
import type { DifferenceInterval, NotComputable } from '../../core/metrics/metric-value.js';
import type { CheckRunPublisher } from '../ports/check-run-publisher.js';
import type { PullRequestComments } from '../ports/pull-request-comments.js';
import type { ReportWriter } from '../ports/report-writer.js';
import type { TextFiles } from '../ports/text-files.js';

/** The models and the holdout, when the gate evaluates both models itself. */
export interface ModelPair {
  model: string;
  baselineModel?: string;
  data: string;
  label?: string;
}

/** What the gate asks of an evaluation of both models on the same holdout. */
export interface PairRequest extends ModelPair {
  /** Metrics whose candidate − production interval is wanted, grouped by the confidence their rules ask. */
  intervals: { confidence: number; metrics: MetricName[] }[];
  resamples: number;
  seed: number;
}

/** Both models' metrics on the same rows, and the paired-bootstrap interval of each difference. */
export interface PairEvaluation {
  candidate: MetricsReport;
  baseline?: MetricsReport;
  intervals: Partial<Record<MetricName, DifferenceInterval | NotComputable>>;
  /** The locations the evaluation read (model files, holdout): no report may be written over them. */
  inputs: string[];
}

/**
 * The seam where model evaluation plugs in: the evaluate job scores both models on the same holdout
 * (the same rows, so the bootstrap can resample pairs), and the paired bootstrap gives the intervals.
 * The gate itself never loads a model, so the metric-gate action given metrics files stays small.
 */
export interface PairEvaluator {
  evaluatePair(request: PairRequest): Promise<PairEvaluation>;
}

/** Everything the gate job reaches outside itself. */
export interface GatePorts {
  /** Reads the metrics files. */
  files: TextFiles;
  reports: ReportWriter;
  /** Evaluates models, when the adapter offers it (the CLI with the ONNX runtime). */
  evaluator?: PairEvaluator;
  /** Where the verdict is posted as a check run, when the adapter can (the action with a token). */
  checkRuns?: { publisher: CheckRunPublisher; headSha: string; detailsUrl?: string; fromFork: boolean };
  /** The pull request's comments, when the run belongs to one (the action on a pull request). */
  comments?: { comments: PullRequestComments; fromFork: boolean };
}
