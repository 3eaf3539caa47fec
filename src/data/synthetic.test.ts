import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError } from '../util/errors';
import { injectAnomalies, sineSeries } from './synthetic';

test('sineSeries without noise is the exact sine, daily from start', () => {
  const s = sineSeries({ n: 5, period: 4, amplitude: 2, noise: 0, start: '2020-02-28' });
  assert.deepEqual(s.dates, ['2020-02-28', '2020-02-29', '2020-03-01', '2020-03-02', '2020-03-03']);
  const v = s.values.map((r) => r[0]);
  [0, 2, 0, -2, 0].forEach((x, i) => assert.ok(Math.abs(v[i] - x) < 1e-12, `row ${i}: ${v[i]}`));
  assert.deepEqual([s.columns, s.source], [['value'], 'synthetic:sine']);
});

test('sineSeries defaults: 1000 rows from 2020-01-01, seeded noise of sd 0.1', () => {
  const a = sineSeries();
  const b = sineSeries();
  assert.deepEqual(a, b);
  assert.deepEqual([a.dates.length, a.dates[0], a.dates[999]], [1000, '2020-01-01', '2022-09-26']);
  const clean = sineSeries({ noise: 0 });
  const resid = a.values.map((r, i) => r[0] - clean.values[i][0]);
  const sd = Math.sqrt(resid.reduce((t, x) => t + x * x, 0) / resid.length);
  assert.ok(sd > 0.09 && sd < 0.11, `noise sd ${sd}`);
  assert.notDeepEqual(sineSeries({ seed: 1 }).values, a.values);
});

test('sineSeries: one row, and bad options', () => {
  assert.deepEqual(sineSeries({ n: 1, noise: 0 }).values, [[0]]);
  for (const bad of [
    { n: 0 },
    { n: 1.5 },
    { period: 0 },
    { noise: -1 },
    { amplitude: NaN },
    { start: '2020-02-30' },
    { start: '2020-01-01 10:00' },
  ]) {
    assert.throws(() => sineSeries(bad), InputError, JSON.stringify(bad));
  }
});

test('injectAnomalies: seeded spikes of magnitude x amplitude, minGap apart, from `from`', () => {
  const base = sineSeries({ n: 200, noise: 0, amplitude: 2 });
  const r = injectAnomalies(base, { count: 4, magnitude: 3, amplitude: 2, seed: 7, minGap: 20, from: 100 });
  assert.equal(r.indices.length, 4);
  assert.deepEqual(
    r.indices,
    [...r.indices].sort((a, b) => a - b),
  );
  assert.ok(r.indices.every((i) => i >= 100 && i < 200));
  r.indices.slice(1).forEach((i, k) => assert.ok(i - r.indices[k] >= 20));
  assert.deepEqual(
    r.dates,
    r.indices.map((i) => base.dates[i]),
  );
  r.series.values.forEach((row, i) => {
    const d = Math.abs(row[0] - base.values[i][0]);
    assert.ok(r.indices.includes(i) ? Math.abs(d - 6) < 1e-12 : d === 0, `row ${i}`);
  });
  assert.deepEqual(injectAnomalies(base, { count: 4, amplitude: 2, seed: 7, minGap: 20, from: 100 }), r);
  assert.notDeepEqual(injectAnomalies(base, { count: 4, seed: 8, minGap: 20, from: 100 }).indices, r.indices);
  assert.equal(base.values[r.indices[0]][0], sineSeries({ n: 200, noise: 0, amplitude: 2 }).values[r.indices[0]][0]);
});

test('injectAnomalies: every column of a multivariate row gets the same spike; count 0 changes nothing', () => {
  const s = {
    dates: ['2020-01-01', '2020-01-02'],
    values: [
      [1, 10],
      [2, 20],
    ],
    columns: ['a', 'b'],
    source: 't',
  };
  const r = injectAnomalies(s, { count: 1, magnitude: 1, seed: 3, minGap: 1 });
  const i = r.indices[0];
  const delta = r.series.values[i][0] - s.values[i][0];
  assert.equal(Math.abs(delta), 1);
  assert.equal(r.series.values[i][1] - s.values[i][1], delta);
  assert.deepEqual(injectAnomalies(s, { count: 0 }).series, s);
});

test('injectAnomalies: impossible placement and bad options are InputErrors', () => {
  const s = sineSeries({ n: 50 });
  assert.throws(
    () => injectAnomalies(s, { count: 6, minGap: 10 }),
    /cannot place 6 anomalies at least 10 rows apart in rows 0\.\.49/,
  );
  assert.throws(() => injectAnomalies(s, { count: 1, from: 50 }), /cannot place 1 anomalies/);
  assert.throws(() => injectAnomalies(s, { from: 51 }), /invalid from: 51/);
  assert.throws(() => injectAnomalies(s, { count: -1 }), /invalid count/);
  assert.throws(() => injectAnomalies(s, { minGap: 0 }), /invalid minGap/);
});
