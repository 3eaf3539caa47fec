import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Series } from '../data/series';
import { runPipeline } from './run';

const TINY = { window: 6, encoder: [4], epochs: 2, batchSize: 8, backend: 'cpu' as const, seed: 3 };

function trend(n: number, f: (i: number) => number): Series {
  return {
    dates: Array.from({ length: n }, (_, i) =>
      new Date(Date.UTC(2021, 0, 1) + i * 86400000).toISOString().slice(0, 10),
    ),
    values: Array.from({ length: n }, (_, i) => [f(i)]),
    columns: ['close'],
    source: 'memory',
  };
}

test('runPipeline: on a rising level the drift check warns; log returns do not', async () => {
  const s = trend(100, (i) => 10 + i + Math.sin(i));
  const level = await runPipeline(s, { ...TINY, transform: 'none' });
  assert.equal(level.result.drift.warn, true);
  assert.equal(level.result.drift.outsideShare, 1);
  assert.equal(level.result.split.trainRows, 80);
  assert.equal(level.result.trainScores.length, 75);
  assert.equal(level.result.test.length, 15);
  level.detector.dispose();
  const lr = await runPipeline(
    trend(100, (i) => 10 * Math.exp(0.01 * i + 0.02 * Math.sin(i))),
    { ...TINY, transform: 'logret' },
  );
  assert.equal(lr.result.drift.warn, false);
  assert.equal(lr.result.trainScores.length, 74);
  lr.detector.dispose();
});

test('runPipeline: anomalies are the flagged test windows, dated by their last step, with raw values', async () => {
  const s = trend(90, (i) => 50 + Math.sin(i / 3));
  const { result, detector } = await runPipeline(s, { ...TINY, transform: 'none', threshold: '0.000001' });
  detector.dispose();
  assert.equal(result.anomalies.length, result.test.length);
  const last = result.anomalies[result.anomalies.length - 1];
  assert.equal(last.date, '2021-03-31');
  assert.equal(last.value, s.values[89][0]);
  assert.equal(result.threshold.method, 'fixed');
});

test('runPipeline: too few rows names the counts needed', async () => {
  await assert.rejects(
    runPipeline(
      trend(20, (i) => i + 1),
      { ...TINY, window: 10 },
    ),
    /too few rows: memory has 20 rows, split into 16 training and 4 test rows; a window of 10 needs at least 10 training and 10 test rows \(about 50 rows in all\)/,
  );
});
