import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { UserError } from '../../../core/errors.js';
import { bumpSemver, compareSemver, normalizeVersion, parseSemver } from '../../../core/registry/semver.js';

describe('parseSemver', () => {
  test("accepts GTO's valid versions and refuses its invalid ones (tests/test_versions.py)", () => {
    for (const v of ['v0.1.2', 'v3.4.5-pre.2+build.4', 'v3.4.5-pre.2-build.4']) assert.ok(parseSemver(v), v);
    for (const v of ['1', 'v1', 'v1.2', 'v01.2.3', 'v1.2.3-01', 'v1.2.3-', 'v1.2.3+', 'V1.2.3', ' v1.2.3']) {
      assert.equal(parseSemver(v), undefined, v);
    }
    assert.deepEqual(parseSemver('v1.0.0-alpha.1+b.2'), {
      major: '1',
      minor: '0',
      patch: '0',
      prerelease: ['alpha', '1'],
      build: ['b', '2'],
    });
  });
});

describe('compareSemver', () => {
  test("orders semver.org's §11 example chain", () => {
    const chain = [
      'v1.0.0-alpha',
      'v1.0.0-alpha.1',
      'v1.0.0-alpha.beta',
      'v1.0.0-beta',
      'v1.0.0-beta.2',
      'v1.0.0-beta.11',
      'v1.0.0-rc.1',
      'v1.0.0',
      'v1.0.1',
      'v1.1.0',
      'v1.10.0',
      'v2.0.0',
      'v99999999999999999999.0.0',
      'v100000000000000000000.0.0',
    ];
    for (let i = 0; i < chain.length; i++) {
      for (let j = 0; j < chain.length; j++) {
        assert.equal(
          Math.sign(compareSemver(chain[i]!, chain[j]!)),
          Math.sign(i - j),
          `${chain[i]} vs ${chain[j]}`,
        );
      }
    }
    const shuffled = [...chain].reverse();
    assert.deepEqual(shuffled.sort(compareSemver), chain);
  });

  test('ignores build metadata, and throws on text that is not a version', () => {
    assert.equal(compareSemver('v1.0.0+a', 'v1.0.0+b'), 0);
    assert.equal(compareSemver('1.0.0', 'v1.0.0'), 0);
    assert.throws(() => compareSemver('v1.0', 'v1.0.0'));
  });
});

describe('bumpSemver', () => {
  test("bumps as GTO does (python-semver's bump_*): lower parts reset, prerelease and build dropped", () => {
    assert.equal(bumpSemver('v1.3.4', 'major'), 'v2.0.0');
    assert.equal(bumpSemver('v1.3.4', 'minor'), 'v1.4.0');
    assert.equal(bumpSemver('v1.3.4', 'patch'), 'v1.3.5');
    assert.equal(bumpSemver('v1.2.3-rc.1+b.4', 'patch'), 'v1.2.4');
    assert.equal(bumpSemver('v9007199254740993.0.0', 'major'), 'v9007199254740994.0.0');
  });
});

describe('normalizeVersion', () => {
  test('accepts 5.1.2 and v5.1.2 as v5.1.2', () => {
    assert.equal(normalizeVersion('5.1.2'), 'v5.1.2');
    assert.equal(normalizeVersion('v5.1.2'), 'v5.1.2');
    assert.equal(normalizeVersion('2.0.0-rc.1'), 'v2.0.0-rc.1');
  });

  test('refuses anything else with what a version looks like and an example', () => {
    for (const bad of ['5', 'v5.1', 'version 5', 'V5.1.2', 'latest', '']) {
      assert.throws(
        () => normalizeVersion(bad, '--version'),
        (e: unknown) =>
          e instanceof UserError &&
          /MAJOR\.MINOR\.PATCH/.test(e.message) &&
          /e\.g\. v1\.2\.0/.test(e.message) &&
          e.location.field === '--version',
        bad,
      );
    }
  });
});
