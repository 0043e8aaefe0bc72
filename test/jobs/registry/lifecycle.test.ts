import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { isUserError } from '../../../core/errors.js';
import { assignStage } from '../../../jobs/registry/run-assign-stage.js';
import { deprecateModel } from '../../../jobs/registry/run-deprecate-model.js';
import { deregisterVersion } from '../../../jobs/registry/run-deregister-version.js';
import { runRegistryWhich } from '../../../jobs/registry/run-registry-which.js';
import { unassignStage } from '../../../jobs/registry/run-unassign-stage.js';
import { gitRegistryTags } from '../../../platform/registry/git-registry-tags.js';
import { gitRegistryTagsWriter } from '../../../platform/registry/git-registry-tags-writer.js';
import { gtoMessage, RegistryRepo } from '../../support/registry-repo.js';

const repo = RegistryRepo.create('modelship-lifecycle-', 4);
after(() => repo.remove());
const [c0, c1, c2, c3] = repo.commits as [string, string, string, string];
repo.tag('fraud@v1.0.0', c0, gtoMessage.register('fraud', 'v1.0.0'));
repo.tag('fraud@v1.1.0', c1, gtoMessage.register('fraud', 'v1.1.0'));
repo.tag('fraud@v2.0.0', c2, gtoMessage.register('fraud', 'v2.0.0'));
repo.tag('fraud#staging#4', c0, gtoMessage.assign('fraud', 'v1.0.0', 'staging'));
repo.tag('churn@v0.0.1', c3, gtoMessage.register('churn', 'v0.0.1'));

const ports = { tags: gitRegistryTags({ cwd: repo.dir }), writer: gitRegistryTagsWriter({ cwd: repo.dir }) };
const tagsOf = (pattern: string) => repo.git(['tag', '--list', pattern]).split('\n').filter(Boolean).sort();
const which = async (stage: string) =>
  (await runRegistryWhich({ model: 'fraud', stage }, ports)).holder?.version;

describe('assignStage', () => {
  test("writes GTO's tag with the next counter over all of the model's tags, on the version's commit", async () => {
    const outcome = await assignStage(
      { model: 'fraud', version: 'v1.1.0', stage: 'production', by: 'ada', reason: 'promotion #12' },
      ports,
    );
    assert.deepEqual(outcome, {
      model: 'fraud',
      action: 'assign',
      version: 'v1.1.0',
      stage: 'production',
      changed: true,
      tag: 'fraud#production#5',
      summary: 'assigned production to fraud v1.1.0 (fraud#production#5)',
    });
    assert.equal(repo.git(['rev-parse', 'fraud#production#5^{commit}']), c1);
    assert.equal(
      repo.git(['for-each-ref', '--format=%(contents)', 'refs/tags/fraud#production#5']),
      'Assigning stage production to artifact fraud version v1.1.0\n\nRequested-by: ada\nReason: promotion #12',
    );
    assert.equal(await which('production'), 'v1.1.0');
  });

  test('idempotent: the same request again writes nothing', async () => {
    const before = tagsOf('fraud#*');
    const again = await assignStage({ model: 'fraud', version: '1.1.0', stage: 'production' }, ports);
    assert.equal(again.changed, false);
    assert.equal(again.tag, 'fraud#production#5');
    assert.deepEqual(tagsOf('fraud#*'), before);
  });

  test('reassigning moves the stage; unassigning the newest brings the previous one back', async () => {
    assert.equal(
      (await assignStage({ model: 'fraud', version: 'v2.0.0', stage: 'production' }, ports)).tag,
      'fraud#production#6',
    );
    assert.equal(await which('production'), 'v2.0.0');
    const un = await unassignStage({ model: 'fraud', stage: 'production' }, ports);
    assert.equal(un.tag, 'fraud#production!#7');
    assert.equal(un.version, 'v2.0.0');
    assert.equal(repo.git(['rev-parse', 'fraud#production!#7^{commit}']), c2);
    assert.equal(await which('production'), 'v1.1.0');
    // Naming the version makes a retry safe: v2.0.0 is no longer assigned.
    const retry = await unassignStage({ model: 'fraud', stage: 'production', version: 'v2.0.0' }, ports);
    assert.equal(retry.changed, false);
    assert.equal(await which('production'), 'v1.1.0');
  });

  test('refusals: unknown version, stage not allowed, invalid stage name', async () => {
    await assert.rejects(
      assignStage({ model: 'fraud', version: 'v9.0.0', stage: 'production' }, ports),
      (e) => isUserError(e) && /fraud has no version v9\.0\.0/.test(e.message),
    );
    await assert.rejects(
      assignStage(
        { model: 'fraud', version: 'v2.0.0', stage: 'prod', allowedStages: ['staging', 'production'] },
        ports,
      ),
      (e) =>
        isUserError(e) &&
        /stage "prod" is not one of the stages \.github\/modelship\.yml allows \(registry\.stages: staging, production\)/.test(
          e.message,
        ),
    );
    await assert.rejects(
      assignStage({ model: 'fraud', version: 'v2.0.0', stage: 'bad stage' }, ports),
      (e) => isUserError(e) && /not a valid stage/.test(e.message),
    );
    await assert.rejects(
      assignStage({ model: 'nope', version: 'v1.0.0', stage: 'production' }, ports),
      (e) => isUserError(e) && /no model "nope"/.test(e.message),
    );
  });

  test('racing calls for one stage: one tag, no counter used twice', async () => {
    const before = tagsOf('fraud#*');
    const outcomes = await Promise.all(
      Array.from({ length: 4 }, () =>
        assignStage({ model: 'fraud', version: 'v2.0.0', stage: 'canary' }, ports),
      ),
    );
    assert.equal(outcomes.filter((o) => o.changed).length, 1);
    const added = tagsOf('fraud#*').filter((t) => !before.includes(t));
    assert.equal(added.length, 1);
    assert.match(added[0]!, /^fraud#canary#\d+$/);
    assert.equal(await which('canary'), 'v2.0.0');
  });

  test('racing calls for one stage with different versions: each its own counter', async () => {
    const before = tagsOf('fraud#*');
    await Promise.all(
      ['v1.0.0', 'v1.1.0', 'v2.0.0'].map((version) =>
        assignStage({ model: 'fraud', version, stage: 'shadow' }, ports),
      ),
    );
    const added = tagsOf('fraud#*').filter((t) => !before.includes(t));
    const counters = added.map((t) => Number(t.split('#').at(-1)));
    assert.equal(added.length, 3);
    assert.equal(new Set(counters).size, 3);
  });
});

describe('deregisterVersion and deprecateModel', () => {
  test("deregister: GTO's tag, then a no-op; a deregistered version can no longer be assigned", async () => {
    const first = await deregisterVersion({ model: 'fraud', version: 'v1.0.0' }, ports);
    assert.equal(first.tag, 'fraud@v1.0.0!');
    assert.equal(repo.git(['rev-parse', 'fraud@v1.0.0!^{commit}']), c0);
    assert.equal((await deregisterVersion({ model: 'fraud', version: 'v1.0.0' }, ports)).changed, false);
    assert.equal(await which('staging'), undefined);
    await assert.rejects(
      assignStage({ model: 'fraud', version: 'v1.0.0', stage: 'staging' }, ports),
      /fraud v1\.0\.0 is deregistered/,
    );
  });

  test("deprecate: GTO's tag, then a no-op; assignments refused", async () => {
    const first = await deprecateModel({ model: 'churn' }, ports);
    assert.equal(first.tag, 'churn@deprecated');
    assert.equal(repo.git(['cat-file', '-t', 'churn@deprecated']), 'tag');
    assert.equal((await deprecateModel({ model: 'churn' }, ports)).changed, false);
    await assert.rejects(
      assignStage({ model: 'churn', version: 'v0.0.1', stage: 'production' }, ports),
      /churn is deprecated/,
    );
  });
});
