import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { browserSkipReason, checkPlotlyPage, launchChromium } from '../../tools/testing/browser';
import { reportFixture } from '../../tools/testing/fixture';
import { tempDir } from '../../tools/testing/temp';
import { scoreCounts } from '../evaluate/counts';
import type { AnomalyEvent } from '../events/events';
import type { StepView } from '../plot/zoom';
import { renderReport } from './html';
import type { ReportInput } from './result';

const skip = browserSkipReason() ?? false;

/** The fixture run with three events, labels (one hit, one missed) and a per-step view of the test part. */
function withEvents(): ReportInput {
  const input = reportFixture();
  const dates = input.series.dates.slice(100);
  const n = dates.length;
  const ev = (a: number, b: number, sev: number): AnomalyEvent => ({
    start: dates[a],
    end: dates[b],
    startIndex: a,
    endIndex: b,
    peak: dates[a],
    peakScore: 2 + sev,
    severity: sev,
    shares: { value: 0.7, other: 0.3 },
  });
  const events = [ev(60, 66, 1.5), ev(140, 146, 2.5), ev(180, 181, 0.2)];
  const steps: StepView = {
    dates,
    x: dates.map((_, i) => Math.sin(i / 5)),
    recon: dates.map((_, i) => Math.sin(i / 5) * 0.9),
    features: 1,
    scores: dates.map((_, i) => (events.some((e) => i >= e.startIndex && i <= e.endIndex) ? 3 : 0.5)),
    thresholds: new Array(n).fill(2),
  };
  input.result.events = events;
  input.result.eventSource = 'step';
  input.result.threshold = { ...input.result.threshold, explanation: 'window-sigma:4: mean + 4σ of the errors in ...' };
  input.result.evaluation = {
    labels: 2,
    labelsOutside: 0,
    overlap: scoreCounts(2, 1, 1),
    pointwise: scoreCounts(9, 3, 4),
    aucPr: 0.7,
    eventHits: [true, true, false],
    labelHits: [
      { start: dates[58], end: dates[70], hit: true },
      { start: dates[100], end: dates[105], hit: false },
    ],
  };
  return { ...input, steps };
}

test('report with events and labels: shaded events, zoom panels, table and evaluation, drawn without errors', {
  skip,
  timeout: 120_000,
}, async (t) => {
  const dir = tempDir('lstm-anomaly-events-report-', t);
  const file = join(dir, 'report.html');
  writeFileSync(file, renderReport(withEvents()));
  const html = readFileSync(file, 'utf8');
  assert.match(html, /<h2>Events \(3\)<\/h2>/);
  assert.match(html, /overlap-segment<\/th><td>precision 0\.667, recall 0\.667, F1 0\.667 \(tp 2, fp 1, fn 1\)/);
  assert.match(html, /missed labels<\/th><td>[^<]+\.\.[^<]+<\/td>/);
  assert.match(html, /value 70%, other 30%/);
  const browser = await launchChromium();
  try {
    const r = await checkPlotlyPage(file, undefined, { browser });
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.blocked, []);
    // the six run charts, the events chart and one zoom panel per event
    assert.equal(r.plots, 10);
    assert.equal(r.plotsWithSvg, 10);
    // events chart: the series and the missed-label markers; each zoom: input, reconstruction, error, threshold
    assert.deepEqual(r.tracesPerPlot.slice(6), [2, 4, 4, 4]);
  } finally {
    await browser.close();
  }
});
