import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as path from 'path';
import { tempDir } from '../../../tools/testing/temp';
import { parseSeriesCsv } from '../../data/load-csv';
import { hasCompactDates, hasCompactValues, type Series } from '../../data/series';
import { loadAnyDetector } from '../../detector/registry';
import { runPipeline } from '../../pipeline/run';
import { saveTrainScores } from './rethreshold';
import { scoreSeries } from './score-series';

const TINY = { window: 6, encoder: [4], epochs: 2, batchSize: 8, backend: 'cpu' as const, seed: 3 };

/** The close of row `i`: a sine with a jump at rows 180..185 (in the CSV with 3 decimals). */
function close(i: number): number {
  return Number((100 + 5 * Math.sin(i / 7) + (i >= 180 && i < 186 ? 40 : 0)).toFixed(3));
}

/** A CSV of `n` hourly rows of {@link close}, as run-compact.test.ts. */
function csv(n: number): string {
  const lines = ['Date,Close'];
  for (let i = 0; i < n; i++) {
    const d = new Date(Date.UTC(2021, 0, 1) + i * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
    lines.push(`${d},${close(i).toFixed(3)}`);
  }
  return `${lines.join('\n')}\n`;
}

function arrays(s: Series): Series {
  return { dates: [...s.dates], values: s.values.map((r) => [...r]), columns: s.columns, source: s.source };
}

test('score on a loaded CSV makes no arrays of its series, and gives the numbers of the same series as arrays', async (t) => {
  const text = csv(200);
  const model = path.join(tempDir('lstm-anomaly-score-series-', t), 'model');
  const run = await runPipeline(parseSeriesCsv(text, { source: 'h.csv' }), TINY);
  await run.detector.save(model, { source: 'h.csv' });
  saveTrainScores(model, run.result.trainScores);
  run.detector.dispose();
  const det = await loadAnyDetector(model, { backend: 'cpu' });
  t.after(() => det.dispose());
  for (const rule of [undefined, 'p95', 'window-sigma:3']) {
    const compact = parseSeriesCsv(text, { source: 'h.csv' });
    const a = await scoreSeries(det, compact, model, rule);
    assert.ok(hasCompactDates(compact), `${rule}: the dates were made strings`);
    assert.ok(hasCompactValues(compact), `${rule}: the values were made arrays`);
    const b = await scoreSeries(det, arrays(parseSeriesCsv(text, { source: 'h.csv' })), model, rule);
    const { re: _a, ...sa } = a;
    const { re: _b, ...sb } = b;
    assert.deepStrictEqual(sa, sb, `${rule}: the numbers differ`);
    assert.equal(a.result.data.rows, 200);
    assert.equal(a.result.data.end, '2021-01-09T07:00:00');
    const rows = a.anomalies.map((x) => (Date.parse(`${x.date}Z`) - Date.UTC(2021, 0, 1)) / 3_600_000);
    assert.deepEqual(
      a.anomalies.map((x) => x.value),
      rows.map(close),
      `${rule}: each anomaly's value is the CSV's at its date`,
    );
    assert.ok(
      rows.some((i) => i >= 180 && i < 186 + TINY.window),
      `${rule}: the jump is flagged`,
    );
    if (rule)
      assert.ok((a.result.events ?? []).length > 0 && a.result.events![0].explanation, `${rule}: events explained`);
  }
});
