import assert from 'node:assert/strict';
import { test } from 'node:test';
import { windowMae } from '../score/mae';
import { reconstructionChart, windowErrors } from './reconstruction';

type Obj = Record<string, any>;
// two windows of 3 steps x 2 features
const x = Float32Array.from([0, 10, 1, 11, 2, 12, 3, 13, 4, 14, 5, 15]);
const r = Float32Array.from([0, 10, 1, 11, 2, 12, 3.5, 13, 4, 12, 5, 15]);

test('windowErrors: the drawn column, its per-step error, and the MAE windowMae gives', () => {
  const w = windowErrors(x, r, 3, 2, 1);
  assert.deepEqual(
    [w.input, w.recon, w.error],
    [
      [3, 4, 5],
      [3.5, 4, 5],
      [0.5, 0, 0],
    ],
  );
  assert.equal(w.mae, 2.5 / 6);
  assert.ok(Math.abs(w.mae - windowMae(x, r, 2)[1]) < 1e-7);
  assert.deepEqual(windowErrors(x, r, 3, 2, 1, 1).error, [0, 2, 0]);
  assert.equal(windowErrors(x, r, 3, 2, 0).mae, 0);
  assert.throws(() => windowErrors(x, r, 3, 2, 2), /window 2 is not one of the 2 windows/);
  assert.throws(() => windowErrors(x, r, 3, 2, 0, 2), /column 2 is not one of the 2 features/);
});

test('reconstructionChart: input, reconstruction and error bars on two axes; MAE and threshold in the title', () => {
  const fig = reconstructionChart(x, r, 3, 2, 1, { dates: ['2020-01-01', '2020-01-02', '2020-01-03'], threshold: 0.3 });
  const [inp, rec, err] = fig.data as Obj[];
  assert.deepEqual([inp.y, rec.y, err.y, err.type, err.yaxis], [[3, 4, 5], [3.5, 4, 5], [0.5, 0, 0], 'bar', 'y2']);
  assert.deepEqual(inp.x, ['2020-01-01', '2020-01-02', '2020-01-03']);
  const lay = fig.layout as Obj;
  assert.equal(lay.title.text, 'Window 1: input and reconstruction, MAE 0.4167 (threshold 0.3000)');
  assert.equal(lay.xaxis.type, 'date');
  const plain = reconstructionChart(x, r, 3, 2, 0, { title: 'Normal' });
  assert.deepEqual((plain.data[0] as Obj).x, [1, 2, 3]);
  assert.equal((plain.layout as Obj).title.text, 'Normal, MAE 0.0000');
  assert.throws(() => reconstructionChart(x, r, 3, 2, 0, { dates: ['2020-01-01'] }), /1 dates for a window of 3/);
});
