import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isUserError } from '../../../core/errors.js';
import type { RegistryTag } from '../../../core/registry/registry-types.js';
import type { NewRegistryTag } from '../../../jobs/ports/registry-tags.js';
import type { LocalArtifact, RegisterPorts } from '../../../jobs/register/register-ports.js';
import { runRegister } from '../../../jobs/register/run-register.js';
import { settingsFor } from '../../support/register-fixture.js';

const commit = 'c'.repeat(40);
const sha = 'a'.repeat(64);

/** Plain-object ports: the job's decisions without a network (the stand-in tests cover the wiring). */
function ports(files: LocalArtifact[], tags: RegistryTag[] = []) {
  const written: NewRegistryTag[] = [];
  const value: RegisterPorts = {
    tags: {
      reader: { listTags: async () => tags },
      writer: {
        createTag: async (tag) => {
          written.push(tag);
          return {
            created: true,
            tag: { name: tag.name, commit: tag.commit, annotated: true, message: tag.message },
          };
        },
      },
    },
    files: {
      describe: async () => files,
      writeText: async (name, text) => ({ name, path: `/tmp/${name}`, size: text.length, sha256: sha }),
      hashIfLocal: async () => sha,
    },
    reports: { read: async () => '{}' },
  };
  return { value, written };
}

describe('register refusals that need no network', () => {
  test('an asset of 2 GiB or more in release storage: refused before any tag, suggesting S3', async () => {
    const big = { name: 'llm.onnx', path: '/models/llm.onnx', size: 2 * 1024 ** 3, sha256: sha };
    const { value, written } = ports([big]);
    value.releases = {
      findRelease: async () => undefined,
      createRelease: async () => assert.fail('no release'),
      updateBody: async () => assert.fail('no release'),
      uploadAsset: async () => assert.fail('no upload'),
      assetUrl: (tag, name) => `https://github.com/acme/models/releases/download/${tag}/${name}`,
    };
    await assert.rejects(
      runRegister(settingsFor(commit, { evaluation: undefined, gate: undefined, dataset: undefined }), value),
      (error) =>
        isUserError(error) &&
        /2\.00 GiB: GitHub release assets must be under 2 GiB\. Store the artifacts in S3 instead/.test(
          error.message,
        ),
    );
    assert.deepEqual(written, []);
  });

  test('release storage without the API (offline) is refused before anything, naming the alternatives', async () => {
    const { value, written } = ports([{ name: 'm.onnx', path: '/m.onnx', size: 1, sha256: sha }]);
    await assert.rejects(
      runRegister(settingsFor(commit, { evaluation: undefined, gate: undefined, dataset: undefined }), value),
      (error) => isUserError(error) && /--repo owner\/name .* s3:\/\/bucket\/prefix/.test(error.message),
    );
    assert.deepEqual(written, []);
  });

  test('a dataset that is not a local file needs its sha256', async () => {
    const { value } = ports([{ name: 'm.onnx', path: '/m.onnx', size: 1, sha256: sha }]);
    value.files.hashIfLocal = async () => undefined;
    value.store = {
      location: 's3://bucket/p',
      put: async () => assert.fail('nothing stored before the refusal'),
    };
    await assert.rejects(
      runRegister(
        settingsFor(commit, {
          evaluation: undefined,
          gate: undefined,
          dataset: 's3://data/holdout.parquet',
          storage: 's3://bucket/p',
        }),
        value,
      ),
      (error) => isUserError(error) && /pass it with dataset-sha256/.test(error.message),
    );
  });
});
