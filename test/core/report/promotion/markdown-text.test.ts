import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  codeSpan,
  escapeMarkdown,
  fencedBlock,
  link,
} from '../../../../core/report/promotion/markdown-text.js';
import { htmlIn, mentionsIn } from './markdown-safety.js';

const escapes: [string, string][] = [
  ['incident 42', 'incident 42'],
  ['ping @alice and @acme/sre', 'ping @\u200balice and @\u200bacme/sre'],
  // GitHub sees no mention after a letter or digit: a tag name or an address stays as written.
  ['mail a@b.c, tag fraud@v5, (@bob)', 'mail a@b.c, tag fraud@v5, (@\u200bbob)'],
  ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
  ['[click](javascript:alert(1))', '\\[click\\](javascript:alert(1))'],
  ['a | b', 'a \\| b'],
  ['**bold** _it_ ~~x~~', '\\*\\*bold\\*\\* \\_it\\_ \\~\\~x\\~\\~'],
  ['# heading\n- item\r\n1. x', '\\# heading - item 1. x'],
  // What opens a block only where the text may begin a line: its start.
  ['- item', '\\- item'],
  ['  + item', '  \\+ item'],
  ['===', '\\==='],
  ['12. x', '12\\. x'],
  ['3) x', '3\\) x'],
  ['> quote', '&gt; quote'],
  ['Only maintain may (you have write).', 'Only maintain may (you have write).'],
  ['`code` \\n', '\\`code\\` \\\\n'],
  ['&amp; &#64;alice', '&amp;amp; &amp;\\#64;alice'],
  ['${{ secrets.X }}', '${{ secrets.X }}'],
];
for (const [text, expected] of escapes)
  test(`escapeMarkdown(${JSON.stringify(text)})`, () => {
    const escaped = escapeMarkdown(text);
    assert.equal(escaped, expected);
    assert.deepEqual(mentionsIn(escaped), []);
    assert.deepEqual(htmlIn(escaped), []);
  });

const spans: [string, string][] = [
  ['v5.1.0', '`v5.1.0`'],
  ['a`b', '``a`b``'],
  ['`x', '`` `x ``'],
  ['a``b`', '``` a``b` ```'],
  ['two\nlines', '`two lines`'],
  ['', '` `'],
];
for (const [text, expected] of spans)
  test(`codeSpan(${JSON.stringify(text)})`, () => assert.equal(codeSpan(text), expected));

test('fencedBlock: no line inside can close the fence', () => {
  const diff = '--- a/README.md\n+++ b/README.md\n@@ -1 +1 @@\n-```yaml\n+````\n ```\n';
  const block = fencedBlock(diff, 'diff');
  const lines = block.split('\n');
  assert.equal(lines[0], '`````diff');
  assert.equal(lines.at(-1), '`````');
  for (const inner of lines.slice(1, -1)) assert.ok(!inner.startsWith('`````'), inner);
  assert.equal(fencedBlock('plain', 'diff'), '```diff\nplain\n```');
});

test('link keeps only http(s) URLs', () => {
  assert.equal(
    link('x', 'https://github.com/acme/ops/commit/abc'),
    '[x](https://github.com/acme/ops/commit/abc)',
  );
  assert.equal(link('x', 'javascript:alert(1)'), 'x');
  assert.equal(link('x', 'https://a.b/c) [y](z'), 'x');
  assert.equal(link('x', undefined), 'x');
});

test('the safety checks the reply tests rely on do catch a mention and HTML', () => {
  assert.deepEqual(mentionsIn('hi @alice, see `@bob` and\n```\n@carol\n```\n'), ['@alice']);
  assert.deepEqual(htmlIn('<b>x</b> `<i>` <details><summary>s</summary>'), ['<b>', '</b>']);
});
