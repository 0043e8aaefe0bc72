import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { modelshipConfigSchema } from '../../../core/config/modelship-config-schema.js';
import { isUserError } from '../../../core/errors.js';
import { resolveRegisterSettings, type RegisterOverrides } from '../../../jobs/register/register-settings.js';
import { names } from '../../support/register-fixture.js';

const commit = 'a'.repeat(40);
const resolve = (overrides: RegisterOverrides) =>
  resolveRegisterSettings(
    modelshipConfigSchema.parse({}),
    { name: 'churn', files: ['m.onnx'], ...overrides },
    names,
    {
      commit,
    },
  );
const refused = (overrides: RegisterOverrides, pattern: RegExp) =>
  assert.throws(
    () => resolve(overrides),
    (error) => isUserError(error) && pattern.test(error.message),
  );

describe('register settings', () => {
  test('defaults: a patch bump into release storage, no force', () => {
    const settings = resolve({});
    assert.deepEqual(settings.version, { kind: 'bump', bump: 'patch' });
    assert.deepEqual(settings.storage, { kind: 'release' });
    assert.equal(settings.force, false);
  });

  test('versions: bumps, v-prefixed and bare SemVer; anything else says what is valid with an example', () => {
    assert.deepEqual(resolve({ version: 'minor' }).version, { kind: 'bump', bump: 'minor' });
    assert.deepEqual(resolve({ version: '1.2.0' }).version, { kind: 'explicit', version: 'v1.2.0' });
    assert.deepEqual(resolve({ version: 'v2.0.0-rc.1' }).version, {
      kind: 'explicit',
      version: 'v2.0.0-rc.1',
    });
    for (const bad of ['v1.2', 'latest', 'v01.2.3', 'bump'])
      refused({ version: bad }, /give major, minor or patch .* or a version such as v1\.2\.0/);
  });

  test('names: GTO rule, with an example', () => {
    for (const bad of ['-churn', 'churn-', 'a b', 'x@y', 'team//churn'])
      refused({ name: bad }, /not a valid model name: .*e\.g\./);
    assert.equal(resolve({ name: 'team/churn' }).model, 'team/churn');
    refused({ name: undefined }, /no model name/);
  });

  test('storage: release or s3://bucket/prefix; the registry section gives the default', () => {
    assert.deepEqual(resolve({ storage: 's3://models/registry' }).storage, {
      kind: 's3',
      location: 's3://models/registry',
    });
    refused({ storage: 'gs://bucket' }, /release .* or s3:\/\/bucket\/prefix/);
  });

  test('dataset digest: hex sha256 (a sha256: prefix is accepted), only with the dataset', () => {
    const sha = 'ab'.repeat(32);
    assert.deepEqual(resolve({ dataset: 'd.csv', datasetSha256: `sha256:${sha.toUpperCase()}` }).dataset, {
      location: 'd.csv',
      sha256: sha,
    });
    refused({ dataset: 'd.csv', datasetSha256: 'abc' }, /must be a sha256/);
    refused({ datasetSha256: sha }, /goes with the dataset/);
  });

  test('no model file, and a bad attestation URL, are refused', () => {
    refused({ files: [] }, /no model file/);
    refused({ attestation: 'not a url' }, /attestation's URL/);
  });
});
