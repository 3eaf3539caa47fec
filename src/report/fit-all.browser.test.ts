import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { browserSkipReason, launchChromium } from '../../tools/testing/browser';
import { injectAnomalies, sineSeries } from '../data';
import { WHOLE_SERIES_DEFAULTS } from '../pipeline/event-options';
import { runPipeline } from '../pipeline/run';
import { stepView } from '../pipeline/steps-stage';
import { renderReport } from './html';

const skip = browserSkipReason() ?? false;

/** What the page shows of one plot: its legend texts and its traces' names and y values. */
type Drawn = { legend: string[]; traces: Array<{ name: string; y: Array<number | null> }> };

test('--fit all report: the threshold drawn is the step rule that flagged, no test period claimed', {
  skip,
  timeout: 120_000,
}, async () => {
  // a real --fit all run with its default step rule (window-sigma:3), on the pca detector (no training)
  const base = sineSeries({ n: 600, period: 40, noise: 0.05, seed: 3 });
  const { series } = injectAnomalies(base, { count: 3, magnitude: 4, seed: 9, from: 100, minGap: 100 });
  const { threshold, pad, prune } = WHOLE_SERIES_DEFAULTS;
  const run = await runPipeline(series, { detector: 'pca', fit: 'all', window: 30, threshold, pad, prune });
  const r = run.result;
  assert.equal(r.threshold.method, 'window-sigma');
  assert.equal(r.threshold.rule, 'window-sigma:3');
  assert.equal(run.detector.fitted().threshold.label(), 'window-sigma:3', 'the detector keeps the rule that ran');
  const saved = JSON.parse(JSON.stringify(run.detector.toState())) as { threshold: unknown };
  assert.deepEqual(saved.threshold, { method: 'window-sigma', value: null, k: 3 }, 'model.json records the step rule');
  const flaggedSteps = run.stage.flags.filter(Boolean).length;
  assert.ok(flaggedSteps > 0 && (r.events ?? []).length > 0, 'the injected anomalies are flagged');

  const dir = mkdtempSync(join(tmpdir(), 'lstm-anomaly-fit-all-'));
  const browser = await launchChromium();
  try {
    const file = join(dir, 'report.html');
    writeFileSync(file, renderReport({ result: r, series, steps: stepView(run.stage) }));
    const page = await browser.newPage();
    await page.goto(`file://${file}`);
    // charts off the first screen are drawn lazily (src/plot/lazy.ts): wait until none is left to draw
    await page.waitForFunction(
      () =>
        document.querySelectorAll('.js-plotly-plot .main-svg').length >= 6 &&
        document.querySelectorAll('[data-lazy]').length === 0,
    );
    const drawn = async (id: string): Promise<Drawn> =>
      page.evaluate((plotId) => {
        const el = document.getElementById(plotId) as unknown as { data: Array<{ name: string; y: unknown[] }> };
        return {
          legend: Array.from(document.querySelectorAll(`#${plotId} .legendtext`), (t) => t.textContent ?? ''),
          traces: el.data.map((t) => ({ name: t.name, y: Array.from(t.y ?? [], (v) => v as number | null) })),
        };
      }, id);
    const time = await drawn('mae-time');
    assert.deepEqual(time.legend, [
      'step score',
      'threshold window-sigma:3 (per step)',
      `flagged steps (${flaggedSteps})`,
    ]);
    // the dashed line is the per-step threshold that flagged: it varies along the series, it is not one p95 value
    const line = time.traces[1].y.filter((v): v is number => v !== null);
    assert.ok(line.length > 100 && new Set(line).size > 1, 'a threshold per step');
    const thresholds = [...new Set(run.stage.thresholds)];
    const near = (v: number): boolean => thresholds.some((t) => Math.abs(v - t) <= 1e-5 * Math.abs(t));
    assert.ok(line.every(near), 'the drawn line is the stage thresholds (6 significant digits in the page)');
    // the histograms draw no window threshold and count nothing above one
    const text = await page.evaluate(() => document.body.textContent ?? '');
    assert.doesNotMatch(text, /\d+ of \d+ above/);
    assert.match(text, /window-sigma:3 flags per step/);
    // the summary names the rule and says there is no test split; nothing claims a shaded test period
    assert.match(text, /Threshold\s*window-sigma:3/);
    assert.match(text, /Split\s*none/);
    assert.doesNotMatch(text, /shaded region after the dashed line is the test period/);
    await page.close();
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
