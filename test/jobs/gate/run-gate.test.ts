import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { modelshipConfigSchema } from '../../../core/config/modelship-config-schema.js';
import { isUserError, UserError } from '../../../core/errors.js';
import type { GatePorts, PairRequest } from '../../../jobs/gate/gate-ports.js';
import { resolveGateSettings, type GateOverrides } from '../../../jobs/gate/gate-settings.js';
import { runGate } from '../../../jobs/gate/run-gate.js';
import { PublishError, type CheckRun } from '../../../jobs/ports/check-run-publisher.js';

// The job through plain-object ports: what it reads, writes and posts, and what becomes of a
// publication GitHub refuses.

const NAMES = {
  candidate: '--candidate',
  baseline: '--baseline',
  model: '--model',
  baselineModel: '--baseline-model',
  data: '--data',
};
const candidateJson = {
  task: 'binary',
  rows: 2000,
  metrics: { accuracy: 0.91, roc_auc: 0.93, log_loss: 0.25, f1: { notComputable: 'no positive prediction' } },
  confusion_matrix: {
    labels: ['0', '1'],
    counts: [
      [900, 80],
      [100, 920],
    ],
  },
  latency_ms: { p50: 0.1, p95: 0.2, p99: 0.3 },
  slices: [
    { column: 'plan', value: 'pro', rows: 800, metrics: { accuracy: 0.95, roc_auc: 0.96 } },
    { column: 'plan', value: 'free|<b>', rows: 1200, metrics: { accuracy: 0.88, roc_auc: 0.9 } },
  ],
};
const baselineJson = {
  task: 'binary',
  rows: 2000,
  metrics: { accuracy: 0.9, roc_auc: 0.92, log_loss: 0.24 },
};

function settings(
  gate: object,
  overrides: GateOverrides = { candidate: 'cand.json', baseline: 'prod.json' },
) {
  return resolveGateSettings(
    modelshipConfigSchema.parse({ gate }),
    { report: 'gate.json', ...overrides },
    NAMES,
  );
}

function ports(files: Record<string, unknown>, publish?: (run: CheckRun) => Promise<{ url: string }>) {
  const events: string[] = [];
  const written = new Map<string, string>();
  const comments: { marker: string; body: string }[] = [];
  let refuseComment = false;
  const p: GatePorts = {
    files: {
      read: async (path, what) => {
        events.push(`read ${path}`);
        if (!(path in files)) throw new UserError('not-found', `${what} not found`, { file: path });
        const content = files[path];
        return typeof content === 'string' ? content : JSON.stringify(content);
      },
    },
    reports: {
      check: async (path, inputs) => void events.push(`check ${path} against ${inputs.join(' ')}`),
      write: async (path, content) => (
        events.push(`write ${path}`),
        written.set(path, content),
        `/abs/${path}`
      ),
    },
    checkRuns: {
      headSha: 'abc',
      fromFork: false,
      publisher: {
        publish: async (run) => {
          events.push(`publish ${run.conclusion}`);
          return publish ? publish(run) : { url: 'https://example/check/1' };
        },
      },
    },
    comments: {
      fromFork: true,
      comments: {
        upsert: async (comment) => {
          events.push('comment');
          if (refuseComment)
            throw new PublishError(
              'forbidden',
              'GitHub answered 403: Resource not accessible by integration',
            );
          comments.push(comment);
          return { url: 'https://example/comment/1', write: 'created' };
        },
      },
    },
  };
  return { ports: p, events, written, comments, refuse: () => (refuseComment = true) };
}

const files = { 'cand.json': candidateJson, 'prod.json': baselineJson };

describe('runGate', () => {
  test('a passing gate: reads both files, writes the report, then posts the check run and the comment', async () => {
    const io = ports(files);
    const outcome = await runGate(
      settings({
        metrics: { roc_auc: { threshold: 0.9, min_absolute_change: 0.005 }, log_loss: { threshold: 0.3 } },
      }),
      io.ports,
    );
    assert.equal(outcome.passed, true);
    assert.deepEqual(io.events, [
      'read cand.json',
      'read prod.json',
      'check gate.json against .github/modelship.yml cand.json prod.json',
      'write gate.json',
      'publish success',
      'comment',
    ]);
    assert.deepEqual(outcome.checkRun, { status: 'published', url: 'https://example/check/1' });
    const report = JSON.parse(io.written.get('gate.json')!);
    assert.equal(report.passed, true);
    assert.deepEqual(report.metrics.roc_auc, {
      candidate: 0.93,
      production: 0.92,
      difference: 0.93 - 0.92,
      interval: null,
      passed: true,
      failures: [],
    });
    assert.deepEqual(report.metrics.f1.candidate, { notComputable: 'no positive prediction' });
    const body = io.comments[0]!.body;
    assert.ok(body.startsWith('<!-- modelship:gate:model -->\n### ✅ Gate passed: model meets all 2 rules'));
    assert.match(body, /\| roc_auc \| 0\.93 \| 0\.92 \| \+0\.01 \| ≥ 0\.9; ≥ prod \+ 0\.005 \| ✅ pass \|/);
    assert.match(body, /\| log_loss \| 0\.25 \| 0\.24 \| \+0\.01 \| ≤ 0\.3 \| ✅ pass \|/);
    // Slice values are data: no HTML and no column breaks get through.
    assert.match(body, /\| free\\\|&lt;b&gt; \| 1,200 \| 0\.9 \|\n/);
  });

  test('a failing gate reports every failure, and the check run fails', async () => {
    const io = ports(files);
    const outcome = await runGate(
      settings({
        name: 'churn',
        metrics: {
          roc_auc: { min_relative_change: 0.05 },
          f1: { threshold: 0.5 },
          log_loss: { threshold: 0.2 },
        },
      }),
      io.ports,
    );
    assert.equal(outcome.passed, false);
    assert.equal(outcome.rules.filter((r) => !r.passed).length, 3);
    assert.deepEqual(outcome.verdict.failures, [
      "roc_auc = 0.93 against production's 0.92 is a relative gain of 1.087%, below the minimum relative change 5%",
      'f1 is not computable for the candidate: no positive prediction',
      'log_loss = 0.25 is above the threshold 0.2',
    ]);
    assert.ok(io.events.includes('publish failure'));
    assert.match(
      io.comments[0]!.body,
      /^<!-- modelship:gate:churn -->\n### ❌ Gate failed: churn misses 3 of 3 rules \(roc_auc, f1, log_loss\)/,
    );
    assert.match(io.comments[0]!.body, /\*\*Why it failed\*\*/);
  });

  test('a refused check run and comment are reported, the verdict and report stay', async () => {
    const io = ports(files, async () => {
      throw new PublishError('forbidden', 'GitHub answered 403: Resource not accessible by integration');
    });
    io.refuse();
    const outcome = await runGate(settings({ metrics: { roc_auc: { threshold: 0.9 } } }), io.ports);
    assert.equal(outcome.passed, true);
    assert.equal(outcome.reportPath, '/abs/gate.json');
    assert.equal(outcome.checkRun.status, 'failed');
    assert.equal(outcome.comment.status, 'failed');
    assert.match(
      (outcome.comment as { message: string }).message,
      /comes from a fork, whose GITHUB_TOKEN is read-only/,
    );
  });

  test('no baseline is needed when no rule compares with production', async () => {
    const io = ports({ 'cand.json': candidateJson });
    const outcome = await runGate(
      settings({ metrics: { accuracy: { threshold: 0.9 } } }, { candidate: 'cand.json' }),
      io.ports,
    );
    assert.equal(outcome.passed, true);
    assert.equal(outcome.baseline, undefined);
    assert.match(io.comments[0]!.body, /\| accuracy \| 0\.91 \| — \| — \| ≥ 0\.9 \| ✅ pass \|/);
  });
});

describe('bad input is a user error naming the file and the field', () => {
  const run = (prod: unknown, gate: object = { metrics: { roc_auc: { min_absolute_change: 0.001 } } }) =>
    runGate(settings(gate), ports({ 'cand.json': candidateJson, 'prod.json': prod }).ports);
  const rejects = async (
    promise: Promise<unknown>,
    expected: { file?: string; field?: string; line?: number; message: RegExp },
  ) => {
    await assert.rejects(promise, (error: unknown) => {
      assert.ok(isUserError(error), String(error));
      assert.equal(error.location.file, expected.file);
      assert.equal(error.location.field, expected.field);
      if (expected.line !== undefined) assert.equal(error.location.line, expected.line);
      assert.match([error.message, ...error.details].join('\n'), expected.message);
      return true;
    });
  };

  test('a metric value that is not a number', () =>
    rejects(run({ ...baselineJson, metrics: { roc_auc: 'high' } }), {
      file: 'prod.json',
      field: 'metrics.roc_auc',
      message:
        /not a metrics file of `modelship evaluate --output`: metrics\.roc_auc: must be a number, or \{"notComputable": "reason"\}/,
    }));

  test('missing fields are all named', () =>
    rejects(run({ accuracy: 0.9 }), {
      file: 'prod.json',
      field: 'task',
      message: /task: is missing\n(.|\n)*rows: is missing\n(.|\n)*metrics: is missing/,
    }));

  test('not JSON at all, with the line', () =>
    rejects(run('{\n  "task": "binary",\n  "rows": 10,\n  metrics: {}\n}'), {
      file: 'prod.json',
      line: 4,
      message: /not valid JSON/,
    }));

  test('another task than the candidate', () =>
    rejects(run({ task: 'regression', rows: 2000, metrics: { mae: 1 } }), {
      file: 'prod.json',
      field: 'task',
      message: /production's metrics are of a regression model and the candidate's of a binary model/,
    }));

  test('a missing file', () =>
    rejects(
      runGate(
        settings({ metrics: { roc_auc: { threshold: 1 } } }, { candidate: 'nope.json' }),
        ports({}).ports,
      ),
      {
        file: 'nope.json',
        message: /candidate's metrics file not found/,
      },
    ));
});

describe('resolveGateSettings', () => {
  const refuses = (gate: object, overrides: GateOverrides, message: RegExp) =>
    assert.throws(
      () => settings(gate, overrides),
      (error: unknown) => isUserError(error) && message.test(error.message),
    );

  test('a change rule without production is refused before anything is read', () =>
    refuses(
      { metrics: { roc_auc: { min_relative_change: 0.01 } } },
      { candidate: 'c.json' },
      /gate\.metrics\.roc_auc compares the candidate with production \(min_relative_change\): pass production's metrics with --baseline/,
    ));

  test('significance needs the models, not metrics files', () =>
    refuses(
      { metrics: { roc_auc: { significance: 'improvement' } } },
      { candidate: 'c.json', baseline: 'b.json' },
      /significance needs both models evaluated on the same holdout/,
    ));

  test('no rules at all', () => refuses({}, { candidate: 'c.json' }, /no gate rules/));

  test('no candidate, or both kinds', () => {
    refuses(
      { metrics: { f1: { threshold: 1 } } },
      {},
      /no candidate given: pass the candidate's metrics with --candidate/,
    );
    refuses(
      { metrics: { f1: { threshold: 1 } } },
      { candidate: 'c.json', model: 'm.onnx' },
      /either the candidate's metrics \(--candidate\) or its model \(--model\)/,
    );
    refuses(
      { metrics: { f1: { threshold: 1 } } },
      { model: 'm.onnx' },
      /--model needs the holdout to evaluate on: pass --data/,
    );
  });
});

test('with models, the evaluator is asked for intervals per confidence, and significance is judged on them', async () => {
  const requests: PairRequest[] = [];
  const io = ports({});
  io.ports.evaluator = {
    evaluatePair: async (request) => {
      requests.push(request);
      return {
        candidate: { task: 'binary', rows: 500, metrics: { roc_auc: 0.9, log_loss: 0.3 }, slices: [] },
        baseline: { task: 'binary', rows: 500, metrics: { roc_auc: 0.88, log_loss: 0.31 }, slices: [] },
        intervals: {
          roc_auc: { difference: 0.02, low: 0.005, high: 0.035, confidence: 0.95 },
          log_loss: { difference: -0.01, low: -0.03, high: 0.012, confidence: 0.9 },
        },
        inputs: ['m.onnx', 'prod.onnx', 'holdout.csv'],
      };
    },
  };
  const outcome = await runGate(
    settings(
      {
        seed: 7,
        metrics: {
          roc_auc: { significance: 'improvement' },
          log_loss: { significance: { 'non-inferior': 0.01 }, confidence: 0.9 },
        },
      },
      { model: 'm.onnx', baselineModel: 'prod.onnx', data: 'holdout.csv', label: 'y' },
    ),
    io.ports,
  );
  assert.deepEqual(requests, [
    {
      model: 'm.onnx',
      baselineModel: 'prod.onnx',
      data: 'holdout.csv',
      label: 'y',
      intervals: [
        { confidence: 0.95, metrics: ['roc_auc'] },
        { confidence: 0.9, metrics: ['log_loss'] },
      ],
      resamples: 1000,
      seed: 7,
    },
  ]);
  assert.deepEqual(
    outcome.rules.map((r) => [r.rule.metric, r.passed]),
    [
      ['roc_auc', true],
      ['log_loss', false],
    ],
  );
  assert.match(
    io.comments[0]!.body,
    /\| roc_auc \| 0\.9 \| 0\.88 \| \+0\.02 \(95%: \+0\.005 to \+0\.035\) \| significant gain \(95%\) \| ✅ pass \|/,
  );
  assert.ok(io.events.includes('check gate.json against .github/modelship.yml m.onnx prod.onnx holdout.csv'));
});
