import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { UserError } from '../../../core/errors.js';
import {
  assertModelName,
  formatRegistryTag,
  looksLikeRegistryTag,
  parseRegistryTagName,
} from '../../../core/registry/tag-grammar.js';

describe('parseRegistryTagName', () => {
  // GTO's own cases (tests/test_tag.py test_parse_name), in our shape.
  test('reads every action, with and without a counter', () => {
    assert.deepEqual(parseRegistryTagName('path@v1.2.3'), {
      tag: 'path@v1.2.3',
      model: 'path',
      action: 'register',
      version: 'v1.2.3',
    });
    assert.deepEqual(parseRegistryTagName('path@v1.2.3#5'), {
      tag: 'path@v1.2.3#5',
      model: 'path',
      action: 'register',
      version: 'v1.2.3',
      counter: 5,
    });
    assert.equal(parseRegistryTagName('path@v1.2.3!')?.action, 'deregister');
    assert.equal(parseRegistryTagName('path@v1.2.3!#2')?.counter, 2);
    assert.deepEqual(parseRegistryTagName('path#stage#1'), {
      tag: 'path#stage#1',
      model: 'path',
      action: 'assign',
      stage: 'stage',
      counter: 1,
    });
    assert.deepEqual(parseRegistryTagName('path#stage!#2'), {
      tag: 'path#stage!#2',
      model: 'path',
      action: 'unassign',
      stage: 'stage',
      counter: 2,
    });
    assert.deepEqual(parseRegistryTagName('path@deprecated'), {
      tag: 'path@deprecated',
      model: 'path',
      action: 'deprecate',
    });
  });

  test('a monorepo name is written with = and read back with :', () => {
    const parsed = parseRegistryTagName('models/churn=xgb/v2@v2.0.0-rc.1+build.7');
    assert.equal(parsed?.model, 'models/churn:xgb/v2');
    assert.equal(parsed?.version, 'v2.0.0-rc.1+build.7');
  });

  test('a stage that is all digits is a stage, and the counter follows it', () => {
    assert.deepEqual(parseRegistryTagName('m#12'), {
      tag: 'm#12',
      model: 'm',
      action: 'assign',
      stage: '12',
    });
    assert.equal(parseRegistryTagName('m#1#2')?.counter, 2);
  });

  test('refuses what the grammar refuses', () => {
    for (const tag of [
      'v1.2.3',
      'fraud@v1.2',
      'fraud@1.2.3',
      'fraud@v01.2.3',
      'fraud#',
      'fraud#prod#x',
      '-fraud@v1.0.0',
      'fraud-@v1.0.0',
      'a=b=c@v1.0.0',
      'fraud@created!',
      'fraud@v1.0.0 ',
      'fraud@v1.0.0\n',
    ]) {
      assert.equal(parseRegistryTagName(tag), undefined, tag);
    }
    assert.equal(
      parseRegistryTagName('fraud@created'),
      undefined,
      '@created is GTO grammar but no event of ours',
    );
  });
});

describe('formatRegistryTag', () => {
  test('round-trips every action, monorepo names and counters', () => {
    const cases = [
      { model: 'fraud', action: 'register', version: 'v1.2.0' },
      { model: 'fraud', action: 'deregister', version: 'v1.2.0-rc.1+b.5' },
      { model: 'fraud', action: 'assign', stage: 'prod', counter: 7 },
      { model: 'dir/sub:fraud/a_b', action: 'unassign', stage: 'staging-eu', counter: 12 },
      { model: 'x', action: 'deprecate' },
      { model: '1', action: 'register', version: 'v0.0.1', counter: 3 },
    ] as const;
    for (const parts of cases) {
      const tag = formatRegistryTag(parts);
      assert.deepEqual(parseRegistryTagName(tag), { tag, ...parts });
    }
    assert.equal(
      formatRegistryTag({ model: 'dir:m', action: 'assign', stage: 'prod', counter: 1 }),
      'dir=m#prod#1',
    );
  });

  test('refuses parts that would make an unreadable tag', () => {
    assert.throws(
      () => formatRegistryTag({ model: 'fraud', action: 'register', version: '1.2.0' }),
      UserError,
    );
    assert.throws(() => formatRegistryTag({ model: 'fraud', action: 'assign', stage: 'pr od' }), UserError);
    assert.throws(() => formatRegistryTag({ model: 'fr aud', action: 'deprecate' }), UserError);
    assert.throws(() => formatRegistryTag({ model: 'fraud', action: 'deprecate', counter: -1 }));
  });
});

describe('assertModelName', () => {
  test("accepts GTO's valid names (tests/test_constants.py), one character included", () => {
    for (const name of [
      '1',
      'm',
      'nn',
      'model-prod-v1',
      'model_A',
      'DVCLive/Model',
      'dvclive:model',
      'some/Other_Folder:some/model',
    ]) {
      assert.doesNotThrow(() => assertModelName(name), name);
    }
  });

  test('refuses the invalid ones, saying what is valid with an example, and where', () => {
    for (const name of [
      '',
      'm/',
      '/m',
      '###',
      'a model',
      '_model',
      '-model',
      'model-',
      'model@1',
      'model#1',
      '@ns/model',
      'a:b:c',
    ]) {
      assert.throws(() => assertModelName(name), UserError, name);
    }
    // GTO's pattern allows these, git refuses the tag name.
    for (const name of ['a//b', '/a:m', 'a/.b:m', 'a..b:m', 'a.lock/b:m']) {
      assert.throws(() => assertModelName(name), UserError, name);
    }
    try {
      assertModelName('fraud model', { file: '.github/modelship.yml', line: 4, field: 'registry.name' });
      assert.fail('accepted');
    } catch (error) {
      assert.ok(error instanceof UserError);
      assert.match(error.message, /letters, digits/);
      assert.match(error.message, /e\.g\. fraud/);
      assert.deepEqual(error.location, { file: '.github/modelship.yml', line: 4, field: 'registry.name' });
    }
    assert.throws(
      () => assertModelName('x y', '--name'),
      (e: UserError) => e.location.field === '--name',
    );
  });
});

test('looksLikeRegistryTag finds the tags meant for the registry that the grammar refuses', () => {
  for (const tag of ['fraud@v1.2', 'fraud#prod#x', 'dir=m@v1', 'fraud#'])
    assert.ok(looksLikeRegistryTag(tag), tag);
  for (const tag of ['v1.2.3', 'release-2024', 'foo@bar', 'a b#c', '#1'])
    assert.ok(!looksLikeRegistryTag(tag), tag);
});
