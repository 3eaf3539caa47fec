import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSeriesCsv } from '../data/load-csv';
import { hasCompactDates, hasCompactValues } from '../data/series';
import { type PipelineOptions, runPipeline } from './run';

const TINY = { window: 6, encoder: [4], epochs: 2, batchSize: 8, backend: 'cpu' as const, seed: 3 };

/** A CSV of `n` hourly rows (a time of day: the dates print with it) with a jump at rows 180..185 (the test part). */
function csv(n: number): string {
  const lines = ['Date,Close,Volume'];
  for (let i = 0; i < n; i++) {
    const d = new Date(Date.UTC(2021, 0, 1) + i * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
    lines.push(`${d},${(100 + 5 * Math.sin(i / 7) + (i >= 180 && i < 186 ? 40 : 0)).toFixed(3)},${1000 + (i % 13)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The run's result without its timings. */
function numbers(r: Awaited<ReturnType<typeof runPipeline>>['result']): unknown {
  const { seconds: _s, seqPerSec: _q, history, ...training } = r.training;
  return { ...r, training: { ...training, history: history.map(({ seconds: _x, seqPerSec: _y, ...h }) => h) } };
}

for (const opts of [
  { transform: 'none', valueCols: ['Close'] },
  { transform: 'logret', valueCols: ['Close', 'Volume'], threshold: 'window-sigma:3' },
  { transform: 'none', valueCols: ['Close'], detector: 'iforest' },
] as const) {
  test(`runPipeline on a loaded CSV (${'detector' in opts ? opts.detector : 'lstm'}, ${opts.transform}, ${opts.valueCols.length} column(s)) makes no arrays of its series, and gives the numbers of the same series as arrays`, async () => {
    const text = csv(200);
    const compact = parseSeriesCsv(text, { valueCols: [...opts.valueCols], source: 'h.csv' });
    const o: Partial<PipelineOptions> = { ...TINY, transform: opts.transform };
    if ('threshold' in opts) o.threshold = opts.threshold;
    if ('detector' in opts) o.detector = opts.detector;
    const a = await runPipeline(compact, o);
    a.detector.dispose();
    assert.ok(hasCompactDates(compact), 'the dates were made strings');
    assert.ok(hasCompactValues(compact), 'the values were made arrays');
    const copy = parseSeriesCsv(text, { valueCols: [...opts.valueCols], source: 'h.csv' });
    const plain = {
      dates: [...copy.dates],
      values: copy.values.map((r) => [...r]),
      columns: copy.columns,
      source: copy.source,
    };
    const b = await runPipeline(plain, o);
    b.detector.dispose();
    assert.deepStrictEqual(numbers(a.result), numbers(b.result));
    assert.ok(a.result.anomalies.length > 0 && (a.result.events ?? []).length > 0, 'the jump is flagged and explained');
    assert.equal(a.result.data.start, '2021-01-01T00:00:00');
  });
}
