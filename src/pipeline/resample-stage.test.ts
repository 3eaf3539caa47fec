import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Series } from '../data/series';
import { runCompare } from './compare';
import { isResampled, resampleLine, resampleOnce, resampleSeries } from './resample-stage';
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

test('resampleSeries: keeps no state; the record it returns names the rule and what auto chose', () => {
  const s = fiveMinutes(4032);
  const a = resampleSeries(s, 'auto');
  assert.deepEqual(a.auto, { chosen: '10min', why: 'median step 5 min, 4,032 rows' });
  assert.equal(a.rule, 'auto');
  assert.equal(a.series.dates.length, 2016);
  // handed its own output, it resamples again: the choice of the 10-minute rows, not the first one
  const again = resampleSeries(a.series, 'auto');
  assert.deepEqual(again.auto, { chosen: 'none', why: '2,016 rows, under 4,000' });
  const h = resampleSeries(s, '1h');
  assert.deepEqual([h.rule, h.auto, h.series.dates.length], ['1h', undefined, 336]);
  assert.notEqual(resampleSeries(h.series, '1h').series, h.series, 'a rule run again makes a new series');
  assert.equal(resampleSeries(h.series, '1d').series.dates.length, 14);
  assert.deepEqual(resampleSeries(s, 'none'), { series: s });
  assert.deepEqual(resampleSeries(s), { series: s });
  assert.throws(() => resampleSeries(s, '5min'), /^InputError: invalid resample: 5min/);
  assert.equal(resampleLine(a.auto!), 'resample: auto -> 10min means (median step 5 min, 4,032 rows)');
});

test('resampleOnce: a record of the same rule is taken as it is; another rule or no rows is one line', () => {
  const s = fiveMinutes(4032);
  const a = resampleSeries(s, 'auto');
  assert.equal(isResampled(a), true);
  assert.equal(isResampled(s), false);
  assert.equal(resampleOnce(a, 'auto'), a);
  assert.deepEqual(resampleOnce(s, 'auto'), a);
  const plain = { series: s };
  assert.equal(resampleOnce(plain, undefined), plain);
  assert.equal(resampleOnce(plain, 'none'), plain);
  assert.throws(
    () => resampleOnce(resampleSeries(s, '1h'), '1d'),
    /^InputError: resample: the series was resampled by 1h, but the run asks for 1d$/,
  );
  assert.throws(() => resampleOnce(plain, 'auto'), /^InputError: resample: the series was resampled by none, but/);
  const empty = { dates: [], values: [], columns: ['v'], source: 'e.csv' };
  assert.throws(() => resampleOnce(empty, 'auto'), /^InputError: e\.csv: no data rows$/);
});

test('runPipeline: resample is a run option; on a series already resampled it runs the same', async () => {
  const s = fiveMinutes(4032);
  const o = { fit: 'all', resample: 'auto', detector: 'zscore', window: 10 } as const;
  const inside = await runPipeline(s, o);
  assert.equal(inside.result.data.rows, 2016);
  assert.deepEqual(inside.resample, { chosen: '10min', why: 'median step 5 min, 4,032 rows' });
  assert.equal(inside.result.config.resample, 'auto');
  const first = resampleSeries(s, 'auto');
  const outside = await runPipeline(first, o);
  assert.equal(outside.series, first.series);
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

test('runPipeline and runCompare resample a series once: a record is not aggregated again', async () => {
  const s = fiveMinutes(4032);
  const o = { fit: 'all', detector: 'zscore', window: 10 } as const;
  // a fixed rule run twice would make a new series; auto run twice would choose none for the 2,016 rows
  const hour = resampleSeries(s, '1h');
  const h = await runPipeline(hour, { ...o, resample: '1h' });
  assert.equal(h.series, hour.series);
  assert.equal(h.resample, undefined);
  const first = resampleSeries(s, 'auto');
  const a = await runPipeline(first, { ...o, resample: 'auto' });
  assert.equal(a.series, first.series);
  assert.deepEqual(a.resample, { chosen: '10min', why: 'median step 5 min, 4,032 rows' });
  // the resampled rows alone, without the record, are resampled again: the second choice shows it
  const twice = await runPipeline(first.series, { ...o, resample: 'auto' });
  assert.deepEqual(twice.resample, { chosen: 'none', why: '2,016 rows, under 4,000' });
  await assert.rejects(runPipeline(hour, { ...o, resample: 'auto' }), /resampled by 1h, but the run asks for auto/);
  // a comparison resamples once for all its detectors, from a series or a record
  for (const input of [s, first]) {
    const c = await runCompare(input, ['zscore', 'pca'], { ...o, resample: 'auto', components: 1 });
    const [z, p] = c.entries.map((e) => e.run);
    assert.equal(z.series, p.series);
    assert.equal(z.series.dates.length, 2016);
    assert.deepEqual([z.resample, p.resample], [a.resample, a.resample]);
    for (const e of c.entries) e.run.detector.dispose();
  }
  for (const r of [h, a, twice]) r.detector.dispose();
});
