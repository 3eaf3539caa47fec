import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testWindows } from '../../tools/testing/model-data';
import { selectBackend } from '../backend/select';
import { createAutoencoder } from '../model/create';
import { resolveSpec } from '../model/spec';
import { Rng } from '../util/random';
import { meanLoss, predictMae, windowMae } from './mae';

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

test('predictMae: in chunks (of any size), the same numbers as windowMae of one prediction', async () => {
  await selectBackend('wasm');
  const spec = resolveSpec({ window: 6, features: 2, encoder: [8, 4], seed: 9 });
  const ae = await createAutoencoder(spec);
  const n = 300;
  const x = testWindows(n, 6, 2, 5);
  await ae.trainEpoch(x, n, new Rng(2).permutation(n), 32);
  const whole = windowMae(x, await ae.predict(x, n), n);
  for (const chunk of [7, 256, 1000]) assert.deepEqual(await predictMae(ae, x, n, chunk), whole, `chunk ${chunk}`);
  assert.ok(whole.every((v) => v > 0 && Number.isFinite(v)));
  await assert.rejects(predictMae(ae, x.subarray(1), n), /invalid windows: 3599 values for 300 windows of 12/);
  ae.dispose();
});
