import assert from 'node:assert/strict';
import { test } from 'node:test';
import { meanLoss, windowMae } from './mae';

test('windowMae: mean absolute error per window over steps and features', () => {
  const x = new Float32Array([0, 0, 1, 1, 2, 2]);
  const r = new Float32Array([1, -1, 1, 1, 2, 5]);
  assert.deepEqual(windowMae(x, r, 3), [1, 0, 1.5]);
  assert.deepEqual(windowMae(x, r, 1), [5 / 6]);
});

test('windowMae: no windows, and mismatched sizes', () => {
  assert.deepEqual(windowMae(new Float32Array(0), new Float32Array(0), 0), []);
  assert.throws(() => windowMae(new Float32Array(4), new Float32Array(3), 2), /invalid reconstruction/);
});

test('meanLoss: mae and mse', () => {
  const x = new Float32Array([0, 0]);
  const r = new Float32Array([1, 3]);
  assert.equal(meanLoss(x, r, 'mae'), 2);
  assert.equal(meanLoss(x, r, 'mse'), 5);
  assert.ok(Number.isNaN(meanLoss(new Float32Array(0), new Float32Array(0), 'mae')));
});
