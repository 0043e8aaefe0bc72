import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { modelshipConfigSchema } from '../../../core/config/modelship-config-schema.js';
import { PublishError, type CheckRun } from '../../../jobs/ports/check-run-publisher.js';
import { resolveDriftSettings } from '../../../jobs/drift/drift-settings.js';
import { runDrift } from '../../../jobs/drift/run-drift.js';
import { startReaderThreads } from '../../../platform/data/reader-threads.js';

// The job with plain objects for its ports (only the data is read by real reader threads): what it
// writes and posts, in which order, and what becomes of a publication that fails.
const dir = mkdtempSync(join(tmpdir(), 'modelship-check-run-'));
const rows = (n: number, shift: number) =>
  Array.from({ length: n }, (_, i) => `${(i % 50) + shift},c${i % 3}`).join('\n');
writeFileSync(join(dir, 'ref.csv'), `x,c\n${rows(400, 0)}\n`);
writeFileSync(join(dir, 'cur.csv'), `x,c\n${rows(300, 30)}\n`);
writeFileSync(join(dir, 'renamed.csv'), `y,d\n${rows(300, 0)}\n`);
const readers = startReaderThreads({ cwd: dir });
after(() => readers.close());

function ports(publish: (run: CheckRun) => Promise<{ url: string }>, fromFork = false) {
  const events: string[] = [];
  return {
    events,
    ports: {
      samples: readers,
      clock: { now: () => new Date(0) },
      files: { read: async () => '' },
      reports: {
        check: async () => void events.push('check'),
        write: async (path: string) => (events.push(`write ${path}`), `/abs/${path}`),
      },
      checkRuns: {
        headSha: 'abc',
        fromFork,
        publisher: {
          publish: async (run: CheckRun) => {
            events.push(`publish ${run.conclusion}`);
            return publish(run);
          },
        },
      },
    },
  };
}

const settings = (current: string, extra: object = {}) =>
  resolveDriftSettings(
    modelshipConfigSchema.parse({ drift: { 'conclusion-on-drift': 'neutral', ...extra } }),
    { reference: 'ref.csv', current, report: 'r.json' },
    { reference: '--reference', current: '--current' },
  );

test('reports are written before the check run is posted; drift under neutral is neutral', async () => {
  const { events, ports: p } = ports(async () => ({ url: 'https://example/run/1' }));
  const outcome = await runDrift(settings('cur.csv'), p);
  assert.equal(outcome.report.dataset.drift, true);
  assert.deepEqual(events, ['check', 'write r.json', 'publish neutral']);
  assert.deepEqual(outcome.checkRun, { status: 'published', url: 'https://example/run/1' });
});

test('a comparison that could not be made fails the check run even when drift is only neutral', async () => {
  const { events, ports: p } = ports(async () => ({ url: 'u' }));
  const outcome = await runDrift(settings('renamed.csv', { 'max-missing-share': 1 }), p);
  assert.equal(outcome.report.dataset.columns, 0, 'nothing could be tested');
  assert.deepEqual(events.at(-1), 'publish failure');
});

test('a refused publication is a result, not an error: the message names the permission, or the fork', async () => {
  const refuse = async (): Promise<{ url: string }> => {
    throw new PublishError('forbidden', 'GitHub answered 403: Resource not accessible by integration');
  };
  const own = await runDrift(settings('cur.csv'), ports(refuse).ports);
  assert.equal(own.checkRun.status, 'failed');
  assert.match((own.checkRun as { message: string }).message, /permissions: checks: write/);
  assert.equal(own.reportPath, '/abs/r.json', 'the report was still written');
  const fork = await runDrift(settings('cur.csv'), ports(refuse, true).ports);
  assert.match((fork.checkRun as { message: string }).message, /from a fork/);
  const down = await runDrift(
    settings('cur.csv'),
    ports(async () => {
      throw new PublishError('unreachable', 'connect ECONNREFUSED');
    }).ports,
  );
  assert.match((down.checkRun as { message: string }).message, /did not answer: check GITHUB_API_URL/);
});
