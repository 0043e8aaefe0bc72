import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, test } from 'node:test';
import { build } from 'esbuild';
import { runAction } from '../support/action-harness.js';

const dir = mkdtempSync(join(tmpdir(), 'modelship-harness-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/**
 * The same throwaway action, written once with @actions/core (GitHub's reference implementation of
 * the runner protocol) and once with ours (platform/context/runner-commands.ts, which the actions
 * use): the harness must read the same outputs, masks, annotations, summary and exit code from both.
 */
const implementations = {
  '@actions/core': async () => ({
    module: import.meta.resolve('@actions/core'),
    summary: "await core.summary.addHeading('Report').addRaw('body').write();",
  }),
  'runner-commands.ts': async () => {
    const outfile = join(dir, 'runner-commands.mjs');
    await build({
      entryPoints: [join(import.meta.dirname, '../../platform/context/runner-commands.ts')],
      bundle: true,
      format: 'esm',
      platform: 'node',
      outfile,
      logLevel: 'silent',
    });
    return { module: pathToFileURL(outfile).href, summary: "core.appendSummary('<h1>Report</h1>\\nbody');" };
  },
};

for (const [name, load] of Object.entries(implementations))
  test(`the harness runs an entry as the runner does and parses what it wrote (${name})`, async () => {
    const implementation = await load();
    const entry = join(dir, `entry-${name.replace(/\W/g, '-')}.mjs`);
    writeFileSync(
      entry,
      `import * as core from ${JSON.stringify(implementation.module)};
import { readFileSync } from 'node:fs';
const event = JSON.parse(readFileSync(process.env.GITHUB_EVENT_PATH, 'utf8'));
core.setSecret('s3cr3t');
core.setOutput('greeting', 'hello ' + core.getInput('who name') + ' from ' + process.env.GITHUB_REPOSITORY);
core.setOutput('multi', 'line 1\\nline 2');
core.setOutput('pr', String(event.pull_request.number));
core.error('bad value, 100% sure: yes\\nsecond line', { file: 'data/a,b.csv', startLine: 7, title: 'x: y' });
core.warning('careful');
core.info('plain log line');
${implementation.summary}
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
