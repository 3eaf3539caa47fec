import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { browserSkipReason, checkPlotlyPage, launchChromium } from '../../tools/testing/browser';
import { tempDir } from '../../tools/testing/temp';
import { sineSeries } from '../data/synthetic';
import { runCompare } from '../pipeline/compare';
import { evaluateCompare } from '../pipeline/compare-eval';
import { renderCompareReport } from './compare';

const skip = browserSkipReason() ?? false;

test('compare report: the shared-axis chart and one chart per detector draw without errors', {
  skip,
  timeout: 120_000,
}, async (t) => {
  const series = sineSeries({ n: 240, period: 24, noise: 0.05, seed: 3 });
  const tiny = { window: 8, epochs: 1, encoder: [4], batchSize: 32, backend: 'cpu' as const, seed: 1 };
  const c = await runCompare(series, ['lstm', 'pca', 'zscore', 'iforest'], tiny);
  evaluateCompare(c, [{ start: series.dates[200], end: series.dates[210] }]);
  const entries = c.entries.map((e) => ({
    ...e,
    events: e.run.result.events ?? [],
    evaluation: e.run.result.evaluation,
  }));
  for (const e of c.entries) e.run.detector.dispose();
  const file = join(tempDir('lstm-anomaly-compare-report-', t), 'report.html');
  const html = renderCompareReport({ source: c.source, entries }, series);
  writeFileSync(file, html);
  assert.equal(html.match(/class="card compare-detector"/g)?.length, 4);
  const browser = await launchChromium();
  try {
    const r = await checkPlotlyPage(file, undefined, { browser });
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.blocked, []);
    // the shared time axis (3 traces per detector), then each detector's own chart
    assert.equal(r.plots, 5);
    assert.equal(r.plotsWithSvg, 5);
    assert.equal(r.tracesPerPlot[0], 12);
  } finally {
    await browser.close();
  }
});
