import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { browserSkipReason, checkPlotlyPage, launchChromium } from '../../tools/testing/browser';
import { reportFixture } from '../../tools/testing/fixture';
import { renderReport } from './html';

/** Repository root: this file runs from dist/report/. */
const ROOT = resolve(__dirname, '..', '..');
const skip = browserSkipReason() ?? false;

test('report.html draws every plot offline in headless Chromium, without errors', {
  skip,
  timeout: 120_000,
}, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lstm-anomaly-report-'));
  const browser = await launchChromium();
  try {
    const file = join(dir, 'report.html');
    writeFileSync(file, renderReport(reportFixture()));
    const shot = join(ROOT, 'reports', 'screenshots', 'report.png');
    const r = await checkPlotlyPage(file, shot, { browser });
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.blocked, []);
    assert.equal(r.plots, 6);
    assert.equal(r.plotsWithSvg, 6);
    // split: train+test; loss: train, validation, best; two histograms; MAE: line, threshold, anomalies; series+anomalies.
    assert.deepEqual(r.tracesPerPlot, [2, 3, 1, 1, 3, 2]);
    assert.ok(statSync(shot).size > 50_000, 'screenshot written');

    // Hostile names: nothing runs, nothing is fetched, the page still draws.
    const evil = join(dir, 'evil.html');
    const input = reportFixture({
      source: '<script>window.__pwned=1</script>',
      column: '</script><img src=x onerror="window.__pwned=2">',
      drift: true,
    });
    writeFileSync(evil, renderReport(input));
    const e = await checkPlotlyPage(evil, undefined, { browser });
    assert.deepEqual([e.errors, e.blocked, e.plots, e.plotsWithSvg], [[], [], 6, 6]);
    const page = await browser.newPage();
    await page.goto(`file://${evil}`);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    assert.equal(await page.locator('#drift-warning').count(), 1);
    await page.close();
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('checkPlotlyPage: reports blocked network requests and page errors', { skip, timeout: 60_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lstm-anomaly-check-'));
  try {
    const file = join(dir, 'bad.html');
    writeFileSync(
      file,
      '<!DOCTYPE html><html><body><img src="https://example.invalid/x.png"><script>throw new Error("boom")</script></body></html>',
    );
    const r = await checkPlotlyPage(file);
    assert.deepEqual(r.blocked, ['https://example.invalid/x.png']);
    assert.ok(
      r.errors.some((m) => m === 'page error: boom'),
      r.errors.join('; '),
    );
    assert.equal(r.plots, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
