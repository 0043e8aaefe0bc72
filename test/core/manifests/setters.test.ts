import assert from 'node:assert/strict';
import { test } from 'node:test';
import { editManifest } from '../../../core/manifests/edit-manifest.js';
import { findSetterTargets } from '../../../core/manifests/find-setter-targets.js';
import { readManifestValues } from '../../../core/manifests/read-manifest-values.js';

const TEXT = `spec:
  image: ghcr.io/acme/fraud-model:v5.0.2 #{"$modelship":"fraud:tag"}
  uri: "s3://m/fraud/v5.0.2"  #   {  "$modelship"  :  "fraud"  }
  note: "a # {\\"$modelship\\": \\"fraud\\"} inside a string is no marker"
  flow: {tag: v5.0.2, other: x} # {"$modelship": "team/fraud-2"}
  proxy: registry:5000/acme/proxy # {"$modelship": "proxy:tag"}
  empty: # {"$modelship": "fraud"}
`;

test('setter markers are found with any spacing inside their JSON, and never inside a string', () => {
  assert.deepEqual(findSetterTargets({ file: 'f.yaml', text: TEXT }), [
    { kind: 'setter', file: 'f.yaml', line: 2, model: 'fraud', part: 'tag' },
    { kind: 'setter', file: 'f.yaml', line: 3, model: 'fraud', part: 'value' },
    { kind: 'setter', file: 'f.yaml', line: 5, model: 'team/fraud-2', part: 'value' },
    { kind: 'setter', file: 'f.yaml', line: 6, model: 'proxy', part: 'tag' },
    { kind: 'setter', file: 'f.yaml', line: 7, model: 'fraud', part: 'value' },
  ]);
  assert.deepEqual(findSetterTargets({ file: 'f.yaml', text: 'a: 1 # nothing here\n' }), []);
});

test('a tag marker replaces the tag and keeps the repository; an untagged reference gets the tag added', () => {
  const targets = findSetterTargets({ file: 'f.yaml', text: TEXT });
  assert.deepEqual(
    readManifestValues({ file: 'f.yaml', text: TEXT, targets }).map((v) => [v.line, v.value]),
    [
      [2, 'v5.0.2'],
      [3, 's3://m/fraud/v5.0.2'],
      [5, 'x'],
      [6, null],
      [7, null],
    ],
  );
  const { text, edits } = editManifest({
    file: 'f.yaml',
    text: TEXT,
    changes: targets.map((target) => ({
      target,
      value: target.part === 'tag' ? 'v5.1.0' : target.line === 3 ? 's3://m/fraud/v5.1.0' : 'v5.1.0',
    })),
  });
  assert.equal(
    text,
    TEXT.replace('fraud-model:v5.0.2', 'fraud-model:v5.1.0')
      .replace('"s3://m/fraud/v5.0.2"', '"s3://m/fraud/v5.1.0"')
      .replace('other: x}', 'other: v5.1.0}')
      .replace('registry:5000/acme/proxy #', 'registry:5000/acme/proxy:v5.1.0 #')
      .replace('empty: #', 'empty: v5.1.0 #'),
  );
  assert.deepEqual(
    edits.map((e) => [e.line, e.before, e.after]),
    [
      [2, 'ghcr.io/acme/fraud-model:v5.0.2', 'ghcr.io/acme/fraud-model:v5.1.0'],
      [3, 's3://m/fraud/v5.0.2', 's3://m/fraud/v5.1.0'],
      [5, 'x', 'v5.1.0'],
      [6, 'registry:5000/acme/proxy', 'registry:5000/acme/proxy:v5.1.0'],
      [7, null, 'v5.1.0'],
    ],
  );
  const again = editManifest({
    file: 'f.yaml',
    text,
    changes: findSetterTargets({ file: 'f.yaml', text }).map((target) => ({
      target,
      value: target.part === 'tag' ? 'v5.1.0' : target.line === 3 ? 's3://m/fraud/v5.1.0' : 'v5.1.0',
    })),
  });
  assert.deepEqual(again.edits, []);
  assert.equal(again.text, text);
});
