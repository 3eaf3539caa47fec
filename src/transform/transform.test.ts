import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Series } from '../data/series';
import { driftCheck } from './drift';
import { Scaler } from './scaler';
import { timeSplit } from './split';
import { applyTransform, transformLag } from './transforms';

const s = (vals: number[]): Series => ({
  dates: vals.map((_, i) => `2020-01-${String(i + 1).padStart(2, '0')}`),
  values: vals.map((v) => [v]),
  columns: ['close'],
  source: 'test.csv',
});

test('timeSplit: floor(n * frac) training rows, in time order', () => {
  const { train, test: te } = timeSplit(s([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]), { trainFrac: 0.8 });
  assert.equal(train.dates.length, 8);
  assert.equal(te.dates.length, 3);
  assert.equal(te.dates[0], '2020-01-09');
});

test('timeSplit: trainUntil keeps rows strictly before the date', () => {
  const { train } = timeSplit(s([1, 2, 3, 4, 5]), { trainUntil: '2020-01-03' });
  assert.deepEqual(train.dates, ['2020-01-01', '2020-01-02']);
});

test('timeSplit: rejects fractions out of range and empty parts', () => {
  assert.throws(() => timeSplit(s([1, 2, 3]), { trainFrac: 1 }), /invalid train fraction: 1/);
  assert.throws(() => timeSplit(s([1, 2, 3]), { trainFrac: 0 }), /invalid train fraction: 0/);
  assert.throws(() => timeSplit(s([1]), { trainFrac: 0.5 }), /empty part of 1 rows/);
  assert.throws(() => timeSplit(s([1, 2]), { trainUntil: '2019-01-01' }), /no data before it/);
  assert.throws(() => timeSplit(s([1, 2]), { trainUntil: '2021-01-01' }), /no data after it/);
  assert.throws(() => timeSplit(s([1, 2]), { trainUntil: 'soon' }), /invalid train-until: soon/);
});

test('applyTransform: logret and diff drop the first row and date the rest by the later day', () => {
  const lr = applyTransform(s([100, 110, 99]), 'logret');
  assert.deepEqual(lr.dates, ['2020-01-02', '2020-01-03']);
  assert.ok(Math.abs(lr.values[0][0] - Math.log(1.1)) < 1e-15);
  assert.ok(Math.abs(lr.values[1][0] - Math.log(0.9)) < 1e-15);
  assert.deepEqual(applyTransform(s([1, 4, 2]), 'diff').values, [[3], [-2]]);
  assert.equal(applyTransform(s([5]), 'diff').values.length, 0);
  const same = s([1, 2]);
  assert.equal(applyTransform(same, 'none'), same);
  assert.equal(transformLag('none'), 0);
  assert.equal(transformLag('logret'), 1);
});

test('applyTransform: logret refuses non-positive values, naming date and column', () => {
  assert.throws(
    () => applyTransform(s([1, 0, 2]), 'logret'),
    /test.csv: log returns need positive values, column "close" is 0 on 2020-01-02/,
  );
  assert.throws(() => applyTransform(s([1]), 'sqrt' as never), /invalid transform: sqrt/);
});

test('StandardScaler: population std, as scikit-learn', () => {
  const sc = Scaler.fit('standard', [
    [1, 10],
    [2, 20],
    [3, 30],
    [4, 40],
  ]);
  assert.deepEqual(sc.toJSON(), { kind: 'standard', mean: [2.5, 25], std: [Math.sqrt(1.25), Math.sqrt(125)] });
  const z = sc.transform([
    [2.5, 25],
    [4, 40],
  ]);
  assert.deepEqual(z[0], [0, 0]);
  assert.ok(Math.abs(z[1][0] - 1.5 / Math.sqrt(1.25)) < 1e-15);
  assert.deepEqual(sc.inverse(z)[1], [4, 40]);
});

test('MinMaxScaler: maps the training range to [0, 1] and round-trips through JSON exactly', () => {
  const sc = Scaler.fit('minmax', [[0.1], [0.7], [0.3]]);
  assert.deepEqual(sc.transform([[0.1], [0.7]]), [[0], [1]]);
  const back = Scaler.fromJSON(JSON.parse(JSON.stringify(sc.toJSON())));
  assert.deepEqual(back.transform([[0.3], [0.55]]), sc.transform([[0.3], [0.55]]));
  assert.deepEqual(back.toJSON(), { kind: 'minmax', min: [0.1], max: [0.7] });
});

test('Scaler: no rows, one value and a constant series are refused', () => {
  assert.throws(() => Scaler.fit('standard', []), /no rows/);
  assert.throws(
    () => Scaler.fit('standard', [[5]]),
    /constant series: column "0" has the same value \(5\) in all 1 training rows/,
  );
  assert.throws(() => Scaler.fit('minmax', [[2], [2], [2]], ['close']), /constant series: column "close"/);
  assert.throws(() => Scaler.fit('robust' as never, [[1], [2]]), /invalid scaler: robust/);
});

test('driftCheck: share of test values outside the training range, warning above 20%', () => {
  const d = driftCheck([[1], [2], [3]], [[2], [4], [0], [3]]);
  assert.equal(d.outsideShare, 0.5);
  assert.equal(d.warn, true);
  assert.match(d.message!, /50.0% of test values .* --transform logret/);
  const ok = driftCheck([[1], [3]], [[2], [2.5], [1], [3], [4]], 'logret');
  assert.equal(ok.outsideShare, 0.2);
  assert.equal(ok.warn, false);
  assert.equal(ok.message, undefined);
  assert.equal(driftCheck([], [[1]]).outsideShare, 0);
});
