import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { formatVersionTagMessage } from '../../core/registry/version-tag-message.js';
import type { VersionRecord } from '../../core/registry/version-record-schema.js';
import { runModelship } from '../support/run-cli-in-process.js';
import { gtoMessage, RegistryRepo } from '../support/registry-repo.js';

const repo = RegistryRepo.create('modelship-registry-cli-', 5);
after(() => repo.remove());
const [c0, c1, c2, c3, c4] = repo.commits as [string, string, string, string, string];
const record: VersionRecord = {
  schema: 'modelship/version@1',
  model: 'fraud',
  version: 'v1.1.0',
  commit: c1,
  artifacts: [
    {
      name: 'model.onnx',
      uri: 'https://github.com/acme/models/releases/download/fraud%40v1.1.0/model.onnx',
      sha256: 'a'.repeat(64),
      size: 123456,
    },
  ],
  metrics: { roc_auc: 0.9312, log_loss: 0.2 },
  gate: {
    verdict: 'passed',
    rules: [{ metric: 'roc_auc', passed: true, value: 0.9312, baseline: 0.92, interval: [0.004, 0.018] }],
  },
  dataset: { location: 's3://data/holdout.parquet', sha256: 'b'.repeat(64) },
  run: 'https://github.com/acme/models/actions/runs/42',
  parent: 'v1.0.0',
  registeredBy: 'ada',
};
repo.tag('fraud@v1.0.0', c0, gtoMessage.register('fraud', 'v1.0.0'));
repo.tag('fraud@v1.1.0', c1, formatVersionTagMessage(record), 'Bot');
repo.tag('fraud@v2.0.0', c2, gtoMessage.register('fraud', 'v2.0.0'));
repo.tag('fraud#production#1', c0, gtoMessage.assign('fraud', 'v1.0.0', 'production'));
repo.tag('churn@v0.1.0', c3, gtoMessage.register('churn', 'v0.1.0'));
repo.lightweight('fraud@v0.9.0', c4);
repo.tag('release-2026', c4, 'not the registry');

const run = (...args: string[]) => runModelship(['registry', ...args], repo.dir);

describe('modelship registry, offline (the tags of the clone)', () => {
  test('list: a row per model, a column per stage; a lightweight tag is a warning on stderr', async () => {
    const r = await run('list');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(
      r.stdout,
      [
        'model  latest  versions  #production',
        'churn  v0.1.0  1         -',
        'fraud  v2.0.0  3         v1.0.0',
        '',
      ].join('\n'),
    );
    assert.match(r.stderr, /^modelship registry: warning: fraud@v0\.9\.0 is a lightweight tag/m);
    const json = JSON.parse((await run('list', '--json')).stdout);
    assert.deepEqual(json.models[1], {
      model: 'fraud',
      deprecated: false,
      latest: 'v2.0.0',
      active: 3,
      registered: 3,
      stages: { production: 'v1.0.0' },
    });
    assert.equal(json.problems[0].kind, 'lightweight-tag');
  });

  test('show NAME: the versions, who registered them, their stages', async () => {
    const r = await run('show', 'fraud');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^fraud: 3 versions\n\nversion +status +stages +registered +by +commit\n/);
    assert.match(r.stdout, /\nv1\.1\.0 +active +- +2026-01-01 00:02 +Bot +[0-9a-f]{12}\n/);
    assert.match(r.stdout, /\nv1\.0\.0 +active +production +2026-01-01 00:01 +Ada /);
  });

  test('show NAME@v1.1: the record — metrics, gate, artifacts, lineage', async () => {
    const r = await run('show', 'fraud@v1.1');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^fraud v1\.1\.0 \(active\)\n {2}tag +fraud@v1\.1\.0\n {2}commit +[0-9a-f]{40}\n/);
    assert.match(r.stdout, /\nMetrics\n {2}metric +value\n {2}roc_auc +0\.9312\n {2}log_loss +0\.2\n/);
    assert.match(
      r.stdout,
      /\nGate: passed\n {2}metric +value +baseline +interval +result\n {2}roc_auc +0\.9312 +0\.92 +\[0\.004, 0\.018\] +pass\n/,
    );
    assert.match(
      r.stdout,
      /\nArtifacts\n.*\n {2}model\.onnx +123,456 +aaaaaaaaaaaaaaaa +https:\/\/github\.com\/acme/,
    );
    assert.match(
      r.stdout,
      /\nLineage\n {2}dataset +s3:\/\/data\/holdout\.parquet \(sha256 bbbbbbbbbbbbbbbb\)\n {2}parent +v1\.0\.0\n {2}run +https:/,
    );
    const json = JSON.parse((await run('show', 'fraud@1.1.0', '--json')).stdout);
    assert.equal(json.kind, 'version');
    assert.deepEqual(json.version.record, record);
  });

  test('show NAME@latest and NAME#stage; a tag made by GTO has no record', async () => {
    const latest = await run('show', 'fraud@latest');
    assert.match(latest.stdout, /^fraud v2\.0\.0 \(active\)\n/);
    assert.match(latest.stdout, /No version record in its tag \(registered by GTO or by hand\)/);
    const prod = await run('show', 'fraud#production', '--json');
    assert.equal(JSON.parse(prod.stdout).version.version, 'v1.0.0');
  });

  test('which: the version for scripts; exit 1 when the stage is empty', async () => {
    const r = await run('which', 'fraud', 'production');
    assert.equal(r.code, 0);
    assert.equal(r.stdout, 'v1.0.0\n');
    const none = await run('which', 'fraud', 'staging');
    assert.equal(none.code, 1);
    assert.equal(none.stdout, '');
    assert.match(none.stderr, /no version of fraud is in staging/);
    const json = JSON.parse((await run('which', 'fraud', 'production', '--json')).stdout);
    assert.equal(json.holder.tag, 'fraud#production#1');
  });

  test('history: newest first', async () => {
    const r = await run('history', 'fraud');
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    assert.match(lines[0]!, /^time \(UTC\) +event +version +stage +by +tag$/);
    assert.match(lines[1]!, /^2026-01-01 00:04 +assign +v1\.0\.0 +production +Ada +fraud#production#1$/);
    assert.match(lines.at(-1)!, /^2026-01-01 00:01 +register +v1\.0\.0 +- +Ada +fraud@v1\.0\.0$/);
    assert.equal(JSON.parse((await run('history', 'fraud', '--json')).stdout).events.length, 4);
  });

  test('refusals exit 2 with the reason: unknown model, bad spec, missing argument, unknown subcommand', async () => {
    const unknown = await run('show', 'nope@latest');
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /no model "nope" in the registry/);
    const bad = await run('show', 'fraud@v1.x');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /is not a version of fraud/);
    const missing = await run('which', 'fraud');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /registry which takes NAME STAGE; got fraud/);
    const sub = await run('promote');
    assert.equal(sub.code, 2);
    assert.match(sub.stderr, /unknown subcommand "registry promote"/);
  });

  test('assign, reassign, unassign end to end; a repeated assign writes nothing', async () => {
    const a = await run(
      'assign',
      'fraud',
      'v2.0.0',
      'production',
      '--by',
      'ada',
      '--reason',
      'canary was clean',
    );
    assert.equal(a.code, 0, a.stderr);
    assert.equal(a.stdout, '✓ Assigned production to fraud v2.0.0 (fraud#production#2)\n');
    assert.equal((await run('which', 'fraud', 'production')).stdout, 'v2.0.0\n');
    const again = await run('assign', 'fraud', 'v2.0.0', 'production', '--json');
    assert.equal(JSON.parse(again.stdout).changed, false);
    assert.equal(repo.git(['tag', '--list', 'fraud#*']).split('\n').length, 2);
    const back = await run('assign', 'fraud', 'v1.1.0', 'production');
    assert.match(back.stdout, /fraud#production#3/);
    const un = await run('unassign', 'fraud', 'production');
    assert.equal(un.stdout, '✓ Unassigned production from fraud v1.1.0 (fraud#production!#4)\n');
    assert.equal((await run('which', 'fraud', 'production')).stdout, 'v2.0.0\n');
    const noop = await run('unassign', 'fraud', 'production', 'v1.1.0');
    assert.equal(noop.stdout, '= Fraud v1.1.0 is not assigned to production; nothing written\n');
  });

  test('registry.stages in the config: any other stage is refused with exit 2', async () => {
    mkdirSync(join(repo.dir, '.github'), { recursive: true });
    writeFileSync(join(repo.dir, '.github/modelship.yml'), 'registry:\n  stages: [staging, production]\n');
    try {
      const r = await run('assign', 'fraud', 'v1.0.0', 'prod');
      assert.equal(r.code, 2);
      assert.match(
        r.stderr,
        /stage "prod" is not one of the stages \.github\/modelship\.yml allows \(registry\.stages: staging, production\)/,
      );
    } finally {
      rmSync(join(repo.dir, '.github'), { recursive: true, force: true });
    }
  });

  test('deregister: the version is refused by name, skipped by latest and ranges', async () => {
    const d = await run('deregister', 'fraud', 'v2.0.0');
    assert.equal(d.code, 0, d.stderr);
    assert.match(d.stdout, /fraud@v2\.0\.0!/);
    const refused = await run('show', 'fraud@v2.0.0');
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /deregistered/);
    assert.match((await run('show', 'fraud@latest')).stdout, /^fraud v1\.1\.0 /);
    // Its stage goes to the newest assignment still in effect among active versions: v1.0.0's #1.
    assert.equal((await run('which', 'fraud', 'production')).stdout, 'v1.0.0\n');
  });

  test('doctor offline: the problems, exit 1, and that release checks need --repo', async () => {
    const r = await run('doctor');
    assert.equal(r.code, 1);
    assert.match(
      r.stdout,
      /^✗ 1 problem \(2 models, 4 versions\):\n {2}- lightweight-tag: fraud@v0\.9\.0 is a lightweight tag/,
    );
    assert.match(
      r.stdout,
      /Releases not checked: releases are checked online only: pass --repo owner\/name\.\n$/,
    );
  });

  test('deprecate: then every version of the model is refused', async () => {
    const d = await run('deprecate', 'churn', '--json');
    assert.equal(JSON.parse(d.stdout).tag, 'churn@deprecated');
    const refused = await run('show', 'churn@latest');
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /churn is deprecated/);
  });

  test('--repo without a token: exit 2 saying which variable', async () => {
    const r = await runModelship(['registry', 'list', '--repo', 'acme/models'], repo.dir, {});
    assert.equal(r.code, 2);
    assert.match(r.stderr, /set GITHUB_TOKEN or GH_TOKEN/);
  });
});
