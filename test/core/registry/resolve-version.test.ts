import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { UserError } from '../../../core/errors.js';
import { buildRegistryState } from '../../../core/registry/build-registry-state.js';
import { nextStageCounter } from '../../../core/registry/next-stage-counter.js';
import { nextVersion } from '../../../core/registry/next-version.js';
import { resolveVersion } from '../../../core/registry/resolve-version.js';
import { tag } from './registry-tags.js';

const state = buildRegistryState([
  tag('fraud@v4.2.0', 'c0', 1),
  tag('fraud@v5.0.1', 'c1', 2),
  tag('fraud@v5.0.2', 'c2', 3),
  tag('fraud@v5.1.0', 'c3', 4),
  tag('fraud@v5.1.3', 'c4', 5),
  tag('fraud@v5.2.0-rc.1', 'c5', 6),
  tag('fraud@v7.0.0', 'c7', 7),
  tag('fraud@v5.0.2!', 'c2', 8, { by: 'Grace' }),
  tag('fraud@v7.0.0!', 'c7', 9, { by: 'Grace' }),
  tag('fraud#prod#4', 'c3', 10),
  tag('old@v1.0.0', 'd1', 1),
  tag('old@deprecated', 'd1', 2, { by: 'Linus' }),
]);

const resolve = (spec: string) => resolveVersion(state, 'fraud', spec).version;

function refusal(spec: string, model = 'fraud'): UserError {
  try {
    resolveVersion(state, model, spec);
  } catch (error) {
    assert.ok(error instanceof UserError, String(error));
    return error;
  }
  assert.fail(`${model} ${spec} resolved`);
}

describe('resolveVersion', () => {
  test('v5 → highest active v5.*.*, v5.1 → v5.1.*, exact with or without v, latest, #stage', () => {
    assert.equal(resolve('v5'), 'v5.2.0-rc.1');
    assert.equal(resolve('5'), 'v5.2.0-rc.1');
    assert.equal(resolve('v5.1'), 'v5.1.3');
    assert.equal(resolve('v5.0'), 'v5.0.1', 'v5.0.2 is deregistered');
    assert.equal(resolve('v5.1.0'), 'v5.1.0');
    assert.equal(resolve('5.1.0'), 'v5.1.0');
    assert.equal(resolve('@5.1.0'), 'v5.1.0');
    assert.equal(resolve('latest'), 'v5.2.0-rc.1', 'v7.0.0 is deregistered');
    assert.equal(resolve('#prod'), 'v5.1.0');
  });

  test('a deregistered version is refused saying when and by whom', () => {
    const e = refusal('v5.0.2');
    assert.match(
      e.message,
      /^fraud v5\.0\.2 was deregistered on 2026-11-29 10:08 UTC by Grace; nearest active: v4\.2\.0, v5\.0\.1, v5\.1\.0, v5\.1\.3$/,
    );
    assert.match(
      refusal('v7').message,
      /no active version matching v7: fraud v7\.0\.0 was deregistered on 2026-11-29 10:09 UTC by Grace/,
    );
  });

  test('a deprecated model is refused', () => {
    assert.match(
      refusal('latest', 'old').message,
      /^model old is deprecated on 2026-11-29 10:02 UTC by Linus/,
    );
    assert.match(refusal('v1.0.0', 'old').message, /deprecated/);
  });

  test('what does not exist is refused with the nearest versions', () => {
    assert.equal(
      refusal('v5.1.2').message,
      'fraud has no version v5.1.2; nearest: v5.0.1, v5.1.0, v5.1.3, v5.2.0-rc.1',
    );
    assert.equal(refusal('v6').message, 'fraud has no version v6.x.x; nearest: v5.1.3, v5.2.0-rc.1');
    assert.equal(refusal('v3.9').kind, 'not-found');
    assert.match(refusal('#constructor').message, /no version of fraud is in stage constructor/);
    assert.match(
      refusal('#staging').message,
      /no version of fraud is in stage staging; stages in use: prod \(v5\.1\.0\)/,
    );
    assert.match(refusal('v1', 'fruad').message, /no model named fruad in the registry; models: fraud, old/);
  });

  test('a spec that is not a version says which forms are', () => {
    for (const spec of ['v5.x', 'five', 'v5.1.2.3', '']) {
      const e = refusal(spec);
      assert.equal(e.kind, 'input', spec);
      assert.match(e.message, /v5 \(highest active v5\.\*\.\*\)/);
    }
  });
});

describe('nextVersion', () => {
  test('the first version is v0.0.1, whatever the bump', () => {
    assert.equal(nextVersion(state, 'new', { bump: 'major' }), 'v0.0.1');
    assert.equal(nextVersion(state, 'new'), 'v0.0.1');
  });

  test('bumps the highest version ever registered, deregistered included, so none is reused', () => {
    assert.equal(nextVersion(state, 'fraud', { bump: 'patch' }), 'v7.0.1');
    assert.equal(nextVersion(state, 'fraud', { bump: 'minor' }), 'v7.1.0');
    assert.equal(nextVersion(state, 'fraud', { bump: 'major' }), 'v8.0.0');
    const pre = buildRegistryState([tag('m@v1.0.0', 'a', 1), tag('m@v1.1.0-rc.2', 'b', 2)]);
    assert.equal(nextVersion(pre, 'm', { bump: 'patch' }), 'v1.1.1');
    // A deregister tag for a version never registered still claims its number.
    const orphan = buildRegistryState([tag('m@v1.0.0', 'a', 1), tag('m@v3.0.0!', 'b', 2)]);
    assert.equal(nextVersion(orphan, 'm', { bump: 'minor' }), 'v3.1.0');
  });

  test('an explicit version is normalised, and refused when it exists (deregistered too)', () => {
    assert.equal(nextVersion(state, 'fraud', { explicit: '6.0.0' }), 'v6.0.0');
    assert.equal(nextVersion(state, 'fraud', { explicit: 'v5.0.0' }), 'v5.0.0');
    for (const v of ['v5.1.0', '5.0.2']) {
      assert.throws(
        () => nextVersion(state, 'fraud', { explicit: v }),
        (e: unknown) => e instanceof UserError && /already exists/.test(e.message),
        v,
      );
    }
    assert.throws(() => nextVersion(state, 'fraud', { explicit: 'v5' }), UserError);
  });
});

describe('nextStageCounter', () => {
  test('the highest counter over all of the model’s tags + 1, per model', () => {
    assert.equal(nextStageCounter(state, 'fraud'), 5);
    assert.equal(nextStageCounter(state, 'old'), 1);
    assert.equal(nextStageCounter(state, 'new'), 1);
    const mixed = buildRegistryState([
      tag('m@v1.0.0#12', 'a', 1),
      tag('m#prod#3', 'a', 2),
      tag('m#12', 'a', 3),
      tag('n#prod#40', 'a', 4),
    ]);
    assert.equal(nextStageCounter(mixed, 'm'), 13);
    // A state built by hand (no lastCounters) reads its events' tags.
    assert.equal(nextStageCounter({ ...mixed, lastCounters: undefined }, 'm'), 13);
  });
});
