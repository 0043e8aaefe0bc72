import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { ManifestTarget } from '../../../core/config/environments-config-schema.js';
import { UserError } from '../../../core/errors.js';
import { editManifest } from '../../../core/manifests/edit-manifest.js';
import { findSetterTargets } from '../../../core/manifests/find-setter-targets.js';
import type { ManifestChange } from '../../../core/manifests/manifest-edit-types.js';
import { readManifestValues } from '../../../core/manifests/read-manifest-values.js';

const corpus = (file: string) => readFileSync(join(import.meta.dirname, 'corpus', file), 'utf8');
const yamlAt = (path: string): ManifestTarget => ({
  kind: 'yaml',
  file: 'f.yaml',
  model: 'fraud',
  path,
  value: '{version}',
});
const IMAGE: ManifestTarget = {
  kind: 'image',
  file: 'f.yaml',
  model: 'fraud',
  value: 'ghcr.io/acme/fraud-model:{version}',
};

/** Asserts editManifest refuses with a UserError naming the file, the line (when given) and the target. */
function refuses(
  text: string,
  changes: ManifestChange[],
  expected: { message: RegExp; line?: number; field?: string | RegExp; file?: string },
) {
  const file = expected.file ?? 'f.yaml';
  assert.throws(
    () => editManifest({ file, text, changes }),
    (error: unknown) => {
      assert.ok(error instanceof UserError, String(error));
      assert.match(error.message, expected.message);
      assert.equal(error.location.file, file);
      if (expected.line !== undefined) assert.equal(error.location.line, expected.line, error.message);
      if (typeof expected.field === 'string') assert.equal(error.location.field, expected.field);
      else if (expected.field) assert.match(error.location.field ?? '', expected.field);
      return true;
    },
  );
}

test('a file that is not valid YAML is refused with yaml’s error and its line', () => {
  refuses('model:\n  tag: [v1, v2\nother: x\n', [{ target: yamlAt('model.tag'), value: 'v3' }], {
    message: /^not valid YAML: /,
    line: 3,
  });
  refuses('a: 1\na: 2\n', [{ target: yamlAt('a'), value: '3' }], {
    message: /not valid YAML: .*unique/i,
    line: 2,
  });
});

test('a target that matches nothing is refused, naming what is there', () => {
  refuses(corpus('helm-values.yaml'), [{ target: yamlAt('model.image.digest'), value: 'x' }], {
    message: /the path model\.image\.digest matches nothing/,
    field: 'yaml model.image.digest',
  });
  refuses(corpus('helm-values.yaml'), [{ target: yamlAt('ingress.hosts[3].host'), value: 'x' }], {
    message: /matches nothing/,
  });
  refuses(
    corpus('argocd-guestbook.yaml'),
    [{ target: { ...IMAGE, value: 'ghcr.io/acme/other:{version}' }, value: 'ghcr.io/acme/other:v1' }],
    {
      message:
        /no container runs an image of ghcr\.io\/acme\/other \(containers here: guestbook-ui: gcr.io\/heptio-images\/ks-guestbook-demo:0\.2, predictor: ghcr\.io\/acme\/fraud-model:v5\.0\.2\)/,
      field: 'image (containers running ghcr.io/acme/other)',
    },
  );
  refuses(corpus('argocd-guestbook.yaml'), [{ target: { ...IMAGE, container: 'nope' }, value: 'x:1' }], {
    message: /no container is named nope/,
    field: 'image of container nope',
  });
  refuses(corpus('helm-values.yaml'), [{ target: IMAGE, value: 'ghcr.io/acme/fraud-model:v1' }], {
    message: /the file has no containers or initContainers/,
  });
  const kserve: ManifestTarget = { kind: 'kserve', file: 'f.yaml', model: 'fraud', value: '{uri}' };
  refuses(corpus('argocd-guestbook.yaml'), [{ target: kserve, value: 's3://x' }], {
    message: /no InferenceService/,
    field: 'kserve storageUri',
  });
  refuses(
    'kind: InferenceService\nspec:\n  predictor:\n    model:\n      storage: {key: x, path: y}\n',
    [{ target: kserve, value: 's3://x' }],
    { message: /no spec\.predictor\.model\.storageUri or spec\.predictor\.<framework>\.storageUri/ },
  );
  const kustomize: ManifestTarget = {
    kind: 'kustomize-image',
    file: 'f.yaml',
    model: 'fraud',
    image: 'ghcr.io/acme/x',
    value: '{version}',
  };
  refuses(corpus('kustomization-staging.yaml'), [{ target: kustomize, value: 'v1' }], {
    message: /no images: entry is named ghcr\.io\/acme\/x \(entries: ghcr\.io\/acme\/fraud-model, nginx\)/,
    field: 'kustomize-image ghcr.io/acme/x',
  });
  refuses(corpus('helm-values.yaml'), [{ target: kustomize, value: 'v1' }], { message: /no images: list/ });
});

test('a target that must be unique and matches several nodes is refused, with their lines', () => {
  refuses('model: {tag: v1}\n---\nmodel: {tag: v2}\n', [{ target: yamlAt('model.tag'), value: 'v3' }], {
    message: /the path model\.tag matches 2 values \(lines 1, 3\); it must match exactly one/,
  });
  const two = `kind: InferenceService
spec:
  predictor:
    model:
      storageUri: s3://a
    sklearn:
      storageUri: s3://b
`;
  refuses(
    two,
    [{ target: { kind: 'kserve', file: 'f.yaml', model: 'fraud', value: '{uri}' }, value: 's3://c' }],
    {
      message: /2 predictor storageUri values \(lines 5, 7\)/,
    },
  );
  refuses(
    'images:\n- name: app\n  newTag: v1\n- name: app\n  newTag: v2\n',
    [
      {
        target: { kind: 'kustomize-image', file: 'f.yaml', model: 'fraud', image: 'app', value: '{version}' },
        value: 'v3',
      },
    ],
    { message: /2 images: entries are named app \(lines 3, 5\)/ },
  );
});

test('a value behind an alias, or inside an anchor others reference, is refused and says why', () => {
  const helm = corpus('helm-values.yaml');
  // sidecar takes nodeSelector and resources from `<<: *defaults`.
  refuses(helm, [{ target: yamlAt('sidecar.resources.limits.cpu'), value: '1' }], {
    message: /resources is not written here and may come from the merge key \(<<\)/,
    line: 28,
  });
  // explainer.resources is `*resources`.
  refuses(helm, [{ target: yamlAt('explainer.resources.limits.cpu'), value: '1' }], {
    message: /the path runs through an alias \(\*resources\)/,
    line: 34,
  });
  // defaults.resources is the anchor &resources that explainer reuses.
  refuses(helm, [{ target: yamlAt('defaults.resources.limits.memory'), value: '1Gi' }], {
    message: /inside the anchor &defaults, which aliases \(\*defaults\) elsewhere in the document reuse/,
    line: 20,
  });
  refuses('a: &tag v1\nb: *tag\n', [{ target: yamlAt('b'), value: 'v2' }], {
    message: /the value is an alias \(\*tag\) of a value anchored elsewhere/,
    line: 2,
    field: 'yaml b',
  });
  refuses('a: &tag v1\nb: *tag\n', [{ target: yamlAt('a'), value: 'v2' }], {
    message: /inside the anchor &tag/,
    line: 1,
  });
  // An anchor nobody references is no reason to refuse.
  const { text } = editManifest({
    file: 'f.yaml',
    text: helm,
    changes: [{ target: yamlAt('explainer.version'), value: '1.0' }],
  });
  assert.match(text, /version: &explainerVersion "1\.0"\n/);
  // Containers that come through an alias.
  const aliased = `base: &c
  - name: predictor
    image: ghcr.io/acme/fraud-model:v1
spec:
  template:
    spec:
      containers: *c
`;
  refuses(aliased, [{ target: { ...IMAGE, container: 'predictor' }, value: 'ghcr.io/acme/fraud-model:v2' }], {
    message: /comes through the alias \*c/,
    line: 7,
  });
  refuses(
    'spec:\n  containers:\n  - name: p\n    image: &i ghcr.io/acme/fraud-model:v1\n  initContainers:\n  - name: q\n    image: *i\n',
    [{ target: IMAGE, value: 'ghcr.io/acme/fraud-model:v2' }],
    { message: /inside the anchor &i/, line: 4 },
  );
});

test('a block scalar, a mapping or a sequence at the target is refused; a scalar inside a flow collection is not', () => {
  refuses('config:\n  tag: |\n    v1\n', [{ target: yamlAt('config.tag'), value: 'v2' }], {
    message: /a block scalar \(\| or >\)/,
    line: 2,
  });
  refuses('config:\n  tag: >-\n    v1\n', [{ target: yamlAt('config.tag'), value: 'v2' }], {
    message: /block scalar/,
  });
  refuses('config:\n  tag: !!int 5\n', [{ target: yamlAt('config.tag'), value: 'v2' }], {
    message: /the explicit tag !!int/,
    line: 2,
  });
  const tagged = editManifest({
    file: 'f.yaml',
    text: 'config:\n  tag: !!str 1.20 # str\n',
    changes: [{ target: yamlAt('config.tag'), value: 'v2' }],
  });
  assert.equal(tagged.text, 'config:\n  tag: !!str v2 # str\n');
  refuses(corpus('helm-values.yaml'), [{ target: yamlAt('model.image'), value: 'x' }], {
    message: /expected a single value \(a scalar\) here, found a mapping/,
    line: 9,
  });
  refuses(corpus('flow-maps.yaml'), [{ target: yamlAt('model.tags'), value: 'x' }], {
    message: /found a sequence/,
    line: 8,
  });
  const { text } = editManifest({
    file: 'f.yaml',
    text: corpus('flow-maps.yaml'),
    changes: [{ target: yamlAt('model.replicas'), value: '3' }],
  });
  assert.match(text, /replicas: "3", tags/);
});

test('a malformed yaml path is refused, naming it', () => {
  for (const path of ['a..b', 'a.', '.a', 'a[', 'a[x]', 'a]b', 'a["b]', 'a[0]b', "a['b]"]) {
    refuses('a: {b: 1}\n', [{ target: yamlAt(path), value: 'v' }], {
      message: new RegExp(`malformed yaml path ${JSON.stringify(path).replace(/[[\]\\.]/g, '\\$&')}`),
    });
  }
});

test('a kustomize tag under a pinned digest is refused; a digest under a tag is set and the tag kept', () => {
  const target: ManifestTarget = {
    kind: 'kustomize-image',
    file: 'f.yaml',
    model: 'fraud',
    image: 'ghcr.io/acme/fraud-model',
    value: '{version}',
  };
  refuses(corpus('kustomization-production.yaml'), [{ target, value: 'v5.1.0' }], {
    message: /pinned by digest: sha256:1+, which Kustomize uses over newTag/,
    line: 6,
  });
  const digest = `sha256:${'9'.repeat(64)}`;
  const { text } = editManifest({
    file: 'f.yaml',
    text: corpus('kustomization-staging.yaml'),
    changes: [{ target, value: digest }],
  });
  assert.match(text, new RegExp(`newTag: v5\\.0\\.2\\n    digest: ${digest}\\n`));
  // Reading the tag of a digest-pinned entry is fine: it is only writing one that is refused.
  const values = readManifestValues({
    file: 'f.yaml',
    text: corpus('kustomization-production.yaml'),
    targets: [target],
  });
  assert.deepEqual(
    values.map((v) => v.value),
    [null],
  );
});

test('a container without an image key is refused', () => {
  refuses(
    'spec:\n  containers:\n  - name: predictor\n    command: [run]\n',
    [{ target: { ...IMAGE, container: 'predictor' }, value: 'x:1' }],
    {
      message: /the container predictor has no image: key/,
      line: 3,
    },
  );
});

test('setter markers: malformed ones, one without a value, a digest-pinned tag and a wrong line are refused', () => {
  for (const marker of [
    '{"$modelship": fraud}',
    '{"$modelship": "fraud:name"}',
    '{"$modelship": "fraud", "x": 1}',
    '{"$modelship": ""}',
    '{$modelship: "fraud"}',
  ]) {
    assert.throws(
      () => findSetterTargets({ file: 'f.yaml', text: `a: 1\nimage: x:1 # ${marker}\n` }),
      (error: unknown) =>
        error instanceof UserError &&
        /malformed \$modelship marker/.test(error.message) &&
        error.location.line === 2,
      marker,
    );
  }
  assert.throws(
    () => findSetterTargets({ file: 'f.yaml', text: 'a:\n  # {"$modelship": "fraud"}\n  b: 1\n' }),
    (error: unknown) =>
      error instanceof UserError &&
      /no value before it on its line/.test(error.message) &&
      error.location.line === 2,
  );
  assert.throws(
    () => findSetterTargets({ file: 'f.yaml', text: 'a: | # {"$modelship": "fraud"}\n  text\n' }),
    (error: unknown) =>
      error instanceof UserError && /block scalar/.test(error.message) && error.location.line === 1,
  );
  const pinned = `image: ghcr.io/acme/fraud-model:v1@sha256:${'1'.repeat(64)} # {"$modelship": "fraud:tag"}\n`;
  const [target] = findSetterTargets({ file: 'f.yaml', text: pinned });
  refuses(pinned, [{ target: target!, value: 'v2' }], {
    message: /pinned by digest, which wins over the tag/,
    line: 1,
  });
  refuses(
    corpus('setters.yaml'),
    [{ target: { kind: 'setter', file: 'f.yaml', line: 12, model: 'fraud', part: 'value' }, value: 'v2' }],
    {
      message: /no \{"\$modelship":"fraud"\} marker at line 12/,
    },
  );
  refuses(
    corpus('setters.yaml'),
    [{ target: { kind: 'setter', file: 'f.yaml', line: 17, model: 'fraud', part: 'tag' }, value: 'v2' }],
    {
      message: /the marker there is for proxy:tag/,
    },
  );
});

test('two targets setting one value differently are refused; agreeing ones make one edit', () => {
  const text = corpus('argocd-guestbook.yaml');
  refuses(
    text,
    [
      { target: IMAGE, value: 'ghcr.io/acme/fraud-model:v5.1.0' },
      { target: { ...IMAGE, container: 'predictor' }, value: 'ghcr.io/acme/fraud-model:v5.2.0' },
    ],
    { message: /two targets change the same value differently/, line: 27 },
  );
  const agreed = editManifest({
    file: 'f.yaml',
    text,
    changes: [
      { target: IMAGE, value: 'ghcr.io/acme/fraud-model:v5.1.0' },
      { target: { ...IMAGE, container: 'predictor' }, value: 'ghcr.io/acme/fraud-model:v5.1.0' },
    ],
  });
  assert.equal(agreed.edits.length, 1);
});

test('one refused change refuses the whole file: nothing comes back half-edited', () => {
  assert.throws(
    () =>
      editManifest({
        file: 'f.yaml',
        text: corpus('helm-values.yaml'),
        changes: [
          { target: yamlAt('model.image.tag'), value: 'v6' },
          { target: yamlAt('model.image.nope'), value: 'v6' },
        ],
      }),
    UserError,
  );
});
