import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { gitRegistryTags } from '../../../platform/registry/git-registry-tags.js';
import { gitRegistryTagsWriter } from '../../../platform/registry/git-registry-tags-writer.js';
import { gtoMessage, RegistryRepo } from '../../support/registry-repo.js';

const repo = RegistryRepo.create();
after(() => repo.remove());
const [c0, c1, c2] = repo.commits as [string, string, string];
repo.tag('fraud@v1.0.0', c0, gtoMessage.register('fraud', 'v1.0.0'));
repo.tag('fraud#production#1', c0, gtoMessage.assign('fraud', 'v1.0.0', 'production'));
repo.tag('team/churn@v0.0.1', c1, 'Registering\n\nline two\n\n{"a": "# not a comment"}\n');
repo.lightweight('fraud@v2.0.0', c2);
repo.tag('v1.2.3', c2, 'a release of the application, not a model');
repo.tag('fraudster@v1.0.0', c1, gtoMessage.register('fraudster', 'v1.0.0'));

describe('gitRegistryTags', () => {
  const reader = gitRegistryTags({ cwd: repo.dir });

  test('every registry tag, with tagger, message and peeled commit; other tags are not read', async () => {
    const tags = await reader.listTags();
    assert.deepEqual(tags.map((t) => t.name).sort(), [
      'fraud#production#1',
      'fraud@v1.0.0',
      'fraud@v2.0.0',
      'fraudster@v1.0.0',
      'team/churn@v0.0.1',
    ]);
    const v1 = tags.find((t) => t.name === 'fraud@v1.0.0')!;
    assert.equal(v1.annotated, true);
    assert.equal(v1.commit, c0);
    assert.equal(v1.object, repo.git(['rev-parse', 'fraud@v1.0.0']));
    assert.equal(repo.git(['cat-file', '-t', v1.object!]), 'tag');
    assert.deepEqual(v1.tagger, { name: 'Ada', email: 'ada@example.com', date: '2026-01-01T00:01:00Z' });
    assert.equal(v1.message, 'Registering artifact fraud version v1.0.0');
  });

  test('a multi-line message survives whole', async () => {
    const [churn] = await reader.listTags({ model: 'team/churn' });
    assert.equal(churn?.message, 'Registering\n\nline two\n\n{"a": "# not a comment"}');
    assert.equal(churn?.commit, c1);
  });

  test('a lightweight tag is returned as such (the state reports it)', async () => {
    const light = (await reader.listTags()).find((t) => t.name === 'fraud@v2.0.0');
    assert.deepEqual(light, { name: 'fraud@v2.0.0', commit: c2, annotated: false });
  });

  test("one model's tags: not another model whose name starts the same", async () => {
    const names = (await reader.listTags({ model: 'fraud' })).map((t) => t.name).sort();
    assert.deepEqual(names, ['fraud#production#1', 'fraud@v1.0.0', 'fraud@v2.0.0']);
  });

  test('outside a repository: a clear error', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'modelship-not-a-repo-'));
    try {
      await assert.rejects(gitRegistryTags({ cwd: empty }).listTags(), /is not a git repository/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('gitRegistryTagsWriter', () => {
  test('an annotated tag with the message byte for byte and the given tagger; a second create is refused', async () => {
    const writer = gitRegistryTagsWriter({ cwd: repo.dir });
    const message = '# starts like a comment\nAssigning stage staging to artifact fraud version v1.0.0';
    const made = await writer.createTag({
      name: 'fraud#staging#2',
      commit: c0,
      message,
      tagger: { name: 'Bot', email: 'bot@example.com', date: '2026-02-01T10:00:00+02:00' },
    });
    assert.equal(made.created, true);
    assert.equal(repo.git(['cat-file', '-t', 'fraud#staging#2']), 'tag');
    assert.equal(repo.git(['for-each-ref', '--format=%(contents)', 'refs/tags/fraud#staging#2']), message);
    assert.match(
      repo.git(['cat-file', '-p', 'fraud#staging#2']),
      /^tagger Bot <bot@example\.com> 1769932800 \+0000$/m,
    );
    assert.equal(repo.git(['rev-parse', 'fraud#staging#2^{commit}']), c0);
    const again = await writer.createTag({ name: 'fraud#staging#2', commit: c1, message: 'other' });
    assert.equal(again.created, false);
    assert.equal(again.created === false && again.existing.commit, c0);
    assert.equal(repo.git(['rev-parse', 'fraud#staging#2^{commit}']), c0);
  });

  test("git's identity when no tagger is given", async () => {
    const made = await gitRegistryTagsWriter({ cwd: repo.dir }).createTag({
      name: 'fraud@deprecated',
      commit: c2,
      message: gtoMessage.deprecate('fraud'),
    });
    assert.equal(made.created && made.tag.tagger?.email, 'ada@example.com');
  });

  test('ten writers racing for one name: exactly one wins, the others see its tag', async () => {
    const writer = gitRegistryTagsWriter({ cwd: repo.dir });
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        writer.createTag({ name: 'fraud#race#9', commit: repo.commits[i % 3]!, message: `writer ${i}` }),
      ),
    );
    const won = results.filter((r) => r.created);
    assert.equal(won.length, 1);
    const winner = won[0]!.created ? won[0]!.tag : undefined;
    for (const r of results) if (!r.created) assert.equal(r.existing.object, winner?.object);
  });

  test('--push: the remote decides; a tag already there is a lost claim, nothing forced', async () => {
    const remote = mkdtempSync(join(tmpdir(), 'modelship-remote-'));
    const other = RegistryRepo.create('modelship-other-', 0);
    try {
      execFileSync('git', ['init', '--quiet', '--bare', remote]);
      repo.git(['push', '--quiet', remote, 'main']);
      repo.git(['remote', 'add', 'origin', remote]);
      other.git(['remote', 'add', 'origin', remote]);
      other.git(['fetch', '--quiet', 'origin', 'main']);
      const pusher = gitRegistryTagsWriter({ cwd: repo.dir, push: { remote: 'origin' } });
      const first = await pusher.createTag({ name: 'fraud#production#3', commit: c1, message: 'mine' });
      assert.equal(first.created, true);
      assert.equal(
        execFileSync('git', ['--git-dir', remote, 'cat-file', '-t', 'fraud#production#3']).toString().trim(),
        'tag',
      );
      // Another clone that has not fetched the tag claims the same name: its push is rejected.
      const late = gitRegistryTagsWriter({ cwd: other.dir, push: { remote: 'origin' } });
      const second = await late.createTag({ name: 'fraud#production#3', commit: c2, message: 'theirs' });
      assert.equal(second.created, false);
      assert.equal(second.created === false && second.existing.message, 'mine');
      assert.equal(other.git(['rev-parse', 'fraud#production#3^{commit}']), c1);
    } finally {
      rmSync(remote, { recursive: true, force: true });
      other.remove();
    }
  });
});
