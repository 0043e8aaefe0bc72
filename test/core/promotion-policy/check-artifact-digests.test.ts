import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkArtifactDigests } from '../../../core/promotion-policy/check-artifact-digests.js';
import type { ArtifactRecord } from '../../../core/registry/version-record-schema.js';

const sha = (c: string) => c.repeat(64);
const onnx: ArtifactRecord = {
  name: 'model.onnx',
  uri: 'https://github.com/acme/models/releases/download/fraud%40v1.2.0/model.onnx',
  sha256: sha('a'),
  size: 1234,
};
const card: ArtifactRecord = {
  ...onnx,
  name: 'card.md',
  uri: onnx.uri.replace('model.onnx', 'card.md'),
  sha256: sha('b'),
  size: 10,
};
const s3: ArtifactRecord = {
  name: 'model.onnx',
  uri: 's3://models/fraud/v1.2.0/model.onnx',
  sha256: sha('c'),
  size: 5,
};
const check = (artifacts: ArtifactRecord[], assets: Parameters<typeof checkArtifactDigests>[0]['assets']) =>
  checkArtifactDigests({ label: 'fraud v1.2.0', tag: 'fraud@v1.2.0', artifacts, assets });

test('release assets whose digest and size match the record pass; S3 artifacts are not checked here', () => {
  const assets = [
    { name: 'model.onnx', size: 1234, digest: `sha256:${sha('a')}` },
    { name: 'card.md', size: 10, digest: `SHA256:${sha('b').toUpperCase()}`.replace('SHA256', 'sha256') },
    { name: 'extra.txt', size: 1, digest: null },
  ];
  assert.deepEqual(check([onnx, card], assets), []);
  assert.deepEqual(check([s3], undefined), []);
});

test('a swapped, missing or unverifiable asset refuses, naming the asset and both digests', () => {
  const swapped = check([onnx], [{ name: 'model.onnx', size: 1234, digest: `sha256:${sha('d')}` }]);
  assert.deepEqual(
    swapped.map((f) => f.code),
    ['digest-mismatch'],
  );
  assert.match(
    swapped[0]!.message,
    new RegExp(
      `model\\.onnx of the release fraud@v1\\.2\\.0 .*sha256:${sha('d')} \\(1234 bytes\\).*sha256:${sha('a')} \\(1234 bytes\\)`,
    ),
  );
  const resized = check([onnx], [{ name: 'model.onnx', size: 99, digest: `sha256:${sha('a')}` }]);
  assert.deepEqual(
    resized.map((f) => f.code),
    ['digest-mismatch'],
  );
  const both = check([onnx, card], [{ name: 'model.onnx', size: 1234 }]);
  assert.deepEqual(
    both.map((f) => f.code),
    ['digest-unknown', 'artifact-missing'],
  );
  assert.match(both[1]!.message, /card\.md is not among the assets of the release fraud@v1\.2\.0/);
  const none = check([onnx, s3], undefined);
  assert.deepEqual(
    none.map((f) => f.code),
    ['release-missing'],
  );
});
