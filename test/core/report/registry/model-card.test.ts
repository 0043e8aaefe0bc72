import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { VersionRecord } from '../../../../core/registry/version-record-schema.js';
import { modelCardJson } from '../../../../core/report/registry/model-card-json.js';
import { renderModelCard } from '../../../../core/report/registry/model-card.js';

const record: VersionRecord = {
  schema: 'modelship/version@1',
  model: 'fraud',
  version: 'v1.2.0',
  commit: '0123456789abcdef0123456789abcdef01234567',
  artifacts: [
    {
      name: 'model.onnx',
      uri: 'https://github.com/acme/fraud/releases/download/fraud%40v1.2.0/model.onnx',
      sha256: 'ab'.repeat(32),
      size: 1_572_864,
    },
  ],
  metrics: { roc_auc: 0.91234, f1: null },
  gate: {
    verdict: 'failed',
    rules: [
      {
        metric: 'recall',
        passed: false,
        value: 0.61,
        baseline: 0.65,
        interval: [-0.07, -0.01],
        reason: 'below | <b>0.65</b>',
      },
      { metric: 'roc_auc', passed: true, value: 0.91234, baseline: 0.9, interval: [0.004, 0.02] },
    ],
  },
  dataset: { location: 's3://data/holdout.parquet', sha256: 'cd'.repeat(32) },
  slices: [
    { column: 'country', value: 'FR | <script>', rows: 1200, metrics: { roc_auc: 0.88, recall: 0.6 } },
    { column: 'country', value: 'DE', rows: 800, metrics: { roc_auc: 0.93, recall: null } },
    { column: 'country', value: 'IT', rows: 5, metrics: { constructor: 0.5 } },
  ],
  run: 'https://github.com/acme/fraud/actions/runs/42',
  parent: 'v1.1.0',
  registeredBy: 'ada',
  attestation: 'https://github.com/acme/fraud/attestations/7',
};

const lines = (text: string) => text.split('\n');

describe('renderModelCard', () => {
  const card = renderModelCard(record, { repository: 'acme/fraud', registeredAt: '2026-11-29T10:00:00Z' });

  test('headline and metrics table', () => {
    assert.equal(lines(card)[0], '## fraud v1.2.0');
    assert.equal(lines(card)[2], '❌ gate failed · recall 0.61 · registered by ada');
    assert.ok(card.includes('| Metric | Value |\n| --- | --: |\n| roc\\_auc | 0.9123 |\n| f1 | — |\n'), card);
  });

  test('gate rules with their difference, interval and reason, escaped', () => {
    assert.ok(card.includes('### Gate: failed'));
    assert.ok(
      lines(card).includes(
        '| recall | 0.61 | 0.65 | −0.04 | −0.07 to −0.01 | ❌ failed: below \\| \\<b\\>0.65\\</b\\> |',
      ),
      card,
    );
    assert.ok(
      lines(card).includes('| roc\\_auc | 0.9123 | 0.9 | +0.01234 | +0.004 to +0.02 | ✅ passed |'),
      card,
    );
  });

  test('slices with the gated metrics first; cells cannot break the table', () => {
    assert.ok(lines(card).includes('| Column | Value | Rows | recall | roc\\_auc | constructor |'), card);
    assert.ok(lines(card).includes('| country | FR \\| \\<script\\> | 1,200 | 0.6 | 0.88 | — |'), card);
    assert.ok(lines(card).includes('| country | DE | 800 | — | 0.93 | — |'), card);
    assert.ok(lines(card).includes('| country | IT | 5 | — | — | 0.5 |'), card);
  });

  test('dataset, lineage with links, artifacts with sha256', () => {
    assert.ok(lines(card).includes('- Location: `s3://data/holdout.parquet`'));
    assert.ok(lines(card).includes(`- sha256: \`${'cd'.repeat(32)}\``));
    assert.ok(
      lines(card).includes(
        '- Commit: [0123456789ab](https://github.com/acme/fraud/commit/0123456789abcdef0123456789abcdef01234567)',
      ),
    );
    assert.ok(
      lines(card).includes('- Workflow run: [run 42](https://github.com/acme/fraud/actions/runs/42)'),
      card,
    );
    assert.ok(lines(card).includes('- Registered at: 2026-11-29T10:00:00Z'), card);
    assert.ok(
      lines(card).includes(
        '- Parent version: [v1.1.0](https://github.com/acme/fraud/releases/tag/fraud%40v1.1.0)',
      ),
      card,
    );
    assert.ok(
      lines(card).includes('- Attestation: [build provenance](https://github.com/acme/fraud/attestations/7)'),
    );
    assert.ok(
      lines(card).includes(
        `| [model.onnx](https://github.com/acme/fraud/releases/download/fraud%40v1.2.0/model.onnx) | 1.5 MiB | \`${'ab'.repeat(32)}\` |`,
      ),
      card,
    );
  });

  test('a minimal record: no gate, S3 artifacts with version ids, no links without a repository', () => {
    const minimal = renderModelCard({
      schema: 'modelship/version@1',
      model: 'dir:m',
      version: 'v0.0.1',
      commit: record.commit,
      artifacts: [
        { name: 'm.onnx', uri: 's3://b/k/m.onnx', sha256: 'ef'.repeat(32), size: 10, versionId: 'v|1' },
      ],
      metrics: {},
      run: 'javascript:alert(1)',
    });
    assert.equal(lines(minimal)[2], 'no gate');
    assert.ok(
      !minimal.includes('### Metrics') && !minimal.includes('### Gate') && !minimal.includes('### Slices'),
    );
    assert.ok(lines(minimal).includes(`- Commit: \`${record.commit}\``));
    assert.ok(lines(minimal).includes('- Workflow run: `javascript:alert(1)`'), 'only https URLs are links');
    assert.ok(
      lines(minimal).includes(
        `| m.onnx (\`s3://b/k/m.onnx\`) | 10 bytes | \`${'ef'.repeat(32)}\` | \`v\\|1\` |`,
      ),
      minimal,
    );
  });
});

test('modelCardJson is the validated record, the same bytes every time', () => {
  const json = modelCardJson(record);
  assert.deepEqual(JSON.parse(json), record);
  assert.equal(json, modelCardJson(structuredClone(record)));
  assert.ok(json.endsWith('}\n'));
  assert.throws(() => modelCardJson({ ...record, commit: 'nope' }));
});
