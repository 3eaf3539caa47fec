import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testWindows } from '../../../tools/testing/model-data';
import { selectBackend } from '../../backend/select';
import { type AerSpec, createAerModel } from '../../model';
import { pickWindows, type Windows } from '../../sequence/windows';
import { trainAutoencoder } from '../../train/fit';
import { AerWindowModel } from './aer';

const spec = (o: Partial<AerSpec> = {}): AerSpec => ({
  window: 6,
  features: 1,
  units: 3,
  regRatio: 0.5,
  learningRate: 0.01,
  seed: 4,
  ...o,
});

/** AER's loss by hand: regRatio/2 x MSE of step 0, 1 - regRatio x MSE of the inner steps, regRatio/2 x MSE of the last. */
function handLoss(s: AerSpec, x: ArrayLike<number>, y: ArrayLike<number>, n: number): number {
  const { window: W, features: F, regRatio: r } = s;
  const mse = (steps: number[]) => {
    let sum = 0;
    for (let i = 0; i < n; i++)
      for (const t of steps) for (let j = 0; j < F; j++) sum += (y[(i * W + t) * F + j] - x[(i * W + t) * F + j]) ** 2;
    return sum / (n * steps.length * F);
  };
  const inner = Array.from({ length: W - 2 }, (_, k) => k + 1);
  return (r / 2) * mse([0]) + (1 - r) * mse(inner) + (r / 2) * mse([W - 1]);
}

test('AerModel.evaluate: zero weights give zero outputs, so the loss of windows 1..4 and 2..5 is 10.5', async () => {
  await selectBackend('wasm');
  const s = spec({ window: 4 });
  const m = await createAerModel(s);
  try {
    m.setWeights(m.getWeights().map((w) => ({ ...w, values: new Float32Array(w.values.length) })));
    const x = Float32Array.of(1, 2, 3, 4, 2, 3, 4, 5);
    // step 0: (1 + 4) / 2 = 2.5; inner: (4 + 9 + 9 + 16) / 4 = 9.5; last: (16 + 25) / 2 = 20.5
    assert.equal(await m.evaluate(x, 2), 0.25 * 2.5 + 0.5 * 9.5 + 0.25 * 20.5);
    // the inner steps alone (reg ratio 0), the regressions alone (1)
    const only = async (regRatio: number) => {
      const r = await createAerModel(spec({ window: 4, regRatio }));
      r.setWeights(m.getWeights());
      const v = await r.evaluate(x, 2);
      r.dispose();
      return v;
    };
    assert.equal(await only(0), 9.5);
    assert.equal(await only(1), (2.5 + 20.5) / 2);
  } finally {
    m.dispose();
  }
});

test('AerModel.evaluate equals the training loss of the same windows as one batch, and the hand formula', async () => {
  await selectBackend('wasm');
  const s = spec({ features: 2, regRatio: 0.3 });
  const m = await createAerModel(s);
  try {
    const n = 9;
    const x = testWindows(n, s.window, s.features, 13);
    const v = await m.evaluate(x, n, 4);
    const { loss } = m.gradients(
      x,
      n,
      Array.from({ length: n }, (_, i) => i),
    );
    assert.ok(Math.abs(v - loss) <= 1e-12 * loss, `evaluate ${v} vs training loss ${loss}`);
    const hand = handLoss(s, x, await m.predict(x, n), n);
    assert.ok(Math.abs(v - hand) <= 1e-12 * hand, `evaluate ${v} vs hand ${hand}`);
  } finally {
    m.dispose();
  }
});

test('trainAutoencoder validates AER on its own loss through the valLoss hook (not the plain MSE)', async () => {
  await selectBackend('wasm');
  const s = spec();
  const n = 20;
  const data: Windows = { x: testWindows(n, s.window, 1, 21), n, window: s.window, features: 1 };
  const val = pickWindows(data, [15, 16, 17, 18, 19]);
  const m = await createAerModel(s);
  const plain = await createAerModel(s);
  try {
    const opts = { epochs: 2, batchSize: 4, patience: 0, valSplit: 0.25, seed: 1 };
    const { history } = await trainAutoencoder(m, data, { ...opts, valLoss: (v) => m.evaluate(v.x, v.n) });
    const hand = handLoss(s, val.x, await m.predict(val.x, val.n), val.n);
    const last = history[1].valLoss ?? Number.NaN;
    assert.ok(Math.abs(last - hand) <= 1e-12 * hand, `valLoss ${last} vs AER's loss ${hand}`);
    // without the hook: the MSE of the whole output, a different number from the same weights
    const r = await trainAutoencoder(plain, data, opts);
    assert.deepEqual(
      r.history.map((h) => h.loss),
      history.map((h) => h.loss),
    );
    assert.notEqual(r.history[1].valLoss, last);
  } finally {
    m.dispose();
    plain.dispose();
  }
});

test('AerWindowModel: early stopping on AER loss, best weights restored (patience 1, held-out windows)', async () => {
  await selectBackend('wasm');
  const s = spec();
  const n = 40;
  const data: Windows = { x: testWindows(n, s.window, 1, 5), n, window: s.window, features: 1 };
  const opts = { units: 3, regRatio: 0.5, learningRate: 0.01, seed: 4, batchSize: 8, backend: 'wasm' as const };
  const a = await new AerWindowModel({ ...opts, epochs: 30, patience: 1, valSplit: 0.2 }).fit(data);
  try {
    const h = a.history;
    const losses = h.map((e) => e.valLoss ?? Number.NaN);
    const best = Math.min(...losses);
    assert.equal(losses[a.bestEpoch - 1], best);
    // seeded: the best of 5 epochs is the 4th, and training stopped one epoch later (patience 1)
    assert.deepEqual([h.length, a.bestEpoch], [5, 4]);
    // the kept weights are the best epoch's: their AER loss on the last 8 windows is the best validation loss
    const state = a.toJSON();
    const m = await createAerModel(state.spec);
    m.setWeights(state.weights.map((w) => ({ name: w.name, shape: w.shape, values: decode(w.data) })));
    const val = pickWindows(data, [32, 33, 34, 35, 36, 37, 38, 39]);
    assert.equal(await m.evaluate(val.x, val.n), best);
    m.dispose();
  } finally {
    a.dispose();
  }
});

function decode(b64: string): Float32Array {
  const b = Buffer.from(b64, 'base64');
  return new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.length));
}
