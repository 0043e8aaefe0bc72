import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { UserError } from '../../../core/errors.js';
import type { VersionRecord } from '../../../core/registry/version-record-schema.js';
import {
  formatVersionTagMessage,
  readVersionRecord,
  versionTagHeadline,
} from '../../../core/registry/version-tag-message.js';

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
      size: 123_456,
    },
  ],
  metrics: { roc_auc: 0.91234, 'f1 # macro': null },
  gate: {
    verdict: 'passed',
    rules: [{ metric: 'roc_auc', passed: true, value: 0.91234, baseline: 0.9, interval: [0.001, 0.02] }],
  },
  dataset: { location: 's3://data/holdout.parquet', sha256: 'cd'.repeat(32) },
  slices: [{ column: 'country', value: '#1 "FR"\n', rows: 40, metrics: { roc_auc: 0.88 } }],
  run: 'https://github.com/acme/fraud/actions/runs/42',
  parent: 'v1.1.0',
  registeredBy: 'ada',
};

describe('formatVersionTagMessage', () => {
  test('a headline, a blank line, then the record in a fence', () => {
    const message = formatVersionTagMessage(record);
    const lines = message.split('\n');
    assert.equal(lines[0], 'Register fraud v1.2.0: gate passed, roc_auc 0.9123');
    assert.equal(lines[1], '');
    assert.equal(lines[2], '```modelship-record');
    assert.equal(lines.at(-2), '```');
    assert.equal(lines.at(-1), '');
    assert.ok(!lines.some((l) => l.startsWith('#') || /\s$/.test(l)), 'nothing git strips');
    assert.deepEqual(readVersionRecord(message), record);
  });

  test('keeps a given headline on one line, without what git would strip', () => {
    const message = formatVersionTagMessage(record, '  # Register fraud\n  v1.2.0   (retrained)  ');
    assert.equal(message.split('\n')[0], 'Register fraud v1.2.0 (retrained)');
    assert.equal(versionTagHeadline({ ...record, gate: undefined, metrics: {} }), 'Register fraud v1.2.0');
    const gated = {
      verdict: 'passed' as const,
      rules: [{ metric: 'constructor', passed: true, value: 0.5 }],
    };
    assert.equal(
      versionTagHeadline({ ...record, metrics: {}, gate: gated }),
      'Register fraud v1.2.0: gate passed, constructor 0.5',
    );
  });
});

describe('readVersionRecord', () => {
  test('undefined for messages without a block: GTO’s own tags, stage tags', () => {
    assert.equal(readVersionRecord('Registering artifact fraud version v1.2.0'), undefined);
    assert.equal(readVersionRecord(''), undefined);
  });

  test('reads a block with CRLF line ends and text after it (a signature)', () => {
    const message =
      formatVersionTagMessage(record).replace(/\n/g, '\r\n') + '-----BEGIN PGP SIGNATURE-----\r\nxyz\r\n';
    assert.deepEqual(readVersionRecord(message), record);
  });

  test('a broken block is a data error that says what is wrong', () => {
    const good = formatVersionTagMessage(record);
    const cut = good.slice(0, good.lastIndexOf('```'));
    assert.throws(
      () => readVersionRecord(cut),
      (e: unknown) => e instanceof UserError && e.kind === 'data' && /no closing/.test(e.message),
    );
    assert.throws(
      () => readVersionRecord(good.replace('"schema"', 'schema')),
      (e: unknown) => e instanceof UserError && /not JSON/.test(e.message),
    );
    assert.throws(
      () => readVersionRecord(good.replace('"size": 123456', '"size": -1')),
      (e: unknown) =>
        e instanceof UserError &&
        /not a valid version record/.test(e.message) &&
        e.details[0]!.startsWith('artifacts.0.size'),
    );
  });
});

test('git keeps the message byte for byte: git tag -a -F, then git cat-file tag and for-each-ref', () => {
  const dir = mkdtempSync(join(tmpdir(), 'modelship-tag-message-'));
  try {
    const git = (...args: string[]) =>
      execFileSync('git', args, {
        cwd: dir,
        encoding: 'utf8',
        env: {
          ...process.env,
          GIT_CONFIG_NOSYSTEM: '1',
          HOME: dir,
          GIT_AUTHOR_NAME: 'Ada',
          GIT_AUTHOR_EMAIL: 'ada@example.com',
          GIT_COMMITTER_NAME: 'Ada',
          GIT_COMMITTER_EMAIL: 'ada@example.com',
        },
      });
    git('init', '-q');
    git('commit', '-q', '--allow-empty', '-m', 'model');
    const message = formatVersionTagMessage(record);
    writeFileSync(join(dir, 'message.txt'), message);
    // Default cleanup (strip), and the cleanup an editor session would apply.
    git('tag', '-a', 'fraud@v1.2.0', '-F', 'message.txt');
    git('tag', '-a', '--cleanup=strip', 'fraud@v1.2.0#2', '-F', 'message.txt');
    for (const name of ['fraud@v1.2.0', 'fraud@v1.2.0#2']) {
      const object = git('cat-file', 'tag', name);
      assert.equal(object.slice(object.indexOf('\n\n') + 2), message, name);
      assert.equal(git('for-each-ref', '--format=%(contents)', `refs/tags/${name}`), `${message}\n`);
      assert.deepEqual(
        readVersionRecord(git('for-each-ref', '--format=%(contents)', `refs/tags/${name}`)),
        record,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
