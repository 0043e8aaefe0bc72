import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { CST, Parser, parseAllDocuments } from 'yaml';
import type { AnyManifestTarget } from '../../../core/manifests/manifest-edit-types.js';
import { editManifest } from '../../../core/manifests/edit-manifest.js';
import { findSetterTargets } from '../../../core/manifests/find-setter-targets.js';
import { readManifestValues } from '../../../core/manifests/read-manifest-values.js';
import { CORPUS_CASES, type CorpusCase } from './corpus-cases.js';

const DIR = join(import.meta.dirname, 'corpus');
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.yaml'));
const read = (file: string) => readFileSync(join(DIR, file), 'utf8');
const targetOf = (c: CorpusCase) => ({ ...c.target, file: c.file }) as AnyManifestTarget;

test('the corpus is what it claims: CRLF, BOM, no final newline, valid YAML', () => {
  assert.ok(FILES.length >= 15);
  assert.ok(
    read('crlf-deployment.yaml')
      .split('\n')
      .every((l, i, all) => i === all.length - 1 || l.endsWith('\r')),
  );
  assert.ok(read('bom-values.yaml').startsWith('\uFEFF'));
  assert.ok(!read('no-final-newline.yaml').endsWith('\n'));
  assert.ok(read('trailing-spaces.yaml').includes('   \r\n'));
  for (const file of FILES) {
    for (const doc of parseAllDocuments(read(file))) assert.deepEqual(doc.errors, [], file);
  }
});

test('every corpus file round-trips byte for byte through the CST and through an edit with no change', () => {
  for (const file of FILES) {
    const text = read(file);
    const cst = [...new Parser().parse(text)].map((t) => CST.stringify(t)).join('');
    assert.equal(cst, text, file);
    const edited = editManifest({ file, text, changes: [] });
    assert.equal(edited.text, text, file);
    assert.deepEqual(edited.edits, []);
  }
});

test('every corpus case names exactly the value it reads', () => {
  for (const c of CORPUS_CASES) {
    const values = readManifestValues({ file: c.file, text: read(c.file), targets: [targetOf(c)] });
    assert.deepEqual(
      values.map((v) => v.value),
      c.reads,
      `${c.file} ${JSON.stringify(c.target)}`,
    );
    assert.deepEqual(
      values.map((v) => v.line),
      c.spans.map((s) => s.editLine ?? s.line),
      `${c.file} ${JSON.stringify(c.target)}`,
    );
  }
});

for (const c of CORPUS_CASES) {
  const name = `${c.file}: ${JSON.stringify(c.target)} → ${JSON.stringify(c.value)} changes exactly the value's bytes`;
  test(name, () => {
    const before = read(c.file);
    const target = targetOf(c);
    const { text: after, edits } = editManifest({
      file: c.file,
      text: before,
      changes: [{ target, value: c.value }],
    });

    // The expected text: each span replaced at its line, nothing else.
    let expected = before;
    const starts = lineStarts(before);
    const located = c.spans.map((span) => {
      const lineStart = starts[span.line - 1]!;
      const at = before.indexOf(span.before, lineStart);
      assert.ok(
        at >= 0 && at < (starts[span.line] ?? before.length + 1),
        `${span.before} on line ${span.line}`,
      );
      return { ...span, at };
    });
    for (const span of [...located].sort((a, b) => b.at - a.at)) {
      expected = expected.slice(0, span.at) + span.after + expected.slice(span.at + span.before.length);
    }
    assert.equal(after, expected);

    // Outside the value's span (computed from both ends) every byte is the same.
    if (located.length === 1) {
      const [span] = located;
      const tail = before.length - span!.at - span!.before.length;
      assert.equal(after.slice(0, span!.at), before.slice(0, span!.at));
      assert.equal(after.slice(after.length - tail), before.slice(before.length - tail));
    }

    assert.deepEqual(
      edits.map((e) => e.line),
      c.spans.map((s) => s.editLine ?? s.line),
    );
    for (const edit of edits) {
      assert.equal(edit.file, c.file);
      assert.ok(edit.target.length > 0);
    }
    assert.deepEqual(
      edits.map((e) => e.before),
      c.target.kind === 'setter' && c.target.part === 'tag' ? edits.map((e) => e.before) : c.reads,
    );

    // Setting the same value again is no edit, and the file comes back as the same string.
    const again = editManifest({ file: c.file, text: after, changes: [{ target, value: c.value }] });
    assert.equal(again.text, after);
    assert.deepEqual(again.edits, []);

    // The value reads back as asked, with YAML 1.2 and 1.1 readers alike.
    const reads = readManifestValues({ file: c.file, text: after, targets: [target] });
    assert.deepEqual(
      reads.map((r) => r.value),
      c.spans.map(() => c.value),
    );
    for (const version of ['1.2', '1.1'] as const) {
      for (const doc of parseAllDocuments(after, { version })) assert.deepEqual(doc.errors, []);
    }
  });
}

test('a setter file lists its markers in line order', () => {
  const file = 'setters.yaml';
  assert.deepEqual(findSetterTargets({ file, text: read(file) }), [
    { kind: 'setter', file, line: 10, model: 'fraud', part: 'tag' },
    { kind: 'setter', file, line: 13, model: 'fraud', part: 'value' },
    { kind: 'setter', file, line: 15, model: 'fraud', part: 'value' },
    { kind: 'setter', file, line: 17, model: 'proxy', part: 'tag' },
  ]);
  assert.deepEqual(
    findSetterTargets({ file: 'trailing-comments.yaml', text: read('trailing-comments.yaml') }),
    [],
  );
});

test("a promotion's changes to one file land together, and only the values' bytes change", () => {
  const file = 'setters.yaml';
  const before = read(file);
  const changes = findSetterTargets({ file, text: before }).map((target) => ({
    target,
    value:
      target.model === 'proxy'
        ? '1.2.0'
        : target.part === 'tag'
          ? 'v5.1.0'
          : target.line === 13
            ? 'v5.1.0'
            : 's3://m/v5.1.0',
  }));
  const { text, edits } = editManifest({ file, text: before, changes });
  assert.equal(edits.length, 4);
  const beforeLines = before.split('\n');
  const afterLines = text.split('\n');
  assert.equal(afterLines.length, beforeLines.length);
  const changed = beforeLines.flatMap((line, i) => (line === afterLines[i] ? [] : [i + 1]));
  assert.deepEqual(changed, [10, 13, 15, 17]);
});

test('a CRLF file and a BOM file keep their line endings and BOM through several edits', () => {
  const crlf = read('crlf-deployment.yaml');
  const { text } = editManifest({
    file: 'crlf-deployment.yaml',
    text: crlf,
    changes: [
      {
        target: { kind: 'image', file: 'x', model: 'fraud', value: 'ghcr.io/acme/fraud-model:{version}' },
        value: 'ghcr.io/acme/fraud-model:v6',
      },
      {
        target: {
          kind: 'yaml',
          file: 'x',
          model: 'fraud',
          path: 'spec.template.spec.containers[0].env[0].value',
          value: '{uri}',
        },
        value: 'true',
      },
    ],
  });
  assert.equal(text.split('\r\n').length, crlf.split('\r\n').length);
  assert.equal(text.replace(/\r\n/g, '').includes('\n'), false);
  assert.match(text, /value: "true"\r\n$/);
  const bom = read('bom-values.yaml');
  const edited = editManifest({
    file: 'bom-values.yaml',
    text: bom,
    changes: [
      {
        target: { kind: 'yaml', file: 'x', model: 'fraud', path: 'image.repository', value: 'x' },
        value: 'ghcr.io/acme/other',
      },
    ],
  });
  assert.ok(edited.text.startsWith('\uFEFF# Saved'));
  assert.equal(edited.edits[0]!.line, 3);
});

test('a key added to a CRLF kustomization, takes the CRLF and the indentation of its entry', () => {
  const text = 'images:\r\n  - name: app # the app\r\n    newName: reg/app   \r\n  - name: other\r\n';
  const { text: after, edits } = editManifest({
    file: 'kustomization.yaml',
    text,
    changes: [
      {
        target: { kind: 'kustomize-image', file: 'k', model: 'app', image: 'app', value: '{version}' },
        value: '1.0',
      },
    ],
  });
  assert.equal(after, text.replace('reg/app   \r\n', 'reg/app   \r\n    newTag: "1.0"\r\n'));
  assert.deepEqual(
    edits.map((e) => [e.line, e.column, e.before, e.after]),
    [[4, 5, null, '1.0']],
  );
});

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}
