import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import type { DriftReport } from '../../core/drift/drift-result.js';
import { renderDriftHtml } from '../../core/report/drift/drift-html.js';
import { requireCommand } from '../support/system-package.js';

const dir = mkdtempSync(join(tmpdir(), 'modelship-html-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const HOSTILE = '<script>alert(1)</script>"\'&';

function report(): DriftReport {
  const summary = { rows: 1000, missing: 3, mean: 1, std: 2, min: -3, p25: 0, median: 1, p75: 2, max: 5 };
  return {
    durationMs: 12,
    dataset: {
      drift: true,
      share: 0.5,
      drifted: 1,
      columns: 2,
      driftShare: 0.5,
      referenceRows: 1000,
      currentRows: 800,
      missingInCurrent: [],
      missingInReference: [],
      referenceColumns: 2,
      missingShare: 0,
      maxMissingShare: 0,
      ignored: [],
      skipped: [],
    },
    columns: [
      {
        column: 'temperature',
        dataType: 'float',
        kind: 'numerical',
        status: 'tested',
        test: 'wasserstein',
        statistic: 0.42,
        threshold: 0.1,
        thresholdOn: 'statistic',
        drift: true,
        severity: 3.2,
        reference: summary,
        current: { ...summary, mean: 2 },
        histogram: {
          axis: 'bins',
          edges: [0, 1, 2, 3, 4],
          reference: [10, 40, 40, 10],
          current: [5, 15, 50, 30],
        },
      },
      {
        column: HOSTILE,
        dataType: 'string',
        kind: 'categorical',
        status: 'tested',
        test: 'chisquare',
        statistic: 1.5,
        pValue: 0.47,
        threshold: 0.05,
        thresholdOn: 'p_value',
        drift: false,
        severity: 0,
        reference: { rows: 1000, missing: 0, distinct: 2, top: [{ value: HOSTILE, count: 600 }] },
        current: { rows: 800, missing: 0, distinct: 2, top: [{ value: 'b', count: 500 }] },
        histogram: { axis: 'categories', labels: [HOSTILE, 'b'], reference: [600, 400], current: [300, 500] },
      },
      {
        column: 'only_new',
        dataType: 'integer',
        kind: 'numerical',
        status: 'missing-in-reference',
        drift: false,
        severity: 0,
        reference: { rows: 0, missing: 0 },
        current: { rows: 800, missing: 0 },
        note: 'only in the current data',
      },
    ],
  };
}

test('the HTML report renders every chart in Chromium, offline, without errors', async () => {
  const html = renderDriftHtml(report(), { reference: 'train.csv', current: HOSTILE });
  assert.doesNotMatch(html, /<script/i, 'no script at all, and hostile names are escaped');
  assert.doesNotMatch(html, /https?:\/\/(?!www\.w3\.org\/2000\/svg)/, 'no external resource');
  const file = join(dir, 'report.html');
  writeFileSync(file, html);

  const browser = await chromium.launch({
    executablePath: requireCommand('/usr/bin/chromium', 'chromium'),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const page = await browser.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('request', (r) => r.url() !== pathToFileURL(file).href && requests.push(r.url()));
    await page.goto(pathToFileURL(file).href);
    const charts = await page.$$eval('svg.chart', (svgs) =>
      svgs.map((svg) => {
        const box = svg.getBoundingClientRect();
        return { width: box.width, height: box.height, bars: svg.querySelectorAll('rect.bar').length };
      }),
    );
    assert.equal(charts.length, 2, 'one chart per tested column');
    for (const chart of charts) {
      assert.ok(chart.width > 100 && chart.height > 100, JSON.stringify(chart));
      assert.ok(chart.bars >= 4);
    }
    assert.equal(await page.locator('h2', { hasText: HOSTILE }).count(), 1, 'the hostile name shows as text');
    assert.equal(
      await page.locator('.verdict').innerText(),
      'Drift in 1 of 2 columns (50%) — dataset drifted (threshold 50%)',
    );
    await page.screenshot({ path: join(dir, 'report.png'), fullPage: true });
    assert.deepEqual(problems, []);
    assert.deepEqual(requests, []);
  } finally {
    await browser.close();
  }
});
