import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseImageReference } from '../../../core/manifests/image-reference.js';
import { unifiedDiff } from '../../../core/manifests/unified-diff.js';
import { parseYamlPath } from '../../../core/manifests/yaml-path.js';

test('image references split at the tag and digest, never at a registry port', () => {
  assert.deepEqual(parseImageReference('ghcr.io/acme/fraud:v5.1.0'), {
    repository: 'ghcr.io/acme/fraud',
    tag: 'v5.1.0',
  });
  assert.deepEqual(parseImageReference('registry:5000/team/app'), { repository: 'registry:5000/team/app' });
  assert.deepEqual(parseImageReference('registry:5000/team/app:1.2'), {
    repository: 'registry:5000/team/app',
    tag: '1.2',
  });
  assert.deepEqual(parseImageReference(`registry:5000/app:1.2@sha256:${'a'.repeat(64)}`), {
    repository: 'registry:5000/app',
    tag: '1.2',
    digest: `sha256:${'a'.repeat(64)}`,
  });
  assert.deepEqual(parseImageReference('nginx@sha256:abc'), { repository: 'nginx', digest: 'sha256:abc' });
  assert.deepEqual(parseImageReference('nginx'), { repository: 'nginx' });
  assert.deepEqual(parseImageReference('localhost:5000'), { repository: 'localhost', tag: '5000' });
});

test('yaml paths: dotted keys, indexes and quoted keys', () => {
  assert.deepEqual(parseYamlPath('a.b.c'), [{ key: 'a' }, { key: 'b' }, { key: 'c' }]);
  assert.deepEqual(parseYamlPath('list[0].x'), [{ key: 'list' }, { index: 0 }, { key: 'x' }]);
  assert.deepEqual(parseYamlPath('m[2][10]'), [{ key: 'm' }, { index: 2 }, { index: 10 }]);
  assert.deepEqual(parseYamlPath('key["with.dots"].tag'), [
    { key: 'key' },
    { key: 'with.dots' },
    { key: 'tag' },
  ]);
  assert.deepEqual(parseYamlPath(`a['it''s']`), [{ key: 'a' }, { key: "it's" }]);
  assert.deepEqual(parseYamlPath('["x]y"]["q\\"r"]'), [{ key: 'x]y' }, { key: 'q"r' }]);
  assert.deepEqual(parseYamlPath('podAnnotations.prometheus\\.io'), [
    { key: 'podAnnotations' },
    { key: 'prometheus\\' },
    { key: 'io' },
  ]);
  for (const bad of [
    '',
    'a..b',
    'a.',
    '.a',
    'a[',
    'a[]',
    'a[-1]',
    'a[x]',
    'a]',
    'a["b"]c',
    'a["b]',
    "a['b]",
    'a["\\u12"]',
  ]) {
    assert.throws(() => parseYamlPath(bad, 'values.yaml'), /malformed yaml path/, bad);
  }
});

test('a unified diff names the file, shows three lines of context, and prints CRLF lines without the CR', () => {
  const before = 'a\r\nb\r\nc\r\nd\r\ne\r\nf\r\ng\r\n';
  const after = before.replace('d\r\n', 'D\r\n');
  assert.equal(
    unifiedDiff('apps/x.yaml', before, after),
    [
      '--- a/apps/x.yaml',
      '+++ b/apps/x.yaml',
      '@@ -1,7 +1,7 @@',
      ' a',
      ' b',
      ' c',
      '-d',
      '+D',
      ' e',
      ' f',
      ' g',
      '',
    ].join('\n'),
  );
  assert.equal(unifiedDiff('x.yaml', before, before), '');
  assert.equal(
    unifiedDiff('x.yaml', 'k: 1', 'k: 1\nj: 2'),
    [
      '--- a/x.yaml',
      '+++ b/x.yaml',
      '@@ -1,1 +1,2 @@',
      '-k: 1',
      '\\ No newline at end of file',
      '+k: 1',
      '+j: 2',
      '\\ No newline at end of file',
      '',
    ].join('\n'),
  );
  assert.equal(
    unifiedDiff('x.yaml', 'a\n', 'a\nb\n'),
    ['--- a/x.yaml', '+++ b/x.yaml', '@@ -1,1 +1,2 @@', ' a', '+b', ''].join('\n'),
  );
});
