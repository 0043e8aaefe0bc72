import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { runAction } from '../support/action-harness.js';

const dir = mkdtempSync(join(tmpdir(), 'modelship-harness-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('the harness runs an entry as the runner does and parses what it wrote', async () => {
  // A throwaway action written with @actions/core, as the real ones are.
  const entry = join(dir, 'entry.mjs');
  writeFileSync(
    entry,
    `import * as core from ${JSON.stringify(import.meta.resolve('@actions/core'))};
import { readFileSync } from 'node:fs';
const event = JSON.parse(readFileSync(process.env.GITHUB_EVENT_PATH, 'utf8'));
core.setSecret('s3cr3t');
core.setOutput('greeting', 'hello ' + core.getInput('who name') + ' from ' + process.env.GITHUB_REPOSITORY);
core.setOutput('multi', 'line 1\\nline 2');
core.setOutput('pr', String(event.pull_request.number));
core.error('bad value, 100% sure: yes\\nsecond line', { file: 'data/a,b.csv', startLine: 7, title: 'x: y' });
core.warning('careful');
core.info('plain log line');
await core.summary.addHeading('Report').addRaw('body').write();
core.setFailed('it failed');
`,
  );
  const run = await runAction(entry, {
    inputs: { 'who name': 'Ada', unused: undefined },
    event: { pull_request: { number: 42 } },
    repository: 'acme/models',
    cwd: dir,
  });
  assert.equal(run.exitCode, 1);
  assert.deepEqual(run.outputs, {
    greeting: 'hello Ada from acme/models',
    multi: 'line 1\nline 2',
    pr: '42',
  });
  assert.deepEqual(run.masks, ['s3cr3t']);
  assert.deepEqual(run.annotations, [
    {
      level: 'error',
      message: 'bad value, 100% sure: yes\nsecond line',
      file: 'data/a,b.csv',
      line: 7,
      title: 'x: y',
    },
    { level: 'warning', message: 'careful' },
    { level: 'error', message: 'it failed' },
  ]);
  assert.match(run.summary, /<h1>Report<\/h1>\s*body/);
  assert.match(run.logs, /plain log line/);
});
