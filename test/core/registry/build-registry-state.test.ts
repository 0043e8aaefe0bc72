import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildRegistryState } from '../../../core/registry/build-registry-state.js';
import type { RegistryTag } from '../../../core/registry/registry-types.js';
import type { VersionRecord } from '../../../core/registry/version-record-schema.js';
import { formatVersionTagMessage } from '../../../core/registry/version-tag-message.js';
import { sha, tag } from './registry-tags.js';

function model(tags: RegistryTag[], name = 'fraud') {
  const state = buildRegistryState(tags);
  const m = state.models.get(name);
  assert.ok(m, `model ${name}`);
  return { state, m };
}

const holders = (tags: RegistryTag[]) =>
  Object.fromEntries(Object.entries(model(tags).m.stages).map(([s, h]) => [s, h.version]));

describe('versions', () => {
  test('lists versions highest SemVer first, prereleases below their release, with who and when', () => {
    const { m } = model([
      tag('fraud@v1.0.0', 'c1', 1, { by: 'Ada' }),
      tag('fraud@v1.10.0', 'c3', 3),
      tag('fraud@v1.2.0', 'c2', 2),
      tag('fraud@v2.0.0-rc.1', 'c4', 4, { by: 'Grace' }),
      tag('fraud@v2.0.0', 'c5', 5),
    ]);
    assert.deepEqual(
      m.versions.map((v) => v.version),
      ['v2.0.0', 'v2.0.0-rc.1', 'v1.10.0', 'v1.2.0', 'v1.0.0'],
    );
    const rc = m.versions[1]!;
    assert.equal(rc.registeredBy, 'Grace');
    assert.equal(rc.commit, sha('c4'));
    assert.equal(rc.registeredAt, '2026-11-29T10:04:00+00:00');
    assert.equal(rc.status, 'active');
    assert.equal(m.deprecated, false);
  });

  test('a deregistered version is listed as such; a later registration tag brings it back', () => {
    const tags = [tag('fraud@v1.0.0', 'c1', 1), tag('fraud@v1.1.0', 'c2', 2), tag('fraud@v1.1.0!', 'c2', 3)];
    assert.deepEqual(
      model(tags).m.versions.map((v) => [v.version, v.status]),
      [
        ['v1.1.0', 'deregistered'],
        ['v1.0.0', 'active'],
      ],
    );
    assert.equal(model([...tags, tag('fraud@v1.1.0#5', 'c2', 4)]).m.versions[0]!.status, 'active');
  });

  test('decodes the version record of a registration, and reports a broken or mismatched one', () => {
    const record: VersionRecord = {
      schema: 'modelship/version@1',
      model: 'fraud',
      version: 'v1.0.0',
      commit: sha('c1'),
      artifacts: [{ name: 'model.onnx', uri: 's3://b/k', sha256: 'a'.repeat(64), size: 10 }],
      metrics: { roc_auc: 0.9 },
    };
    const tags = [
      tag('fraud@v1.0.0', 'c1', 1, { message: formatVersionTagMessage(record) }),
      tag('fraud@v1.1.0', 'c2', 2, { message: 'x\n\n```modelship-record\n{"schema": \n```\n' }),
      tag('fraud@v1.2.0', 'c3', 3, { message: formatVersionTagMessage({ ...record, commit: sha('c3') }) }),
    ];
    const state = buildRegistryState(tags, { records: 'eager' });
    const m = state.models.get('fraud')!;
    assert.deepEqual(m.versions.find((v) => v.version === 'v1.0.0')!.record, record);
    assert.equal(m.versions.find((v) => v.version === 'v1.1.0')!.record, undefined);
    assert.deepEqual(
      state.problems.map((p) => [p.kind, p.tag]),
      [
        ['unreadable-record', 'fraud@v1.2.0'],
        ['unreadable-record', 'fraud@v1.1.0'],
      ],
    );
    assert.match(state.problems[0]!.message, /version v1\.0\.0/);
    assert.match(state.problems[1]!.message, /not JSON/);
    assert.deepEqual(
      JSON.parse(JSON.stringify(m.versions.at(-1))).record,
      record,
      'a decoded record is plain data',
    );
  });

  test('records are decoded on first read: problems appear then, once', () => {
    const state = buildRegistryState([
      tag('fraud@v1.0.0', 'c1', 1, { message: 'Registering artifact fraud version v1.0.0' }),
      tag('fraud@v1.1.0', 'c2', 2, { message: 'x\n\n```modelship-record\n{}\n```\n' }),
    ]);
    assert.equal(state.problems.length, 0);
    const [broken, plain] = state.models.get('fraud')!.versions;
    assert.ok(!('record' in plain!), 'no record key for a message without a block');
    assert.equal(broken!.record, undefined);
    assert.equal(broken!.record, undefined);
    assert.ok(!('record' in broken!));
    assert.deepEqual(
      state.problems.map((p) => [p.kind, p.tag]),
      [['unreadable-record', 'fraud@v1.1.0']],
    );
  });
});

describe('stages', () => {
  test('an assignment binds to the version on its commit; reassignment moves the stage', () => {
    const tags = [
      tag('fraud@v1.0.0', 'c1', 1),
      tag('fraud@v1.1.0', 'c2', 2),
      tag('fraud#prod#1', 'c1', 3),
      tag('fraud#staging#2', 'c2', 4),
    ];
    assert.deepEqual(holders(tags), { prod: 'v1.0.0', staging: 'v1.1.0' });
    const moved = [...tags, tag('fraud#prod#3', 'c2', 5)];
    assert.deepEqual(holders(moved), { prod: 'v1.1.0', staging: 'v1.1.0' });
    const { m } = model(moved);
    assert.deepEqual(m.versions[0]!.stages, ['prod', 'staging']);
    assert.deepEqual(m.versions[1]!.stages, []);
    assert.deepEqual(m.stages.prod, {
      stage: 'prod',
      version: 'v1.1.0',
      assignedAt: '2026-11-29T10:05:00+00:00',
      tag: 'fraud#prod#3',
    });
  });

  test('unassigning the newest brings the previous one back; unassigning both empties the stage', () => {
    const tags = [
      tag('fraud@v1.0.0', 'c1', 1),
      tag('fraud@v1.1.0', 'c2', 2),
      tag('fraud#prod#1', 'c1', 3),
      tag('fraud#prod#2', 'c2', 4),
      tag('fraud#prod!#3', 'c2', 5),
    ];
    assert.deepEqual(holders(tags), { prod: 'v1.0.0' });
    assert.deepEqual(holders([...tags, tag('fraud#prod!#4', 'c1', 6)]), {});
    // Re-assigning an older version makes it the newest assignment.
    assert.deepEqual(holders([...tags.slice(0, 4), tag('fraud#prod#9', 'c1', 6)]), { prod: 'v1.0.0' });
  });

  test('a deregistered version loses its stages, and the previous holder is back', () => {
    const tags = [
      tag('fraud@v1.0.0', 'c1', 1),
      tag('fraud@v1.1.0', 'c2', 2),
      tag('fraud#prod#1', 'c1', 3),
      tag('fraud#prod#2', 'c2', 4),
      tag('fraud@v1.1.0!', 'c2', 5),
    ];
    assert.deepEqual(holders(tags), { prod: 'v1.0.0' });
  });

  test('events at the same second are ordered by counter, then name — whatever the input order', () => {
    const tags = [
      tag('fraud@v1.0.0', 'c1', 1),
      tag('fraud@v1.1.0', 'c2', 1),
      tag('fraud#prod#2', 'c2', 2),
      tag('fraud#prod#3', 'c1', 2),
    ];
    assert.deepEqual(holders(tags), { prod: 'v1.0.0' });
    assert.deepEqual(holders([...tags].reverse()), { prod: 'v1.0.0' });
    const { m } = model([...tags].reverse());
    assert.deepEqual(
      m.events.map((e) => e.tag),
      ['fraud@v1.0.0', 'fraud@v1.1.0', 'fraud#prod#2', 'fraud#prod#3'],
    );
    assert.equal(m.events[2]!.version, 'v1.1.0', 'stage events name the version they bound to');
  });

  test('an assignment on a commit without a version is reported and ignored', () => {
    const { m, state } = model([tag('fraud@v1.0.0', 'c1', 1), tag('fraud#prod#1', 'c9', 2)]);
    assert.deepEqual(m.stages, {});
    assert.deepEqual(
      state.problems.map((p) => p.kind),
      ['assignment-without-version'],
    );
  });
});

describe('deprecation', () => {
  test('a deprecated model has no active versions and no stages; a later registration revives it (GTO)', () => {
    const tags = [
      tag('fraud@v1.0.0', 'c1', 1),
      tag('fraud#prod#1', 'c1', 2),
      tag('fraud@deprecated', 'c1', 3),
    ];
    const { m } = model(tags);
    assert.equal(m.deprecated, true);
    assert.deepEqual(m.stages, {});
    assert.deepEqual(
      m.versions.map((v) => [v.status, v.stages]),
      [['deprecated', []]],
    );
    const revived = model([...tags, tag('fraud@v1.1.0', 'c2', 4)]).m;
    assert.equal(revived.deprecated, false);
    assert.deepEqual(
      revived.versions.map((v) => v.status),
      ['active', 'active'],
    );
    assert.deepEqual(Object.keys(revived.stages), ['prod']);
  });
});

describe('problems', () => {
  test('lightweight tags in our format are reported and ignored; unrelated tags are left alone', () => {
    const state = buildRegistryState([
      tag('fraud@v1.0.0', 'c1', 1),
      tag('fraud@v1.1.0', 'c2', 2, { annotated: false }),
      tag('fraud#prod#7', 'c1', 3, { annotated: false }),
      tag('v1.0.0', 'c1', 3, { annotated: false }),
      tag('release-2026', 'c1', 3),
    ]);
    assert.deepEqual(
      state.problems.map((p) => [p.kind, p.tag]),
      [
        ['lightweight-tag', 'fraud@v1.1.0'],
        ['lightweight-tag', 'fraud#prod#7'],
      ],
    );
    assert.match(state.problems[0]!.message, /git tag -a/);
    assert.deepEqual(
      state.models.get('fraud')!.versions.map((v) => v.version),
      ['v1.0.0'],
    );
    assert.deepEqual([...state.models.keys()], ['fraud']);
    assert.equal(state.lastCounters?.get('fraud'), 7, "GTO's counter counts lightweight tags too");
  });

  test('tags that look like ours but do not parse are reported', () => {
    const state = buildRegistryState([
      tag('fraud@v1.2', 'c1', 1),
      tag('fraud#prod#x', 'c1', 2),
      tag('fraud@latest', 'c1', 3),
    ]);
    assert.deepEqual(
      state.problems.map((p) => [p.kind, p.tag]),
      [
        ['unparsable-tag', 'fraud@v1.2'],
        ['unparsable-tag', 'fraud#prod#x'],
      ],
    );
    assert.equal(state.models.size, 0);
  });

  test('two versions on one commit are reported; the stage binds to the version its message names, else the last registered', () => {
    const base = [tag('fraud@v1.0.0', 'c1', 1), tag('fraud@v1.1.0', 'c1', 2)];
    const { state } = model([...base, tag('fraud#prod#1', 'c1', 3)]);
    assert.deepEqual(
      state.problems.map((p) => [p.kind, p.tag]),
      [['versions-on-one-commit', 'fraud@v1.1.0']],
    );
    assert.match(state.problems[0]!.message, /already has v1\.0\.0/);
    assert.deepEqual(holders([...base, tag('fraud#prod#1', 'c1', 3)]), { prod: 'v1.1.0' });
    const named = tag('fraud#prod#1', 'c1', 3, {
      message: 'Assigning stage prod to artifact fraud version v1.0.0\n',
    });
    assert.deepEqual(holders([...base, named]), { prod: 'v1.0.0' });
  });

  test('models are separate, monorepo names included', () => {
    const state = buildRegistryState([
      tag('fraud@v1.0.0', 'c1', 1),
      tag('models=fraud@v3.0.0', 'c1', 2),
      tag('models=fraud#prod#1', 'c1', 3),
    ]);
    assert.deepEqual([...state.models.keys()], ['fraud', 'models:fraud']);
    assert.deepEqual(state.problems, [], 'one version per commit is per model');
    assert.equal(state.models.get('models:fraud')!.stages.prod!.version, 'v3.0.0');
    assert.deepEqual(state.models.get('fraud')!.stages, {});
  });
});
