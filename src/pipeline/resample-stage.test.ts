import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Series } from '../data/series';
import { resampleLine, resampleSeries } from './resample-stage';
import { runPipeline } from './run';

function fiveMinutes(n: number): Series {
  const t0 = Date.UTC(2020, 0, 1);
  return {
    dates: Array.from({ length: n }, (_, i) => new Date(t0 + i * 300_000).toISOString().slice(0, 19)),
    values: Array.from({ length: n }, (_, i) => [10 + Math.sin(i / 15) + (i === 3000 ? 5 : 0)]),
    columns: ['v'],
    source: 'five',
  };
}

test('resampleSeries: a series it made is not resampled again for the same rule', () => {
  const s = fiveMinutes(4032);
  const a = resampleSeries(s, 'auto');
  assert.deepEqual(a.auto, { chosen: '10min', why: 'median step 5 min, 4,032 rows' });
  const again = resampleSeries(a.series, 'auto');
  assert.equal(again.series, a.series);
  assert.deepEqual(again.auto, a.auto, 'the first choice, not "median step 10 min"');
  const h = resampleSeries(s, '1h').series;
  assert.equal(h.dates.length, 336);
  assert.equal(resampleSeries(h, '1h').series, h);
  assert.equal(resampleSeries(h, '1d').series.dates.length, 14);
  assert.deepEqual(resampleSeries(s, 'none'), { series: s });
  assert.deepEqual(resampleSeries(s), { series: s });
  assert.throws(() => resampleSeries(s, '5min'), /^InputError: invalid resample: 5min/);
  assert.equal(resampleLine(a.auto!), 'resample: auto -> 10min means (median step 5 min, 4,032 rows)');
});

test('runPipeline: resample is a run option; on a series already resampled it runs the same', async () => {
  const s = fiveMinutes(4032);
  const o = { fit: 'all', resample: 'auto', detector: 'zscore', window: 10 } as const;
  const inside = await runPipeline(s, o);
  assert.equal(inside.result.data.rows, 2016);
  assert.deepEqual(inside.resample, { chosen: '10min', why: 'median step 5 min, 4,032 rows' });
  assert.equal(inside.result.config.resample, 'auto');
  const first = resampleSeries(s, 'auto').series;
  const outside = await runPipeline(first, o);
  assert.equal(outside.series, first);
  assert.deepEqual(outside.resample, inside.resample);
  assert.deepEqual(outside.result.test, inside.result.test);
  assert.deepEqual(outside.result.events, inside.result.events);
  const plain = await runPipeline(s, { ...o, resample: 'none' });
  assert.equal(plain.result.data.rows, 4032);
  assert.equal(plain.resample, undefined);
  inside.detector.dispose();
  outside.detector.dispose();
  plain.detector.dispose();
});
