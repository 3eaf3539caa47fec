import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Series } from '../data/series';
import { parseThreshold, Threshold } from '../threshold/rule';
import { Scaler } from '../transform/scaler';
import { datedScores, prepareScore, prepareTrain, scoreResult } from './prepare';

const S: Series = {
  dates: ['d0', 'd1', 'd2', 'd3', 'd4', 'd5'],
  values: [[0], [2], [4], [6], [8], [10]],
  columns: ['v'],
  source: 'mem',
};

test('prepare: training part transformed, scaled by its own scaler, cut into windows', () => {
  const p = prepareTrain(S, { transform: 'none', scaler: 'minmax', window: 3 });
  assert.equal(p.windows.n, 4);
  assert.deepEqual(Array.from(p.windows.x.subarray(0, 3)), [0, 0.2, 0.4].map(Math.fround)); // windows are float32
  assert.throws(
    () => prepareTrain(S, { transform: 'none', scaler: 'minmax', window: 7 }),
    /too few rows: training part has 6 rows, window 7 needs at least 7/,
  );
  assert.throws(
    () => prepareTrain(S, { transform: 'diff', scaler: 'minmax', window: 6 }),
    /after the diff transform needs at least 7/,
  );
});

test('prepare: scoring starts at `from`; other columns are refused', () => {
  const scaler = Scaler.fit('minmax', [[0], [10]], ['v']);
  const p = prepareScore(S, { transform: 'none', scaler: 'minmax', window: 2 }, scaler, ['v'], 'd3');
  assert.equal(p.first, 3);
  assert.deepEqual(p.rows, [[0.6], [0.8], [1]]);
  assert.equal(p.windows.n, 2);
  assert.throws(
    () => prepareScore(S, { transform: 'none', scaler: 'minmax', window: 2 }, scaler, ['a', 'b']),
    /^InputError: mem: 1 value columns \(v\), the model was trained on 2 \(a, b\)$/,
  );
});

test('prepare: scores dated by first and last step, flagged above the threshold, with raw values', () => {
  const th = Threshold.fit(parseThreshold('0.3'), []);
  const s = datedScores(['d3', 'd4', 'd5'], [0.1, 0.5], 2, th);
  assert.deepEqual(s, { start: ['d3', 'd4'], end: ['d4', 'd5'], mae: [0.1, 0.5], anomaly: [false, true] });
  assert.deepEqual(datedScores(['a', 'b'], [1], 2).anomaly, [false]);
  const r = scoreResult(S, S, s);
  assert.deepEqual(r.windows[1], { start: 'd4', end: 'd5', mae: 0.5, anomaly: true });
  assert.deepEqual(r.anomalies, [{ date: 'd5', value: 10, mae: 0.5 }]);
});

test('prepare: lazy fields are accessors shared by every result, read by a spread', () => {
  // One getter for all: a getter closure per object gives each its own hidden class, which the young-generation
  // garbage collector copies and promotes (the 5-9 ms pauses `watch` had every few hundred rows).
  const getter = (o: object, k: string) => Object.getOwnPropertyDescriptor(o, k)?.get;
  const a = datedScores(['d0', 'd1', 'd2'], [1, 2], 2);
  const b = datedScores(['e0', 'e1', 'e2'], [3, 4], 2);
  for (const k of ['start', 'end', 'anomaly']) {
    assert.equal(typeof getter(a, k), 'function', k);
    assert.equal(getter(a, k), getter(b, k), k);
  }
  assert.deepEqual({ ...b }, { start: ['e0', 'e1'], end: ['e1', 'e2'], mae: [3, 4], anomaly: [false, false] });
  const scaler = Scaler.fit('minmax', [[0], [10]], ['v']);
  const o = { transform: 'none', scaler: 'minmax', window: 2 } as const;
  const p = prepareScore(S, o, scaler, ['v']);
  assert.equal(getter(p, 'rows'), getter(prepareScore(S, o, scaler, ['v'], 'd3'), 'rows'));
  assert.deepEqual({ ...p }.rows, [[0], [0.2], [0.4], [0.6], [0.8], [1]]);
});
