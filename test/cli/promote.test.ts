import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { OpsRepo } from '../support/ops-repo.js';
import { modelRepository, OPS_CONFIG, OPS_FILES, STAGING_AFTER } from '../support/promotion-fixture.js';
import { runModelship } from '../support/run-cli-in-process.js';

const model = modelRepository();
const cleanup: OpsRepo[] = [];
after(() => {
  model.remove();
  cleanup.forEach((r) => r.remove());
});
const opsRepo = (files: Record<string, string> = OPS_FILES, bare = false) => {
  const repo = OpsRepo.create(files, { bare });
  cleanup.push(repo);
  return repo;
};
const promote = (ops: OpsRepo, ...args: string[]) =>
  runModelship(['promote', ...args, '--ops-repo', ops.dir], model.dir, { GITHUB_ACTOR: 'ada' });

describe('modelship promote (local ops repository)', () => {
  test('--dry-run prints every before → after and the diff, and writes nothing', async () => {
    const ops = opsRepo();
    const refs = ops.refs();
    const run = await promote(ops, 'fraud', 'v5.1.0', '--to', 'staging', '--dry-run');
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^Promote fraud v5\.1\.0 to staging \(was v5\.0\.2\)\n/);
    assert.match(
      run.stdout,
      /apps\/fraud\/staging\/deployment\.yaml:10\s+image of container predictor: ghcr\.io\/acme\/fraud-model:v5\.0\.2 → ghcr\.io\/acme\/fraud-model:v5\.1\.0\n/,
    );
    assert.match(
      run.stdout,
      /kserve storageUri: s3:\/\/models\/fraud\/v5\.0\.2\/model\.onnx → s3:\/\/models\/fraud\/v5\.1\.0\/model\.onnx/,
    );
    assert.match(run.stdout, /- {4}newTag: v5\.0\.2\n\+ {4}newTag: v5\.1\.0\n/);
    assert.match(run.stdout, /\(dry run: nothing written\)\n$/);
    assert.equal(ops.refs(), refs);
  });

  test('promotes in one commit with the exact message; only the values change; a re-run writes nothing', async () => {
    const ops = opsRepo();
    const before = ops.head();
    const run = await promote(ops, 'fraud', '5.1', '--to', 'staging');
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /✓ committed [0-9a-f]{7} to main of /);
    const head = ops.head();
    assert.equal(ops.git(['rev-parse', `${head}^`]), before, 'one commit');
    assert.equal(
      ops.git(['show', '-s', '--format=%B', head]),
      [
        'Promote fraud v5.1.0 to staging (was v5.0.2)',
        '',
        'Modelship-Model: fraud@v5.1.0',
        'Modelship-Environment: staging',
        'Modelship-Previous: v5.0.2',
        'Modelship-Requested-By: ada',
      ].join('\n'),
    );
    for (const [path, text] of Object.entries(STAGING_AFTER)) assert.equal(ops.show(path), text, path);
    assert.equal(
      ops.git(['diff', '--name-only', before, head]).split('\n').sort().join('\n'),
      Object.keys(STAGING_AFTER).sort().join('\n'),
    );
    assert.equal(ops.git(['status', '--porcelain']), '', 'the checkout follows the branch');

    const refs = ops.refs();
    const again = await promote(ops, 'fraud', 'v5.1.0', '--to', 'staging', '--json');
    assert.equal(again.code, 0, again.stderr);
    const json = JSON.parse(again.stdout);
    assert.equal(json.environments[0].status, 'unchanged');
    assert.equal(ops.refs(), refs, 'nothing written');
  });

  test('status reads back what runs where; disagreeing targets are reported', async () => {
    const ops = opsRepo({
      ...OPS_FILES,
      'apps/fraud/staging/inference.yaml': OPS_FILES['apps/fraud/staging/inference.yaml']!.replace(
        'v5.0.2',
        'v5.1.0',
      ),
    });
    const run = await runModelship(['status', 'fraud', '--ops-repo', ops.dir, '--json'], model.dir);
    assert.equal(run.code, 0, run.stderr);
    const status = JSON.parse(run.stdout);
    const byName = Object.fromEntries(
      status.environments.map((e: { environment: string }) => [e.environment, e]),
    );
    assert.deepEqual(Object.keys(byName).sort(), ['canary', 'production', 'staging']);
    assert.equal(byName.production.version, 'v5.0.2');
    assert.equal(byName.canary.version, 'v5.0.2');
    assert.equal(byName.staging.disagreement, true);
    assert.equal(byName.staging.version, undefined);
    assert.deepEqual(
      byName.staging.targets.map((t: { version?: string }) => t.version),
      ['v5.0.2', 'v5.1.0', 'v5.0.2', 'v5.0.2'],
    );
    const text = await runModelship(['status', 'fraud', '--ops-repo', ops.dir], model.dir);
    assert.match(text.stdout, /staging\s+targets disagree/);
    assert.match(text.stdout, /apps\/fraud\/staging\/inference\.yaml:10 kserve storageUri: v5\.1\.0/);
    assert.match(text.stdout, /production\s+v5\.0\.2/);
  });

  test('a pull-request environment sets the stable branch modelship/ENV/MODEL, once', async () => {
    const ops = opsRepo(OPS_FILES, true);
    const main = ops.head();
    const run = await promote(ops, 'fraud', 'v5.1.0', '--to', 'production');
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /branch modelship\/production\/fraud set to [0-9a-f]{7}/);
    assert.equal(ops.head(), main, 'the environment branch is not touched');
    const branch = ops.head('modelship/production/fraud');
    assert.match(ops.show('apps/fraud/production/deployment.yaml', branch), /fraud-model:v5\.1\.0 # pinned/);
    const again = await promote(ops, 'fraud', 'v5.1.0', '--to', 'production');
    assert.equal(again.code, 0);
    assert.equal(ops.head('modelship/production/fraud'), branch);
  });
});

describe('bad input: exit 2, one paragraph, nothing written', () => {
  const cases: { name: string; args: string[]; files?: Record<string, string>; error: RegExp }[] = [
    {
      name: 'an environment that does not exist (the nearest is suggested)',
      args: ['fraud', 'v5.1.0', '--to', 'stagin'],
      error: /no environment "stagin" \(did you mean "staging"\?\)/,
    },
    {
      name: 'a version that is not registered',
      args: ['fraud', 'v9.9.9', '--to', 'staging'],
      error: /v9\.9\.9/,
    },
    {
      name: 'a deregistered version',
      args: ['fraud', 'v4.0.0', '--to', 'staging'],
      error: /deregistered/,
    },
    {
      name: 'a placeholder the registry cannot fill ({uri} of a GTO-registered version)',
      args: ['fraud', 'v5.2.0', '--to', 'staging'],
      error:
        /apps\/fraud\/staging\/inference\.yaml \(kserve storageUri\): the registry cannot fill \{uri\} for fraud v5\.2\.0/,
    },
    {
      name: 'an ops config that does not parse',
      args: ['fraud', 'v5.1.0', '--to', 'staging'],
      files: { '.github/modelship.yml': OPS_CONFIG.replace('kind: kserve', 'kind: kservee') },
      error: /\.github\/modelship\.yml:\d+ \(environments\.staging\.targets\[1\]\.kind\)/,
    },
    {
      name: 'a target naming a file that does not exist',
      args: ['fraud', 'v5.1.0', '--to', 'staging'],
      files: {
        '.github/modelship.yml': OPS_CONFIG.replace(
          'charts/fraud/values-staging.yaml',
          'charts/fraud/nope.yaml',
        ),
      },
      error:
        /modelship\.yml:14 \(environments\.staging\.targets\[2\]\.file\): charts\/fraud\/nope\.yaml does not exist on branch main/,
    },
    {
      name: 'a target that matches nothing',
      args: ['fraud', 'v5.1.0', '--to', 'staging'],
      files: {
        '.github/modelship.yml': OPS_CONFIG.replace('path: model.image.tag', 'path: model.image.tagg'),
      },
      error: /charts\/fraud\/values-staging\.yaml/,
    },
    {
      name: 'a file that is not valid YAML',
      args: ['fraud', 'v5.1.0', '--to', 'staging'],
      files: { 'overlays/staging/kustomization.yaml': 'images:\n  - name: [x\n' },
      error: /overlays\/staging\/kustomization\.yaml/,
    },
    {
      name: 'a branch that does not exist',
      args: ['fraud', 'v5.1.0', '--to', 'staging'],
      files: {
        '.github/modelship.yml': OPS_CONFIG.replace('  staging:\n', '  staging:\n    branch: release\n'),
      },
      error: /branch "release" does not exist/,
    },
    {
      name: 'no --to',
      args: ['fraud', 'v5.1.0'],
      error: /Pass --to <environment>/,
    },
  ];
  for (const c of cases)
    test(c.name, async () => {
      const ops = opsRepo({ ...OPS_FILES, ...c.files });
      const refs = ops.refs();
      const files = Object.keys(OPS_FILES).map((p) => ops.show(p));
      const run = await promote(ops, ...c.args);
      assert.equal(run.code, 2, run.stdout + run.stderr);
      assert.match(run.stderr, /^modelship promote: /);
      assert.match(run.stderr, c.error);
      assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
      assert.equal(ops.refs(), refs, 'no ref moved');
      assert.deepEqual(
        Object.keys(OPS_FILES).map((p) => ops.show(p)),
        files,
        'no file changed',
      );
      assert.equal(ops.git(['status', '--porcelain']), '');
    });
});
