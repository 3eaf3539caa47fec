import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { relErr, testWindows } from '../../../tools/testing/model-data';
import { selectBackend } from '../../backend/select';
import { Rng } from '../../util/random';
import type { Compute } from '../compute/compute';
import { computeFactory } from '../compute/factory';
import { wasmModule } from '../compute/wasm';
import { createAutoencoder } from '../create';
import { nativeKernelsStatus } from '../kernels';
import { buildLayersModel } from '../reference/layers-reference';
import { parameterCount, resolveSpec } from '../spec';
import { LstmEngine } from './engine';
import type { LstmAutoencoder } from './lstm-autoencoder';

const SPECS = [
  resolveSpec({ window: 8, features: 1, encoder: [16], seed: 1 }),
  resolveSpec({ window: 6, features: 2, encoder: [16], seed: 2 }),
  resolveSpec({ window: 7, features: 1, encoder: [12, 8, 4], seed: 3 }),
  resolveSpec({ window: 5, features: 2, encoder: [10, 6], loss: 'mse', seed: 4 }),
];

for (const backend of ['wasm', 'cpu'] as const) {
  test(`predictions equal the stock tfjs-layers model within 1e-5 (${backend})`, async () => {
    await selectBackend(backend);
    for (const spec of SPECS) {
      const ae = await createAutoencoder(spec);
      assert.equal(ae.backend, backend);
      const n = 11;
      const x = testWindows(n, spec.window, spec.features, 8);
      // Train a little so the weights are not just the initialisation.
      await ae.trainEpoch(x, n, new Rng(1).permutation(n), 4);
      const y = await ae.predict(x, n, 4);
      const model = buildLayersModel(spec, ae.getWeights());
      const xt = tf.tensor3d(x, [n, spec.window, spec.features]);
      const ref = model.predict(xt) as tf.Tensor;
      const r = ref.dataSync();
      let maxAbs = 0;
      for (let k = 0; k < r.length; k++) maxAbs = Math.max(maxAbs, Math.abs(y[k] - r[k]));
      assert.ok(maxAbs < 1e-5, `[${spec.encoder}] x ${spec.features}: max difference ${maxAbs}`);
      tf.dispose([xt, ref]);
      model.dispose();
      ae.dispose();
    }
  });
}

test('parameterCount matches the layers model (198,273 for the default model)', async () => {
  await selectBackend('wasm');
  const spec = resolveSpec();
  assert.equal(parameterCount(spec), 198273);
  const model = buildLayersModel(spec);
  assert.equal(model.countParams(), 198273);
  model.dispose();
  const stacked = resolveSpec({ encoder: [64, 32, 16], features: 2 });
  const m2 = buildLayersModel(stacked);
  assert.equal(m2.countParams(), parameterCount(stacked));
  m2.dispose();
});

test('a seeded run is reproducible to the last digit; another seed differs', async () => {
  await selectBackend('wasm');
  const run = async (seed: number) => {
    const spec = resolveSpec({ window: 6, features: 1, encoder: [12, 6], dropout: 0.2, seed });
    const ae = await createAutoencoder(spec);
    const n = 40;
    const x = testWindows(n, 6, 1, 11);
    const rng = new Rng(seed);
    const losses = [];
    for (let e = 0; e < 3; e++) losses.push(await ae.trainEpoch(x, n, rng.permutation(n), 8));
    const y = await ae.predict(x, n);
    ae.dispose();
    return { losses, y };
  };
  const a = await run(7);
  const b = await run(7);
  assert.deepEqual(a.losses, b.losses);
  assert.deepEqual(a.y, b.y);
  const c = await run(8);
  assert.notDeepEqual(a.losses, c.losses);
});

test('wasm memory growing in the middle of a training step changes nothing (dropout masks live in that memory)', async () => {
  await selectBackend('wasm');
  const spec = resolveSpec({ window: 6, features: 1, encoder: [12], dropout: 0.3, seed: 5 });
  const n = 16;
  const x = testWindows(n, 6, 1, 2);
  const order = new Rng(2).permutation(n);
  const run = async (grow: boolean) => {
    let grown = false;
    // The first weight-gradient product of the run grows the memory (as a second model, or a big tensor, can):
    // every view taken before it is detached.
    const wrapCompute = (g: Compute): Compute => ({
      ...g,
      mmT(a, b, out) {
        if (grow && !grown) {
          const mod = wasmModule()!;
          const before = mod.HEAPU8.buffer.byteLength;
          mod._free(mod._malloc(before));
          grown = mod.HEAPU8.buffer.byteLength > before;
        }
        g.mmT(a, b, out);
      },
    });
    const ae = await createAutoencoder(spec, { threads: 1, wrapCompute });
    const loss = await ae.trainEpoch(x, n, order, 8);
    const w = ae.getWeights();
    ae.dispose();
    return { loss, w, grown };
  };
  const plain = await run(false);
  const grown = await run(true);
  assert.ok(grown.grown, 'the memory did not grow');
  assert.ok(Number.isFinite(grown.loss), `loss ${grown.loss}`);
  assert.equal(grown.loss, plain.loss);
  assert.deepEqual(grown.w, plain.w);
});

const nativeBuilds = nativeKernelsStatus().runnable.filter((b) => b !== '0');
const noNative = nativeBuilds.length === 0 && `native kernels: ${nativeKernelsStatus().reason}`;

/** Runs `f` with LSTM_ANOMALY_NATIVE set to `value`, then restores it. */
async function withNativeEnv<T>(value: string, f: () => Promise<T>): Promise<T> {
  const saved = process.env.LSTM_ANOMALY_NATIVE;
  process.env.LSTM_ANOMALY_NATIVE = value;
  try {
    return await f();
  } finally {
    if (saved === undefined) delete process.env.LSTM_ANOMALY_NATIVE;
    else process.env.LSTM_ANOMALY_NATIVE = saved;
  }
}

test('native kernels, AVX-512 and AVX2, train to the same bits as the WebAssembly ones, one thread or two', {
  skip: noNative,
}, async () => {
  await selectBackend('wasm');
  const spec = resolveSpec({ window: 10, features: 1, encoder: [24, 8], dropout: 0.2, seed: 9 });
  const n = 96;
  const x = testWindows(n, 10, 1, 4);
  const run = async (gemm: 'native' | 'wasm', threads: 1 | 2) => {
    const ae = await createAutoencoder(spec, { gemm, threads });
    const rng = new Rng(4);
    const losses = [];
    for (let e = 0; e < 2; e++) losses.push(await ae.trainEpoch(x, n, rng.permutation(n), 32));
    const y = await ae.predict(x, n);
    const engine = (ae as LstmAutoencoder).engine;
    ae.dispose();
    return { losses, y, engine };
  };
  const wasm = await run('wasm', 1);
  for (const build of nativeBuilds) {
    // The worker thread takes the environment when it starts, so it runs the same build.
    await withNativeEnv(build, async () => {
      for (const threads of [1, 2] as const) {
        const nat = await run('native', threads);
        assert.match(nat.engine, new RegExp(`^native-${build === 'avx2' ? 'avx2-fma' : build}, ${threads} thread`));
        assert.deepEqual(nat.losses, wasm.losses, `${build}, ${threads} threads`);
        assert.deepEqual(nat.y, wasm.y, `${build}, ${threads} threads`);
      }
    });
  }
  assert.match(wasm.engine, /^wasm-simd/);
});

test('LSTM_ANOMALY_NATIVE: an unknown value, or a build this CPU cannot run, is one line naming what it can run', {
  skip: noNative,
}, async () => {
  await selectBackend('wasm');
  const spec = resolveSpec({ window: 4, features: 1, encoder: [4], seed: 1 });
  const can = `this CPU can run: ${[...nativeBuilds, '0'].join(', ')}`;
  const fails = (value: string) =>
    withNativeEnv(value, () =>
      assert.rejects(
        createAutoencoder(spec, { threads: 1 }),
        (e: Error) => e.name === 'InputError' && e.message === `invalid LSTM_ANOMALY_NATIVE: ${value} (${can})`,
      ),
    );
  await fails('avx9');
  if (!nativeBuilds.includes('avx512')) await fails('avx512');
  const engine = await withNativeEnv('0', async () => {
    const ae = await createAutoencoder(spec, { threads: 1 });
    const name = (ae as LstmAutoencoder).engine;
    ae.dispose();
    return name;
  });
  assert.match(engine, /^wasm-simd/);
});

for (const backend of ['wasm', 'cpu'] as const) {
  test(`tensor count and wasm memory do not grow from epoch to epoch; loss goes down (${backend})`, async () => {
    await selectBackend(backend);
    const spec = resolveSpec({ window: 8, features: 1, encoder: [16], dropout: 0.1, learningRate: 0.01 });
    const ae = await createAutoencoder(spec);
    const n = 48;
    const x = testWindows(n, 8, 1, 5);
    const rng = new Rng(3);
    const counts: number[] = [];
    const heap: number[] = [];
    const losses: number[] = [];
    for (let e = 0; e < 5; e++) {
      losses.push(await ae.trainEpoch(x, n, rng.permutation(n), 10));
      await ae.predict(x, n, 20);
      counts.push(tf.memory().numTensors);
      heap.push(wasmModule()?.HEAPU8.buffer.byteLength ?? 0);
    }
    ae.dispose();
    assert.ok(
      counts.every((c) => c === counts[0]),
      `tensors per epoch: ${counts}`,
    );
    assert.ok(
      heap.slice(1).every((h) => h === heap[1]),
      `wasm heap per epoch: ${heap}`,
    );
    assert.ok(losses[4] < losses[0], `losses: ${losses}`);
  });
}

test('getWeights/setWeights round-trip gives identical predictions', async () => {
  await selectBackend('wasm');
  const spec = resolveSpec({ window: 6, features: 2, encoder: [8, 4], seed: 12 });
  const a = await createAutoencoder(spec);
  const b = await createAutoencoder({ ...spec, seed: 99 });
  const n = 7;
  const x = testWindows(n, 6, 2, 1);
  await a.trainEpoch(x, n, [0, 1, 2, 3, 4, 5, 6], 3);
  const before = await b.predict(x, n);
  b.setWeights(a.getWeights());
  assert.deepEqual(await b.predict(x, n), await a.predict(x, n));
  assert.ok(relErr(before, await a.predict(x, n)) > 1e-3);
  const w = a.getWeights();
  assert.deepEqual(w.map((v) => v.name).slice(0, 3), ['lstm_0/kernel', 'lstm_0/recurrent_kernel', 'lstm_0/bias']);
  assert.throws(() => b.setWeights(w.slice(1)), /weights: expected/);
  a.dispose();
  b.dispose();
  await assert.rejects(a.predict(x, n), /disposed/);
});

test('a batch computed in larger buffers (the rows past it dropped) gives the bits of its own batch', async () => {
  await selectBackend('wasm');
  const spec = resolveSpec({ window: 6, features: 2, encoder: [8, 4], seed: 5 });
  const core = new LstmEngine(spec, computeFactory('auto'));
  const n = 11;
  const x = testWindows(n, 6, 2, 3);
  const exact = new Float32Array(n * 12);
  const padded = new Float32Array(n * 12);
  for (let s = 0; s < n; s += 4) core.reconstruct(x, s, Math.min(4, n - s), exact);
  // Buffers of 9 rows: the first call leaves zeros past its 4 windows, later ones the rows of earlier batches.
  for (let s = 0; s < n; s += 4) core.reconstruct(x, s, Math.min(4, n - s), padded, 9);
  assert.deepEqual(padded, exact);
  assert.ok(exact.every((v) => Number.isFinite(v)) && exact.some((v) => v !== 0));
  assert.throws(() => core.reconstruct(x, 0, 4, padded, 3), /invalid rows: 3 for a batch of 4/);
  core.dispose();
});

test('invalid inputs are refused with a clear message', async () => {
  await selectBackend('wasm');
  const ae = await createAutoencoder(resolveSpec({ window: 4, encoder: [4] }));
  await assert.rejects(ae.predict(new Float32Array(7), 2), /invalid windows: 7 values for 2 windows/);
  await assert.rejects(ae.trainEpoch(new Float32Array(8), 2, [0, 2], 1), /invalid order: entry 1 is 2/);
  await assert.rejects(ae.trainEpoch(new Float32Array(8), 2, [0, 1], 0), /invalid batch size: 0/);
  ae.dispose();
});
