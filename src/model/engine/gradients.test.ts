import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../../backend/select';
import { createAutoencoder } from '../create';
import { dropoutMasks } from './dropout';
import type { ComputeKind } from '../compute/factory';
import { relaxedSimdAvailable } from '../kernels';
import { nativeKernelsStatus } from '../kernels';
import { LstmAutoencoder } from './lstm-autoencoder';
import { buildLayersModel } from '../reference/layers-reference';
import { referenceLoss } from '../reference/reference-ops';
import { AutoencoderSpec, resolveSpec } from '../spec';
import { relErr, testWindows } from '../../../tools/testing/model-data';
import { STEP_PROJECTION_MAX_D } from './lstm-buffers';

/** Engine gradients vs tfjs autograd over the straightforward tf-ops model with the same masks. */
async function checkAgainstAutograd(spec: AutoencoderSpec, withDropout: boolean, gemm: ComputeKind = 'auto'): Promise<string> {
  const ae = (await createAutoencoder(spec, { gemm })) as LstmAutoencoder;
  const provider = ae.computeName;
  try {
    const B = 6;
    const n = 9;
    const x = testWindows(n, spec.window, spec.features, 3);
    const order = [4, 1, 7, 0, 8, 2];
    const { loss, grads } = ae.gradients(x, n, order, withDropout);
    const k = spec.encoder.length;
    const masks = withDropout ? dropoutMasks(spec.dropout, spec.seed, 0, 0, B, spec.window, spec.encoder[k - 1], spec.encoder[0]) : null;
    const xb = new Float32Array(B * spec.window * spec.features);
    const size = spec.window * spec.features;
    order.forEach((w, b) => xb.set(x.subarray(w * size, (w + 1) * size), b * size));
    const vars: Record<string, tf.Variable> = {};
    for (const w of ae.getWeights()) vars[w.name] = tf.variable(tf.tensor(w.values, w.shape), true, `ref_${w.name}_${Math.random()}`);
    const xt = tf.tensor3d(xb, [B, spec.window, spec.features]);
    const { value, grads: ref } = tf.variableGrads(() => referenceLoss(spec, vars, xt, masks), Object.values(vars));
    assert.ok(Math.abs(loss - value.dataSync()[0]) <= 1e-5 * Math.abs(loss), `loss ${loss} vs ${value.dataSync()[0]}`);
    for (const g of grads) {
      const r = ref[vars[g.name].name].dataSync();
      const e = relErr(g.values, r);
      assert.ok(e < 1e-5, `${g.name}: relative error ${e}`);
    }
    tf.dispose([value, xt, ...Object.values(ref), ...Object.values(vars)]);
  } finally {
    ae.dispose();
  }
  return provider;
}

test('gradients equal tfjs autograd: single layer, MAE, with dropout masks', async () => {
  await selectBackend('wasm');
  await checkAgainstAutograd(resolveSpec({ window: 6, features: 1, encoder: [12], dropout: 0.3, seed: 5 }), true);
});

test('gradients equal tfjs autograd: stacked layers, 2 features, MSE, with and without dropout', async () => {
  await selectBackend('wasm');
  const spec = resolveSpec({ window: 5, features: 2, encoder: [10, 6, 4], dropout: 0.25, loss: 'mse', seed: 9 });
  await checkAgainstAutograd(spec, true);
  await checkAgainstAutograd(spec, false);
});

test('gradients equal autograd over the stock tfjs-layers model (no dropout)', async () => {
  await selectBackend('wasm');
  const spec = resolveSpec({ window: 6, features: 2, encoder: [8, 4], dropout: 0, seed: 2 });
  const ae = (await createAutoencoder(spec)) as LstmAutoencoder;
  const model = buildLayersModel(spec, ae.getWeights());
  try {
    const n = 5;
    const x = testWindows(n, spec.window, spec.features, 4);
    const { grads } = ae.gradients(x, n, [0, 1, 2, 3, 4]);
    const xt = tf.tensor3d(x, [n, spec.window, spec.features]);
    const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
    const { grads: ref } = tf.variableGrads(() => tf.mean(tf.abs(tf.sub(model.apply(xt, { training: true }) as tf.Tensor, xt))) as tf.Scalar, vars);
    grads.forEach((g, i) => {
      const e = relErr(g.values, ref[vars[i].name].dataSync());
      assert.ok(e < 1e-5, `${g.name}: relative error ${e}`);
    });
    tf.dispose([xt, ...Object.values(ref)]);
  } finally {
    ae.dispose();
    model.dispose();
  }
});

test('gradients on the cpu backend (tfjs-ops products) equal autograd too', async () => {
  await selectBackend('cpu');
  await checkAgainstAutograd(resolveSpec({ window: 5, features: 1, encoder: [8, 4], dropout: 0.2, seed: 1 }), true);
});

test('gradients equal autograd with each wasm compute provider: native and SIMD kernels with and without FMA, XNNPACK + JS cell', async () => {
  await selectBackend('wasm');
  // Units that are not multiples of 4 or 8 take the kernels' tail paths.
  const spec = resolveSpec({ window: 7, features: 1, encoder: [9, 5], dropout: 0.2, seed: 4 });
  const wasm = relaxedSimdAvailable() ? 'wasm-simd-fma' : 'wasm-simd';
  const native = nativeKernelsStatus().build;
  assert.equal(await checkAgainstAutograd(spec, true), native ? `native-${native === 'avx2' ? 'avx2-fma' : native}` : wasm);
  assert.equal(await checkAgainstAutograd(spec, true, 'wasm'), wasm);
  assert.equal(await checkAgainstAutograd(spec, true, 'simd'), 'wasm-simd');
  assert.equal(await checkAgainstAutograd(spec, true, 'xnnpack'), 'wasm-xnnpack');
});

test('gradients equal autograd with inputs wider than the per-step projection (11 features: projected once per sequence)', async () => {
  await selectBackend('wasm');
  const spec = resolveSpec({ window: 5, features: STEP_PROJECTION_MAX_D + 3, encoder: [6], dropout: 0.2, seed: 8 });
  await checkAgainstAutograd(spec, true);
  await checkAgainstAutograd(spec, true, 'xnnpack');
});

test('gradients stay right after many steps with every wasm provider (cached operands follow each update)', async () => {
  await selectBackend('wasm');
  const spec = resolveSpec({ window: 6, features: 1, encoder: [8], dropout: 0, seed: 3 });
  const x = testWindows(16, spec.window, spec.features, 5);
  const order = Array.from({ length: 16 }, (_, i) => i);
  const run = async (gemm: ComputeKind) => {
    const ae = (await createAutoencoder(spec, { gemm, threads: 1 })) as LstmAutoencoder;
    try {
      const losses: number[] = [];
      for (let e = 0; e < 5; e++) losses.push(await ae.trainEpoch(x, 16, order, 4));
      return { losses, grads: ae.gradients(x, 16, [0, 1, 2]).grads };
    } finally {
      ae.dispose();
    }
  };
  const ref = await run('auto');
  for (const gemm of ['wasm', 'simd', 'xnnpack'] as const) {
    const r = await run(gemm);
    r.losses.forEach((l, i) => assert.ok(Math.abs(l - ref.losses[i]) < 1e-5, `${gemm} epoch ${i + 1}: ${l} vs ${ref.losses[i]}`));
    r.grads.forEach((g, i) => assert.ok(relErr(g.values, ref.grads[i].values) < 1e-4, `${gemm} ${g.name}: ${relErr(g.values, ref.grads[i].values)}`));
  }
});
