import assert from 'node:assert/strict';
import { test } from 'node:test';
import { anomalyChart } from './anomalies';
import { compareTimeline } from './compare';
import { decimateFigure, encodeDates, NOTEBOOK_BUCKETS } from './lighten';

const day = (i: number): string => new Date(Date.UTC(2000, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);

test('decimateFigure: a 22,000-point line drawn at 500 buckets keeps at most 1,501 points plus its anomalies', () => {
  const n = 22_000;
  const dates = Array.from({ length: n }, (_, i) => day(i));
  const values = Array.from({ length: n }, (_, i) => Math.sin(i / 50) + (i % 7) / 10);
  const anomalies = [3, 10_001, 10_002, 21_998].map((i) => ({ date: dates[i], value: values[i] }));
  const fig = anomalyChart({ dates, values }, anomalies);
  const built = (fig.data[0].x as string[]).length;
  assert.ok(built > 4000 && built <= 3 * 2000 + 1 + anomalies.length, `${built} points from the builder`);
  const light = decimateFigure(fig, NOTEBOOK_BUCKETS);
  const x = light.data[0].x as string[];
  const y = light.data[0].y as number[];
  assert.equal(NOTEBOOK_BUCKETS, 500);
  assert.ok(x.length <= 3 * 500 + 1 + anomalies.length, `${x.length} points`);
  assert.equal(x.length, y.length);
  for (const a of anomalies) assert.equal(y[x.indexOf(a.date)], a.value, `anomaly ${a.date} on the line`);
  assert.equal(x[0], dates[0]);
  assert.equal(x[x.length - 1], dates[n - 1]);
  // the extremes of the whole line survive both decimations
  assert.equal(Math.max(...y), Math.max(...values));
  assert.equal(Math.min(...y), Math.min(...values));
  assert.equal(light.data[1], fig.data[1], 'the marker trace is not touched');
  assert.equal(light.layout, fig.layout);
});

test('decimateFigure: short lines, lines+markers and non-numeric y stay; gaps and per-point arrays follow', () => {
  const short = { type: 'scatter', mode: 'lines', x: [1, 2, 3], y: [1, 2, 3] };
  const both = { type: 'scatter', mode: 'lines+markers', x: [1, 2, 3, 4, 5], y: [5, 4, 3, 2, 1] };
  const text = { type: 'scatter', mode: 'lines', x: [1, 2, 3, 4, 5], y: ['a', 'b', 'c', 'd', 'e'] };
  const fig = { data: [short, both, text], layout: {} };
  assert.deepEqual(decimateFigure(fig, 2).data, [short, both, text]);
  // 12 points, 2 buckets of 6: [0,5,1,3,2,4] keeps 0,1 (first, max); [null, 9, 8, 7, 6, 0] keeps 6 (the gap), 7,
  // 11; the last, 11; index 4 is marked on these axes, index 2 only on other axes
  const gap = {
    type: 'scatter',
    mode: 'lines',
    x: Array.from({ length: 12 }, (_, i) => i),
    y: [0, 5, 1, 3, 2, 4, null, 9, 8, 7, 6, 0],
    customdata: Array.from({ length: 12 }, (_, i) => `c${i}`),
  };
  const marks = { type: 'scatter', mode: 'markers', x: [4], y: [2] };
  const other = { type: 'scatter', mode: 'markers', x: [2], y: [1], xaxis: 'x', yaxis: 'y2' };
  const out = decimateFigure({ data: [gap, marks, other], layout: {} }, 2).data[0];
  assert.deepEqual(out.x, [0, 1, 4, 6, 7, 11]);
  assert.deepEqual(out.y, [0, 5, 2, null, 9, 0]);
  assert.deepEqual(out.customdata, ['c0', 'c1', 'c4', 'c6', 'c7', 'c11']);
});

test('compareTimeline: a long score line is decimated through every flagged window', () => {
  const n = 11_249; // notebook 06's machine temperature windows at 10 minutes
  const windows = Array.from({ length: n }, (_, i) => ({ end: day(i), mae: Math.cos(i / 30), anomaly: i % 997 === 0 }));
  const fig = compareTimeline([{ name: 'lstm', windows, threshold: 0.9 }]);
  const x = fig.data[0].x as string[];
  const flagged = fig.data[2].x as string[];
  assert.equal(flagged.length, 12);
  assert.ok(x.length <= 3 * 2000 + 1 + flagged.length, `${x.length} points`);
  for (const d of flagged) assert.ok(x.includes(d), `flagged ${d} on the line`);
});

test('encodeDates: ISO dates on a date axis become float64 milliseconds, the rest stays', () => {
  const dates = Array.from({ length: 16 }, (_, i) => `2013-12-02T21:${String(10 + i).padStart(2, '0')}:00`);
  const days = Array.from({ length: 16 }, (_, i) => day(i));
  const fig = {
    data: [
      { x: dates, y: dates.map(() => 1) },
      { x: days, y: days.map(() => 1), xaxis: 'x2' },
      { x: days.slice(0, 15), y: [] }, // short
      { x: [...days.slice(0, 15), 'soon'], y: [] }, // not all dates
    ],
    layout: { xaxis: { type: 'date' }, xaxis2: { type: 'date' } },
  };
  const out = encodeDates(fig);
  const decode = (v: unknown): number[] => {
    const { dtype, bdata } = v as { dtype: string; bdata: string };
    assert.equal(dtype, 'f8');
    const b = Buffer.from(bdata, 'base64');
    return Array.from(new Float64Array(b.buffer, b.byteOffset, b.length / 8));
  };
  assert.deepEqual(
    decode(out.data[0].x),
    dates.map((_, i) => Date.UTC(2013, 11, 2, 21, 10 + i)),
  );
  assert.deepEqual(decode(out.data[1].x).slice(0, 2), [Date.UTC(2000, 0, 1), Date.UTC(2000, 0, 2)]);
  assert.equal(out.data[2], fig.data[2]);
  assert.equal(out.data[3], fig.data[3]);
  // a linear axis keeps its strings
  const linear = { data: [{ x: dates, y: [] }], layout: { xaxis: { type: 'linear' } } };
  assert.equal(encodeDates(linear).data[0], linear.data[0]);
});
