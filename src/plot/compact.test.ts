import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Rng } from '../util/random';
import { anomalyChart } from './anomalies';
import { PANEL_BUCKETS, REPORT_BUCKETS, reportFigure } from './compact';
import { splitChart } from './split';
import { zoomChart } from './zoom';

const day = (i: number): string => new Date(Date.UTC(2000, 0, 3) + i * 86_400_000).toISOString().slice(0, 10);
const ms = (d: string): number => Date.parse(`${d}T00:00Z`);

/** The numbers of a `{dtype: 'f8', bdata}` array. */
function f8(spec: unknown): number[] {
  const { dtype, bdata } = spec as { dtype: string; bdata: string };
  assert.equal(dtype, 'f8');
  const buf = Buffer.from(bdata, 'base64');
  return Array.from(new Float64Array(buf.buffer, buf.byteOffset, buf.byteLength / 8));
}

/** A noisy line of `n` daily rows: every bucket's first, lowest and highest points differ. */
function noisy(n: number): { dates: string[]; values: number[] } {
  const rng = new Rng(3);
  const dates = Array.from({ length: n }, (_, i) => day(i));
  return { dates, values: dates.map((_, i) => 1000 + 300 * Math.sin(i / 400) + 20 * rng.normal()) };
}

test('reportFigure: a 5,105-row split chart keeps at most 3 points a pixel, its ends and extremes, dates as f8', () => {
  const line = noisy(5105);
  const trainEnd = line.dates[4083];
  const fig = splitChart(line, trainEnd);
  const built = fig.data[0].x as string[];
  assert.ok(built.length > 4000, `the builder keeps nearly every one of the 4,084 training rows: ${built.length}`);
  const out = reportFigure(fig);
  assert.equal(REPORT_BUCKETS, 1100);
  const x = f8(out.data[0].x);
  const y = out.data[0].y as number[];
  assert.equal(x.length, y.length);
  assert.ok(x.length > REPORT_BUCKETS && x.length <= 3 * REPORT_BUCKETS + 1, `${x.length} points`);
  assert.equal(x[0], ms(line.dates[0]));
  assert.equal(x[x.length - 1], ms(trainEnd));
  const train = line.values.slice(0, 4084);
  assert.equal(Math.max(...y), Math.max(...train));
  assert.equal(Math.min(...y), Math.min(...train));
  // each kept point is the row of its date
  const row = new Map(line.dates.map((d, i) => [ms(d), i]));
  x.forEach((t, k) => assert.equal(y[k], line.values[row.get(t)!]));
  // the test trace (1,022 rows from the split point) is not thinned, only its dates encoded
  assert.deepEqual(
    f8(out.data[1].x),
    (fig.data[1].x as string[]).map((d) => ms(d)),
  );
  assert.equal(out.layout, fig.layout, 'the layout (shapes with date strings) is kept');
  assert.equal(fig.data[0].x, built, 'the input figure is not modified');
});

test('reportFigure: the anomaly chart keeps all 20 anomalies on its line; its markers are dated by f8', () => {
  const line = noisy(6000);
  const at = [5, 2500, 2501, 5999, ...Array.from({ length: 16 }, (_, k) => 3000 + 97 * k)].sort((a, b) => a - b);
  const fig = anomalyChart(
    line,
    at.map((i) => ({ date: line.dates[i], value: line.values[i], mae: 1 })),
  );
  const out = reportFigure(fig);
  const x = f8(out.data[0].x);
  const y = out.data[0].y as number[];
  assert.ok(x.length <= 3 * REPORT_BUCKETS + 1 + at.length, `${x.length} points`);
  for (const i of at) assert.equal(y[x.indexOf(ms(line.dates[i]))], line.values[i], `anomaly ${i} on the line`);
  assert.deepEqual(
    f8(out.data[1].x),
    at.map((i) => ms(line.dates[i])),
  );
});

test('reportFigure: a zoom panel at panel width keeps its peak, its gaps and short traces', () => {
  const n = 3000;
  const dates = Array.from({ length: n }, (_, i) => day(i));
  const wave = Float64Array.from({ length: n }, (_, i) => Math.sin(i / 7) + (i % 5) / 10);
  const scores = Float64Array.from(wave, (v, i) => Math.abs(v) + (i === 1777 ? 9 : 0));
  const thresholds = Float64Array.from({ length: n }, (_, i) => (i < 1200 ? Number.NaN : 1.5));
  const view = { dates, x: wave, recon: wave, features: 1, scores, thresholds };
  const e = { startIndex: 1500, endIndex: 1999, start: dates[1500], end: dates[1999] };
  const fig = zoomChart(view, e, 'Event 1');
  assert.equal((fig.data[0].x as string[]).length, 1500, 'the view: the event and its length each side');
  const out = reportFigure(fig, PANEL_BUCKETS);
  assert.equal(PANEL_BUCKETS, 500);
  const err = out.data[2];
  const ex = f8(err.x);
  assert.ok(ex.length <= 3 * PANEL_BUCKETS + 1 && ex.length < 1500, `${ex.length} points`);
  assert.equal((err.y as number[])[ex.indexOf(ms(dates[1777]))], scores[1777], 'the peak stays');
  // the threshold's gap (no threshold before step 1200) still breaks the line where it starts
  const thr = out.data[3];
  const tx = f8(thr.x);
  const ty = thr.y as Array<number | null>;
  const firstValue = ty.findIndex((v) => v !== null);
  assert.equal(tx[firstValue - 1], ms(dates[1199]));
  assert.equal(ty[firstValue - 1], null);
  // a short figure keeps its date strings
  const short = zoomChart({ ...view, dates: dates.slice(0, 10) }, { ...e, startIndex: 2, endIndex: 3 }, 'short');
  assert.deepEqual(reportFigure(short, PANEL_BUCKETS).data[0].x, dates.slice(0, 10));
});
