import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError } from '../util/errors';
import { anomalyChart } from './anomalies';
import { COLORS, fmt, lineOf } from './figure';
import { maeHistogram } from './histogram';
import { bestEpochOf, lossChart } from './loss';
import { splitChart } from './split';
import { maeTimeline } from './timeline';

const D = ['2021-03-01', '2021-03-02', '2021-03-03', '2021-03-04', '2021-03-05'];
const line = { dates: D, values: [1, 2, 3, 4, 5], name: 'Close' };
type Obj = Record<string, any>;

test('splitChart: train and test traces joined at trainEnd, test region shaded, dashed line at the split', () => {
  const fig = splitChart(line, '2021-03-03');
  const [train, testTrace] = fig.data as Obj[];
  assert.deepEqual([train.name, train.x, train.y], ['train', D.slice(0, 3), [1, 2, 3]]);
  assert.deepEqual([testTrace.name, testTrace.x, testTrace.y], ['test', D.slice(2), [3, 4, 5]]);
  assert.equal(train.line.color, COLORS.train);
  assert.equal(testTrace.line.color, COLORS.test);
  const [rect, vl] = fig.layout.shapes as Obj[];
  assert.deepEqual([rect.type, rect.x0, rect.x1], ['rect', '2021-03-03', '2021-03-05']);
  assert.deepEqual(
    [vl.type, vl.x0, vl.x1, vl.yref, vl.line.dash],
    ['line', '2021-03-03', '2021-03-03', 'paper', 'dash'],
  );
  const lay = fig.layout as Obj;
  assert.equal(lay.xaxis.type, 'date');
  assert.equal(lay.yaxis.title.text, 'Close');
  assert.equal(lay.title.text, 'Series with train/test split');
});

test('splitChart: no test rows gives one trace and no shapes; mismatched lengths throw', () => {
  const fig = splitChart(line, '2021-12-31', { title: 'T' });
  assert.equal(fig.data.length, 1);
  assert.deepEqual((fig.data[0] as Obj).y, [1, 2, 3, 4, 5]);
  assert.deepEqual(fig.layout.shapes, []);
  assert.equal((fig.layout as Obj).title.text, 'T');
  assert.throws(
    () => splitChart({ dates: D, values: [1] }, D[0]),
    (e) => e instanceof InputError && /split chart: 5 dates but 1 values/.test(e.message),
  );
});

test('lossChart: both losses, best epoch (lowest validation loss) starred and marked by a dotted line', () => {
  const h = [
    { epoch: 1, loss: 4, valLoss: 3 },
    { epoch: 2, loss: 3, valLoss: 2 },
    { epoch: 3, loss: 1, valLoss: 2.5 },
  ];
  const fig = lossChart(h);
  const [tr, val, best] = fig.data as Obj[];
  assert.deepEqual([tr.name, tr.x, tr.y], ['training loss', [1, 2, 3], [4, 3, 1]]);
  assert.deepEqual([val.name, val.y], ['validation loss', [3, 2, 2.5]]);
  assert.deepEqual([best.name, best.x, best.y, best.marker.color], ['best epoch (2)', [2], [2], COLORS.anomaly]);
  const [vl] = fig.layout.shapes as Obj[];
  assert.deepEqual([vl.x0, vl.x1, vl.line.dash], [2, 2, 'dot']);
  assert.equal((fig.layout as Obj).xaxis.title.text, 'epoch');
  // An explicit best epoch (the one whose weights were kept) wins.
  assert.deepEqual((lossChart(h, { bestEpoch: 3 }).data[2] as Obj).y, [2.5]);
});

test('lossChart: without validation the best epoch is on the training loss; empty history draws nothing', () => {
  const fig = lossChart([
    { epoch: 1, loss: 2, valLoss: null },
    { epoch: 2, loss: 1, valLoss: null },
  ]);
  assert.equal(fig.data.length, 2);
  assert.deepEqual([(fig.data[1] as Obj).x, (fig.data[1] as Obj).y], [[2], [1]]);
  const empty = lossChart([]);
  assert.equal(empty.data.length, 1);
  assert.deepEqual(empty.layout.shapes, []);
  assert.equal(
    bestEpochOf([
      { epoch: 1, loss: 1, valLoss: 5 },
      { epoch: 2, loss: 1, valLoss: 5 },
    ]),
    1,
  );
  assert.ok(Number.isNaN(bestEpochOf([])));
});

test('maeHistogram: threshold as a red vertical line, count above it, x range covering scores and threshold', () => {
  const fig = maeHistogram([0.1, 0.2, 0.3, 0.4], 0.25, 'Train MAE');
  const [bars] = fig.data as Obj[];
  assert.deepEqual([bars.type, bars.x, bars.marker.color], ['histogram', [0.1, 0.2, 0.3, 0.4], COLORS.train]);
  const [vl] = fig.layout.shapes as Obj[];
  assert.deepEqual([vl.x0, vl.x1, vl.y0, vl.y1, vl.line.color], [0.25, 0.25, 0, 1, COLORS.anomaly]);
  const lay = fig.layout as Obj;
  assert.equal(lay.annotations[0].text, 'threshold 0.25<br>2 of 4 above');
  assert.equal(lay.title.text, 'Train MAE');
  const [lo, hi] = lay.xaxis.range;
  assert.ok(Math.abs(lo - 0.088) < 1e-12 && Math.abs(hi - 0.412) < 1e-12, `range ${lo}..${hi}`);
  // A threshold beyond every score stays in view.
  const far = maeHistogram([0.1, 0.2], 1.1, 'x', { color: COLORS.test }) as Obj;
  assert.ok(far.layout.xaxis.range[1] > 1.1);
  assert.equal(far.data[0].marker.color, COLORS.test);
  assert.throws(() => maeHistogram([1], NaN, 't'), /invalid threshold: null/);
  // The label sits right of the line, or left of it in the right third of the axis (not cut off at the edge).
  assert.deepEqual([lay.annotations[0].xanchor, lay.annotations[0].xshift], ['left', 4]);
  const edge = maeHistogram([0.1, 0.2, 0.3, 0.4], 0.39, 'x', { unit: 'rows' }) as Obj;
  assert.deepEqual([edge.layout.annotations[0].xanchor, edge.layout.annotations[0].xshift], ['right', -4]);
  assert.equal(far.layout.annotations[0].xanchor, 'right');
  assert.equal(edge.layout.yaxis.title.text, 'rows');
  assert.match(edge.data[0].hovertemplate, /%\{y\} rows/);
  assert.equal(lay.yaxis.title.text, 'windows');
});

test('maeTimeline: MAE by window end date, threshold line over the whole span, red markers at anomalies', () => {
  const w = D.slice(1).map((end, i) => ({ end, mae: [0.1, 0.5, 0.2, 0.6][i], anomaly: [false, true, false, true][i] }));
  const fig = maeTimeline(w, 0.3);
  const [mae, thr, marks] = fig.data as Obj[];
  assert.deepEqual([mae.x, mae.y], [D.slice(1), [0.1, 0.5, 0.2, 0.6]]);
  assert.deepEqual([thr.name, thr.x, thr.y], ['threshold (0.3)', ['2021-03-02', '2021-03-05'], [0.3, 0.3]]);
  assert.deepEqual(
    [marks.name, marks.x, marks.y, marks.marker.color],
    ['anomalies (2)', ['2021-03-03', '2021-03-05'], [0.5, 0.6], COLORS.anomaly],
  );
  assert.equal((fig.layout as Obj).xaxis.type, 'date');
});

test('anomalyChart: the series plus red points at each anomaly date and value', () => {
  const fig = anomalyChart(line, [{ date: '2021-03-04', value: 4, mae: 0.7 }], { trainEnd: '2021-03-02' });
  const [s, marks] = fig.data as Obj[];
  assert.deepEqual([s.name, s.x, s.y], ['Close', D, [1, 2, 3, 4, 5]]);
  assert.deepEqual(
    [marks.x, marks.y, marks.customdata, marks.marker.color],
    [['2021-03-04'], [4], [0.7], COLORS.anomaly],
  );
  assert.equal((fig.layout.shapes as Obj[])[0].x0, '2021-03-02');
  assert.deepEqual(anomalyChart(line, []).layout.shapes, []);
});

test('lineOf and fmt', () => {
  const s = { dates: ['2021-01-01'], values: [[1, 7]], columns: ['Open', 'Close'], source: 's' };
  assert.deepEqual(lineOf(s, 1), { dates: ['2021-01-01'], values: [7], name: 'Close' });
  assert.throws(
    () => lineOf(s, 2),
    (e) => e instanceof InputError && e.message === 'invalid column: 2 (the series has 2 columns: Open, Close)',
  );
  assert.equal(fmt(0.0123456), '0.01235');
  assert.equal(fmt(1234567), '1235000');
});
