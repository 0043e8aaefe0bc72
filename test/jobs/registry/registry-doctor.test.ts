import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RegistryTag } from '../../../core/registry/registry-types.js';
import { runRegistryDoctor } from '../../../jobs/registry/run-registry-doctor.js';

const tag = (name: string, commit: string, message: string): RegistryTag => ({
  name,
  commit,
  annotated: true,
  tagger: { name: 'Ada', email: 'ada@example.com', date: '2026-11-01T10:00:00Z' },
  message,
});

// Records are decoded lazily for queries; the doctor must still see a broken one, which no query
// read before it ran.
test('doctor reports a version tag whose record block cannot be read', async () => {
  const tags = [
    tag('fraud@v1.0.0', 'a'.repeat(40), 'Registering artifact fraud version v1.0.0'),
    tag('fraud@v1.1.0', 'b'.repeat(40), 'Register fraud v1.1.0\n\n```modelship-record\n{ not json\n```'),
  ];
  const outcome = await runRegistryDoctor({ tags: { listTags: async () => tags } });
  const unreadable = outcome.problems.filter((p) => p.kind === 'unreadable-record');
  assert.deepEqual(
    unreadable.map((p) => p.tag),
    ['fraud@v1.1.0'],
  );
  assert.equal(outcome.versions, 2);
});
