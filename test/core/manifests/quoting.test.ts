import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse, parseAllDocuments } from 'yaml';
import type { ManifestTarget } from '../../../core/config/environments-config-schema.js';
import { editManifest } from '../../../core/manifests/edit-manifest.js';
import { renderScalar } from '../../../core/manifests/render-scalar.js';

const TAG: ManifestTarget = {
  kind: 'yaml',
  file: 'values.yaml',
  model: 'fraud',
  path: 'image.tag',
  value: '{version}',
};

// Values YAML 1.2 or 1.1 (Kubernetes' go-yaml, Helm) would read as another type, or not as this text.
const AMBIGUOUS = [
  '1.20',
  '1',
  '-1',
  '+1',
  '0x1F',
  '0o17',
  '017',
  '1e3',
  '1_000',
  '.inf',
  '-.Inf',
  '.nan',
  '1:20',
  'true',
  'False',
  'yes',
  'No',
  'on',
  'OFF',
  'y',
  'N',
  'null',
  'Null',
  '~',
  '2026-11-29',
  '<<',
  '=',
  ' lead',
  'trail ',
  'a: b',
  'a #b',
  '- x',
  '? x',
  '*ref',
  '&anchor x',
  '!tag x',
  '|',
  '>',
  '%x',
  '@x',
  '`x',
  '"q"',
  "'q'",
  '#c',
  '{a}',
  '[a]',
  ',a',
  '',
  'line\nbreak',
  'tab\tinside',
  'nul\0',
  'del\x7f',
  'sep\u2028',
];
// Values that stay plain: what image tags, URIs and digests look like.
const PLAIN = [
  'v5.1.0',
  '5.1.0-rc.1',
  's3://models/fraud/v5.1.0',
  'ghcr.io/acme/fraud:v5',
  `sha256:${'a'.repeat(64)}`,
  'a,b',
  'fraud_v5',
  'é-ü',
];

test('a value YAML would read as another type is double-quoted, and reads back as the string in YAML 1.2 and 1.1', () => {
  for (const value of AMBIGUOUS) {
    const { text } = editManifest({
      file: 'values.yaml',
      text: 'image:\n  tag: v1 # the tag\n',
      changes: [{ target: TAG, value }],
    });
    assert.match(text, /^image:\n {2}tag: ".*" # the tag\n$/s, JSON.stringify(value));
    for (const version of ['1.2', '1.1'] as const) {
      assert.equal(
        (parse(text, { version }) as { image: { tag: unknown } }).image.tag,
        value,
        `${JSON.stringify(value)} in YAML ${version}`,
      );
    }
  }
});

test('tag-like values stay plain in a plain scalar, in block and flow context', () => {
  for (const value of PLAIN) {
    assert.equal(renderScalar(value, 'plain', false), value);
    const flow = value.includes(',') ? `"${value}"` : value;
    assert.equal(renderScalar(value, 'plain', true), flow, value);
    const { text } = editManifest({
      file: 'values.yaml',
      text: 'image: {tag: v1, pull: Always}\n',
      changes: [{ target: TAG, value }],
    });
    assert.equal(text, `image: {tag: ${flow}, pull: Always}\n`);
    for (const version of ['1.2', '1.1'] as const) {
      assert.equal((parse(text, { version }) as { image: { tag: unknown } }).image.tag, value);
    }
  }
});

test('an existing quote style is kept; single quotes fall back to double only when they cannot hold the value', () => {
  const edit = (text: string, value: string) =>
    editManifest({ file: 'values.yaml', text, changes: [{ target: TAG, value }] }).text;
  assert.equal(edit("image:\n  tag: 'v1'\n", 'true'), "image:\n  tag: 'true'\n");
  assert.equal(edit("image:\n  tag: 'v1'\n", "it's"), "image:\n  tag: 'it''s'\n");
  assert.equal(edit("image:\n  tag: 'v1'\n", 'a\nb'), 'image:\n  tag: "a\\nb"\n');
  assert.equal(edit('image:\n  tag: "v1"\n', 'yes'), 'image:\n  tag: "yes"\n');
  assert.equal(edit('image:\n  tag: "v1"\n', 'v2'), 'image:\n  tag: "v2"\n');
  assert.equal(edit('image:\n  tag: v1\n', '1.20'), 'image:\n  tag: "1.20"\n');
  for (const value of AMBIGUOUS) {
    for (const style of ['plain', 'single', 'double'] as const) {
      for (const flow of [false, true]) {
        const source = renderScalar(value, style, flow);
        const doc = flow ? `k: [${source}]\n` : `k: ${source}\n`;
        for (const version of ['1.2', '1.1'] as const) {
          const [only] = parseAllDocuments(doc, { version });
          assert.deepEqual(only!.errors, [], `${doc} ${version}`);
          const read = (only!.toJS() as { k: unknown }).k;
          assert.deepEqual(flow ? (read as unknown[])[0] : read, value, `${JSON.stringify(doc)} ${version}`);
        }
      }
    }
  }
});

test('a plain value that YAML reads as another type is quoted even when its text is unchanged', () => {
  // `tag: 1.20` is the number 1.2: asking for the string "1.20" is a change.
  const { text, edits } = editManifest({
    file: 'values.yaml',
    text: 'image:\n  tag: 1.20\n',
    changes: [{ target: TAG, value: '1.20' }],
  });
  assert.equal(text, 'image:\n  tag: "1.20"\n');
  assert.deepEqual(
    edits.map((e) => [e.before, e.after]),
    [['1.20', '1.20']],
  );
  // …while a quoted or string-typed value equal to the new one is no edit.
  for (const same of ['image:\n  tag: "1.20"\n', "image:\n  tag: '1.20'\n", 'image:\n  tag: v1.20\n']) {
    const value = same.includes('v1.20') ? 'v1.20' : '1.20';
    const result = editManifest({ file: 'values.yaml', text: same, changes: [{ target: TAG, value }] });
    assert.equal(result.text, same);
    assert.deepEqual(result.edits, []);
  }
});
