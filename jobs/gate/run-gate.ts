import { UserError } from '../../core/errors.js';
import { judgeGate, type GateVerdict } from '../../core/gate/judge-gate.js';
import type { MetricJudgement } from '../../core/gate/judge-metric-rule.js';
import { parseMetricsReport, type MetricsReport } from '../../core/gate/metrics-report.js';
import type { MetricName } from '../../core/metrics/metric-catalog.js';
import type { DifferenceInterval, NotComputable } from '../../core/metrics/metric-value.js';
import { gateJson } from '../../core/report/gate/gate-json.js';
import {
  gateCommentMarker,
  gateTitle,
  renderGateComment,
  renderGateMarkdown,
} from '../../core/report/gate/gate-markdown.js';
import type { GateView } from '../../core/report/gate/gate-view.js';
import { publishBestEffort, type CheckRunResult } from '../drift/publish-best-effort.js';
import { commentBestEffort, type CommentResult } from './comment-best-effort.js';
import type { GatePorts, PairRequest } from './gate-ports.js';
import type { GateSettings } from './gate-settings.js';

export interface GateOutcome {
  passed: boolean;
  /** One judgement per rule, in the configuration's order, each with every reason it failed. */
  rules: MetricJudgement[];
  candidate: MetricsReport;
  baseline?: MetricsReport;
  intervals?: Partial<Record<MetricName, DifferenceInterval | NotComputable>>;
  verdict: GateVerdict;
  /** What every rendering shows (summary, check run, comment). */
  view: GateView;
  /** Absolute path of the JSON report written. */
  reportPath?: string;
  checkRun: CheckRunResult;
  comment: CommentResult;
}

/**
 * One gate run, shared by the CLI and the action: reads (or evaluates) both models' metrics, judges
 * every rule, writes the report, then posts the check run and keeps the pull request comment —
 * both best-effort, so a missing permission or a fork never loses the verdict or the report.
 */
export async function runGate(settings: GateSettings, ports: GatePorts): Promise<GateOutcome> {
  const { candidate, baseline, intervals, inputs, sources } = await readMetrics(settings, ports);
  if (settings.report !== undefined)
    await ports.reports.check(settings.report, [settings.configFile, ...inputs]);
  if (baseline && baseline.task !== candidate.task)
    throw new UserError(
      'input',
      `production's metrics are of a ${baseline.task} model and the candidate's of a ${candidate.task} model: compare models of the same task`,
      { file: sources.baseline ?? 'production', field: 'task' },
    );
  const verdict = judgeGate({
    rules: settings.rules,
    candidate,
    ...(baseline ? { baseline } : {}),
    ...(intervals ? { intervals } : {}),
  });
  const view: GateView = {
    name: settings.name,
    verdict,
    candidate,
    ...(baseline ? { baseline } : {}),
    ...(intervals ? { intervals } : {}),
    sources,
  };
  const outcome: GateOutcome = {
    passed: verdict.passed,
    rules: verdict.judgements,
    candidate,
    ...(baseline ? { baseline } : {}),
    ...(intervals ? { intervals } : {}),
    verdict,
    view,
    checkRun: { status: 'skipped' },
    comment: { status: 'skipped' },
  };
  if (settings.report !== undefined)
    outcome.reportPath = await ports.reports.write(
      settings.report,
      `${JSON.stringify(gateJson(view), null, 2)}\n`,
    );
  if (ports.checkRuns) {
    const { publisher, headSha, detailsUrl, fromFork } = ports.checkRuns;
    outcome.checkRun = await publishBestEffort(
      publisher,
      {
        headSha,
        name: settings.checkName,
        conclusion: verdict.passed ? 'success' : 'failure',
        output: { title: gateTitle(view), summary: renderGateMarkdown(view) },
        ...(detailsUrl !== undefined ? { detailsUrl } : {}),
      },
      fromFork,
    );
  }
  if (ports.comments && settings.comment)
    outcome.comment = await commentBestEffort(
      ports.comments.comments,
      { marker: gateCommentMarker(settings.name), body: renderGateComment(view) },
      ports.comments.fromFork,
    );
  return outcome;
}

async function readMetrics(settings: GateSettings, ports: GatePorts) {
  const { inputs } = settings;
  if (inputs.kind === 'metrics') {
    const read = async (path: string, what: string) =>
      parseMetricsReport(await ports.files.read(path, what), path);
    const candidate = await read(inputs.candidate, "candidate's metrics file");
    const baseline =
      inputs.baseline !== undefined ? await read(inputs.baseline, "production's metrics file") : undefined;
    return {
      candidate,
      ...(baseline ? { baseline } : {}),
      intervals: undefined,
      inputs: [inputs.candidate, ...(inputs.baseline !== undefined ? [inputs.baseline] : [])],
      sources: {
        candidate: inputs.candidate,
        ...(inputs.baseline !== undefined ? { baseline: inputs.baseline } : {}),
      },
    };
  }
  if (!ports.evaluator)
    throw new UserError(
      'usage',
      "this build cannot evaluate models: give the metrics files `modelship evaluate --output` writes (the candidate's and production's) instead",
    );
  const { model, baselineModel, data, label } = inputs;
  const request: PairRequest = {
    model,
    data,
    ...(baselineModel !== undefined ? { baselineModel } : {}),
    ...(label !== undefined ? { label } : {}),
    intervals: baselineModel === undefined ? [] : intervalGroups(settings),
    resamples: settings.resamples,
    seed: settings.seed,
  };
  const evaluated = await ports.evaluator.evaluatePair(request);
  return {
    candidate: evaluated.candidate,
    ...(evaluated.baseline ? { baseline: evaluated.baseline } : {}),
    intervals: evaluated.intervals,
    inputs: evaluated.inputs,
    sources: { candidate: model, ...(baselineModel !== undefined ? { baseline: baselineModel } : {}) },
  };
}

/** The metrics whose differences need intervals, one bootstrap per confidence the rules ask. */
function intervalGroups(settings: GateSettings): PairRequest['intervals'] {
  const groups = new Map<number, MetricName[]>();
  for (const rule of settings.rules) {
    const group = groups.get(rule.confidence) ?? [];
    group.push(rule.metric);
    groups.set(rule.confidence, group);
  }
  return [...groups].map(([confidence, metrics]) => ({ confidence, metrics }));
}
