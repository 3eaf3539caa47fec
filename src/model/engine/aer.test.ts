import assert from 'node:assert/strict';
import { test } from 'node:test';
import { relErr, testWindows } from '../../../tools/testing/model-data';
import { selectBackend } from '../../backend/select';
import * as tf from '../../backend/tf';
import type { ComputeKind } from '../compute/factory';
import { createAerModel } from '../create-aer';
import { aerReferenceLoss, buildAerLayersModel } from '../reference/aer-reference';
import type { AerSpec } from './aer-params';
import { aerParameterCount } from './aer-params';

const spec = (o: Partial<AerSpec> = {}): AerSpec => ({
  window: 7,
  features: 1,
  units: 5,
  regRatio: 0.5,
  learningRate: 1e-3,
  seed: 3,
  ...o,
});

/** Windows b of `x` (window-major), and their inner steps, as tensors [B, W, F] and [B, W - 2, F]. */
function batchTensors(s: AerSpec, x: Float32Array, order: number[]): { whole: tf.Tensor3D; inner: tf.Tensor3D } {
  const { window: W, features: F } = s;
  const xb = new Float32Array(order.length * W * F);
  order.forEach((w, b) => xb.set(x.subarray(w * W * F, (w + 1) * W * F), b * W * F));
  const whole = tf.tensor3d(xb, [order.length, W, F]);
  return { whole, inner: tf.slice(whole, [0, 1, 0], [-1, W - 2, -1]) };
}

/** Engine loss and gradients vs tfjs autograd over the stock tfjs-layers Bidirectional model with the same weights. */
async function checkAgainstLayers(s: AerSpec, gemm: ComputeKind = 'auto'): Promise<string> {
  const m = await createAerModel(s, { gemm });
  const model = buildAerLayersModel(s, m.getWeights());
  try {
    const n = 9;
    const x = testWindows(n, s.window, s.features, 11);
    const order = [4, 1, 7, 0, 8, 2];
    const { loss, grads } = m.gradients(x, n, order);
    const { whole, inner } = batchTensors(s, x, order);
    const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
    assert.deepEqual(
      vars.map((v) => v.shape),
      grads.map((g) => g.shape),
    );
    const { value, grads: ref } = tf.variableGrads(
      () => aerReferenceLoss(s, model.apply(inner, { training: true }) as tf.Tensor, whole),
      vars,
    );
    const refLoss = value.dataSync()[0];
    assert.ok(Math.abs(loss - refLoss) <= 1e-5 * Math.abs(refLoss), `loss ${loss} vs ${refLoss}`);
    grads.forEach((g, i) => {
      const e = relErr(g.values, ref[vars[i].name].dataSync());
      assert.ok(e < 1e-4, `${g.name}: relative error ${e}`);
    });
    tf.dispose([value, whole, inner, ...Object.values(ref)]);
    return m.engine;
  } finally {
    m.dispose();
    model.dispose();
  }
}

test('AER parameters as Keras counts them: Orion default (30 units, one feature) 29,581', () => {
  assert.equal(aerParameterCount(spec({ units: 30, window: 100 })), 29581);
  // 2 x 4(5(1+5)+5) + 2 x 4(5(10+5)+5) + 10 + 1
  assert.equal(aerParameterCount(spec()), 2 * 140 + 2 * 320 + 11);
});

test('AER forward equals the tfjs-layers Bidirectional model (inference, every step of the output)', async () => {
  await selectBackend('wasm');
  const s = spec({ features: 2, units: 6 });
  const m = await createAerModel(s);
  const model = buildAerLayersModel(s, m.getWeights());
  try {
    const n = 5;
    const x = testWindows(n, s.window, s.features, 2);
    const out = await m.predict(x, n, 3);
    const { whole, inner } = batchTensors(s, x, [0, 1, 2, 3, 4]);
    const y = model.predict(inner) as tf.Tensor;
    assert.deepEqual(y.shape, [n, s.window, s.features]);
    const e = relErr(out, y.dataSync());
    assert.ok(e < 1e-5, `relative error ${e}`);
    tf.dispose([whole, inner, y]);
  } finally {
    m.dispose();
    model.dispose();
  }
});

test('AER gradients equal tfjs autograd through Bidirectional LSTMs: each wasm provider, one and several features', async () => {
  await selectBackend('wasm');
  await checkAgainstLayers(spec());
  await checkAgainstLayers(spec({ features: 3, units: 9, regRatio: 0.3 }));
  for (const gemm of ['wasm', 'simd', 'xnnpack'] as const) await checkAgainstLayers(spec({ units: 9 }), gemm);
  // inputs wider than the per-step projection: projected once per sequence
  await checkAgainstLayers(spec({ features: 11, units: 4 }));
});

test('AER gradients on the cpu backend (tfjs-ops products, JS cell) equal autograd too', async () => {
  await selectBackend('cpu');
  assert.match(await checkAgainstLayers(spec({ units: 4 })), /^tfjs-cpu/);
});

test('AER gradient check by central differences on a tiny model', async () => {
  await selectBackend('wasm');
  const s = spec({ window: 5, units: 3, seed: 8 });
  const m = await createAerModel(s);
  try {
    const n = 4;
    const x = testWindows(n, s.window, s.features, 6);
    const order = [0, 1, 2, 3];
    const base = m.getWeights();
    const { grads } = m.gradients(x, n, order);
    const h = 1e-2;
    let checked = 0;
    for (let wi = 0; wi < base.length; wi++) {
      // every weight array: its first and last value
      for (const k of [0, base[wi].values.length - 1]) {
        const at = (delta: number) => {
          const w = base.map((b) => ({ ...b, values: Float32Array.from(b.values) }));
          w[wi].values[k] += delta;
          m.setWeights(w);
          return m.gradients(x, n, order).loss;
        };
        const fd = (at(h) - at(-h)) / (2 * h);
        const g = grads[wi].values[k];
        assert.ok(Math.abs(fd - g) <= 2e-3 * Math.max(1, Math.abs(g)) + 1e-4, `${base[wi].name}[${k}]: ${g} vs ${fd}`);
        checked++;
      }
    }
    assert.equal(checked, 28);
  } finally {
    m.dispose();
  }
});

test('AER training: same seed, same bits; the loss falls; another seed differs', async () => {
  await selectBackend('wasm');
  const s = spec({ window: 10, units: 8 });
  const n = 40;
  const x = testWindows(n, s.window, s.features, 4);
  const run = async (seed: number) => {
    const m = await createAerModel({ ...s, seed, learningRate: 0.01 });
    try {
      const losses: number[] = [];
      const order = Array.from({ length: n }, (_, i) => (i * 7) % n);
      for (let e = 0; e < 6; e++) losses.push(await m.trainEpoch(x, n, order, 16));
      return { losses, out: await m.predict(x, n) };
    } finally {
      m.dispose();
    }
  };
  const a = await run(1);
  const b = await run(1);
  const c = await run(2);
  assert.deepEqual(a.losses, b.losses);
  assert.deepEqual(a.out, b.out);
  assert.notDeepEqual(a.out, c.out);
  assert.ok(a.losses[5] < 0.7 * a.losses[0], `losses ${a.losses}`);
});

test('AER model: a window below 4 steps is an input error', async () => {
  await assert.rejects(createAerModel(spec({ window: 3 })), /invalid window: 3 \(an integer >= 4 for aer\)/);
});
