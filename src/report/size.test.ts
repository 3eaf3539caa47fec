import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reportFixture } from '../../tools/testing/fixture';
import type { AnomalyEvent } from '../events/events';
import { Rng } from '../util/random';
import { renderReport } from './html';
import type { ReportInput } from './result';

/** Issue 26's working goal for the default run's report: under 2 MB with room for other series. */
const GOAL = 1_900_000;

/**
 * A run shaped like `lstm-anomaly detect`'s default (the S&P 500's 5,105 rows, 80% training, window 30), with a
 * noisy series (every decimation bucket keeps three points, more than the S&P 500's) and one long event of 340
 * steps: its zoom panel shows the event and its length each side, 1,020 steps.
 */
function defaultShaped(): ReportInput {
  const input = reportFixture({ rows: 5105, trainRows: 4084, spikes: [700, 720, 740] });
  const { result, series } = input;
  const rng = new Rng(11);
  const n = result.test.length + 29; // the steps the test windows cover
  const dates = series.dates.slice(series.dates.length - n);
  const x = Float64Array.from({ length: n }, (_, i) => Math.sin(i / 40) + 0.3 * rng.normal());
  const recon = x.map((v) => v + 0.2 * rng.normal());
  const scores = x.map((v, i) => Math.abs(v - recon[i]));
  const thresholds = new Float64Array(n).fill(0.4);
  const [a, b] = [500, 839];
  const event: AnomalyEvent = {
    start: dates[a],
    end: dates[b],
    startIndex: a,
    endIndex: b,
    peak: dates[700],
    peakScore: 2,
    severity: 5,
  };
  return {
    result: { ...result, events: [event], eventSource: 'window' },
    series,
    steps: { dates, x, recon, features: 1, scores, thresholds },
  };
}

test('renderReport: a default-run-shaped report with a long event zoomed and review controls stays under 1.9 MB', () => {
  const html = renderReport(defaultShaped());
  const size = Buffer.byteLength(html);
  assert.ok(size <= GOAL, `${size} bytes`);
  for (const id of ['split', 'loss', 'train-mae', 'test-mae', 'mae-time', 'anomalies', 'events', 'zoom-1'])
    assert.ok(html.includes(`lstmPlot("${id}",`), id);
  assert.ok(html.includes('<div class="review"'), 'the review controls');
  const zoom = /<div id="zoom-1"[\s\S]*?<\/script>/.exec(html)![0];
  assert.equal((zoom.match(/"dtype":"f8"/g) ?? []).length, 4, 'the four lines of the panel dated by f8');
});
