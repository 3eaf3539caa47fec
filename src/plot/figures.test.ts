import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reportFixture } from '../../tools/testing/fixture';
import { parseSeriesCsv } from '../data/load-csv';
import { hasCompactDates, hasCompactValues } from '../data/series';
import { anomalyValues, runFigures } from './figures';

test('runFigures: the six charts of a run in report order, wired to the result', () => {
  const { result, series } = reportFixture();
  const figs = runFigures(result, series);
  assert.deepEqual(
    figs.map((f) => f.id),
    ['split', 'loss', 'train-mae', 'test-mae', 'mae-time', 'anomalies'],
  );
  const byId = Object.fromEntries(figs.map((f) => [f.id, f.figure])) as Record<string, { data: any[]; layout: any }>;
  assert.equal(byId.split.layout.shapes[1].x0, result.split.trainEnd);
  assert.equal(byId.split.data[0].x.length, result.split.trainRows);
  assert.deepEqual(byId.loss.data[2].x, [result.training.bestEpoch]);
  assert.equal(byId['train-mae'].data[0].x.length, result.trainScores.length);
  assert.equal(byId['test-mae'].data[0].x.length, 200);
  assert.equal(byId['test-mae'].layout.shapes[0].x0, result.threshold.value);
  assert.deepEqual(
    byId['mae-time'].data[2].x,
    result.anomalies.map((a) => a.date),
  );
  assert.deepEqual(
    byId.anomalies.data[1].y,
    result.anomalies.map((a) => a.value),
  );
  assert.ok(result.anomalies.length >= 8, `fixture has ${result.anomalies.length} anomalies`);
});

test('runFigures: markup in a column name or source reaches Plotly escaped, never as a link', () => {
  const column = '<a href="https://evil.example">Close</a>&<b>';
  const { result, series } = reportFixture({ column });
  const json = JSON.stringify(runFigures(result, series).map((f) => f.figure));
  assert.ok(!json.includes('<a href'), 'no raw link markup');
  assert.ok(!json.includes('<b>'), 'no raw bold markup');
  assert.ok(json.includes('&lt;a href=\\"https://evil.example\\"&gt;Close&lt;/a&gt;&amp;&lt;b&gt;'));
});

test('runFigures: a multivariate series gets a split and an anomaly chart per column', () => {
  const { result, series } = reportFixture();
  const multi = { ...series, columns: ['value', 'double'], values: series.values.map((r) => [r[0], 2 * r[0]]) };
  const figs = runFigures(result, multi);
  assert.deepEqual(
    figs.map((f) => f.id),
    ['split', 'loss', 'train-mae', 'test-mae', 'mae-time', 'anomalies', 'split-2', 'anomalies-2'],
  );
  const an2 = figs[7].figure as { data: any[]; layout: any };
  assert.deepEqual(
    an2.data[1].y,
    result.anomalies.map((a) => 2 * a.value),
  );
  assert.equal(an2.layout.yaxis.title.text, 'double');
  assert.deepEqual(
    (figs[6].figure as { data: any[] }).data[0].y,
    multi.values.slice(0, result.split.trainRows).map((r) => r[1]),
  );
});

test('runFigures: a long series is drawn decimated, every anomaly on the line', () => {
  const { result, series } = reportFixture({ rows: 20000, trainRows: 1000, spikes: [6000, 15000] });
  const byId = Object.fromEntries(runFigures(result, series).map((f) => [f.id, f.figure])) as Record<
    string,
    { data: any[] }
  >;
  const line = byId.anomalies.data[0];
  assert.ok(line.x.length <= 3 * 2000 + 1 + result.anomalies.length, `${line.x.length} points drawn of 20000`);
  for (const a of result.anomalies) assert.ok(line.x.includes(a.date), `anomaly ${a.date} on the line`);
  assert.ok(byId['mae-time'].data[0].x.length < 19000);
});

test('anomalyValues reads a compact series without making its arrays, the same values as from arrays', () => {
  const text = 'Date,Power,Detector\n2020-01-02,90,7\n2020-01-03,96,8\n2020-01-06,101,9\n';
  const s = parseSeriesCsv(text, { valueCols: ['Power', 'Detector'] });
  const anomalies = [{ date: '2020-01-06' }, { date: '2020-01-03' }, { date: '2020-01-04' }];
  const got = anomalyValues(anomalies, s);
  assert.ok(hasCompactDates(s) && hasCompactValues(s));
  assert.deepEqual(got, [
    [101, 9],
    [96, 8],
    [NaN, NaN],
  ]);
  assert.deepEqual(
    anomalyValues(anomalies, { dates: [...s.dates], values: s.values, columns: s.columns, source: '' }),
    got,
  );
});
